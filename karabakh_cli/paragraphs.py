"""Model texts -> Docs, the model run once per distinct paragraph.

Wire copy repeats whole background paragraphs across articles. The model always reads an
article line by line (a line and the whitespace after it), never whole, so a line's
entities and sentence starts never depend on what else is in the corpus, and a line seen
before is restored from its serialized Doc instead of being run again. Sentences and
entities already stop at every line break (`nlp.kcli_line_breaks`, `actors._split_paragraphs`),
so reading lines alone loses no boundary the whole-article run had. The per-line Docs are
joined back into one Doc whose text is the article's, so every offset stays an offset into
the file. Each batch runs inside `nlp.memory_zone()`, which keeps memory flat as the corpus grows.
"""
from __future__ import annotations

import multiprocessing as mp
import re
import signal
from collections import Counter, OrderedDict
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .corpus import Article

PIECE_RE = re.compile(r"[^\n]*(?:\n\s*|\Z)")
CACHE_MAX = 50_000  # serialized lines kept for reuse (~2 KB each at most): a bound, not a tuning knob
PIPE_BATCH = 256  # lines per model batch
TASK_ARTICLES = 16  # articles per worker task


def pieces(text: str) -> list[str]:
    """The text cut after each line break (with the whitespace that follows); joined, they are `text`."""
    return [p for p in PIECE_RE.findall(text) if p]


def repeated(texts: Iterable[str]) -> set[str]:
    """Lines that occur more than once across `texts`: the only ones worth keeping serialized."""
    counts = Counter(p for t in texts for p in pieces(t) if len(p) > 40)
    return {p for p, n in counts.items() if n > 1}


# Set in the parent before forking workers, inherited by them: (lines worth caching, the cache).
_inherited: tuple[set[str], OrderedDict] | None = None
_job: tuple[Callable, Language, str | None] | None = None


def docs(items: Sequence[tuple[str, Article]], nlp: Language, *,
         batch_size: int = 16) -> Iterator[tuple[Doc, Article]]:
    """(Doc, article) for each (model text, article), in order; use each Doc before asking for the next."""
    from spacy.tokens import Doc

    if _inherited is not None:
        shared, cache = _inherited
    else:
        shared, cache = repeated(t for t, _ in items), OrderedDict()
    for i in range(0, len(items), batch_size):
        batch = items[i:i + batch_size]
        with nlp.memory_zone():
            todo: dict[str, None] = {}
            for text, _ in batch:
                todo.update((p, None) for p in pieces(text) if p not in cache)
            done = dict(zip(todo, nlp.pipe(todo, batch_size=PIPE_BATCH)))
            for p, d in done.items():
                if p in shared:
                    cache[p] = d.to_bytes(exclude=["tensor", "user_data"])
                    if len(cache) > CACHE_MAX:
                        cache.popitem(last=False)
            for text, art in batch:
                parts = []
                for p in pieces(text):
                    if p in done:
                        parts.append(done[p])
                    else:
                        cache.move_to_end(p)
                        parts.append(Doc(nlp.vocab).from_bytes(cache[p]))
                yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data", "spans"]), art


def parallel(process: Callable[..., Iterator[dict]], articles: list[Article], texts: list[str], nlp: Language, *,
             aliases: str | None, n_process: int) -> Iterator[dict]:
    """`process` run in forked workers over tasks of articles; records in input order.

    Workers inherit the loaded model (copy-on-write) and the set of repeated lines, and each
    keeps its own cache of them, so a background paragraph runs at most once per worker.
    """
    global _inherited, _job
    _inherited, _job = (repeated(texts), OrderedDict()), (process, nlp, aliases)
    tasks = (articles[i:i + TASK_ARTICLES] for i in range(0, len(articles), TASK_ARTICLES))
    pool = None
    try:
        pool = mp.get_context("fork").Pool(n_process, initializer=_worker_signals)
        for recs in pool.imap(_work, tasks):
            yield from recs
        pool.close()  # done: workers leave on their own
    except BaseException:  # Ctrl-C, kill, or the consumer stopped reading
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.join()
        _inherited = _job = None


def _worker_signals() -> None:
    """Ctrl-C is the parent's to handle; SIGTERM (the parent's `terminate`) ends a worker at once,
    not through kcli's own SIGTERM handler, which a worker blocked on the task queue may never run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _work(batch: list[Article]) -> list[dict]:
    assert _job is not None
    process, nlp, aliases = _job
    return list(process(batch, nlp, aliases=aliases, n_process=1))
