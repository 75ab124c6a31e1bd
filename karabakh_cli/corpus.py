"""Files -> Articles: reading a corpus (text, JSON Lines, JSON, CSV/TSV, gzip, stdin) and each article's metadata.

Offsets: every offset kcli reports is a character offset into the article's text *as kcli
decoded it* -- the `text` a record holds and `kcli show` prints. Decoding drops a byte-order
mark and turns NUL characters into spaces (same length); nothing else is changed: CRLF line
ends are kept as read, so a text file decoded with `newline=""` slices the same. Metadata (a
leading ` date YYYY-MM-DD` header, a wire dateline such as `MOSCOW, June 17. /TASS/:`) is
located, not removed. Articles too long for one model pass are split into parts, and a
part's offsets are into the part's text.

Nothing is dropped silently: every path, file, record or row that is not used is named,
with the reason, through the `warn` callback.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable, Iterator

from . import datelines

HEADER_RE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.I)
TEXT_SUFFIXES = {".txt", ".text"}
FOLDER_SUFFIXES = TEXT_SUFFIXES | {".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm"}
CHUNK_CHARS = 100_000


@dataclass
class Article:
    """One article: its text as read plus what its metadata says."""

    doc_id: str
    path: str
    text: str
    title: str | None = None
    title_span: tuple[int, int] | None = None
    date: date | None = None
    date_source: str = "none"
    dateline: str | None = None  # the dateline's city
    dateline_place: str | None = None  # with its country or second city: "SAN JOSE, Costa Rica"
    dateline_span: tuple[int, int] | None = None
    dateline_month_day: tuple[int, int] | None = None
    dateline_year: int | None = None
    agency: str | None = None
    meta_spans: list[tuple[int, int]] = field(default_factory=list)
    source: str | None = None
    url: str | None = None
    external: str = ""  # metadata from outside the text (a record's fields), as JSON
    notes: list[str] = field(default_factory=list)  # about an article that is still read: its dateline's date
    parsed: bool = True  # False: only read so far; `opening` locates its header, title and dateline

    @property
    def sha1(self) -> str:
        """The index key: the text, plus a record's own metadata (same text, other date: other record)."""
        h = hashlib.sha1(self.text.encode("utf-8", "surrogatepass"))
        if self.external:
            h.update(b"\0" + self.external.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


class CorpusError(Exception):
    """A path the user gave cannot be read; the message names it."""


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_article(doc_id: str, path: str, text: str, where: str | None = None, check: bool = True) -> Article:
    """Locate header, title and dateline in `text` without changing it; dateline problems go to `notes`.

    `where` names the article in them; `check`: note now when the header and the dateline disagree
    (a record checks once its own date is known).
    """
    art = Article(doc_id=doc_id, path=path, text=text)
    pos = 0
    m = HEADER_RE.match(text)
    if m:
        art.date = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        art.date_source = "header" if art.date else "none"
        art.meta_spans.append((m.start(), m.end()))
        pos = m.end()
    pos = _skip_blank(text, pos)
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    line = text[pos:line_end]
    titled = _looks_like_title(line) and line_end < len(text)
    dl = datelines.find(text, pos, first_is_body=True, lines=1)
    if dl is not None and titled and dl.month is None and not dl.agency and text[dl.end:line_end].strip():
        dl = None  # "Karabakh: the road back" is a headline, and the title is never the dateline
    if dl is None:
        if titled:
            art.title, art.title_span = line.strip(), (pos, pos + len(line.rstrip()))
        dl = datelines.find(text, line_end, first_is_body=titled)
    if dl is not None:
        _apply_dateline(art, dl, where or path, check)
    return art


def opening(art: Article) -> Article:
    """An article `load(defer=True)` only read, with its header, title and dateline located."""
    return art if art.parsed else parse_article(art.doc_id, art.path, art.text)


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def _apply_dateline(art: Article, dl: datelines.Dateline, where: str, check: bool) -> None:
    art.dateline, art.dateline_place, art.agency = dl.place, dl.place_full, dl.agency
    art.dateline_span = (dl.start, dl.end)
    art.meta_spans += [(dl.start, dl.end), *dl.stamps]
    shown = art.text[dl.start:dl.end].strip()
    if dl.problem:
        art.notes.append(f"{where}: dateline {shown!r}: {dl.problem}; its date is ignored")
    if dl.month is None:
        return
    art.dateline_month_day, art.dateline_year = (dl.month, dl.day), dl.year
    if art.date is None and dl.date:
        art.date, art.date_source = dl.date, "dateline"
    elif check:
        check_dateline(art, where)


def check_dateline(art: Article, where: str) -> None:
    """A header or record date the dateline contradicts wins, with one warning."""
    if art.date is None or art.date_source == "dateline" or not art.dateline_month_day or not art.dateline_span:
        return
    if not datelines.agrees(*art.dateline_month_day, art.dateline_year, art.date):
        shown = art.text[art.dateline_span[0]:art.dateline_span[1]].strip()
        art.notes.append(f"{where}: dateline {shown!r} disagrees with the {art.date_source} date "
                         f"{art.date.isoformat()}; the {art.date_source} date is kept")


def _looks_like_title(line: str) -> bool:
    """A headline: a short line that does not end like a sentence."""
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 30 and not re.search(r"[.!?:;\"\u201d,]$", s)


# ------------------------------------------------------------------ reading files
def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, "") or default))
    except ValueError:
        return default


