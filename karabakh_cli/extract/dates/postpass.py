"""Passes over the chosen expressions: modifiers ('early', 'about') and spans ('from X to Y')."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .arith import _valid
from .registry import Value, _Cand
from .words import DAY_PARTS, UNITS

_MOD_PREFIX = re.compile(
    r"(?:(?P<pos>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|early\s+part|rest)\s+of(?:\s+the)?"
    r"|(?:very\s+)?(?:early|late|mid|earlier|later)(?:\s+in)?)[\s-]+"
    r"|(?P<q>(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|"
    r"up\s+to|no\s+more\s+than|no\s+less\s+than|over|under|well\s+over|just\s+over|just\s+under|barely|only|just|a\s+full|a\s+mere|mere|fully)\s+))$",
    re.I,
)
_MOD_OF = {
    "end": "END",
    "close": "END",
    "beginning": "START",
    "start": "START",
    "middle": "MID",
    "turn": "START",
    "early": "START",
    "late": "END",
    "mid": "MID",
    "latter": "END",
    "rest": None,
    "earlier": None,
    "later": None,
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "more": "MORE_THAN",
    "less": "LESS_THAN",
    "fewer": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up": "EQUAL_OR_LESS",
    "no more": "EQUAL_OR_LESS",
    "no less": "EQUAL_OR_MORE",
    "over": "MORE_THAN",
    "under": "LESS_THAN",
    "well": "MORE_THAN",
    "just over": "MORE_THAN",
    "just under": "LESS_THAN",
    "barely": "EQUAL_OR_LESS",
    "only": None,
    "just": None,
    "a full": None,
    "a mere": None,
    "mere": None,
    "fully": None,
}


# quantifiers TimeBank leaves outside the expression ("only 14 days", "just over an hour", "about 10:35 a.m.")
_OUTSIDE_EXTENT = re.compile(r"(?:about|only|just|a\s+mere|mere)\s", re.I)


def _mod_word(s: str) -> str | None:
    s = re.sub(r"\s+", " ", s.lower()).strip(" -")
    s = s.removeprefix("the ").removeprefix("very ")
    for k in sorted(_MOD_OF, key=len, reverse=True):
        if s.startswith(k):
            return _MOD_OF[k]
    if s.startswith("first half"):
        return "START"
    if s.startswith("second half"):
        return "END"
    return None


def _extend_modifiers(text: str, c: _Cand, lo: int) -> None:
    """Pull "early"/"the end of"/"about"/"more than" into the extent and set ``mod``."""
    # "nearly two years ago" is one expression, the quantifier with it; elsewhere a DATE takes none
    ago = c.type == "DATE" and re.search(r"\bago$", text[c.start : c.end], re.I) is not None
    for _ in range(2):
        seg = text[max(lo, c.start - 40) : c.start]
        m = _MOD_PREFIX.search(seg)
        if not m:
            return
        word = m.group(0)
        if (
            m.group("q")
            and c.type not in ("DURATION",)
            and not ago
            and not re.match(r"(about|around|approximately|roughly|some)\b", word, re.I)
        ):
            return
        if (
            m.group("q")
            and re.match(r"(?:only|just|over|under)\s", word, re.I)
            and (c.type != "DURATION" or text[c.start : c.start + 4].lower() == "the ")
        ):
            return
        if m.group("q") and c.type == "DATE" and not ago:
            return
        if m.group("pos") and c.type not in ("DATE", "TIME"):
            return
        if (
            m.group("pos")
            and c.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
            and not word.lower().startswith("the")
        ):
            return
        new_start = c.start - len(word)
        if new_start < lo:
            return
        mod = _mod_word(word)
        out = None if ago else _OUTSIDE_EXTENT.match(word)
        if out:  # "about five hours": TimeBank tags "five hours" (mod APPROX); "just over an hour": "over an hour"
            c.mod = c.mod or mod
            word = word[out.end() :]
            if not word:
                return
            new_start = c.start - len(word)
            mod = _mod_word(word)
        c.start = new_start
        if mod and not c.mod:
            c.mod = mod


_SPAN_SEP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.I)


def _merge_spans(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "from X to Y" / "between X and Y" / "X-Y" into one DATE with value X/Y."""
    out: list[_Cand] = []
    for c in cands:
        if out:
            p = out[-1]
            gap = text[p.end : c.start]
            first = _share_year(text, p, c)
            if (
                p.type == "DATE"
                and c.type == "DATE"
                and isinstance(p.value, str)
                and isinstance(c.value, str)
                and "/" not in p.value
                and "/" not in c.value
                and re.fullmatch(r"\d{4}(-\d\d){0,2}", p.value)
                and re.fullmatch(r"\d{4}(-\d\d){0,2}", c.value)
                and len(p.value) == len(c.value)
                and first < c.value
                and _SPAN_SEP.match(gap)
                and len(gap) <= 12
            ):
                before = text[max(0, p.start - 10) : p.start].lower()
                sep = gap.strip().lower()
                ok = (
                    sep in ("-", "–", "—")
                    or (sep == "and" and re.search(r"between\s+$", before))
                    or (sep in ("to", "through", "thru", "until", "till") and re.search(r"from\s+$", before))
                )
                if ok:
                    parts = [(p.start, p.end, first), (c.start, c.end, c.value)]
                    out[-1] = _Cand(p.start, c.end, "DATE", f"{first}/{c.value}", p.mod, kind="span", parts=parts)
                    continue
        out.append(c)
    return out


