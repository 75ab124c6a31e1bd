"""Temporal-expression engine: find and normalise TIMEX3 expressions in news text.

Pure regex/rules (HeidelTime-style): a small grammar of pattern families over word lists
(``karabakh_cli/data/timex.json``) plus normalisation functions.  No spaCy, so it is cheap
enough to run at query time, and it never raises on any input.

Public API
----------
``extract_dates(text, *, anchor, skip=()) -> list[dict]``
    Every temporal expression in ``text`` in order of start offset.  Each dict has ``start``,
    ``end`` (``text[start:end]`` is the surface), ``text``, ``type`` (DATE, TIME, DURATION,
    SET), ``value`` (TIMEX3 value), ``mod`` (TimeML mod or None) and ``anchor`` (ISO date used
    for relative resolution, or None).  Expressions never overlap each other nor ``skip``.
    Relative expressions resolve against ``anchor`` (publication date); with ``anchor=None``
    the parts the text does not say stay as X's (``XXXX-11-09``, ``XXXX-WXX-7``, ``PAST_REF``).
    Ranges ("1992-1994", "from 1992 to 1994", "between May 3 and May 5") come out as one
    DATE whose value is ``a/b``.
``resolve_month_day(month, day, anchor, *, future=False) -> date``
    Most recent month/day not after ``anchor`` (or first not before it if ``future``).
``resolve_weekday(weekday, anchor, *, future=False) -> date``
    ISO weekday (1=Mon..7=Sun): the anchor itself if it matches, else nearest past/future.
``year_of_month_day(month, day, anchor, text="", start=0, end=0) -> int``
    Year the engine would choose for a month/day mention (tense-aware when text is given).

Conventions follow TimeBank/TempEval-3: extents exclude leading prepositions but include
determiners and modifiers ("early December" -> value 2020-12, mod START); "today" is the
anchor date, "now" PRESENT_REF, "recently" PAST_REF; decades are ``199``, centuries ``19`` (TIMEX3 truncated years).
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["extract_dates", "resolve_month_day", "resolve_weekday", "year_of_month_day"]

_DATA = json.loads((Path(__file__).resolve().parent.parent / "data" / "timex.json").read_text("utf-8"))
MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
NUMBERS: dict[str, int] = _DATA["numbers"]
ORDINALS: dict[str, int] = _DATA["ordinals"]
UNITS: dict[str, str] = _DATA["units"]
SEASONS: dict[str, str] = _DATA["seasons"]
DAY_PARTS: dict[str, str] = _DATA["day_parts"]
HOLIDAYS: dict[str, list[int]] = _DATA["holidays"]
FLOATING: dict[str, list[int]] = _DATA["floating_holidays"]
VAGUE: list[str] = _DATA["vague_numbers"]
TENSE_CUES: dict[str, list[str]] = _DATA["tense_cues"]

_MIN_YEAR, _MAX_YEAR = 1000, 2199


# --------------------------------------------------------------------------- regex fragments
def _alt(words: Sequence[str]) -> str:
    """Alternation, longest first so the regex engine prefers full words over prefixes."""
    return (
        "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)) + ")"
    )


_FULL_MONTHS = [m for m in MONTHS if (len(m) > 3 and m != "sept") or m == "may"]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = rf"(?:{_alt(_FULL_MONTHS)}|{_alt(_ABBR_MONTHS)}\.?)(?![a-z])"
_FULL_WD = [w for w in WEEKDAYS if w.endswith("day")]
WEEKDAY = rf"(?:{_alt(_FULL_WD)}|{_alt([w for w in WEEKDAYS if w not in _FULL_WD and len(w) > 3])}\.)(?![a-z])"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])(?!:\d)(?!,\d{3})(?!\.\d)"
ORD_DAY = _alt(list(ORDINALS))
YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)(?![\d%])(?!,\d)(?!\.\d)"
_UNIT_WORDS = _alt(list(UNITS))
_SMALL = [w for w in NUMBERS if " " not in w and w not in ("a", "an", "both", "single", "dozen")]
NUMWORD = rf"(?:{_alt(_SMALL)}(?:[\s-]+(?:and[\s-]+)?{_alt(_SMALL)})*)"
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+\d/\d)?|{NUMWORD}(?:\s+and\s+a\s+half)?"
    rf"|{_alt([w for w in NUMBERS if ' ' in w])}|a|an)"
)
_VAGUE = _alt(VAGUE)
SEASON = _alt(list(SEASONS))
DAYPART = _alt(list(DAY_PARTS))
TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time|[A-Z][a-z]+\s+time))"
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
_SPOKEN_UNITS = "one two three four five six seven eight nine".split()
_SPOKEN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_SP_2DIG = rf"(?:{_alt(_SPOKEN_TENS)}(?:[\s-]{_alt(_SPOKEN_UNITS)})?|{_alt(_TEENS)}|oh[\s-]{_alt(_SPOKEN_UNITS)})"
SPOKEN_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-]+{_SP_2DIG}|two\s+thousand(?:(?:\s+and)?[\s-]+(?:{_SP_2DIG}|{_alt(_SPOKEN_UNITS)}))?)"
    r"(?![\s-]+(?:hundred|thousand|million|percent|people|dollars)\b)"
)


# --------------------------------------------------------------------------- number helpers
def _words_to_num(s: str) -> float | None:
    """'twenty four' -> 24, '2 1/2' -> 2.5, 'a couple of' -> 2; None when not a number."""
    s = s.lower().strip().replace(",", "")
    if s in NUMBERS:
        return float(NUMBERS[s])
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", s)
    if m:
        try:
            v = float(m.group(1))
            if m.group(2) and int(m.group(3)):
                v += int(m.group(2)) / int(m.group(3))
            return v
        except (ValueError, OverflowError):
            return None
    half = 0.0
    if s.endswith(" and a half"):
        half, s = 0.5, s[: -len(" and a half")]
    total, cur = 0, 0
    for tok in re.split(r"[\s-]+", s):
        if tok == "and" or not tok:
            continue
        if tok == "hundred":
            cur = max(cur, 1) * 100
        elif tok == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        elif tok in NUMBERS:
            cur += NUMBERS[tok]
        else:
            return None
    return total + cur + half


def _spoken_year(s: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    toks = [t for t in re.split(r"[\s-]+", s.lower()) if t and t != "and"]
    if len(toks) >= 2 and toks[0] == "two" and toks[1] == "thousand":
        rest = _words_to_num(" ".join(toks[2:])) if toks[2:] else 0
        return 2000 + int(rest or 0)
    if toks and toks[0] in ("nineteen", "eighteen", "twenty"):
        head = NUMBERS[toks[0]]
        tail = toks[1:]
        if tail and tail[0] == "oh":
            tail = tail[1:]
        rest = _words_to_num(" ".join(tail)) if tail else None
        if rest is None or rest >= 100:
            return None
        return head * 100 + int(rest)
    return None


def _year_of(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    return _spoken_year(s)


def _month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".").strip()]


def _day_of(s: str) -> int:
    s = s.lower().strip()
    if s in ORDINALS:
        return ORDINALS[s]
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


# --------------------------------------------------------------------------- calendar helpers
def _valid(y: int, m: int, d: int) -> bool:
    return _MIN_YEAR <= y <= _MAX_YEAR and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def resolve_month_day(month: int, day: int, anchor: date, *, future: bool = False) -> date:
    """Most recent (or, if ``future``, next) valid ``month``/``day`` relative to ``anchor``.

    The anchor day itself counts in both directions; Feb 29 skips to a leap year.
    Raises ValueError only for an impossible month/day (e.g. 2/30).
    """
    if (
        not (1 <= month <= 12 and 1 <= day <= 31)
        or (month == 2 and day > 29)
        or day > calendar.monthrange(2000, month)[1]
    ):
        raise ValueError(f"no such day: {month}/{day}")
    step = 1 if future else -1
    y = anchor.year
    for _ in range(10):
        if _valid(y, month, day):
            d = date(y, month, day)
            if (d >= anchor) if future else (d <= anchor):
                return d
        y += step
    raise ValueError("out of range")


def resolve_weekday(weekday: int, anchor: date, *, future: bool = False) -> date:
    """ISO weekday (1=Mon..7=Sun) nearest ``anchor`` in the given direction (anchor included)."""
    delta = (weekday - anchor.isoweekday()) % 7
    if future:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)


def _shift_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _fmt_date(d: date) -> str:
    return d.isoformat()


def _add_days(d: date, n: int) -> date | None:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return None


def _nth_weekday(y: int, m: int, wd: int, n: int) -> date:
    """n-th (or last when n<0) ISO weekday of a month; for floating holidays."""
    days = [d for d in range(1, calendar.monthrange(y, m)[1] + 1) if date(y, m, d).isoweekday() == wd]
    return date(y, m, days[n - 1] if n > 0 else days[n])


# --------------------------------------------------------------------------- tense
_CUE_KIND = {w.lower(): k for k, ws in TENSE_CUES.items() for w in ws}
_CUE_RE = re.compile(r"(?<![\w'])(" + _alt(list(_CUE_KIND)) + r"|\w{3,}ed)(?![\w'])|('ll)\b", re.I)


_NOT_VERBS = {
    "hundred",
    "indeed",
    "need",
    "speed",
    "seed",
    "red",
    "bed",
    "proceed",
    "succeed",
    "exceed",
    "breed",
    "feed",
    "greed",
    "weed",
    "deed",
    "shed",
    "sled",
    "united",
    "limited",
    "related",
    "so-called",
    "detailed",
    "armed",
    "interested",
    "concerned",
    "supposed",
    "based",
    "advanced",
    "experienced",
    "qualified",
    "skilled",
}


_ADJACENT_ONLY = {"by", "until", "till"}
_AUX_REACH = 25  # characters between an auxiliary ("will", "had been") and the weak verb cue it governs
_ADJ_GAP = re.compile(r"\s+(?:(?:early|mid|late|the\s+end\s+of|the\s+middle\s+of)[\s-]*)?", re.I)


def _tense(text: str, start: int, end: int) -> str | None:
    """Kind of the nearest tense cue in the sentence: future_strong/_weak, past_strong/_weak.

    Why: news resolves bare dates to the past unless the verb is future ("will meet on
    November 9"); the closest auxiliary/verb decides, and weak cues ("said", "-ed", "by")
    can be overruled by calendar distance.
    """
    lo = max(0, start - 160)
    left = text[lo:start]
    cut = max(left.rfind("\n"), *(left.rfind(p) for p in (". ", "? ", "! ", '." ', "; ")))
    if cut >= 0:
        prev = left[:cut].split()[-1:] if left[:cut].split() else []
        if not (prev and (prev[0].lower().rstrip(".") in MONTHS or len(prev[0]) <= 2)):
            left = left[cut + 1 :]
            lo = start - len(left)
    right = text[end : end + 120]
    m = re.search(r"[.!?](\s|$)|\n", right)
    if m:
        right = right[: m.start()]
    best: tuple[int, str] | None = None
    strong_left: list[tuple[int, str]] = []  # (end offset, kind) of auxiliaries before the date
    best_pos = -1
    for seg, base, sign in ((left, lo, -1), (right, end, 1)):
        for cm in _CUE_RE.finditer(seg):
            raw = cm.group(1) or cm.group(2) or ""
            word = re.sub(r"\s+", " ", raw.lower())
            if word not in _CUE_KIND and (raw[0].isupper() or word in _NOT_VERBS):
                continue
            if word in _ADJACENT_ONLY and (sign > 0 or not _ADJ_GAP.fullmatch(text, base + cm.end(), start)):
                continue  # "by May" is a deadline; "hampered by problems ... in May" is not
            pos = base + cm.start()
            dist = (start - pos - len(word)) if sign < 0 else (pos - end) + 15  # verbs before the date bind tighter
            kind = _CUE_KIND.get(word, "future_strong" if word == "'ll" else "past_weak")
            if sign < 0 and (kind == "future_strong" or word in ("had", "had been")):
                strong_left.append((pos + len(word), kind))
            if best is None or dist < best[0]:
                best = (dist, kind)
                best_pos = pos if sign < 0 else -1
    if best and best[1].endswith("weak") and best_pos >= 0:
        # an auxiliary governs the verb after it: "had been due to expire Friday", "will begin ... on Friday"
        gov = [k for e, k in strong_left if 0 <= best_pos - e <= _AUX_REACH and "," not in text[e:best_pos]]
        if gov:
            return gov[-1]
    return best[1] if best else None


def _choose_future(tense: str | None, days_past: float, days_future: float) -> bool:
    """Past or future reading: strong cues win; weak or no cues yield to calendar distance."""
    if tense == "future_strong":
        return True
    if tense == "past_strong":
        return False
    if tense == "future_weak":
        return not days_past * 4 < days_future
    if tense == "past_weak":
        return days_future * 4 < days_past
    return days_future * 2 < days_past


def year_of_month_day(month: int, day: int, anchor: date, text: str = "", start: int = 0, end: int = 0) -> int:
    """Year for a bare month/day mention: tense first, else the nearer of past/future."""
    t = _tense(text, start, end) if text else None
    try:
        past = resolve_month_day(month, day, anchor)
        fut = resolve_month_day(month, day, anchor, future=True)
    except ValueError:
        return anchor.year
    if past == anchor:
        return anchor.year
    return fut.year if _choose_future(t, (anchor - past).days, (fut - anchor).days) else past.year


# --------------------------------------------------------------------------- candidates
@dataclass
class _State:
    """Document-level memory: the last quarter/period mentioned (financial news refers back)."""

    quarter: tuple[int, int] | None = None
    quarter_pos: int = 0
    year: int | None = None
    month: tuple[int, int] | None = None


def _near_anchor_quarter(v: str, anchor: date | None) -> bool:
    """Only quarters within a year of publication can be the report's subject period."""
    if anchor is None:
        return True
    return abs(int(v[:4]) * 4 + int(v[-1]) - (anchor.year * 4 + (anchor.month + 2) // 3)) <= 4


_FIRST_QUARTER_WINS = True  # a report's first quarter mention is its subject ("third-quarter net rose ...")
_STATE_REACH = 2500  # characters a quarter mention stays the document's reference period


Value = str | Callable[[_State], str]


@dataclass
class _Cand:
    start: int
    end: int
    type: str
    value: Value
    mod: str | None = None
    prio: int = 5
    kind: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class _Ctx:
    text: str
    anchor: date | None


Handler = Callable[[re.Match, _Ctx], "_Cand | None"]
# (pattern, handler, priority, the pattern without IGNORECASE for scanning lower-cased text)
_RULES: list[tuple[re.Pattern, Handler, int, re.Pattern | None]] = []


def rule(pattern: str, prio: int = 5, flags: int = re.I) -> Callable[[Handler], Handler]:
    """Register a pattern family; the handler normalises a match (or rejects it with None)."""

    def deco(fn: Handler) -> Handler:
        full = r"(?<![\w$£€#/])" + pattern + r"(?!\w)"
        twin = re.compile(full, flags & ~re.I) if flags & re.I and not _spells_upper(full) else None
        _RULES.append((re.compile(full, flags), fn, prio, twin))
        return fn

    return deco


def _spells_upper(pattern: str) -> bool:
    """Does the pattern spell an upper-case letter ("FY", "[T ]", "GMT")? Then a case-sensitive twin
    would miss it in lower-cased text, and the rule scans the original text instead."""
    bare = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern)
    return re.search(r"[A-Z]", bare) is not None


def _finditer(rx: re.Pattern, rx_low: re.Pattern | None, text: str, low: str | None) -> Iterator[re.Match]:
    """`rx.finditer(text)`, faster: sre scans ~40% faster without IGNORECASE, so a case-insensitive
    rule scans the lower-cased text with its case-sensitive twin and re-reads each hit from `text`
    (handlers look at the original case: "May" the month, "may" the verb)."""
    if rx_low is None or low is None:
        yield from rx.finditer(text)
        return
    for hit in rx_low.finditer(low):
        m = rx.match(text, hit.start())
        if m is not None:
            yield m


def _c(m: re.Match, typ: str, value: Value, mod: str | None = None, kind: str = "", group: str | None = None) -> _Cand:
    s, e = m.span(group) if group and m.group(group) else m.span()
    return _Cand(s, e, typ, value, mod, kind=kind)


def _future(ctx: _Ctx, m: re.Match) -> bool:
    return (_tense(ctx.text, m.start(), m.end()) or "").startswith("future")


def _month_day_value(ctx: _Ctx, m: re.Match, mo: int, d: int, wd: int | None = None) -> str | None:
    if not (1 <= d <= 31) or d > calendar.monthrange(2000, mo)[1]:
        return None
    if ctx.anchor is None:
        return f"XXXX-{mo:02d}-{d:02d}"
    if wd is not None:  # "Saturday, April 25": pick the year whose weekday agrees
        for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            if _valid(y, mo, d) and date(y, mo, d).isoweekday() == wd:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    y = year_of_month_day(mo, d, ctx.anchor, ctx.text, m.start(), m.end())
    if not _valid(y, mo, d):
        return f"{y:04d}-{mo:02d}-{d:02d}" if mo == 2 and d == 29 else None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _full_date(y: int, mo: int, d: int) -> str | None:
    if not (1 <= mo <= 12 and 1 <= d <= 31) or d > calendar.monthrange(2000, mo)[1]:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _wd_of(s: str | None) -> int | None:
    if not s:
        return None
    return WEEKDAYS.get(s.lower().rstrip(".").rstrip(","))


# ---- explicit calendar dates -------------------------------------------------------------
@rule(r"(?P<y>\d{4})-(?P<mo>\d\d)-(?P<d>\d\d)(?:[T ](?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?", 1)
def _iso(m: re.Match, ctx: _Ctx) -> _Cand | None:
    v = _full_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if v is None:
        return None
    if m["H"]:
        return _c(m, "TIME", f"{v}T{m['H']}:{m['M']}")
    return _c(m, "DATE", v)


@rule(r"(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d\d)", 1)
def _slash(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 30 else 2000
    v = _full_date(y, int(m["mo"]), int(m["d"]))
    return _c(m, "DATE", v) if v else None


@rule(
    rf"(?:(?:this\s+coming|this|next|last)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mo>{MONTH})\s+(?:the\s+)?(?P<d>{DAY}|{ORD_DAY})(?:,?\s+(?P<y>{YEAR}|{SPOKEN_YEAR}))?",
    2,
)
def _month_day(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d = _month_of(m["mo"]), _day_of(m["d"])
    if m["mo"].lower() in ("may", "march") and not m["d"][0].isdigit() and not m["y"]:
        return None
    if m["y"]:
        y = _year_of(m["y"])
        v = _full_date(y, mo, d) if y else None
    else:
        v = _month_day_value(ctx, m, mo, d, _wd_of(m["wd"]))
    return _c(m, "DATE", v) if v else None


@rule(
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAY}|{ORD_DAY})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<y>{YEAR}))?",
    2,
)
def _day_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d = _month_of(m["mo"]), _day_of(m["d"])
    if m["mo"].lower() == "may" and not m["mo"][0].isupper():
        return None
    if m["y"]:
        v = _full_date(int(m["y"]), mo, d)
    else:
        v = _month_day_value(ctx, m, mo, d, _wd_of(m["wd"]))
    return _c(m, "DATE", v) if v else None