def max_article_bytes() -> int:
    """Largest article kcli accepts (KCLI_MAX_ARTICLE_MB, default 20 MB); bigger ones are refused."""
    return _env_int("KCLI_MAX_ARTICLE_MB", 20) * 1_000_000


def max_file_bytes() -> int:
    """Largest JSONL/CSV export read whole (KCLI_MAX_FILE_MB, default 512 MB)."""
    return _env_int("KCLI_MAX_FILE_MB", 512) * 1_000_000


def chunk_chars() -> int:
    """Longest text handed to the model at once (KCLI_CHUNK_CHARS, default 100,000).

    spaCy refuses texts over 1,000,000 characters and NER memory grows with the text, so
    longer articles are split at paragraph breaks into parts of at most this many characters.
    """
    return _env_int("KCLI_CHUNK_CHARS", CHUNK_CHARS)


def _kind(path: Path | str) -> str:
    """`text`, `jsonl`, `json`, `csv`, `tsv` or `html` from the file name (a `.gz` suffix is looked through)."""
    suffixes = [s.lower() for s in (path if isinstance(path, Path) else Path(str(path))).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
            ".html": "html", ".htm": "html"}.get(suffix, "text")


def _in_folder(path: Path) -> bool:
    """Whether a folder scan picks this file up (json is only read when named explicitly)."""
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return _stem_suffix(name)[1] in FOLDER_SUFFIXES


def _stem_suffix(name: str) -> tuple[str, str]:
    """PurePath(name).stem and .suffix, without making a path object per file of a folder."""
    dot = name.rfind(".")
    return (name[:dot], name[dot:]) if 0 < dot < len(name) - 1 else (name, "")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


NO_ARTICLES = "no articles in this folder (*.txt, *.jsonl, *.csv, *.tsv, *.html, optionally .gz)"
URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FSSPEC_HINT = "reading URLs needs fsspec (pip install 'karabakh-cli[dask]', or fsspec plus e.g. s3fs for s3://)"


def is_url(name: str) -> bool:
    """`s3://bucket/x.txt`, `file:///data/x.txt`...: read through fsspec; anything else is a local path."""
    return bool(URL_RE.match(name))


class Url(str):
    """A file named by a URL, with the bits of Path's interface kcli uses (name, suffix, parts)."""

    @property
    def _pure(self) -> PurePosixPath:
        return PurePosixPath(self.split("://", 1)[1])

    @property
    def name(self) -> str:
        return self._pure.name

    @property
    def suffix(self) -> str:
        return self._pure.suffix

    @property
    def parts(self) -> tuple[str, ...]:
        return self._pure.parts

    def resolve(self) -> Url:
        return self


def _open(path: Path | str):
    """A binary file object: local files with open(), URLs with fsspec (imported only for them)."""
    if not is_url(str(path)):
        return open(path, "rb")
    try:
        import fsspec
    except ImportError:
        raise CorpusError(f"{path}: {FSSPEC_HINT}") from None
    try:
        return fsspec.open(str(path), "rb").open()
    except OSError:
        raise
    except Exception as e:  # noqa: BLE001 - each filesystem raises its own (HTTP 403, no credentials...)
        raise CorpusError(f"{path}: cannot read ({_first_line(e)})") from None


