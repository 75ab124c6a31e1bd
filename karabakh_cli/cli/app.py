"""The typer app, its shared options, and the entry point that maps errors to exit codes."""
from __future__ import annotations

import os
import signal
import sys
from enum import IntEnum
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..report import Format
from .helptext import Group, plain_words

app = typer.Typer(
    name="kcli",
    help="Actors, dated events and quantities from a folder of news articles.",
    cls=Group,
    add_completion=True,
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
PATHS_HELP = ("Article files or folders. Folders are read recursively: *.txt, *.jsonl, *.ndjson, *.csv, *.tsv, "
              "*.html, *.htm, each optionally .gz; a file of any name is read as text unless its name says otherwise. "
              "'-' reads standard input (text or JSON Lines). Default: the bundled seeds.")
Paths = Annotated[list[str] | None, typer.Argument(help=PATHS_HELP, show_default=False, metavar="PATH")]


def _one_format(ctx: typer.Context, param: typer.CallbackParam, value):
    """`--json` with a different `--format` asks for two formats: a usage error, whichever came first."""
    given = {p.name: ctx.params.get(p.name) for p in ctx.command.params if {"--json", "--format"} & set(p.opts)}
    given[param.name] = value
    fmt = next((v for k, v in given.items() if isinstance(v, Format)), None)
    if fmt not in (None, Format.json) and any(v is True for v in given.values()):
        raise typer.BadParameter(f"it asks for json and --format for {fmt.value}; give one of them",
                                 param_hint="'--json'")
    return value


FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format. Default: table on a terminal, json on a pipe.",
    case_sensitive=False, show_default=False, callback=_one_format)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.", callback=_one_format)]
def _check_model(value: str | None) -> str | None:
    """Unknown pipelines are a usage error (exit 2) that lists what is installed, before any file is read."""
    if not value:
        return value
    import importlib.util

    if Path(value).is_dir():
        return value
    try:
        spec = importlib.util.find_spec(value)
    except (ImportError, ValueError):
        spec = None
    locations = list(getattr(spec, "submodule_search_locations", None) or [])
    if any((Path(loc) / "meta.json").exists() for loc in locations):
        return value
    try:
        import spacy.util

        installed = sorted(spacy.util.get_installed_models())
    except Exception:  # noqa: BLE001  (listing is best effort; the error stays a usage error)
        installed = []
    raise typer.BadParameter(
        f"{value!r} is not an installed spaCy pipeline; installed: {', '.join(installed) or 'none'} "
        "(a pipeline package name or a pipeline folder is accepted)")


ModelOpt = Annotated[str | None, typer.Option(
    "--model", envvar="KCLI_MODEL", help="Installed spaCy pipeline (package name or folder) to use.",
    show_default=False, callback=_check_model)]
