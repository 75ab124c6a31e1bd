"""Fiscal periods: quarters, halves, 'the quarter', 'a year earlier'."""

from __future__ import annotations

import re
from datetime import date

from .arith import _shift_months, _valid
from .numwords import _day_of, _month_of
from .patterns import DAY, MONTH, YEAR
from .registry import _STATE_REACH, _c, _Cand, _Ctx, _future, _sentence_quarter, _State, rule
from .rules_reference import within_reach
from .tense import year_of_month_day

# ---- quarters and halves -------------------------------------------------------------------
_ORDQ = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _quarter_year(ctx: _Ctx, m: re.Match, q: int) -> int | None:
    a = ctx.anchor
    if a is None:
        return None
    cur = (a.month - 1) // 3 + 1
    if q <= cur:
        return a.year
    return a.year + 1 if _future(ctx, m) else a.year - 1


@rule(
    rf"(?:(?P<yr>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:the\s+|a\s+\w+\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?P<ago>year-ago|year-earlier|year\s+ago|prior-year|previous-year)\s+)?(?:(?:fiscal|calendar)\s+)?"
    rf"(?P<o>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\s+|-)(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:(?P<yr2>{YEAR})|(?P<rel2>this|last|next)\s+year))?",
    2,
)
def _quarter(m: re.Match, ctx: _Ctx) -> _Cand | None:
    q = _ORDQ[m["o"].lower()]
    yr = m["yr"] or m["yr2"]
    rel = (m["rel"] or m["rel2"] or "").lower()
    if yr:
        y: int | None = int(yr)
    elif rel and ctx.anchor:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        y = _quarter_year(ctx, m, q)
        if y and (m["ago"] or _YEAR_AGO_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())):
            y -= 1  # "in the comparable year-ago quarter, the second quarter ended Oct. 31": a year back
    v = f"{y:04d}-Q{q}" if y else f"XXXX-Q{q}"
    c = _c(m, "DATE", v, kind="qref" if m["ago"] else "quarter")
    if (
        re.match(r"(?:the|a)\s", m.group(0), re.I)
        and "-" in m.group(0)[m.start("o") - m.start() :]
        and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 2])
        and not m["ago"]
    ):
        c.start = m.start("o")  # "the third-quarter loss": TimeBank marks only the adjective
    return c


@rule(rf"Q(?P<q>[1-4])(?:\s+|-|/)?(?P<y>{YEAR}|'?\d\d)|(?P<y2>{YEAR})\s*-?Q(?P<q2>[1-4])", 2, 0)
def _quarter_code(m: re.Match, ctx: _Ctx) -> _Cand | None:
    q = int(m["q"] or m["q2"])
    ys = (m["y"] or m["y2"]).lstrip("'")
    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
    return _c(m, "DATE", f"{y:04d}-Q{q}", kind="quarter")


_YEAR_AGO_BEFORE = re.compile(
    r"\b(?:year-ago|year-earlier|prior-year)\s+(?:quarter|period),\s+(?:the\s+|its\s+)?$", re.I
)
_ORDINAL_AFTER = re.compile(
    r",\s+(?:the\s+|its\s+)?(?:fiscal\s+)?(?P<o>first|second|third|fourth)(?:\s+|-)(?:fiscal\s+)?quarter\b", re.I
)
_REPORTED = re.compile(r"['’]s\s+(?:net\s+)?(?:results|profit|earnings|sales|loss|revenue|income|net)\b", re.I)
_ENDED = re.compile(
    rf",?\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+(?P<mo>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
    re.I,
)


