"""Counted and measured amounts in a news article: "more than 17,000 munitions".

The product runs only `senter` and `ner`, so there are no POS tags or parses:
numbers are found lexically (digits and number words), units through pint
(length, area, volume, mass, time) plus a currency/percent table, and objects
are the run of content words after the number (or after "of" for measures).
Word lists live in `data/quantity_*.json` so they can be extended without code.
NER is used only to drop numbers inside DATE/TIME and name entities.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint
    from spacy.tokens import Doc, Token

DATA = Path(__file__).resolve().parent.parent / "data"
DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([a-z]{1,3})?$")
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
TIME_LABELS = {"DATE", "TIME"}
MAX_OBJECT_WORDS = 5


def _read(name: str) -> dict[str, Any]:
    """A data file with its word lists as sets: they are only ever asked `w in ...`, once per token."""
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


@lru_cache(maxsize=1)
def _lex() -> dict[str, Any]:
    """The word lists, read once; `glue` (multipliers and scales) and `blocked` (words no object starts
    with) derived once."""
    lex = _read("quantity_lexicon.json")
    lex["glue"] = frozenset(lex["multipliers"]) | frozenset(lex["scales"])
    lex["blocked"] = lex["object_stop_words"] | lex["event_words"] | lex["common_verbs"]
    return lex


@lru_cache(maxsize=1)
def _units() -> dict[str, Any]:
    """The unit tables, read once."""
    return _read("quantity_units.json")


@lru_cache(maxsize=1)
def _registry() -> pint.UnitRegistry:
    """One pint registry, built on first use (it takes ~0.1 s)."""
    import pint

    return pint.UnitRegistry()


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
    lex = _lex()
    small, mult, scales = lex["small_numbers"], lex["multipliers"], lex["scales"]
    words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", str(text).casefold()).split()
    total = current = 0.0
    seen = False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        m = DIGITS.match(w)
        if m:
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


def _num_word(t: Token) -> bool:
    """Is this token a piece of a numeral (digits, number word, scale)?"""
    lex = _lex()
    w = t.lower_
    return bool(DIGITS.match(w) and parse_number(w) is not None) or w in lex["small_numbers"] \
        or w in lex["multipliers"] or w in lex["scales"]


def _numeral_end(doc: Doc, i: int) -> int:
    """End (exclusive) of the numeral starting at token i: "twenty - five", "1.5 million", "a couple hundred"."""
    lex = _lex()
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


# ---------------------------------------------------------------- units


@dataclass
class _Unit:
    symbol: str
    dim: str
    end: int  # token index after the unit


def _pint_unit(text: str) -> tuple[str, str] | None:
    """(symbol, dimensionality) of a length/area/volume/mass/time unit word, else None."""
    u = _units()
    key = text.casefold()
    if key in u["blocked_unit_words"]:
        return None
    return _pint_lookup(u["unit_aliases"].get(key, key))


@lru_cache(maxsize=4096)
def _pint_lookup(expr: str) -> tuple[str, str] | None:
    """pint's reading of one unit expression, cached; None on anything pint rejects."""
    u = _units()
    if not re.fullmatch(r"[a-z_ .*0-9/]+", expr) or expr.strip(" .*/0123456789") == "":
        return None
    try:
        unit = _registry().parse_units(expr)
        dim = str(unit.dimensionality)
    except Exception:  # noqa: BLE001 - pint raises many types; any of them means "not a unit"
        return None
    if dim not in u["allowed_dimensions"]:
        return None
    name = str(unit)
    symbol = u["symbols"].get(name) or format(unit, "~").replace(" ** ", "").replace(" / ", "/").replace(" ", "")
    return symbol, dim


def _unit_after(doc: Doc, k: int) -> _Unit | None:
    """The unit that starts at token k: currency word, percent, or a pint unit (one to three words)."""
    u = _units()
    if k >= len(doc):
        return None
    for n in (3, 2, 1):
        if k + n > len(doc):
            continue
        span = doc[k:k + n]
        if any(t.is_punct and t.text not in ("%", ".") for t in span):
            continue
        words = " ".join(t.lower_ for t in span)
        if words in u["currency_words"]:
            return _Unit(u["currency_words"][words], "[currency]", k + n)
        if words in u["percent_words"]:
            return _Unit("%", "", k + n)
        if n > 1 and span[0].lower_ not in u["unit_modifiers"] and words not in u["unit_aliases"]:
            continue
        t = span[0]
        if n == 1 and len(t.text) <= 3 and t.lower_ not in u["trusted_abbreviations"] \
                and t.lower_ not in u["unit_aliases"]:
            continue
        if n == 1 and not (t.is_alpha or t.lower_ in u["unit_aliases"]):
            continue
        found = _pint_unit(words)
        if found:
            return _Unit(found[0], found[1], k + n)
    return None


