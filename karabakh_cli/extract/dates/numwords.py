"""Numbers and years spelt in words or digits: 'twenty four', '2 1/2', 'nineteen ninety-six'."""

from __future__ import annotations

import re

from .words import MONTHS, NUMBERS, ORDINALS


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

