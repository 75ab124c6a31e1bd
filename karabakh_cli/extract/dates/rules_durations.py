"""Durations ('three years', 'the past few weeks'), 'ago' expressions and 'the year'."""

from __future__ import annotations

import re
from datetime import timedelta

from .arith import _fmt_date, _iso_week, _shift_months
from .numwords import _words_to_num
from .patterns import _UNIT_WORDS, _VAGUE, NUMBER
from .registry import _c, _Cand, _Ctx, _recent_span, _State, rule
from .words import UNITS

# ---- durations ------------------------------------------------------------------------------
_UNIT_CODE = {
    "S": ("T", "S", 1),
    "MIN": ("T", "M", 1),
    "H": ("T", "H", 1),
    "D": ("", "D", 1),
    "W": ("", "W", 1),
    "FN": ("", "W", 2),
    "WE": ("", "WE", 1),
    "M": ("", "M", 1),
    "Q": ("", "Q", 1),  # TIMEX3 has a quarter unit: "the past two quarters" is P2Q, not P6M
    "Y": ("", "Y", 1),
    "DE": ("", "Y", 10),
    "CE": ("", "Y", 100),
    "ML": ("", "Y", 1000),
}
_VAGUE_CODE = {
    "S": "PTXS",
    "MIN": "PTXM",
    "H": "PTXH",
    "D": "PXD",
    "W": "PXW",
    "FN": "PXW",
    "WE": "PXWE",
    "M": "PXM",
    "Q": "PXQ",
    "Y": "PXY",
    "DE": "PXY",  # counted decades are years (P20Y), so "decades" are some years
    "CE": "PXC",
    "ML": "PXML",
}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}


def _duration_value(n: float, unit: str) -> str | None:
    """ISO-8601 duration for n units; fractions move to the next smaller unit (2.5Y -> P2Y6M)."""
    if n < 0 or n > 1e6:
        return None
    if unit == "Q" and n != int(n):
        return _duration_value(n * 3, "M")  # "a quarter and a half": months say it exactly
    t, code, mult = _UNIT_CODE[unit]
    if unit == "WE":
        return f"P{int(n * 2)}D" if n == int(n) else None
    total = n * mult
    if total == int(total):
        return f"P{t}{int(total)}{code}"
    whole = int(total)
    if unit in ("Y", "M", "D", "H", "MIN"):
        sub, factor = _SMALLER[unit]
        rest = round((total - whole) * factor)
        if unit in ("D", "H", "MIN") or (unit == "M" and sub == "D"):
            head = f"{whole}{code}" if whole else ""
            if unit == "D":
                return f"P{head}T{rest}H"
            return f"PT{head}{rest}{sub}"
        return f"P{whole}{code}{rest}{sub}" if whole else f"P{rest}{sub}"
    return f"P{t}{total:g}{code}"


def _unit_of(s: str) -> str:
    return UNITS[s.lower().rstrip(".")]


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|"
    r"dollars?|cents?|times|twice|once))(?:\s+[a-z]+)?\s*(?:%|percent)?\s*$",
    re.I,
)
_PRE_DUR = (
    r"(?:the\s+|a\s+|an\s+)?(?:(?P<rel>past|last|next|first|final|previous|coming|following|latest|remaining|"
    r"initial|subsequent|ensuing|same|further|other|preceding)\s+)?"
)


