"""The engine: run every rule, keep the longest non-overlapping expressions, resolve values."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from . import (
    rules_calendar,
    rules_clock,
    rules_durations,
    rules_periods,
    rules_reference,
    rules_refs,
    rules_relative,
    rules_years,
)
from .postpass import _extend_modifiers, _merge_spans, _overlaps, _titled
from .registry import _FIRST_QUARTER_WINS, _RULES, _Cand, _Ctx, _finditer, _near_anchor_quarter, _State
from .rules_reference import narrative_day

# The rule families register themselves on import; equal candidates go to the earlier family.
_FAMILIES = (rules_calendar, rules_years, rules_periods, rules_relative, rules_clock, rules_durations, rules_refs,
             rules_reference)
_RULES.sort(key=lambda r: [f.__name__ for f in _FAMILIES].index(r[1].__module__))


def extract_dates(text: str, *, anchor: date | None, skip: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """Every temporal expression in `text`, in order of start offset."""
    try:
        return _extract(text, anchor, skip)
    except Exception:  # noqa: BLE001 - the engine must never take the caller down
        return []


def _extract(text: str, anchor: date | None, skip: Sequence[tuple[int, int]]) -> list[dict]:
    if not isinstance(text, str) or not text:
        return []
    skips = [(int(a), int(b)) for a, b in skip if b > a]
    ctx = _Ctx(text, anchor)
    cands: list[_Cand] = []
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): offsets would shift
        low = None
    for rx, fn, prio, rx_low in _RULES:
        for m in _finditer(rx, rx_low, text, low):
            try:
                c = fn(m, ctx)
            except (ValueError, KeyError, OverflowError, IndexError, TypeError, AttributeError):
                c = None
            if c is None or c.end <= c.start or _overlaps(c.start, c.end, skips) or _titled(text, c.start, c.end):
                continue
            c.prio = prio
            cands.append(c)
    cands.sort(key=lambda c: (-(c.end - c.start), c.prio, c.start))
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in cands:
        if not _overlaps(c.start, c.end, taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    for i, c in enumerate(chosen):
        lo = chosen[i - 1].end if i else 0
        for _a, b in skips:
            if b <= c.start:
                lo = max(lo, b)
        _extend_modifiers(text, c, lo)
    chosen = _merge_spans(text, chosen)
    st = _State()
    out: list[dict] = []
    for c in chosen:
        if text[c.end - 2 : c.end] in ("'s", "’s") and c.kind != "decade" and c.end - 2 > c.start:
            c.end -= 2
        try:
            v = c.value(st) if callable(c.value) else c.value
        except (ValueError, TypeError, OverflowError, IndexError):
            continue  # one bad expression must not cost the rest of the article
        if not v:
            continue
        if c.kind == "quarter" and re.fullmatch(r"\d{4}-Q[1-4]", v) and _near_anchor_quarter(v, anchor):
            st.last_quarter = (int(v[:4]), int(v[-1]), c.start)
        if (
            c.kind == "quarter"
            and re.fullmatch(r"\d{4}-Q[1-4]", v)
            and (st.quarter is None or not _FIRST_QUARTER_WINS)
            and _near_anchor_quarter(v, anchor)
        ):
            st.quarter = (int(v[:4]), int(v[-1]))
            st.quarter_pos = c.start
        if c.type == "DATE" and re.match(r"\d{4}(?:-\d\d|$)", v):
            st.year = int(v[:4])
            st.month = (st.year, int(v[5:7])) if len(v) >= 7 and v[5:7].isdigit() else None
        day = narrative_day(text, c.start, c.end, v) if c.type in ("DATE", "TIME") else None
        if day is not None:
            st.day = (day, c.start)
        elif c.type == "DATE" and re.fullmatch(r"\d{4}-\d\d", v):
            st.month_ref = (v, c.start)
        if c.kind in ("quarter", "qref") and re.fullmatch(r"\d{4}-Q[1-4]", v):
            st.named_quarter = (v, c.start)
        if c.type == "DATE" and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", v):
            st.months[int(v[5:7])] = (int(v[:4]), c.start)
        rng = {"range": v if c.parts else c.span, "range_start": c.start, "range_end": c.end}
        for s, e, pv in c.parts or [(c.start, c.end, v)]:  # a range's parts are expressions of their own
            row = {"start": s, "end": e, "text": text[s:e], "type": c.type, "value": pv, "mod": c.mod,
                   "anchor": anchor.isoformat() if anchor else None}
            out.append({**row, **rng} if rng["range"] else row)
    return out
