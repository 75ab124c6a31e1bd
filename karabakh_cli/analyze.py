"""Corpus-level steps over stored records: documents, actors, mentions.

Pure functions: records in, rows out. They never need the model, so they stay correct
when only some documents were re-processed.
"""
from __future__ import annotations

from . import lexicon, resolve

DOC_COLUMNS = ["doc_id", "title", "date", "date_source", "date_not_before", "dateline", "dateline_place", "agency",
               "source", "url", "words", "sentences", "path"]
ENTITY_COLUMNS = ["name", "label", "mentions", "documents", "doc_ids", "aliases", "roles", "country", "unresolved"]
EXPLAIN_COLUMNS = ["surface", "group", "label", "rule", "evidence", "mentions", "doc_ids"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "name", "role", "source"]


def docs(records: list[dict]) -> list[dict]:
    """One row per article, dated by the corpus-level inference of the timeline step."""
    from .scope import source_of
    from .timeline import resolve

    dates, _ = resolve(records)
    return [{**{k: r.get(k) for k in DOC_COLUMNS}, **dates[r["doc_id"]], "sentences": len(r.get("sentences", [])),
             "source": source_of(r)} for r in records]


# The last merge: (records, lexicon, mode, result). A command asking twice for the same records (actor rows
# to resolve --actor, then mentions or quantities) gets the first answer; the records are held, so never stale.
_last_merge: tuple[list[dict], lexicon.Lexicon, str, tuple[list[dict], dict[str, list[dict]]]] | None = None


def _merged(records: list[dict], lex: lexicon.Lexicon, merge: str) -> tuple[list[dict], dict[str, list[dict]]]:
    """(actor rows, doc_id -> mentions named after their actor): the entity-resolution step over copies.
    Callers read what it returns and never change it."""
    global _last_merge
    if _last_merge is not None and _last_merge[0] is records and _last_merge[1] is lex and _last_merge[2] == merge:
        return _last_merge[3]
    docs_ms = {r["doc_id"]: [dict(m) for m in r.get("mentions", [])] for r in records}
    rows = resolve.merge(docs_ms, lex=lex, mode=merge, texts={r["doc_id"]: r.get("text", "") for r in records},
                         dates={r["doc_id"]: r.get("date") for r in records})
    _last_merge = (records, lex, merge, (rows, docs_ms))
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


QUANTITY_COLUMNS = ["doc_id", "start", "end", "text", "value", "value_max", "unit", "dimension", "change", "object",
                    "qualifier", "category", "flags", "date", "actors", "sentence"]
TOTAL_COLUMNS = ["unit", "dimension", "aggregate", "total", "mentions", "documents", "approximate"]


def quantities(records: list[dict], *, lex: lexicon.Lexicon, flagged: bool = False) -> list[dict]:
    """One row per quantity with its context: the date of its sentence's event and the actors there.

    Vague plurals ("thousands"), calibres ("152-mm") and ages are left out unless `flagged`.
    """
    from .extract.quantities import FLAGGED
    from .timeline import _bounds, resolve

    _, timexes = resolve(records)
    names = _named(records, lex)
    rows = []
    for r in records:
        sents = r.get("sentences") or []
        for q in r.get("quantities", []):
            if not flagged and FLAGGED & set(q.get("flags") or []):
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
    """Totals per object, unit or category, with how each was made (`aggregate`) and what it rests on.

    Only additive quantities are summed (counts of one named object or category, mass, volume, area, money
    in one currency: plain counts of anything at all add up to nothing); percentages,
    rates, prices per unit, speeds and temperatures get no total (`none`). A running figure that several
    reports repeat (a death toll, "since November 14") is not summed: a group of them gives the latest (when
    every mention is dated, `latest`) or the largest per object (`max`); in a `sum` with other figures each
    such object adds its largest value once, and so does a figure several documents repeat.
    Returns (rows, whether any total adds approximate figures).
    """
    from .extract.units import additive_dimensions

    additive = additive_dimensions()
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        key = (r.get(by) or "", r.get("unit") or "") if by != "unit" else (r.get("unit") or "",)
        groups.setdefault(key, []).append(r)
    out, approx_sum = [], False
    for key, rs in groups.items():
        unit = rs[0].get("unit")
        dims = {r.get("dimension") or ("count" if unit is None else "") for r in rs}
        approx = sum(r.get("qualifier", "exact") != "exact" for r in rs)
        running = [r for r in rs if "cumulative" in (r.get("flags") or [])]
        unnamed = by == "unit" or not key[0]  # no object or category says what the figures count
        if len(dims) != 1 or dims.pop() not in additive or "/" in (unit or "") or (unit is None and unnamed):
            how, total = "none", None
        elif len(running) == len(rs) and all(r.get("date") for r in rs):
            how, total = "latest", max(rs, key=lambda r: (str(r["date"]), r["value"]))["value"]
        else:
            how = "max" if len(running) == len(rs) else "sum"
            total = _additive_total(rs)
            approx_sum = approx_sum or approx > 0
        if isinstance(total, float) and total.is_integer():
            total = int(total)
        out.append({**({by: key[0] or None} if by != "unit" else {}), "unit": unit or None,
                    "dimension": rs[0].get("dimension"), "aggregate": how, "total": total, "mentions": len(rs),
                    "documents": len({r["doc_id"] for r in rs}), "approximate": approx})
    out.sort(key=lambda r: (-r["mentions"], r["total"] is None, -(r["total"] or 0)))
    return out, approx_sum


