"""Oversight KPI definitions, shipped as data (resources/oversight/kpis.yaml) like the checklists.

Each KPI has a unit, a direction (higher or lower is better) and two thresholds: ``warning``
(watch) and ``breach`` (opens an escalation). The escalation path (levels, who, days to respond)
is defined in the same file, as the quality agreement or oversight plan sets it. A bad file is
refused with one line naming the file, the line and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from auditapp import paths
from auditapp.core import input_limits
from auditapp.core.checklists import _line_of, _LineLoader  # same line-numbered errors
from auditapp.core.models import Language, codes
from auditapp.errors import BadInput

KPI_FILE = "kpis.yaml"
DIRECTIONS = ("higher_is_better", "lower_is_better")
LANGUAGES = codes(Language)
_ID = re.compile(r"^[a-z][a-z0-9_]{1,59}$")


class KpiFileError(BadInput):
    """The KPI definitions are invalid; the message names file, line and field."""


@dataclass(frozen=True)
class Level:
    level: int
    name: dict[str, str]
    respond_days: int

    def label(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name["en"]


@dataclass(frozen=True)
class Kpi:
    id: str
    name: dict[str, str]
    description: dict[str, str]
    unit: str
    direction: str
    warning: float
    breach: float
    escalate_to: int = 1

    def label(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name["en"]

    def worse(self, value: float, limit: float) -> bool:
        """Whether ``value`` is on the wrong side of ``limit`` (the limit itself is still fine)."""
        return value < limit if self.direction == "higher_is_better" else value > limit

    def rating(self, value: float) -> str:
        """ "breach", "warning" or "ok"."""
        if self.worse(value, self.breach):
            return "breach"
        if self.worse(value, self.warning):
            return "warning"
        return "ok"


@dataclass(frozen=True)
class KpiSet:
    version: str
    levels: tuple[Level, ...]
    kpis: tuple[Kpi, ...]

    def get(self, kpi_id: str) -> Kpi:
        for kpi in self.kpis:
            if kpi.id == kpi_id:
                return kpi
        raise BadInput(f"unknown KPI {kpi_id!r}; known: {', '.join(k.id for k in self.kpis)}")

    def level(self, number: int) -> Level:
        for level in self.levels:
            if level.level == number:
                return level
        raise BadInput(
            f"escalation level {number} is not on the escalation path (1-{len(self.levels)})"
        )

    @property
    def top_level(self) -> int:
        return self.levels[-1].level


def _text(value: Any, where: list[str | int], fail: Any) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"en": value.strip()}
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("en"), str)
        or not value["en"].strip()
    ):
        raise fail(where, "needs an English text (en:), optionally de:")
    value = {k: v for k, v in value.items() if k not in ("__lines__", "__line__")}
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise fail(where, f"unknown language {sorted(unknown)[0]!r}")
    return {k: str(v).strip() for k, v in value.items() if str(v).strip()}


def _number(value: Any, where: list[str | int], fail: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(where, f"must be a number, not {value!r}")
    return float(value)


def validate(document: Any, *, source: str) -> KpiSet:
    def fail(path: list[str | int], message: str) -> KpiFileError:
        line = _line_of(document, path)
        where = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in path) or "(top level)"
        where = where.replace(".[", "[")
        return KpiFileError(
            f"{source}:{line}: {where}: {message}" if line else f"{source}: {where}: {message}"
        )

    if not isinstance(document, dict):
        raise KpiFileError(f"{source}:1: (top level): KPI definitions must be a YAML mapping")
    levels_raw = document.get("escalation_path")
    if not isinstance(levels_raw, list) or not levels_raw:
        raise fail(["escalation_path"], "needs a list of at least one level")
    levels: list[Level] = []
    for index, raw in enumerate(levels_raw):
        here: list[str | int] = ["escalation_path", index]
        if not isinstance(raw, dict):
            raise fail(here, "each level must be a mapping")
        if raw.get("level") != index + 1:
            raise fail(
                [*here, "level"], f"levels must be numbered 1, 2, 3... (expected {index + 1})"
            )
        days = raw.get("respond_days", 10)
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
            raise fail([*here, "respond_days"], "must be a whole number of days, 1-365")
        levels.append(Level(index + 1, _text(raw.get("name"), [*here, "name"], fail), days))
    kpis_raw = document.get("kpis")
    if not isinstance(kpis_raw, list) or not kpis_raw:
        raise fail(["kpis"], "needs a list of at least one KPI")
    kpis: list[Kpi] = []
    for index, raw in enumerate(kpis_raw):
        here = ["kpis", index]
        if not isinstance(raw, dict):
            raise fail(here, "each KPI must be a mapping")
        kpi_id = raw.get("id")
        if not isinstance(kpi_id, str) or not _ID.match(kpi_id):
            raise fail([*here, "id"], "needs an id of lower-case letters, digits and _")
        if any(k.id == kpi_id for k in kpis):
            raise fail([*here, "id"], f"id {kpi_id!r} is used twice")
        unknown = set(raw) - {
            "id",
            "name",
            "description",
            "unit",
            "direction",
            "thresholds",
            "escalate_to",
            "__lines__",
            "__line__",
        }
        if unknown:
            raise fail([*here, sorted(unknown)[0]], "unknown field")
        if raw.get("direction") not in DIRECTIONS:
            raise fail([*here, "direction"], f"must be one of {', '.join(DIRECTIONS)}")
        unit = raw.get("unit")
        if not isinstance(unit, str) or not unit.strip():
            raise fail([*here, "unit"], "needs a unit (e.g. %, days)")
        thresholds = raw.get("thresholds")
        if not isinstance(thresholds, dict):
            raise fail([*here, "thresholds"], "needs warning: and breach: numbers")
        warning = _number(thresholds.get("warning"), [*here, "thresholds", "warning"], fail)
        breach = _number(thresholds.get("breach"), [*here, "thresholds", "breach"], fail)
        higher = raw["direction"] == "higher_is_better"
        if (higher and breach > warning) or (not higher and breach < warning):
            raise fail(
                [*here, "thresholds"],
                "the breach threshold must be beyond the warning "
                f"threshold ({'lower' if higher else 'higher'} for {raw['direction']})",
            )
        escalate_to = raw.get("escalate_to", 1)
        if escalate_to not in range(1, len(levels) + 1) or isinstance(escalate_to, bool):
            raise fail([*here, "escalate_to"], f"must be a level of the path (1-{len(levels)})")
        kpis.append(
            Kpi(
                id=kpi_id,
                name=_text(raw.get("name"), [*here, "name"], fail),
                description=_text(
                    raw.get("description") or raw.get("name"), [*here, "description"], fail
                ),
                unit=unit.strip(),
                direction=raw["direction"],
                warning=warning,
                breach=breach,
                escalate_to=escalate_to,
            )
        )
    return KpiSet(str(document.get("version", "1")), tuple(levels), tuple(kpis))


def parse_text(text: str, *, source: str) -> KpiSet:
    try:
        input_limits.refuse_yaml_aliases(text, source=source)
    except input_limits.InputRefused as exc:
        raise KpiFileError(str(exc)) from None
    try:
        document = yaml.load(text, Loader=_LineLoader)
    except BadInput as exc:  # a key given twice
        raise KpiFileError(f"{source}:{exc}") from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = f":{mark.line + 1}" if mark else ""
        raise KpiFileError(f"{source}{line}: YAML syntax: {problem}") from None
    return validate(document, source=source)


def load_file(path: Path | str) -> KpiSet:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"no file {path}") from None
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > 1_000_000:
        raise KpiFileError(f"{path.name}: larger than 1 MB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise KpiFileError(f"{path.name}: not UTF-8 text") from None
    return parse_text(text, source=path.name)


_CACHE: dict[Path, KpiSet] = {}


def shipped() -> KpiSet:
    """The KPI definitions shipped with the application (read once)."""
    path = paths.resources_dir() / "oversight" / KPI_FILE
    if path not in _CACHE:
        _CACHE[path] = load_file(path)
    return _CACHE[path]