PatternsOpt = Annotated[Path | None, typer.Option(
    "--patterns", help="Extra entity-ruler patterns (JSONL, one spaCy pattern a line).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
AliasesOpt = Annotated[Path | None, typer.Option(
    "--aliases", help="Extra actor aliases (JSON shaped like data/aliases.json).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
ProcsOpt = Annotated[int | None, typer.Option(
    "--processes", "-j", min=1, max=64, show_default=False,
    help="Worker processes for the model. Default: 2 when more than 50 articles need it, else 1.")]
IndexOpt = Annotated[Path | None, typer.Option(
    "--index", envvar="KCLI_INDEX", dir_okay=False, show_default=False,
    help="The index file of extracted records. Default: $XDG_CACHE_HOME/kcli/index.sqlite.")]
NoIndexOpt = Annotated[bool, typer.Option("--no-index", help="Run the model on every article; leave the index alone.")]
DocOpt = Annotated[str | None, typer.Option("--doc", help="Only this document id.", show_default=False)]
SourceOpt = Annotated[str | None, typer.Option(
    "--source", show_default=False,
    help="Only articles from this source: the record's source field, else the dateline's agency (TASS, AP).")]


# Record fields of JSONL/CSV exports: global options (`kcli --text-field body docs export.csv`) that the
# app callback sets before any command runs.
FIELDS: dict[str, str | None] = {}
GIVEN_DATE: list = []  # `kcli --date YYYY-MM-DD`: the date of articles that give none


def _check_date(value: str | None) -> str | None:
    """`--date` must be a calendar date (usage error, exit 2, otherwise)."""
    from datetime import date

    if value is not None:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


def options(paths, model, patterns, aliases, processes=None, index=None, no_index=False, source=None):
    from ..records import Options

    return Options(paths=list(paths or []), model=model, patterns=patterns, aliases=aliases,
                   n_process=processes, index=index, use_index=not no_index, source=source,
                   default_date=next(iter(GIVEN_DATE), None),
                   **{f"{k}_field": v for k, v in FIELDS.items()})


def load(opts, *, doc: str | None = None):
    """Records for the command, with a progress bar on a terminal's stderr while the model runs;
    an unknown `doc` (the --doc option) is an error naming the ids it may have meant."""
    from ..nlp import ModelError
    from ..records import load
    from .progress import ProgressBar

    bar = ProgressBar() if opts.progress is None and sys.stderr.isatty() else None
    if bar:
        opts.progress = bar.update
    try:
        loaded = load(opts)
    except ModelError as e:
        raise UserError(str(e)) from None
    except ValueError as e:
        raise UserError(str(e)) from None
    finally:
        if bar:
            bar.stop()
    if not loaded.records:
        raise UserError("no article could be read" + (f" ({len(loaded.failed)} problem(s) above)"
                                                      if loaded.failed else ""))
    if doc is not None:
        from .values import check_doc

        check_doc(doc, [r["doc_id"] for r in loaded.records])
    if opts.source:
        from ..scope import from_source, sources

        kept = from_source(loaded.records, opts.source)
        if not kept:
            named = [s for s in sources(loaded.records) if s != "unknown"]
            raise UserError(f"no article from source {opts.source!r} (sources: {', '.join(named) or 'none'})")
        loaded.records = kept
    return loaded


def lexicon_for(aliases):
    from .. import lexicon

    return lexicon.load(str(aliases) if aliases else None)


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", help="Print the version and exit.")] = False,
    text_field: Annotated[str | None, typer.Option(
        "--text-field", envvar="KCLI_TEXT_FIELD", show_default=False,
        help="JSONL/CSV field with the article text. Default: text, body, content, article.")] = None,
    id_field: Annotated[str | None, typer.Option(
        "--id-field", envvar="KCLI_ID_FIELD", show_default=False,
        help="JSONL/CSV field with the article id. Default: id, doc_id; else <file stem>:<line>.")] = None,
    date_field: Annotated[str | None, typer.Option(
        "--date-field", envvar="KCLI_DATE_FIELD", show_default=False,
        help="JSONL/CSV field with the publication date. Default: date, published, published_at.")] = None,
    title_field: Annotated[str | None, typer.Option(
        "--title-field", envvar="KCLI_TITLE_FIELD", show_default=False,
        help="JSONL/CSV field with the title. Default: title, headline.")] = None,
    given_date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD", show_default=False, callback=_check_date,
        help="Publication date of articles that give none (standard input, an undated file).")] = None,
) -> None:
    """kcli: a news-corpus analyzer."""
    from datetime import date

    FIELDS.clear()
    FIELDS.update(text=text_field, id=id_field, date=date_field, title=title_field)
    GIVEN_DATE[:] = [date.fromisoformat(given_date)] if given_date else []
    if version:
        typer.echo(f"kcli {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:  # bare `kcli`: the help, not an error
        typer.echo(ctx.get_help())
        raise typer.Exit()


def _on_sigterm(signum, frame):  # noqa: ARG001
    raise SystemExit(ExitStatus.SIGTERM)


def main() -> None:
    """Entry point: user errors as one line, closed pipes and interrupts without tracebacks."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        rv = app(standalone_mode=False)
        # typer turns Ctrl-C (and `raise typer.Exit(n)`) into a returned exit code when not standalone
        code = rv if isinstance(rv, int) and not isinstance(rv, bool) else ExitStatus.OK
        if code == ExitStatus.SIGINT:
            print("kcli: interrupted", file=sys.stderr)
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
    except SystemExit as e:  # typer and rich exit 1 on a closed pipe (EPIPE): `| head` is not an error
        if e.code == 1 and (type(sys.stdout).__name__ == "PacifyFlushWrapper"
                            or isinstance(e.__context__, BrokenPipeError)):
            code = ExitStatus.OK
        else:
            raise
    except typer.TyperException as e:  # click's usage errors, vendored by typer
        if not hasattr(e, "show"):
            raise
        if isinstance(getattr(e, "message", None), str):
            e.message = plain_words(e.message)
        e.show()
        code = getattr(e, "exit_code", ExitStatus.USAGE)
    except MemoryError:
        print("kcli: out of memory; try fewer or smaller articles (KCLI_CHUNK_CHARS, KCLI_MAX_ARTICLE_MB) "
              "or --processes 1", file=sys.stderr)
        code = ExitStatus.ERROR
    except Exception as e:  # noqa: BLE001  (a bug must not print a traceback at an analyst; KCLI_DEBUG=1 does)
        if os.environ.get("KCLI_DEBUG"):
            raise
        msg = str(e).splitlines()[0] if str(e) else ""
        print(f"kcli: unexpected error: {type(e).__name__}: {msg} (KCLI_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        code = ExitStatus.ERROR
    _quiet_stdout()
    sys.exit(code)


def _quiet_stdout() -> None:
    """After a closed pipe, flushing stdout at exit must not print a second error."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