@rule(rf"(?P<mo>{MONTH})\s+(?P<d1>{DAY})\s*(?:-|–|—|to|through|and)\s*(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?", 1)
def _month_day_span(m: re.Match, ctx: _Ctx) -> _Cand | None:
    mo, d1, d2 = _month_of(m["mo"]), _day_of(m["d1"]), _day_of(m["d2"])
    if d2 <= d1:
        return None
    if m["y"]:
        a, b = _full_date(int(m["y"]), mo, d1), _full_date(int(m["y"]), mo, d2)
    else:
        a = _month_day_value(ctx, m, mo, d1)
        b = a[:-2] + f"{d2:02d}" if a and _full_date(2000, mo, d2) else None
    return _c(m, "DATE", f"{a}/{b}") if a and b else None


@rule(rf"(?P<mo>{MONTH})(?:\s+of)?,?\s+(?:the\s+year\s+)?(?P<y>{YEAR}|{SPOKEN_YEAR}|'\d\d)", 2)
def _month_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m["mo"].lower() in ("may", "march") and not m["mo"][0].isupper():
        return None
    ys = m["y"]
    y = 1900 + int(ys[1:]) if ys.startswith("'") else _year_of(ys)
    if y is None:
        return None
    if ys.startswith("'") and y < 1930:
        y += 100
    return _c(m, "DATE", f"{y:04d}-{_month_of(m['mo']):02d}")