def _first_line(e: BaseException) -> str:
    return (str(e).splitlines() or [type(e).__name__])[0]


def read_bytes(path: Path | str, limit: int) -> bytes:
    """The file's bytes, gunzipped when it is gzip; CorpusError naming the file when unreadable or too big."""
    too_big = (f"{path}: over {_size(limit)}{{}}; kcli refuses articles that big "
               "(split it, or raise KCLI_MAX_ARTICLE_MB / KCLI_MAX_FILE_MB), skipped")
    try:
        with _open(path) as fh:
            head = fh.read(2)
            if head == b"\x1f\x8b":
                try:
                    with gzip.GzipFile(fileobj=_Prepend(head, fh)) as gz:
                        data = _read_at_most(gz, limit + 1)
                except (EOFError, zlib.error, gzip.BadGzipFile) as e:
                    raise CorpusError(f"{path}: damaged gzip file ({e}), skipped") from None
                if len(data) > limit:
                    raise CorpusError(too_big.format(" once decompressed"))
                return data
            data = head + _read_at_most(fh, limit - 1)
            if len(data) >= limit and fh.read(1):
                raise CorpusError(too_big.format(""))
            return data
    except CorpusError:
        raise
    except OSError as e:
        raise CorpusError(f"{path}: cannot read ({e.strerror or e})") from None
    except Exception as e:  # noqa: BLE001 - a URL's filesystem raises its own types (HTTP errors...)
        if not is_url(str(path)):
            raise
        raise CorpusError(f"{path}: cannot read ({_first_line(e)})") from None


READ_CHUNK = 1 << 20


def _read_at_most(fh, n: int) -> bytes:
    """Up to `n` bytes, a chunk at a time: asking for the whole limit at once (20 MB) has the allocator map and
    unmap that much for every small file, which cost more than reading a folder of short articles."""
    parts = []
    while n > 0:
        chunk = fh.read(min(n, READ_CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


class _Prepend(io.RawIOBase):
    """A stream with bytes already read put back in front (so pipes and FIFOs need not be seekable)."""

    def __init__(self, head: bytes, rest) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(b))
        b[: len(data)] = data
        return len(data)


_MAGIC = [(b"%PDF-", "PDF"), (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"PK\x03\x04", "zip archive or Office document"), (b"\xd0\xcf\x11\xe0", "old Office document"),
          (b"BZh", "bzip2 archive"), (b"\xfd7zXZ", "xz archive"), (b"7z\xbc\xaf", "7z archive"),
          (b"\x7fELF", "executable"), (b"RIFF", "RIFF media file"), (b"II*\x00", "TIFF image"),
          (b"MM\x00*", "TIFF image"), (b"{\\rtf", "RTF document")]
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f]")


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Bytes -> text and notes on how they were decoded; CorpusError when the bytes are not text.

    UTF-8 (BOM dropped), UTF-16/32 with a BOM, UTF-16 without one (NUL every other byte),
    else Windows-1252 (a superset of Latin-1's printable range), else Latin-1. NUL characters
    left in the text become spaces so every other character keeps its offset.
    """
    notes: list[str] = []
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise CorpusError(f"{name}: binary file ({what}), skipped")
    text = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as e:
                raise CorpusError(f"{name}: starts with a {enc.upper()} byte-order mark but is not "
                                  f"{enc.upper()} (byte {e.start}), skipped") from None
            if enc != "utf-8-sig":
                notes.append(f"{name}: decoded as {enc.upper()} (byte-order mark)")
            break
    if text is None and b"\x00" in data:
        sample = data[:8192]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = max(1, len(sample) // 2)
        if odd / half > 0.3 and even / half < 0.05 or even / half > 0.3 and odd / half < 0.05:
            enc = "utf-16-le" if odd > even else "utf-16-be"
            try:
                text = data[: len(data) // 2 * 2].decode(enc)
                notes.append(f"{name}: no byte-order mark, decoded as {enc.upper()}")
            except UnicodeDecodeError:
                text = None
        if text is None and data.count(0) > max(8, len(data) // 100):
            raise CorpusError(f"{name}: binary file ({data.count(0)} NUL bytes), skipped")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            first = e.start
            try:
                text = data.decode("cp1252")
                notes.append(f"{name}: not UTF-8 (byte {first}), decoded as Windows-1252/Latin-1")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                notes.append(f"{name}: not UTF-8 (byte {first}), decoded as Latin-1")
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 20):
        raise CorpusError(f"{name}: binary file (control characters), skipped")
    if "\x00" in text:
        notes.append(f"{name}: {text.count(chr(0))} NUL character(s) replaced by spaces")
        text = text.replace("\x00", " ")
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return text, notes


def read_text(path: Path | str) -> str:
    """A plain-text article, decoded; CorpusError naming the file when it is not usable text."""
    text, _ = _read_article_text(path, lambda msg: None)
    return text


def _read_article_text(path: Path | str, warn: Callable[[str], None]) -> tuple[str, list[str]]:
    text, notes = decode(read_bytes(path, max_article_bytes()), str(path))
    if not text:
        raise CorpusError(f"{path}: empty file, skipped")
    if not text.strip():
        raise CorpusError(f"{path}: only whitespace, skipped")
    return text, notes


# ------------------------------------------------------------------ records (JSONL, JSON, CSV)
@dataclass(frozen=True)
class Fields:
    """Which record fields hold the text and metadata; None means "the usual names".

    `default_date` (`--date`) dates the articles that give no date of their own."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None
    default_date: date | None = None


DEFAULT_FIELDS = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext"),
    "id": ("id", "doc_id", "guid", "uuid"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "date_published", "datetime"),
    "title": ("title", "headline"),
    "source": ("source", "publisher", "outlet", "site"),
    "url": ("url", "link"),
}