@rule(
    _PRE_DUR + rf"(?P<n>{NUMBER})[\s-]+(?:(?:more|additional|full|straight|consecutive|long|short|extra|"
    r"business|working|trading|school|calendar)[\s-]+)?"
    rf"(?P<u>{_UNIT_WORDS})(?P<old>-old|-long)?"
    r"(?P<ago>\s+(?:ago|earlier|later|before|after|from\s+now|hence|previously))?",
    4,
)
def _duration(m: re.Match, ctx: _Ctx) -> _Cand | None:
    ns, us = m["n"], m["u"].lower()
    n = _words_to_num(ns)
    if n is None:
        return None
    unit = _unit_of(us)
    low = ns.lower()
    if unit == "S" and us.startswith("second") and low in ("a", "an", "one"):
        return None
    if unit == "WE" or (m["old"] or "").lower() == "-old":
        return None
    if low in ("a", "an") and us.endswith("s"):
        return None  # "a decades-long dispute": the article belongs to the noun, "decades" is no count of one
    if low in ("a", "an") and not m["rel"] and _RATE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None  # "$1.76 a year", "four flights a week": a rate, not annotated as a duration
    if (
        low == "one"
        and unit == "D"
        and re.search(
            r"\b(will|could|may|might|would|can|should)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
        )
    ):
        return _c(m, "DATE", "FUTURE_REF")
    if us in ("night", "nights") and low in ("a", "an", "one") and not m["rel"]:
        return None
    if re.match(r"\d", ns) and float(n) > 500 and unit not in ("S", "MIN", "H", "D"):
        return None
    if us in ("sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs") and not re.match(r"\d", ns):
        return None
    nxt = ctx.text[m.end() : m.end() + 20]
    if not m["ago"] and re.match(r"\s+(?:of\s+age|old)\b", nxt):
        return None
    if us.startswith("quarter") and (
        re.match(
            r"\s+of\s+(?!(?:fiscal\s+|calendar\s+)?(?:\d{4}|(?:this|last|next|the|that)\s+(?:fiscal\s+)?year))",
            nxt,
            re.I,
        )
        or re.match(r"-(?:century|to-quarter)", nxt)
        or bool(m["old"])
        or ("-" in ctx.text[m.end("n") : m.start("u")] and re.match(r"\s+(?:profitability|test|low|high)", nxt))
    ):
        return None  # "three-quarters of its food", "a quarter-century low": a fraction, not a time
    ago = (m["ago"] or "").strip().lower()
    rel = (m["rel"] or "").lower()
    # "the last/past twenty-four hours" is one day in TimeBank
    if rel in ("past", "last") and unit == "H" and n == 24:
        return _c(m, "DURATION", "P1D")
    if ago in ("ago", "from now", "hence"):
        return _ago(m, ctx, n, unit, ago != "ago")
    if ago:
        # "two days later": a duration anchored elsewhere; keep the extent without the adverb
        c = _c(m, "DURATION", _duration_value(n, unit) or "")
        c.end = m.start("ago")
        return c if c.value else None
    v = _duration_value(n, unit)
    if not v:
        return None
    c = _c(m, "DURATION", v)
    between = ctx.text[m.end("n") : m.start("u")]
    adjectival = "-" in between or (not us.endswith("s") and n > 1 and re.match(r"\s+[a-z]", nxt))
    if adjectival and not rel:
        c.start = m.start("n")
    return c


def _ago(m: re.Match, ctx: _Ctx, n: float, unit: str, future: bool) -> _Cand | None:
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", "FUTURE_REF" if future else "PAST_REF")
    if n != int(n):
        return _c(m, "DATE", "FUTURE_REF" if future else "PAST_REF")
    k = int(n) * (1 if future else -1)
    try:
        if unit == "D":
            return _c(m, "DATE", _fmt_date(a + timedelta(days=k)))
        if unit in ("W", "FN"):
            return _c(m, "DATE", _iso_week(a + timedelta(days=7 * k * (2 if unit == "FN" else 1))))
        if unit in ("M", "Q"):
            y, mo = _shift_months(a.year, a.month, k * (3 if unit == "Q" else 1))
            return _c(m, "DATE", f"{y:04d}-{mo:02d}")
        if unit in ("Y", "DE", "CE", "ML"):
            y = a.year + k * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit]
            return _c(m, "DATE", f"{y:04d}") if 0 <= y <= 9999 else None
        if unit in ("H", "MIN", "S"):
            secs = {"H": 3600, "MIN": 60, "S": 1}[unit] * k
            if abs(secs) > 86400 * 3:
                return _c(m, "DATE", _fmt_date(a + timedelta(seconds=secs)))
            return _c(m, "TIME", "PAST_REF" if not future else "FUTURE_REF")
    except (OverflowError, ValueError):
        return None
    return None


