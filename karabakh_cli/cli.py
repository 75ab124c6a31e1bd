"""The typer app: thin commands over `records` (paths -> records) and `analyze` (records -> rows)."""
from __future__ import annotations

import os
import signal
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .report import Format

app = typer.Typer(
    name="kcli",
    help="Actors, dated events and quantities from a folder of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    SIGINT = 130
    SIGTERM = 143


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit 1."""


# ------------------------------------------------------------------ shared options
Paths = Annotated[Optional[list[str]], typer.Argument(
    help="Article files or folders (recursive *.txt); '-' reads standard input. Default: the bundled seeds.",
    show_default=False)]
FormatOpt = Annotated[Optional[Format], typer.Option(
    "--format", "-f", help="Output format. Default: table on a terminal, json on a pipe.",
    case_sensitive=False, show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
ModelOpt = Annotated[Optional[str], typer.Option(
    "--model", envvar="KCLI_MODEL", help="Installed spaCy pipeline to use.", show_default=False)]
PatternsOpt = Annotated[Optional[Path], typer.Option(
    "--patterns", help="Extra entity-ruler patterns (JSONL, one spaCy pattern a line).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
AliasesOpt = Annotated[Optional[Path], typer.Option(
    "--aliases", help="Extra actor aliases (JSON shaped like data/aliases.json).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
ProcsOpt = Annotated[int, typer.Option("--processes", "-j", min=1, max=64,
                                       help="Worker processes for the model.")]
DocOpt = Annotated[Optional[str], typer.Option("--doc", help="Only this document id.", show_default=False)]


def _options(paths, model, patterns, aliases, processes=1):
    from .records import Options

    return Options(paths=list(paths or []), model=model, patterns=patterns, aliases=aliases,
                   n_process=processes)


def _load(opts):
    from .nlp import ModelError
    from .records import load

    try:
        loaded = load(opts)
    except ModelError as e:
        raise UserError(str(e)) from None
    except ValueError as e:
        raise UserError(str(e)) from None
    if not loaded.records:
        raise UserError("no article could be read" + (f" ({len(loaded.failed)} problem(s) above)"
                                                      if loaded.failed else ""))
    return loaded


def _lex(aliases):
    from . import lexicon

    return lexicon.load(str(aliases) if aliases else None)


@app.command("docs")
def docs_cli(paths: Paths = None, fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
             patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = 1) -> None:
    """List the articles: id, title, date and where it came from, dateline, size."""
    from . import analyze, report

    loaded = _load(_options(paths, model, patterns, aliases, processes))
    report.write(analyze.docs(loaded.records), report.choose(fmt, as_json), columns=analyze.DOC_COLUMNS,
                 title="Articles")


@app.command("entities")
def entities_cli(
    paths: Paths = None,
    label: Annotated[Optional[list[str]], typer.Option("--label", "-l", help="Only these labels (repeatable).",
                                                       show_default=False)] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Only actors with this many mentions.")] = 1,
    top: Annotated[Optional[int], typer.Option("--top", min=1, help="Only the first N actors.",
                                               show_default=False)] = None,
    doc: DocOpt = None,
    show_mentions: Annotated[bool, typer.Option("--mentions", help="One row per mention instead.")] = False,
    fmt: FormatOpt = None, as_json: JsonOpt = False, model: ModelOpt = None,
    patterns: PatternsOpt = None, aliases: AliasesOpt = None, processes: ProcsOpt = 1,
) -> None:
    """The actors: people, organisations, places and nationalities, merged across name variants."""
    from . import analyze, report

    labels = _check_labels(label)
    loaded = _load(_options(paths, model, patterns, aliases, processes))
    lex = _lex(aliases)
    fmt_ = report.choose(fmt, as_json)
    if show_mentions:
        rows = analyze.mentions(loaded.records, lex=lex, labels=labels, doc=doc)
        report.write(rows, fmt_, columns=analyze.MENTION_COLUMNS, title="Mentions")
        return
    rows = analyze.entities(loaded.records, lex=lex, labels=labels, min_count=min_count, top=top, doc=doc)
    report.write(rows, fmt_, columns=analyze.ENTITY_COLUMNS, title="Actors",
                 table_columns=["name", "label", "mentions", "documents", "aliases"])


def _check_labels(labels: list[str] | None) -> list[str] | None:
    from .extract.actors import ACTOR_LABELS

    for lab in labels or []:
        if lab.upper() not in ACTOR_LABELS:
            raise typer.BadParameter(f"{lab!r} is not one of {', '.join(sorted(ACTOR_LABELS))}",
                                     param_hint="--label")
    return labels


@app.command("show")
def show_cli(doc_id: Annotated[str, typer.Argument(help="The document to show.")], paths: Paths = None,
             model: ModelOpt = None, patterns: PatternsOpt = None, aliases: AliasesOpt = None) -> None:
    """Print one article with its actors highlighted by label."""
    from . import analyze
    from .show import render

    loaded = _load(_options(paths, model, patterns, aliases))
    recs = [r for r in loaded.records if r["doc_id"] == doc_id]
    if not recs:
        ids = ", ".join(r["doc_id"] for r in loaded.records[:10])
        raise UserError(f"no document {doc_id!r} (documents: {ids}{', ...' if len(loaded.records) > 10 else ''})")
    ms = analyze.mentions(loaded.records, lex=_lex(aliases), doc=doc_id)
    render(recs[0], ms)


@app.callback(invoke_without_command=True)
def main_callback(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    """kcli: a news-corpus analyzer."""
    if version:
        typer.echo(f"kcli {__version__}")
        raise typer.Exit()


def _on_sigterm(signum, frame):  # noqa: ARG001
    raise SystemExit(ExitStatus.SIGTERM)


def main() -> None:
    """Entry point: user errors as one line, closed pipes and interrupts without tracebacks."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        app(standalone_mode=False)
        code = ExitStatus.OK
    except UserError as e:
        print(f"kcli: {e}", file=sys.stderr)
        code = ExitStatus.ERROR
    except typer.Exit as e:
        code = e.exit_code
    except typer.Abort:
        code = ExitStatus.SIGINT
    except KeyboardInterrupt:
        print("kcli: interrupted", file=sys.stderr)
        code = ExitStatus.SIGINT
    except BrokenPipeError:
        code = ExitStatus.OK
    except Exception as e:  # click's usage errors
        import click

        if isinstance(e, click.ClickException):
            e.show()
            code = e.exit_code
        else:
            raise
    _quiet_stdout()
    sys.exit(code)


def _quiet_stdout() -> None:
    """After a closed pipe, flushing stdout at exit must not print a second error."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
