"""Commands about articles and actors: `docs`, `entities`, `show`."""
from __future__ import annotations

from typing import Annotated

import typer

from .actor import ActorOpt, Merge, MergeOpt, resolve_actor
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
    UserError,
    app,
    lexicon_for,
    load,
    options,
)


@app.command("docs")
def docs_cli(paths: Paths = None, fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
             patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = None,
             index: IndexOpt = None, no_index: NoIndexOpt = False) -> None:
    """List the articles: id, title, date and where it came from, dateline, size."""
    from .. import analyze, report

    loaded = load(options(paths, model, patterns, aliases, processes, index, no_index))
    report.write(analyze.docs(loaded.records), report.choose(fmt, as_json), columns=analyze.DOC_COLUMNS,
                 title="Articles", table_columns=["doc_id", "date", "date_source", "dateline", "words", "title"])


@app.command("entities")
def entities_cli(
    paths: Paths = None,
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="Only these labels (repeatable).",
                                                       show_default=False)] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Only actors with this many mentions.")] = 1,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Only the first N actors.",
                                               show_default=False)] = None,
    doc: DocOpt = None,
    show_mentions: Annotated[bool, typer.Option("--mentions", help="One row per mention instead.")] = False,
    actor: ActorOpt = None,
    merge: MergeOpt = Merge.corpus,
    explain: Annotated[str | None, typer.Option("--explain", metavar="NAME", show_default=False,
                                                   help="How this actor's names and mentions were joined, "
                                                        "by which rule and evidence.")] = None,
    fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
    patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = None,
    index: IndexOpt = None, no_index: NoIndexOpt = False,
) -> None:
    """The actors: people, organisations, places and nationalities, merged across name variants."""
    from .. import analyze, report

    labels = _check_labels(label)
    loaded = load(options(paths, model, patterns, aliases, processes, index, no_index))
    lex = lexicon_for(aliases)
    fmt_ = report.choose(fmt, as_json)
    every = analyze.entities(loaded.records, lex=lex, merge=merge.value) if actor or explain is not None else []
    wanted = resolve_actor(actor, every)
    if explain is not None:
        from ..resolve import explain as explain_rows

        chosen = resolve_actor([explain], every) or set()
        rows = [line for r in every if r["name"] in chosen for line in explain_rows(r)]
        report.write(rows, fmt_, columns=analyze.EXPLAIN_COLUMNS, title=f"How {explain!r} was merged",
                     table_columns=["surface", "group", "rule", "evidence", "mentions"])
        return
    if show_mentions:
        rows = [m for m in analyze.mentions(loaded.records, lex=lex, labels=labels, doc=doc, merge=merge.value)
                if wanted is None or m["name"] in wanted]
        report.write(rows, fmt_, columns=analyze.MENTION_COLUMNS, title="Mentions")
        return
    rows = [r for r in analyze.entities(loaded.records, lex=lex, labels=labels, min_count=min_count, top=top,
                                        doc=doc, merge=merge.value)
            if wanted is None or r["name"] in wanted]
    report.write(rows, fmt_, columns=analyze.ENTITY_COLUMNS, title="Actors",
                 table_columns=["name", "label", "mentions", "documents", "aliases"])


def _check_labels(labels: list[str] | None) -> list[str] | None:
    from ..extract.actors import ACTOR_LABELS

    for lab in labels or []:
        if lab.upper() not in ACTOR_LABELS:
            raise typer.BadParameter(f"{lab!r} is not one of {', '.join(sorted(ACTOR_LABELS))}",
                                     param_hint="--label")
    return labels


@app.command("show")
def show_cli(doc_id: Annotated[str, typer.Argument(help="The document to show.")], paths: Paths = None,
             model: ModelOpt = None, patterns: PatternsOpt = None, aliases: AliasesOpt = None,
             index: IndexOpt = None, no_index: NoIndexOpt = False) -> None:
    """Print one article with its actors highlighted by label."""
    from .. import analyze
    from ..show import render

    loaded = load(options(paths, model, patterns, aliases, index=index, no_index=no_index))
    recs = [r for r in loaded.records if r["doc_id"] == doc_id]
    if not recs:
        ids = ", ".join(r["doc_id"] for r in loaded.records[:10])
        raise UserError(f"no document {doc_id!r} (documents: {ids}{', ...' if len(loaded.records) > 10 else ''})")
    ms = analyze.mentions(loaded.records, lex=lexicon_for(aliases), doc=doc_id)
    from ..timeline import infer_dates

    render({**recs[0], **infer_dates(loaded.records)[doc_id]}, ms)
