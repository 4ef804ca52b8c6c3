"""Alembic environment: runs on the connection open_database() hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from auditapp.core import oversight_models as oversight_models  # its tables join Base
from auditapp.core.models import Base, is_mapped_schema_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the app runs migrations
    raise RuntimeError("AuditApp migrations run through auditapp.core.db.open_database()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=is_mapped_schema_name,
)

with context.begin_transaction():
    context.run_migrations()
    violations = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    if violations:
        # Raising inside the transaction rolls the whole upgrade back.
        raise RuntimeError(f"foreign key check failed after migration: {violations[:5]}")
