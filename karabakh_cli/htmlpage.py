"""Saved news pages (.html, .htm) -> an Article, read like a JSON Lines record.

trafilatura finds the main text (no menus, footers, comment threads) and the page's own
metadata: title, publication date, site name (the article's source) and canonical URL.
The date is taken only from the page's markup (meta tags, <time>), never guessed from
other numbers on the page: an undated article beats a wrongly dated one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .corpus import Article, CorpusError, record_article

KEYS = {"text": "text", "title": "title", "date": "date", "source": "source", "url": "url", "id": None}


def html_article(doc_id: str, path: Path | str, data: bytes, warn: Callable[[str], None]) -> Article | None:
    """The page's article (id: the file stem, as for a text file); CorpusError when it has no main text."""
    import trafilatura

    page = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                       date_extraction_params={"extensive_search": False, "original_date": True})
    if page is None or not (page.text or "").strip():
        raise CorpusError(f"{path}: no article text found in this page, skipped")
    rec = {"text": page.text, "title": page.title, "date": page.date, "source": page.sitename, "url": page.url}
    return record_article(doc_id, str(path), rec, KEYS, str(path), warn)