# ---------------------------------------------------------------- objects


def _np_end(doc: Doc, k: int, stop: int) -> int:
    """End of the run of content words from token k: "Armenian servicemen", "rail cars", "co-chairs"."""
    lex = _lex()
    blocked = lex["blocked"]
    j = k
    while j < stop and j - k < MAX_OBJECT_WORDS:
        t = doc[j]
        w = t.lower_
        if t.text == "-" and j > k and not doc[j - 1].whitespace_ and not t.whitespace_ \
                and j + 1 < stop and doc[j + 1].is_alpha:
            j += 2
            continue
        if not t.is_alpha and not re.fullmatch(r"[a-z]+(-[a-z]+)+", w):
            break
        if t.is_stop or _num_word(t) or t.ent_type_ in TIME_LABELS or (w in blocked and j > k):
            break
        modifier_like = w in blocked or (len(w) > 4 and re.search(r"(ed|ing)$", w) is not None)
        if modifier_like and (j > k or not (j + 1 < stop and doc[j + 1].is_alpha and not doc[j + 1].is_stop)):
            break
        j += 1
    return j


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


# ---------------------------------------------------------------- main


def extract_quantities(doc: Doc, *, categories: Mapping[str, str] | None = None,
                       include_flagged: bool = False) -> list[dict]:
    """Every counted or measured amount in `doc`, one dict per quantity, sorted by start.

    Vague plurals ("thousands of refugees") and weapon calibres ("152-mm howitzers")
    are returned only with `include_flagged=True`, flagged `vague` / `calibre`.
    """
    cats = _with_singulars(load_categories() if categories is None else categories)
    blocked_tok = _blocked_tokens(doc)
    found: list[_Q] = []
    vague = _lex()["vague_plurals"]
    pos = 0
    # Only a numeral, "a"/"an" ("a hundred") or a vague plural can start a quantity.
    for t in doc:
        if t.i < pos or not (_num_word(t) or t.lower_ in ("a", "an") or t.lower_ in vague):
            continue
        q, nxt = _quantity_at(doc, t.i, blocked_tok)
        if q is not None and (include_flagged or not ({"vague", "calibre"} & set(q.flags))):
            found.append(q)
        pos = max(nxt, t.i + 1)
    _share_objects(doc, found)
    out = []
    text = doc.text  # once: Doc.text and Span.text rebuild the string token by token
    for q in found:
        if q.obj is None and q.unit is None and q.event is None:
            continue
        out.append(_record(doc, q, cats, text))
    return sorted(out, key=lambda r: r["start"])


def _blocked_tokens(doc: Doc) -> set[int]:
    """Tokens inside date/time or name entities: their numbers are not amounts."""
    lex = _lex()
    loose = {"-", "and", "or", "to", "from", "between", *lex["qualifiers_before"], *lex["determiners"]}
    out: set[int] = set()
    for e in doc.ents:
        if e.label_ in TIME_LABELS and all(_num_word(t) and not re.fullmatch(r"\d{4}", t.text) or t.lower_ in loose
                                           for t in e):
            continue  # "between 10 and 15" tagged DATE: no date word in it, so a count
        if e.label_ in TIME_LABELS or e.label_ in NAME_LABELS:
            out.update(range(e.start, e.end))
    return out


