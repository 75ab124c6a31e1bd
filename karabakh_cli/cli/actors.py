"""Commands about articles and actors: `docs`, `entities`, `show`."""
from __future__ import annotations

from typing import Annotated

import typer

from .actor import ActorOpt, Merge, MergeOpt, label_option, resolve_actor
from .app import DocOpt, Paths, UserError
from .command import Corpus, command


@command("docs")
def docs_cli(paths: Paths = None, *, corpus: Corpus) -> None:
    """List the articles: id, title, date and where it came from, dateline place and agency, source, size."""
    from .. import analyze, report

    loaded = corpus.load(paths)
    report.write(analyze.docs(loaded.records), corpus.format, columns=analyze.DOC_COLUMNS,
                 title="Articles", table_columns=["doc_id", "date", "date_source", "dateline", "source", "words",
                                                  "title"])


@command("entities")
def entities_cli(
    paths: Paths = None,
    label: Annotated[list[str] | None, label_option("Only these labels.")] = None,
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
    *, corpus: Corpus,
) -> None:
    """The actors: people, organisations, places and nationalities, merged across name variants."""
    from .. import analyze, report

    loaded = corpus.load(paths, doc=doc)
    lex = corpus.lexicon()
    fmt_ = corpus.format
    every = analyze.entities(loaded.records, lex=lex, merge=merge.value) if actor or explain is not None else []
    wanted = resolve_actor(actor, every)
    if explain is not None:
        from ..resolve import explain as explain_rows

        chosen = resolve_actor([explain], every, exact=True) or set()
        rows = [line for r in every if r["name"] in chosen for line in explain_rows(r)]
        report.write(rows, fmt_, columns=analyze.EXPLAIN_COLUMNS, title=f"How {explain!r} was merged",
                     table_columns=["surface", "group", "rule", "evidence", "mentions"])
        return
    if show_mentions:
        rows = [m for m in analyze.mentions(loaded.records, lex=lex, labels=label, doc=doc, merge=merge.value)
                if wanted is None or m["name"] in wanted]
        report.write(rows, fmt_, columns=analyze.MENTION_COLUMNS, title="Mentions")
        return
    rows = [r for r in analyze.entities(loaded.records, lex=lex, labels=label, min_count=min_count, top=top,
                                        doc=doc, merge=merge.value)
            if wanted is None or r["name"] in wanted]
    report.write(rows, fmt_, columns=analyze.ENTITY_COLUMNS, title="Actors",
                 table_columns=["name", "label", "mentions", "documents", "aliases"])


@command("show", without=("processes", "source"))
def show_cli(doc_id: Annotated[str, typer.Argument(help="The document to show: its id, or the start of one.")],
             paths: Paths = None, *, corpus: Corpus) -> None:
    """Print one article with its actors highlighted by label; --json: its text, mentions, dates, quantities."""
    from .. import analyze, report, show, timeline
    from .values import close_ids, unknown_doc

    if corpus.fmt in (report.Format.csv, report.Format.tsv):
        raise typer.BadParameter("show writes table, json or jsonl (one article is one object)",
                                 param_hint="'--format'")
    loaded = corpus.load(paths)
    ids = [r["doc_id"] for r in loaded.records]
    if doc_id not in ids:
        near = [i for i in close_ids(doc_id, ids) if i.startswith(doc_id)]
        if len(near) != 1:
            raise UserError(unknown_doc(doc_id, ids))
        doc_id = near[0]  # an unambiguous prefix
    lex = corpus.lexicon()
    rec = {**next(r for r in loaded.records if r["doc_id"] == doc_id), **timeline.infer_dates(loaded.records)[doc_id]}
    ms = show.with_surnames(rec["text"], analyze.mentions(loaded.records, lex=lex, doc=doc_id))
    if corpus.fmt is None and not corpus.as_json:  # the article as text, on a terminal and through a pipe alike
        show.render(rec, ms)
        return
    qs = [q for q in analyze.quantities(loaded.records, lex=lex) if q["doc_id"] == doc_id]
    obj = {"doc_id": doc_id, "title": rec.get("title"), "date": rec.get("date"), "date_source": rec.get("date_source"),
           "source": rec.get("source"), "url": rec.get("url"), "path": rec.get("path"), "text": rec["text"],
           "mentions": [{k: m.get(k) for k in analyze.MENTION_COLUMNS} for m in ms],
           "dates": timeline.date_rows(loaded.records, doc=doc_id),
           "quantities": [{k: q.get(k) for k in analyze.QUANTITY_COLUMNS} for q in qs]}
    fmt_ = corpus.format
    if fmt_ is report.Format.table:
        show.render(rec, ms)
    else:
        report.write_object(obj, fmt_)
