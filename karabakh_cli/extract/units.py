"""Units, currencies and signs for quantity extraction, and the cutting of tokens that glue them to numbers.

The word lists (`data/quantity_lexicon.json`), the unit tables (`data/quantity_units.json`) and the ISO 4217
currency table (`data/currencies.json`) are read here once; pint reads unit words and gives their dimension.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint
    from spacy.tokens import Doc

DATA = Path(__file__).resolve().parent.parent / "data"
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
TIME_LABELS = {"DATE", "TIME"}
GLUED = re.compile(r"^(?P<pre>\D*?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<suf>\D.*)?$")
SIGNS = {"+": 1, "-": -1, "\u2212": -1}
APPROX_SIGNS = {"~", "\u2248"}

def read_data(name: str) -> dict[str, Any]:
    """A data file with its word lists as sets: they are only ever asked `w in ...`, once per token."""
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


@lru_cache(maxsize=1)
def word_lists() -> dict[str, Any]:
    """The word lists, read once; `glue` (multipliers and scales) and `blocked` (words no object starts
    with: past-tense change verbs too, "300mm of rain fell") derived once."""
    lex = read_data("quantity_lexicon.json")
    lex["glue"] = frozenset(lex["multipliers"]) | frozenset(lex["scales"])
    changes = [*lex["change_words"]["up"], *lex["change_words"]["down"]]
    lex["blocked"] = lex["object_stop_words"] | lex["event_words"] | lex["common_verbs"] \
        | frozenset(w for w in changes if w.endswith("ed")) | lex["past_change_words"]
    return lex


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """The unit tables, read once, with the ISO 4217 table merged under the project's own currency words."""
    u = read_data("quantity_units.json")
    cur = json.loads((DATA / "currencies.json").read_text(encoding="utf-8"))
    u["currency_words"] = {**cur["names"], **cur["historic"]["names"], **u["currency_words"]}
    u["currency_signs"] = {**cur["symbols"], **u["currency_symbols"]}  # case-sensitive, then lower-case forms
    u["currency_codes"] = frozenset(cur["codes_beside_numbers"]) | frozenset(cur["historic"]["codes"])
    u["currency_by_country"] = cur["by_country"]
    u["dollar_prefixes"] = cur["dollar_prefixes"]
    u["sub_units"] = cur["sub_units"]
    return u


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """One pint registry, built on first use (it takes ~0.1 s), with the units pint lacks (ppb, basis points)."""
    import pint

    reg = pint.UnitRegistry()
    for line in tables()["pint_definitions"]:
        reg.define(line)
    return reg


@lru_cache(maxsize=1)
def dimension_names() -> dict[frozenset, str]:
    """pint dimensionality -> the dimension's name ("power", "speed"), from `allowed_dimensions`."""
    reg = registry()
    return {frozenset(reg.parse_units(ref).dimensionality.items()): name
            for name, ref in tables()["allowed_dimensions"].items()}


def additive_dimensions() -> frozenset[str]:
    """Dimensions whose amounts add up to a meaningful total (counts, mass, volume, area, money)."""
    return frozenset(tables()["additive_dimensions"])

# ---------------------------------------------------------------- glued tokens


def currency_sign(text: str) -> str | None:
    """The ISO code a sign before a number stands for: "€", "HK$", "US$", "$US", "RM", "Rs", "EUR"."""
    u = tables()
    signs = u["currency_signs"]
    code = signs.get(text) or signs.get(text.casefold())
    if code:
        return code
    if text.isupper() and text in u["currency_codes"]:
        return text
    m = re.fullmatch(r"([A-Za-z]{1,3})\$|\$([A-Za-z]{1,3})", text)
    if m:
        return u["dollar_prefixes"].get((m.group(1) or m.group(2)).casefold())
    return None


def glued_suffix(text: str) -> bool:
    """Can this text follow a number with no space: a unit symbol, a scale letter, pence, percent?"""
    u, lex = tables(), word_lists()
    low = text.casefold()
    return text in u["unit_symbols"] or low in lex["suffix_scales"] or low in u["sub_units"] or text == "%" \
        or (text == low and (low in u["trusted_abbreviations"] or low in u["unit_aliases"]))


