"""Commands about time: `dates` (every temporal expression) and `timeline` (dated events)."""
from __future__ import annotations

import re
from typing import Annotated

import typer

from .actor import ActorOpt, resolve_actor
from .app import (
    AliasesOpt,
    DocOpt,
    FormatOpt,
    IndexOpt,
    JsonOpt,
    ModelOpt,
    NoIndexOpt,
    Paths,
    PatternsOpt,
    ProcsOpt,
    app,
    load,
    options,
)


def _day(value: str | None, *, end: bool) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; return the first (or last) day it covers."""
    if value is None:
        return None
    from ..timeline import _bounds

    b = _bounds(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
    if b is None:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return (b[1] if end else b[0]).isoformat()


@app.command("dates")
def dates_cli(paths: Paths = None, doc: DocOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False,
              model: ModelOpt = None, patterns: PatternsOpt = None, aliases: AliasesOpt = None,
              processes: ProcsOpt = None, index: IndexOpt = None, no_index: NoIndexOpt = False) -> None:
    """Every temporal expression, normalised the TimeML way (type, value, mod) against its article's date."""
    from .. import report, timeline

    loaded = load(options(paths, model, patterns, aliases, processes, index, no_index))
    report.write(timeline.date_rows(loaded.records, doc=doc), report.choose(fmt, as_json),
                 columns=timeline.DATE_COLUMNS, title="Temporal expressions")


@app.command("timeline")
def timeline_cli(
    paths: Paths = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Events on or after this date (YYYY[-MM[-DD]]).",
                                                     show_default=False)] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Events on or before this date (YYYY[-MM[-DD]]).",
                                                   show_default=False)] = None,
    actor: ActorOpt = None,
    doc: DocOpt = None,
    no_group: Annotated[bool, typer.Option("--no-group", help="One row per mention, not per event.")] = False,
    chart: Annotated[bool, typer.Option("--chart", help="Draw events per month as a bar chart.")] = False,
    fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
    patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = None,
    index: IndexOpt = None, no_index: NoIndexOpt = False,
) -> None:
    """Dated events in date order, every relative date resolved; one row per event across articles."""
    from .. import analyze, report, timeline
    from .app import lexicon_for

    lo, hi = _day(date_from, end=False), _day(date_to, end=True)
    loaded = load(options(paths, model, patterns, aliases, processes, index, no_index))
    lex = lexicon_for(aliases)
    names: dict[str, list[dict]] = {}
    for m in analyze.mentions(loaded.records, lex=lex):
        names.setdefault(m["doc_id"], []).append(m)
    rows = timeline.events(loaded.records, names=names, group=not no_group)
    wanted = resolve_actor(actor, analyze.entities(loaded.records, lex=lex)) if actor else None
    rows = [r for r in rows
            if (lo is None or r["end_date"] >= lo) and (hi is None or r["start_date"] <= hi)
            and (doc is None or doc in r["doc_ids"])
            and (wanted is None or wanted & set(r["actors"]))]
    fmt_ = report.choose(fmt, as_json)
    if chart:
        from ..show import bar_chart

        bar_chart(timeline.month_counts(rows), fmt_)
        return
    report.write(rows, fmt_, columns=timeline.TIMELINE_COLUMNS, title="Timeline",
                 table_columns=["date", "event", "actors", "doc_ids"])