def _field_key(keys: Iterable[str], which: str, fields: Fields) -> str | None:
    """The key of a record that holds `which`: the user's name, else the first usual name present."""
    wanted = getattr(fields, which, None)
    names = (wanted,) if wanted else DEFAULT_FIELDS[which]
    by_lower = {}
    for k in keys:
        by_lower.setdefault(str(k).casefold(), k)
    for n in names:
        if n in keys:
            return n
        if n.casefold() in by_lower:
            return by_lower[n.casefold()]
    return None


def parse_record_date(value: object) -> date | None:
    """A record's date: ISO `YYYY-MM-DD[...]`, a date string dateutil reads, or Unix seconds/ms."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        secs = value / 1000 if abs(value) > 1e11 else value
        try:
            return datetime.fromtimestamp(secs, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)", s)
    if m:
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if len(s) > 64 or not re.search(r"\d", s):
        return None
    try:
        from dateutil import parser as du

        d = du.parse(s).date()
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None
    return d if 1000 <= d.year <= 2199 else None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    s = value if isinstance(value, str) else str(value)
    return _LONE_SURROGATE.sub("\ufffd", s).replace("\x00", " ")


@dataclass
class _Record:
    line: int
    data: dict


def _jsonl_records(text: str, name: str, report: Callable[[str], None]) -> Iterator[_Record]:
    """One JSON object a line; blank lines are skipped, bad lines reported with their number."""
    for n, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            report(f"{name}:{n}: not valid JSON ({getattr(e, 'msg', e)}, column {getattr(e, 'colno', '?')}), "
                   "record skipped")
            continue
        except RecursionError:
            report(f"{name}:{n}: JSON nested too deeply, record skipped")
            continue
        if not isinstance(obj, dict):
            report(f"{name}:{n}: a JSON {type(obj).__name__}, not an object, record skipped")
            continue
        yield _Record(n, obj)


def _json_records(text: str, name: str, report: Callable[[str], None]) -> Iterator[_Record]:
    """A `.json` file: an array of objects, one object, or JSON Lines after all."""
    body = text.lstrip()
    if body.startswith("["):
        try:
            arr = json.loads(body)
        except ValueError as e:
            raise CorpusError(f"{name}:{getattr(e, 'lineno', '?')}: not valid JSON "
                              f"({getattr(e, 'msg', e)}), skipped") from None
        except RecursionError:
            raise CorpusError(f"{name}: JSON nested too deeply, skipped") from None
        for i, obj in enumerate(arr, 1):
            if isinstance(obj, dict):
                yield _Record(i, obj)
            else:
                report(f"{name}: item {i} is a JSON {type(obj).__name__}, not an object, skipped")
        return
    if body.startswith("{") and "\n" in body.strip():
        try:
            obj = json.loads(body)
        except (ValueError, RecursionError):
            obj = None
        if isinstance(obj, dict):
            yield _Record(1, obj)
            return
    yield from _jsonl_records(text, name, report)


def _csv_records(text: str, name: str, delimiter: str | None, report: Callable[[str], None]) -> Iterator[_Record]:
    """A header row, then one article a row; malformed rows are reported with their line number."""
    csv.field_size_limit(2**31 - 1)
    first = text.split("\n", 1)[0]
    if delimiter is None:
        counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
        delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        raise CorpusError(f"{name}:1: malformed CSV header ({e}), skipped") from None
    header = [h.strip() for h in header]
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            report(f"{name}:{start}: malformed CSV row ({e}; lines {start}-{reader.line_num}), skipped")
            continue
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(header):
            report(f"{name}:{start}: {len(row)} fields where the header has {len(header)}, row skipped")
            continue
        yield _Record(start, dict(zip(header, row)))


def _records(text: str, name: str, kind: str, report: Callable[[str], None]) -> Iterator[_Record]:
    if kind == "jsonl":
        return _jsonl_records(text, name, report)
    if kind == "json":
        return _json_records(text, name, report)
    return _csv_records(text, name, "\t" if kind == "tsv" else None, report)


# ------------------------------------------------------------------ articles
def split_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Cut `text` into consecutive spans of at most `limit` characters.

    At the last paragraph break, else line break, else sentence end, else space in the
    second half of each window; a hard cut only when there is none (one giant word).
    """
    limit = limit or chunk_chars()
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            k = window.rfind(sep)
            if k >= limit // 2:
                cut = k + len(sep)
                break
        if cut <= 0:
            cut = limit
            if 0xDC00 <= ord(text[start + cut - 1]) <= 0xDFFF or 0xD800 <= ord(text[start + cut - 1]) <= 0xDBFF:
                cut -= 1
        spans.append((start, start + cut))
        start += cut
    spans.append((start, n))
    return spans


