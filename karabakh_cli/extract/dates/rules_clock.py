"""Times of day: parts of day, clock times, noon/midnight."""

from __future__ import annotations

import re

from .arith import _add_days, _fmt_date
from .numwords import _day_of, _month_of
from .patterns import AMPM, DAY, DAYPART, MONTH, TZ, WEEKDAY
from .registry import _c, _Cand, _Ctx, _month_day_value, _wd_of, rule
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
    c = _c(m, "TIME", f"{day}T{h:02d}:{mi}")
    if re.match(r"(?:at|about)\s", m.group(0), re.I):  # "about 10:35 a.m.": TimeBank tags the time, mod APPROX
        c.start = m.start("h")
        c.mod = "APPROX" if m.group(0)[:5].lower() == "about" else None
    return c


@rule(rf"(?P<w>noon|midnight|midday)(?:\s+(?:on\s+)?{_DAYREF})?", 3)
def _noon(m: re.Match, ctx: _Ctx) -> _Cand | None:
    day = _dayref_value(ctx, m)
    if day is None:
        return None
    hh = "12:00" if m["w"].lower() != "midnight" else "24:00"
    return _c(m, "TIME", f"{day}T{hh}")


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

