"""Commands about time: `dates` (every temporal expression) and `timeline` (dated events)."""
from __future__ import annotations

from typing import Annotated

import typer

from .actor import ActorOpt, actors_named
from .app import DocOpt, Paths
from .command import Corpus, command
from .scope import PlotOpt
from .values import FromOpt, ToOpt


@command("dates")
def dates_cli(paths: Paths = None, doc: DocOpt = None, *, corpus: Corpus) -> None:
    """Every temporal expression, normalised the TimeML way (type, value, mod) against its article's date."""
    from .. import report, timeline

    loaded = corpus.load(paths, doc=doc)
    report.write(timeline.date_rows(loaded.records, doc=doc), corpus.format,
                 columns=timeline.DATE_COLUMNS, title="Temporal expressions")


@command("timeline")
def timeline_cli(
    paths: Paths = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    actor: ActorOpt = None,
    doc: DocOpt = None,
    no_group: Annotated[bool, typer.Option("--no-group", help="One row per mention, not per event.")] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Draw events per month as a bar chart.")] = False,
    plot: PlotOpt = None,
    *, corpus: Corpus,
) -> None:
    """Dated events in date order, every relative date resolved; one row per event across articles."""
    from .. import analyze, report, timeline
    from ..scope import meets

    loaded = corpus.load(paths, doc=doc)
    lex = corpus.lexicon()
    names: dict[str, list[dict]] = {}
    for m in analyze.mentions(loaded.records, lex=lex):
        names.setdefault(m["doc_id"], []).append(m)
    rows = timeline.events(loaded.records, names=names, group=not no_group)
    wanted = set(actors_named(actor, names)) if actor else None
    rows = [r for r in rows
            if meets(r["start_date"], r["end_date"], date_from, date_to)
            and (doc is None or doc in r["doc_ids"])
            and (wanted is None or wanted & set(r["actors"]))]
    if plot is not None:
        from ..plot import timeline as chart_file
        from .scope import draw

        draw(chart_file, rows, path=plot)
    fmt_ = corpus.format
    if chart:
        from ..show import bar_chart

        bar_chart(*timeline.month_counts(rows), fmt_)
        return
    report.write(rows, fmt_, columns=timeline.TIMELINE_COLUMNS, title="Timeline",
                 table_columns=["date", "event", "actors", "doc_ids"])
