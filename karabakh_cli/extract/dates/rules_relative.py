"""Relative days, weeks, months, years, weekdays and holidays ('yesterday', 'last week', 'Friday')."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .arith import _add_days, _fmt_date, _iso_week, _nth_weekday, _shift_months, resolve_weekday
from .numwords import _day_of, _month_of
from .patterns import _FULL_WD, DAY, DAYPART, MONTH, WEEKDAY, YEAR, _alt
from .registry import _c, _Cand, _Ctx, _full_date, _future, _month_day_value, _State, _wd_of, rule
from .rules_reference import reference_day
from .tense import _choose_future, _tense
from .words import _MAX_YEAR, _MIN_YEAR, DAY_PARTS, FLOATING, HOLIDAYS, WEEKDAYS


# ---- relative days / weeks / months / years ------------------------------------------------
@rule(
    r"(?P<w>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow)(?:'s)?(?:\s+(?P<p>"
    + DAYPART
    + r"))?",
    3,
)
def _deictic(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m["w"].lower()).removeprefix("the ")
    off = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "day before yesterday": -2,
        "day after tomorrow": 2,
    }[w]
    part = DAY_PARTS.get(re.sub(r"\s+", " ", m["p"].lower())) if m["p"] else ("NI" if w == "tonight" else None)
    if w == "today" and ctx.text[m.end() : m.end() + 2] == "'s" and not part:
        return (
            _c(m, "DATE", "PRESENT_REF")
            if re.match(r"'s\s+(world|society|economy|standards|market|youth)", ctx.text[m.end() : m.end() + 20])
            else None
        )
    if ctx.anchor is None:
        d = {0: "PRESENT_REF", -1: "PAST_REF", 1: "FUTURE_REF", -2: "PAST_REF", 2: "FUTURE_REF"}[off]
        return _c(m, "TIME" if part else "DATE", d)
    d2 = _add_days(ctx.anchor, off)
    if d2 is None:
        return None
    return _c(m, "TIME" if part else "DATE", _fmt_date(d2) + (f"T{part}" if part else ""))


@rule(r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<p>morning|afternoon|evening|night)", 2)
def _this_morning(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel = m["rel"].lower()
    off = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    p = DAY_PARTS[m["p"].lower()]
    if rel == "last" and p != "NI":
        return None
    if ctx.anchor is None:
        return _c(m, "TIME", f"XXXX-XX-XXT{p}")
    d = _add_days(ctx.anchor, off)
    return _c(m, "TIME", f"{_fmt_date(d)}T{p}") if d else None


@rule(
    r"(?:(?P<the>the)\s+)?(?P<rel>this|last|next|past|coming|previous|following|current|present)\s+(?P<u>week|month|year|weekend|fortnight)",
    3,
)
def _rel_unit(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel, u = m["rel"].lower(), m["u"].lower()
    a = ctx.anchor
    if m["the"] and rel in ("past", "last") and u == "year" and a is not None:
        return _c(m, "DATE", f"{a.year - 1:04d}")  # TimeBank reads "the past year" as last calendar year
    if m["the"] and rel in ("past", "last", "next", "coming", "previous", "following"):
        if rel in ("previous", "following") and u in ("year", "month"):
            return None  # narrative: the year/month after the one the text last named (`_the_year`, `_narrative_month`)
        if rel in ("previous", "following"):
            return _c(
                m,
                "DATE",
                {
                    "week": "XXXX-WXX",
                    "month": "XXXX-XX",
                    "year": "XXXX",
                    "weekend": "XXXX-WXX-WE",
                    "fortnight": "XXXX-WXX",
                }[u],
            )
        return _c(
            m, "DURATION", {"week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P2D", "fortnight": "P2W"}[u]
        )
    if rel in ("previous", "following"):
        return None
    k = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
    if a is None:
        return _c(m, "DATE", "PRESENT_REF" if k == 0 else ("PAST_REF" if k < 0 else "FUTURE_REF"))
    if u == "year":
        return _c(m, "DATE", f"{a.year + k:04d}")
    if u == "month":
        y, mo = _shift_months(a.year, a.month, k)
        return _c(m, "DATE", f"{y:04d}-{mo:02d}")
    if u in ("week", "fortnight"):
        d = _add_days(a, 7 * k)
        return _c(m, "DATE", _iso_week(d)) if d else None
    # weekend: the one just past unless "next"/future
    wd = a.isoweekday()
    if k == 0:
        base = a if wd >= 6 else (_add_days(a, 6 - wd) if _future(ctx, m) else _add_days(a, -wd))
    elif k < 0:
        base = _add_days(a, -wd) if wd >= 6 else _add_days(a, -wd)
    else:
        base = _add_days(a, 7 - wd + 6) if wd < 6 else _add_days(a, 7)
    return _c(m, "DATE", _iso_week(base) + "-WE") if base else None


@rule(r"(?:that|the\s+(?:same|following|previous|preceding|next))\s+month", 5)
def _narrative_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m.group(0).lower()
    k = 1 if ("following" in w or "next" in w) else (-1 if ("previous" in w or "preceding" in w) else 0)

    def val(st: _State) -> str:
        if st.month:
            y, mo = _shift_months(st.month[0], st.month[1], k)
            return f"{y:04d}-{mo:02d}"
        return "XXXX-XX"

    return _c(m, "DATE", val)


@rule(r"(?:the\s+)?(?:year[\s-]end|year's\s+end|end[\s-]of[\s-](?:the[\s-])?year)", 4)
def _year_end(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if re.match(r"\s+(results|figures|bonus)", ctx.text[m.end() : m.end() + 10], re.I):
        return None
    a = ctx.anchor
    return _c(m, "DATE", f"{a.year:04d}" if a else "XXXX", "END")


@rule(
    r"future(?=\s*[,.;:!?)\"'’]|\s*$|\s+(?:away|of|is|was|will|would|and|or|in|to|for|with|at|on|as|remains|looks|lies|depends|hangs|seems)\b)",
    6,
)
def _future_noun(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """Noun "future" after a possessive ("Elian's future", "its future is uncertain") is FUTURE_REF."""
    if not re.search(
        r"(?:['’]s|\b(?:its|their|his|her|our|your|my))\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I
    ):
        return None
    return _c(m, "DATE", "FUTURE_REF")


@rule(r"(?P<w>current)(?=\s+[a-z])", 8, 0)
def _ref_adj(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """Adjectival "current" ("current market conditions") is PRESENT_REF.

    Why: TimeBank tags it in most uses; adjectival "recent" ("the recent sale", a third of its uses) and
    "future" ("future earnings") it mostly leaves out.
    """
    if re.search(r"\b(then|most|more)\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None
    return _c(m, "DATE", "PRESENT_REF")


@rule(r"the\s+weekend", 4)
def _the_weekend(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", "XXXX-WXX-WE")
    wd = a.isoweekday()
    if wd >= 6:
        base = a
    elif _future(ctx, m):
        base = _add_days(a, 6 - wd)
    else:
        base = _add_days(a, -wd)
    return _c(m, "DATE", _iso_week(base) + "-WE") if base else None


def _weekday_value(ctx: _Ctx, m: re.Match, wd: int, rel: str) -> str | None:
    a = ctx.anchor
    if a is None:
        return f"XXXX-WXX-{wd}"
    rel = rel.lower()
    if rel == "last":
        d = resolve_weekday(wd, a - timedelta(days=1))
    elif rel in ("next", "this coming", "coming"):
        d = resolve_weekday(wd, a + timedelta(days=1), future=True)
    elif rel == "this":
        d = a + timedelta(days=wd - a.isoweekday())
    else:
        dp, df = (a.isoweekday() - wd) % 7, (wd - a.isoweekday()) % 7
        t = _tense(ctx.text, m.start(), m.end())
        possessive = m.group(0).endswith(("'s", "’s")) or ctx.text[m.end() : m.end() + 2] in ("'s", "’s")
        fut = dp != 0 and not possessive and t in ("future_strong", "future_weak") and _choose_future(t, dp, df)
        d = resolve_weekday(wd, a, future=fut)
    return _fmt_date(d)


@rule(
    rf"(?:(?P<rel>this\s+coming|this\s+past|this|last|next|coming|past|(?:the\s+)?previous|(?:the\s+)?preceding|the\s+following)\s+)?(?P<wd>{WEEKDAY})(?:'s)?"
    rf"(?:\s+(?P<p>{DAYPART}))?",
    4,
)
def _weekday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m["wd"]
    if not w[0].isupper():
        return None
    rel = re.sub(r"\s+", " ", (m["rel"] or "")).lower()
    if rel == "past":
        return None
    wd = _wd_of(w)
    if wd is None:
        return None
    if rel in ("the previous", "previous", "the preceding", "preceding", "the following"):
        return _anaphoric_weekday(m, ctx, wd, rel)
    if rel == "this past":
        rel = "last"
    v = _weekday_value(ctx, m, wd, rel)
    if v is None:
        return None
    p = m["p"]
    if p:
        pl = p.lower()
        part = DAY_PARTS.get(re.sub(r"\s+", " ", pl), "")
        if pl.endswith("s"):
            return _c(m, "SET", f"XXXX-WXX-{wd}T{part}")
        return _c(m, "DATE", f"{v}T{part}")  # TimeBank mostly types "Friday night" as DATE
    return _c(m, "DATE", v)


def _anaphoric_weekday(m: re.Match, ctx: _Ctx, wd: int, rel: str) -> _Cand | None:
    """"the previous Friday", "the following Monday": strictly before/after the day the narrative is at, which is
    the last day the text named ("closed lower Friday ... down 4.5% from the previous Friday"), else publication."""
    after = rel.endswith("following")
    start = m.start()
    part = DAY_PARTS.get(re.sub(r"\s+", " ", m["p"].lower()), "") if m["p"] else ""
    if m["p"] and m["p"].lower().endswith("s"):
        return None

    def val(st: _State) -> str:
        ref = reference_day(st, ctx.text, start, reach=_ANAPHORA_REACH, paragraphs=3) or ctx.anchor
        if ref is None:
            return f"XXXX-WXX-{wd}" + (f"T{part}" if part else "")
        d = resolve_weekday(wd, ref + timedelta(days=1), future=True) if after else resolve_weekday(
            wd, ref - timedelta(days=1))
        return _fmt_date(d) + (f"T{part}" if part else "")

    return _c(m, "DATE", val)


_ANAPHORA_REACH = 2000  # "the previous Friday" looks further back for its day than "the next day" does
_MONTH_DAY = rf"(?:(?P<mo>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?P<mo2>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?"


def _day_of_ref(ctx: _Ctx, m: re.Match) -> date | None:
    """The day a composite expression counts from: a weekday ("last Tuesday") or a month/day ("March 6")."""
    g = m.groupdict()
    if g.get("wd"):
        wd = _wd_of(g["wd"])
        v = _weekday_value(ctx, m, wd, g.get("rel") or "") if wd else None
    else:
        mo, d = _month_of(m["mo"] or m["mo2"]), _day_of(m["d"] or m["d2"])
        v = _full_date(int(m["y"]), mo, d) if m["y"] else _month_day_value(ctx, m, mo, d)
    return date.fromisoformat(v) if v and not v.startswith("X") else None


@rule(rf"(?:the\s+)?day\s+(?P<dir>before|after)\s+(?:(?P<rel>last|next|this)\s+)?(?:(?P<wd>{WEEKDAY})|{_MONTH_DAY})", 1)
def _day_before(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the day before last Tuesday", "the day after March 6": one day off the day named."""
    if m["wd"] and not m["wd"][0].isupper():
        return None
    ref = _day_of_ref(ctx, m)
    d = _add_days(ref, -1 if m["dir"].lower() == "before" else 1) if ref else None
    return _c(m, "DATE", _fmt_date(d)) if d else None


