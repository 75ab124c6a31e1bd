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
Paths = Annotated[list[str] | None, typer.Argument(
    help="Article files or folders (recursive *.txt); '-' reads standard input. Default: the bundled seeds.",
    show_default=False)]
FormatOpt = Annotated[Format | None, typer.Option(
    "--format", "-f", help="Output format. Default: table on a terminal, json on a pipe.",
    case_sensitive=False, show_default=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", envvar="KCLI_MODEL", help="Installed spaCy pipeline to use.", show_default=False)]
PatternsOpt = Annotated[Path | None, typer.Option(
    "--patterns", help="Extra entity-ruler patterns (JSONL, one spaCy pattern a line).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
AliasesOpt = Annotated[Path | None, typer.Option(
    "--aliases", help="Extra actor aliases (JSON shaped like data/aliases.json).",
    exists=True, dir_okay=False, readable=True, show_default=False)]
ProcsOpt = Annotated[int, typer.Option("--processes", "-j", min=1, max=64,
                                       help="Worker processes for the model.")]
DocOpt = Annotated[str | None, typer.Option("--doc", help="Only this document id.", show_default=False)]


def options(paths, model, patterns, aliases, processes=1):
    from ..records import Options

    return Options(paths=list(paths or []), model=model, patterns=patterns, aliases=aliases,
                   n_process=processes)


def load(opts):
    from ..nlp import ModelError
    from ..records import load

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


def lexicon_for(aliases):
    from .. import lexicon

    return lexicon.load(str(aliases) if aliases else None)


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
    except typer.TyperException as e:  # click's usage errors, vendored by typer
        if not hasattr(e, "show"):
            raise
        e.show()
        code = getattr(e, "exit_code", ExitStatus.USAGE)
    _quiet_stdout()
    sys.exit(code)


def _quiet_stdout() -> None:
    """After a closed pipe, flushing stdout at exit must not print a second error."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