@rule(
    r"(?P<det>the|this|last|next|that|its|a)\s+(?:(?P<adj>latest|recent|current|same|(?:comparable|corresponding|same)\s+year-(?:ago|earlier)|comparable|corresponding|previous|prior|preceding|past|year-ago|year-earlier|most\s+recent|just-ended|just\s+ended|fiscal|flat|strong|weak|latest\s+fiscal|(?:1[0-9]|20)\d\d)\s+)?(?P<u>quarter|period)(?:\s+(?:a\s+year\s+(?:earlier|ago|before)|(?P<ly>last\s+year)))?",
    5,
)
def _the_quarter(m: re.Match, ctx: _Ctx) -> _Cand | None:
    det = m["det"].lower()
    adj = re.sub(r"\s+", " ", (m["adj"] or "").lower())
    u = m["u"].lower()
    if u == "quarter" and re.match(r"-(?:century|to-quarter)", ctx.text[m.end() : m.end() + 12]):
        return None  # "its quarter-century low", "the quarter-to-quarter comparison": not a period
    ended = _ENDED.match(ctx.text, m.end())
    if ended and not adj.startswith(("year", "prior", "previous")) and "year" not in adj:
        mo, d = _month_of(ended["mo"]), _day_of(ended["d"])
        y = int(ended["y"]) if ended["y"] else None
        if y is None and ctx.anchor is not None:
            y = year_of_month_day(mo, d, ctx.anchor, ctx.text, m.start(), m.end())
        if y is not None and _valid(y, mo, d):
            # a quarter is the three months up to its end date: it is the calendar quarter holding its middle month
            # ("the quarter ended July 31" is May-July, mostly Q2; "ended Oct. 1" is July-September, Q3)
            y, mid = _shift_months(y, mo, -1 if d >= 15 else -2)
            return _c(m, "DATE", f"{y:04d}-Q{(mid - 1) // 3 + 1}", kind="quarter")
    if u == "period" and not adj:
        return None
    if u == "period" and "year-" in adj:
        months = _months_period_before(ctx.text, m.start())
        if months:
            return _c(m, "DURATION", f"P{months}M")  # "For the nine months, ... In the year-earlier period": P9M
    if det == "a" and adj not in ("flat", "strong", "weak"):
        return None
    a = ctx.anchor
    ago = "year-" in adj or bool(m["ly"]) or "year" in m.group(0).lower()[-12:]
    if adj.isdigit():
        yr = int(adj)

        def fixed(st: _State) -> str:
            return f"{yr:04d}-Q{st.quarter[1]}" if st.quarter else f"{yr:04d}"

        return _c(m, "DATE", fixed, kind="qref")
    if a is None and det in ("this", "last", "next"):
        return _c(m, "DATE", "XXXX-QX", kind="quarter")
    if det in ("this", "next", "last") and u == "quarter" and not adj:
        cur = (a.month - 1) // 3 + 1  # type: ignore[union-attr]
        y, mo = _shift_months(a.year, (cur - 1) * 3 + 1, {"this": 0, "next": 3, "last": -3}[det])  # type: ignore[union-attr]
        own = f"{y:04d}-Q{(mo - 1) // 3 + 1}"
        if det == "this" and _REPORTED.match(ctx.text, m.end()) and not _future(ctx, m):
            # "This quarter's loss includes ...": results already reported are the report's quarter, not the calendar's
            return _c(m, "DATE", lambda st: f"{st.quarter[0]:04d}-Q{st.quarter[1]}" if st.quarter else own,
                      kind="quarter")
        return _c(m, "DATE", own, kind="quarter")
    if adj == "current" and a:
        return _c(m, "DATE", f"{a.year:04d}-Q{(a.month - 1) // 3 + 1}", kind="quarter")

    latest = adj in ("latest", "most recent", "just-ended", "just ended", "latest fiscal", "recent")
    named = _ORDINAL_AFTER.match(ctx.text, m.end()) if ago and u == "quarter" else None

    def ref(st: _State) -> str:
        if det == "that" and not adj and st.named_quarter and within_reach(ctx.text, st.named_quarter[1], m.start()):
            return st.named_quarter[0]  # "Results for that quarter": the quarter the text just named, any year
        near = None if latest else _sentence_quarter(st, ctx.text, m.start())
        if near:
            y, q = near
        elif st.quarter and m.start() - st.quarter_pos < _STATE_REACH:
            y, q = st.quarter
        elif a:
            y, mo = _shift_months(a.year, a.month, -3)
            q = (mo - 1) // 3 + 1
        else:
            return "XXXX-QX"
        if named:
            q = _ORDQ[named["o"].lower()]
        return f"{y - 1 if ago else y:04d}-Q{q}"

    return _c(m, "DATE", ref, kind="qref" if ago else "quarter")


@rule(
    rf"(?:(?P<yr>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:the\s+)?(?P<o>first|second|1st|2nd|last|latter)(?:\s+|-)half(?:\s+of\s+(?:(?P<yr2>{YEAR})|(?P<rel2>this|last|next|the)\s+year))?",
    3,
)
def _half(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = 1 if m["o"].lower() in ("first", "1st") else 2
    if m["o"].lower() in ("last", "latter") and not (m["yr"] or m["yr2"]):
        return None
    yr = m["yr"] or m["yr2"]
    rel = (m["rel"] or m["rel2"] or "").lower()
    a = ctx.anchor
    if yr:
        y: int | None = int(yr)
    elif a:
        y = a.year + {"this": 0, "the": 0, "last": -1, "next": 1, "": 0}[rel]
        if not rel and h == 2 and a.month <= 6 and not _future(ctx, m):
            y -= 1
    else:
        y = None
    nxt = ctx.text[m.end() : m.end() + 10].lower()
    if (
        not yr
        and not rel
        and not re.match(
            r"\s*(of\s+(the\s+)?(year|season|decade|century))?\s*[,.;]|\s+(results|profit|earnings|sales|loss|revenue|growth)",
            nxt,
        )
        and " of " not in m.group(0)
    ):
        return None
    return _c(m, "DATE", f"{y:04d}-H{h}" if y else f"XXXX-H{h}")


@rule(rf"(?:the\s+)?(?P<o>first|last|final)\s+two\s+quarters\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year)",
      2)
def _two_quarters_of(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the first two quarters of 1990" is a named half of that year (1990-H1), not a stretch of six months."""
    if m["y"]:
        y = int(m["y"])
    elif ctx.anchor is not None:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    else:
        return _c(m, "DATE", f"XXXX-H{1 if m['o'].lower() == 'first' else 2}")
    return _c(m, "DATE", f"{y:04d}-H{1 if m['o'].lower() == 'first' else 2}")


_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|twelve|9|6|12)\s+months\b|\bfirst\s+half\b|\b(?:fiscal|full)\s+year\b", re.I
)


