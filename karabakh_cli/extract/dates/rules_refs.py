"""Present/past/future references ('now', 'recently', 'the future') and sets ('daily', 'every week')."""

from __future__ import annotations

import re

from .numwords import _month_of, _words_to_num
from .patterns import MONTH, NUMWORD, SEASON, WEEKDAY, _alt
from .postpass import _SENTENCE_START
from .registry import _c, _Cand, _Ctx, _wd_of, rule
from .rules_durations import _duration_value
from .tense import _tense
from .words import DAY_PARTS, SEASONS, TENSE_CUES, UNITS

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
    "soon": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "a future date": "FUTURE_REF",
    "an earlier date": "PAST_REF",
}
_REF_SKIP = {"in the past", "once", "formerly", "until recently", "to date", "soon", "today's", "this time"}


@rule(_alt([k for k in _REFS if k not in _REF_SKIP]), 5)
def _ref(m: re.Match, ctx: _Ctx) -> _Cand | None:
    w = re.sub(r"\s+", " ", m.group(0).lower())
    if w == "now":
        after = ctx.text[m.end() : m.end() + 6].lower()
        if re.match(r"-", after):  # "now-defunct"; but "now that ..." is PRESENT_REF in TimeBank
            return None
        opens = _SENTENCE_START.search(ctx.text[max(0, m.start() - 8) : m.start()])
        if m.group(0) == "Now" and after.startswith(",") and opens:
            return None  # "Now, he says, ...": a discourse marker that turns the story, not the present
    if w in ("the past", "the future") and re.match(
        rf"\s+(?:{NUMWORD}|\d+|few|several|couple)\b", ctx.text[m.end() : m.end() + 14], re.I
    ):
        return None  # "the past three summers": "past" counts the summers, it is not the past itself
    if (
        w == "the present"
        and re.match(r"\s+\w", ctx.text[m.end() : m.end() + 3])
        and not ctx.text[m.end() : m.end() + 8].lower().strip().startswith(("time", "day"))
    ):
        return None
    return _c(m, "DATE", _REFS[w])


_PAST_VERBS = set(TENSE_CUES["past_weak"])


@rule(r"soon(?!\s+(?:as|after|afterwards?|before|thereafter|enough|to\s+be)\b)(?![-\w])", 5)
def _soon(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """'will soon begin', 'may soon seek': FUTURE_REF. Told of the past ("was soon released", "soon became")
    it orders two past events, and 'as soon as' / 'soon after' are the event's own relation: no time."""
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(?:as|how|too|so|very|was|were|had|did)\s+$", before, re.I):
        return None
    nxt = re.match(r"\s+(\w+)", ctx.text[m.end() : m.end() + 30])
    if nxt and (nxt[1].lower() in _PAST_VERBS or re.fullmatch(r"[a-z]{3,}ed", nxt[1])):
        return None  # "the crowd soon became a flood", "talks soon collapsed"
    if _tense(ctx.text, m.start(), m.end()) == "past_strong":
        return None
    return _c(m, "DATE", "FUTURE_REF")


@rule(r"(?:for|in|after|within)\s+(?P<x>(?:quite\s+)?a\s+(?:little\s+|long\s+|short\s+)?while)"
      r"(?!\s+(?:ago|back|longer))", 5)
def _a_while(m: re.Match, ctx: _Ctx) -> _Cand | None:
    """'for a while', 'in a long while': a stretch of unknown length (PXX); the preposition stays out."""
    if re.search(r"\bonce\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.I):
        return None  # "once in a while" says how often, not how long
    return _c(m, "DURATION", "PXX", group="x")


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


# an amount just before a set word makes it a rate ("8.5% annually", "10,000 units annually", "two flights per
# week"), not a recurrence; a year is no amount ("in 1998 it was held annually")
_MEASURE_BEFORE = re.compile(
    rf"(?:(?<![\d,.])(?!(?:1\d|20)\d\d\b)\d[\d,.]*\s*(?:%|percent\b)?|\b(?:{NUMWORD}|dozen|hundred|thousand|million|billion))"
    r"(?:\s+[a-z]+){0,2}\s*$",
    re.I,
)


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
    if _MEASURE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None  # "8.5% annually", "10,000 units a year": a rate, which TimeBank leaves unannotated
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
    if q == "per" and _MEASURE_BEFORE.search(ctx.text[max(0, m.start() - 40) : m.start()]):
        return None  # "15 million instructions per second", "two flights per week": a measure, not a recurrence
    n = m["n"]
    k = 2 if n and n.lower() == "other" else (int(_words_to_num(n) or 1) if n and n.lower() != "single" else 1)
    if q == "each" and ctx.text[m.end() : m.end() + 3].lower() == " of":
        return None
    v = _duration_value(k, UNITS[u])
    return _c(m, "SET", v) if v else None

