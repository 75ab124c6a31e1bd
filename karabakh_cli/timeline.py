"""Corpus-level dating: each article's own date, every expression resolved, events in order.

Runs over records (text + metadata + mentions), never over Docs. An article's own date comes
from that article alone; only the year of "November 9" in an undated article may come from
the rest of the corpus, and is marked so. The date rules are
run when an article is processed, against the date the article gives itself (`precompute`),
and stored with its record; at query time they run again only for an article whose date
came from the rest of the corpus.
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache

from .datelines import not_before

CALENDAR_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# doc_id/start/end: the first expression that dates the event (`text` is its surface); `mentions`: every one
TIMELINE_COLUMNS = ["date", "start_date", "end_date", "text", "event", "actors", "doc_ids", "sentences",
                    "doc_id", "start", "end", "mentions"]
DATE_COLUMNS = ["doc_id", "start", "end", "text", "type", "value", "mod", "anchor", "source", "range", "range_start",
                "range_end"]
EVENT_CHARS = 160


SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
# "this morning", "Monday night": a part of a named day; its event is dated to that day
DAY_PART_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|MI|DT)$")
# "at noon Saturday", "12pm on Saturday": a clock time on a named day is an event of that day; a bare
# "at 6 p.m." names no day and is none
CLOCK_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}")
DAY_WORDS = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|tonight|yesterday|tomorrow)\b"
                       r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|"
                       r"may|jun|jul|aug|sep|oct|nov|dec)")
# "a day later", "two weeks earlier": counted from the day the paragraph named last
OFFSET_VALUE = re.compile(r"^P(\d+)([DW])$")
OFFSET_WORD = re.compile(r"[ \t]+(later|earlier)\b")
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into the next year


@lru_cache(maxsize=4096)  # a corpus repeats its values: "1998-08-09" thousands of times
def _event_bounds(value: str) -> tuple[date, date] | None:
    """`_bounds`, and the spans a timeline row may also show: decades ("199" -> 1990 .. 1999) and
    seasons ("2020-FA" -> Sep 1 .. Nov 30)."""
    if re.fullmatch(r"\d{3}", value):
        return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    season = SEASON_VALUE.match(value)
    if season:
        y, (first, last) = int(season[1]), SEASON_MONTHS[season[2]]
        ly, lm = y + (last - 1) // 12, (last - 1) % 12 + 1
        return date(y, first, 1), date(ly, lm, calendar.monthrange(ly, lm)[1])
    return _bounds(value)


@lru_cache(maxsize=4096)
def _bounds(value: str) -> tuple[date, date] | None:
    """First and last day a calendar value covers ("2020-12" -> Dec 1 .. Dec 31); spans too."""
    parts = value.split("/")
    if len(parts) > 2:
        return None
    ends = []
    for p in parts:
        m = CALENDAR_VALUE.match(p)
        if not m:
            return None
        y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
        try:
            if d:
                ends.append((date(y, mo, d), date(y, mo, d)))
            elif mo:
                ends.append((date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])))
            else:
                ends.append((date(y, 1, 1), date(y, 12, 31)))
        except ValueError:
            return None
    return ends[0][0], ends[-1][1]


def _skip(rec: dict) -> list[tuple[int, int]]:
    return [tuple(s) for s in rec.get("meta_spans") or []]


def _header_only(rec: dict) -> list[tuple[int, int]]:
    """Metadata minus the dateline: the dateline's date is a temporal expression of the text
    (TimeML annotates it), though never an event of the article."""
    dl = tuple(rec["dateline_span"]) if rec.get("dateline_span") else None
    return [s for s in _skip(rec) if s != dl]


def _timexes(rec: dict, anchor: str | None, skip: str) -> list[dict]:
    """The article's temporal expressions against `anchor`, metadata skipped ('all') or all but
    the dateline ('header'): from the record when it was stored with them, else computed now."""
    stored = (rec.get("timexes") or {}).get(_key(anchor, skip))
    return [dict(t) for t in stored] if stored is not None else _run_rules(rec, anchor, skip)


def _key(anchor: str | None, skip: str) -> str:
    return f"{anchor or '-'}|{skip}"


def _run_rules(rec: dict, anchor: str | None, skip: str) -> list[dict]:
    from .extract.dates import extract_dates

    return extract_dates(rec["text"], anchor=date.fromisoformat(anchor) if anchor else None,
                         skip=_header_only(rec) if skip == "header" else _skip(rec))


def precompute(rec: dict) -> dict[str, list[dict]]:
    """The expressions query time asks for, as far as the article alone decides them (see `_timexes`)."""
    out: dict[str, list[dict]] = {}

    def put(anchor: str | None, skip: str) -> None:
        out[_key(anchor, skip)] = _run_rules(rec, anchor, skip)

    if rec.get("date"):
        put(rec["date"], "header")
        return out
    put(None, "header")
    if rec.get("dateline_month_day"):
        put(None, "all")
        guess = own_date({**rec, "timexes": out})
        if guess["date"]:
            put(guess["date"], "header")
    return out


def _mark_dateline(rec: dict, tx: list[dict]) -> list[dict]:
    dl = rec.get("dateline_span")
    for t in tx:
        if dl and dl[0] <= t["start"] < dl[1]:
            t["source"] = "dateline"
    return tx


def own_date(rec: dict) -> dict:
    """{date, date_source} of one record from its own header, record date, dateline and text.

    A header, record or `--date` date, or a dateline with a year, is the date; a dateline without
    one takes a year only from the article's own words (see `datelines.infer`). Nothing from any
    other article is used, so an article's date cannot change with the folder it sits in.
    """
    if rec.get("date"):
        return {"date": rec["date"], "date_source": rec.get("date_source") or "header"}
    if rec.get("dateline_month_day"):
        from .datelines import infer

        return infer(rec, _timexes(rec, None, "all"))
    return {"date": None, "date_source": "none"}


def infer_dates(records: list[dict]) -> dict[str, dict]:
    """doc_id -> {date, date_source} for every record (see `own_date`)."""
    return {r["doc_id"]: own_date(r) for r in records}


def resolve(records: list[dict]) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """(doc dates, doc_id -> its temporal expressions resolved against the article's date).

    In undated articles, "November 9" takes the year the rest of the corpus gives that day, marked
    `anchor: corpus`; the article's own date and `date_not_before` come from its own words only.
    """
    dates = infer_dates(records)
    timexes: dict[str, list[dict]] = {}
    month_day_years: dict[str, Counter] = {}
    for r in records:
        d = dates[r["doc_id"]]["date"]
        tx = _mark_dateline(r, _timexes(r, d, "header")) if d else None
        timexes[r["doc_id"]] = tx if tx is not None else []
        for t in tx or []:
            m = re.match(r"^(\d{4})-(\d{2}-\d{2})$", str(t["value"]))
            if m:
                month_day_years.setdefault(m[2], Counter())[int(m[1])] += 1
    for r in records:
        if dates[r["doc_id"]]["date"]:
            continue
        tx = _mark_dateline(r, _timexes(r, None, "header"))
        dates[r["doc_id"]]["date_not_before"] = not_before(r, tx, _bounds)
        for t in tx:  # marked: the year comes from the corpus, not from the article
            m = re.match(r"^XXXX-(\d{2}-\d{2})$", str(t["value"]))
            if m and m[1] in month_day_years:
                t["value"] = f"{month_day_years[m[1]].most_common(1)[0][0]}-{m[1]}"
                t["anchor"] = "corpus"
        timexes[r["doc_id"]] = tx
    return dates, timexes


def date_rows(records: list[dict], *, doc: str | None = None) -> list[dict]:
    """`kcli dates`: every temporal expression with its value."""
    _, timexes = resolve(records)
    return [{"doc_id": d, **t} for d, tx in timexes.items() if doc is None or d == doc for t in tx]


def _sentence_of(rec: dict, start: int) -> tuple[int, int]:
    for s, e in rec.get("sentences") or []:
        if s <= start < e:
            return s, e
    return start, min(len(rec["text"]), start + EVENT_CHARS)


def _clause(text: str, s: int, e: int, t_start: int, t_end: int) -> str:
    """The part of the sentence around the date, cut at semicolons and kept readable."""
    sent = text[s:e]
    lo, hi = t_start - s, t_end - s
    cuts = [m.end() for m in re.finditer(r";\s|\u2013 |\u2014 | - ", sent) if m.end() <= lo]
    begin = cuts[-1] if cuts else 0
    stop = [m.start() for m in re.finditer(r";|\u2013 |\u2014 | - ", sent) if m.start() >= hi]
    clause = sent[begin: stop[0] if stop else len(sent)].strip().strip("\"\u201c\u201d").strip()
    return re.sub(r"\s+", " ", clause)  # whole: only a table shortens text


def _counted_from_before(text: str, tx: list[dict]) -> list[dict]:
    """"On December 5 ... A day earlier, ...": a duration followed by "later"/"earlier" is a day,
    counted from the last day the same paragraph named before it; with no such day it stays a duration."""
    out = []
    for i, t in enumerate(tx):
        m = OFFSET_VALUE.match(str(t.get("value"))) if t.get("type") == "DURATION" else None
        w = OFFSET_WORD.match(text, t["end"]) if m else None
        if not (m and w):
            continue
        prev = [p for p in tx[:i] if p.get("type") == "DATE" and DAY_VALUE.match(str(p["value"]))
                and p.get("source") != "dateline" and "\n" not in text[p["end"]:t["start"]]]
        if not prev:
            continue
        days = int(m[1]) * (7 if m[2] == "W" else 1) * (1 if w[1] == "later" else -1)
        day = date.fromisoformat(str(prev[-1]["value"])) + timedelta(days=days)
        out.append({**t, "type": "DATE", "value": day.isoformat(), "end": w.end(), "text": text[t["start"]:w.end()]})
    return out


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{3,}", s.lower())}


def events(records: list[dict], *, names: dict[str, list[dict]] | None = None, group: bool = True) -> list[dict]:
    """Dated events in date order; the same event told by several articles is one row.

    `names`: doc_id -> mentions with canonical `name` (from the actors step), for `actors`.
    """
    _, timexes = resolve(records)
    by_id = {r["doc_id"]: r for r in records}
    mentions = names or {}
    rows: list[dict] = []
    for doc_id, tx in timexes.items():
        rec = by_id[doc_id]
        for t in tx + _counted_from_before(rec["text"], tx):
            if t.get("range"):  # a range is one event, told at its first part ("from May 3 to June 1")
                if t["start"] != t["range_start"]:
                    continue
                vague = not _bounds(str(t["value"]))  # "in recent weeks" (PXW): about the weeks to the article date
                t = {**t, "value": t["range"], "type": "DATE", "start": t["range_start"], "end": t["range_end"],
                     "text": rec["text"][t["range_start"]:t["range_end"]],
                     "mod": "APPROX" if vague else t.get("mod")}
            part = DAY_PART_VALUE.match(str(t["value"]))
            if not part and DAY_WORDS.search(str(t.get("text", ""))):
                part = CLOCK_VALUE.match(str(t["value"]))
            if part and t.get("type") in ("DATE", "TIME"):
                t = {**t, "value": part[1], "type": "DATE"}
            b = _event_bounds(str(t["value"]))
            if t.get("type") != "DATE" or not b or t.get("source") == "dateline":
                continue
            s, e = _sentence_of(rec, t["start"])
            s = max([s] + [me for ms, me in _skip(rec) if ms <= s < me])
            clause = _clause(rec["text"], s, e, t["start"], t["end"])
            actors, who = [], set()
            for m in mentions.get(doc_id, []):
                if (s <= m["start"] < e and m["name"] not in actors and m["label"] != "NORP"
                        and m.get("source") != "dateline"):
                    actors.append(m["name"])
                    if m["label"] in ("PERSON", "ORG"):
                        who.add(m["name"])
            rows.append({"date": t["value"], "start_date": b[0].isoformat(), "end_date": b[1].isoformat(),
                         "text": t["text"], "event": clause, "actors": actors, "doc_ids": [doc_id],
                         "sentences": [rec["text"][s:e].strip()], "mod": t.get("mod"), "who": who,
                         "doc_id": doc_id, "start": t["start"], "end": t["end"],
                         "mentions": [{"doc_id": doc_id, "start": t["start"], "end": t["end"]}]})
    rows.sort(key=lambda r: (r["start_date"], r["end_date"], r["doc_ids"][0], r["mentions"][0]["start"]))
    return _group(rows) if group else rows


def _group(rows: list[dict]) -> list[dict]:
    """Merge rows with the same date whose clauses share most of their words, unless each names a person or
    organisation the other does not.

    The words of the date itself and of the actors' names are no evidence ("Compaq shares fell ... in New York
    Stock Exchange composite trading yesterday" is not "Du Pont's stock rose ... in New York Stock Exchange
    composite trading yesterday"): the date is equal by construction, and actors are compared as actors.
    """
    out: list[dict] = []
    same_date: dict[str, list[tuple[dict, set[str]]]] = {}
    for r in rows:
        w = _words(r["event"]) - _words(r["text"]) - _words(" ".join(r["actors"]))
        for o, ow in same_date.get(r["date"], []):
            if r["who"] - o["who"] and o["who"] - r["who"]:
                continue  # each names someone the other does not: Compaq's close is not Du Pont's
            if w and ow and len(w & ow) / min(len(w), len(ow)) >= 0.6:
                for d in r["doc_ids"]:
                    if d not in o["doc_ids"]:
                        o["doc_ids"].append(d)
                o["sentences"] += [s for s in r["sentences"] if s not in o["sentences"]]
                o["actors"] += [a for a in r["actors"] if a not in o["actors"]]
                o["mentions"] += r["mentions"]
                break
        else:
            out.append(r)
            same_date.setdefault(r["date"], []).append((r, w))
    return out


def month_counts(rows: list[dict]) -> tuple[list[tuple[str, int]], int]:
    """(events per month from the first month to the last, empty months included; events left out).

    Only events dated to a month or a day count, a span in its first month: an event dated only to
    a year ("in 1992") has no month, and counting it in January would invent a peak.
    """
    c = Counter(r["start_date"][:7] for r in rows if re.match(r"^\d{4}-\d{2}", r["date"]))
    if not c:
        return [], len(rows)
    first, last = min(c), max(c)
    y, m = int(first[:4]), int(first[5:])
    months = []
    while f"{y:04d}-{m:02d}" <= last:
        months.append((f"{y:04d}-{m:02d}", c.get(f"{y:04d}-{m:02d}", 0)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months, len(rows) - sum(c.values())