@rule(rf"(?P<mo>{MONTH})\s+(?P<rel>this|last|next)\s+year", 2)
def _month_rel_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if ctx.anchor is None:
        return _c(m, "DATE", f"XXXX-{_month_of(m['mo']):02d}")
    y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _c(m, "DATE", f"{y:04d}-{_month_of(m['mo']):02d}")


def _resolve_month(ctx: _Ctx, m: re.Match, mo: int, rel: str | None) -> str:
    if ctx.anchor is None:
        return f"XXXX-{mo:02d}"
    a = ctx.anchor
    rel = (rel or "").lower()
    if rel == "this":
        y = a.year
    elif rel in ("last", "past", "previous"):
        y = a.year if mo < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if mo > a.month else a.year + 1
    else:
        dp, df = (a.month - mo) % 12, (mo - a.month) % 12
        if dp == 0:
            y = a.year
        elif _choose_future(_tense(ctx.text, m.start(), m.end()), dp, df):
            y = a.year if mo > a.month else a.year + 1
        else:
            y = a.year if mo < a.month else a.year - 1
    return f"{y:04d}-{mo:02d}"


@rule(rf"(?:(?P<rel>this\s+coming|this|last|next|past|previous|coming)\s+)?(?P<mo>{MONTH})", 4)
def _month_alone(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m["mo"]
    if not w[0].isupper():
        return None
    low = w.lower().rstrip(".")
    if low in _ABBR_MONTHS and not w.endswith("."):
        return None
    if low in ("may", "march") and not m["rel"]:
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(in|since|until|till|by|early|late|mid-?|of|before|after|during|through|from|to|and)\s*$", before
        ):
            return None
    if low in ("sept", "sep", "dec", "jan", "feb", "oct", "nov", "aug", "apr", "jun", "jul", "mar") and re.match(
        r"\.\s*\d", ctx.text[m.end() - 1 : m.end() + 3]
    ):
        return None
    return _c(m, "DATE", _resolve_month(ctx, m, _month_of(w), m["rel"] and re.sub(r"\s+", " ", m["rel"])))


# ---- years, decades, centuries ---------------------------------------------------------
_YEAR_BAD_AFTER = re.compile(
    r"\s*(?:%|percent|per\s*cent|(?:troops|people|soldiers|tons|tonnes|km|meters|metres|feet|miles|dollars|units|cars|votes|seats|members|hectares|pounds|euros|rubles)\b)",
    re.I,
)


@rule(rf"(?:(?P<fis>fiscal(?:\s+year)?|calendar(?:\s+year)?|FY|the\s+year|model\s+year)\s*)?(?P<y>{YEAR})(?:'s)?", 6)
def _year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    before = ctx.text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[\d,.:$]\s?$", before) and not m["fis"]:
        return None
    if _YEAR_BAD_AFTER.match(ctx.text, m.end()):
        return None
    if not m["fis"] and (y < 1500 or (ctx.anchor and y > ctx.anchor.year + 30) or y > 2100):
        return None
    return _c(m, "DATE", f"{y:04d}")


@rule(rf"(?:the\s+year\s+)?(?P<y>{SPOKEN_YEAR})", 6)
def _spoken(m: re.Match, ctx: _Ctx) -> _Cand | None:
    y = _spoken_year(m["y"])
    if y is None or not (1800 <= y <= 2100):
        return None
    if not m.group(0).lower().startswith("the year") and not re.search(
        r"(?:in|of|since|until|by|from|to|and|year|spring|summer|fall|autumn|winter)\s*$",
        ctx.text[max(0, m.start() - 12) : m.start()],
        re.I,
    ):
        return None
    return _c(m, "DATE", f"{y:04d}")


@rule(r"(?:(?:the|this)\s+)?(?:(?:early|mid|late)[\s-]*)?(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s", 3)
def _decade(m: re.Match, ctx: _Ctx) -> _Cand | None:
    d = m["dec"]
    w = m.group(0).lower()
    mod = "START" if "early" in w else "END" if "late" in w else "MID" if "mid" in w else None
    if d.startswith("'"):
        cent = 19 if int(d[1]) >= 2 else 20
        return _c(m, "DATE", f"{cent}{d[1]}", mod, kind="decade")
    return _c(m, "DATE", d[:3], mod, kind="decade")  # TIMEX3: a decade is the truncated year "199"


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


@rule(
    r"the\s+(?:(?:nineteen|eighteen)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    3,
)
def _decade_words(m: re.Match, ctx: _Ctx) -> _Cand | None:
    cent = "18" if "eighteen" in m.group(0).lower() else "19"
    return _c(m, "DATE", f"{cent}{_DECADE_WORDS[m['w'].lower()]}")


@rule(rf"(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORD_DAY})[\s-]+century", 3)
def _century(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _day_of(m["n"])
    if not 1 <= n <= 22:
        return None
    return _c(m, "DATE", f"{n - 1:02d}")  # TIMEX3: the 20th century is "19"


@rule(
    r"(?:this|the\s+(?:current|present|last|past|previous)|last|next|the\s+next|the\s+new)\s+(?P<u>century|decade|millennium)",
    4,
)
def _rel_century(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    w = m.group(0).lower()
    u = m["u"].lower()
    if a is None:
        return _c(m, "DATE", "PAST_REF" if ("last" in w or "past" in w) else "PRESENT_REF")
    k = -1 if ("last" in w or "past" in w or "previous" in w) else (1 if ("next" in w or "new" in w) else 0)
    if u == "decade":
        if (
            w.startswith("the")
            and k == -1
            and re.search(
                r"\b(over|for|during|throughout|within)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
            )
        ):
            return _c(m, "DURATION", "P10Y")
        return _c(m, "DATE", f"{a.year // 10 + k:03d}")
    if u == "century":
        return _c(m, "DATE", f"{a.year // 100 + k:02d}")
    return _c(m, "DATE", f"{a.year // 1000 + k}")


# ---- spans of years ---------------------------------------------------------------------
@rule(rf"(?P<a>{YEAR})\s*(?:-|–|—|/)\s*(?P<b>{YEAR}|\d\d(?![\d%]))", 1)
def _year_span(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = int(m["a"])
    b = int(m["b"]) if len(m["b"]) == 4 else (a // 100) * 100 + int(m["b"])
    if b <= a or b - a > 200 or a < 1500:
        return None
    if _YEAR_BAD_AFTER.match(ctx.text, m.end()):
        return None
    return _c(m, "DATE", f"{a:04d}/{b:04d}")


# ---- seasons -----------------------------------------------------------------------------
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@rule(
    rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming|the)\s+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR}|{SPOKEN_YEAR}))?",
    4,
)
def _season(m: re.Match, ctx: _Ctx) -> _Cand | None:
    s = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower().split()
    if m["y"]:
        y = _year_of(m["y"])
        return _c(m, "DATE", f"{y:04d}-{s}") if y else None
    if not rel:
        before = ctx.text[max(0, m.start() - 10) : m.start()].lower()
        if not re.search(r"\b(early|late|mid-?|in|during|this|last|next|by|until|since)\s*$", before) or m[
            "s"
        ].lower() in ("fall", "spring"):
            return None
    nxt = ctx.text[m.end() : m.end() + 12].lower()
    if rel == ["the"] and re.match(r"\s+of\b", nxt):
        return None
    if (
        rel == ["the"]
        and m["s"].lower() in ("fall", "spring")
        and not re.search(
            r"\b(in|during|by|until|since|this|last|early|late)\s*$",
            ctx.text[max(0, m.start() - 10) : m.start()].lower(),
        )
    ):
        return None
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", f"XXXX-{s}")
    cur_season_year = a.year
    start_m = _SEASON_START[s]
    if rel and rel[-1] in ("last", "past") or rel[:2] == ["this", "past"]:
        y = a.year if (start_m + 3 <= a.month and s != "WI") else a.year - 1
    elif rel and rel[-1] in ("next", "coming"):
        y = a.year if start_m > a.month else a.year + 1
    elif rel == ["this"]:
        y = cur_season_year
    else:
        fut = _future(ctx, m)
        y = (a.year if start_m >= a.month else a.year + 1) if fut else (a.year if start_m <= a.month else a.year - 1)
    return _c(m, "DATE", f"{y:04d}-{s}")


