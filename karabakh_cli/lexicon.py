"""World knowledge as data: places, nationalities, aliases, titles, ministry topics.

Everything comes from the JSON files in `data/`; users extend aliases with `--aliases FILE`
(same shape as `data/aliases.json`). Loading is cheap and does not import spaCy.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
UNIT_WORDS = {"region", "oblast", "province", "republic", "okrug", "krai", "governorate", "district",
              "territory", "county", "prefecture", "canton", "municipality", "city"}


@lru_cache(maxsize=1 << 16)  # the same few thousand names come back in every document
def key(name: str) -> str:
    """The form names are compared in: case, curly quotes, a leading 'the' and spacing folded."""
    s = name.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip(" .,;:'\"()[]").casefold()
    s = re.sub(r"^the ", "", s)
    return s


@dataclass
class Lexicon:
    """Lookup tables keyed by `key(name)`."""

    places: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)  # -> (name, label, country)
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym or adjective -> country
    adjective: dict[str, str] = field(default_factory=dict)  # country -> adjective
    aliases: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # variant -> (name, label)
    titles: set[str] = field(default_factory=set)
    topics: dict[str, str] = field(default_factory=dict)  # phrasing -> topic
    common: set[str] = field(default_factory=set)
    fragments: set[str] = field(default_factory=set)  # single words that are no organisation on their own
    time_zones: set[str] = field(default_factory=set)  # "GMT" of "21:00 GMT": no actor
    company_suffixes: set[str] = field(default_factory=set)
    offices: dict[str, str] = field(default_factory=dict)  # office phrasing -> office
    particles: set[str] = field(default_factory=set)  # "bin" of "bin Laden": a surname, not a first name
    with_the: set[str] = field(default_factory=set)  # "the United States": country keys written with "the"
    cues: dict[str, set[str]] = field(default_factory=dict)  # sport and press cue lists of actor_rules.json
    outlets: set[str] = field(default_factory=set)  # newspapers, broadcasters, agencies (as written)
    platforms: list[str] = field(default_factory=list)  # social networks and messengers (as written)

    @cached_property
    def title_words(self) -> set[str]:
        """Every word of every title: "Prime" of "Prime Minister" is a title cut in half."""
        return {w for t in self.titles for w in t.split()}

    @cached_property
    def offices_longest_first(self) -> list[str]:
        return sorted(self.offices, key=len, reverse=True)

    def office_of(self, role: str) -> str | None:
        """The one office a role names ("former Gov." -> governor), or None for "Mr.", "spokesman"."""
        r = f" {key(role)} "
        for phrase in self.offices_longest_first:
            if f" {phrase} " in r:
                return self.offices[phrase]
        return None

    # Longest first, so "South Ossetian" wins over "Ossetian": sorted once, asked per ministry mention.
    @cached_property
    def demonyms_longest_first(self) -> list[str]:
        return sorted(self.demonyms, key=len, reverse=True)

    @cached_property
    def places_longest_first(self) -> list[str]:
        return sorted(self.places, key=len, reverse=True)

    @cached_property
    def topics_longest_first(self) -> list[str]:
        return sorted(self.topics, key=len, reverse=True)

    @cached_property
    def _slips(self) -> dict[str, str | None]:
        """Every one-slip misspelling of a long place name (two letters swapped, one dropped) -> that place's key;
        None where two places share a misspelling."""
        out: dict[str, str | None] = {}
        for k in self.places:
            if len(k) < MIN_SLIP_LEN:
                continue
            swaps = {k[:i] + k[i + 1] + k[i] + k[i + 2:] for i in range(len(k) - 1) if k[i] != k[i + 1]}
            drops = {k[:i] + k[i + 1:] for i in range(1, len(k))}
            for v in (swaps | drops) - {k}:
                out[v] = k if out.get(v, k) == k else None
        return out

    def misspelt_place(self, k: str) -> str | None:
        """The place key `k` (an unknown name) misspells by one slip: "artskah", "nagorno-karbakh"."""
        if k in self.places or k in self.aliases or k in self.demonyms or not k[:1].isalpha():
            return None
        return self._slips.get(k)

    def country_of(self, text: str) -> str | None:
        """The country a country name, alias, demonym or adjective names."""
        k = key(re.sub(r"['\u2019]s$", "", text))
        if k in self.demonyms:
            return self.demonyms[k]
        place = self.places.get(k)
        if place and place[1] == "GPE" and place[2] is None:
            return place[0]
        return None


MIN_SLIP_LEN = 7  # shorter names are a letter away from other words too often ("Mali"/"Male", "Chad"/"Chat")


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


@lru_cache(maxsize=8)
def load(aliases_file: str | None = None) -> Lexicon:
    """Build the lexicon from the bundled data files plus a user's alias file."""
    lex = Lexicon()
    gaz = _read(DATA / "gazetteer.json")
    for c in gaz.get("countries", []):
        name = c["name"]
        for n in [name, *c.get("aliases", [])]:
            lex.places.setdefault(key(n), (name, "GPE", None))
        adj = c.get("adjective") or name
        lex.adjective[name] = adj
        for d in [adj, *c.get("demonyms", [])]:
            lex.demonyms.setdefault(key(d), name)
        for city in [c.get("capital"), *c.get("cities", [])]:
            if city:
                lex.places.setdefault(key(city), (city, "GPE", name))
    for r in gaz.get("regions", []):
        for n in [r["name"], *r.get("aliases", [])]:
            lex.places.setdefault(key(n), (r["name"], r.get("label", "GPE"), r.get("country")))
    for path in [DATA / "aliases.json", *([Path(aliases_file)] if aliases_file else [])]:
        for a in _read(path).get("actors", []):
            for n in [a["name"], *a.get("aliases", [])]:
                lex.aliases[key(n)] = (a["name"], a.get("label"))
    lex.titles = {t.lower() for t in _read(DATA / "titles.json").get("titles", [])}
    for topic, phrasings in _read(DATA / "ministry_topics.json").get("topics", {}).items():
        for p in [topic, *phrasings]:
            lex.topics[p.lower()] = topic
    lex.common = {w.lower() for w in _read(DATA / "headline_words.json").get("words", [])}
    rules = _read(DATA / "actor_rules.json")
    lex.fragments = set(rules.get("fragment_words", []))
    lex.time_zones = set(rules.get("time_zones", []))
    lex.company_suffixes = set(rules.get("company_suffixes", []))
    lex.particles = set(rules.get("surname_particles", []))
    lex.with_the = set(rules.get("countries_with_the", []))
    for name in ("sport_slugs", "score_verbs", "draw_verbs", "fixture_words", "outlet_cues", "outlet_words",
                 "sport_nations", "team_roles", "team_nouns", "event_heads", "desk_words",
                 "venue_words", "direction_words", "document_heads", "field_labels"):
        lex.cues[name] = set(rules.get(name, []))
    lex.platforms = list(rules.get("platforms", []))
    lex.outlets = set(rules.get("outlets", [])) | set(_read(DATA / "datelines.json").get("agencies", []))
    for office, phrasings in rules.get("offices", {}).items():
        for p in [office, *phrasings]:
            lex.offices[key(p)] = office
    return lex