def split_plan(text: str, after_dollar: bool = False) -> list[str] | None:
    """How to cut one token that glues a number to a sign, currency or unit ("RM79", "+0.2", "2.4GHz",
    "sub-300", "7-"), or None to leave it whole ("A320", "F16", "3x10")."""
    m = GLUED.match(text)
    if not m or not (m["pre"] or m["suf"]):
        return None
    pre, suf = m["pre"], m["suf"] or ""
    pieces: list[str] = []
    if pre:
        head = pre[:-1].casefold()
        if pre.endswith("-") and (head in word_lists()["bound_prefixes"] or head == "to"):
            pieces += [pre[:-1], "-"]
        elif pre in SIGNS or pre in APPROX_SIGNS or currency_sign(pre) \
                or (after_dollar and pre.isupper() and pre.casefold() in tables()["dollar_prefixes"]):
            pieces.append(pre)
        else:
            return None
    pieces.append(m["num"])
    tail = []
    if len(suf) > 1 and suf.endswith(".") and not glued_suffix(suf):
        suf, tail = suf[:-1], ["."]
    if suf.startswith("-"):
        pieces.append("-")
        suf = suf[1:]
    if suf and not glued_suffix(suf):
        return None
    pieces += ([suf] if suf else []) + tail
    return pieces if len(pieces) > 1 else None


def split_glued(doc: Doc) -> Doc:
    """The Doc itself, or a copy whose glued number tokens are cut in pieces (the text and offsets stay)."""
    plans = [(t.i, plan) for t in doc if not t.is_alpha and any(c.isdigit() for c in t.text)
             and (plan := split_plan(t.text, t.i > 0 and doc[t.i - 1].text == "$" and not doc[t.i - 1].whitespace_))]
    scales = word_lists()["suffix_scales"]
    plans += [(t.i, [t.text[:-1], "."]) for t in doc[1:] if len(t.text) > 1 and t.text.endswith(".")
              and t.text[:-1].casefold() in scales and not doc[t.i - 1].whitespace_ and doc[t.i - 1].text[-1].isdigit()]
    plans.sort()  # "£2m." at the end of a sentence: "2", "m", "."
    if not plans:
        return doc
    spans = [(doc[i].idx, doc[i].idx + len(doc[i].text)) for i, _ in plans]
    doc = doc.copy()
    with doc.retokenize() as retok:
        for i, pieces in plans:
            t = doc[i]
            retok.split(t, pieces, heads=[(t, 0)] * len(pieces))
    for t in doc[1:]:  # the pieces after the first continue their sentence (unset, `.sent` would raise)
        if t.is_sent_start is None:
            t.is_sent_start = False
    # NER read "164p" or "RM79" as a name or a date; cut in pieces they are an amount
    doc.ents = [e for e in doc.ents if e.label_ not in NAME_LABELS | TIME_LABELS
                or not any(a < e.end_char and e.start_char < b for a, b in spans)]
    return doc


# ---------------------------------------------------------------- units


@dataclass
class Unit:
    symbol: str
    dim: str  # pint's dimensionality, "[currency]", or "" for percent
    end: int  # token index after the unit
    dimension: str = ""  # its name: "currency", "percent", "power", "speed"...


def pint_unit(text: str) -> tuple[str, str, str] | None:
    """(symbol, dimensionality, dimension name) of a unit word, else None."""
    u = tables()
    key = text.casefold()
    if key in u["blocked_unit_words"]:
        return None
    return pint_lookup(u["unit_aliases"].get(key, key))


@lru_cache(maxsize=4096)
def pint_lookup(expr: str) -> tuple[str, str, str] | None:
    """pint's reading of one unit expression, cached; None on anything pint rejects or a newspaper
    would not call a unit (a dimension outside `allowed_dimensions`)."""
    u = tables()
    if not re.fullmatch(r"[A-Za-z_ .*0-9/]+", expr) or expr.strip(" .*/0123456789") == "":
        return None
    try:
        unit = registry().parse_units(expr)
        dims = unit.dimensionality
    except Exception:  # noqa: BLE001 - pint raises many types; any of them means "not a unit"
        return None
    name = str(unit)
    if dims:
        dimension = dimension_names().get(frozenset(dims.items()))
    else:
        dimension = next((d for base, d in u["dimensionless_units"].items() if base in name), None)
    if dimension is None:
        return None
    symbol = u["symbols"].get(name) or format(unit, "~").replace(" ** ", "").replace(" / ", "/").replace(" ", "")
    return symbol, str(dims), u["unit_dimensions"].get(symbol, dimension)


