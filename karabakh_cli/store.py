"""The on-disk index: extracted records in one SQLite file, so the model runs once per article.

Records are keyed by the article text's sha1 plus a fingerprint of everything that shapes
them (model, kcli version, record format, data files, the extraction code), so any change
re-processes and nothing stale is ever served. Each batch is one transaction, so an
interrupted run leaves whole documents only; WAL mode and a busy timeout let several kcli
processes share the file. A file kcli did not create is never modified or deleted.
Standard library only: the warm path must not pay for spaCy.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
import time
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from . import __version__

SCHEMA_VERSION = 2  # 2: docs keyed by (path, doc_id): an export file holds many articles
APPLICATION_ID = 0x6B636C69  # "kcli", in the SQLite header: marks files kcli created
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 60_000
CHUNK = 500  # keys per SELECT, under SQLite's bound-parameter limit
PACKAGE = Path(__file__).resolve().parent
# The code that turns an article into a record: editing it must invalidate stored records.
RECORD_SOURCES = ("corpus.py", "nlp.py", "fastops.py", "process.py", "paragraphs.py", "lexicon.py", "timeline.py",
                  "extract/actors.py", "extract/quantities.py", "extract/units.py", "extract/dates/*.py",
                  "extract/quotes/*.py", "extract/teams.py", "datelines.py")  # globs: a package's files
SCHEMA = """
CREATE TABLE IF NOT EXISTS kcli_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    sha1 TEXT NOT NULL, fingerprint TEXT NOT NULL, data BLOB NOT NULL, stored REAL NOT NULL,
    PRIMARY KEY (sha1, fingerprint)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs (
    path TEXT NOT NULL, doc_id TEXT NOT NULL, fingerprint TEXT NOT NULL, sha1 TEXT NOT NULL, seen REAL NOT NULL,
    PRIMARY KEY (path, doc_id, fingerprint)) WITHOUT ROWID;
"""

Warn = Callable[[str], None]


def default_path() -> Path:
    """`$KCLI_INDEX`, else `$XDG_CACHE_HOME/kcli/index.sqlite` (XDG default: ~/.cache)."""
    if os.environ.get("KCLI_INDEX"):
        return Path(os.environ["KCLI_INDEX"]).expanduser()
    return _cache_default()


def _cache_default() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "kcli" / "index.sqlite"


def _sha1_files(paths: Iterable[Path], h: hashlib._Hash) -> None:
    for p in paths:
        h.update(p.name.encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<missing>")


def fingerprint(model: str, *, record_version: int, patterns: Path | None = None,
                aliases: Path | None = None) -> str:
    """What a stored record depends on besides the article text; any change re-processes."""
    h = hashlib.sha1()
    h.update(json.dumps([model_id(model), __version__, record_version]).encode())
    _sha1_files(sorted((PACKAGE / "data").glob("*")), h)
    _sha1_files([p for s in RECORD_SOURCES for p in sorted(PACKAGE.glob(s))], h)
    from .datelines import user_file

    for label, user in (("patterns", patterns), ("aliases", aliases), ("datelines", user_file())):
        h.update(label.encode())
        if user is not None:
            _sha1_files([Path(user)], h)
    return h.hexdigest()[:20]


def model_id(name: str) -> str:
    """`name-version` of an installed pipeline, read from its meta.json without importing spaCy."""
    import importlib.util

    meta_dirs = [Path(name)]
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        meta_dirs.insert(0, Path(list(spec.submodule_search_locations)[0]))
    for d in meta_dirs:
        try:
            meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} (spacy {meta.get('spacy_version')})"
    return name


class IndexUnusable(Exception):
    """The index file cannot be used; the message names it."""


TRANSIENT = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_FULL",
             "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_NOMEM", "SQLITE_INTERRUPT")


def _is_corrupt(e: sqlite3.Error) -> bool:
    """A broken index of ours (rebuild it) as opposed to a lock, a full disk or a read-only file."""
    name = getattr(e, "sqlite_errorname", "") or ""
    if name:
        return not name.startswith(TRANSIENT)
    return not isinstance(e, sqlite3.OperationalError)


def _classify(path: Path) -> str:
    """'new' (absent or empty), 'ours' (our application id), 'cache' (garbage in our cache
    folder) or 'foreign', from the raw header only, so a foreign file is never even opened by SQLite."""
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return "new"
    except OSError as e:
        raise IndexUnusable(f"{path}: cannot read the index ({e.strerror or e})") from None
    if not head:
        return "new"
    if head.startswith(SQLITE_MAGIC) and len(head) >= 72:
        if int.from_bytes(head[68:72], "big") == APPLICATION_ID:
            return "ours"
        return "foreign"
    if path.resolve() == _cache_default().resolve():
        return "cache"
    return "foreign"


def _remove(path: Path) -> None:
    """Delete an index kcli created, with its WAL side files."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


