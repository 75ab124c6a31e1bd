"""Explicit calendar dates: ISO, slashes, month-day, day-month, month-year, months alone."""

from __future__ import annotations

import re
from datetime import date

from .numwords import _day_of, _month_of, _year_of
from .patterns import _ABBR_MONTHS, DAY, MONTH, ORD_DAY, SPOKEN_YEAR, WEEKDAY, YEAR
from .registry import _c, _Cand, _Ctx, _full_date, _month_day_value, _State, _wd_of, rule
from .rules_reference import within_reach
from .tense import _choose_future, _tense


# ---- explicit calendar dates -------------------------------------------------------------
@rule(r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?", 1)
def _iso(m: re.Match, ctx: _Ctx) -> _Cand | None:
    v = _full_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if v is None:
        return None
    if m["H"]:
        return _c(m, "TIME", f"{v}T{m['H']}:{m['M']}")
    return _c(m, "DATE", v)


_NUMERIC = {
    sep: re.compile(rf"(?<![\w/.-])(\d{{1,2}})\{sep}(\d{{1,2}})\{sep}(?:\d{{4}}|\d\d)(?![\w/-]|\.\d)") for sep in "/-"
}


def _numeric_order(text: str, sep: str) -> str | None:
    """The article's own order of its `sep` dates: "dm" or "md" when its unambiguous ones ("25/03/2009",
    "03/25/2009") all agree, else None."""
    found = _NUMERIC[sep].findall(text)
    orders = {"dm" if int(a) > 12 else "md" for a, b in found if (int(a) > 12) != (int(b) > 12)}
    return orders.pop() if len(orders) == 1 else None


@rule(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)(?![-.]\d)", 1)
def _numeric(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"3/25/2009", "25/03/09", "25.03.2009", "25-12-2021". Dots are day first. A slash or dash date whose
    order the numbers don't show ("10/03/09": 10 March or October 3) follows the article's unambiguous
    dates of the same kind, else the reading within 45 days of the article's date when the other is not;
    else only its year, which is certain: unknown beats wrong."""
    if m["sep"] != "/" and len(m["y"]) == 2 or ctx.text[m.start() - 1 : m.start()] == "-":
        return None  # "1.2.10" is a version number, "10-12-14" a score or a code
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 30 else 2000
    a, b = int(m["a"]), int(m["b"])
    dm, md = _full_date(y, b, a), _full_date(y, a, b)
    if m["sep"] == ".":
        return _c(m, "DATE", dm) if dm else None
    if not (dm and md) or dm == md:
        v = dm or md
        return _c(m, "DATE", v) if v else None
    order = _numeric_order(ctx.text, m["sep"])
    if order:
        return _c(m, "DATE", dm if order == "dm" else md)
    if ctx.anchor:
        near = [v for v in (dm, md) if abs((date.fromisoformat(v) - ctx.anchor).days) <= 45]
        if len(near) == 1:
            return _c(m, "DATE", near[0])
    return _c(m, "DATE", str(y))


@rule(
    rf"(?:(?:this\s+coming|this|next|last)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mo>{MONTH})\s+(?:the\s+)?(?P<d>{DAY}|{ORD_DAY})(?:,?\s+(?P<y>{YEAR}|{SPOKEN_YEAR}))?",
    2,
)
def _month_day(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d = _month_of(m["mo"]), _day_of(m["d"])
    if m["mo"].lower() in ("may", "march") and not m["d"][0].isdigit() and not m["y"]:
        return None
    if m["y"]:
        y = _year_of(m["y"])
        v = _full_date(y, mo, d) if y else None
    else:
        v = _month_day_value(ctx, m, mo, d, _wd_of(m["wd"]))
    return _c(m, "DATE", v) if v else None


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY}|{ORD_DAY})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    2,
)
def _day_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d = _month_of(m["mo"]), _day_of(m["d"])
    if m["mo"].lower() == "may" and not m["mo"][0].isupper():
        return None
    if m["y"]:
        v = _full_date(int(m["y"]), mo, d)
    else:
        v = _month_day_value(ctx, m, mo, d, _wd_of(m["wd"]))
    return _c(m, "DATE", v) if v else None


@rule(rf"(?P<mo>{MONTH})\s+(?P<d1>{DAY})\s*(?P<sep>-|–|—|to|through|and)\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?", 1)
def _month_day_span(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d1, d2 = _month_of(m["mo"]), _day_of(m["d1"]), _day_of(m["d2"])
    if d2 <= d1:
        return None
    if m["y"]:
        a, b = _full_date(int(m["y"]), mo, d1), _full_date(int(m["y"]), mo, d2)
    else:
        a = _month_day_value(ctx, m, mo, d1)
        b = a[:-2] + f"{d2:02d}" if a and _full_date(2000, mo, d2) else None
    if not (a and b):
        return None
    c = _c(m, "DATE", f"{a}/{b}")
    if m["sep"].isalpha():  # "April 24 and 25": two expressions making one range
        c.parts = [(m.start(), m.end("d1"), a), (m.start("d2"), m.end(), b)]
    return c


@rule(rf"(?P<d1>{DAY})\s*(?P<sep>-|–|—|to|and)\s*(?P<d2>{DAY})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?", 1)
def _day_day_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"9-10 November", "9 and 10 November 2020": one range of days in a month (day-first order)."""
    mo, d1, d2 = _month_of(m["mo"]), _day_of(m["d1"]), _day_of(m["d2"])
    if d2 <= d1 or (m["mo"].lower() == "may" and not m["mo"][0].isupper()):
        return None
    if m["y"]:
        a, b = _full_date(int(m["y"]), mo, d1), _full_date(int(m["y"]), mo, d2)
    else:
        b = _month_day_value(ctx, m, mo, d2)
        a = b[:-2] + f"{d1:02d}" if b else None
    if not (a and b):
        return None
    c = _c(m, "DATE", f"{a}/{b}")
    if m["sep"].isalpha():
        c.parts = [(m.start(), m.end("d1"), a), (m.start("d2"), m.end(), b)]
    return c


@rule(rf"(?P<mo>{MONTH})(?:\s+of)?,?\s+(?:the\s+year\s+)?(?P<y>{YEAR}|{SPOKEN_YEAR}|'\d\d)", 2)
def _month_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m["mo"].lower() in ("may", "march") and not m["mo"][0].isupper():
        return None
    ys = m["y"]
    y = 1900 + int(ys[1:]) if ys.startswith("'") else _year_of(ys)
    if y is None:
        return None
    if ys.startswith("'") and y < 1930:
        y += 100
    return _c(m, "DATE", f"{y:04d}-{_month_of(m['mo']):02d}")


@rule(rf"(?P<mo>{MONTH})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year", 2)
def _month_rel_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.anchor is None:
        return _c(m, "DATE", f"XXXX-{_month_of(m['mo']):02d}")
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _c(m, "DATE", f"{y:04d}-{_month_of(m['mo']):02d}")


@rule(rf"(?:(?P<mo>{MONTH})\s+(?P<d>{DAY}|{ORD_DAY})|(?P<d2>{DAY}|{ORD_DAY})(?:\s+of)?\s+(?P<mo2>{MONTH})),?\s+"
      rf"(?:of\s+)?(?P<rel>this|last|next)\s+year", 2)
def _month_day_rel_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"on November 9 last year", "10 November this year": one date, its year counted from the article's."""
    mo, d = _month_of(m["mo"] or m["mo2"]), _day_of(m["d"] or m["d2"])
    if ctx.anchor is None:
        return _c(m, "DATE", f"XXXX-{mo:02d}-{d:02d}") if _full_date(2000, mo, d) else None
    v = _full_date(ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()], mo, d)
    return _c(m, "DATE", v) if v else None


def _resolve_month(ctx: _Ctx, m: re.Match, mo: int, rel: str | None) -> str:
    if ctx.anchor is None:
        return f"XXXX-{mo:02d}"
    a = ctx.anchor
    rel = (rel or "").lower()
    if rel == "this":
        y = a.year
    elif rel in ("last", "past", "previous"):
        y = a.year if mo < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if mo > a.month else a.year + 1
    else:
        dp, df = (a.month - mo) % 12, (mo - a.month) % 12
        if dp == 0:
            y = a.year
        elif _choose_future(_tense(ctx.text, m.start(), m.end()), dp, df):
            y = a.year if mo > a.month else a.year + 1
        else:
            y = a.year if mo < a.month else a.year - 1
    return f"{y:04d}-{mo:02d}"


@rule(rf"(?:(?P<rel>this\s+coming|this|last|next|past|previous|coming)\s+)?(?P<mo>{MONTH})", 4)
def _month_alone(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m["mo"]
    if not w[0].isupper():
        return None
    low = w.lower().rstrip(".")
    if low in _ABBR_MONTHS and not w.endswith("."):
        return None
    if low in ("may", "march") and not m["rel"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(in|since|until|till|by|early|late|mid-?|of|before|after|during|through|from|to|and|for)\s*$", before
        ):
            return None
    if low in ("sept", "sep", "dec", "jan", "feb", "oct", "nov", "aug", "apr", "jun", "jul", "mar") and re.match(
        r"\.\s*\d", ctx.text[m.end() - 1 : m.end() + 3]
    ):
        return None
    mo = _month_of(w)
    v = _resolve_month(ctx, m, mo, m["rel"] and re.sub(r"\s+", " ", m["rel"]))
    if m["rel"] or ctx.anchor is None or _tense(ctx.text, m.start(), m.end()) is not None:
        return _c(m, "DATE", v)
    start = m.start()

    def again(st: _State) -> str:
        """"are expected to join in April ... the summit in April": a month named again, with no tense of its
        own, is the month the text just named"""
        seen = st.months.get(mo)
        if seen and within_reach(ctx.text, seen[1], start, _AGAIN_REACH):
            return f"{seen[0]:04d}-{mo:02d}"
        return v

    return _c(m, "DATE", again)


_AGAIN_REACH = 600

