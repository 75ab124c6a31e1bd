"""Counted and measured amounts in a news article: "more than 17,000 munitions".

The product runs only `senter` and `ner`, so there are no POS tags or parses:
numbers are found lexically (digits, number words, fractions, signs), units through
pint (every dimension a newspaper uses, compound rates like "$58 per barrel") plus the
ISO 4217 currency table and percent, and objects are the run of content words after the
number (or after "of" for measures). Tokens that glue a number to its unit or currency
("RM79", "5kW", "HK$3.7") are split on a copy of the Doc first.
Word lists live in `data/quantity_*.json` and `data/currencies.json` so they can be
extended without code. NER is used only to drop numbers inside DATE/TIME and name entities.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .quantity_forms import factor_unit, factor_word, fx_rate_at, times_after
from .units import (
    APPROX_SIGNS,
    DATA,
    NAME_LABELS,
    SIGNS,
    TIME_LABELS,
    Unit,
    compound,
    currency_sign,
    rate_after,
    rate_denominator,
    split_glued,
    tables,
    unit_after,
    word_lists,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{1,3})?$")
MAX_OBJECT_WORDS = 5
FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")
MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]?$")  # "T-72", "Su-25", "S-300", "TB2"
FRACTION_DENOMINATORS = {2, 3, 4, 5, 8, 10, 16, 32}  # "9/11" and "7/7" are dates, not fractions
SCI_HEAD = re.compile(r"^(\d+(?:\.\d+)?)[x\u00d7]10$")  # "2.2x10" in "2.2x10^-6"
FLAGGED = frozenset({"vague", "calibre", "age"})  # left out of listings unless asked for


def load_categories(extra: Path | None = None) -> dict[str, str]:
    """The bundled object-word -> category map, with a user's JSON object merged over it."""
    out = json.loads((DATA / "quantity_categories.json").read_text(encoding="utf-8"))
    if extra is not None:
        user = json.loads(Path(extra).read_text(encoding="utf-8"))
        if not isinstance(user, dict) or not all(isinstance(v, str) for v in user.values()):
            raise ValueError(f"{extra}: expected a JSON object of word -> category")
        out.update(user)
    return {k.casefold(): v for k, v in out.items() if not k.startswith("_")}


# ---------------------------------------------------------------- numbers


def parse_number(text: str) -> float | None:
    """The value of a numeral ("17,000", "1.5 million", "twenty-five", "a couple hundred"), else None.

    Never raises: any word that is not part of a numeral makes the whole string None.
    """
    lex = word_lists()
    small, mult, scales = lex["small_numbers"], lex["multipliers"], lex["scales"]
    words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", str(text).casefold()).split()
    total = current = 0.0
    seen = False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        m = DIGITS.match(w)
        frac = _fraction(w)
        if frac is not None:
            current += frac
            seen = True
        elif m:
            if m.group(3) and m.group(3) not in lex["suffix_scales"]:
                return None
            current += float(m.group(1).replace(",", "") + (m.group(2) or ""))
            current *= lex["suffix_scales"].get(m.group(3) or "", 1)
            seen = True
        elif w in small:
            current += small[w]
            seen = True
        elif w in mult:
            current = (current or 1) * mult[w]
            seen = True
        elif w in scales:
            total += (current or 1) * scales[w]
            current, seen = 0.0, True
        elif w in ("a", "an") and (nxt in mult or nxt in scales or nxt in lex["approx_number_words"]):
            continue
        elif w in lex["approx_number_words"] and (nxt in mult or nxt in scales or nxt == "of"):
            current += 2
        elif w in ("and", "of") and seen:
            continue
        else:
            return None
    return total + current if seen else None


def _fraction(w: str) -> float | None:
    """"1/2" or "½" as a number; None for anything else ("24/7", "9/11")."""
    m = FRACTION.match(w)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        return a / b if 0 < a < b and b in FRACTION_DENOMINATORS else None
    if len(w) == 1 and unicodedata.category(w) == "No":
        try:
            v = unicodedata.numeric(w)
        except ValueError:
            return None
        return v if 0 < v < 1 else None
    return None


def _num_word(t: Token) -> bool:
    """Is this token a piece of a numeral (digits, fraction, number word, scale)?"""
    lex = word_lists()
    w = t.lower_
    return bool(DIGITS.match(w) and parse_number(w) is not None) or w in lex["small_numbers"] \
        or w in lex["multipliers"] or w in lex["scales"] or _fraction(w) is not None


def _numeral_end(doc: Doc, i: int) -> int:
    """End (exclusive) of the numeral starting at token i: "twenty - five", "1.5 million", "a couple hundred"."""
    lex = word_lists()
    glue = lex["glue"]
    j = i
    if doc[i].lower_ in ("a", "an"):
        j = i + 1
        if j < len(doc) and doc[j].lower_ in lex["approx_number_words"]:
            j += 1
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1
        if j >= len(doc) or doc[j].lower_ not in glue:
            return i
    end = j
    while j < len(doc):
        t = doc[j]
        if _num_word(t) and (j == end or not DIGITS.match(t.lower_) or doc[end - 1].lower_ in glue):
            if j > end and DIGITS.match(t.lower_) and DIGITS.match(doc[end - 1].lower_):
                break
            j += 1
            end = j
        elif t.text == "-" and not doc[j - 1].whitespace_ and j + 1 < len(doc) \
                and doc[j - 1].lower_ in lex["small_numbers"] and doc[j + 1].lower_ in lex["small_numbers"]:
            j += 1
        elif t.lower_ == "and" and doc[end - 1].lower_ in glue and j + 1 < len(doc) \
                and doc[j + 1].lower_ in lex["small_numbers"]:
            j += 1
        else:
            break
    return end


# ---------------------------------------------------------------- objects


