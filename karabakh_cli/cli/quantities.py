"""`kcli quantities`: the numbers that matter, with unit, object, hedge, date and actors."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from .actor import ActorOpt, actors_named
from .app import DocOpt, Paths
from .command import Corpus, command
from .scope import PlotOpt
from .values import CategoryOpt, FromOpt, ToOpt, UnitOpt


class GroupBy(str, Enum):
    object = "object"
    unit = "unit"
    category = "category"


@command("quantities")
def quantities_cli(
    paths: Paths = None,
    unit: UnitOpt = None,
    category: CategoryOpt = None,
    obj: Annotated[str | None, typer.Option("--object", help="Only objects containing this word.",
                                               show_default=False)] = None,
    min_value: Annotated[float | None, typer.Option("--min", help="Only values of at least this.",
                                                       show_default=False)] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    doc: DocOpt = None,
    actor: ActorOpt = None,
    group_by: Annotated[GroupBy | None, typer.Option(
        "--group-by", help="Totals per object, unit or category: sums of counts, mass, volume, area and money; "
                           "the latest or largest of a repeated toll; no total for percentages or rates.",
        show_default=False)] = None,
    flagged: Annotated[bool, typer.Option("--flagged", help="Include vague plurals, calibres and ages.")] = False,
    plot: PlotOpt = None,
    *, corpus: Corpus,
) -> None:
    """Counted and measured amounts: value, unit, what is counted, and how hedged."""
    from .. import analyze, report
    from ..records import warn
    from ..scope import in_range
    from .scope import named

    if plot is not None and group_by is None:
        raise typer.BadParameter("a chart of quantities needs --group-by (bars per object, unit or category)",
                                 param_hint="--plot")
    loaded = corpus.load(paths, doc=doc)
    lex = corpus.lexicon()
    rows = analyze.quantities(loaded.records, lex=lex, flagged=flagged)
    wanted = set(actors_named(actor, named(loaded.records, corpus.aliases))) if actor else None
    units = {u.casefold() for u in unit or []}
    cats = {c.casefold() for c in category or []}
    rows = [r for r in rows
            if (not units or (r["unit"] or "none").casefold() in units)
            and (not cats or (r["category"] or "").casefold() in cats)
            and (obj is None or obj.casefold() in (r["object"] or "").casefold())
            and (min_value is None or r["value"] >= min_value)
            and (doc is None or r["doc_id"] == doc)
            and in_range(r["date"], date_from, date_to)
            and (wanted is None or wanted & set(r["actors"]))]
    fmt_ = corpus.format
    if group_by:
        grouped, approx = analyze.group_quantities(rows, group_by.value)
        if approx:
            warn("some sums add approximate or bounded figures (see the 'approximate' column)")
        if plot is not None:
            from ..plot import bars
            from .scope import draw

            draw(bars, grouped, group_by.value, path=plot)
        keys = [group_by.value] if group_by.value != "unit" else []
        report.write(grouped, fmt_, columns=keys + analyze.TOTAL_COLUMNS, title=f"Quantities by {group_by.value}")
        return
    report.write(rows, fmt_, columns=analyze.QUANTITY_COLUMNS, title="Quantities",
                 table_columns=["value", "value_max", "unit", "change", "object", "qualifier", "category", "date",
                                "doc_id"])
