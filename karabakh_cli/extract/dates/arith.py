"""Calendar arithmetic: month/day and weekday resolution around an anchor, ISO weeks, month shifts."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .words import _MAX_YEAR, _MIN_YEAR


def _valid(y: int, m: int, d: int) -> bool:
    return _MIN_YEAR <= y <= _MAX_YEAR and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def resolve_month_day(month: int, day: int, anchor: date, *, future: bool = False) -> date:
    """Most recent (or, if ``future``, next) valid ``month``/``day`` relative to ``anchor``.

    The anchor day itself counts in both directions; Feb 29 skips to a leap year.
    Raises ValueError only for an impossible month/day (e.g. 2/30).
    """
    if (
        not (1 <= month <= 12 and 1 <= day <= 31)
        or (month == 2 and day > 29)
        or day > calendar.monthrange(2000, month)[1]
    ):
        raise ValueError(f"no such day: {month}/{day}")
    step = 1 if future else -1
    y = anchor.year
    for _ in range(10):
        if _valid(y, month, day):
            d = date(y, month, day)
            if (d >= anchor) if future else (d <= anchor):
                return d
        y += step
    raise ValueError("out of range")


def resolve_weekday(weekday: int, anchor: date, *, future: bool = False) -> date:
    """ISO weekday (1=Mon..7=Sun) nearest ``anchor`` in the given direction (anchor included)."""
    delta = (weekday - anchor.isoweekday()) % 7
    if future:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _fmt_date(d: date) -> str:
    return d.isoformat()


def _add_days(d: date, n: int) -> date | None:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return None


def _nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    """n-th (or last when n<0) ISO weekday of a month; for floating holidays."""
    days = [d for d in range(1, calendar.monthrange(y, m)[1] + 1) if date(y, m, d).isoweekday() == wd]
    return date(y, m, days[n - 1] if n > 0 else days[n])