def _np_end(doc: Doc, k: int, stop: int) -> int:
    """End of the run of content words from token k: "Armenian servicemen", "rail cars", "co-chairs"."""
    lex = word_lists()
    blocked = lex["blocked"]
    j = k
    while j < stop and j - k < MAX_OBJECT_WORDS:
        t = doc[j]
        w = t.lower_
        if t.text == "-" and j > k and not doc[j - 1].whitespace_ and not t.whitespace_ \
                and j + 1 < stop and doc[j + 1].is_alpha:
            j += 2
            continue
        if j == k and _model_name_len(doc, j, stop):
            j += _model_name_len(doc, j, stop)  # "12 T-72 tanks": a model name is part of what is counted
            continue
        if not t.is_alpha and not re.fullmatch(r"[a-z]+(-[a-z]+)+", w):
            break
        if t.is_stop or _num_word(t) or (w in blocked and j > k) or (t.ent_type_ in TIME_LABELS
                                                                      and not _noun_before_noun(doc, j, stop)):
            break
        modifier_like = w in blocked or (len(w) > 4 and re.search(r"(ed|ing)$", w) is not None)
        if modifier_like and (j > k or not (j + 1 < stop and doc[j + 1].is_alpha and not doc[j + 1].is_stop)):
            break
        j += 1
    return j


def _noun_before_noun(doc: Doc, j: int, stop: int) -> bool:
    """"45,000 season tickets": a lower-case word the model read as a date, before a plural noun, names
    a kind of the noun ("season", "day", "night"), not the time of the quantity."""
    nxt = doc[j + 1] if j + 1 < stop else None
    return doc[j].is_lower and doc[j].is_alpha and nxt is not None and nxt.is_lower and nxt.is_alpha \
        and not nxt.is_stop and nxt.lower_.endswith("s") and nxt.ent_type_ not in TIME_LABELS


def _model_name_len(doc: Doc, j: int, stop: int) -> int:
    """How many tokens from j make a model name before a noun ("T-72 tanks", "Su-25 jets", "TB2 drones"), else 0."""
    def noun(m: int) -> bool:
        return m < stop and doc[m].is_alpha and doc[m].is_lower

    if MODEL_NAME.match(doc[j].text) and noun(j + 1):
        return 1
    glued = j + 2 < stop and not doc[j].whitespace_ and not doc[j + 1].whitespace_
    return 3 if glued and MODEL_NAME.match("".join(t.text for t in doc[j:j + 3])) and noun(j + 3) else 0


def _text_of(doc: Doc, a: int, b: int) -> str:
    """Surface text of tokens a..b-1."""
    return doc[a:b].text if b > a else ""


@dataclass
class _Q:
    value: float
    unit: str | None
    dim: str
    qualifier: str
    start_tok: int
    num_start: int
    num_end: int
    end_tok: int
    obj: str | None = None
    event: str | None = None
    flags: list[str] = field(default_factory=list)
    link_next: bool = False  # "nine out of 54 train cars": take the object of the next quantity
    dimension: str = ""
    value_max: float | None = None
    change: str | None = None
    scale: float = 1.0  # the scale word of the numeral ("billion"), copied to the low end of a range


# ---------------------------------------------------------------- main


def extract_quantities(doc: Doc, *, categories: Mapping[str, str] | None = None,
                       include_flagged: bool = False) -> list[dict]:
    """Every counted or measured amount in `doc`, one dict per quantity, sorted by start.

    Vague plurals ("thousands of refugees"), weapon calibres ("152-mm howitzers") and ages
    ("a 50-year-old man") are returned only with `include_flagged=True`, flagged `vague` / `calibre` / `age`.
    """
    cats = _with_singulars(load_categories() if categories is None else categories)
    doc = split_glued(doc)
    blocked_tok = _blocked_tokens(doc)
    found: list[_Q] = []
    vague, fractions = word_lists()["vague_plurals"], word_lists()["fraction_words"]
    pos = 0
    # Only a numeral, "a"/"an" ("a hundred") or a vague plural can start a quantity.
    for t in doc:
        if t.i < pos or not (_num_word(t) or t.lower_ in ("a", "an") or t.lower_ in vague or SCI_HEAD.match(t.text)
                             or factor_word(t) or t.lower_ in fractions):
            continue
        q, nxt = _quantity_at(doc, t.i, blocked_tok)
        if q is not None and (include_flagged or not (FLAGGED & set(q.flags))):
            found.append(q)
        pos = max(nxt, t.i + 1)
    _share_objects(doc, found)
    out = []
    text = doc.text  # once: Doc.text and Span.text rebuild the string token by token
    prev: _Q | None = None
    for q in found:
        if q.obj is None and q.unit is None and q.event is None and not _after_change_word(doc, q):
            continue
        _mark_change_and_cumulative(doc, q)
        if q.change is None and prev is not None and [t.lower_ for t in doc[prev.end_tok:q.start_tok]] == [",", "or"]:
            q.change = prev.change  # "down $1.37, or 1.6%"
        out.append(_record(doc, q, cats, text))
        prev = q
    return sorted(out, key=lambda r: r["start"])


