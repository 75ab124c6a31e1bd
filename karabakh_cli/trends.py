"""Mentions over time: how often actors are named per day, week, month or year of article date.

Periods are calendar arithmetic on ISO dates (weeks are ISO weeks, "2020-W39"), done in the
standard library: importing pandas alone would cost a warm command about half its time.
Only periods some article of the corpus falls in are listed, each actor with its count there
(zero included), so a line drawn through the rows never spans a gap the corpus does not cover.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

TREND_COLUMNS = ["period", "actor", "mentions", "documents"]
PERIODS = ("day", "week", "month", "year")


def period(day: str, by: str) -> str:
    """The period an ISO day falls in: 2020-09-27, 2020-W39, 2020-09 or 2020."""
    if by == "day":
        return day
    if by == "week":
        y, w, _ = date.fromisoformat(day).isocalendar()
        return f"{y}-W{w:02d}"
    return day[:7] if by == "month" else day[:4]


def period_start(p: str, by: str) -> date:
    """The first day of a period (for charts)."""
    if by == "week":
        y, w = p.split("-W")
        return date.fromisocalendar(int(y), int(w), 1)
    return date.fromisoformat(p if by == "day" else f"{p}-01" if by == "month" else f"{p}-01-01")


def top_actors(named: dict[str, list[dict]], n: int) -> list[str]:
    """The `n` most mentioned actors (dateline credits and nationalities left out)."""
    c = Counter(m["name"] for ms in named.values() for m in ms if counted(m) and m["label"] != "NORP")
    return [a for a, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def counted(m: dict) -> bool:
    """A dateline credit is not a mention of substance."""
    return m.get("source") != "dateline"


def trends(records: list[dict], named: dict[str, list[dict]], dates: dict[str, str | None], actors: list[str],
           by: str) -> tuple[list[dict], dict[str, int]]:
    """(rows per period and actor in period order, what undated articles held: articles, mentions).

    `dates`: doc_id -> the article's ISO date or None.
    """
    wanted = set(actors)
    mentions: Counter = Counter()
    documents: Counter = Counter()
    periods: set[str] = set()
    undated = {"articles": 0, "mentions": 0}
    for rec in records:
        day = dates.get(rec["doc_id"])
        here = Counter(m["name"] for m in named.get(rec["doc_id"], []) if m["name"] in wanted and counted(m))
        if day is None:
            undated["articles"] += 1
            undated["mentions"] += sum(here.values())
            continue
        p = period(day, by)
        periods.add(p)
        for name, k in here.items():
            mentions[(p, name)] += k
            documents[(p, name)] += 1
    rows = [{"period": p, "actor": a, "mentions": mentions[(p, a)], "documents": documents[(p, a)]}
            for p in sorted(periods, key=lambda p: period_start(p, by)) for a in actors]
    return rows, undated