def _share_year(text: str, p: _Cand, c: _Cand) -> Value:
    """`p`'s value as the start of a range ending at `c`: "from 3 March through 9 April 2027" -- a start
    without a written year takes the end's year (the year before when its month/day comes later)."""
    if not (isinstance(p.value, str) and isinstance(c.value, str) and len(p.value) == len(c.value) >= 7):
        return p.value
    if not (re.fullmatch(r"\d{4}(-\d\d){1,2}", p.value) and re.fullmatch(r"\d{4}(-\d\d){1,2}", c.value)):
        return p.value
    if _WRITTEN_YEAR.search(text, p.start, p.end) or not _WRITTEN_YEAR.search(text, c.start, c.end):
        return p.value
    y = int(c.value[:4]) - (p.value[4:] > c.value[4:])
    if len(p.value) == 10 and not _valid(y, int(p.value[5:7]), int(p.value[8:])):
        return p.value  # "February 29" in a year without one
    return f"{y:04d}{p.value[4:]}"


_WRITTEN_YEAR = re.compile(r"\b(?:1\d|20|21)\d\d\b")


def _overlaps(s: int, e: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in ranges)



# Words a time expression spells in lower case; capitalised mid-sentence they name a show, a film or a
# product ("ABC's This Week", "60 Minutes", "VOA Today", "High Noon"), not a time.
_DEICTIC = {"today", "tonight", "tomorrow", "yesterday", "now", "noon", "midnight", "this", "next", "last", "past",
            "recent", "coming"}
_LOWER_TIME_WORDS = _DEICTIC | set(UNITS) | set(DAY_PARTS)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|\n|\s(?:--?|—|–|_)\s*)[\s\"'`“‘(]*$")


def _titled(text: str, start: int, end: int) -> bool:
    """Is this expression part of a title: a time word capitalised where a sentence would not capitalise it?"""
    words = [w.group() for w in re.finditer(r"[A-Za-z]+", text[start:end])]
    if any(w[0].isupper() and w.lower() not in _LOWER_TIME_WORDS for w in words):
        return False  # a name of its own ("Thanksgiving Day", "May") is capitalised anyway
    for i, word in enumerate(words):
        if not (word[0].isupper() and word[1:].islower() and word.lower() in _LOWER_TIME_WORDS):
            continue
        if i == 0 and _SENTENCE_START.search(text[max(0, start - 40) : start]):
            continue
        # a headline capitalises every word, so there the case says nothing: running text has a lower-case
        # word among the four on either side
        line_lo = text.rfind("\n", 0, start) + 1
        line_hi = text.find("\n", end)
        near = [w for w in re.findall(r"[A-Za-z]{2,}", text[line_lo:start]) if not w.isupper()][-4:]
        near += [w for w in re.findall(r"[A-Za-z]{2,}", text[end : line_hi if line_hi >= 0 else len(text)])
                 if not w.isupper()][:4]
        return any(w[0].islower() for w in near)
    return False
