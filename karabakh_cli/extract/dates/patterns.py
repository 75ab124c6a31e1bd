"""Regex fragments shared by the rule families (MONTH, DAY, YEAR, NUMBER, ...)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .words import DAY_PARTS, MONTHS, NUMBERS, ORDINALS, SEASONS, UNITS, VAGUE, WEEKDAYS


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


