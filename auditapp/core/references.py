"""Requirement references: the canonical citation forms and the clause catalogue they resolve in."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from auditapp import paths

# Each form: (pattern, catalogue section, how the key is built from the match)
_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^ICH E6\(R2\) (?P<key>\d+(?:\.\d+)*)(?:\((?P<item>[a-z])\))?$"), "ICH E6(R2)"),
    (
        re.compile(
            r"^ICH E6\(R3\) (?P<key>Principle \d+(?:\.\d+)?|Appendix [ABC](?:\.\d+)*|\d+(?:\.\d+)*)"
            r"(?:\((?P<item>[a-z])\))?$"
        ),
        "ICH E6(R3)",
    ),
    (
        re.compile(r"^21 CFR (?P<key>11\.\d+)(?:\((?P<item>[a-z])\))?(?:\((?P<sub>\d)\))?$"),
        "21 CFR Part 11",
    ),
    (re.compile(r"^EU GMP Annex 11 §(?P<key>\d+(?:\.\d+)?)$"), "EU GMP Annex 11"),
    (re.compile(r"^EU CTR Art\. (?P<key>\d+)$"), "EU CTR 536/2014"),
    (re.compile(r"^GDPR Art\. (?P<key>\d+)$"), "GDPR"),
]
_BARE = re.compile(r"^ICH (?:E2A|E3|E8\(R1\)|E9)$")

FORMS_HELP = (
    "'ICH E6(R2) 5.2.2', 'ICH E6(R3) 3.6.9', 'ICH E6(R3) Principle 10', "
    "'ICH E6(R3) Appendix C.2', '21 CFR 11.10(e)', 'EU GMP Annex 11 §9', 'EU CTR Art. 52', "
    "'GDPR Art. 28', 'ICH E2A'"
)


@dataclass(frozen=True)
class Reference:
    text: str
    standard: str
    key: str
    item: str | None


def parse(text: str) -> Reference:
    """Parse a citation in canonical form; ValueError names the accepted forms."""
    for pattern, standard in _FORMS:
        match = pattern.match(text)
        if match:
            return Reference(text, standard, match["key"], match.groupdict().get("item"))
    if _BARE.match(text):
        return Reference(text, "Other", text, None)
    raise ValueError(f"unknown reference form {text!r}; use forms like {FORMS_HELP}")


@functools.cache
def catalogue(path: Path | None = None) -> dict[str, object]:
    path = path or paths.checklists_dir() / "references.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def resolve(text: str) -> tuple[Reference, str]:
    """Parse and look the clause up; returns its title. ValueError when it does not exist."""
    ref = parse(text)
    cat = catalogue()
    if ref.standard == "Other":
        if text not in cat.get("Other", []):
            raise ValueError(f"{text!r} is not in the clause catalogue")
        return ref, text
    clauses = cat.get(ref.standard) or {}
    entry = clauses.get(ref.key)
    if entry is None:
        raise ValueError(f"{text!r}: {ref.standard} has no clause {ref.key} in the catalogue")
    if ref.item is not None and ref.item not in (entry.get("items") or []):
        raise ValueError(f"{text!r}: {ref.standard} {ref.key} has no item ({ref.item})")
    return ref, str(entry.get("title", ""))


def all_clauses() -> list[str]:
    """Every citation the catalogue accepts, in canonical form (for pickers)."""
    cat = catalogue()
    prefixes = {
        "ICH E6(R2)": "ICH E6(R2) {}",
        "ICH E6(R3)": "ICH E6(R3) {}",
        "21 CFR Part 11": "21 CFR {}",
        "EU GMP Annex 11": "EU GMP Annex 11 §{}",
        "EU CTR 536/2014": "EU CTR Art. {}",
        "GDPR": "GDPR Art. {}",
    }
    out: list[str] = []
    for standard, template in prefixes.items():
        for key in (cat.get(standard) or {}):
            out.append(template.format(key))
    out.extend(cat.get("Other", []))
    return out