def _blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside date/time or name entities: their numbers are not amounts."""
    lex = word_lists()
    loose = {"-", "and", "or", "to", "from", "between", *lex["qualifiers_before"], *lex["determiners"]}
    out: set[int] = set()
    for e in doc.ents:
        if e.label_ in TIME_LABELS and all(_num_word(t) and not re.fullmatch(r"\d{4}", t.text) or t.lower_ in loose
                                           for t in e):
            continue  # "between 10 and 15" tagged DATE: no date word in it, so a count
        if e.label_ in TIME_LABELS or e.label_ in NAME_LABELS:
            out.update(range(e.start, e.end))
    return out


def _glued_left(doc: Doc, i: int) -> bool:
    """Is token i written right after token i-1, with no space?"""
    return i > 0 and not doc[i - 1].whitespace_


def _sign_before(doc: Doc, i: int) -> tuple[int, float, str | None]:
    """A sign or "minus" before the numeral at i: (first token, factor, qualifier it implies)."""
    lex = word_lists()
    if i == 0:
        return i, 1.0, None
    prev = doc[i - 1]
    if prev.text in SIGNS and _glued_left(doc, i) and (i < 2 or doc[i - 2].whitespace_ or doc[i - 2].text in "(["):
        return i - 1, float(SIGNS[prev.text]), None
    if prev.text in APPROX_SIGNS:
        return i - 1, 1.0, "approx"
    if prev.lower_ in lex["negative_words"]:
        return i - 1, -1.0, None
    return i, 1.0, None


def _currency_before(doc: Doc, i: int) -> tuple[int, str] | None:
    """A currency sign or code before the numeral at i ("$", "HK$", "EUR", "HK $", "$US"): (first token, code)."""
    if i == 0:
        return None
    code = currency_sign(doc[i - 1].text)
    if code is None and i > 1 and doc[i - 2].text == "$" and _glued_left(doc, i - 1) and doc[i - 1].text.isupper():
        code = tables()["dollar_prefixes"].get(doc[i - 1].lower_)  # "$US0.71"
        return (i - 2, code) if code else None
    if code is None:
        return None
    start = i - 1
    if i > 1 and doc[i - 1].text == "$":
        pre = tables()["dollar_prefixes"].get(doc[i - 2].lower_) if doc[i - 2].text.isupper() else None
        if pre:  # "HK $3.7 billion": the country before the sign decides the dollar
            code, start = pre, i - 2
    return start, code


def _scale_of(doc: Doc, i: int, end: int) -> float:
    """The scale word a numeral ends with ("3.7 billion" -> 1e9), 1 if none."""
    return float(word_lists()["scales"].get(doc[end - 1].lower_, 1)) if end - i > 1 else 1.0


def _is_name_number(doc: Doc, i: int, end: int) -> bool:
    """A number that is part of a name: "Boeing 737", "FTSE 100", "iPhone 15", "10 Downing Street"."""
    lex = word_lists()
    t = doc[i]
    if end - i != 1 or not t.text.isdigit():
        return False
    j = end
    while j < len(doc) and j - end < 3 and doc[j].is_title and not doc[j].is_sent_start:
        j += 1
        if j < len(doc) and doc[j].lower_ in lex["street_words"]:
            return True
    if i == 0 or doc[i].is_sent_start:
        return False
    prev = doc[i - 1]
    if not (prev.is_alpha or "&" in prev.text) or prev.is_sent_start or prev.lower_ in lex["name_number_exempt"] \
            or not any(c.isupper() for c in prev.text) or currency_sign(prev.text) \
            or prev.lower_ in tables()["dollar_prefixes"]:
        return False
    sent = doc[i].sent
    words = [w for w in sent if w.is_alpha and len(w) > 3]
    return sum(w.is_title for w in words) * 2 <= len(words)  # not a Title Case headline


def _counted_after(doc: Doc, i: int, end: int) -> bool:
    """A plural noun follows a bare number that is not after "in/since/the" ("sales of 5835 units")."""
    nxt = doc[end] if end < len(doc) else None
    prev = doc[i - 1].lower_ if i > 0 else ""
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.lower_.endswith("s") and not nxt.is_stop \
        and nxt.ent_type_ not in TIME_LABELS and prev not in word_lists()["year_before"]


def _year_not_count(doc: Doc, i: int, end: int, value: float) -> bool:
    """A bare four-digit 1800-2100 is a year, unless a plural noun it counts follows."""
    return _looks_like_year(doc, i, end, value) and not _counted_after(doc, i, end)


def _fraction_phrase(doc: Doc, i: int) -> tuple[float, int] | None:
    """"half a million", "a quarter of a percentage point", "three quarters of an hour": (value, end), when a
    scale word (applied) or a unit follows; None otherwise ("half the power", "a quarter of the vote")."""
    lex = word_lists()
    fractions = lex["fraction_words"]
    words = [t.lower_ for t in doc[i:i + 6]]
    j, times = 0, 1.0
    if words and (words[0] in ("a", "one") or words[0] in lex["small_numbers"]) and len(words) > 1 \
            and words[1] in fractions:
        times, j = (1.0 if words[0] in ("a", "one") else float(lex["small_numbers"][words[0]])), 1
    if j >= len(words) or words[j] not in fractions:
        return None
    value = times * fractions[words[j]]
    j += 1
    if j < len(words) and words[j] == "of":
        j += 1
    if j < len(words) and words[j] in ("a", "an"):
        j += 1
    else:
        return None
    k = i + j
    if k < len(doc) and doc[k].lower_ in lex["glue"]:
        mult = lex["multipliers"].get(doc[k].lower_) or lex["scales"][doc[k].lower_]
        return value * mult, k + 1
    return (value, k) if unit_after(doc, k) is not None else None


def _power_of_ten(doc: Doc, i: int) -> tuple[float, int] | None:
    """"2.2x10^-6", "3×10^5": (value, end), from a head token, "^" and the exponent (maybe "-" and digits)."""
    m = SCI_HEAD.match(doc[i].text)
    j = i + 1
    if not m or j + 1 >= len(doc) or doc[j].text != "^":
        return None
    j += 1
    sign = 1
    if doc[j].text in SIGNS and j + 1 < len(doc):
        sign, j = SIGNS[doc[j].text], j + 1
    exp = re.fullmatch(r"([-\u2212]?)(\d{1,2})", doc[j].text)
    if not exp:
        return None
    power = sign * (-1 if exp.group(1) else 1) * int(exp.group(2))
    return float(m.group(1)) * 10.0 ** power, j + 1


def _range_at(doc: Doc, k: int, start_tok: int) -> int | None:
    """Token where the high end of a range starts, if tokens at k read "to", "-", "and" (after "between"),
    "or", "-to-" and a number follows (a currency sign may repeat: "$3 to $5 billion"). After a change verb
    "X to Y" is a change and a level ("fell $1.125 to $13.625"), unless "between" or "from" opens it."""
    lex = word_lists()
    words = lex["range_words"]
    j = k
    if j < len(doc) and doc[j].text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in ("to", "or"):
        j += 1
    if j >= len(doc) or doc[j].lower_ not in words:
        return None
    w = doc[j].lower_
    before = doc[start_tok - 1].lower_ if start_tok > 0 else ""
    if w == "and" and before != "between":
        return None
    if w == "to" and before not in ("between", "from") and _changed_before(doc, start_tok):
        return None
    if w in ("-", "\u2013", "\u2014") and (doc[j - 1].whitespace_ or doc[j].whitespace_) and j == k:
        return None  # "10 - 15" spaced is rare; "nine – by rail" is no range
    j += 1
    if j < len(doc) and doc[j].text == "-" and doc[j - 1].lower_ == "to":
        j += 1
    if j < len(doc) and currency_sign(doc[j].text):
        j += 1
    return j if j < len(doc) and (_num_word(doc[j]) and doc[j].lower_ not in lex["glue"]) else None


def _changed_before(doc: Doc, start: int) -> bool:
    """A change verb right before ("rose 5% to 10%", "gained US$12 to US$1,315"): "X to Y" is from-to, not a range."""
    lex = word_lists()
    verbs = set(lex["change_words"]["up"]) | set(lex["change_words"]["down"])
    sent_start = doc[start].sent.start
    window = lex["change_window"]
    if start > 0 and doc[start - 1].lower_ == "by":
        window = lex["change_by_window"]
        verbs |= set(lex["change_by_words"]["up"]) | set(lex["change_by_words"]["down"])
    return any(doc[m].lower_ in verbs for m in range(max(sent_start, start - window), start))


def _merge_range(doc: Doc, q: _Q, j: int, blocked: set[int]) -> tuple[_Q, int] | None:
    """Read the high end at token j and fold it into q: one row with value, value_max, unit and scale on both."""
    hi, nxt = _quantity_at(doc, j, blocked, in_range=True)
    if hi is None:
        return None
    value = q.value
    if q.scale == 1 and hi.scale > 1 and value * hi.scale <= hi.value:
        value *= hi.scale  # "$3 to $5 billion"
    if hi.value <= value or (q.unit and q.unit != hi.unit):
        return None
    if any(doc[m].lower_ == "or" for m in range(q.end_tok, j)) and hi.value > 2 * value:
        return None  # "four or five people" is a range; "$200 or $500" are two choices
    if doc[q.start_tok].lower_ not in ("between", "from") and q.start_tok > 0 \
            and doc[q.start_tok - 1].lower_ in ("between", "from"):
        q.start_tok -= 1
    q.value, q.value_max, q.scale = value, hi.value, hi.scale
    if q.unit is None:
        q.unit, q.dim, q.dimension = hi.unit, hi.dim, hi.dimension
    q.qualifier, q.end_tok, q.obj, q.event = "range", hi.end_tok, hi.obj, hi.event
    q.flags = [f for f in dict.fromkeys(q.flags + hi.flags) if f != "duration" or q.dim == "[time]"]
    return q, max(nxt, hi.end_tok)


def _verb_use(doc: Doc, k: int) -> bool:
    """"ready to house 40,000 families", "will house": an identifier word used as a verb names no number."""
    return k > 0 and doc[k].is_lower and (doc[k - 1].lower_ == "to" or doc[k - 1].lower_ in word_lists()["auxiliaries"])


def _quantity_at(doc: Doc, i: int, blocked: set[int], *, in_range: bool = False) -> tuple[_Q | None, int]:
    """The quantity whose numeral starts at token i (None if there is none), and where to go on.

    `in_range`: i is the high end of a range, so a "between/from" before the low end is no hedge here."""
    lex, uni = word_lists(), tables()
    t = doc[i]
    if t.lower_ in lex["vague_plurals"]:
        return _vague_at(doc, i)
    if factor_word(t):
        return _factor_at(doc, i)
    sci = _power_of_ten(doc, i) or _fraction_phrase(doc, i)
    end = sci[1] if sci else _numeral_end(doc, i) if (_num_word(t) or t.lower_ in ("a", "an")) else i
    if end == i:
        return None, i + 1
    value = sci[0] if sci else parse_number(_text_of(doc, i, end))
    if value is None:
        return None, end
    scale = _scale_of(doc, i, end)
    prev = doc[i - 1].lower_ if i > 0 else ""
    prev2 = doc[i - 2].lower_ if i > 1 else ""
    nxt = doc[end].lower_ if end < len(doc) else ""
    flags: list[str] = []
    qualifier = "approx" if any(doc[k].lower_ in lex["approx_number_words"] for k in range(i, end)) else "exact"
    if prev in lex["vague_prefixes"] and (t.lower_ in lex["multipliers"] or t.lower_ in lex["scales"]):
        return _vague_at(doc, i - 1)  # "several hundred"
    start = i
    if prev == "-" and _glued_left(doc, i) and i > 1 and prev2 in lex["bound_prefixes"] and _glued_left(doc, i - 1):
        qualifier, start = lex["bound_prefixes"][prev2], i - 2  # "sub-300"
    # identifiers, model names, ages, times of day
    elif prev in lex["identifier_words"] and not _verb_use(doc, i - 1) \
            or (prev == "." and prev2 in lex["identifier_words"]):
        return None, end
    elif i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and i > 1 \
            and doc[i - 2].is_alpha and not doc[i - 2].whitespace_ and prev2 != "to":
        return None, end
    if prev in lex["age_before"] or (prev == "of" and prev2 in lex["age_before"]):
        return None, end
    if nxt in lex["time_of_day_after"] or (end < len(doc) and ":" in doc[end].text and doc[end].text != ":"):
        return None, end
    if _is_age_after_name(doc, i, end) or _hyphen_chain(doc, i) >= 3 or _is_name_number(doc, i, end):
        return None, end
    if start == i:
        start, sign, implied = _sign_before(doc, i)
        value *= sign
        qualifier = implied or qualifier
    # currency before the number, unit after it
    unit: Unit | None = None
    cur = _currency_before(doc, start)
    if cur is not None:
        start = cur[0]
        unit = Unit(cur[1], "[currency]", end, "currency")
        if end < len(doc) and doc[end].lower_ in lex["suffix_scales"] and not doc[end - 1].whitespace_:
            scale = float(lex["suffix_scales"][doc[end].lower_])
            value *= scale
            end += 1
            unit.end = end
    k = end
    in_time = not sci and not _counted_after(doc, i, end) and any(n in blocked for n in range(i, end))
    if unit is None and not in_time and not _year_not_count(doc, i, end, value) and not in_range:
        j = _range_at(doc, end, start)
        if j is not None:
            q = _Q(value=value, unit=None, dim="", qualifier=qualifier, start_tok=start, num_start=i, num_end=end,
                   end_tok=end, flags=flags, scale=scale)
            merged = _merge_range(doc, q, j, blocked)
            if merged:
                return merged
    # hyphenated modifiers: "152-mm howitzers", "44-day war", "2,000-strong contingent", "17,000-plus"
    times: str | None = None
    compound = k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    if compound:
        word = doc[k + 1]
        if _num_word(word) and DIGITS.match(word.lower_):
            compound = False  # "112-104": no range (it goes down), no unit
        elif word.lower_ == "plus":
            qualifier = "lower_bound"
            k += 2
            compound = False
        elif word.lower_ == "strong":
            k += 2
        elif word.lower_ == word_lists()["factor"]["fold_suffix"]:
            unit, k, compound = factor_unit(k + 2), k + 2, False  # "30-fold"
        else:
            mod = unit_after(doc, k + 1)
            if mod is None:
                return None, k + 2
            unit = mod
            k = mod.end
            if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in lex["age_after"]:
                flags.append("age")  # "a 50-year-old man": an age, not a duration
                k += 2
            if mod.symbol in uni["calibre_units"]:
                flags.append("calibre")
    elif unit is None:
        if k < len(doc) and doc[k].lower_ in lex["suffix_scales"] and not doc[k - 1].whitespace_ \
                and _million_not_metres(doc, k):
            scale = float(lex["suffix_scales"][doc[k].lower_])
            value *= scale
            k += 1
        unit = unit_after(doc, k)
        times = times_after(doc, k, not value.is_integer() or _changed_before(doc, start)
                            and _hedge_before(doc, start)[0] == "approx") if unit is None else None
        if times == "factor":
            unit = factor_unit(k + 1)  # "25 times faster"
        elif unit is None and not times:
            unit = fx_rate_at(doc, k, start)  # "148 per dollar"
        if unit is not None:
            k = unit.end
        elif times == "count":
            flags.append("times")  # "violated 42 times": how often, counted
        elif k < len(doc) and _glued_left(doc, k) and doc[k].is_alpha:
            return None, k + 1  # "5G", "3D": a letter glued to a number that is no unit makes a name
    elif unit.dim == "[currency]":
        after = unit_after(doc, k)
        if after is not None and after.dim == "[currency]":
            k = after.end
    if unit is not None and "age" not in flags and unit.dimension != "factor":
        unit = rate_after(doc, unit)
        k = unit.end
    # dates/times: numbers NER put in a DATE/TIME span; durations survive when explicit
    is_time_unit = unit is not None and unit.dim == "[time]" and "age" not in flags
    if is_time_unit:
        after_unit = doc[unit.end].lower_ if unit.end < len(doc) else ""
        modifier = compound and unit.end < len(doc) and doc[unit.end].is_alpha and not doc[unit.end].is_stop
        if after_unit in lex["relative_time_after"] or t.lower_ == "one" \
                or prev in lex["duration_determiners"] and not modifier:
            return None, k  # "the 10 days" is no amount, "the 44-day war" is; "one day"/"one-day" stay out
        flags.append("duration")
    elif in_time and "age" not in flags and (unit is None or "[currency]" not in unit.dim):
        return None, end  # "past 30" read as a date stays one; "past 30 per dollar" is a rate
    if unit is None and (_year_not_count(doc, i, end, value) or nxt in lex["object_blocked_heads"] and not times):
        return None, end
    if t.lower_ == "one" and unit is None and (nxt in lex["one_blocked_after"] or prev in (*lex["determiners"], "no")):
        return None, end
    if unit is None and prev in lex["determiners"] and i > 1 and doc[i - 2].lower_ in lex["referential_before"]:
        return None, end
    if unit is None and prev == "the" and t.lower_ in lex["small_numbers"] and nxt in lex["party_nouns"]:
        return None, end  # "the two countries said": the parties named, not counted
    # qualifier words before the numeral (or before the currency sign)
    if not in_range and qualifier == "exact":
        qualifier, start = _hedge_before(doc, start, is_time_unit)
    for phrase, qual in lex["qualifiers_after"].items():
        words = phrase.split()
        if [doc[m].lower_ for m in range(k, min(k + len(words), len(doc)))] == words:
            qualifier = qual
            k += len(words)
            break
    q = _Q(value=value, unit=unit.symbol if unit else None, dim=unit.dim if unit else "",
           qualifier=qualifier, start_tok=start, num_start=i, num_end=end, end_tok=k, flags=flags,
           dimension=unit.dimension if unit else "count", scale=scale)
    if unit is not None and not in_range and "age" not in flags:
        j = _range_at(doc, k, start)
        if j is not None:
            merged = _merge_range(doc, q, j, blocked)
            if merged:
                if merged[0].obj is None:
                    _attach_object(doc, merged[0])
                return merged
    if times == "count":
        q.obj, q.end_tok = doc[k].text, k + 1
    else:
        _attach_object(doc, q)
    return q, max(q.end_tok, end)


def _hedge_before(doc: Doc, start: int, duration: bool = False) -> tuple[str, int]:
    """The qualifier a hedge phrase right before token `start` gives ("more than", "up to", "within"), and where
    the quantity then starts; ("exact", start) with none. "over four years" spans a time, it bounds nothing."""
    lex = word_lists()
    hedges = _hedges_longest_first()
    before = [doc[m].lower_ for m in range(max(0, start - len(hedges[0][0])), start)] if hedges else []
    for words, qual in hedges:
        n = len(words)
        if n <= len(before) and before[len(before) - n:] == words:
            if words == ["over"] and start > 1 and doc[start - 2].lower_ in lex["particle_over_verbs"]:
                break  # "handed over 15 detainees": a verb's particle, no bound
            if duration and n == 1 and words[0] in lex["time_span_hedges"]:
                break
            return qual, start - n
    return "exact", start


def _factor_at(doc: Doc, i: int) -> tuple[_Q | None, int]:
    """"doubled", "more than tripled", "a threefold rise": a factor (unit "x") with its direction."""
    value, change = factor_word(doc[i])
    if doc[i].lower_ in word_lists()["factor"]["verbs"] and i + 1 < len(doc) and doc[i + 1].lower_ == "down":
        return None, i + 2  # "doubled down" is no factor
    qualifier, start = _hedge_before(doc, i)
    q = _Q(value=value, unit=tables()["factor_unit"], dim="", qualifier=qualifier, start_tok=start, num_start=i,
           num_end=i + 1, end_tok=i + 1, dimension="factor", change=change)
    return q, i + 1


def _after_change_word(doc: Doc, q: _Q) -> bool:
    """Does a change word stand shortly before this bare number ("grew by 45,000 to 7.6 million", "dropped to
    43,300")? Then it is a figure though nothing names what it counts. A score ("lost 2-1") is none."""
    lex = word_lists()
    i = q.num_start
    if (i > 0 and doc[i - 1].text == "-" and _glued_left(doc, i)) \
            or (q.num_end + 1 < len(doc) and doc[q.num_end].text == "-" and not doc[q.num_end - 1].whitespace_):
        return False
    words = set(lex["change_words"]["up"]) | set(lex["change_words"]["down"])
    sent_start = doc[i].sent.start
    for m in range(q.start_tok - 1, max(sent_start, q.start_tok - 1 - lex["change_by_window"]) - 1, -1):
        w = doc[m]
        if w.is_punct and w.text != "%" and not (w.text == "-" and not w.whitespace_ and not doc[m - 1].whitespace_):
            return False  # "jumped 2.1% to 38,450.2" and "rose 30-fold to 42,000" read on
        if w.lower_ in words and w.lower_ not in ("up", "down", "higher", "lower"):
            return m == q.start_tok - 1 or doc[q.start_tok - 1].lower_ in ("by", "to", "from")
    return False


def _mark_change_and_cumulative(doc: Doc, q: _Q) -> None:
    """`change` from a sign or a change word before ("fell 4.5%", "up 3%") or after ("5% higher"); a quantity
    after "to"/"at" is a level. `cumulative` when the sentence speaks of a running total (a toll, "since ...")."""
    lex = word_lists()
    ups, downs = set(lex["change_words"]["up"]), set(lex["change_words"]["down"])
    sent = doc[q.num_start].sent
    first = doc[q.start_tok]
    if "times" in q.flags:
        pass  # "cut three times" says how often, not by how much
    elif first.text in SIGNS and q.start_tok < q.num_start:
        q.change = "up" if SIGNS[first.text] > 0 else "down"
    elif q.change is None and q.start_tok > sent.start and doc[q.start_tok - 1].lower_ not in lex["level_before"] \
            and first.lower_ not in lex["level_hedges"]:
        by = doc[q.start_tok - 1].lower_ == "by"  # "cut the risk of death by 20 per cent"
        window = lex["change_by_window"] if by else lex["change_window"]
        if by:
            ups, downs = ups | set(lex["change_by_words"]["up"]), downs | set(lex["change_by_words"]["down"])
        for m in range(q.start_tok - 1, max(sent.start, q.start_tok - 1 - window) - 1, -1):
            w = doc[m]
            if (w.lower_ in lex["level_before"] and not by) or _num_word(w) or w.is_punct:
                break
            adverb = w.lower_ in ("up", "down", "higher", "lower")
            if (w.lower_ in ups or w.lower_ in downs) and not (adverb and q.unit is None):
                q.change = "up" if w.lower_ in ups else "down"
                break
    after = doc[q.end_tok].lower_ if q.end_tok < sent.end else ""
    if q.change is None and after in lex["change_after"] and q.unit is not None and q.dimension != "factor":
        q.change = lex["change_after"][after]  # "5% higher", "40% less power"
    if q.unit is None or q.dimension == "count":
        said = " " + " ".join(w.lower_ for w in sent) + " "
        obj = " " + (q.obj or "").casefold() + " "
        if any(f" {c} " in said for c in lex["cumulative_cues"]) \
                or any(f" {c} " in obj for c in lex["cumulative_objects"]):
            q.flags.append("cumulative")


def _million_not_metres(doc: Doc, k: int) -> bool:
    """Is a letter glued to a number a scale ("35m passengers", "35m of its devices", "2m barrels", "4bn") rather
    than a unit ("the 100m", "2.05m to win")? Only "m" is both: a million when "of", a unit or a plural noun follows."""
    if doc[k].lower_ != "m":
        return True
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    before = doc[k - 2].lower_ if k > 1 else ""
    if nxt is None or before in ("the", "a", "an"):
        return False
    return nxt.lower_ == "of" or unit_after(doc, k + 1) is not None \
        or (nxt.is_alpha and nxt.is_lower and nxt.lower_.endswith("s") and not nxt.is_stop)


@lru_cache(maxsize=1)
def _hedges_longest_first() -> list[tuple[list[str], str]]:
    """Hedge phrases before a number as word lists, longest first so "no more than" wins over "more than"."""
    return sorted(((p.split(), q) for p, q in word_lists()["qualifiers_before"].items()), key=lambda kv: -len(kv[0]))


def _vague_at(doc: Doc, i: int) -> tuple[_Q | None, int]:
    """'thousands of refugees', 'tens of thousands', 'several hundred': a lower bound flagged vague."""
    lex = word_lists()
    vague = lex["vague_plurals"]
    j = i
    value = 1.0
    if doc[i].lower_ in lex["vague_prefixes"]:
        j = i + 1
        w = doc[j].lower_
        value = float(lex["multipliers"].get(w) or lex["scales"].get(w) or 0)
        j += 1
    while j < len(doc) and doc[j].lower_ in vague:
        value = max(value, 1.0) * vague[doc[j].lower_]
        if j + 2 < len(doc) and doc[j + 1].lower_ == "of" and doc[j + 2].lower_ in vague:
            j += 2
        else:
            j += 1
    if value <= 1:
        return None, j
    q = _Q(value=value, unit=None, dim="", qualifier="lower_bound", start_tok=i, num_start=i, num_end=j,
           end_tok=j, flags=["vague"])
    _attach_object(doc, q)
    return q, q.end_tok


def _looks_like_year(doc: Doc, i: int, end: int, value: float) -> bool:
    """A bare four-digit number 1800-2100 ("in 1988", "1992-1994") is a year, not a count."""
    text = doc[i].text
    return end - i == 1 and re.fullmatch(r"\d{4}", text) is not None and 1800 <= value <= 2100


def _hyphen_chain(doc: Doc, i: int) -> int:
    """How many digit groups are glued by hyphens around token i: 3 for "2020-12-20" or "555-12-34"."""
    def glued(a: int) -> bool:  # tokens a, a+1, a+2 read "<digits>-<digits>" with no spaces
        return a >= 0 and a + 2 < len(doc) and doc[a + 1].text == "-" and not doc[a].whitespace_ \
            and not doc[a + 1].whitespace_ and doc[a].text.isdigit() and doc[a + 2].text.isdigit()
    left = right = i
    while glued(left - 2):
        left -= 2
    while glued(right):
        right += 2
    return (right - left) // 2 + 1


def _is_age_after_name(doc: Doc, i: int, end: int) -> bool:
    """"John Smith, 45, said ...": a number between commas right after a person's name."""
    if i < 2 or end >= len(doc) or doc[i - 1].text != "," or doc[end].text != ",":
        return False
    return doc[i - 2].ent_type_ == "PERSON"


def _attach_object(doc: Doc, q: _Q) -> None:
    """What is counted: "of X" after a measure, the words after a count, "X out of Y N" links."""
    lex = word_lists()
    sent_end = doc[q.num_start].sent.end
    k = q.end_tok
    if q.unit is not None or "vague" in q.flags:
        link = doc[k].lower_ if k < sent_end else ""
        if link == "of" and doc[q.start_tok].lower_ == "within":
            pass  # "within 10 miles of the border": a place to measure from, not what is measured
        elif link == "of" or (link in ("in", "for", "worth") and q.dim == "[currency]"):
            a = k + 1
            if a < sent_end and doc[a].lower_ == "of":
                a += 1
            while link == "of" and a < sent_end and doc[a].lower_ in lex["determiners"]:
                a += 1
            b = _np_end(doc, a, sent_end)
            if b > a:
                q.obj, q.end_tok = _text_of(doc, a, b), b
                _rate_after_object(doc, q)
        elif q.start_tok > 0 and doc[q.start_tok - 1].lower_ in lex["left_object_links"]:
            _object_on_left(doc, q)  # "wind speeds of up to 90 mph toppled trees": the noun before "of"
        elif q.unit is not None and "duration" not in q.flags or "calibre" in q.flags:
            b = _np_end(doc, k, sent_end)
            if b > k and (q.dim != "" or _adjective_before_noun(doc, q)):
                q.obj, q.end_tok = _text_of(doc, k, b), b
        elif "duration" in q.flags:
            b = _np_end(doc, k, sent_end)
            if b > k and doc[q.num_end].text == "-":
                q.obj, q.end_tok = _text_of(doc, k, b), b
        if q.obj is None:
            _object_on_left(doc, q)
    else:
        if k < sent_end and doc[k].lower_ in ("out", "of"):
            a = k + 2 if doc[k].lower_ == "out" else k + 1
            while a < sent_end and doc[a].lower_ in lex["determiners"]:
                a += 1
            if a < sent_end and (_num_word(doc[a]) or doc[a].lower_ in ("a", "an")):
                q.link_next = True
                return
            if doc[q.num_start].lower_ == "one" or doc[k].lower_ == "out":
                return
            k = a  # "2,300 of its servicemen"
        if k + 1 < sent_end and doc[k].lower_ in lex["count_modifiers"] and doc[k + 1].is_alpha \
                and doc[k + 1].lower_ not in ("than", "of"):
            k += 1  # "eight more picks", "300 additional troops": the noun is what is counted
        b = _np_end(doc, k, sent_end)
        if b > k and doc[b - 1].lower_ in lex["partitive_heads"] and b < sent_end and doc[b].lower_ == "of":
            b = _np_end(doc, b + 1, sent_end)
        if b > k and doc[b - 1].lower_ not in lex["object_blocked_heads"]:
            q.obj, q.end_tok = _text_of(doc, k, b), b
        if q.obj is None:
            _object_on_left(doc, q)  # "a crowd of 74,000", "a crew of 180"
        if q.obj is None:
            _running_total_before(doc, q)  # "the death toll rose to 52"
        if q.obj is None and k < sent_end and doc[k].lower_ in lex["partitive_pronouns"] and doc[k - 1].lower_ == "of":
            q.end_tok = k + 1  # "has returned 29 of them"
            q.event = _event_after(doc, q.end_tok, sent_end) or _event_before(doc, q.start_tok)
            return
    q.event = _event_after(doc, q.end_tok, sent_end)


def _rate_after_object(doc: Doc, q: _Q) -> None:
    """"50 billion tonnes of ice a year", "30 litres of milk a day": a time rate after the object is the unit's."""
    k = q.end_tok
    if q.dim == "" or "/" in (q.unit or "") or k + 1 >= len(doc) \
            or doc[k].lower_ not in tables()["rate_links"]:
        return
    den = rate_denominator(doc, k + 1)
    if den is None or den.dim != "[time]" or (den.end < len(doc)
                                              and doc[den.end].lower_ in word_lists()["relative_time_after"]):
        return
    rate = compound(Unit(q.unit, q.dim, k, q.dimension), den)
    q.unit, q.dim, q.dimension, q.end_tok = rate.symbol, rate.dim, rate.dimension, rate.end


def _adjective_before_noun(doc: Doc, q: _Q) -> bool:
    """"a 5% stake", "the ECB's 2% target": a percentage between a determiner and a noun describes that noun."""
    before = doc[q.start_tok - 1] if q.start_tok > 0 else None
    return before is not None and (before.lower_ in ("a", "an", "'s", "’s") or before.lower_ in
                                   word_lists()["determiners"])


def _running_total_before(doc: Doc, q: _Q) -> None:
    """"The death toll rose to 52", "put the population at 120,000": a toll, tally or population named shortly
    before a bare count is what it counts."""
    lex = word_lists()
    sent_start = doc[q.num_start].sent.start
    for m in range(q.start_tok - 1, max(sent_start, q.start_tok - 10) - 1, -1):
        if _num_word(doc[m]):
            return
        if doc[m].lower_ in lex["cumulative_objects"] or doc[m].lower_ in lex["level_objects"]:
            a = m - 1 if m > sent_start and doc[m - 1].is_alpha and not doc[m - 1].is_stop else m
            q.obj = _text_of(doc, a, m + 1)
            return


def _object_on_left(doc: Doc, q: _Q) -> None:
    """"a distance of 12 km", "a death toll of 50": the noun before "of" names the measure."""
    lex = word_lists()
    j = q.start_tok - 1
    sent_start = doc[q.num_start].sent.start
    if j <= sent_start or doc[j].lower_ not in lex["left_object_links"]:
        return
    b = j
    a = b
    if a - 1 >= sent_start and doc[a - 1].lower_ in lex["left_object_skip"]:
        return  # "an average of 14.5 hours" says how the figure is given, not what it measures
    words = 0
    while words < 3 and a - 1 >= sent_start and doc[a - 1].is_alpha and not doc[a - 1].is_stop \
            and (a == b or _left_word(doc[a - 1])):
        a -= 1
        words += 1
        if a - 2 >= sent_start and doc[a - 1].text == "-" and not doc[a - 1].whitespace_ \
                and not doc[a - 2].whitespace_ and doc[a - 2].is_alpha:
            a -= 2  # "a pre-tax loss of"
    if a < b:
        q.obj = _text_of(doc, a, b)


def _left_word(t: Token) -> bool:
    """Can this word stand before the head noun of "X of N" ("death toll")? Not a verb or participle
    ("brought gusts", "packing winds"); the head itself may be one ("a cost of")."""
    w = t.lower_
    return w not in word_lists()["blocked"] and not (len(w) > 4 and re.search(r"(ed|ing)$", w) and not t.is_title)


def _event_after(doc: Doc, k: int, stop: int) -> str | None:
    """The event word right after the quantity ("were killed", "have arrived"), for categories."""
    lex = word_lists()
    j = k
    while j < stop and j - k < 3 and doc[j].lower_ in lex["auxiliaries"]:
        j += 1
    if j < stop and doc[j].lower_ in lex["event_words"]:
        return doc[j].lower_
    return None


def _event_before(doc: Doc, k: int) -> str | None:
    """The event word right before a count ("has returned 29 of them", "freed only 12 of those")."""
    lex = word_lists()
    j = k - 1
    while j >= 0 and k - j <= 3 and (doc[j].lower_ in lex["auxiliaries"] or doc[j].lower_ in ("only", "just")):
        j -= 1
    return doc[j].lower_ if j >= 0 and doc[j].lower_ in lex["event_words"] else None


def _share_objects(doc: Doc, found: list[_Q]) -> None:
    """Fill missing objects: "nine out of 54 train cars" from the next, "1,200 tonnes – by rail" from the last."""
    for a, b in zip(found, found[1:]):
        if a.link_next and b.obj:
            a.obj = b.obj
            a.event = a.event or b.event
    for n, q in enumerate(found):
        if q.obj is not None or doc[q.num_start].lower_ == "one":
            continue
        para = _paragraph_start(doc, q.num_start)
        for p in reversed(found[:n]):
            if p.num_start < para:
                break
            if p.unit == q.unit and p.obj and p.dim == q.dim:
                q.obj = p.obj
                break
        if q.obj is None and q.unit is not None:
            q.obj = word_lists()["measure_fallback_objects"].get(q.dim)


def _paragraph_start(doc: Doc, i: int) -> int:
    """Token index where the paragraph holding token i begins (a newline ends a paragraph)."""
    j = i
    while j > 0 and "\n" not in doc[j - 1].text and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    return j


def _singular(w: str) -> str:
    """Crude singular for matching category words: "territories" -> "territory", "cars" -> "car"."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and re.search(r"(ss|sh|ch|x)es$", w):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


_singulars_memo: tuple[Mapping[str, str], dict[str, str]] | None = None


def _with_singulars(categories: Mapping[str, str]) -> dict[str, str]:
    """The categories with every key also casefolded and in singular form; the last one is memoized,
    since callers pass the same mapping for every document."""
    global _singulars_memo
    if _singulars_memo is not None and _singulars_memo[0] is categories:
        return _singulars_memo[1]
    cats = {k.casefold(): v for k, v in categories.items()}
    cats.update({_singular(k): v for k, v in cats.items() if _singular(k) not in cats})
    _singulars_memo = (categories, cats)
    return cats


def _category(q: _Q, cats: Mapping[str, str]) -> str | None:
    """The category of the event word, else of the longest/head-most matching object phrase, else the unit's.

    `cats` holds every key also in singular form, so plural and singular objects both match.
    """
    if q.event and (q.event in cats or _singular(q.event) in cats):
        return cats.get(q.event) or cats[_singular(q.event)]
    words = [_singular(w) for w in re.findall(r"[a-z][a-z'-]*", (q.obj or "").casefold())]
    best: tuple[int, int, str] | None = None
    for n in range(len(words), 0, -1):
        for s in range(len(words) - n + 1):
            phrase = " ".join(words[s:s + n])
            if phrase in cats:
                rank = (n, s + n)  # longer phrases first, then the one nearer the head noun
                if best is None or rank > best[:2]:
                    best = (*rank, cats[phrase])
    if best:
        return best[2]
    if q.dim == "[currency]":
        return cats.get("money")
    if q.dim in ("[length]", "[length] ** 2"):
        return cats.get("distance") if q.dim == "[length]" else cats.get("area")
    return None


def _clean(v: float) -> float | int:
    """An int when whole (8.3 * 1e6 is 8300000.000000001 in floating point), else 12 significant digits."""
    rounded = float(f"{v:.12g}")
    return int(rounded) if rounded.is_integer() else rounded


def _record(doc: Doc, q: _Q, cats: Mapping[str, str], text: str) -> dict:
    """The public dict for one quantity (`text` is `doc.text`)."""
    start = doc[q.start_tok].idx
    last = doc[q.end_tok - 1]
    end = last.idx + len(last.text)
    sent = doc[q.num_start].sent
    raw = text[sent.start_char:sent.end_char]
    sent_text = raw.strip()
    sent_start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return {
        "value": _clean(q.value),
        "value_max": None if q.value_max is None else _clean(q.value_max),
        "unit": q.unit,
        "dimension": q.dimension or ("count" if q.unit is None else None),
        "change": q.change,
        "object": q.obj,
        "qualifier": q.qualifier,
        "category": _category(q, cats),
        "flags": list(q.flags),
        "text": text[start:end],
        "start": start,
        "end": end,
        "sentence": sent_text,
        "sent_start": sent_start,
    }