class Store:
    """An open index of records under one fingerprint; methods raise sqlite3.Error (see `rebuild`)."""

    def __init__(self, path: Path, fingerprint: str) -> None:
        self.path = path
        self.fingerprint = fingerprint
        self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                  check_same_thread=False)
        self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if self.db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            self._create()
        elif self._schema() != SCHEMA_VERSION:
            raise sqlite3.DatabaseError("unknown schema version")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE); rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _create(self) -> None:
        """The first write stamps the header with our id, so no other process ever sees it unmarked."""
        with self._transaction() as db:
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                    raise sqlite3.DatabaseError("not empty and not a kcli index")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                for stmt in SCHEMA.strip().split(";\n"):
                    db.execute(stmt)
                db.execute("INSERT OR REPLACE INTO kcli_meta VALUES ('schema', ?), ('created_by', ?)",
                           (str(SCHEMA_VERSION), f"kcli {__version__}"))

    def _schema(self) -> int | None:
        row = self.db.execute("SELECT value FROM kcli_meta WHERE key = 'schema'").fetchone()
        return int(row[0]) if row else None

    def get(self, sha1s: Sequence[str]) -> dict[str, dict]:
        """sha1 -> stored record, for those of `sha1s` the index holds under this fingerprint.

        Decoding makes millions of small objects and no reference cycle, so the cyclic garbage
        collector is paused meanwhile, and what was read is then frozen (never scanned again):
        on a 10,000-article corpus the collector's scans were a third of a warm command's time.
        """
        out: dict[str, dict] = {}
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for i in range(0, len(sha1s), CHUNK):
                chunk = list(sha1s[i:i + CHUNK])
                q = (f"SELECT sha1, data FROM records WHERE fingerprint = ? "
                     f"AND sha1 IN ({','.join('?' * len(chunk))})")
                for sha1, data in self.db.execute(q, [self.fingerprint, *chunk]):
                    out[sha1] = json.loads(zlib.decompress(data))
        finally:
            if was_enabled:
                gc.freeze()
                gc.enable()
        return out

    def paths(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """(path, doc_id) -> the sha1 that article had when last indexed (new articles vs changed ones)."""
        wanted = set(keys)
        paths = sorted({p for p, _ in wanted})
        out: dict[tuple[str, str], str] = {}
        for i in range(0, len(paths), CHUNK):
            chunk = paths[i:i + CHUNK]
            q = (f"SELECT path, doc_id, sha1 FROM docs WHERE fingerprint = ? "
                 f"AND path IN ({','.join('?' * len(chunk))})")
            for path, doc_id, sha1 in self.db.execute(q, [self.fingerprint, *chunk]):
                if (path, doc_id) in wanted:
                    out[(path, doc_id)] = sha1
        return out

    def put(self, recs: Sequence[dict]) -> None:
        """Store records and their paths in one transaction: all of the batch or none of it."""
        now = time.time()
        rows = [(r["sha1"], self.fingerprint, zlib.compress(json.dumps(r, ensure_ascii=False).encode(), 1), now)
                for r in recs]
        with self._transaction() as db:
            db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", self._doc_rows(recs, now))

    def touch(self, recs: Iterable[dict]) -> None:
        """Remember where records found in the index live now (a file moved or copied)."""
        docs = self._doc_rows(recs, time.time())
        if docs:
            with self._transaction() as db:
                db.executemany("INSERT OR REPLACE INTO docs VALUES (?, ?, ?, ?, ?)", docs)

    def _doc_rows(self, recs: Iterable[dict], now: float) -> list[tuple]:
        """Where each record's article lives: (path, doc_id) -> sha1; standard input has no place."""
        return [(r["path"], r["doc_id"], self.fingerprint, r["sha1"], now) for r in recs if r.get("path") != "-"]

    def close(self) -> None:
        self.db.close()


def open_store(path: Path, fp: str, *, warn: Warn) -> Store | None:
    """The index at `path`, created or rebuilt if it is ours; None (with a warning) if unusable."""
    try:
        kind = _classify(path)
        if kind == "foreign":
            warn(f"{path}: not a kcli index (left untouched); running without the index")
            return None
        if kind == "cache":
            warn(f"{path}: index is corrupt; rebuilding it")
            _remove(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    except (IndexUnusable, OSError) as e:
        warn(str(e) if isinstance(e, IndexUnusable) else f"{path}: cannot use the index ({e.strerror or e}); "
             "running without it")
        return None
    try:
        return Store(path, fp)
    except sqlite3.Error as e:
        if kind != "new" and _is_corrupt(e):
            warn(f"{path}: index is corrupt or outdated ({e}); rebuilding it")
            try:
                _remove(path)
                return Store(path, fp)
            except (sqlite3.Error, OSError) as e2:
                e = e2
        warn(f"{path}: cannot use the index ({e}); running without it")
        return None


def rebuild(store: Store, e: sqlite3.Error, *, warn: Warn) -> Store | None:
    """After an error mid-run: start the index afresh if it is corrupt, else stop using it."""
    store.close()
    if _is_corrupt(e):
        warn(f"{store.path}: index is corrupt ({e}); rebuilding it")
        try:
            _remove(store.path)
            return Store(store.path, store.fingerprint)
        except (sqlite3.Error, OSError) as e2:
            e = e2
    warn(f"{store.path}: cannot use the index ({e}); continuing without it")
    return None
