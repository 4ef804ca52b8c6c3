"""The field-level three-way merge of a team package into the audit here (docs/team.md).

For every travelling record and field: ``base`` is the value both copies started from, ``mine``
the value here, ``theirs`` the value in the package. Changed on one side only: that side's value
stands (theirs is applied). Changed on both sides to different values: a conflict, which the user
here resolves (mine, theirs, or an edited value); nothing is overwritten silently, and a merge with
an unresolved conflict changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auditapp.core import team_records
from auditapp.core.team_records import KINDS, ORDER, Change, Records
from auditapp.errors import Refused

# A response's who/when follow its answer: they never conflict on their own.
FOLLOWERS = {"response": ("answered_by", "answered_at")}
RECORD = (
    "*"  # the field name of a whole-record conflict (deleted on one side, changed on the other)
)


@dataclass
class Conflict:
    kind: str
    key: str
    field: str
    label: str  # e.g. "finding F-03 title"
    base: str | None
    mine: str | None
    theirs: str | None
    mine_by: Change | None
    theirs_by: Change | None

    @property
    def id(self) -> str:
        short = self.key if self.kind in ("response", "audit") else self.key[:8]
        return f"{self.kind}:{short}:{self.field}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "what": self.label,
            "base": self.base,
            "mine": self.mine,
            "theirs": self.theirs,
            "mine_by": None if self.mine_by is None else vars(self.mine_by),
            "theirs_by": None if self.theirs_by is None else vars(self.theirs_by),
        }


@dataclass
class Plan:
    """What a merge will do: records to create or delete, fields to set, conflicts to resolve."""

    create: list[tuple[str, str]] = field(default_factory=list)  # (kind, key)
    delete: list[tuple[str, str]] = field(default_factory=list)
    update: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, key, field)
    conflicts: list[Conflict] = field(default_factory=list)
    # Evidence the package brings that is here already under another id (same SHA-256).
    alias: dict[str, str] = field(default_factory=dict)


def check_records(value: Any, where: str) -> Records:
    """team.json's record maps: kinds we know, text keys, text-or-null values."""
    if not isinstance(value, dict) or not set(value) <= set(KINDS):
        raise Refused(f"{where}: unknown record kinds")
    for kind, rows in value.items():
        allowed = set(KINDS[kind][1]) | set(team_records.EXTRA.get(kind, ()))
        if not isinstance(rows, dict) or len(rows) > 20_000:
            raise Refused(f"{where}.{kind}: expected a map of records")
        for key, values in rows.items():
            if not isinstance(key, str) or len(key) > 40 or not isinstance(values, dict):
                raise Refused(f"{where}.{kind}: malformed record")
            for name, text in values.items():
                if name not in allowed or not (text is None or isinstance(text, str)):
                    raise Refused(f"{where}.{kind}.{key[:8]}.{str(name)[:40]}: unexpected field")
                if isinstance(text, str) and len(text) > 100_000:
                    raise Refused(f"{where}.{kind}.{key[:8]}.{name}: value too long")
    return value


def label(kind: str, key: str, values: dict[str, str | None] | None, fieldname: str) -> str:
    values = values or {}
    if kind == "audit":
        name = "audit"
    elif kind == "response":
        name = f"answer {key}"
    elif kind == "finding":
        number = values.get("number")
        name = (
            f"finding F-{int(number):02d}" if number else f"finding {values.get('title', '')!s:.40}"
        )
    elif kind == "evidence":
        name = f"evidence {values.get('file_name', key[:8])}"
    else:
        first = next(iter(values.values()), None) if values else None
        name = f"{kind.replace('_', ' ')} {first or key[:8]}"
    return name if fieldname == RECORD else f"{name}: {fieldname.replace('_', ' ')}"


def plan(
    base: Records,
    mine: Records,
    theirs: Records,
    mine_by: dict[tuple[str, str, str], Change],
    theirs_by: dict[tuple[str, str, str], Change],
) -> Plan:
    result = Plan()
    my_evidence = {v.get("sha256"): k for k, v in mine.get("evidence", {}).items()}
    for kind in ORDER:
        b_rows, m_rows, t_rows = base.get(kind, {}), mine.get(kind, {}), theirs.get(kind, {})
        fields = KINDS[kind][1]
        for key in list(dict.fromkeys([*b_rows, *t_rows])):
            b, m, t = b_rows.get(key), m_rows.get(key), t_rows.get(key)
            if t is None:
                if b is not None and m is not None:  # deleted there
                    if _same(m, b, fields):
                        result.delete.append((kind, key))
                    else:
                        result.conflicts.append(
                            Conflict(
                                kind,
                                key,
                                RECORD,
                                label(kind, key, m, RECORD),
                                "(kept)",
                                "(changed here)",
                                "(deleted)",
                                _newest(mine_by, kind, key),
                                _newest(theirs_by, kind, key),
                            )
                        )
                continue
            if m is None:
                if b is None:
                    twin = my_evidence.get(t.get("sha256")) if kind == "evidence" else None
                    if twin is not None:  # the same photo came from two people: keep it once
                        result.alias[key] = twin
                    else:
                        result.create.append((kind, key))
                elif not _same(t, b, fields):  # deleted here, changed there
                    result.conflicts.append(
                        Conflict(
                            kind,
                            key,
                            RECORD,
                            label(kind, key, t, RECORD),
                            "(kept)",
                            "(deleted)",
                            "(changed there)",
                            None,
                            _newest(theirs_by, kind, key),
                        )
                    )
                continue
            for name in fields:
                if name in FOLLOWERS.get(kind, ()):
                    continue
                bv = None if b is None else b.get(name)
                mv, tv = m.get(name), t.get(name)
                if tv in (mv, bv):
                    continue
                if b is not None and mv == bv:
                    result.update.append((kind, key, name))
                else:
                    result.conflicts.append(
                        Conflict(
                            kind,
                            key,
                            name,
                            label(kind, key, m, name),
                            bv,
                            mv,
                            tv,
                            mine_by.get((kind, key, name)),
                            theirs_by.get((kind, key, name)),
                        )
                    )
    return result


def _same(a: dict[str, str | None], b: dict[str, str | None], fields: tuple[str, ...]) -> bool:
    return all(a.get(f) == b.get(f) for f in fields)


def _newest(found: dict[tuple[str, str, str], Change], kind: str, key: str) -> Change | None:
    changes = [c for (k, r, _f), c in found.items() if k == kind and r == key]
    return max(changes, key=lambda c: c.at) if changes else None


def theirs_changes(raw: Any) -> dict[tuple[str, str, str], Change]:
    """The package's who/when per changed field, checked for shape."""
    found: dict[tuple[str, str, str], Change] = {}
    if not isinstance(raw, dict):
        return found
    for kind, rows in raw.items():
        for key, names in (rows or {}).items() if isinstance(rows, dict) else ():
            for name, who in (names or {}).items() if isinstance(names, dict) else ():
                if (
                    isinstance(who, dict)
                    and isinstance(who.get("user"), str)
                    and isinstance(who.get("at"), str)
                ):
                    found[(str(kind), str(key), str(name))] = Change(
                        who["user"][:64], who["at"][:40]
                    )
    return found