def unit_after(doc: Doc, k: int) -> Unit | None:
    """The unit that starts at token k: currency word or code, percent, a unit symbol ("kW", "km/h",
    "°C"), or a pint unit word (one to three words)."""
    u = tables()
    if k >= len(doc):
        return None
    glued = k > 0 and not doc[k - 1].whitespace_
    for n in (4, 3, 2, 1):
        if k + n > len(doc):
            continue
        span = doc[k:k + n]
        joined = "".join(t.text for t in span)
        if joined.endswith(".") and joined not in u["unit_symbols"] and k + n == span.sent.end:
            joined = joined[:-1]  # "at 2.01m." and "72 km/h." end the sentence
        if all(not t.whitespace_ for t in span[:-1]) and joined in u["unit_symbols"] \
                and (glued or joined not in u["glued_only_symbols"]):
            found = pint_lookup(u["unit_symbols"][joined])
            if found:
                return Unit(found[0], found[1], k + n, found[2])
        if any(t.is_punct and t.text not in ("%", ".", "-") for t in span):
            continue
        words = " ".join(t.lower_ for t in span)
        if "-" in words:
            words = joined.casefold()
        if words in u["currency_words"] or words in u["currency_by_country"]["_words"]:
            code = currency_in_sentence(doc, k, words) or u["currency_words"].get(words)
            if code:
                return Unit(code, "[currency]", k + n, "currency")
        if n == 1 and span[0].text in u["currency_codes"]:
            return Unit(span[0].text, "[currency]", k + 1, "currency")
        if words in u["percent_words"]:
            return Unit(u["percent_words"][words], "", k + n, "percent")
        if n == 1 and words in u["score_units"] and doc[k - 1].lower_ != "one":  # "at one point"
            return Unit(u["score_units"][words], "", k + 1, "points")
        if n == 1 and (glued or len(words) > 1) and words in u["sub_units"]:
            return Unit(u["sub_units"][words], "[currency]", k + 1, "currency")
        if n > 1 and span[0].lower_ not in u["unit_modifiers"] and words not in u["unit_aliases"]:
            continue
        low = span[0].lower_
        if n == 1 and len(low) > 1 and low.endswith(".") and k + 1 == span.sent.end:
            low = words = low[:-1]  # "the runner-up at 2.01m."
        if n == 1 and len(low) <= 3 and low not in u["unit_aliases"] \
                and (low not in u["trusted_abbreviations"] or span[0].text.rstrip(".") != low):
            continue  # "5 km", "3 t"; but "5G" is no five grams
        if n == 1 and not (low.isalpha() or low in u["unit_aliases"]):
            continue
        if n > 1 and span[-1].lower_ in u["blocked_unit_words"] and words not in u["unit_aliases"]:
            continue  # "square kilometres in March" is no km2*inch
        found = pint_unit(words)
        if found:
            return Unit(found[0], found[1], k + n, found[2])
    return None


def currency_in_sentence(doc: Doc, k: int, words: str) -> str | None:
    """The currency a bare shared name stands for ("crowns", "francs", "lira") from the one country word its
    sentence holds ("Norway's fund lost 1.5 trillion crowns" -> NOK); None with no country word or two."""
    table = tables()["currency_by_country"]
    family = table["_words"].get(words)
    if family is None:
        return None
    countries = table[family]
    sent = doc[k].sent
    lows = [t.lower_ for t in sent]
    found = {countries[w] for w in lows if w in countries}
    found |= {countries[f"{a} {b}"] for a, b in zip(lows, lows[1:]) if f"{a} {b}" in countries}
    return found.pop() if len(found) == 1 else None


def rate_denominator(doc: Doc, k: int) -> Unit | None:
    """The unit after a rate word at k-1 ("per barrel", "a year", "per megawatt hour"), else None."""
    if k >= len(doc):
        return None
    den = unit_after(doc, k)
    if den is None and doc[k].is_alpha:
        found = pint_lookup(tables()["unit_aliases"].get(doc[k].lower_, doc[k].lower_))
        den = Unit(found[0], found[1], k + 1, found[2]) if found else None
    return den


def compound(unit: Unit, den: Unit) -> Unit:
    """"USD" per "bbl" -> "USD/bbl", with both dimensions."""
    return Unit(f"{unit.symbol}/{den.symbol}", f"{unit.dim} / {den.dim}", den.end, f"{unit.dimension}/{den.dimension}")


def rate_after(doc: Doc, unit: Unit) -> Unit:
    """"$58.24 per barrel", "five percent a year", "10 million barrels per day", "28.5 roubles to the dollar":
    the compound unit, else `unit`."""
    k = unit.end
    if k + 2 < len(doc) and doc[k].lower_ in ("to", "against") and doc[k + 1].lower_ == "the" \
            and unit.dim == "[currency]":
        den = unit_after(doc, k + 2)
        return compound(unit, den) if den is not None and den.dim == "[currency]" and den.symbol != unit.symbol \
            else unit
    if k + 1 >= len(doc) or doc[k].lower_ not in tables()["rate_links"]:
        return unit
    den = rate_denominator(doc, k + 1)
    if den is None or den.symbol == "%" or (doc[k].lower_ != "per" and den.dimension in ("currency", "")):
        return unit
    if doc[k].lower_ != "per" and den.dim == "[time]" and den.end < len(doc) \
            and doc[den.end].lower_ in word_lists()["relative_time_after"]:
        return unit  # "$2.9 billion a year earlier" is no rate; "$2,450 an ounce before easing" is one
    return compound(unit, den)
