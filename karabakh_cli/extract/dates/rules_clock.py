"""Times of day: parts of day, clock times, noon/midnight."""

from __future__ import annotations

import re
from datetime import timedelta

from .arith import _add_days, _fmt_date
from .numwords import _day_of, _month_of
from .patterns import AMPM, DAY, DAYPART, MONTH, TZ, WEEKDAY
from .registry import Value, _c, _Cand, _Ctx, _month_day_value, _State, _wd_of, rule
from .rules_reference import _SHIFT, reference_day
from .rules_relative import _weekday_value
from .words import DAY_PARTS

# ---- times of day -----------------------------------------------------------------------------
_DAYREF = rf"(?:(?P<dwd>{WEEKDAY})|(?P<dmo>{MONTH})\s+(?P<dd>{DAY})|(?P<ddx>today|tonight|yesterday|tomorrow))"


def _dayref_value(ctx: _Ctx, m: re.Match) -> str | None:
    a = ctx.anchor
    named = m["dwd"] or (m.groupdict().get("pwd") or "")
    if named:
        wd = _wd_of(named)
        return _weekday_value(ctx, m, wd, "") if wd else None
    if m["dmo"]:
        return _month_day_value(ctx, m, _month_of(m["dmo"]), _day_of(m["dd"]))
    if m["ddx"]:
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["ddx"].lower()]
        if a is None:
            return "XXXX-XX-XX"
        d = _add_days(a, off)
        return _fmt_date(d) if d else None
    return _fmt_date(a) if a else "XXXX-XX-XX"


@rule(rf"(?:(?:early|late|mid)[\s-]?)?(?P<p>{DAYPART})\s+(?:of\s+|on\s+)?(?:{_DAYREF})", 3)
def _part_of_day(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m["dwd"] and not m["dwd"][0].isupper():
        return None
    if re.match(r"mid(?:night|day)", m.group(0), re.I):
        return None  # "midnight Friday" is a clock point (T24:00), not "mid" + "night"
    day = _dayref_value(ctx, m)
    part = DAY_PARTS.get(re.sub(r"\s+", " ", m["p"].lower()))
    return _c(m, "TIME", f"{day}T{part}") if day and part else None


@rule(
    rf"(?:(?:around|about|approximately|at)\s+)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?P<tz>{TZ})?"
    rf"(?:,?\s+(?:on\s+)?{_DAYREF}|(?=\s*\([^()]{{1,25}}\),?\s+(?:on\s+)?(?P<pwd>{WEEKDAY})\b))?",
    2,
)
def _clock(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """A clock time; its day is the one named right after it, even past a parenthesis ("10 a.m. (0700 GMT) Friday")."""
    h = int(m["h"])
    pm = m["ap"].lower().startswith("p")
    if pm and h != 12:
        h += 12
    if not pm and h == 12:
        h = 0
    mi = m["mi"] or "00"
    day = _dayref_value(ctx, m)
    if day is None:
        return None
    c = _c(m, "TIME", _on_reference_day(ctx, m, day, f"T{h:02d}:{mi}"))
    if re.match(r"(?:at|about)\s", m.group(0), re.I):  # "about 10:35 a.m.": TimeBank tags the time, mod APPROX
        c.start = m.start("h")
        c.mod = "APPROX" if m.group(0)[:5].lower() == "about" else None
    return _with_day_after(ctx, m, c)


_DAY_GROUPS = ("dwd", "dmo", "ddx", "pwd")  # the groups of a day named right after the clock time


def _on_reference_day(ctx: _Ctx, m: re.Match, day: str, clock: str) -> Value:
    """A clock time that names no day is on the day the narrative is at ("killed Thursday evening ... the men
    came in around 7:15 p.m."), which is publication day only when the text named no day just before."""
    g = m.groupdict()
    if any(g.get(k) for k in _DAY_GROUPS):
        return day + clock
    start = m.start()
    after = _DAY_AFTER.match(ctx.text, m.end())  # "noon the next day": the day the words after it name
    k = _SHIFT.get((after["rel"] or "").lower(), 0) if after else 0

    def val(st: _State) -> str:
        ref = reference_day(st, ctx.text, start)
        if ref is None:
            return ("XXXX-XX-XX" if after else day) + clock
        return _fmt_date(ref + timedelta(days=k)) + clock

    return val


_DAY_AFTER = re.compile(
    r"\s+(?:on\s+)?(?:the\s+(?P<rel>next|following|previous|preceding)|that(?:\s+same)?|the\s+same)\s+day\b", re.I
)


@rule(rf"(?P<w>noon|midnight|midday)(?:\s+(?:on\s+)?{_DAYREF})?", 3)
def _noon(m: re.Match, ctx: _Ctx) -> _Cand | None:
    day = _dayref_value(ctx, m)
    if day is None:
        return None
    hh = "12:00" if m["w"].lower() != "midnight" else "24:00"
    return _with_day_after(ctx, m, _c(m, "TIME", _on_reference_day(ctx, m, day, f"T{hh}")))


def _with_day_after(ctx: _Ctx, m: re.Match, c: _Cand) -> _Cand:
    """"noon the next day" is one expression, as "noon Saturday" is."""
    after = _DAY_AFTER.match(ctx.text, m.end()) if not any(m.groupdict().get(k) for k in _DAY_GROUPS) else None
    if after:
        c.end = after.end()
    return c


@rule(
    rf"(?:(?P<dwd>{WEEKDAY})|(?P<ddx>today|tonight|yesterday|tomorrow)),?\s+at\s+(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?P<tz>{TZ})?",
    1,
)
def _day_at_clock(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    day = _dayref_value(ctx, m)
    return _c(m, "TIME", f"{day}T{h:02d}:{m['mi'] or '00'}") if day else None


@rule(r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?:hrs|hours|h\b)|(?P<tz>" + TZ + r"))", 3)
def _clock24(m: re.Match, ctx: _Ctx) -> _Cand | None:
    day = _fmt_date(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    return _c(m, "TIME", f"{day}T{int(m['h']):02d}:{m['mi']}")

