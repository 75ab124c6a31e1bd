"""An actor's display name and aliases: forms the corpus's own articles write.

The aliases file and the gazetteer *link* variants ("Sergei" / "Sergey Lavrov", "U.S." / "United States");
they do not decide how an actor is called. The name shown is the form the articles of the actor's cluster
write most (in most documents, then most mentions), the fullest kind of form first:

0. a full form: a person's first and last name, an organisation's name, a ministry with its country
   ("Emergencies Ministry of Azerbaijan", "Armenia's Defense Ministry" as written before the mention);
1. a ministry written without its country ("Ministry of Labor and Social Affairs"), when no article
   places it;
2. an acronym or a line in capitals ("FSB", "BAKU"): a capitals line takes the data name's casing.

Never a bare surname, a short form joined by a rule ("INS", "Talbrook" of "Talbrook Corp."), or a
description in lower case ("national Emergencies Ministry"). Ties go to the data file's spelling, then the
longer form, then alphabetical order, so the name is the same on every run. An actor no article names in
full keeps the name the data or the naming rules give it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract.actors import QUALIFIERS, _tidy, ministry_name
from .lexicon import Lexicon, key

ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")
OWN_RULES = {"same name", "transliteration", "unresolved"}  # named by their own words, not joined by a short form
BARE_RULES = {"surname", "first name", "company"}  # in-document short forms of a longer name
_CAPITALISED = re.compile(r"(?<![\w.'\u2019-])[A-Z][\w.-]*")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)?\s+$")


@dataclass
class _Form:
    """One written form (by `key`) of an actor: how often and how it is spelled."""

    tier: int
    docs: set[str] = field(default_factory=set)
    mentions: int = 0
    spellings: dict[str, int] = field(default_factory=dict)


def written(m: dict, text: str, lex: Lexicon) -> str:
    """The mention as written, with the owner the text writes just before a ministry ("Russia's" /
    "Russian" / "the United States'" + "Emergencies Ministry"): the form a reader sees, offsets aside."""
    surface = _tidy(m["text"])
    owner = m.get("owner")
    if not m.get("ministry_topic") or not owner or owner == "@national" or not text:
        return surface
    line_start = text.rfind("\n", 0, m["start"]) + 1
    before = text[max(line_start, m["start"] - 60):m["start"]]
    for w in reversed([w.start() for w in _CAPITALISED.finditer(before)][-3:]):  # "Russia's", "United States'"
        if lex.country_of(_POSSESSIVE.sub("", before[w:])) == owner:
            return _tidy(before[w:] + m["text"])
    return surface


def _tier(m: dict, form: str, person: bool, placed: bool, lex: Lexicon) -> int | None:
    """How full a written form is (0 best), or None for a form that never names the actor."""
    k = key(form)
    if m.get("rule") in BARE_RULES or k.split(" ", 1)[0] in QUALIFIERS:
        return None
    if person and " " not in k:
        return None
    if m.get("ministry_topic"):
        if _names_country(form, lex):
            return 0
        return None if placed else 1
    if ACRONYM.match(form) or form.isupper() and len(form) > 6:
        return 2
    return 0


_COUNTRY_CACHE: dict[str, bool] = {}  # the gazetteer and ministry topics are bundled data: one answer per form


def _names_country(form: str, lex: Lexicon) -> bool:
    """Whether a ministry's written form says whose it is ("of Azerbaijan", "Russian", "Armenia's")."""
    if form not in _COUNTRY_CACHE:
        _COUNTRY_CACHE[form] = ministry_name(form, None, lex)[0] is not None
    return _COUNTRY_CACHE[form]


def _spelling(spellings: dict[str, int], data_names: dict[str, str], k: str) -> str:
    """The commonest spelling of one form, in capitals only when no article writes it otherwise and the data
    name is no other casing of it ("BAKU" of a dateline is Baku; "U.S." stays)."""
    ranked = sorted(spellings, key=lambda s: (-spellings[s], s))
    cased = [s for s in ranked if not s.isupper()]
    if cased:
        return cased[0]
    data = data_names.get(k, "")
    return data if data and not data.isupper() else ranked[0]


def choose(groups: list, lex: Lexicon, texts: dict[str, str], label: str, fallback: str) -> tuple[str, list[str]]:
    """(display name, aliases) of one actor's mention groups. `fallback`: its name when no article names it
    in a usable form. The aliases are every form written, folded by `key`, commonest first, the name's own
    form left out."""
    person = label == "PERSON"
    placed = any(m.get("country") for g in groups for m in g.mentions if m.get("ministry_topic"))
    data_names = {key(g.name): g.name for g in groups if g.rule in OWN_RULES}
    forms: dict[str, _Form] = {}
    seen: dict[str, dict[str, int]] = {}  # every form written, for the aliases
    for g in groups:
        own = g.rule in OWN_RULES
        text = texts.get(g.doc_id, "")
        here: dict[str, int] = {}
        bare = 0
        for m in g.mentions:
            form = written(m, text, lex)
            for spelled in {form, _tidy(m["text"])}:  # "Emergencies Ministry", "Russia's Emergencies Ministry"
                spellings = seen.setdefault(key(spelled), {})
                spellings[spelled] = spellings.get(spelled, 0) + 1
            k = key(form)
            tier = _tier(m, form, person, placed, lex) if own else None
            if tier is None:
                bare += 1
                continue
            f = forms.setdefault(k, _Form(tier))
            f.tier = min(f.tier, tier)
            f.docs.add(g.doc_id)
            f.spellings[form] = f.spellings.get(form, 0) + 1
            here[k] = here.get(k, 0) + 1
        for k, n in here.items():
            forms[k].mentions += n
        if here and bare:  # "Lavrov" counts for the full name its article writes
            top = min(here, key=lambda k: (forms[k].tier, -here[k], k not in data_names, -len(k), k))
            forms[top].mentions += bare
    name = fallback
    if forms:
        best = min(forms, key=lambda k: (forms[k].tier, -len(forms[k].docs), -forms[k].mentions,
                                         k not in data_names, -len(k), k))
        name = _spelling(forms[best].spellings, data_names, best)
    name_key = key(name)
    ranked = sorted(seen, key=lambda k: (-sum(seen[k].values()), k))
    aliases = [_spelling(seen[k], {}, k) for k in ranked if k != name_key]
    return name, aliases
