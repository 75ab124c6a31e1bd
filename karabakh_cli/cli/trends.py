"""`kcli trends`: actor mentions per day, week, month or year, as rows, a terminal chart or a chart file."""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from .app import DocOpt, Paths
from .command import Corpus, command
from .scope import PlotOpt
from .values import FromOpt, ToOpt

COLOURS = ["cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta"]


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


@command("trends")
def trends_cli(
    paths: Paths = None,
    by: Annotated[By, typer.Option("--by", "-b", case_sensitive=False, help="The period to count in.")] = By.month,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", help="This actor (any name it is mentioned under; repeatable). Default: the most mentioned.",
        show_default=False)] = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Without --actor: this many of the most mentioned.")] = 5,
    plot: PlotOpt = None,
    date_from: FromOpt = None, date_to: ToOpt = None, doc: DocOpt = None,
    *, corpus: Corpus,
) -> None:
    """How often actors are named per period of article date; undated articles are counted apart."""
    from .. import report, trends
    from ..records import warn
    from .actor import actors_named
    from .scope import article_dates, draw, in_scope, named

    days = (date_from, date_to)  # first and last ISO day (values.FromOpt / ToOpt)
    loaded = corpus.load(paths, doc=doc)
    named_ms = named(loaded.records, corpus.aliases)
    dates = article_dates(loaded.records)
    recs = in_scope(loaded.records, dates, doc=doc, days=days)
    in_recs = {r["doc_id"] for r in recs}
    names = (actors_named(actor, named_ms) if actor
             else trends.top_actors({d: ms for d, ms in named_ms.items() if d in in_recs}, top))
    rows, undated = trends.trends(recs, named_ms, dates, names, by.value)
    if undated["articles"]:
        warn(f"{undated['articles']} undated article(s) counted apart, in no period: "
             f"{undated['mentions']} mention(s) of these actors")
    if plot is not None:
        from ..plot import trends as chart

        draw(chart, rows, {r["period"]: trends.period_start(r["period"], by.value) for r in rows},
             path=plot, by=by.value)
    fmt_ = corpus.format
    if fmt_ is report.Format.table:
        _chart(rows, names, by.value)
        return
    report.write(rows, fmt_, columns=trends.TREND_COLUMNS)


def _chart(rows: list[dict], names: list[str], by: str) -> None:
    """A period per line, a coloured bar per actor: the rows drawn with rich."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..report import plain_terminal

    plain = plain_terminal()
    console = Console(no_color=plain, color_system=None if plain else "auto", highlight=False)
    period_w = max([len(by)] + [len(r["period"]) for r in rows])
    digits = len(str(max((r["mentions"] for r in rows), default=0)))
    # each actor column: a bar, a space and the count; headers longer than that are shortened, never the period
    column = max(digits + 2, min(26, (console.width - period_w) // max(1, len(names)) - 2))
    width = column - digits - 1
    top = max((r["mentions"] for r in rows), default=0) or 1
    table = Table(title=f"Mentions per {by}", box=None, pad_edge=False, min_width=len(f"Mentions per {by}"))
    table.add_column(by, no_wrap=True, min_width=period_w)
    for i, a in enumerate(names):
        table.add_column(a, style=None if plain else COLOURS[i % len(COLOURS)], no_wrap=True, max_width=column,
                         overflow="ellipsis")
    cells: dict[str, dict[str, int]] = {}
    for r in rows:
        cells.setdefault(r["period"], {})[r["actor"]] = r["mentions"]
    for period, counts in cells.items():
        bars = []
        for a in names:
            n = counts.get(a, 0)
            bar = ("#" if plain else "\u2588") * max(1, round(n / top * width))
            bars.append(Text(f"{bar} {n}" if n else "\u00b7" if not plain else "."))
        table.add_row(period, *bars)
    console.print(table)
    if not rows:
        console.print("(no dated mentions)")
    sys.stdout.flush()
