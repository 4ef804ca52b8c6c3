"""The settings table: one JSON value per key, changed through the ORM so the trail sees it.

Only storage; what a setting means and which values it takes is in settings.py (the
application's settings) and reports/branding.py (the report's branding).
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from auditapp.core.models import Setting


def get_setting(session: Session, key: str, default: object) -> object:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value_json)


def put_setting(session: Session, key: str, value: object) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    elif row.value_json != text:
        row.value_json = text
    session.flush()
