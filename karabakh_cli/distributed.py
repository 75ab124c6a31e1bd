"""`kcli index --scheduler`: the model run on a Dask distributed cluster, the index written here.

The client (this process) has already read the corpus and asked the index what it lacks;
only those articles go out, in batches of about `BATCH_CHARS` characters. Each worker loads
the model once (`ModelPlugin`, re-run on a worker that restarts) and turns a batch into
records with the same `process.process` a local run uses; records come back to the client,
which stores each batch in one index transaction as it completes. A batch lost with its
worker is run again elsewhere (the scheduler's job), a batch that raised is retried
`RETRIES` times, so a dying worker costs one batch, never the run, and the index only ever
holds whole documents.

Workers read text files themselves (the path must mean the same file on every worker: a
shared filesystem); articles from JSONL/CSV/JSON exports and standard input are sent with
their text, since re-parsing a large export once per batch would cost more than sending it.
A worker that cannot find an article's text where the client found it (no shared
filesystem, the file changed) returns it as missing, and the client sends that text instead.

Records are identical to a local run: the model reads every article line by line whatever
else is in its batch (see `paragraphs`), and each worker checks it computes the same index
fingerprint (model, kcli version, data files, code) as the client before any record is kept.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

if TYPE_CHECKING:
    from distributed import Client

    from .corpus import Article

INSTALL_HINT = "pip install 'karabakh-cli[dask]'"
BATCH_CHARS = 200_000  # characters of text per batch (~35k words, a few seconds of one core)
BATCH_ARTICLES = 256  # and at most this many articles
IN_FLIGHT_PER_THREAD = 3  # batches queued per worker thread: workers never idle, the client never ships it all
RETRIES = 2
PLUGIN_NAME = "kcli-model"
CONNECT_TIMEOUT = "30s"


class DistributedError(Exception):
    """The cluster cannot be used (dask missing, scheduler unreachable, workers differ); one line."""


def require() -> None:
    """Raise DistributedError with the install line if dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise DistributedError(f"--scheduler needs Dask: {INSTALL_HINT}") from None


# ------------------------------------------------------------------ what a batch carries
@dataclass
class Job:
    """The model's settings, as every worker must apply them."""

    model: str
    patterns: str | None
    aliases: str | None
    fingerprint: str


@dataclass
class Item:
    """One article of a batch: a text file the worker reads itself, or the Article with its text."""

    sha1: str
    doc_id: str
    path: str  # as the client named it (goes into the record)
    file: str | None = None  # absolute path for the worker to read; None: `article` is given
    article: Article | None = None


def items_for(todo: list[Article]) -> list[Item]:
    from . import corpus

    out = []
    for a in todo:
        if a.path != "-" and not a.external and corpus._kind(Path(a.path)) == "text":
            where = a.path if corpus.is_url(a.path) else str(Path(a.path).resolve())
            out.append(Item(a.sha1, a.doc_id, a.path, file=where))
        else:
            out.append(Item(a.sha1, a.doc_id, a.path, article=a))
    return out


def batches(todo: list[Article], items: list[Item], *, max_chars: int | None = None,
            max_articles: int | None = None) -> Iterator[list[Item]]:
    """Consecutive articles, cut at `max_chars` of text or `max_articles` articles."""
    max_chars = max_chars or BATCH_CHARS
    max_articles = max_articles or BATCH_ARTICLES
    batch: list[Item] = []
    size = 0
    for a, it in zip(todo, items):
        if batch and (size + len(a.text) > max_chars or len(batch) >= max_articles):
            yield batch
            batch, size = [], 0
        batch.append(it)
        size += len(a.text)
    if batch:
        yield batch


# ------------------------------------------------------------------ worker side
_models: dict[tuple, tuple] = {}  # per worker process: Job key -> (nlp, fingerprint)
_line_cache: OrderedDict = OrderedDict()  # per worker process: serialized Docs of recurring lines
_lock = threading.Lock()  # one batch at a time per process: a spaCy pipeline is not thread-safe


def _model(job: Job):
    from . import nlp as nlp_mod
    from . import store as store_mod
    from .process import RECORD_VERSION

    key = (job.model, job.patterns, job.aliases)
    if key not in _models:
        nlp = nlp_mod.load(job.model, patterns=Path(job.patterns) if job.patterns else None)
        fp = store_mod.fingerprint(job.model, record_version=RECORD_VERSION,
                                   patterns=Path(job.patterns) if job.patterns else None,
                                   aliases=Path(job.aliases) if job.aliases else None)
        _models[key] = (nlp, fp)
    return _models[key]


def __getattr__(name: str):
    # `ModelPlugin` subclasses a Dask class, so it is made on first use: importing this module stays cheap.
    if name == "ModelPlugin":
        return _plugin_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _plugin_class() -> type:
    g = globals()
    if "ModelPlugin" not in g:
        from distributed.diagnostics.plugin import WorkerPlugin

        class ModelPlugin(WorkerPlugin):
            """Loads the model when a worker starts (or joins, or restarts), once per worker process."""

            name = PLUGIN_NAME
            idempotent = False

            def __init__(self, job: Job) -> None:
                self.job = job

            def setup(self, worker) -> None:
                with _lock:
                    _model(self.job)

        ModelPlugin.__qualname__ = "ModelPlugin"
        g["ModelPlugin"] = ModelPlugin
    return g["ModelPlugin"]


