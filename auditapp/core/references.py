"""Requirement references: the canonical citation forms and the clause catalogue they resolve in."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from auditapp import paths
from auditapp.core.models import Language

# Each form: (pattern, catalogue section, how the key is built from the match)
_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^ICH E6\(R2\) (?P<key>\d+(?:\.\d+)*)(?:\((?P<item>[a-z])\))?$"), "ICH E6(R2)"),
    (
        re.compile(
            r"^ICH E6\(R3\) (?P<key>Principle \d+(?:\.\d+)?|Appendix [ABC](?:\.\d+)*|Annex 2"
            r"|\d+(?:\.\d+)*)"
            r"(?:\((?P<item>[a-z])\))?$"
        ),
        "ICH E6(R3)",
    ),
    (
        re.compile(r"^21 CFR (?P<key>11\.\d+)(?:\((?P<item>[a-z])\))?(?:\((?P<sub>\d)\))?$"),
        "21 CFR Part 11",
    ),
    (
        re.compile(r"^21 CFR (?P<key>312\.\d+)(?:\((?P<item>[a-z])\))?(?:\((?P<sub>\d)\))?$"),
        "21 CFR Part 312",
    ),
    (re.compile(r"^EU GMP Annex 11 §(?P<key>\d+(?:\.\d+)?)$"), "EU GMP Annex 11"),
    (re.compile(r"^EU CTR Art\. (?P<key>\d+)$"), "EU CTR 536/2014"),
    (re.compile(r"^GDPR Art\. (?P<key>\d+)$"), "GDPR"),
    (re.compile(r"^UK SI 2004/1031 reg (?P<key>\d+[A-Z]?)$"), "UK SI 2004/1031"),
]
_BARE = re.compile(r"^ICH (?:E2A|E2F|E3|E8\(R1\)|E9|E9\(R1\))$")

FORMS_HELP = (
    "'ICH E6(R2) 5.2.2', 'ICH E6(R3) 3.6.9', 'ICH E6(R3) Principle 10', "
    "'ICH E6(R3) Appendix C.2', '21 CFR 11.10(e)', 'EU GMP Annex 11 §9', 'EU CTR Art. 52', "
    "'GDPR Art. 28', '21 CFR 312.32(c)', 'UK SI 2004/1031 reg 29A', 'ICH E6(R3) Annex 2', "
    "'ICH E2A'"
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
        # libyaml when present: eight times faster than the Python parser on this file.
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _entry(ref: Reference) -> dict[str, object]:
    """The catalogue entry of a parsed reference; ValueError when it does not exist."""
    clauses = catalogue().get(ref.standard) or {}
    key = ref.text if ref.standard == "Other" else ref.key
    entry = clauses.get(key) if isinstance(clauses, dict) else None
    if entry is None:
        if ref.standard == "Other":
            raise ValueError(f"{ref.text!r} is not in the clause catalogue")
        raise ValueError(f"{ref.text!r}: {ref.standard} has no clause {ref.key} in the catalogue")
    if ref.item is not None and ref.item not in (entry.get("items") or []):
        raise ValueError(f"{ref.text!r}: {ref.standard} {ref.key} has no item ({ref.item})")
    return entry


def _item(ref: Reference, entry: dict[str, object]) -> dict[str, object]:
    items = entry.get("items")
    if ref.item is not None and isinstance(items, dict):
        return items.get(ref.item) or {}
    return {}


def resolve(text: str) -> tuple[Reference, str]:
    """Parse and look the clause up; returns its title. ValueError when it does not exist."""
    ref = parse(text)
    entry = _entry(ref)
    item_title = _item(ref, entry).get("title")
    title = str(entry.get("title", ""))
    return ref, f"{title}: {item_title}" if item_title else title


def topics(text: str) -> tuple[str, ...]:
    """The topic words of a cited clause (its item's, where the item has its own)."""
    ref = parse(text)
    entry = _entry(ref)
    words = _item(ref, entry).get("topics") or entry.get("topics") or ()
    return tuple(str(w) for w in words)


def new_in_r3(text: str) -> bool:
    """True for an E6(R3) clause the catalogue marks as having no E6(R2) counterpart."""
    ref = parse(text)
    entry = _entry(ref)
    return bool(_item(ref, entry).get("new_in_r3") or entry.get("new_in_r3"))


def mentions_topic(words: tuple[str, ...], text: str) -> bool:
    """Whether a word of `text` begins with one of the topic words (short words: whole word)."""
    lowered = text.lower()
    for word in words:
        tail = r"s?\b" if len(word) <= 3 else ""
        if re.search(r"(?<![a-z0-9])" + re.escape(word.lower()) + tail, lowered):
            return True
    return False


# Labels in German reports: the guideline's German terms (Grundsatz 6, Anhang C.2, DSGVO Art. 28).
_GERMAN_LABELS = (
    (re.compile(r"^(ICH E6\(R3\)) Principle "), r"\1 Grundsatz "),
    (re.compile(r"^(ICH E6\(R3\)) Appendix "), r"\1 Anhang "),
    (re.compile(r"^(ICH E6\(R3\)) Annex "), r"\1 Anhang "),
    (re.compile(r"^EU GMP Annex 11 "), "EU-GMP-Leitfaden Anhang 11 "),
    (re.compile(r"^EU CTR Art\. "), "EU-CTR Art. "),
    (re.compile(r"^GDPR Art\. "), "DSGVO Art. "),
    (re.compile(r"^UK SI 2004/1031 reg "), "UK SI 2004/1031 Reg. "),
)


def label(text: str, lang: str) -> str:
    """A citation as printed in a report of that language; the stored form stays canonical."""
    if lang != Language.DE:
        return text
    for pattern, replacement in _GERMAN_LABELS:
        text = pattern.sub(replacement, text)
    return text


def all_clauses() -> list[str]:
    """Every citation the catalogue accepts, in canonical form (for pickers)."""
    cat = catalogue()
    prefixes = {
        "ICH E6(R2)": "ICH E6(R2) {}",
        "ICH E6(R3)": "ICH E6(R3) {}",
        "21 CFR Part 11": "21 CFR {}",
        "21 CFR Part 312": "21 CFR {}",
        "EU GMP Annex 11": "EU GMP Annex 11 §{}",
        "EU CTR 536/2014": "EU CTR Art. {}",
        "GDPR": "GDPR Art. {}",
        "UK SI 2004/1031": "UK SI 2004/1031 reg {}",
    }
    out: list[str] = []
    for standard, template in prefixes.items():
        for key in cat.get(standard) or {}:
            out.append(template.format(key))
    out.extend(cat.get("Other") or {})
    return out
