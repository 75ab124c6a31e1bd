"""Paths -> records: read the corpus, reuse what the index holds, run the model on the rest."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus


@dataclass
class Options:
    """What every command shares: where the corpus is and how to process it."""

    paths: list[str] = field(default_factory=list)
    model: str | None = None
    patterns: Path | None = None
    aliases: Path | None = None
    index: Path | None = None
    use_index: bool = True
    n_process: int = 1
    quiet: bool = False


@dataclass
class Loaded:
    records: list[dict]
    from_index: int = 0
    processed: int = 0
    failed: list[str] = field(default_factory=list)


def warn(msg: str) -> None:
    print(f"kcli: {msg}", file=sys.stderr)


def load(opts: Options) -> Loaded:
    """Records for every readable article under `opts.paths` (the bundled seeds by default)."""
    from . import nlp as nlp_mod
    from .process import process

    failed: list[str] = []

    def note(msg: str) -> None:
        failed.append(msg)
        warn(msg)

    paths = opts.paths or [str(corpus.default_corpus())]
    articles = list(corpus.load(paths, warn=note))
    if not articles:
        return Loaded([], failed=failed)
    name = nlp_mod.model_name(opts.model)
    nlp = nlp_mod.load(name, patterns=opts.patterns)
    recs = list(process(articles, nlp, aliases=str(opts.aliases) if opts.aliases else None,
                        n_process=opts.n_process))
    return Loaded(recs, processed=len(recs), failed=failed)
