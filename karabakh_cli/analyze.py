"""Corpus-level steps over stored records: documents, actors, mentions.

Pure functions: records in, rows out. They never need the model, so they stay correct
when only some documents were re-processed.
"""
from __future__ import annotations

from . import lexicon
from .extract import actors

DOC_COLUMNS = ["doc_id", "title", "date", "date_source", "date_not_before", "dateline", "words", "sentences", "path"]
ENTITY_COLUMNS = ["name", "label", "mentions", "documents", "doc_ids", "aliases", "roles", "country"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "name", "role", "source"]


def docs(records: list[dict]) -> list[dict]:
    """One row per article, dated by the corpus-level inference of the timeline step."""
    from .timeline import resolve

    dates, _ = resolve(records)
    return [{**{k: r.get(k) for k in DOC_COLUMNS}, **dates[r["doc_id"]], "sentences": len(r.get("sentences", []))}
            for r in records]


def _named(records: list[dict], lex: lexicon.Lexicon) -> dict[str, list[dict]]:
    """Each document's mentions with canonical names, ministries and surnames placed corpus-wide."""
    docs_ms = {r["doc_id"]: [dict(m) for m in r.get("mentions", [])] for r in records}
    actors.merge(docs_ms, lex=lex)  # names mentions in place as a side effect of merging
    return docs_ms


def entities(records: list[dict], *, lex: lexicon.Lexicon, labels: list[str] | None = None,
             min_count: int = 1, top: int | None = None, doc: str | None = None) -> list[dict]:
    """One row per actor across the corpus, filtered."""
    docs_ms = {r["doc_id"]: [dict(m) for m in r.get("mentions", [])] for r in records}
    rows = actors.merge(docs_ms, lex=lex)
    wanted = {lab.upper() for lab in labels or []}
    rows = [r for r in rows
            if (not wanted or r["label"] in wanted) and r["mentions"] >= min_count
            and (doc is None or doc in r["doc_ids"])]
    return rows[:top] if top else rows


def mentions(records: list[dict], *, lex: lexicon.Lexicon, labels: list[str] | None = None,
             doc: str | None = None) -> list[dict]:
    """One row per mention, with the canonical name of its actor."""
    docs_ms = _named(records, lex)
    wanted = {lab.upper() for lab in labels or []}
    return [{"doc_id": d, **m} for d, ms in docs_ms.items() if doc is None or d == doc
            for m in ms if not wanted or m["label"] in wanted]