def _additive_total(rows: list[dict]) -> float:
    """The sum of `rows`, where a running figure counts once per object at its largest, and a figure other
    documents repeat word for word (same object, same value: wire copy's background paragraph) counts once."""
    from .extract.units import word_lists

    generic = set(word_lists()["measure_fallback_objects"].values()) | {""}
    running: dict[str, float] = {}
    first_doc: dict[tuple, str] = {}
    plain = 0.0
    for r in rows:
        obj = (r.get("object") or "").casefold()
        if "cumulative" in (r.get("flags") or []):
            running[obj] = max(running.get(obj, r["value"]), r["value"])
        elif obj in generic or first_doc.setdefault((obj, r["value"]), r["doc_id"]) == r["doc_id"]:
            plain += r["value"]
    return float(f"{plain + sum(running.values()):.15g}")  # no float noise: 0.1 + 0.2


QUOTE_COLUMNS = ["doc_id", "speaker", "speaker_text", "cue", "quote", "direct", "start", "end", "date", "sentence"]


def quotes(records: list[dict], *, lex: lexicon.Lexicon) -> tuple[list[dict], list[dict]]:
    """(one row per statement, the actor rows) — speakers named by the corpus-level actor merge.

    A row's `date` is when the statement was made as far as its sentence says ("said on Thursday",
    "On March 3, the ministry reported"): a date outside the quote itself, else the article's date.
    Each row also carries `actors`, the names mentioned inside the quote (for `--actor`).
    """
    from .timeline import _bounds, resolve

    dates, timexes = resolve(records)
    actor_rows, docs_ms = _merged(records, lex, "corpus")
    rows = []
    for r in records:
        doc_id, text = r["doc_id"], r["text"]
        ms = docs_ms.get(doc_id, [])
        by_span = {(m["start"], m["end"]): m["name"] for m in ms}
        for q in r.get("quotes", []):
            s, e = q["sentence"]
            ref = q.get("speaker_mention")
            said = [t for t in timexes.get(doc_id, [])
                    if s <= t["start"] < e and not q["start"] <= t["start"] < q["end"] and t.get("type") == "DATE"
                    and t.get("source") != "dateline" and _bounds(str(t["value"]))]
            said.sort(key=lambda t: abs(t["start"] - (q.get("cue_start") or q["start"])))
            rows.append({"doc_id": doc_id, "speaker": by_span.get(tuple(ref)) if ref else None,
                         "speaker_text": q["speaker_text"], "cue": q["cue"], "quote": text[q["start"]:q["end"]],
                         "direct": q["direct"], "start": q["start"], "end": q["end"],
                         "date": said[0]["value"] if said else dates[doc_id]["date"],
                         "sentence": " ".join(text[s:e].split()),
                         "actors": sorted({m["name"] for m in ms if q["start"] <= m["start"] < q["end"]})})
    return rows, actor_rows