def _parts(art: Article, warn: Callable[[str], None]) -> list[Article]:
    """An article too long for one model pass, as parts `<id>#p1`, `<id>#p2`, ... sharing its metadata."""
    spans = split_spans(art.text)
    if len(spans) == 1:
        return [art]
    n = len(spans)
    warn(f"{art.path}: {len(art.text):,} characters, processed as {n} parts of at most {chunk_chars():,} "
         f"(ids {art.doc_id}#p1 .. {art.doc_id}#p{n}; offsets are into each part)")
    out = []
    for k, (s, e) in enumerate(spans, 1):
        part = Article(doc_id=f"{art.doc_id}#p{k}", path=art.path, text=art.text[s:e], title=art.title,
                       date=art.date, date_source=art.date_source, dateline=art.dateline, agency=art.agency,
                       dateline_place=art.dateline_place,
                       source=art.source, url=art.url, external=art.external)
        if k > 1:  # the metadata it inherits is not in its text, so it keys the index too
            part.external = json.dumps({"of": art.external, "title": art.title, "dateline": art.dateline,
                                        "date": art.date.isoformat() if art.date else None,
                                        "date_source": art.date_source, "agency": art.agency}, sort_keys=True)
        if k == 1:
            part.title_span = art.title_span if art.title_span and art.title_span[1] <= e else None
            part.dateline_span = art.dateline_span if art.dateline_span and art.dateline_span[1] <= e else None
            part.dateline_month_day, part.dateline_year = art.dateline_month_day, art.dateline_year
            part.notes = art.notes
            part.meta_spans = [sp for sp in art.meta_spans if sp[1] <= e]
        out.append(part)
    return out


