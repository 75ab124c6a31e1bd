"""Years, decades, centuries, spans of years and seasons."""

from __future__ import annotations

import re

from .numwords import _day_of, _spoken_year, _year_of
from .patterns import ORD_DAY, SEASON, SPOKEN_YEAR, YEAR
from .registry import _c, _Cand, _Ctx, _future, rule
from .words import SEASONS

# ---- years, decades, centuries ---------------------------------------------------------
_YEAR_BAD_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|(?:troops|people|soldiers|tons|tonnes|km|meters|metres|feet|miles|dollars|units|cars|votes|seats|members|hectares|pounds|euros|rubles)\b)",
    re.I,
)


@rule(rf"(?:(?P<fis>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY|the\s+year|model\s+year)\s*)?(?P<y>{YEAR})(?:'s)?", 6)
def _year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    before = ctx.text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[\d,.:$]\s?$", before) and not m["fis"]:
        return None
    if _YEAR_BAD_AFTER.match(ctx.text, m.end()):
        return None
    if not m["fis"] and (y < 1500 or (ctx.anchor and y > ctx.anchor.year + 30) or y > 2100):
        return None
    return _c(m, "DATE", f"{y:04d}")


@rule(rf"(?:the\s+year\s+)?(?P<y>{SPOKEN_YEAR})", 6)
def _spoken(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = _spoken_year(m["y"])
    if y is None or not (1800 <= y <= 2100):
        return None
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if not (
        m.group(0).lower().startswith("the year")
        or re.search(r"(?:in|of|since|until|by|from|to|and|year|spring|summer|fall|autumn|winter)\s*$", before, re.I)
        or _SPOKEN_YEAR_ALONE.match(ctx.text, m.end())
        or (re.search(r"\b(?:a|an|the|this|that)\s+$", before, re.I) and _SINGULAR_NEXT.match(ctx.text, m.end()))
    ):
        return None
    return _c(m, "DATE", f"{y:04d}")


# A spoken year needs no preposition where a count could not stand: closing its clause ("Atlanta,
# nineteen ninety-six.") or before a singular noun ("a nineteen ninety-seven attack").
_SPOKEN_YEAR_ALONE = re.compile(r"\s*(?:[.;:!?)]|,\s|$)")
_SINGULAR_NEXT = re.compile(r"\s+[a-z]+(?<!s)\b")


@rule(r"(?:(?:the|this)\s+)?(?:(?:early|mid|late)[\s-]*)?(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s", 3)
def _decade(m: re.Match, ctx: _Ctx) -> _Cand | None:
    d = m["dec"]
    w = m.group(0).lower()
    mod = "START" if "early" in w else "END" if "late" in w else "MID" if "mid" in w else None
    if d.startswith("'"):
        cent = 19 if int(d[1]) >= 2 else 20
        return _c(m, "DATE", f"{cent}{d[1]}", mod, kind="decade")
    return _c(m, "DATE", d[:3], mod, kind="decade")  # TIMEX3: a decade is the truncated year "199"


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule(
    r"the\s+(?:(?:nineteen|eighteen)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    3,
)
def _decade_words(m: re.Match, ctx: _Ctx) -> _Cand | None:
    cent = "18" if "eighteen" in m.group(0).lower() else "19"
    return _c(m, "DATE", f"{cent}{_DECADE_WORDS[m['w'].lower()]}")


@rule(rf"(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD_DAY})[\s-]+century", 3)
def _century(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _day_of(m["n"])
    if not 1 <= n <= 22:
        return None
    return _c(m, "DATE", f"{n - 1:02d}")  # TIMEX3: the 20th century is "19"


@rule(
    r"(?:this|the\s+(?:current|present|last|past|previous)|last|next|the\s+next|the\s+new)\s+(?P<u>century|decade|millennium)",
    4,
)
def _rel_century(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    w = m.group(0).lower()
    u = m["u"].lower()
    if a is None:
        return _c(m, "DATE", "PAST_REF" if ("last" in w or "past" in w) else "PRESENT_REF")
    k = -1 if ("last" in w or "past" in w or "previous" in w) else (1 if ("next" in w or "new" in w) else 0)
    if u == "decade":
        if (
            w.startswith("the")
            and k == -1
            and re.search(
                r"\b(over|for|during|throughout|within)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
            )
        ):
            return _c(m, "DURATION", "P10Y")
        return _c(m, "DATE", f"{a.year // 10 + k:03d}")
    if u == "century":
        return _c(m, "DATE", f"{a.year // 100 + k:02d}")
    return _c(m, "DATE", f"{a.year // 1000 + k}")


# ---- spans of years ---------------------------------------------------------------------
@rule(rf"(?P<a>{YEAR})\s*(?:-|–|—|/)\s*(?P<b>{YEAR}|\d\d(?![\d%]))", 1)
def _year_span(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else (a // 100) * 100 + int(m["b"])
    if b <= a or b - a > 200 or a < 1500:
        return None
    if _YEAR_BAD_AFTER.match(ctx.text, m.end()):
        return None
    return _c(m, "DATE", f"{a:04d}/{b:04d}")


# ---- seasons -----------------------------------------------------------------------------
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@rule(
    rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}|{SPOKEN_YEAR}))?",
    4,
)
def _season(m: re.Match, ctx: _Ctx) -> _Cand | None:
    s = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower().split()
    if m["y"]:
        y = _year_of(m["y"])
        return _c(m, "DATE", f"{y:04d}-{s}") if y else None
    if not rel:
        before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
        if not re.search(r"\b(early|late|mid-?|in|during|this|last|next|by|until|since)\s*$", before) or m[
            "s"
        ].lower() in ("fall", "spring"):
            return None
    nxt = ctx.text[m.end() : m.end() + 12].lower()
    if rel == ["the"] and re.match(r"\s+of\b", nxt):
        return None
    if (
        rel == ["the"]
        and m["s"].lower() in ("fall", "spring")
        and not re.search(
            r"\b(in|during|by|until|since|this|last|early|late)\s*$",
            ctx.text[max(0, m.start() - 10) : m.start()].lower(),
        )
    ):
        return None
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", f"XXXX-{s}")
    cur_season_year = a.year
    start_m = _SEASON_START[s]
    if rel and rel[-1] in ("last", "past") or rel[:2] == ["this", "past"]:
        y = a.year if (start_m + 3 <= a.month and s != "WI") else a.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        y = a.year if start_m > a.month else a.year + 1
    elif rel == ["this"]:
        y = cur_season_year
    else:
        fut = _future(ctx, m)
        y = (a.year if start_m >= a.month else a.year + 1) if fut else (a.year if start_m <= a.month else a.year - 1)
    return _c(m, "DATE", f"{y:04d}-{s}")

