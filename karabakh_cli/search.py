"""Keyword in context: every occurrence of words, a regular expression or an actor, with the text around it."""
from __future__ import annotations

import re

SEARCH_COLUMNS = ["doc_id", "start", "end", "left", "match", "right", "date"]
WHITESPACE = re.compile(r"\s")


def compile_pattern(pattern: str, *, regex: bool = False, case_sensitive: bool = False) -> re.Pattern:
    """Words match as words (any whitespace between them, whole words at the ends); `regex` takes Python syntax.

    Raises re.error for a bad expression.
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    if regex:
        return re.compile(pattern, flags)
    words = pattern.split()
    if not words:
        raise re.error("empty pattern")
    body = r"\s+".join(re.escape(w) for w in words)
    head = r"\b" if re.match(r"\w", words[0]) else ""
    tail = r"\b" if re.search(r"\w$", words[-1]) else ""
    return re.compile(head + body + tail, flags)


def hit(rec: dict, start: int, end: int, context: int, day: str | None) -> dict:
    """One row: the match and `context` characters each side, line breaks shown as spaces."""
    text = rec["text"]
    return {"doc_id": rec["doc_id"], "start": start, "end": end,
            "left": WHITESPACE.sub(" ", text[max(0, start - context):start]),
            "match": text[start:end],
            "right": WHITESPACE.sub(" ", text[end:end + context]), "date": day}


def matches(records: list[dict], pattern: re.Pattern, *, context: int, dates: dict[str, str | None]) -> list[dict]:
    """Every non-empty match of `pattern`, article by article."""
    return [hit(r, m.start(), m.end(), context, dates.get(r["doc_id"]))
            for r in records for m in pattern.finditer(r["text"]) if m.end() > m.start()]


def actor_mentions(records: list[dict], named: dict[str, list[dict]], names: set[str], *, context: int,
                   dates: dict[str, str | None]) -> list[dict]:
    """Every mention of the actors `names`, under whatever surface the text used."""
    return [hit(r, m["start"], m["end"], context, dates.get(r["doc_id"]))
            for r in records for m in named.get(r["doc_id"], []) if m["name"] in names]