def record_article(doc_id: str, path: str, rec: dict, keys: dict[str, str | None], where: str,
                   warn: Callable[[str], None]) -> Article | None:
    """One record -> Article; its date and title win over what the text suggests."""
    raw = rec.get(keys["text"]) if keys["text"] else None
    if raw is None:
        warn(f"{where}: no text field (fields: {', '.join(map(str, rec))[:200]}); use --text-field, record skipped")
        return None
    if not isinstance(raw, str):
        warn(f"{where}: text field {keys['text']!r} is a {type(raw).__name__}, not a string, record skipped")
        return None
    text = _clean(raw) or ""
    if not text.strip():
        warn(f"{where}: empty text, record skipped")
        return None
    if len(text) > max_article_bytes():
        warn(f"{where}: text of {len(text):,} characters is over the {_size(max_article_bytes())} limit "
             "(KCLI_MAX_ARTICLE_MB), record skipped")
        return None
    art = parse_article(doc_id, path, text, where, check=False)
    title = _clean(rec.get(keys["title"])) if keys["title"] else None
    if title and title.strip():
        if art.title != title.strip():
            art.title_span = None
        art.title = title.strip()
    if keys["date"] and rec.get(keys["date"]) not in (None, ""):
        d = parse_record_date(rec.get(keys["date"]))
        if d is None:
            warn(f"{where}: date {str(rec.get(keys['date']))[:40]!r} not understood; dating from the text")
        else:
            art.date, art.date_source = d, "record"
    check_dateline(art, where)
    for k in ("source", "url"):
        if keys[k] and rec.get(keys[k]) not in (None, ""):
            setattr(art, k, _clean(rec.get(keys[k])))
    ext = {"title": art.title if title else None, "date": art.date.isoformat() if art.date_source == "record" else None,
           "source": art.source, "url": art.url}
    if any(ext.values()):
        art.external = json.dumps(ext, sort_keys=True, ensure_ascii=False)
    return art


class _Limited:
    """Per-file problem reporter: the first few lines, then one summary, so a bad export cannot flood stderr."""

    def __init__(self, warn: Callable[[str], None], name: str, limit: int = 10) -> None:
        self.warn, self.name, self.limit, self.count = warn, name, limit, 0

    def __call__(self, msg: str) -> None:
        self.count += 1
        if self.count <= self.limit:
            self.warn(msg)

    def close(self) -> None:
        if self.count > self.limit:
            self.warn(f"{self.name}: {self.count - self.limit} more problem(s) like these not shown")


class _Ids:
    """Hands out unique ids: the wanted one, else with `~2`, `~3`... (deterministic for the same input)."""

    def __init__(self, reserved: Iterable[str]) -> None:
        self.used = set(reserved)

    def claim(self, want: str) -> str:
        cand, k = want, 1
        while cand in self.used:
            k += 1
            cand = f"{want}~{k}"
        self.used.add(cand)
        return cand


def _given(art: Article, fields: Fields) -> Article:
    """`--date`: the date of an article that gives none itself; it keys the index like a record's date."""
    if fields.default_date and art.date is None:
        art.date, art.date_source = fields.default_date, "given"
        ext = json.loads(art.external) if art.external else {}
        art.external = json.dumps({**ext, "given_date": art.date.isoformat()}, sort_keys=True, ensure_ascii=False)
    return art


def _record_articles(text: str, name: str, stem: str, kind: str, fields: Fields, ids: _Ids,
                     warn: Callable[[str], None]) -> Iterator[Article]:
    report = _Limited(warn, name)
    recs = list(_records(text, name, kind, report))
    if not recs:
        report.close()
        if report.count == 0:
            warn(f"{name}: no records in this file")
        return
    all_keys: dict[str, None] = {}
    for r in recs[:1000]:
        all_keys.update(dict.fromkeys(r.data))
    if _field_key(list(all_keys), "text", fields) is None:
        report.close()
        listed = ", ".join(map(str, all_keys))[:200]
        raise CorpusError(f"{name}: no {fields.text or 'text'!r} field (fields: {listed}); "
                          "name it with --text-field, skipped")
    own = []
    for r in recs:
        k = _field_key(list(r.data), "id", fields)
        own.append(str(r.data[k]).strip() if k and r.data[k] not in (None, "") else None)
    counts: dict[str, int] = {}
    for i in own:
        if i:
            counts[i] = counts.get(i, 0) + 1
    dupes = sorted(i for i, c in counts.items() if c > 1)
    if dupes:
        warn(f"{name}: {len(dupes)} id(s) used more than once (e.g. {dupes[0]!r}); those records get {stem}:<line> ids")
    unit = "item" if kind == "json" and text.lstrip().startswith("[") else "line"
    for r, i in zip(recs, own):
        where = f"{name}:{r.line}" if unit == "line" else f"{name}: item {r.line}"
        want = i if i and counts[i] == 1 and i not in ids.used else f"{stem}:{r.line}"
        if i and counts[i] == 1 and i in ids.used:
            report(f"{where}: id {i!r} is already used by another article; this one is {want}")
        keys = {k: _field_key(list(r.data), k, fields) for k in DEFAULT_FIELDS}
        art = record_article(ids.claim(want), name, r.data, keys, where, report)
        if art is not None:
            yield from _parts(_given(art, fields), warn)
    report.close()


