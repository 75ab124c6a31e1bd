"""Charts as files (--plot FILE: .png, .svg, .pdf), drawn with matplotlib's Agg backend.

matplotlib is an optional extra and is imported only here, only when a chart is asked for,
so no other command pays for it.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

SUFFIXES = (".png", ".svg", ".pdf")
LABELLED_ROWS = 40  # up to this many timeline events get their text on the axis
BARS = 30
LOG_SPREAD = 100  # largest / smallest bar beyond which bars are drawn on a log scale
INSTALL_HINT = "--plot needs matplotlib: pip install 'karabakh-cli[plot]' (or make install)"


class PlotUnavailable(Exception):
    """matplotlib is not installed; the message says how to install it."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise PlotUnavailable(INSTALL_HINT) from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, path: Path) -> None:
    fig.tight_layout()
    fig.savefig(path, format=path.suffix.lower().lstrip("."))
    fig.clf()


def _short(s: str, n: int = 60) -> str:
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def timeline(rows: list[dict], path: Path) -> None:
    """Each event on its own line: a dot for a day, a bar across a range (a month, "1992-1994")."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, max(3, min(0.3 * len(rows) + 1.5, 30))))
    for i, r in enumerate(rows):
        lo, hi = date.fromisoformat(r["start_date"]), date.fromisoformat(r["end_date"])
        if hi > lo:
            ax.barh(i, (hi + timedelta(days=1) - lo).days, left=lo, height=0.5, color="tab:blue", alpha=0.6)
        else:
            ax.plot([lo], [i], "o", color="tab:red", markersize=4)
    ax.set_ylim(len(rows) - 0.5 if rows else 0.5, -0.5)
    if len(rows) <= LABELLED_ROWS:
        ax.set_yticks(range(len(rows)), [_short(f"{r['date']}  {r['event']}") for r in rows], fontsize=7)
    else:
        ax.set_ylabel("events (in date order)")
    ax.set_title(f"Timeline: {len(rows)} event(s)")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    _save(fig, path)


def trends(rows: list[dict], starts: dict[str, date], path: Path, *, by: str) -> None:
    """A line per actor: mentions per period (`starts`: period -> its first day)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5))
    actors = list(dict.fromkeys(r["actor"] for r in rows))
    for a in actors:
        pts = [(starts[r["period"]], r["mentions"]) for r in rows if r["actor"] == a]
        ax.plot([x for x, _ in pts], [y for _, y in pts], marker="o", markersize=3, label=a)
    ax.set_ylabel("mentions")
    ax.set_title(f"Mentions per {by}")
    if actors:
        ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    _save(fig, path)


def bars(rows: list[dict], key: str, path: Path) -> None:
    """Totals per group as horizontal bars, the largest first (at most BARS), each labelled with its total.

    Groups of different units share the axis, so a spread over two orders of magnitude is drawn on
    a log scale rather than leaving the small ones invisible.
    """
    plt = _pyplot()
    from .report import plain_number

    shown = sorted((r for r in rows if r["total"] is not None), key=lambda r: -r["total"])[:BARS]  # no total: no bar
    fig, ax = plt.subplots(figsize=(10, max(3, 0.3 * len(shown) + 1.5)))
    labels = [_short(f"{r.get(key) or '(none)'} ({r.get('unit') or 'count'})", 50) for r in shown]
    totals = [r["total"] for r in shown]
    drawn = ax.barh(range(len(shown)), totals, color="tab:blue")
    ax.bar_label(drawn, labels=[plain_number(t, grouped=True) for t in totals], fontsize=7, padding=2)
    positive = [t for t in totals if t > 0]
    if positive and len(positive) == len(totals) and max(positive) / min(positive) > LOG_SPREAD:
        ax.set_xscale("log")
    ax.set_yticks(range(len(shown)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("total" + (" (log scale)" if ax.get_xscale() == "log" else ""))
    ax.set_title(f"Quantities by {key}" + (f" (largest {BARS} of {len(rows)})" if len(rows) > BARS else ""))
    _save(fig, path)