def _quantity_at(doc: Doc, i: int, blocked: set[int]) -> tuple[_Q | None, int]:
    """The quantity whose numeral starts at token i (None if there is none), and where to go on."""
    lex, uni = _lex(), _units()
    t = doc[i]
    if t.lower_ in lex["vague_plurals"]:
        return _vague_at(doc, i)
    end = _numeral_end(doc, i) if (_num_word(t) or t.lower_ in ("a", "an")) else i
    if end == i:
        return None, i + 1
    value = parse_number(_text_of(doc, i, end))
    if value is None:
        return None, end
    prev = doc[i - 1].lower_ if i > 0 else ""
    prev2 = doc[i - 2].lower_ if i > 1 else ""
    nxt = doc[end].lower_ if end < len(doc) else ""
    flags: list[str] = []
    qualifier = "approx" if any(doc[k].lower_ in lex["approx_number_words"] for k in range(i, end)) else "exact"
    if prev in lex["vague_prefixes"] and (t.lower_ in lex["multipliers"] or t.lower_ in lex["scales"]):
        return _vague_at(doc, i - 1)  # "several hundred"
    # identifiers, model names, ages, times of day
    if prev in lex["identifier_words"] or (prev == "." and prev2 in lex["identifier_words"]):
        return None, end
    if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and i > 1 \
            and doc[i - 2].is_alpha and not doc[i - 2].whitespace_:
        return None, end
    if prev in lex["age_before"] or (prev == "of" and prev2 in lex["age_before"]):
        return None, end
    if nxt in lex["time_of_day_after"] or (end < len(doc) and ":" in doc[end].text and doc[end].text != ":"):
        return None, end
    if _is_age_after_name(doc, i, end) or _hyphen_chain(doc, i) >= 3:
        return None, end
    if (prev == "-" and i > 1 and not doc[i - 2].whitespace_ and DIGITS.match(prev2)) or \
            (prev in ("and", "to") and i > 2 and _num_word(doc[i - 2]) and doc[i - 3].lower_ in ("between", "from")):
        flags.append("range")
        qualifier = "upper_bound"
    # currency before the number, unit after it
    start = i
    unit: _Unit | None = None
    if i > 0 and doc[i - 1].lower_ in uni["currency_symbols"]:
        unit = _Unit(uni["currency_symbols"][doc[i - 1].lower_], "[currency]", end)
        start = i - 1
        if end < len(doc) and doc[end].lower_ in lex["suffix_scales"] and not doc[end - 1].whitespace_:
            value *= lex["suffix_scales"][doc[end].lower_]
            end += 1
            unit.end = end
    k = end
    # hyphenated modifiers: "152-mm howitzers", "44-day war", "2,000-strong contingent", "17,000-plus"
    lower_end = prev in ("between", "from") and nxt in ("and", "to") and end + 1 < len(doc) \
        and _num_word(doc[end + 1])
    if lower_end:
        flags.append("range")
        qualifier = "lower_bound"
    compound = k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_
    if compound:
        word = doc[k + 1]
        if _num_word(word) and DIGITS.match(word.lower_):
            flags.append("range")
            qualifier, lower_end = "lower_bound", True
        elif word.lower_ == "plus":
            qualifier = "lower_bound"
            k += 2
            compound = False
        elif word.lower_ == "strong":
            k += 2
        else:
            mod = _unit_after(doc, k + 1)
            if mod is None or (k + 2 < len(doc) and doc[k + 2].text == "-" and k + 3 < len(doc)
                               and doc[k + 3].lower_ in lex["age_after"]):
                return None, k + 2
            unit = mod
            k = mod.end
            if mod.symbol in uni["calibre_units"]:
                flags.append("calibre")
    if unit is None and not compound:
        if k < len(doc) and doc[k].lower_ in lex["suffix_scales"] and not doc[k - 1].whitespace_ \
                and k + 1 < len(doc) and _unit_after(doc, k + 1):
            value *= lex["suffix_scales"][doc[k].lower_]
            k += 1
        unit = _unit_after(doc, k)
        if unit is not None:
            k = unit.end
    elif unit is not None and unit.dim == "[currency]" and not compound:
        after = _unit_after(doc, k)
        if after is not None and after.dim == "[currency]":
            k = after.end
    # dates/times: numbers NER put in a DATE/TIME span; durations survive when explicit
    in_time = any(n in blocked for n in range(i, end))
    is_time_unit = unit is not None and unit.dim == "[time]"
    if is_time_unit:
        after_unit = doc[unit.end].lower_ if unit.end < len(doc) else ""
        if after_unit in lex["relative_time_after"] or prev in lex["duration_determiners"] or t.lower_ == "one":
            return None, k
        flags.append("duration")
    elif in_time:
        return None, end
    if unit is None and (_looks_like_year(doc, i, end, value) or nxt in lex["object_blocked_heads"]):
        return None, end
    if t.lower_ == "one" and unit is None and (nxt in lex["one_blocked_after"] or prev in (*lex["determiners"], "no")):
        return None, end
    if unit is None and prev in lex["determiners"] and i > 1 and doc[i - 2].lower_ in lex["referential_before"]:
        return None, end
    # qualifier words before the numeral (or before the currency sign)
    hedges = _hedges_longest_first()
    before = [doc[m].lower_ for m in range(max(0, start - len(hedges[0][0])), start)] if hedges else []
    for words, qual in hedges:
        n = len(words)
        if n <= len(before) and before[len(before) - n:] == words:
            qualifier, start = qual, start - n
            break
    for phrase, qual in lex["qualifiers_after"].items():
        words = phrase.split()
        if [doc[m].lower_ for m in range(k, min(k + len(words), len(doc)))] == words:
            qualifier = qual
            k += len(words)
            break
    q = _Q(value=value, unit=unit.symbol if unit else None, dim=unit.dim if unit else "",
           qualifier=qualifier, start_tok=start, num_start=i, num_end=end, end_tok=k, flags=flags)
    if lower_end:
        q.link_next = True
        return q, k + 1  # the upper end is read as its own quantity
    _attach_object(doc, q)
    return q, max(q.end_tok, end)


