"""Candidates, the rule registry and the helpers every rule family shares."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from .arith import _valid
from .tense import _tense, year_of_month_day
from .words import RECENT_REACH, WEEKDAYS


@dataclass
class _State:
    """Document-level memory: the last quarter/period mentioned (financial news refers back)."""

    quarter: tuple[int, int] | None = None
    quarter_pos: int = 0
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, offset) of the latest quarter named
    year: int | None = None
    month: tuple[int, int] | None = None
    day: tuple[date, int] | None = None  # (day, offset) of the last day the text named: the narrative's reference time
    month_ref: tuple[str, int] | None = None  # ("1998-10", offset) of the last month named without its day
    named_quarter: tuple[str, int] | None = None  # ("1988-Q2", offset) of the last quarter the text named, any year
    months: dict[int, tuple[int, int]] = field(default_factory=dict)  # month -> (year, offset) it was last named with


def _near_anchor_quarter(v: str, anchor: date | None) -> bool:
    """Only quarters within a year of publication can be the report's subject period."""
    if anchor is None:
        return True
    return abs(int(v[:4]) * 4 + int(v[-1]) - (anchor.year * 4 + (anchor.month + 2) // 3)) <= 4


_FIRST_QUARTER_WINS = True  # a report's first quarter mention is its subject ("third-quarter net rose ...")
_STATE_REACH = 2500  # characters a quarter mention stays the document's reference period


Value = str | Callable[[_State], str]


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: Value
    mod: str | None = None
    prio: int = 5
    kind: str = ""
    extra: dict = field(default_factory=dict)
    # a range written as two expressions ("from May 3 to June 1", "April 24 and 25"): (start, end, value)
    # of each; TimeML annotates each part, the timeline reads the whole range
    parts: list[tuple[int, int, str]] = field(default_factory=list)
    # a calendar range the value cannot say ("in recent weeks": PAST_REF, about the four weeks to the anchor)
    span: str | None = None


@dataclass
class _Ctx:
    text: str
    anchor: date | None


Handler = Callable[[re.Match, _Ctx], "_Cand | None"]
# (pattern, handler, priority, the pattern without IGNORECASE for scanning lower-cased text)
_RULES: list[tuple[re.Pattern, Handler, int, re.Pattern | None]] = []


def rule(pattern: str, prio: int = 5, flags: int = re.I) -> Callable[[Handler], Handler]:
    """Register a pattern family; the handler normalises a match (or rejects it with None)."""

    def deco(fn: Handler) -> Handler:
        full = r"(?<![\w$£€#/])" + pattern + r"(?!\w)"
        twin = re.compile(full, flags & ~re.I) if flags & re.I and not _spells_upper(full) else None
        _RULES.append((re.compile(full, flags), fn, prio, twin))
        return fn

    return deco


def _spells_upper(pattern: str) -> bool:
    """Does the pattern spell an upper-case letter ("FY", "[T ]", "GMT")? Then a case-sensitive twin
    would miss it in lower-cased text, and the rule scans the original text instead."""
    bare = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern)
    return re.search(r"[A-Z]", bare) is not None


def _finditer(rx: re.Pattern, rx_low: re.Pattern | None, text: str, low: str | None) -> Iterator[re.Match]:
    """`rx.finditer(text)`, faster: sre scans ~40% faster without IGNORECASE, so a case-insensitive
    rule scans the lower-cased text with its case-sensitive twin and re-reads each hit from `text`
    (handlers look at the original case: "May" the month, "may" the verb)."""
    if rx_low is None or low is None:
        yield from rx.finditer(text)
        return
    for hit in rx_low.finditer(low):
        m = rx.match(text, hit.start())
        if m is not None:
            yield m


def _c(m: re.Match, typ: str, value: Value, mod: str | None = None, kind: str = "", group: str | None = None) -> _Cand:
    s, e = m.span(group) if group and m.group(group) else m.span()
    return _Cand(s, e, typ, value, mod, kind=kind)


def _future(ctx: _Ctx, m: re.Match) -> bool:
    return (_tense(ctx.text, m.start(), m.end()) or "").startswith("future")


def _month_day_value(ctx: _Ctx, m: re.Match, mo: int, d: int, wd: int | None = None) -> str | None:
    if not (1 <= d <= 31) or d > calendar.monthrange(2000, mo)[1]:
        return None
    if ctx.anchor is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    if wd is not None:  # "Saturday, April 25": pick the year whose weekday agrees
        for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            if _valid(y, mo, d) and date(y, mo, d).isoweekday() == wd:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    y = year_of_month_day(mo, d, ctx.anchor, ctx.text, m.start(), m.end())
    if not _valid(y, mo, d):
        return f"{y:04d}-{mo:02d}-{d:02d}" if mo == 2 and d == 29 else None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _full_date(y: int, mo: int, d: int) -> str | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31) or d > calendar.monthrange(2000, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _recent_span(ctx: _Ctx, unit: str) -> str | None:
    """'in recent weeks', 'the past few days': about the stretch of time that ends at the anchor."""
    if ctx.anchor is None or unit not in RECENT_REACH:
        return None
    return f"{ctx.anchor - timedelta(days=RECENT_REACH[unit])}/{ctx.anchor}"


def _wd_of(s: str | None) -> int | None:
    if not s:
        return None
    return WEEKDAYS.get(s.lower().rstrip(".").rstrip(","))



def _sentence_quarter(st: _State, text: str, start: int) -> tuple[int, int] | None:
    """A quarter named earlier in the same sentence or the one before it, in the same paragraph: "America
    West's third-quarter profit rose 45%. Year-earlier results included ..." compares with that quarter,
    whatever quarter the article began with."""
    if st.last_quarter is None:
        return None
    y, q, pos = st.last_quarter
    between = text[pos:start]
    if "\n" in between or len(re.findall(r"[.!?]\s+[A-Z\"“]", between)) > 1:
        return None
    return y, q
