"""Paths -> records: read the corpus, reuse what the index holds, run the model on the rest.

The model (and spaCy) is loaded only when some article is missing from the index, so a
warm command costs reading files and one SQLite query.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from . import corpus

AUTO_PARALLEL = 50  # articles to process before a second worker pays for its start-up
STORE_BATCH = 32  # records per index transaction


@dataclass
class Options:
    """What every command shares: where the corpus is and how to process it."""

    paths: list[str] = field(default_factory=list)
    model: str | None = None
    patterns: Path | None = None
    aliases: Path | None = None
    index: Path | None = None  # None: store.default_path()
    use_index: bool = True
    n_process: int | None = None  # None: 2 when more than AUTO_PARALLEL articles need the model
    quiet: bool = False
    # record fields of JSONL/CSV exports (None: the usual names, see corpus.DEFAULT_FIELDS)
    text_field: str | None = None
    id_field: str | None = None
    date_field: str | None = None
    title_field: str | None = None
    default_date: date | None = None  # `--date`: the date of articles that give none
    progress: Callable[[int, int], None] | None = None  # (done, total) of the articles being processed
    scheduler: str | None = None  # a Dask scheduler (tcp://host:port, local:N) to run the model on; see distributed
    source: str | None = None  # only articles from this source (scope.source_of), applied after loading


@dataclass
class Loaded:
    records: list[dict]
    from_index: int = 0
    processed: int = 0
    failed: list[str] = field(default_factory=list)
    new: int = 0  # of `processed`: paths the index had not seen
    changed: int = 0  # of `processed`: paths whose text changed since they were indexed
    seconds: float = 0.0  # processing the `processed` ones, from the model loaded to the last record stored
    words: int = 0  # whitespace-separated words of the `processed` ones
    parsed: int = 0  # articles whose opening (header, title, dateline) was parsed: not those the index answered


def warn(msg: str) -> None:
    print(f"kcli: {msg}", file=sys.stderr)


def load(opts: Options) -> Loaded:
    """Records for every readable article under `opts.paths` (the bundled seeds by default)."""
    from . import nlp as nlp_mod
    from . import store as store_mod
    from .process import RECORD_VERSION

    failed: list[str] = []

    def note(msg: str) -> None:
        failed.append(msg)
        warn(msg)

    say = (lambda msg: None) if opts.quiet else warn
    paths = opts.paths or [str(corpus.default_corpus())]
    articles = list(corpus.load(paths, warn=note, fields=corpus.Fields(
        opts.text_field, opts.id_field, opts.date_field, opts.title_field, opts.default_date),
        defer=opts.use_index))
    if not articles:
        return Loaded([], failed=failed)
    name = nlp_mod.model_name(opts.model)
    store = None
    if opts.use_index:
        fp = store_mod.fingerprint(name, record_version=RECORD_VERSION, patterns=opts.patterns, aliases=opts.aliases)
        store = store_mod.open_store(opts.index or store_mod.default_path(), fp, warn=say)
    keys = [a.sha1 for a in articles]  # hashed once: parsing a deferred opening leaves the key as it is
    found: dict[str, dict] = {}
    known: dict[tuple[str, str], str] = {}
    if store is not None:
        try:
            found = store.get(sorted(set(keys)))
            known = store.paths((a.path, a.doc_id) for a in articles)
        except store_mod.sqlite3.Error as e:
            store = store_mod.rebuild(store, e, warn=say)
            found = {}
    parsed = _openings(articles, keys, found)
    _notes(articles, say)
    missing = [a for a, k in zip(articles, keys) if k not in found]
    fresh: dict[str, dict] = {}
    seconds = 0.0
    if missing:
        store, seconds = _process(missing, name, opts, store, fresh, say)
    recs = [_placed(found.get(k) or fresh[k], a) for a, k in zip(articles, keys)]
    if store is not None:
        relocated = [r for a, k, r in zip(articles, keys, recs) if k in found and known.get((a.path, a.doc_id)) != k]
        try:
            store.touch(relocated)
        except store_mod.sqlite3.Error as e:
            say(f"{store.path}: cannot update the index ({e})")
        store.close()
    return Loaded(recs, from_index=len(articles) - len(missing), processed=len(missing), failed=failed,
                  new=sum(1 for a in missing if (a.path, a.doc_id) not in known),
                  changed=sum(1 for a in missing if (a.path, a.doc_id) in known),
                  seconds=seconds, words=sum(len(a.text.split()) for a in missing), parsed=parsed)


def _openings(articles: list[corpus.Article], keys: list[str], found: dict[str, dict]) -> int:
    """Parse the openings `corpus.load` deferred, in place, but for articles the index holds: their record has
    the title, date and dateline already, and the notes their opening gave when those name this file (else
    they are made again for it). Returns how many articles have a parsed opening (the index answered the rest)."""
    n = 0
    for i, (a, k) in enumerate(zip(articles, keys)):
        rec = None if a.parsed else found.get(k)
        if rec is not None and all(x.startswith(f"{a.path}: ") for x in rec.get("notes") or ()):
            a.notes = list(rec.get("notes") or ())
            continue
        articles[i] = corpus.opening(a)
        n += 1
    return n


def _notes(articles: list[corpus.Article], say: Callable[[str], None], limit: int = 10) -> None:
    """Notes on articles that are read all the same (a dateline the header contradicts): warnings, not failures."""
    notes = [n for a in articles for n in a.notes]
    for n in notes[:limit]:
        say(n)
    if len(notes) > limit:
        say(f"{len(notes) - limit} more dateline note(s) like these not shown")


def _placed(rec: dict, art: corpus.Article) -> dict:
    """A stored record is keyed by text alone: give it this article's id and path."""
    if rec["doc_id"] == art.doc_id and rec["path"] == art.path:
        return rec
    return {**rec, "doc_id": art.doc_id, "path": art.path}


def _process(missing: list[corpus.Article], name: str, opts: Options, store, out: dict[str, dict], say):
    """Run the model once per distinct missing text into `out`, storing records batch by batch.

    Returns the store to go on with (None once it became unusable) and the seconds it took once the
    model was loaded (on a Dask cluster: all of it, the cluster's start included).
    """
    from . import nlp as nlp_mod
    from . import store as store_mod
    from .process import process

    todo = list({a.sha1: a for a in missing}.values())
    if opts.scheduler:
        from . import distributed

        start = time.perf_counter()
        store = distributed.process_into(todo, name, opts, store, out, say)
        return store, time.perf_counter() - start
    n_process = opts.n_process or (2 if len(todo) > AUTO_PARALLEL else 1)
    nlp = nlp_mod.load(name, patterns=opts.patterns)
    start = time.perf_counter()
    batch: list[dict] = []
    for rec in process(todo, nlp, aliases=str(opts.aliases) if opts.aliases else None, n_process=n_process):
        out[rec["sha1"]] = rec
        batch.append(rec)
        if opts.progress:
            opts.progress(len(out), len(todo))
        if store is not None and (len(batch) >= STORE_BATCH or len(out) == len(todo)):
            try:
                store.put(batch)
            except store_mod.sqlite3.Error as e:
                store = store_mod.rebuild(store, e, warn=say)
            batch = []
    return store, time.perf_counter() - start
