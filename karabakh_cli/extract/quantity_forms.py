"""Quantity forms with no unit word after the number: factors ("25 times faster", "threefold", "doubled")
and exchange rates written as a bare number ("148 per dollar", "beyond 100 to the dollar").

Word lists live under `factor` in `data/quantity_lexicon.json`; currencies come from `units.py`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .units import Unit, compound, tables, unit_after, word_lists

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def factor_unit(end: int) -> Unit:
    """The unit of a multiplicative factor ("x"), ending at token `end`."""
    return Unit(tables()["factor_unit"], "", end, "factor")


def factor_word(t: Token) -> tuple[float, str | None] | None:
    """(value, direction) of a one-word factor: "doubled" (2, up), "halved" (0.5, down), "tenfold" (10, None)."""
    from .quantities import parse_number

    fac = word_lists()["factor"]
    w = t.lower_
    if w in fac["verbs"]:
        value, change = fac["verbs"][w]
        return float(value), change
    suffix = fac["fold_suffix"]
    if w.endswith(suffix) and len(w) > len(suffix) and t.is_alpha:
        value = parse_number(w[:-len(suffix)])
        return (value, None) if value and value > 1 else None
    return None


def is_comparison(t: Token) -> bool:
    """Does this word after "N times" make the number a factor ("as", "more", "faster", "higher")?"""
    fac = word_lists()["factor"]
    w = t.lower_
    if w in fac["comparison_after"]:
        return True
    return t.is_alpha and len(w) > 4 and w.endswith("er") and w not in fac["not_comparatives"]


def times_after(doc: Doc, end: int, factor: bool) -> str | None:
    """After a numeral ending at `end`: "factor" for "25 times faster" and when the caller knows it is one
    ("1.65 times book value", "rose roughly 3.5 times"); "count" for "violated 42 times" and "supplies had
    been cut three times"."""
    if end >= len(doc) or doc[end].text not in word_lists()["factor"]["times_words"]:
        return None
    nxt = doc[end + 1] if end + 1 < len(doc) else None
    return "factor" if factor or (nxt is not None and is_comparison(nxt)) else "count"


def fx_rate_at(doc: Doc, k: int, start: int) -> Unit | None:
    """"148 per dollar", "100 to the dollar", "11.2 per euro": a bare number followed by a rate to a currency is
    an exchange rate in the currency its sentence names before it ("The yen traded at ..."); None when the
    sentence names none (unknown beats wrong)."""
    if k + 1 >= len(doc):
        return None
    w = doc[k].lower_
    if w == "per":
        den_at = k + 1
    elif w in ("to", "against") and doc[k + 1].lower_ == "the":
        den_at = k + 2
    else:
        return None
    den = unit_after(doc, den_at)
    if den is None or den.dim != "[currency]":
        return None
    sent_start = doc[start].sent.start
    for m in range(start - 1, sent_start - 1, -1):
        t = doc[m]
        if not t.is_alpha or (m > sent_start and doc[m - 1].like_num):
            continue  # "20 pesos" is an amount, not the currency the sentence is about
        num = unit_after(doc, m)
        if num is not None and num.dim == "[currency]" and num.symbol != den.symbol:
            return compound(Unit(num.symbol, num.dim, den.end, num.dimension), den)
    return None
