"""Corpus-level steps over stored records: documents, actors, mentions.

Pure functions: records in, rows out. They never need the model, so they stay correct
when only some documents were re-processed.
"""
from __future__ import annotations

from . import lexicon, resolve

DOC_COLUMNS = ["doc_id", "title", "date", "date_source", "date_not_before", "dateline", "words", "sentences", "path"]
ENTITY_COLUMNS = ["name", "label", "mentions", "documents", "doc_ids", "aliases", "roles", "country", "unresolved"]
EXPLAIN_COLUMNS = ["surface", "group", "label", "rule", "evidence", "mentions", "doc_ids"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "name", "role", "source"]


def docs(records: list[dict]) -> list[dict]:
    """One row per article, dated by the corpus-level inference of the timeline step."""
    from .timeline import resolve

    dates, _ = resolve(records)
    return [{**{k: r.get(k) for k in DOC_COLUMNS}, **dates[r["doc_id"]], "sentences": len(r.get("sentences", []))}
            for r in records]


def _merged(records: list[dict], lex: lexicon.Lexicon, merge: str) -> tuple[list[dict], dict[str, list[dict]]]:
    """(actor rows, doc_id -> mentions named after their actor): the entity-resolution step over copies."""
    docs_ms = {r["doc_id"]: [dict(m) for m in r.get("mentions", [])] for r in records}
    rows = resolve.merge(docs_ms, lex=lex, mode=merge, texts={r["doc_id"]: r.get("text", "") for r in records},
                         dates={r["doc_id"]: r.get("date") for r in records})
    return rows, docs_ms


def _named(records: list[dict], lex: lexicon.Lexicon, merge: str = "corpus") -> dict[str, list[dict]]:
    """Each document's mentions with the canonical names of their actors."""
    return _merged(records, lex, merge)[1]


def entities(records: list[dict], *, lex: lexicon.Lexicon, labels: list[str] | None = None,
             min_count: int = 1, top: int | None = None, doc: str | None = None,
             merge: str = "corpus") -> list[dict]:
    """One row per actor across the corpus, filtered (each row keeps its merge `groups` for `explain`)."""
    rows = _merged(records, lex, merge)[0]
    wanted = {lab.upper() for lab in labels or []}
    rows = [r for r in rows
            if (not wanted or r["label"] in wanted) and r["mentions"] >= min_count
            and (doc is None or doc in r["doc_ids"])]
    return rows[:top] if top else rows


def mentions(records: list[dict], *, lex: lexicon.Lexicon, labels: list[str] | None = None,
             doc: str | None = None, merge: str = "corpus") -> list[dict]:
    """One row per mention, with the canonical name of its actor."""
    docs_ms = _named(records, lex, merge)
    wanted = {lab.upper() for lab in labels or []}
    return [{"doc_id": d, **m} for d, ms in docs_ms.items() if doc is None or d == doc
            for m in ms if not wanted or m["label"] in wanted]


QUANTITY_COLUMNS = ["doc_id", "start", "end", "text", "value", "unit", "object", "qualifier", "category", "flags",
                    "date", "actors", "sentence"]


def quantities(records: list[dict], *, lex: lexicon.Lexicon, flagged: bool = False) -> list[dict]:
    """One row per quantity with its context: the date of its sentence's event and the actors there.

    Vague plurals ("thousands") and calibres ("152-mm") are left out unless `flagged`.
    """
    from .timeline import _bounds, resolve

    _, timexes = resolve(records)
    names = _named(records, lex)
    rows = []
    for r in records:
        sents = r.get("sentences") or []
        for q in r.get("quantities", []):
            if not flagged and {"vague", "calibre"} & set(q.get("flags") or []):
                continue
            s, e = next(((a, b) for a, b in sents if a <= q["start"] < b), (q["start"], q["end"]))
            dated = [t for t in timexes.get(r["doc_id"], [])
                     if s <= t["start"] < e and t.get("type") == "DATE" and _bounds(str(t["value"]))
                     and t.get("source") != "dateline"]
            dated.sort(key=lambda t: abs(t["start"] - q["start"]))
            actors_here = []
            for m in names.get(r["doc_id"], []):
                if s <= m["start"] < e and m.get("source") != "dateline" and m["name"] not in actors_here:
                    actors_here.append(m["name"])
            rows.append({**q, "doc_id": r["doc_id"], "date": dated[0]["value"] if dated else None,
                         "actors": actors_here})
    return rows


def group_quantities(rows: list[dict], by: str) -> tuple[list[dict], bool]:
    """Totals per object, unit or category (pandas), with the mentions and documents they rest on.

    Returns (rows, whether any total adds approximate or bounded figures).
    """
    import pandas as pd

    if not rows:
        return [], False
    df = pd.DataFrame(rows)
    df["unit"] = df["unit"].fillna("")
    df["approx"] = df["qualifier"] != "exact"
    keys = [by, "unit"] if by != "unit" else ["unit"]
    df[by] = df[by].fillna("")
    g = df.groupby(keys, dropna=False).agg(total=("value", "sum"), mentions=("value", "size"),
                                           documents=("doc_id", "nunique"), approximate=("approx", "sum"))
    g = g.reset_index().sort_values(["mentions", "total"], ascending=False)
    out = []
    for rec in g.to_dict("records"):
        total = float(rec["total"])
        out.append({by: rec[by] or None, "unit": rec["unit"] or None,
                    "total": int(total) if total.is_integer() else round(total, 6),
                    "mentions": int(rec["mentions"]), "documents": int(rec["documents"]),
                    "approximate": int(rec["approximate"])})
    return out, bool(df["approx"].any())
