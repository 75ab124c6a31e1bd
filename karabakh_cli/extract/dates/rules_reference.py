"""Days told relative to the narrative, not to publication: 'the next day', 'earlier that day', 'that same night'.

TimeML anchors these to the reference time, the last day the text itself named ("Rebels took the airport on
March 3. The next day ..." is March 4), never to the article's date. With no named day close enough before
them the phrase is generic or hypothetical ("you have strong redemptions that day") and is not reported.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .arith import _fmt_date, _iso_week
from .patterns import DAYPART
from .registry import _c, _Cand, _Ctx, _State, rule
from .words import DAY_PARTS

_REF_REACH = 800  # characters a named day stays the narrative's reference time
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


def within_reach(text: str, pos: int, start: int, reach: int = _REF_REACH, paragraphs: int = 1) -> bool:
    """Is a mention at `pos` close enough before `start` to be what the narrative is still about: within `reach`
    characters and at most `paragraphs` paragraph breaks back?"""
    return start - pos <= reach and len(_PARAGRAPH.findall(text, pos, start)) <= paragraphs


def reference_day(st: _State, text: str, start: int, reach: int = _REF_REACH, paragraphs: int = 1) -> date | None:
    """The last day the text named before `start`, if it is within reach."""
    if st.day is None or not within_reach(text, st.day[1], start, reach, paragraphs):
        return None
    return st.day[0]


_SHIFT = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}


@rule(
    r"(?:(?P<edge>earlier|later)\s+)?(?:(?P<that>that(?:\s+same)?|the\s+same)|the\s+(?P<rel>next|following|previous|preceding))"
    rf"\s+(?P<u>day|{DAYPART}|week)|the\s+day\s+(?P<dir>after|before)(?=\s*[,.;:!?)\"'’”]|\s*$|\s+(?:and|but)\b)",
    6,
)
def _reference_relative(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """'the next day', 'the following morning', 'earlier that day', 'that same night', 'the day before'."""
    u = re.sub(r"\s+", " ", (m["u"] or "day").lower())
    said_that = m["that"] == "that" and not m["edge"] and _complementizer(ctx.text, m)
    if said_that or ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "day-to-day"; "officials said that day care centres would close"
    if u == "week" and not (m["that"] or m["edge"]):
        return None  # "the next week", "the following week": the week rules read them
    part = DAY_PARTS.get(u, "")
    if u not in ("day", "week") and not part:
        return None
    k = _SHIFT.get((m["rel"] or m["dir"] or "").lower(), 0)
    start = m.start()

    def val(st: _State) -> str:
        ref = reference_day(st, ctx.text, start)
        month = st.month_ref
        later = ref is None or st.day is None or month is not None and month[1] > st.day[1]
        if month and k == 0 and u != "week" and later and within_reach(ctx.text, month[1], start):
            return f"{month[0]}-XX" + (f"T{part}" if part else "")  # "last October ... that same day": a day in October
        if ref is None:
            return ""  # no day to count from: a generic or hypothetical "that day", not an expression to report
        d = ref + timedelta(days=k)
        if u == "week":
            return _iso_week(d)
        return _fmt_date(d) + (f"T{part}" if part else "")

    return _c(m, "TIME" if part else "DATE", val, kind="reference")


_SAY_BEFORE = re.compile(r"\b(?:said|says|say|told|warned|announced|reported|added|noted|argued|claimed|insisted|"
                         r"believes?|believed|thinks?|thought|knows?|knew|hopes?|hoped|fears?|feared|agreed|ruled|so)\s+$",
                         re.I)
_NP_NEXT = re.compile(r"\s+(?!(?:and|but|or|as|when|while|after|before|at|in|on|of|to|for|with|by|from|he|she|it|they|"
                      r"we|i|you|the|a|an|his|her|its|their|was|were|is|are|had|has|have|would|will|could|did|there|"
                      r"officials?|police|troops)\b)[a-z]")


def _complementizer(text: str, m: re.Match) -> bool:
    """Is "that" the "that" of reported speech, with "day"/"night" starting a noun phrase ("said that night
    flights would be banned")? Then it names no time."""
    return bool(_SAY_BEFORE.search(text, max(0, m.start() - 15), m.start()) and _NP_NEXT.match(text, m.end()))


def narrative_day(text: str, start: int, end: int, value: str) -> date | None:
    """The day a resolved expression names, if it can be a reference time: a single day, not a header line
    that only carries the article's date."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return None
    lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[lo:start] + text[end : hi if hi >= 0 else len(text)]
    if len(re.findall(r"[A-Za-z]{2,}", line)) < 3:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