@rule(rf"the\s+week\s+of\s+{_MONTH_DAY}", 1)
def _week_of(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """"the week of March 6": the ISO week holding that day."""
    ref = _day_of_ref(ctx, m)
    return _c(m, "DATE", _iso_week(ref)) if ref else None


@rule(r"the\s+week(?=['’]s|\s*[,.;]|\s+(?:was|has|had|is|saw|brought|to\s+date)\b)", 6)
def _the_week(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """'For the week, the index fell': a week the report is about, which the words do not pin down (YYYY-WXX)."""
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    possessive = ctx.text[m.end() : m.end() + 1] in ("'", "’")
    if re.search(r"\b(?:a|per|each|every|in)\s+$", before, re.I) or (re.search(r"\bof\s+$", before) and not possessive):
        return None  # "three times in the week", "days of the week": not a particular week
    return _c(m, "DATE", f"{ctx.anchor.year:04d}-WXX" if ctx.anchor else "XXXX-WXX")


@rule(rf"(?P<wd>{_alt([w + 's' for w in _FULL_WD])})", 4)
def _weekdays_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not m["wd"][0].isupper():
        return None
    return _c(m, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()[:-1]]}")


# ---- holidays -------------------------------------------------------------------------------
@rule(rf"(?P<h>{_alt(list(HOLIDAYS) + list(FLOATING))})(?:\s+(?P<y>{YEAR}))?", 4)
def _holiday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = re.sub(r"\s+", " ", m["h"].lower())
    if not m["h"][0].isupper():
        return None
    a = ctx.anchor
    if h in HOLIDAYS:
        mo, d = HOLIDAYS[h]
        if m["y"]:
            return _c(m, "DATE", f"{int(m['y']):04d}-{mo:02d}-{d:02d}")
        v = _month_day_value(ctx, m, mo, d)
        return _c(m, "DATE", v) if v else None
    mo, wd, n = FLOATING[h]
    if m["y"]:
        return _c(m, "DATE", _fmt_date(_nth_weekday(int(m["y"]), mo, wd, n)))
    if a is None:
        return _c(m, "DATE", f"XXXX-{mo:02d}")
    cand = [_nth_weekday(y, mo, wd, n) for y in (a.year - 1, a.year, a.year + 1) if _MIN_YEAR <= y <= _MAX_YEAR]
    fut = _future(ctx, m)
    past = [d for d in cand if d <= a]
    futs = [d for d in cand if d >= a]
    pick = (futs[0] if futs else cand[-1]) if fut else (past[-1] if past else cand[0])
    return _c(m, "DATE", _fmt_date(pick))