# ---- quarters and halves -------------------------------------------------------------------
_ORDQ = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
    "last": 4,
}


def _quarter_year(ctx: _Ctx, m: re.Match, q: int) -> int | None:
    a = ctx.anchor
    if a is None:
        return None
    cur = (a.month - 1) // 3 + 1
    if q <= cur:
        return a.year
    return a.year + 1 if _future(ctx, m) else a.year - 1


@rule(
    rf"(?:(?P<yr>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:the\s+|a\s+\w+\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(?P<ago>year-ago|year-earlier|year\s+ago|prior-year|previous-year)\s+)?(?:(?:fiscal|calendar)\s+)?"
    rf"(?P<o>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\s+|-)(?:fiscal\s+)?quarter"
    rf"(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:(?P<yr2>{YEAR})|(?P<rel2>this|last|next)\s+year))?",
    2,
)
def _quarter(m: re.Match, ctx: _Ctx) -> _Cand | None:
    q = _ORDQ[m["o"].lower()]
    yr = m["yr"] or m["yr2"]
    rel = (m["rel"] or m["rel2"] or "").lower()
    if yr:
        y: int | None = int(yr)
    elif rel and ctx.anchor:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[rel]
    else:
        y = _quarter_year(ctx, m, q)
        if y and m["ago"]:
            y -= 1
    v = f"{y:04d}-Q{q}" if y else f"XXXX-Q{q}"
    c = _c(m, "DATE", v, kind="qref" if m["ago"] else "quarter")
    if (
        re.match(r"(?:the|a)\s", m.group(0), re.I)
        and "-" in m.group(0)[m.start("o") - m.start() :]
        and re.match(r"\s+[a-z]", ctx.text[m.end() : m.end() + 2])
        and not m["ago"]
    ):
        c.start = m.start("o")  # "the third-quarter loss": TimeBank marks only the adjective
    return c


@rule(rf"Q(?P<q>[1-4])(?:\s+|-|/)?(?P<y>{YEAR}|'?\d\d)|(?P<y2>{YEAR})\s*-?Q(?P<q2>[1-4])", 2, 0)
def _quarter_code(m: re.Match, ctx: _Ctx) -> _Cand | None:
    q = int(m["q"] or m["q2"])
    ys = (m["y"] or m["y2"]).lstrip("'")
    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
    return _c(m, "DATE", f"{y:04d}-Q{q}", kind="quarter")


_ENDED = re.compile(
    rf",?\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through)\s+(?P<mo>{MONTH})\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?",
    re.I,
)


@rule(
    r"(?P<det>the|this|last|next|that|its|a)\s+(?:(?P<adj>latest|recent|current|same|(?:comparable|corresponding|same)\s+year-(?:ago|earlier)|comparable|corresponding|previous|prior|preceding|past|year-ago|year-earlier|most\s+recent|just-ended|just\s+ended|fiscal|flat|strong|weak|latest\s+fiscal|(?:1[0-9]|20)\d\d)\s+)?(?P<u>quarter|period)(?:\s+(?:a\s+year\s+(?:earlier|ago|before)|(?P<ly>last\s+year)))?",
    5,
)
def _the_quarter(m: re.Match, ctx: _Ctx) -> _Cand | None:
    det = m["det"].lower()
    adj = re.sub(r"\s+", " ", (m["adj"] or "").lower())
    u = m["u"].lower()
    ended = _ENDED.match(ctx.text, m.end())
    if ended and not adj.startswith(("year", "prior", "previous")) and "year" not in adj:
        mo, d = _month_of(ended["mo"]), _day_of(ended["d"])
        y = int(ended["y"]) if ended["y"] else None
        if y is None and ctx.anchor is not None:
            y = year_of_month_day(mo, d, ctx.anchor, ctx.text, m.start(), m.end())
        if y is not None and _valid(y, mo, d):
            return _c(m, "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", kind="quarter")
    if u == "period" and not adj:
        return None
    if det == "a" and adj not in ("flat", "strong", "weak"):
        return None
    a = ctx.anchor
    ago = "year-" in adj or bool(m["ly"]) or "year" in m.group(0).lower()[-12:]
    if adj.isdigit():
        yr = int(adj)

        def fixed(st: _State) -> str:
            return f"{yr:04d}-Q{st.quarter[1]}" if st.quarter else f"{yr:04d}"

        return _c(m, "DATE", fixed, kind="qref")
    if a is None and det in ("this", "last", "next"):
        return _c(m, "DATE", "XXXX-QX", kind="quarter")
    if det in ("this", "next", "last") and u == "quarter" and not adj:
        cur = (a.month - 1) // 3 + 1  # type: ignore[union-attr]
        y, mo = _shift_months(a.year, (cur - 1) * 3 + 1, {"this": 0, "next": 3, "last": -3}[det])  # type: ignore[union-attr]
        return _c(m, "DATE", f"{y:04d}-Q{(mo - 1) // 3 + 1}", kind="quarter")
    if adj == "current" and a:
        return _c(m, "DATE", f"{a.year:04d}-Q{(a.month - 1) // 3 + 1}", kind="quarter")

    latest = adj in ("latest", "most recent", "just-ended", "just ended", "latest fiscal", "recent")

    def ref(st: _State) -> str:
        if st.quarter and not latest and m.start() - st.quarter_pos < _STATE_REACH:
            y, q = st.quarter
        elif a:
            y, mo = _shift_months(a.year, a.month, -3)
            q = (mo - 1) // 3 + 1
        else:
            return "XXXX-QX"
        return f"{y - 1 if ago else y:04d}-Q{q}"

    return _c(m, "DATE", ref, kind="qref" if ago else "quarter")


