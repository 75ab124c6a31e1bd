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
    Ranges written as one token ("1992-1994", "9-10 November") are one DATE whose value is
    ``a/b``; worded ranges ("from 1992 to 1994", "between May 3 and May 5", "May 3 and 5") are
    one expression per part, as TimeML annotates them, each carrying ``range`` (``a/b``) and
    ``range_start``/``range_end`` (the whole phrase's offsets). "In recent weeks" keeps its
    TimeML value and carries an approximate ``range`` ending at the anchor.
``resolve_month_day(month, day, anchor, *, future=False) -> date``
    Most recent month/day not after ``anchor`` (or first not before it if ``future``).
``resolve_weekday(weekday, anchor, *, future=False) -> date``
    ISO weekday (1=Mon..7=Sun): the anchor itself if it matches, else nearest past/future.
``year_of_month_day(month, day, anchor, text="", start=0, end=0) -> int``
    Year the engine would choose for a month/day mention (tense-aware when text is given).

Conventions follow TimeBank/TempEval-3: extents exclude leading prepositions but include
determiners and modifiers ("early December" -> value 2020-12, mod START); "today" is the
anchor date, "now" PRESENT_REF, "recently" PAST_REF; decades are ``199``, centuries ``19`` (TIMEX3 truncated years);
quarter durations keep the quarter unit (``P2Q``); "in coming weeks" is PXW like "in the past weeks"; a time word
capitalised mid-sentence names a show or film ("ABC's This Week"), not a time, except in headlines.

Layout (one concern per module)
-------------------------------
``words``           word lists from ``data/timex.json`` (months, units, tense cues, holidays ...)
``patterns``        regex fragments (MONTH, DAY, YEAR, NUMBER, ...)
``numwords``        numbers and years in words ("twenty four", "nineteen ninety-six")
``arith``           calendar arithmetic (month/day and weekday resolution, ISO weeks)
``tense``           the sentence's tense: past or future reading of bare dates
``registry``        candidates, the ``@rule`` decorator and shared rule helpers
``rules_*``         the rule families: ``calendar`` (explicit dates, months), ``years`` (years, decades,
                    centuries, seasons), ``periods`` (quarters, halves), ``relative`` (yesterday, last week,
                    weekdays, holidays), ``clock`` (times of day), ``durations``, ``refs`` (now/recently, sets),
                    ``reference`` (the narrative's reference time: the next day, earlier that day)
``postpass``        modifiers ("early", "about") and spans ("from X to Y")
``engine``          ``extract_dates``: runs the rules, keeps the longest non-overlapping expressions
"""

from .arith import resolve_month_day, resolve_weekday
from .engine import extract_dates
from .patterns import DAY, MONTH, WEEKDAY, YEAR
from .registry import _RULES as _RULES
from .registry import _finditer as _finditer
from .tense import year_of_month_day
from .words import MONTHS, WEEKDAYS

__all__ = ["DAY", "MONTH", "MONTHS", "WEEKDAY", "WEEKDAYS", "YEAR", "extract_dates", "resolve_month_day",
           "resolve_weekday", "year_of_month_day"]
