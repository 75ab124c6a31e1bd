"""One registration for every command that reads a corpus: its own options first, then the shared ones.

The options all such commands take (output format, model, extra patterns and aliases, worker processes,
index, --source) are declared once here and appended to each command's signature; the command gets them
as one `Corpus`, which loads the records and picks the output format the same way for every command.
"""
from __future__ import annotations

import functools
import gc
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..report import Format
from .app import (
    AliasesOpt,
    FormatOpt,
    IndexOpt,
    JsonOpt,
    ModelOpt,
    NoIndexOpt,
    PatternsOpt,
    ProcsOpt,
    SourceOpt,
    app,
    lexicon_for,
    load,
    options,
)

SHARED = (("fmt", FormatOpt, None), ("as_json", JsonOpt, False), ("model", ModelOpt, None),
          ("patterns", PatternsOpt, None), ("aliases", AliasesOpt, None), ("processes", ProcsOpt, None),
          ("index", IndexOpt, None), ("no_index", NoIndexOpt, False), ("source", SourceOpt, None))


@dataclass
class Corpus:
    """The shared options of one command call."""

    fmt: Format | None = None
    as_json: bool = False
    model: str | None = None
    patterns: Path | None = None
    aliases: Path | None = None
    processes: int | None = None
    index: Path | None = None
    no_index: bool = False
    source: str | None = None

    def load(self, paths: list[str] | None, *, doc: str | None = None):
        """The records of `paths` (from the index where it has them), `--source` applied, `doc` checked.

        What follows is query work over them: millions of small acyclic objects, which the cyclic garbage
        collector would scan again and again for nothing (a fifth of a warm command's CPU time on 10,000
        articles; the peak memory is the same without it), so it is paused until the command returns.
        """
        loaded = load(options(paths, self.model, self.patterns, self.aliases, self.processes, self.index,
                              self.no_index, self.source), doc=doc)
        gc.disable()
        return loaded

    @property
    def format(self) -> Format:
        from ..report import choose

        return choose(self.fmt, self.as_json)

    def lexicon(self):
        return lexicon_for(self.aliases)


def command(name: str, *, without: tuple[str, ...] = ()) -> Callable:
    """Register `fn(<its own options>, corpus: Corpus)` as `kcli NAME` with the shared options after its
    own; `without` names shared options the command has no use for."""
    shared = [(n, a, d) for n, a, d in SHARED if n not in without]

    def register(fn: Callable) -> Callable:
        sig = inspect.signature(fn, eval_str=True)
        params = [p for p in sig.parameters.values() if p.name != "corpus"]
        params += [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=a, default=d) for n, a, d in shared]

        @functools.wraps(fn)
        def run(**kwargs: Any) -> Any:
            corpus = Corpus(**{n: kwargs.pop(n) for n, _, _ in shared})
            collecting = gc.isenabled()
            try:
                return fn(**kwargs, corpus=corpus)
            finally:
                if collecting:  # paused by `Corpus.load`
                    gc.enable()

        run.__signature__ = sig.replace(parameters=params)  # what typer reads: the options, not `corpus`
        run.__annotations__ = {p.name: p.annotation for p in params}
        return app.command(name)(run)

    return register
