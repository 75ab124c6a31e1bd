"""`kcli quotes`: who said what — direct quotes and reported speech with their speakers."""
from __future__ import annotations

from typing import Annotated

import typer

from .actor import resolve_actor
from .app import DocOpt, Paths
from .command import Corpus, command
from .values import FromOpt, ToOpt


@command("quotes")
def quotes_cli(
    paths: Paths = None,
    speaker: Annotated[list[str] | None, typer.Option("--speaker", help="Only statements by this actor (any "
                                                         "alias, case-insensitive; repeatable).",
                                                         show_default=False)] = None,
    actor: Annotated[list[str] | None, typer.Option("--actor", help="Only statements by or about this actor "
                                                       "(repeatable).", show_default=False)] = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    doc: DocOpt = None,
    direct_only: Annotated[bool, typer.Option("--direct", help="Only direct quotes (inside quotation marks).")]
    = False,
    *, corpus: Corpus,
) -> None:
    """Who said what: direct quotes and reported speech, with speaker, cue, date and offsets."""
    from .. import analyze, report
    from ..scope import in_range

    loaded = corpus.load(paths, doc=doc)
    rows, actors = analyze.quotes(loaded.records, lex=corpus.lexicon())
    by = resolve_actor(speaker, actors) or set()
    about = resolve_actor(actor, actors) or set()

    rows = [r for r in rows
            if (not speaker or r["speaker"] in by)
            and (not actor or r["speaker"] in about or about & set(r["actors"]))
            and (doc is None or r["doc_id"] == doc)
            and (not direct_only or r["direct"])
            and in_range(r["date"], date_from, date_to)]
    report.write(rows, corpus.format, columns=analyze.QUOTE_COLUMNS, title="Quotes",
                 table_columns=["speaker", "quote", "speaker_text", "date", "doc_id"])  # narrow: speaker_text out first