@rule(
    rf"(?:(?P<yr>{YEAR})(?:'s)?\s+|(?P<rel>this|last|next)\s+year's\s+)?(?:the\s+)?(?P<o>first|second|1st|2nd|last|latter)(?:\s+|-)half(?:\s+of\s+(?:(?P<yr2>{YEAR})|(?P<rel2>this|last|next)\s+year))?",
    3,
)
def _half(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = 1 if m["o"].lower() in ("first", "1st") else 2
    if m["o"].lower() in ("last", "latter") and not (m["yr"] or m["yr2"]):
        return None
    yr = m["yr"] or m["yr2"]
    rel = (m["rel"] or m["rel2"] or "").lower()
    a = ctx.anchor
    if yr:
        y: int | None = int(yr)
    elif a:
        y = a.year + {"this": 0, "last": -1, "next": 1, "": 0}[rel]
        if not rel and h == 2 and a.month <= 6 and not _future(ctx, m):
            y -= 1
    else:
        y = None
    nxt = ctx.text[m.end() : m.end() + 10].lower()
    if (
        not yr
        and not rel
        and not re.match(
            r"\s*(of\s+(the\s+)?(year|season|decade|century))?\s*[,.;]|\s+(results|profit|earnings|sales|loss|revenue|growth)",
            nxt,
        )
        and " of " not in m.group(0)
    ):
        return None
    return _c(m, "DATE", f"{y:04d}-H{h}" if y else f"XXXX-H{h}")


@rule(r"(?:a\s+)?year[\s-](?P<w>earlier|ago|before)", 3)
def _year_earlier(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    nxt = ctx.text[m.end() : m.end() + 12]
    adjectival = "-" in m.group(0) and not m.group(0).lower().startswith("a ")
    if adjectival and re.match(r"\s+(quarter|period)", nxt, re.I):
        return None  # handled by the quarter/period rule

    def ref(st: _State) -> str:
        if st.quarter and m.start() - st.quarter_pos < _STATE_REACH:
            return f"{st.quarter[0] - 1:04d}-Q{st.quarter[1]}"
        return f"{a.year - 1:04d}" if a else "PAST_REF"

    c = _c(m, "DATE", ref, kind="qref")
    if adjectival is False and "-" in m.group(0) and m.group(0).lower().startswith("a "):
        c.start = m.start() + 2
    return c


# ---- relative days / weeks / months / years ------------------------------------------------
@rule(
    r"(?P<w>today|tonight|yesterday|tomorrow|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow)(?:'s)?(?:\s+(?P<p>"
    + DAYPART
    + r"))?",
    3,
)
def _deictic(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m["w"].lower()).removeprefix("the ")
    off = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "day before yesterday": -2,
        "day after tomorrow": 2,
    }[w]
    part = DAY_PARTS.get(re.sub(r"\s+", " ", m["p"].lower())) if m["p"] else ("NI" if w == "tonight" else None)
    if w == "today" and ctx.text[m.end() : m.end() + 2] == "'s" and not part:
        return (
            _c(m, "DATE", "PRESENT_REF")
            if re.match(r"'s\s+(world|society|economy|standards|market|youth)", ctx.text[m.end() : m.end() + 20])
            else None
        )
    if ctx.anchor is None:
        d = {0: "PRESENT_REF", -1: "PAST_REF", 1: "FUTURE_REF", -2: "PAST_REF", 2: "FUTURE_REF"}[off]
        return _c(m, "TIME" if part else "DATE", d)
    d2 = _add_days(ctx.anchor, off)
    if d2 is None:
        return None
    return _c(m, "TIME" if part else "DATE", _fmt_date(d2) + (f"T{part}" if part else ""))


@rule(r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<p>morning|afternoon|evening|night)", 2)
def _this_morning(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel = m["rel"].lower()
    off = {"this": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    p = DAY_PARTS[m["p"].lower()]
    if rel == "last" and p != "NI":
        return None
    if ctx.anchor is None:
        return _c(m, "TIME", f"XXXX-XX-XXT{p}")
    d = _add_days(ctx.anchor, off)
    return _c(m, "TIME", f"{_fmt_date(d)}T{p}") if d else None


@rule(
    r"(?:(?P<the>the)\s+)?(?P<rel>this|last|next|past|coming|previous|following|current|present)\s+(?P<u>week|month|year|weekend|fortnight)",
    3,
)
def _rel_unit(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel, u = m["rel"].lower(), m["u"].lower()
    a = ctx.anchor
    if m["the"] and rel in ("past", "last") and u == "year" and a is not None:
        return _c(m, "DATE", f"{a.year - 1:04d}")  # TimeBank reads "the past year" as last calendar year
    if m["the"] and rel in ("past", "last", "next", "coming", "previous", "following"):
        if rel in ("previous", "following"):
            return _c(
                m,
                "DATE",
                {
                    "week": "XXXX-WXX",
                    "month": "XXXX-XX",
                    "year": "XXXX",
                    "weekend": "XXXX-WXX-WE",
                    "fortnight": "XXXX-WXX",
                }[u],
            )
        return _c(
            m, "DURATION", {"week": "P1W", "month": "P1M", "year": "P1Y", "weekend": "P2D", "fortnight": "P2W"}[u]
        )
    if rel in ("previous", "following"):
        return None
    k = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[rel]
    if a is None:
        return _c(m, "DATE", "PRESENT_REF" if k == 0 else ("PAST_REF" if k < 0 else "FUTURE_REF"))
    if u == "year":
        return _c(m, "DATE", f"{a.year + k:04d}")
    if u == "month":
        y, mo = _shift_months(a.year, a.month, k)
        return _c(m, "DATE", f"{y:04d}-{mo:02d}")
    if u in ("week", "fortnight"):
        d = _add_days(a, 7 * k)
        return _c(m, "DATE", _iso_week(d)) if d else None
    # weekend: the one just past unless "next"/future
    wd = a.isoweekday()
    if k == 0:
        base = a if wd >= 6 else (_add_days(a, 6 - wd) if _future(ctx, m) else _add_days(a, -wd))
    elif k < 0:
        base = _add_days(a, -wd) if wd >= 6 else _add_days(a, -wd)
    else:
        base = _add_days(a, 7 - wd + 6) if wd < 6 else _add_days(a, 7)
    return _c(m, "DATE", _iso_week(base) + "-WE") if base else None


@rule(r"(?:that|the\s+(?:same|following|previous|preceding|next))\s+month", 5)
def _narrative_month(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m.group(0).lower()
    k = 1 if ("following" in w or "next" in w) else (-1 if ("previous" in w or "preceding" in w) else 0)

    def val(st: _State) -> str:
        if st.month:
            y, mo = _shift_months(st.month[0], st.month[1], k)
            return f"{y:04d}-{mo:02d}"
        return "XXXX-XX"

    return _c(m, "DATE", val)


@rule(r"(?:the\s+)?(?:year[\s-]end|year's\s+end|end[\s-]of[\s-](?:the[\s-])?year)", 4)
def _year_end(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if re.match(r"\s+(results|figures|bonus)", ctx.text[m.end() : m.end() + 10], re.I):
        return None
    a = ctx.anchor
    return _c(m, "DATE", f"{a.year:04d}" if a else "XXXX", "END")


@rule(
    r"future(?=\s*[,.;:!?)\"'’]|\s*$|\s+(?:away|of|is|was|will|would|and|or|in|to|for|with|at|on|as|remains|looks|lies|depends|hangs|seems)\b)",
    6,
)
def _future_noun(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """Noun "future" after a possessive ("Elian's future", "its future is uncertain") is FUTURE_REF."""
    if not re.search(
        r"(?:['’]s|\b(?:its|their|his|her|our|your|my))\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I
    ):
        return None
    return _c(m, "DATE", "FUTURE_REF")


@rule(r"(?P<w>current|recent)(?=\s+[a-z])", 8, 0)
def _ref_adj(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """Adjectival "current"/"recent" ("current market conditions", "the recent sale") are PRESENT_REF/PAST_REF.

    Why: TimeBank tags them in most uses; adjectival "future" ("future earnings") it mostly leaves out.
    """
    if re.search(r"\b(then|most|more)\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None
    return _c(m, "DATE", "PRESENT_REF" if m["w"] == "current" else "PAST_REF")


@rule(r"the\s+weekend", 4)
def _the_weekend(m: re.Match, ctx: _Ctx) -> _Cand | None:
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", "XXXX-WXX-WE")
    wd = a.isoweekday()
    if wd >= 6:
        base = a
    elif _future(ctx, m):
        base = _add_days(a, 6 - wd)
    else:
        base = _add_days(a, -wd)
    return _c(m, "DATE", _iso_week(base) + "-WE") if base else None


def _weekday_value(ctx: _Ctx, m: re.Match, wd: int, rel: str) -> str | None:
    a = ctx.anchor
    if a is None:
        return f"XXXX-WXX-{wd}"
    rel = rel.lower()
    if rel == "last":
        d = resolve_weekday(wd, a - timedelta(days=1))
    elif rel in ("next", "this coming", "coming"):
        d = resolve_weekday(wd, a + timedelta(days=1), future=True)
    elif rel == "this":
        d = a + timedelta(days=wd - a.isoweekday())
    else:
        dp, df = (a.isoweekday() - wd) % 7, (wd - a.isoweekday()) % 7
        t = _tense(ctx.text, m.start(), m.end())
        possessive = m.group(0).endswith(("'s", "’s")) or ctx.text[m.end() : m.end() + 2] in ("'s", "’s")
        fut = dp != 0 and not possessive and t in ("future_strong", "future_weak") and _choose_future(t, dp, df)
        d = resolve_weekday(wd, a, future=fut)
    return _fmt_date(d)


@rule(
    rf"(?:(?P<rel>this\s+coming|this\s+past|this|last|next|coming|past)\s+)?(?P<wd>{WEEKDAY})(?:'s)?(?:\s+(?P<p>{DAYPART}))?",
    4,
)
def _weekday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m["wd"]
    if not w[0].isupper():
        return None
    rel = re.sub(r"\s+", " ", (m["rel"] or "")).lower()
    if rel == "this past":
        rel = "last"
    if rel == "past":
        return None
    wd = _wd_of(w)
    if wd is None:
        return None
    v = _weekday_value(ctx, m, wd, rel)
    if v is None:
        return None
    p = m["p"]
    if p:
        pl = p.lower()
        part = DAY_PARTS.get(re.sub(r"\s+", " ", pl), "")
        if pl.endswith("s"):
            return _c(m, "SET", f"XXXX-WXX-{wd}T{part}")
        return _c(m, "DATE", f"{v}T{part}")  # TimeBank mostly types "Friday night" as DATE
    return _c(m, "DATE", v)


@rule(rf"(?P<wd>{_alt([w + 's' for w in _FULL_WD])})", 4)
def _weekdays_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if not m["wd"][0].isupper():
        return None
    return _c(m, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()[:-1]]}")


# ---- holidays -------------------------------------------------------------------------------
@rule(rf"(?P<h>{_alt(list(HOLIDAYS) + list(FLOATING))})(?:\s+(?P<y>{YEAR}))?", 4)
def _holiday(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = re.sub(r"\s+", " ", m["h"].lower())
    if not m["h"][0].isupper():
        return None
    a = ctx.anchor
    if h in HOLIDAYS:
        mo, d = HOLIDAYS[h]
        if m["y"]:
            return _c(m, "DATE", f"{int(m['y']):04d}-{mo:02d}-{d:02d}")
        v = _month_day_value(ctx, m, mo, d)
        return _c(m, "DATE", v) if v else None
    mo, wd, n = FLOATING[h]
    if m["y"]:
        return _c(m, "DATE", _fmt_date(_nth_weekday(int(m["y"]), mo, wd, n)))
    if a is None:
        return _c(m, "DATE", f"XXXX-{mo:02d}")
    cand = [_nth_weekday(y, mo, wd, n) for y in (a.year - 1, a.year, a.year + 1) if _MIN_YEAR <= y <= _MAX_YEAR]
    fut = _future(ctx, m)
    past = [d for d in cand if d <= a]
    futs = [d for d in cand if d >= a]
    pick = (futs[0] if futs else cand[-1]) if fut else (past[-1] if past else cand[0])
    return _c(m, "DATE", _fmt_date(pick))


# ---- times of day -----------------------------------------------------------------------------
_DAYREF = rf"(?:(?P<dwd>{WEEKDAY})|(?P<dmo>{MONTH})\s+(?P<dd>{DAY})|(?P<ddx>today|tonight|yesterday|tomorrow))"


def _dayref_value(ctx: _Ctx, m: re.Match) -> str | None:
    a = ctx.anchor
    if m["dwd"]:
        wd = _wd_of(m["dwd"])
        return _weekday_value(ctx, m, wd, "") if wd else None
    if m["dmo"]:
        return _month_day_value(ctx, m, _month_of(m["dmo"]), _day_of(m["dd"]))
    if m["ddx"]:
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["ddx"].lower()]
        if a is None:
            return "XXXX-XX-XX"
        d = _add_days(a, off)
        return _fmt_date(d) if d else None
    return _fmt_date(a) if a else "XXXX-XX-XX"


@rule(rf"(?:(?:early|late|mid)[\s-]?)?(?P<p>{DAYPART})\s+(?:of\s+|on\s+)?(?:{_DAYREF})", 3)
def _part_of_day(m: re.Match, ctx: _Ctx) -> _Cand | None:
    if m["dwd"] and not m["dwd"][0].isupper():
        return None
    day = _dayref_value(ctx, m)
    part = DAY_PARTS.get(re.sub(r"\s+", " ", m["p"].lower()))
    return _c(m, "TIME", f"{day}T{part}") if day and part else None


@rule(
    rf"(?:(?:around|about|approximately|at)\s+)?(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?P<tz>{TZ})?"
    rf"(?:,?\s+(?:on\s+)?{_DAYREF})?",
    2,
)
def _clock(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = int(m["h"])
    pm = m["ap"].lower().startswith("p")
    if pm and h != 12:
        h += 12
    if not pm and h == 12:
        h = 0
    mi = m["mi"] or "00"
    day = _dayref_value(ctx, m)
    if day is None:
        return None
    s = m.start()
    if re.match(r"(around|about|approximately|at)\s", m.group(0), re.I) and m.group(0).lower().startswith("at"):
        s = m.start("h")
    c = _c(m, "TIME", f"{day}T{h:02d}:{mi}")
    c.start = s
    return c


@rule(rf"(?P<w>noon|midnight|midday)(?:\s+(?:on\s+)?{_DAYREF})?", 3)
def _noon(m: re.Match, ctx: _Ctx) -> _Cand | None:
    day = _dayref_value(ctx, m)
    if day is None:
        return None
    hh = "12:00" if m["w"].lower() != "midnight" else "24:00"
    return _c(m, "TIME", f"{day}T{hh}")


@rule(
    rf"(?:(?P<dwd>{WEEKDAY})|(?P<ddx>today|tonight|yesterday|tomorrow)),?\s+at\s+(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})(?P<tz>{TZ})?",
    1,
)
def _day_at_clock(m: re.Match, ctx: _Ctx) -> _Cand | None:
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    day = _dayref_value(ctx, m)
    return _c(m, "TIME", f"{day}T{h:02d}:{m['mi'] or '00'}") if day else None


@rule(r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?:hrs|hours|h\b)|(?P<tz>" + TZ + r"))", 3)
def _clock24(m: re.Match, ctx: _Ctx) -> _Cand | None:
    day = _fmt_date(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    return _c(m, "TIME", f"{day}T{int(m['h']):02d}:{m['mi']}")


# ---- durations ------------------------------------------------------------------------------
_UNIT_CODE = {
    "S": ("T", "S", 1),
    "MIN": ("T", "M", 1),
    "H": ("T", "H", 1),
    "D": ("", "D", 1),
    "W": ("", "W", 1),
    "FN": ("", "W", 2),
    "WE": ("", "WE", 1),
    "M": ("", "M", 1),
    "Q": ("", "M", 3),
    "Y": ("", "Y", 1),
    "DE": ("", "Y", 10),
    "CE": ("", "Y", 100),
    "ML": ("", "Y", 1000),
}
_VAGUE_CODE = {
    "S": "PTXS",
    "MIN": "PTXM",
    "H": "PTXH",
    "D": "PXD",
    "W": "PXW",
    "FN": "PXW",
    "WE": "PXWE",
    "M": "PXM",
    "Q": "PXQ",
    "Y": "PXY",
    "DE": "PXDE",
    "CE": "PXC",
    "ML": "PXML",
}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}


def _duration_value(n: float, unit: str) -> str | None:
    """ISO-8601 duration for n units; fractions move to the next smaller unit (2.5Y -> P2Y6M)."""
    if n < 0 or n > 1e6:
        return None
    t, code, mult = _UNIT_CODE[unit]
    if unit == "WE":
        return f"P{int(n * 2)}D" if n == int(n) else None
    total = n * mult
    if total == int(total):
        return f"P{t}{int(total)}{code}"
    whole = int(total)
    if unit in ("Y", "M", "D", "H", "MIN"):
        sub, factor = _SMALLER[unit]
        rest = round((total - whole) * factor)
        if unit in ("D", "H", "MIN") or (unit == "M" and sub == "D"):
            head = f"{whole}{code}" if whole else ""
            if unit == "D":
                return f"P{head}T{rest}H"
            return f"PT{head}{rest}{sub}"
        return f"P{whole}{code}{rest}{sub}" if whole else f"P{rest}{sub}"
    return f"P{t}{total:g}{code}"


def _unit_of(s: str) -> str:
    return UNITS[s.lower().rstrip(".")]


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand|million|billion|"
    r"dollars?|cents?|times|twice|once))(?:\s+[a-z]+)?\s*(?:%|percent)?\s*$",
    re.I,
)
_PRE_DUR = (
    r"(?:the\s+|a\s+|an\s+)?(?:(?P<rel>past|last|next|first|final|previous|coming|following|latest|remaining|"
    r"initial|subsequent|ensuing|same|further|other|preceding)\s+)?"
)


@rule(
    _PRE_DUR + rf"(?P<n>{NUMBER})[\s-]+(?:(?:more|additional|full|straight|consecutive|long|short|extra)[\s-]+)?"
    rf"(?P<u>{_UNIT_WORDS})(?P<old>-old|-long)?"
    r"(?P<ago>\s+(?:ago|earlier|later|before|after|from\s+now|hence|previously))?",
    4,
)
def _duration(m: re.Match, ctx: _Ctx) -> _Cand | None:
    ns, us = m["n"], m["u"].lower()
    n = _words_to_num(ns)
    if n is None:
        return None
    unit = _unit_of(us)
    low = ns.lower()
    if unit == "S" and us.startswith("second") and low in ("a", "an", "one"):
        return None
    if unit == "WE" or (m["old"] or "").lower() == "-old":
        return None
    if low in ("a", "an") and not m["rel"] and _RATE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None  # "$1.76 a year", "four flights a week": a rate, not annotated as a duration
    if (
        low == "one"
        and unit == "D"
        and re.search(
            r"\b(will|could|may|might|would|can|should)\s+$", ctx.text[max(0, m.start() - 12) : m.start()], re.I
        )
    ):
        return _c(m, "DATE", "FUTURE_REF")
    if us in ("night", "nights") and low in ("a", "an", "one") and not m["rel"]:
        return None
    if re.match(r"\d", ns) and float(n) > 500 and unit not in ("S", "MIN", "H", "D"):
        return None
    if us in ("sec", "secs", "min", "mins", "hr", "hrs", "yr", "yrs") and not re.match(r"\d", ns):
        return None
    nxt = ctx.text[m.end() : m.end() + 20]
    if not m["ago"] and re.match(r"\s+(?:of\s+age|old)\b", nxt):
        return None
    if us.startswith("quarter") and (
        re.match(
            r"\s+of\s+(?!(?:fiscal\s+|calendar\s+)?(?:\d{4}|(?:this|last|next|the|that)\s+(?:fiscal\s+)?year))",
            nxt,
            re.I,
        )
        or re.match(r"-(?:century|to-quarter)", nxt)
        or bool(m["old"])
        or ("-" in ctx.text[m.end("n") : m.start("u")] and re.match(r"\s+(?:profitability|test|low|high)", nxt))
    ):
        return None  # "three-quarters of its food", "a quarter-century low": a fraction, not a time
    ago = (m["ago"] or "").strip().lower()
    rel = (m["rel"] or "").lower()
    # "the last/past twenty-four hours" is one day in TimeBank
    if rel in ("past", "last") and unit == "H" and n == 24:
        return _c(m, "DURATION", "P1D")
    if ago in ("ago", "from now", "hence"):
        return _ago(m, ctx, n, unit, ago != "ago")
    if ago:
        # "two days later": a duration anchored elsewhere; keep the extent without the adverb
        c = _c(m, "DURATION", _duration_value(n, unit) or "")
        c.end = m.start("ago")
        return c if c.value else None
    v = _duration_value(n, unit)
    if not v:
        return None
    c = _c(m, "DURATION", v)
    between = ctx.text[m.end("n") : m.start("u")]
    adjectival = "-" in between or (not us.endswith("s") and n > 1 and re.match(r"\s+[a-z]", nxt))
    if adjectival and not rel:
        c.start = m.start("n")
    return c


def _ago(m: re.Match, ctx: _Ctx, n: float, unit: str, future: bool) -> _Cand | None:
    a = ctx.anchor
    if a is None:
        return _c(m, "DATE", "FUTURE_REF" if future else "PAST_REF")
    if n != int(n):
        return _c(m, "DATE", "FUTURE_REF" if future else "PAST_REF")
    k = int(n) * (1 if future else -1)
    try:
        if unit == "D":
            return _c(m, "DATE", _fmt_date(a + timedelta(days=k)))
        if unit in ("W", "FN"):
            return _c(m, "DATE", _iso_week(a + timedelta(days=7 * k * (2 if unit == "FN" else 1))))
        if unit in ("M", "Q"):
            y, mo = _shift_months(a.year, a.month, k * (3 if unit == "Q" else 1))
            return _c(m, "DATE", f"{y:04d}-{mo:02d}")
        if unit in ("Y", "DE", "CE", "ML"):
            y = a.year + k * {"Y": 1, "DE": 10, "CE": 100, "ML": 1000}[unit]
            return _c(m, "DATE", f"{y:04d}") if 0 <= y <= 9999 else None
        if unit in ("H", "MIN", "S"):
            secs = {"H": 3600, "MIN": 60, "S": 1}[unit] * k
            if abs(secs) > 86400 * 3:
                return _c(m, "DATE", _fmt_date(a + timedelta(seconds=secs)))
            return _c(m, "TIME", "PAST_REF" if not future else "FUTURE_REF")
    except (OverflowError, ValueError):
        return None
    return None


@rule(rf"(?P<n>{NUMBER})\s+(?P<u>{_UNIT_WORDS})\s+and\s+(?:a\s+)?half", 3)
def _and_a_half(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _words_to_num(m["n"])
    if n is None:
        return None
    v = _duration_value(n + 0.5, _unit_of(m["u"]))
    return _c(m, "DURATION", v) if v else None


@rule(r"(?:a\s+)?half(?:\s+an?|-an?|\s+a)?[\s-]+(?P<u>hour|day|year|century|decade|minute)", 3)
def _half_unit(m: re.Match, ctx: _Ctx) -> _Cand | None:
    v = _duration_value(0.5, _unit_of(m["u"]))
    return _c(m, "DURATION", v) if v else None


@rule(
    rf"(?:(?:the|these|those)\s+)?(?:(?P<rel>past|last|next|coming|first|previous|following|recent|preceding)\s+)?(?P<v>{_VAGUE})\s+(?:more\s+)?(?P<u>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries|nights)(?P<ago>\s+ago)?",
    5,
)
def _vague_duration(m: re.Match, ctx: _Ctx) -> _Cand | None:
    unit = _unit_of(m["u"])
    rel = (m["rel"] or "").lower()
    v = m["v"].lower()
    if m["ago"]:
        return _c(m, "DATE", "PAST_REF")
    if rel in ("coming", "next") and v == "the":
        return _c(m, "DATE", "FUTURE_REF")
    if v in ("some", "many", "numerous", "a number of") and not rel:
        nxt = ctx.text[m.end() : m.end() + 6]
        if v == "some" and re.match(r"\s+(ago|later|earlier)", nxt):
            return _c(m, "DATE", "PAST_REF")
    return _c(m, "DURATION", _VAGUE_CODE[unit])


@rule(
    r"(?:(?P<det>the|these|those|in)\s+)?(?P<rel>coming|next|past|last|recent|previous|following|ensuing|early|later|final)\s+(?P<u>days|weeks|months|years|decades|quarters)",
    6,
)
def _rel_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    rel = m["rel"].lower()
    unit = _unit_of(m["u"])
    if rel in ("recent", "past") and unit == "Y" and not (m["det"] or "").lower().startswith("the"):
        c = _c(m, "DATE", "PAST_REF")
        if (m["det"] or "").lower() == "in":
            c.start = m.start("rel")
        return c
    if rel in ("coming",):
        c = _c(m, "DATE", "FUTURE_REF")
    else:
        c = _c(m, "DURATION", _VAGUE_CODE[unit])
    if m["det"] and m["det"].lower() == "in":
        c.start = m.start("rel")
    return c


@rule(r"(?:the\s+)?(?P<u>days|weeks|months|years|decades|centuries|hours|minutes)", 9)
def _bare_plural(m: re.Match, ctx: _Ctx) -> _Cand | None:
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    after = ctx.text[m.end() : m.end() + 12].lower()
    u = m["u"].lower()
    if u in ("hours", "minutes", "days") and not re.search(
        r"\b(for|within|in|over|after|take|took|last|lasted)\s+$", before
    ):
        return None
    if re.match(r"\s+(ago|earlier|later|of\s+(?!the\b))", after) and u not in ("years", "months", "weeks"):
        return None
    if re.match(r"['’]", after) or re.search(r"(\d|\bmany|\bthe|\bthose|\bthese|\bof|\ball)\s*$", before):
        if not m.group(0).lower().startswith("the"):
            return None
    if m.group(0).lower().startswith("the "):
        if re.match(r"\s+(ahead|to\s+come)", after):
            return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])
        if not re.search(r"\b(over|during|for|through|in)\s+$", before):
            return None
        return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)], group="u")
    if re.match(r"\s+ago", after):
        return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])
    return _c(m, "DURATION", _VAGUE_CODE[_unit_of(u)])


@rule(
    r"(?:a\s+)?(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:decade|century)(?:-long|-old)", 4
)
def _decade_adj(m: re.Match, ctx: _Ctx) -> _Cand | None:
    n = _words_to_num(m["n"] or "one") or 1
    v = _duration_value(n, "DE" if "decade" in m.group(0).lower() else "CE")
    return _c(m, "DURATION", v) if v else None


@rule(
    r"(?P<det>the|a|this|that)\s+(?:(?P<adj>full|whole|entire|fiscal|current\s+fiscal|calendar|same|previous|prior|preceding|following|next|current)\s+)?year",
    6,
)
def _the_year(m: re.Match, ctx: _Ctx) -> _Cand | None:
    det = m["det"].lower()
    adj = re.sub(r"\s+", " ", (m["adj"] or "").lower())
    after = ctx.text[m.end() : m.end() + 15].lower()
    before = ctx.text[max(0, m.start() - 20) : m.start()].lower()
    if re.match(r"\s*(ago|earlier|before|later|after|-)", after) or re.match(r"['’]s", after):
        return None
    if re.match(r"\s+(of|when|in\s+which|that|since)\b", after) and det == "the":
        return None
    a = ctx.anchor
    if det == "a" and not adj:
        return None
    if det == "that" or adj in ("same", "previous", "prior", "preceding", "following"):
        k = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}.get(adj, 0)

        def narrative(st: _State) -> str:
            if st.year is not None:
                return f"{st.year + k:04d}"
            return f"{a.year + k:04d}" if a and k else "XXXX"

        return _c(m, "DATE", narrative)
    if adj == "next":
        return _c(m, "DATE", f"{a.year + 1:04d}" if a else "FUTURE_REF")
    if adj in ("current", "current fiscal", "full", "whole") or det == "this":
        return _c(m, "DATE", f"{a.year:04d}" if a else "PRESENT_REF")
    if re.search(r"\b(for|over|during|through|throughout)\s+$", before) or det == "a" or adj in ("entire", "fiscal"):
        return _c(m, "DURATION", "P1Y")
    if re.search(r"\b(in|earlier|later|early|late|of|by)\s+$", before) and a:
        return _c(m, "DATE", f"{a.year:04d}")
    return _c(m, "DURATION", "P1Y")