_MONTHS_WORD = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9, "12": 12}
_MONTHS_PERIOD = re.compile(r"\b(three|six|nine|twelve|3|6|9|12)\s+months\b|\bquarter\b|\bhalf\b", re.I)


def _months_period_before(text: str, start: int) -> int | None:
    """The months of a reporting period ("the nine months") named last in this sentence or the one before,
    in the same paragraph, when no quarter or half was named after it: what "the year-earlier period" repeats."""
    para = text.rfind("\n", 0, start) + 1
    starts = [para] + [b.end() for b in re.finditer(r"[.!?]\s+(?=[A-Z\"“])", text[:start]) if b.start() >= para]
    cut = starts[-2] if len(starts) > 1 else para
    last = None
    for x in _MONTHS_PERIOD.finditer(text, cut, start):
        last = x
    return _MONTHS_WORD[last.group(1).lower()] if last and last.group(1) else None


@rule(r"(?:the\s+)?(?:year-earlier|year-ago|prior-year|comparable)\s+(?P<n>three|six|nine|twelve|3|6|9|12)\s+months", 2)
def _year_ago_months(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the year-earlier nine months": "the nine months" a year back; TimeBank keeps the measure (P9M)."""
    return _c(m, "DURATION", f"P{_MONTHS_WORD[m['n'].lower()]}M")


_ENDED_BEFORE = re.compile(r"\b(?:ended|ending|through)\s+$", re.I)
_BOUNDARY = re.compile(r"(?<!\b[A-Z][a-z]{2})(?<!\bSept)[.!?]\s+[A-Z\"“]")


def _period_end(st: _State, text: str, start: int) -> date | None:
    """The day a reporting period ended, named earlier in this sentence ("the quarter ended Sept. 30")."""
    if st.day is None:
        return None
    d, pos = st.day
    own_sentence = not _BOUNDARY.search(text, pos, start + 1) and "\n" not in text[pos:start]
    if not (own_sentence and _ENDED_BEFORE.search(text, max(0, pos - 10), pos)):
        return None
    return d


def _sentence_before(text: str, start: int) -> str:
    cut = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    return text[cut + 1 : start]


@rule(r"(?:a\s+)?year[\s-](?P<w>earlier|ago|before)", 3)
def _year_earlier(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    nxt = ctx.text[m.end() : m.end() + 12]
    adjectival = "-" in m.group(0) and not m.group(0).lower().startswith("a ")
    if adjectival and re.match(r"\s+(quarter|period)", nxt, re.I):
        return None  # handled by the quarter/period rule

    def ref(st: _State) -> str:
        own = _sentence_before(ctx.text, m.start())
        ended = _period_end(st, ctx.text, m.start()) if m["w"].lower() != "ago" else None
        if ended:
            # "For the six months ended Aug. 12, ... compared with C$18 million a year earlier": that day a year back
            return f"{ended.year - 1:04d}-{ended.month:02d}-{min(ended.day, 28) if ended.month == 2 else ended.day:02d}"
        near = _sentence_quarter(st, ctx.text, m.start())
        longer = a and _LONGER_PERIOD.search(own)
        if near and not (longer and st.last_quarter and st.last_quarter[2] < m.start() - len(own)):
            return f"{near[0] - 1:04d}-Q{near[1]}"
        if longer:
            return f"{a.year - 1:04d}"  # "for the nine months, ... a year earlier": last year's, not a quarter
        if st.quarter and m.start() - st.quarter_pos < _STATE_REACH:
            return f"{st.quarter[0] - 1:04d}-Q{st.quarter[1]}"
        return f"{a.year - 1:04d}" if a else "PAST_REF"

    c = _c(m, "DATE", ref, kind="qref")
    if adjectival is False and "-" in m.group(0) and m.group(0).lower().startswith("a "):
        c.start = m.start() + 2
    return c