def run_batch(job: Job, batch: list[Item], shared: list[str] = ()) -> tuple[str, list[dict], list[str]]:
    """On a worker: (worker's fingerprint, records, sha1s whose text it could not find).

    `shared`: the batch's lines that recur elsewhere in the corpus; the worker keeps them serialized
    across batches, as a local worker does across its tasks (`paragraphs.parallel`).
    """
    from . import corpus, paragraphs
    from .process import process

    arts: list[Article] = []
    missing: list[str] = []
    by_file: dict[str, dict[str, Article]] = {}
    for it in batch:
        if it.article is not None:
            arts.append(it.article)
            continue
        if it.file not in by_file:
            found = corpus.load([it.file], warn=lambda msg: None)
            by_file[it.file] = {a.sha1: a for a in found}
        art = by_file[it.file].get(it.sha1)
        if art is None:
            missing.append(it.sha1)
            continue
        art.doc_id, art.path = it.doc_id, it.path
        arts.append(art)
    with _lock:
        nlp, fp = _model(job)
        if fp != job.fingerprint:
            return fp, [], []
        paragraphs._inherited = (set(shared), _line_cache)
        try:
            recs = list(process(arts, nlp, aliases=job.aliases, n_process=1)) if arts else []
        finally:
            paragraphs._inherited = None
    return fp, recs, missing


# ------------------------------------------------------------------ client side
def connect(scheduler: str):
    """A Client for `tcp://host:port` (or any address Dask takes), or for `local:N` a LocalCluster of N processes."""
    require()
    import logging

    from distributed import Client, LocalCluster

    try:
        if scheduler == "local" or scheduler.startswith("local:"):
            n = scheduler.partition(":")[2]
            if (n and not n.isdigit()) or n == "0":
                raise DistributedError(f"--scheduler {scheduler}: expected local:N with N workers, e.g. local:2")
            cluster = LocalCluster(n_workers=int(n or os.cpu_count() or 1), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            return Client(cluster)
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except DistributedError:
        raise
    except (OSError, TimeoutError, ValueError) as e:
        raise DistributedError(f"--scheduler {scheduler}: cannot connect ({str(e).splitlines()[0]})") from None


def run(todo: list[Article], *, scheduler: str | Client, model: str, patterns: Path | None, aliases: Path | None,
        fingerprint: str, put: Callable[[list[dict]], None], progress: Callable[[int, int], None] | None = None,
        warn: Callable[[str], None] | None = None, max_chars: int | None = None,
        max_articles: int | None = None) -> dict[str, dict]:
    """Records of `todo` (sha1 -> record), computed on the cluster; `put` stores each batch as it completes."""
    require()
    from distributed import Client, as_completed

    own = not isinstance(scheduler, Client)
    client = connect(scheduler) if own else scheduler
    job = Job(model, str(Path(patterns).resolve()) if patterns else None,
              str(Path(aliases).resolve()) if aliases else None, fingerprint)
    out: dict[str, dict] = {}
    warned = False
    try:
        client.register_plugin(_plugin_class()(job), name=PLUGIN_NAME)
        from . import nlp as nlp_mod
        from . import paragraphs

        items = items_for(todo)
        texts = {a.sha1: nlp_mod.model_text(a) for a in todo}
        recurring = paragraphs.repeated(texts.values())

        def shared(batch: list[Item]) -> list[str]:
            return sorted({p for it in batch for p in paragraphs.pieces(texts[it.sha1]) if p in recurring})
        by_sha1 = {a.sha1: a for a in todo}
        pending = iter(list(batches(todo, items, max_chars=max_chars, max_articles=max_articles)))
        threads = sum(client.nthreads().values()) or 1
        ac = as_completed()

        def submit(batch: list[Item]) -> None:
            ac.add(client.submit(run_batch, job, batch, shared(batch), retries=RETRIES, pure=False))

        for _ in range(threads * IN_FLIGHT_PER_THREAD):
            nxt = next(pending, None)
            if nxt is None:
                break
            submit(nxt)
        for fut in ac:
            fp, recs, missing = fut.result()
            fut.release()
            if fp != fingerprint:
                raise DistributedError("a worker runs another kcli version, model or data files than this client "
                                       "(its index fingerprint differs); install the same on every worker")
            if recs:
                put(recs)
                for r in recs:
                    out[r["sha1"]] = r
                if progress:
                    progress(len(out), len(todo))
            if missing:  # the worker cannot read those files as the client did: send their text
                if warn and not warned:
                    warn(f"a worker cannot read {by_sha1[missing[0]].path} as this machine does (no shared "
                         "filesystem?); sending the text of such articles instead")
                    warned = True
                submit([Item(s, by_sha1[s].doc_id, by_sha1[s].path, article=by_sha1[s]) for s in missing])
            nxt = next(pending, None)
            if nxt is not None:
                submit(nxt)
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    return out


def process_into(todo: list[Article], name: str, opts, store, out: dict[str, dict], say):
    """`records._process` on the cluster `opts.scheduler`: records into `out`, each batch into `store`.

    Returns the store to go on with (None once it became unusable), as `records._process` does.
    """
    from . import store as store_mod
    from .process import RECORD_VERSION

    fp = store.fingerprint if store is not None else store_mod.fingerprint(
        name, record_version=RECORD_VERSION, patterns=opts.patterns, aliases=opts.aliases)
    current = [store]

    def put(recs: list[dict]) -> None:
        if current[0] is not None:
            try:
                current[0].put(recs)
            except store_mod.sqlite3.Error as e:
                current[0] = store_mod.rebuild(current[0], e, warn=say)

    out.update(run(todo, scheduler=opts.scheduler, model=name, patterns=opts.patterns, aliases=opts.aliases,
                   fingerprint=fp, put=put, progress=opts.progress, warn=say))
    return current[0]
