"""Which articles and actors a command looks at: sources, article dates, actor names.

Small functions over stored records, shared by `network`, `trends`, `search` and the `--source`
filter, so each choice (what an article's source is, which actors a name means) is made once.
"""
from __future__ import annotations

import re
from collections import Counter

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
LINE_BREAK = re.compile(r"\n\s*")


def source_of(rec: dict) -> str | None:
    """The outlet an article came from: the record's `source` field, else its dateline's agency."""
    return rec.get("source") or rec.get("agency") or None


def from_source(records: list[dict], name: str) -> list[dict]:
    """The records whose source is `name` (case-insensitive)."""
    want = name.casefold()
    return [r for r in records if (source_of(r) or "").casefold() == want]


def sources(records: list[dict]) -> dict[str, int]:
    """Articles per source, commonest first; articles with none count under "unknown"."""
    return dict(Counter(source_of(r) or "unknown" for r in records).most_common())


def in_range(value: str | None, lo: str | None, hi: str | None) -> bool:
    """A date (a day, a month, a year, a span) that meets [lo, hi], the ISO days of `--from`/`--to`:
    "2021-03" is in a range from 2021-03-15. An undated row is outside any range."""
    if lo is None and hi is None:
        return True
    from .timeline import _bounds

    span = _bounds(str(value)) if value else None
    return span is not None and meets(span[0].isoformat(), span[1].isoformat(), lo, hi)


def meets(first: str, last: str, lo: str | None, hi: str | None) -> bool:
    """The ISO days first..last overlap [lo, hi] (either bound may be open)."""
    return (lo is None or last >= lo) and (hi is None or first <= hi)


def by_doc(mentions: list[dict]) -> dict[str, list[dict]]:
    """Named mention rows (analyze.mentions) grouped by document, in offset order."""
    out: dict[str, list[dict]] = {}
    for m in mentions:
        out.setdefault(m["doc_id"], []).append(m)
    for ms in out.values():
        ms.sort(key=lambda m: m["start"])
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, or lines when the text has none."""
    br = PARAGRAPH_BREAK if PARAGRAPH_BREAK.search(text.strip()) else LINE_BREAK
    out, pos = [], 0
    for m in br.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out