@lru_cache(maxsize=1)
def _hedges_longest_first() -> list[tuple[list[str], str]]:
    """Hedge phrases before a number as word lists, longest first so "no more than" wins over "more than"."""
    return sorted(((p.split(), q) for p, q in _lex()["qualifiers_before"].items()), key=lambda kv: -len(kv[0]))


def _vague_at(doc: Doc, i: int) -> tuple[_Q | None, int]:
    """'thousands of refugees', 'tens of thousands', 'several hundred': a lower bound flagged vague."""
    lex = _lex()
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
    lex = _lex()
    sent_end = doc[q.num_start].sent.end
    k = q.end_tok
    if q.unit is not None or "vague" in q.flags:
        link = doc[k].lower_ if k < sent_end else ""
        if link == "of" or (link in ("in", "for", "worth") and q.dim == "[currency]"):
            a = k + 1
            if a < sent_end and doc[a].lower_ == "of":
                a += 1
            while link == "of" and a < sent_end and doc[a].lower_ in lex["determiners"]:
                a += 1
            b = _np_end(doc, a, sent_end)
            if b > a:
                q.obj, q.end_tok = _text_of(doc, a, b), b
        elif q.unit is not None and "duration" not in q.flags or "calibre" in q.flags:
            b = _np_end(doc, k, sent_end)
            if b > k and q.unit != "%":
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
        b = _np_end(doc, k, sent_end)
        if b > k and doc[b - 1].lower_ in lex["partitive_heads"] and b < sent_end and doc[b].lower_ == "of":
            b = _np_end(doc, b + 1, sent_end)
        if b > k and doc[b - 1].lower_ not in lex["object_blocked_heads"]:
            q.obj, q.end_tok = _text_of(doc, k, b), b
    q.event = _event_after(doc, q.end_tok, sent_end)


def _object_on_left(doc: Doc, q: _Q) -> None:
    """"a distance of 12 km", "a death toll of 50": the noun before "of" names the measure."""
    lex = _lex()
    j = q.start_tok - 1
    sent_start = doc[q.num_start].sent.start
    if j <= sent_start or doc[j].lower_ not in lex["left_object_links"]:
        return
    b = j
    a = b
    while a - 1 >= sent_start and doc[a - 1].is_alpha and not doc[a - 1].is_stop and b - a < 3:
        a -= 1
    if a < b:
        q.obj = _text_of(doc, a, b)


def _event_after(doc: Doc, k: int, stop: int) -> str | None:
    """The event word right after the quantity ("were killed", "have arrived"), for categories."""
    lex = _lex()
    j = k
    while j < stop and j - k < 3 and doc[j].lower_ in lex["auxiliaries"]:
        j += 1
    if j < stop and doc[j].lower_ in lex["event_words"]:
        return doc[j].lower_
    return None


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
            q.obj = _lex()["measure_fallback_objects"].get(q.dim)


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


def _record(doc: Doc, q: _Q, cats: Mapping[str, str], text: str) -> dict:
    """The public dict for one quantity (`text` is `doc.text`)."""
    start = doc[q.start_tok].idx
    last = doc[q.end_tok - 1]
    end = last.idx + len(last.text)
    sent = doc[q.num_start].sent
    raw = text[sent.start_char:sent.end_char]
    sent_text = raw.strip()
    sent_start = sent.start_char + (len(raw) - len(raw.lstrip()))
    rounded = round(q.value, 6)  # 8.3 * 1e6 is 8300000.000000001 in floating point
    value: float | int = int(rounded) if rounded.is_integer() else rounded
    return {
        "value": value,
        "unit": q.unit,
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
