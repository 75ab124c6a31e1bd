"""Files -> Articles: reading a corpus and parsing each article's metadata.

Metadata (a leading ` date YYYY-MM-DD` header, a wire dateline such as
`MOSCOW, June 17. /TASS/:`) is located, not removed: every offset the product
reports stays an offset into the file's text as read.
"""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
_MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

HEADER_RE = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*\n?", re.I)
# `MOSCOW, June 17. /TASS/:`, `BAKU, March 23 (Reuters) -`, `YEREVAN, Nov. 9, 2020 (AP) —`
DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'\u2019-]*(?:[ ][A-Z][A-Za-z.'\u2019-]*){0,3}),[ \t]+"
    r"(?P<month>" + _MONTH_RE + r")[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?"
    r"[ \t]*[.,]?[ \t]*(?:/(?P<agency>[A-Za-z-]{2,12})/|\((?P<agency2>[A-Za-z][A-Za-z -]{1,20})\))?"
    r"[ \t]*[.:\-\u2013\u2014]*[ \t]*",
    re.I,
)
# `WASHINGTON (AP) --` with no date.
AGENCY_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.'-]*(?:[ ][A-Z][A-Z.'-]*){0,3})(?:,[ \t]+[A-Z][A-Za-z.]+)?[ \t]+"
    r"\((?P<agency2>[A-Za-z][A-Za-z -]{1,20})\)[ \t]*[-\u2013\u2014]+[ \t]*"
)
TEXT_SUFFIXES = {".txt"}


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
    dateline: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_month_day: tuple[int, int] | None = None
    agency: str | None = None
    meta_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def sha1(self) -> str:
        return hashlib.sha1(self.text.encode("utf-8", "surrogatepass")).hexdigest()


class CorpusError(Exception):
    """A path the user gave cannot be read; the message names it."""


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def parse_article(doc_id: str, path: str, text: str) -> Article:
    """Locate header, title and dateline in `text` without changing it."""
    art = Article(doc_id=doc_id, path=path, text=text)
    pos = 0
    m = HEADER_RE.match(text)
    if m:
        art.date = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        art.date_source = "header" if art.date else "none"
        art.meta_spans.append((m.start(), m.end()))
        pos = m.end()
    pos = _skip_blank(text, pos)
    dl = _match_dateline(text, pos)
    if dl is None:
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[pos:line_end]
        if _looks_like_title(line) and line_end < len(text):
            art.title, art.title_span = line.strip(), (pos, pos + len(line.rstrip()))
            dl = _match_dateline(text, _skip_blank(text, line_end))
    if dl is not None:
        _apply_dateline(art, dl)
    return art


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def _match_dateline(text: str, pos: int) -> re.Match | None:
    m = DATELINE_RE.match(text, pos)
    if m and (m["agency"] or m["agency2"] or m["place"].isupper()):
        return m
    return AGENCY_DATELINE_RE.match(text, pos)


def _apply_dateline(art: Article, m: re.Match) -> None:
    art.dateline = m["place"].strip()
    art.dateline_span = (m.start(), m.end())
    art.meta_spans.append((m.start(), m.end()))
    groups = m.groupdict()
    art.agency = groups.get("agency") or groups.get("agency2")
    if groups.get("month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        art.dateline_month_day = (month, day)
        if art.date is None and groups.get("year"):
            art.date = _safe_date(int(groups["year"]), month, day)
            art.date_source = "dateline" if art.date else art.date_source


def _looks_like_title(line: str) -> bool:
    """A headline: a short line that does not end like a sentence."""
    s = line.strip()
    words = s.split()
    return 2 <= len(words) <= 30 and not re.search(r"[.!?:;\"\u201d,]$", s)


def _unique_ids(paths: list[Path]) -> list[str]:
    """File stems, made unique (and stable) with their parent folders when stems collide."""
    ids = [p.stem for p in paths]
    seen: dict[str, int] = {}
    for i in ids:
        seen[i] = seen.get(i, 0) + 1
    out = []
    for p, i in zip(paths, ids):
        if seen[i] > 1:
            parts = p.resolve().parts
            i = "/".join(parts[-3:-1] + (p.stem,))
        out.append(i)
    if len(set(out)) < len(out):
        out = [f"{i}#{hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:8]}" for p, i in zip(paths, out)]
    return out


def expand_paths(paths: Iterable[str], warn) -> list[Path | str]:
    """Files and folders (recursive `*.txt`, sorted, dot-files skipped); `-` is stdin."""
    out: list[Path | str] = []
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                warn(f"{raw}: no articles (*.txt) in this folder")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            warn(f"{raw}: no such file or folder")
    return out


def read_text(path: Path) -> str:
    """Decode a file as UTF-8 (BOM allowed); raise CorpusError naming the file otherwise."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CorpusError(f"{path}: cannot read ({e.strerror or e})") from None
    if b"\x00" in data[:4096]:
        raise CorpusError(f"{path}: binary file, skipped")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CorpusError(f"{path}: not UTF-8 text (byte {e.start}), skipped") from None
    if not text.strip():
        raise CorpusError(f"{path}: empty file, skipped")
    return text


def load(paths: Iterable[str], *, warn=None) -> Iterator[Article]:
    """Yield an Article for every readable file; unreadable ones are reported through `warn`."""
    warn = warn or (lambda msg: print(msg, file=sys.stderr))
    files = expand_paths(paths, warn)
    real = [f for f in files if isinstance(f, Path)]
    ids = dict(zip(real, _unique_ids(real)))
    for f in files:
        if f == "-":
            text = sys.stdin.read()
            if text.strip():
                yield parse_article("stdin", "-", text)
            else:
                warn("-: standard input is empty")
            continue
        try:
            text = read_text(f)
        except CorpusError as e:
            warn(str(e))
            continue
        yield parse_article(ids[f], str(f), text)


def default_corpus() -> Path:
    """The bundled seed articles: shipped inside the package, or the repo's `seeds/`."""
    here = Path(__file__).resolve().parent
    for cand in (here / "seeds", here.parent / "seeds"):
        if cand.is_dir():
            return cand
    return here / "seeds"