def _looks_like_jsonl(text: str) -> bool:
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


# ------------------------------------------------------------------ paths
def _unique_ids(paths: list[Path]) -> list[str]:
    """Stable, unique ids: the file stem; where stems collide the file name, then parent folders + name,
    and a hash of the full path only for ids that still collide."""
    out = [_stem(p) for p in paths]
    for level in (lambda p: p.name, lambda p: "/".join(p.resolve().parts[-3:-1] + (p.name,))):
        counts: dict[str, int] = {}
        for i in out:
            counts[i] = counts.get(i, 0) + 1
        out = [level(p) if counts[i] > 1 else i for p, i in zip(paths, out)]
    counts = {}
    for i in out:
        counts[i] = counts.get(i, 0) + 1
    return [f"{i}#{hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:8]}" if counts[i] > 1 else i
            for p, i in zip(paths, out)]


def _stem(p: Path) -> str:
    """`a.txt` -> `a`, `a.jsonl.gz` -> `a`."""
    name = p.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return _stem_suffix(name)[0] or name


def expand_paths(paths: Iterable[str], warn: Callable[[str], None]) -> list[Path | str]:
    """Files and folders (recursive, sorted, dot-files skipped); `-` is stdin; URLs go through fsspec.
    Problems go to `warn`."""
    out: list[Path | str] = []
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        if is_url(raw) and not Path(raw).exists():  # a local folder named "a:" stays a local path
            out.extend(_expand_url(raw, warn))
            continue
        p = Path(raw)
        if p.is_dir():
            found, other = _scan(p, warn)
            if other:
                exts = sorted({(f.suffix.lower() or f.name) for f in other})
                warn(f"{raw}: {len(other)} file(s) that are not articles ignored ({', '.join(exts[:8])}; "
                     f"kcli reads {', '.join(sorted(FOLDER_SUFFIXES))} and their .gz)")
            if not found:
                warn(f"{raw}: {NO_ARTICLES}")
            out.extend(found)
        elif p.exists():
            out.append(p)
        elif p.is_symlink():
            warn(f"{raw}: broken symbolic link")
        else:
            warn(f"{raw}: no such file or folder")
    return out


def _expand_url(raw: str, warn: Callable[[str], None]) -> list[Url]:
    """A URL of a file, or of a folder (prefix) whose article files are listed like a local folder's."""
    try:
        import fsspec
    except ImportError:
        warn(f"{raw}: {FSSPEC_HINT}")
        return []
    try:
        fs, root = fsspec.core.url_to_fs(raw)
        if fs.isdir(root):
            top = PurePosixPath(root)
            names = [n for n in fs.find(root)
                     if not any(x.startswith(".") for x in PurePosixPath(n).relative_to(top).parts)]
            found = sorted(Url(fs.unstrip_protocol(n)) for n in names)
            arts = [u for u in found if _in_folder(u)]
            if len(arts) < len(found):
                warn(f"{raw}: {len(found) - len(arts)} file(s) that are not articles ignored")
            if not arts:
                warn(f"{raw}: {NO_ARTICLES}")
            return arts
        if fs.exists(root):
            return [Url(raw)]
        warn(f"{raw}: no such file or folder")
    except OSError as e:
        warn(f"{raw}: cannot read ({e.strerror or e})")
    except Exception as e:  # noqa: BLE001 - each filesystem raises its own (HTTP 403, no credentials...)
        warn(f"{raw}: cannot read ({_first_line(e)})")
    return []


