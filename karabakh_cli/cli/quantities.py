"""`kcli quantities`: the numbers that matter, with unit, object, hedge, date and actors."""
from __future__ import annotations

from enum import Enum
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


class GroupBy(str, Enum):
    object = "object"
    unit = "unit"
    category = "category"


@app.command("quantities")
def quantities_cli(
    paths: Paths = None,
    unit: Annotated[list[str] | None, typer.Option("--unit", help="Only this unit (t, km, m3, %, USD...; "
                                                      "'none' for plain counts). Repeatable.",
                                                      show_default=False)] = None,
    category: Annotated[list[str] | None, typer.Option("--category", help="Only this category. Repeatable.",
                                                          show_default=False)] = None,
    obj: Annotated[str | None, typer.Option("--object", help="Only objects containing this word.",
                                               show_default=False)] = None,
    min_value: Annotated[float | None, typer.Option("--min", help="Only values of at least this.",
                                                       show_default=False)] = None,
    doc: DocOpt = None,
    actor: ActorOpt = None,
    group_by: Annotated[GroupBy | None, typer.Option("--group-by", help="Sum per object, unit or category.",
                                                        show_default=False)] = None,
    flagged: Annotated[bool, typer.Option("--flagged", help="Include vague plurals and calibres.")] = False,
    fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
    patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = None,
    index: IndexOpt = None, no_index: NoIndexOpt = False,
) -> None:
    """Counted and measured amounts: value, unit, what is counted, and how hedged."""
    from .. import analyze, report
    from ..records import warn
    from .app import lexicon_for

    loaded = load(options(paths, model, patterns, aliases, processes, index, no_index))
    lex = lexicon_for(aliases)
    rows = analyze.quantities(loaded.records, lex=lex, flagged=flagged)
    wanted = resolve_actor(actor, analyze.entities(loaded.records, lex=lex)) if actor else None
    units = {u.casefold() for u in unit or []}
    cats = {c.casefold() for c in category or []}
    rows = [r for r in rows
            if (not units or (r["unit"] or "none").casefold() in units)
            and (not cats or (r["category"] or "").casefold() in cats)
            and (obj is None or obj.casefold() in (r["object"] or "").casefold())
            and (min_value is None or r["value"] >= min_value)
            and (doc is None or r["doc_id"] == doc)
            and (wanted is None or wanted & set(r["actors"]))]
    fmt_ = report.choose(fmt, as_json)
    if group_by:
        grouped, approx = analyze.group_quantities(rows, group_by.value)
        if approx:
            warn("some totals add approximate or bounded figures (see the 'approximate' column)")
        report.write(grouped, fmt_, columns=[group_by.value, "unit", "total", "mentions", "documents", "approximate"],
                     title=f"Quantities by {group_by.value}")
        return
    report.write(rows, fmt_, columns=analyze.QUANTITY_COLUMNS, title="Quantities",
                 table_columns=["value", "unit", "object", "qualifier", "category", "date", "doc_id"])
