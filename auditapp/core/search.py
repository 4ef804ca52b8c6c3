"""Search across every audit: findings, answers' notes, evidence captions and the registers.

The index is an SQLite FTS5 table that triggers keep in step with the rows, inside the same
transaction as each edit (migration 0009 creates it); this module only reads it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from sqlalchemy import text
from sqlalchemy.orm import Session

from auditapp.core.search_hit import Hit as Hit  # ORM-free: the audit list shows hits
from auditapp.errors import BadInput

# The kind codes the index stores (see SOURCES in migration 0009).
KINDS = {1: "finding", 2: "answer", 3: "evidence", 4: "document", 5: "participant", 6: "team"}
MAX_QUERY = 200
_WORD = re.compile(r"\w+", re.UNICODE)

# The index is contentless (migration 0011): it holds the words, not a second copy of the
# texts, so each hit's row is read back from its own table by the index row id (source row id
# * 8 + kind) and the excerpt is cut here. Title, body and item as migration 0011 indexes them.
SOURCES = {  # kind: (table, title, body, item); {r} stands for the row ("s.", "new.", "old.")
    1: (
        "finding",
        "{r}title",
        "coalesce({r}observation,'') || ' ' || coalesce({r}impact,'') || ' ' || coalesce({r}risk,'')"
        " || ' ' || coalesce({r}recommendation,'') || ' ' || coalesce({r}auditee_response,'')",
        "'F-' || printf('%02d', {r}number)",
    ),
    2: ("response", "{r}question_id", "{r}notes", "{r}question_id"),
    3: ("evidence", "{r}file_name", "coalesce({r}caption,'')", "'E-' || printf('%03d', {r}number)"),
    4: (
        "document_reviewed",
        "{r}title",
        "coalesce({r}identifier,'') || ' ' || coalesce({r}version,'')",
        "{r}title",
    ),
    5: ("auditee_participant", "{r}name", "coalesce({r}function,'')", "{r}name"),
    6: (
        "team_member",
        "{r}name",
        "coalesce({r}role,'') || ' ' || coalesce({r}qualification,'')",
        "{r}name",
    ),
}
_QUERY = text(
    "SELECT rowid FROM search_index WHERE search_index MATCH :match ORDER BY rank LIMIT :limit"
)
EXCERPT_WORDS = 12


def match_expression(query: str) -> str:
    """Words the user typed, each as a prefix, all required: 'temp log' finds 'temperature logs'.

    Only word characters reach FTS5, so no input can be a syntax error or an FTS operator.
    """
    if len(query) > MAX_QUERY:
        raise BadInput(f"the search text is too long ({len(query)} characters; limit {MAX_QUERY})")
    words = _WORD.findall(query)
    if not words:
        raise BadInput("give at least one word to search for")
    return " ".join(f'"{w}"*' for w in words)


def search(session: Session, query: str, *, limit: int = 200) -> list[Hit]:
    match = match_expression(query)
    rowids = [r for (r,) in session.execute(_QUERY, {"match": match, "limit": limit})]
    wanted: dict[int, list[int]] = {}
    for rowid in rowids:
        wanted.setdefault(rowid % 8, []).append(rowid // 8)
    found: dict[int, tuple[str, str, str, str, int | None]] = {}
    for kind, ids in wanted.items():
        if kind not in SOURCES:
            continue
        table, title, body, item = SOURCES[kind]
        # A finding's or an evidence item's number comes from its row, not from its label.
        number = "s.number" if kind in (1, 3) else "NULL"
        for row_id, ref, t, b, i, num in session.execute(
            text(
                f"SELECT s.id, a.reference, {title.format(r='s.')}, {body.format(r='s.')}, "
                f"{item.format(r='s.')}, {number} FROM {table} AS s "
                f"JOIN audit AS a ON a.id = s.audit_id "
                f"WHERE s.id IN ({','.join(str(int(x)) for x in ids)})"
            )
        ):
            found[row_id * 8 + kind] = (ref, i or "", t or "", b or "", num)
    prefixes = [_fold(w) for w in _WORD.findall(query)]
    hits = []
    for rowid in rowids:
        if rowid not in found:
            continue
        ref, item, title, body, hit_number = found[rowid]
        hits.append(
            Hit(
                reference=ref,
                kind=KINDS.get(rowid % 8, "other"),
                item=item,
                title=title,
                excerpt=excerpt(body, prefixes) or excerpt(title, prefixes),
                number=hit_number,
            )
        )
    return hits


def _fold(word: str) -> str:
    """Case and accents folded, as the index's tokenizer (unicode61, remove_diacritics 2)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def excerpt(text_: str, prefixes: list[str]) -> str:
    """About twelve words around the first match, each matching word in [brackets]."""
    words = list(_WORD.finditer(text_))

    def matches(i: int) -> bool:
        folded = _fold(words[i].group())
        return any(folded.startswith(p) for p in prefixes)

    # Most texts match as written: find that with one regular expression, then by word.
    quick = re.compile(
        "(?<!\\w)(?:" + "|".join(re.escape(p) for p in prefixes) + ")", re.IGNORECASE
    ).search(text_)
    first: int | None
    if quick is not None:
        first = bisect.bisect_right([w.start() for w in words], quick.start()) - 1
    else:
        first = next((i for i in range(len(words)) if matches(i)), None)
    if first is None:
        return ""
    start = max(0, min(first - 2, len(words) - EXCERPT_WORDS))
    end = min(len(words), start + EXCERPT_WORDS)
    out, cursor = [], words[start].start()
    for i in range(start, end):
        w = words[i]
        out.append(text_[cursor : w.start()])
        out.append(f"[{w.group()}]" if matches(i) else w.group())
        cursor = w.end()
    if end == len(words):
        out.append(text_[cursor:])
    return ("…" if start else "") + "".join(out).strip() + ("…" if end < len(words) else "")