def _scan(root: Path, warn: Callable[[str], None]) -> tuple[list[Path], list[Path]]:
    """Regular article files under `root` (sorted) and the other files seen; unreadable folders reported."""
    found: list[Path] = []
    other: list[Path] = []

    def onerror(e: OSError) -> None:
        warn(f"{e.filename}: cannot read folder ({e.strerror or e})")

    for d, dirs, files in os.walk(root, onerror=onerror):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        base = Path(d)
        for f in files:
            if f.startswith("."):
                continue
            fp = base / f
            regular = os.path.isfile(fp)  # one stat for the usual case; links and the rest looked at only then
            if not regular and fp.is_symlink() and not fp.exists():
                warn(f"{fp}: broken symbolic link")
                continue
            if not _in_folder(fp):
                other.append(fp)
            elif not regular:
                warn(f"{fp}: not a regular file, skipped")
            else:
                found.append(fp)
    return sorted(found, key=lambda p: p.parts), other  # Path order, without Path's slower comparisons


# ------------------------------------------------------------------ load
def load(paths: Iterable[str], *, warn: Callable[[str], None] | None = None,
         fields: Fields | None = None, defer: bool = False) -> Iterator[Article]:
    """Yield an Article for every readable article; every file or record not used is reported through `warn`.

    Text files are one article (id: the file stem); JSON Lines, JSON and CSV/TSV exports are one
    article a record (id: the record's own id when unique, else `<stem>:<line>`). Articles over
    `chunk_chars()` characters come as parts `<id>#p1`, `<id>#p2`, ...
    `defer`: a text file of one part is only read (`parsed` False; its index key is its text alone),
    so a caller that finds its record in the index never parses its opening (see `opening`).
    """
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    fields = fields or Fields()
    files = expand_paths(paths, warn)
    real = [f for f in files if isinstance(f, (Path, Url))]
    file_ids = dict(zip(real, _unique_ids(real)))
    ids = _Ids(file_ids.values())
    one_part = chunk_chars()
    for f in files:
        try:
            if f == "-":
                yield from _load_stdin(fields, ids, warn)
                continue
            kind = _kind(f)
            if kind == "text":
                text, notes = _read_article_text(f, warn)
                for n in notes:
                    warn(n)
                if defer and not fields.default_date and len(text) <= one_part:
                    yield Article(doc_id=file_ids[f], path=str(f), text=text, parsed=False)
                    continue
                yield from _parts(_given(parse_article(file_ids[f], str(f), text), fields), warn)
            elif kind == "html":  # a saved news page: see htmlpage
                from .htmlpage import html_article

                art = html_article(file_ids[f], f, read_bytes(f, max_file_bytes()), warn)
                if art is not None:
                    yield from _parts(_given(art, fields), warn)
            else:
                text, notes = decode(read_bytes(f, max_file_bytes()), str(f))
                for n in notes:
                    warn(n)
                if not text.strip():
                    raise CorpusError(f"{f}: empty file, skipped")
                yield from _record_articles(text, str(f), file_ids[f], kind, fields, ids, warn)
        except CorpusError as e:
            warn(str(e))


def _load_stdin(fields: Fields, ids: _Ids, warn: Callable[[str], None]) -> Iterator[Article]:
    """`-`: plain text as one article (id `stdin`), or JSON Lines (ids `stdin:<line>`) when it looks like it."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(max_file_bytes() + 1)
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as e:
                raise CorpusError(f"-: damaged gzip data on standard input ({e})") from None
        if len(data) > max_file_bytes():
            raise CorpusError(f"-: standard input is over {_size(max_file_bytes())}; split it")
        text, notes = decode(data, "-")
        for n in notes:
            warn(n)
    else:
        text = _clean(sys.stdin.read()) or ""
    if not text.strip():
        raise CorpusError("-: standard input is empty")
    if _looks_like_jsonl(text):
        yield from _record_articles(text, "-", "stdin", "jsonl", fields, ids, warn)
        return
    if len(text) > max_article_bytes():
        raise CorpusError(f"-: standard input is over {_size(max_article_bytes())} for one article; split it")
    yield from _parts(_given(parse_article(ids.claim("stdin"), "-", text), fields), warn)


def default_corpus() -> Path:
    """The bundled seed articles: shipped inside the package, or the repo's `seeds/`."""
    here = Path(__file__).resolve().parent
    for cand in (here / "seeds", here.parent / "seeds"):
        if cand.is_dir():
            return cand
    return here / "seeds"
