"""Checklists: the YAML format, validation with file/line/field errors, versions and snapshots."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from auditapp import paths
from auditapp.core import checklist_workbook, input_limits, references
from auditapp.core.checklist_errors import ChecklistError as ChecklistError
from auditapp.core.models import AuditType, ChecklistTemplate, Language, codes
from auditapp.errors import NotFound, Refused

LANGUAGES = codes(Language)
CHECKLIST_AUDIT_TYPES = tuple(t.value for t in AuditType if t is not AuditType.PRE_INSPECTION)
MAX_FILE_BYTES = input_limits.LIMITS["checklist"]
SCHEMA_FILE = "checklist.schema.json"


@dataclass(frozen=True)
class Question:
    id: str
    text: dict[str, str]
    guidance: dict[str, str]
    references: tuple[str, ...]
    audit_types: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    id: str
    title: dict[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Area:
    id: str
    title: dict[str, str]
    sections: tuple[Section, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]


@dataclass(frozen=True)
class Checklist:
    id: str
    version: str
    title: dict[str, str]
    description: dict[str, str]
    standards: tuple[str, ...]
    areas: tuple[Area, ...]
    content: dict[str, Any] = field(repr=False, compare=False)
    source: str = ""

    @property
    def questions(self) -> list[Question]:
        return [q for a in self.areas for q in a.questions]

    @property
    def sha256(self) -> str:
        return content_hash(self.content)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise NotFound(f"no question {question_id!r} in checklist {self.id}")

    def area_of(self, question_id: str) -> Area:
        for a in self.areas:
            if any(q.id == question_id for q in a.questions):
                return a
        raise NotFound(f"no question {question_id!r} in checklist {self.id}")

    def tailored(self, *, audit_type: str | None, area_ids: list[str] | None) -> Checklist:
        """The subset an audit uses: the areas in scope, questions for its audit type."""
        content = json.loads(json.dumps(self.content))
        wanted = set(area_ids) if area_ids else None
        areas = []
        for area in content["areas"]:
            if wanted is not None and area["id"] not in wanted:
                continue
            sections = []
            for section in area["sections"]:
                questions = [
                    q
                    for q in section["questions"]
                    if audit_type is None
                    or audit_type not in CHECKLIST_AUDIT_TYPES
                    or audit_type in q["audit_types"]
                ]
                if questions:
                    sections.append({**section, "questions": questions})
            if sections:
                areas.append({**area, "sections": sections})
        content["areas"] = areas
        return from_content(content, source=self.source)


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def content_hash(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- loading with line numbers ---------------------------------------------------------------


# libyaml's parser when present: the Python one took most of the time of opening an audit.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SAFE_LOADER):  # type: ignore[valid-type,misc]
    """Records the line of every mapping key so errors can point into the file."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise ChecklistError(
                f"line {key_node.start_mark.line + 1}: key {key!r} appears twice in one mapping"
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[str(key)] = value_node.start_mark.line + 1
    mapping["__lines__"] = lines
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in ("__lines__", "__line__")}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _line_of(document: Any, path: list[str | int]) -> int | None:
    """The line of the deepest node along a JSON path."""
    node, line = document, None
    for part in path:
        if isinstance(node, dict):
            line = node.get("__lines__", {}).get(str(part), node.get("__line__", line))
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = node.get("__line__", line)
        else:
            break
    return line


