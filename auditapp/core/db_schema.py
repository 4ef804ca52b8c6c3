"""The schema revisions: the migrations shipped in the package and their head."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _alembic_config(connection: object | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION_LINE = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(.*?)\s*$", re.MULTILINE)


@functools.cache
def _revision_graph() -> dict[str, str | None] | None:
    """revision -> down_revision, read from the migration files as text.

    Importing Alembic costs about 0.1 s of every start-up only to learn the head revision; a
    scan of the few files gives the same answer. None when the files cannot be read plainly
    (a frozen build without sources, a merge revision): then Alembic answers.
    """
    graph: dict[str, str | None] = {}
    for source in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(_REVISION_LINE.findall(source.read_text(encoding="utf-8")))
        values = {k: v.strip("'\"") for k, v in found.items()}
        if "revision" not in values or "(" in found.get("down_revision", "("):
            return None
        down = values["down_revision"]
        graph[values["revision"]] = None if down == "None" else down
    return graph or None


def head_revision() -> str:
    graph = _revision_graph()
    if graph is not None:
        heads = set(graph) - {down for down in graph.values() if down}
        if len(heads) == 1:
            return heads.pop()
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def _known_revisions() -> set[str]:
    graph = _revision_graph()
    if graph is not None:
        return set(graph)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}