@rule(rf"(?P<n>{NUMBER})\s+(?P<u>{_UNIT_WORDS})\s+and\s+(?:a\s+)?half", 3)
def _and_a_half(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _words_to_num(m["n"])
    if n is None:
        return None
    v = _duration_value(n + 0.5, _unit_of(m["u"]))
    return _c(m, "DURATION", v) if v else None


@rule(r"(?:a\s+)?half(?:\s+an?|-an?|\s+a)?[\s-]+(?P<u>hour|day|year|century|decade|minute)", 3)
def _half_unit(m: re.Match, ctx: _Ctx) -> _Cand | None:
    v = _duration_value(0.5, _unit_of(m["u"]))
    return _c(m, "DURATION", v) if v else None


@rule(
    rf"(?:(?:the|these|those)\s+)?(?:(?P<rel>past|last|next|coming|first|previous|following|recent|preceding)\s+)?(?P<v>{_VAGUE})\s+(?:more\s+)?(?P<u>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries|nights)(?P<ago>\s+ago)?",
    5,
)
def _vague_duration(m: re.Match, ctx: _Ctx) -> _Cand | None:
    unit = _unit_of(m["u"])
    rel = (m["rel"] or "").lower()
    v = m["v"].lower()
    if m["ago"]:
        return _c(m, "DATE", "PAST_REF")
    if rel in ("coming", "next") and v == "the":
        return _c(m, "DATE", "FUTURE_REF")
    if v in ("some", "many", "numerous", "a number of") and not rel:
        nxt = ctx.text[m.end() : m.end() + 6]
        if v == "some" and re.match(r"\s+(ago|later|earlier)", nxt):
            return _c(m, "DATE", "PAST_REF")
    c = _c(m, "DURATION", _VAGUE_CODE[unit])
    if rel == "recent":  # "these recent few days": up to the article's date
        c.span = _recent_span(ctx, unit)
    return c


@rule(
    r"(?:(?P<det>the|these|those|in)\s+)?(?P<rel>coming|next|past|last|recent|previous|following|ensuing|early|later|final)\s+(?P<u>days|weeks|months|years|decades|quarters)",
    6,
)
def _rel_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel = m["rel"].lower()
    unit = _unit_of(m["u"])
    if rel in ("recent", "past") and unit == "Y" and not (m["det"] or "").lower().startswith("the"):
        c = _c(m, "DATE", "PAST_REF")
        if (m["det"] or "").lower() == "in":
            c.start = m.start("rel")
        c.span = _recent_span(ctx, unit) if rel == "recent" else None
        return c
    c = _c(m, "DURATION", _VAGUE_CODE[unit])  # "in coming weeks" mirrors "in the past weeks": PXW
    if m["det"] and m["det"].lower() == "in":
        c.start = m.start("rel")
    if rel == "recent":  # "in recent weeks": up to the article's date
        c.span = _recent_span(ctx, unit)
    return c


@rule(r"(?:the\s+)?(?P<u>days|weeks|months|years|decades|centuries|hours|minutes)", 9)
def _bare_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    after = ctx.text[m.end() : m.end() + 12].lower()
    u = m["u"].lower()
    if u in ("hours", "minutes", "days") and not re.search(
        r"\b(for|within|in|over|after|take|took|last|lasted)\s+$", before
    ):
        return None
    if re.match(r"\s+(ago|earlier|later|of\s+(?!the\b))", after) and u not in ("years", "months", "weeks"):
        return None
    if re.match(r"['’]", after) or re.search(r"(\d|\bmany|\bthe|\bthose|\bthese|\bof|\ball)\s*$", before):
        if not m.group(0).lower().startswith("the"):
            return None
    if m.group(0).lower().startswith("the "):
        ahead = re.match(r"\s+(ahead|to\s+come)\b", after)
        if ahead:
            c = _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])
            c.end += ahead.end()  # "the weeks ahead" is one expression
            return c
        if not re.search(r"\b(over|during|for|through|in)\s+$", before):
            return None
        return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)], group="u")
    if re.match(r"\s+ago", after):
        return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])
    return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])


@rule(
    r"(?:a\s+)?(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:decade|century)(?:-long|-old)", 4
)
def _decade_adj(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _words_to_num(m["n"] or "one") or 1
    v = _duration_value(n, "DE" if "decade" in m.group(0).lower() else "CE")
    return _c(m, "DURATION", v) if v else None


@rule(
    r"(?P<det>the|a|this|that)\s+(?:(?P<adj>full|whole|entire|fiscal|current\s+fiscal|calendar|same|previous|prior|preceding|following|next|current)\s+)?year",
    6,
)
def _the_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    det = m["det"].lower()
    adj = re.sub(r"\s+", " ", (m["adj"] or "").lower())
    after = ctx.text[m.end() : m.end() + 15].lower()
    before = ctx.text[max(0, m.start() - 20) : m.start()].lower()
    if re.match(r"\s*(ago|earlier|before|later|after|-)", after) or re.match(r"['’]s", after):
        return None
    if re.match(r"\s+(of|when|in\s+which|that|since)\b", after) and det == "the" and not adj:
        return None
    a = ctx.anchor
    if det == "a" and not adj:
        return None
    if det == "that" or adj in ("same", "previous", "prior", "preceding", "following"):
        k = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}.get(adj, 0)

        def narrative(st: _State) -> str:
            if st.year is not None:
                return f"{st.year + k:04d}"
            return f"{a.year + k:04d}" if a and k else "XXXX"

        return _c(m, "DATE", narrative)
    if adj == "next":
        return _c(m, "DATE", f"{a.year + 1:04d}" if a else "FUTURE_REF")
    if adj in ("current", "current fiscal", "full", "whole") or det == "this":
        return _c(m, "DATE", f"{a.year:04d}" if a else "PRESENT_REF")
    if re.match(r"\s+end(?:ed|ing)\b", after):
        return _c(m, "DURATION", "P1Y")  # "the year ended March 31": twelve months to a date, not a calendar year
    if re.search(r"\bfor\s+$", before) and re.match(r"\s*[,.;]", after) and a and det == "the":
        return _c(m, "DATE", f"{a.year:04d}")  # "For the year, volume was flat": the year being reported
    if re.search(r"\b(for|over|during|through|throughout)\s+$", before) or det == "a" or adj in ("entire", "fiscal"):
        return _c(m, "DURATION", "P1Y")
    if re.search(r"\b(in|earlier|later|early|late|of|by)\s+$", before) and a:
        return _c(m, "DATE", f"{a.year:04d}")
    return _c(m, "DURATION", "P1Y")