def _schema() -> dict[str, Any]:
    with open(paths.checklists_dir() / SCHEMA_FILE, encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _fail(source: str, line: int | None, where: str, message: str) -> ChecklistError:
    location = f"{source}:{line}" if line else source
    return ChecklistError(f"{location}: {where}: {message}")


def _path_text(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_text(text: str, *, source: str) -> Checklist:
    """Validate checklist YAML text; raises ChecklistError naming file, line and field."""
    try:
        input_limits.refuse_yaml_aliases(text, source=source)
    except input_limits.InputRefused as exc:
        raise ChecklistError(str(exc)) from None
    try:
        document = yaml.load(text, Loader=_LineLoader)
    except ChecklistError as exc:
        raise ChecklistError(f"{source}:{exc}") from None
    except RecursionError:
        raise _fail(source, None, "YAML syntax", "structure nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise _fail(source, None, "YAML value", str(exc).split(";")[0]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _fail(source, line, "YAML syntax", str(problem)) from None
    if not isinstance(document, dict):
        raise _fail(source, 1, "(top level)", "a checklist must be a YAML mapping")
    return validate_document(document, source=source)


def validate_document(document: dict[str, Any], *, source: str) -> Checklist:
    import jsonschema

    content = _strip_lines(document)
    validator = jsonschema.Draft202012Validator(_schema())
    errors = sorted(validator.iter_errors(content), key=lambda e: list(e.absolute_path))
    if errors:
        error = min(errors, key=lambda e: len(list(e.absolute_path)))
        path = list(error.absolute_path)
        message = error.message
        if error.validator == "required":
            missing = message.split("'")[1] if "'" in message else message
            if missing in LANGUAGES:
                message = f"missing translation {missing!r}"
            else:
                message = f"missing field {missing!r}"
        elif error.validator == "additionalProperties":
            message = f"unexpected field: {message.split('(')[-1].rstrip(')')}"
        if len(message) > 200:
            message = message[:200] + "…"
        raise _fail(source, _line_of(document, path), _path_text(path), message)
    _check_semantics(document, content, source)
    return from_content(content, source=source)


def _check_semantics(document: dict[str, Any], content: dict[str, Any], source: str) -> None:
    seen: dict[str, str] = {}

    def claim(identifier: str, path: list[str | int]) -> None:
        if identifier in seen:
            raise _fail(
                source,
                _line_of(document, path),
                _path_text(path),
                f"duplicate id {identifier!r} (first used at {seen[identifier]})",
            )
        seen[identifier] = _path_text(path)

    for a, area in enumerate(content["areas"]):
        claim(area["id"], ["areas", a, "id"])
        for s, section in enumerate(area["sections"]):
            claim(section["id"], ["areas", a, "sections", s, "id"])
            for q, question in enumerate(section["questions"]):
                base: list[str | int] = ["areas", a, "sections", s, "questions", q]
                claim(question["id"], [*base, "id"])
                for r, ref in enumerate(question["references"]):
                    try:
                        references.resolve(ref)
                    except ValueError as exc:
                        path = [*base, "references", r]
                        raise _fail(
                            source,
                            _line_of(document, [*base, "references"]),
                            _path_text(path),
                            str(exc),
                        ) from None


def from_content(content: dict[str, Any], *, source: str = "") -> Checklist:
    def text(value: dict[str, str]) -> dict[str, str]:
        return {lang: value[lang] for lang in LANGUAGES}

    areas = tuple(
        Area(
            id=a["id"],
            title=text(a["title"]),
            sections=tuple(
                Section(
                    id=s["id"],
                    title=text(s["title"]),
                    questions=tuple(
                        Question(
                            id=q["id"],
                            text=text(q["text"]),
                            guidance=text(q["guidance"]),
                            references=tuple(q["references"]),
                            audit_types=tuple(q["audit_types"]),
                        )
                        for q in s["questions"]
                    ),
                )
                for s in a["sections"]
            ),
        )
        for a in content["areas"]
    )
    return Checklist(
        id=content["id"],
        version=str(content["version"]),
        title=text(content["title"]),
        description=text(content.get("description") or {"en": "", "de": ""}),
        standards=tuple(content.get("standards", [])),
        areas=areas,
        content=content,
        source=source,
    )


def load_file(path: Path | str) -> Checklist:
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        document, source = checklist_workbook.read_document(path)
        return validate_document(document, source=source)
    try:
        raw = input_limits.read_bounded(path, kind="checklist")
    except input_limits.InputRefused as exc:
        raise ChecklistError(str(exc)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ChecklistError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return parse_text(text, source=str(path))


# --- the library: shipped files plus imported versions ------------------------------------------


# Parsed shipped checklists, keyed by folder and each file's name, size and modification time:
# the pure-Python YAML parse with line numbers costs about half a second per file, and the
# library is read whenever an audit is set up, so a process parses each file version once.
_shipped_cache: dict[object, tuple[Checklist, ...]] = {}


def shipped() -> list[Checklist]:
    files = [
        p for p in sorted(paths.checklists_dir().glob("*.yaml")) if p.name != "references.yaml"
    ]
    key = (
        str(paths.checklists_dir()),
        tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files),
    )
    if key not in _shipped_cache:
        _shipped_cache.clear()
        _shipped_cache[key] = tuple(load_file(p) for p in files)
    return list(_shipped_cache[key])


def library(session: Session) -> list[Checklist]:
    """Every available checklist: the newest version of each id, shipped or imported."""
    newest: dict[str, Checklist] = {}
    candidates = shipped() + [
        from_content(json.loads(t.content_json), source="imported")
        for t in session.scalars(select(ChecklistTemplate))
    ]
    for checklist in candidates:
        known = newest.get(checklist.id)
        if known is None or version_key(checklist.version) > version_key(known.version):
            newest[checklist.id] = checklist
    return sorted(newest.values(), key=lambda c: c.id)


def get(session: Session, checklist_id: str) -> Checklist:
    for checklist in library(session):
        if checklist.id == checklist_id:
            return checklist
    raise NotFound(f"no checklist with id {checklist_id!r}")


def import_checklist(session: Session, checklist: Checklist) -> ChecklistTemplate:
    """Store a checklist version; only a version higher than every known one is accepted."""
    for known in library(session):
        if known.id == checklist.id and version_key(checklist.version) <= version_key(
            known.version
        ):
            raise Refused(
                f"checklist {checklist.id} version {checklist.version} is not newer than "
                f"the available version {known.version}; raise the version to import it"
            )
    template = ChecklistTemplate(
        checklist_id=checklist.id,
        version=checklist.version,
        content_json=json.dumps(checklist.content, ensure_ascii=False, sort_keys=True),
        sha256=checklist.sha256,
    )
    session.add(template)
    session.flush()
    return template
