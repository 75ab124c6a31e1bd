"""`kcli search`: keyword in context, for words, a regular expression or every mention of an actor."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from .app import PATHS_HELP, DocOpt
from .command import Corpus, command
from .values import FromOpt, ToOpt


@command("search")
def search_cli(
    args: Annotated[list[str] | None, typer.Argument(
        metavar="PATTERN PATHS", show_default=False,
        help="Words to find (as whole words, any spacing between them), then the paths. With --actor there is "
             "no PATTERN: every argument is a path. PATHS: " + PATHS_HELP)] = None,
    regex: Annotated[bool, typer.Option("--regex", "-e", help="PATTERN is a Python regular expression.")] = False,
    case_sensitive: Annotated[bool, typer.Option("--case-sensitive", "-s", help="Match case (default: ignore it).")]
    = False,
    context: Annotated[int, typer.Option("--context", "-C", min=0, help="Characters shown each side.")] = 40,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", help="Every mention of this actor, under any name it is mentioned by (repeatable).",
        show_default=False)] = None,
    date_from: FromOpt = None, date_to: ToOpt = None, doc: DocOpt = None,
    *, corpus: Corpus,
) -> None:
    """Every occurrence with the text around it: doc_id, offsets, left, match, right, the article's date."""
    from .. import report, search
    from .actor import actors_named
    from .scope import article_dates, in_scope, named

    args = list(args or [])
    pattern = None
    if not actor:
        if not args:
            raise typer.BadParameter("give a PATTERN to search for, or --actor NAME", param_hint="PATTERN")
        try:
            pattern = search.compile_pattern(args.pop(0), regex=regex, case_sensitive=case_sensitive)
        except re.error as e:
            raise typer.BadParameter(f"not a usable pattern ({e})", param_hint="PATTERN") from None
    elif args and args[0] != "-" and "://" not in args[0] and not Path(args[0]).exists():
        raise typer.BadParameter(f"{args[0]!r} is no file or folder; with --actor there is no PATTERN, only paths",
                                 param_hint="PATHS")
    days = (date_from, date_to)  # first and last ISO day (values.FromOpt / ToOpt)
    loaded = corpus.load(args, doc=doc)
    dates = article_dates(loaded.records)
    recs = in_scope(loaded.records, dates, doc=doc, days=days)
    if pattern is not None:
        rows = search.matches(recs, pattern, context=context, dates=dates)
    else:
        named_ms = named(loaded.records, corpus.aliases)
        rows = search.actor_mentions(recs, named_ms, set(actors_named(actor, named_ms)), context=context,
                                     dates=dates)
    fmt_ = corpus.format
    if fmt_ is report.Format.table:
        _concordance(rows, context)
        return
    report.write(rows, fmt_, columns=search.SEARCH_COLUMNS)


def _concordance(rows: list[dict], context: int) -> None:
    """One line a match: the whole doc id, left context right-aligned, the match highlighted, right context."""
    from rich.console import Console
    from rich.text import Text

    from ..report import plain_terminal

    plain = plain_terminal()
    console = Console(no_color=plain, color_system=None if plain else "auto", highlight=False, soft_wrap=True)
    id_w = max((len(r["doc_id"]) for r in rows), default=0)  # an id is never cut
    match_w = min(max((len(r["match"]) for r in rows), default=0), 30)
    side = min(context, max(0, (console.width - id_w - match_w - 4) // 2))  # the context gives way, never the id
    for r in rows:
        line = Text()
        line.append(r["doc_id"].ljust(id_w) + "  ", style=None if plain else "dim")
        line.append(r["left"][max(0, len(r["left"]) - side):].rjust(side))
        line.append(r["match"][:match_w] if len(r["match"]) <= match_w else r["match"][:match_w - 1] + "\u2026",
                    style=None if plain else "bold black on yellow")
        line.append(r["right"][:side])
        console.print(line)
    console.print(f"({len(rows)} match{'es' if len(rows) != 1 else ''})", style=None if plain else "dim")
