"""Quotation marks: where quoted stretches start and end, in every mark style news uses."""
from __future__ import annotations

import re

PAIRS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019", "\u201e": "\u201c"}
QUOTE_CHARS = set(PAIRS) | set(PAIRS.values())


MARKS = re.compile("[" + re.escape("".join(QUOTE_CHARS)) + "\n]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch's content, marks excluded; a quote left open at a paragraph's end
    runs on when the next paragraph opens with a quotation mark (the news convention), else ends there."""
    out: list[tuple[int, int]] = []
    opener, start, n = None, 0, len(text)
    resume = 0
    for mark in MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if i < resume:
            continue
        if opener is None:
            if ch in PAIRS and _opens(text, i):
                opener, start = ch, i + 1
        elif ch == PAIRS[opener] and _closes(text, i, opener):
            out.append((start, i))
            opener = None
        elif ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if not (j < n and text[j] == opener and "\n" in text[i:j]):
                out.append((start, i))
                opener = None
            else:
                resume = j + 1  # the next paragraph's opening mark continues the same quote
    if opener is not None:
        out.append((start, n))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if e > s]


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "\u2018" and prev.isalnum():
        return False
    return (prev.isspace() or prev in "([{\u2014\u2013-:/,") and not nxt.isspace()


def _closes(text: str, i: int, opener: str) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if opener == "\u2018":  # ’ is also the apostrophe: "Azerbaijan’s" does not close a quote
        return not nxt.isalnum()
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e