# ---- present / past / future references -----------------------------------------------------
_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF",
    "to date": "PRESENT_REF",
    "the present time": "PRESENT_REF",
    "this time": "PRESENT_REF",
    "today's": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "until recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "once": "PAST_REF",
    "formerly": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
    "the longer term": "FUTURE_REF",
    "the immediate future": "FUTURE_REF",
    "the years ahead": "FUTURE_REF",
    "the days ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF",
    "soon": "FUTURE_REF",
}
_REF_SKIP = {"in the past", "once", "formerly", "until recently", "to date", "soon", "today's", "this time"}


@rule(_alt([k for k in _REFS if k not in _REF_SKIP]), 5)
def _ref(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w == "now":
        after = ctx.text[m.end() : m.end() + 6].lower()
        if re.match(r"-", after):  # "now-defunct"; but "now that ..." is PRESENT_REF in TimeBank
            return None
    if (
        w == "the present"
        and re.match(r"\s+\w", ctx.text[m.end() : m.end() + 3])
        and not ctx.text[m.end() : m.end() + 8].lower().strip().startswith(("time", "day"))
    ):
        return None
    return _c(m, "DATE", _REFS[w])


@rule(r"(?:(?:in|of)\s+)?(?:the\s+)?(?:(?:recent|current|present)\s+)(?P<u>times|days|years|era|period)", 7)
def _recent_times(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = m.group(0).lower()
    c = _c(m, "DATE", "PRESENT_REF" if ("current" in w or "present" in w) else "PAST_REF")
    c.start = m.start() + len(re.match(r"(?:(?:in|of)\s+)?", m.group(0), re.I).group(0))  # type: ignore[union-attr]
    return c


# ---- sets -------------------------------------------------------------------------------------
_SET_ADV = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "nightly": "P1D",
    "biweekly": "P2W",
    "bimonthly": "P2M",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semi-annually": "P6M",
    "twice a year": "P6M",
    "twice a week": "P1W",
    "twice a month": "P1M",
    "twice a day": "P1D",
    "once a year": "P1Y",
    "once a week": "P1W",
    "once a month": "P1M",
    "once a day": "P1D",
    "every other day": "P2D",
    "every other week": "P2W",
    "every other year": "P2Y",
    "every other month": "P2M",
    "day after day": "P1D",
    "year after year": "P1Y",
    "week after week": "P1W",
    "month after month": "P1M",
    "around the clock": "P1D",
}


@rule(_alt(list(_SET_ADV)), 3)
def _set_adv(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w in ("quarterly", "monthly", "weekly", "yearly", "annual") and re.match(
        r"\s+[a-z]", ctx.text[m.end() : m.end() + 2]
    ):
        return None
    if w in ("daily", "weekly", "monthly") and re.match(
        r"\s+(?:newspaper|paper|magazine|mail|news|telegraph|star|express|beast)\b",
        ctx.text[m.end() : m.end() + 14],
        re.I,
    ):
        return None
    if (
        m.group(0)[0].isupper()
        and m.start() > 0
        and ctx.text[m.start() - 1] not in '\n"“'
        and not re.search(r"[.!?]\s+$", ctx.text[max(0, m.start() - 3) : m.start()])
    ):
        return None
    return _c(m, "SET", _SET_ADV[w])


@rule(
    rf"(?P<q>every|each|per|a|an)\s+(?:(?P<n>other|single|{NUMWORD}|\d+)\s+)?(?P<u>second|minute|hour|day|night|week|month|quarter|year|decade|(?P<wd>{WEEKDAY})|(?P<mo>{MONTH})|(?P<s>{SEASON})|(?P<p>morning|afternoon|evening))",
    4,
)
def _set_every(m: re.Match, ctx: _Ctx) -> _Cand | None:
    q = m["q"].lower()
    if m["wd"]:
        return _c(m, "SET", f"XXXX-WXX-{_wd_of(m['wd'])}") if q in ("every", "each") else None
    if m["mo"]:
        return (
            _c(m, "SET", f"XXXX-{_month_of(m['mo']):02d}") if q in ("every", "each") and m["mo"][0].isupper() else None
        )
    if m["s"]:
        return _c(m, "SET", f"XXXX-{SEASONS[m['s'].lower()]}") if q in ("every", "each") else None
    if m["p"]:
        return _c(m, "SET", f"XXXX-XX-XXT{DAY_PARTS[m['p'].lower()]}") if q in ("every", "each") else None
    u = m["u"].lower()
    if q in ("a", "an"):
        before = ctx.text[max(0, m.start() - 30) : m.start()].lower()
        if m["n"] or not re.search(r"\b(times|twice|once)\s*$", before):
            return None  # "$1.76 a year" is a rate, which TimeBank leaves unannotated
    n = m["n"]
    k = 2 if n and n.lower() == "other" else (int(_words_to_num(n) or 1) if n and n.lower() != "single" else 1)
    if q == "each" and ctx.text[m.end() : m.end() + 3].lower() == " of":
        return None
    v = _duration_value(k, UNITS[u])
    return _c(m, "SET", v) if v else None


# --------------------------------------------------------------------------- post-passes
_MOD_PREFIX = re.compile(
    r"(?:(?P<pos>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|latter\s+part|early\s+part|rest)\s+of(?:\s+the)?"
    r"|(?:very\s+)?(?:early|late|mid|earlier|later)(?:\s+in)?)[\s-]+"
    r"|(?P<q>(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|"
    r"up\s+to|no\s+more\s+than|no\s+less\s+than|over|under|well\s+over|just\s+over|just\s+under|barely|only|just|a\s+full|a\s+mere|mere|fully)\s+))$",
    re.I,
)
_MOD_OF = {
    "end": "END",
    "close": "END",
    "beginning": "START",
    "start": "START",
    "middle": "MID",
    "turn": "START",
    "early": "START",
    "late": "END",
    "mid": "MID",
    "latter": "END",
    "rest": None,
    "earlier": None,
    "later": None,
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "more": "MORE_THAN",
    "less": "LESS_THAN",
    "fewer": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up": "EQUAL_OR_LESS",
    "no more": "EQUAL_OR_LESS",
    "no less": "EQUAL_OR_MORE",
    "over": "MORE_THAN",
    "under": "LESS_THAN",
    "well": "MORE_THAN",
    "just over": "MORE_THAN",
    "just under": "LESS_THAN",
    "barely": "EQUAL_OR_LESS",
    "only": None,
    "just": None,
    "a full": None,
    "a mere": None,
    "mere": None,
    "fully": None,
}


def _mod_word(s: str) -> str | None:
    s = re.sub(r"\s+", " ", s.lower()).strip(" -")
    s = s.removeprefix("the ").removeprefix("very ")
    for k in sorted(_MOD_OF, key=len, reverse=True):
        if s.startswith(k):
            return _MOD_OF[k]
    if s.startswith("first half"):
        return "START"
    if s.startswith("second half"):
        return "END"
    return None


def _extend_modifiers(text: str, c: _Cand, lo: int) -> None:
    """Pull "early"/"the end of"/"about"/"more than" into the extent and set ``mod``."""
    for _ in range(2):
        seg = text[max(lo, c.start - 40) : c.start]
        m = _MOD_PREFIX.search(seg)
        if not m:
            return
        word = m.group(0)
        if (
            m.group("q")
            and c.type not in ("DURATION",)
            and not re.match(r"(about|around|approximately|roughly|some)\b", word, re.I)
        ):
            return
        if (
            m.group("q")
            and re.match(r"(?:only|just|over|under)\s", word, re.I)
            and (c.type != "DURATION" or text[c.start : c.start + 4].lower() == "the ")
        ):
            return
        if m.group("q") and c.type == "DATE":
            return
        if m.group("pos") and c.type not in ("DATE", "TIME"):
            return
        if (
            m.group("pos")
            and c.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
            and not word.lower().startswith("the")
        ):
            return
        new_start = c.start - len(word)
        if new_start < lo:
            return
        mod = _mod_word(word)
        c.start = new_start
        if mod and not c.mod:
            c.mod = mod


_SPAN_SEP = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.I)


def _merge_spans(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "from X to Y" / "between X and Y" / "X-Y" into one DATE with value X/Y."""
    out: list[_Cand] = []
    for c in cands:
        if out:
            p = out[-1]
            gap = text[p.end : c.start]
            if (
                p.type == "DATE"
                and c.type == "DATE"
                and isinstance(p.value, str)
                and isinstance(c.value, str)
                and "/" not in p.value
                and "/" not in c.value
                and re.fullmatch(r"\d{4}(-\d\d){0,2}", p.value)
                and re.fullmatch(r"\d{4}(-\d\d){0,2}", c.value)
                and len(p.value) == len(c.value)
                and p.value < c.value
                and _SPAN_SEP.match(gap)
                and len(gap) <= 12
            ):
                before = text[max(0, p.start - 10) : p.start].lower()
                sep = gap.strip().lower()
                ok = (
                    sep in ("-", "–", "—")
                    or (sep == "and" and re.search(r"between\s+$", before))
                    or (sep in ("to", "through", "thru", "until", "till") and re.search(r"from\s+$", before))
                )
                if ok:
                    out[-1] = _Cand(p.start, c.end, "DATE", f"{p.value}/{c.value}", p.mod, kind="span")
                    continue
        out.append(c)
    return out


def _overlaps(s: int, e: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in ranges)


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
            if c is None or c.end <= c.start or _overlaps(c.start, c.end, skips):
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
        out.append(
            {
                "start": c.start,
                "end": c.end,
                "text": text[c.start : c.end],
                "type": c.type,
                "value": v,
                "mod": c.mod,
                "anchor": anchor.isoformat() if anchor else None,
            }
        )
    return out
