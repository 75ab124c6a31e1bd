"""Sentence tense around an expression: decides past vs future for bare dates, months and weekdays."""

from __future__ import annotations

import re
from datetime import date

from .arith import resolve_month_day
from .patterns import _ABBR_MONTHS, _alt
from .words import MONTHS, POSITION_NOUNS, TENSE_CUES, TO_BE_PARTICIPLES, WEEKDAYS

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


_REPORTING = {"said", "says", "told", "announced", "reported", "added"}  # may report a plan: "said it will ..."
# "planned for", "subpoenaed Elian to testify", "placed orders in the morning to start": a past act aimed at
# a later one, whose date it does not fix
_AIM_NEXT = re.compile(r"\s+(?:for\b|(?:[\w'-]+\s+){0,5}?to\s+(?!(?:the|a|an|its|his|her|their|our|\d)\b)[a-z]{2,}\b)")
_ADJACENT_ONLY = {"by", "until", "till", "through"}
_NOUN_OR_VERB = {"plans", "plan"}  # cues that are also plural/singular nouns
_NOUN_NEXT = re.compile(r"\s*(?:[,.;:)]|(?:for|and|or|that|which|is|are|was|were|had|have)\b)", re.I)
_MEET_OBJECT = re.compile(
    r"\s+(?:the\s+|its\s+|their\s+|our\s+)?(?:demand|expectations?|targets?|goals?|needs|requirements?|criteria|"
    r"standards?|obligations?|deadlines?|forecasts?|estimates?|payroll|costs?)\b",
    re.I,
)
_DETERMINERS = {"last", "next", "coming"}
_NAMED_DAY_NEXT = re.compile(r"\s+(?:" + _alt(list(WEEKDAYS) + list(MONTHS)) + r")\b", re.I)
_AUX_REACH = 25  # characters between an auxiliary ("will", "had been") and the weak verb cue it governs
_CLAUSE_END = re.compile(r"[,;(\"”]|''|\s--?\s|—")
_ADJ_GAP = re.compile(r"\s+(?:(?:early|mid|late|the\s+end\s+of|the\s+middle\s+of)[\s-]*)?", re.I)
_NOUN_OF = re.compile(r"\b([a-z]{4,})\s+of\s+(?:the\s+)?$")
_WORD_NEXT = re.compile(r"\s+(?:\w+ly\s+)?(\w+)")


def _names_a_thing(left: str) -> bool:
    """"the ceasefire agreement of November 10": the date belongs to a noun, not to the clause's verb."""
    m = _NOUN_OF.search(left)
    return bool(m) and m[1] not in POSITION_NOUNS


def _participle_next(seg: str, pos: int) -> bool:
    """"to be held", "to be formally signed": a passive infinitive looks ahead; "to be activists" does not."""
    m = _WORD_NEXT.match(seg, pos)
    return bool(m) and (m[1].lower() in TO_BE_PARTICIPLES or bool(re.search(r"(?:ed|en|wn)$", m[1].lower())))


def _abbreviation(before: str) -> bool:
    """Is the word that ends `before` (a period follows it) an abbreviation ("Dec", "vs", "Mr")?"""
    words = before[-12:].split()
    return bool(words) and (words[-1].lower().rstrip(".") in _ABBR_MONTHS or len(words[-1]) <= 2)


def _tense(text: str, start: int, end: int) -> str | None:
    """Kind of the nearest tense cue in the sentence: future_strong/_weak, past_strong/_weak.

    Why: news resolves bare dates to the past unless the verb is future ("will meet on
    November 9"); the closest auxiliary/verb decides, and weak cues ("said", "-ed", "by")
    can be overruled by calendar distance.
    """
    lo = max(0, start - 160)
    left = text[lo:start]
    cut = max(left.rfind(p) for p in (". ", "? ", "! ", '." ', "; "))
    if cut >= 0:
        if _abbreviation(left[:cut]):
            cut = -1  # "Dec. 7", "U.S.": an abbreviation, not the sentence's end
    cut = max(cut, left.rfind("\n"))  # a line break always ends the sentence
    if cut >= 0:
        left = left[cut + 1 :]
        lo = start - len(left)
    if _names_a_thing(left):
        return None
    right = text[end : end + 200]
    for m in re.finditer(r"[.!?](\s|$)|\n", right):
        if m.group() == "\n" or not (m.group()[0] == "." and _abbreviation(text[: end + m.start()])):
            right = right[: m.start()]
            break
    best: tuple[int, str] | None = None
    strong_left: list[tuple[int, str]] = []  # (end offset, kind) of auxiliaries before the date
    best_pos = -1
    best_word = ""
    # past a comma or a closing quote, a verb after the date is the reporting clause's ("will leave on
    # Friday, he said"): it decides only when the date's own clause has no cue
    boundary = _CLAUSE_END.search(right)
    matrix: str | None = None
    for seg, base, sign in ((left, lo, -1), (right, end, 1)):
        for cm in _CUE_RE.finditer(seg):
            raw = cm.group(1) or cm.group(2) or ""
            word = re.sub(r"\s+", " ", raw.lower())
            if word not in _CUE_KIND and (raw[0].isupper() or word in _NOT_VERBS):
                continue
            if word == "to be" and not _participle_next(seg, cm.end()):
                continue  # "claiming to be activists on 12 December": a copula, not a plan
            if word in _NOUN_OR_VERB and _NOUN_NEXT.match(seg, cm.end()):
                continue  # "vacation plans for the trip": the noun, not the verb that looks ahead
            if word.startswith("meet") and _MEET_OBJECT.match(seg, cm.end()):
                continue  # "to meet demand well into the summer": satisfying a need, not a meeting to come
            if word in _DETERMINERS and _NAMED_DAY_NEXT.match(seg, cm.end()):
                continue  # "last Thursday" is a date of its own, with its own tense, not this one's
            if word in _ADJACENT_ONLY and (sign > 0 or not _ADJ_GAP.fullmatch(text, base + cm.end(), start)):
                continue  # "by May" is a deadline; "hampered by problems ... in May" is not
            pos = base + cm.start()
            dist = (start - pos - len(word)) if sign < 0 else (pos - end) + 15  # verbs before the date bind tighter
            kind = _CUE_KIND.get(word, "future_strong" if word == "'ll" else "past_weak")
            if kind == "past_weak" and word not in _REPORTING and not _AIM_NEXT.match(seg, cm.end()):
                kind = "past_verb_weak"  # "sold ... in December": the event's own verb, not a report of it
            if sign > 0 and boundary and cm.start() >= boundary.start():
                matrix = matrix or kind
                continue
            if sign < 0 and (kind == "future_strong" or word.startswith("had")):
                strong_left.append((pos + len(word), kind))
            if best is None or dist < best[0]:
                best = (dist, kind)
                best_pos = pos if sign < 0 else -1
                best_word = word
    if best and best_word in _ADJACENT_ONLY and any(
            k == "past_strong" and "," not in text[e:start] for e, k in strong_left):
        return "past_strong"  # "said it had evacuated 23 people by Sunday night": a deadline already met
    if best and best_pos >= 0 and best[1] != "past_strong":
        # an auxiliary governs the verb after it: "had been due to expire Friday", "will begin ... on Friday";
        # a past perfect also governs a future cue: "had been set to lapse Friday" is a future already past
        gov = [k for e, k in strong_left if 0 <= best_pos - e <= _AUX_REACH and "," not in text[e:best_pos]
               and (best[1].endswith("weak") or k == "past_strong")]
        if gov:
            return gov[-1]
    return best[1] if best else matrix


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
    if tense == "past_verb_weak":
        return days_future * 12 < days_past
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

