"""Validation of the hand-written data files in karabakh_cli/data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "karabakh_cli" / "data"
LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def load(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


def dupes(items) -> list:
    return [k for k, n in Counter(items).items() if n > 1]


def pattern_lines() -> list[dict]:
    out = []
    with open(DATA / "patterns.jsonl", encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("//"):
                continue
            out.append(json.loads(line))
    return out


@pytest.fixture(scope="module")
def gazetteer():
    return load("gazetteer.json")


@pytest.fixture(scope="module")
def aliases():
    return load("aliases.json")


def test_files_are_utf8_json():
    for name in ["gazetteer.json", "aliases.json", "titles.json", "ministry_topics.json", "headline_words.json"]:
        assert isinstance(load(name), dict), name
    assert pattern_lines()


# ---- gazetteer.json -------------------------------------------------------

def test_gazetteer_countries_shape(gazetteer):
    countries = gazetteer["countries"]
    assert len([c for c in countries if not c["historical"]]) >= 197  # 193 UN members + 4
    for c in countries:
        assert set(c) >= {"name", "aliases", "adjective", "demonyms", "capital", "cities", "historical"}, c
        assert isinstance(c["name"], str) and c["name"].strip() == c["name"]
        for key in ("aliases", "demonyms", "cities"):
            assert isinstance(c[key], list) and not dupes(c[key]), (c["name"], key)
        assert c["capital"] is None or isinstance(c["capital"], str)
        if not c["historical"]:
            assert c["capital"], c["name"]
        assert not any(a.lower().startswith("the ") for a in c["aliases"]), c["name"]
    assert not dupes([c["name"] for c in countries])


def test_gazetteer_no_form_names_two_countries(gazetteer):
    forms = [f for c in gazetteer["countries"] for f in [c["name"], *c["aliases"]]]
    assert not dupes(forms)


def test_gazetteer_regions_shape(gazetteer):
    names = {c["name"] for c in gazetteer["countries"]}
    regions = gazetteer["regions"]
    for r in regions:
        assert set(r) >= {"name", "label", "country", "aliases"}, r
        assert r["label"] in {"GPE", "LOC"}, r
        assert r["country"] is None or r["country"] in names, r
        assert not dupes(r["aliases"]) and r["name"] not in r["aliases"], r
    assert not dupes([r["name"] for r in regions])
    region_forms = [f for r in regions for f in [r["name"], *r["aliases"]]]
    assert not dupes(region_forms)
    assert not set(region_forms) & names


def test_gazetteer_groups(gazetteer):
    groups = gazetteer["groups"]
    assert all(g["label"] == "NORP" for g in groups)
    assert not dupes([f for g in groups for f in [g["name"], *g["aliases"]]])


def test_gazetteer_spot_checks(gazetteer):
    by_name = {c["name"]: c for c in gazetteer["countries"]}
    assert "Azerbaijani" in by_name["Azerbaijan"]["demonyms"]
    assert "Azeris" in by_name["Azerbaijan"]["demonyms"]
    assert by_name["Armenia"]["capital"] == "Yerevan"
    assert by_name["Russia"]["capital"] == "Moscow"
    assert "U.S." in by_name["United States"]["aliases"]
    assert "USSR" in by_name["Soviet Union"]["aliases"]
    assert by_name["Soviet Union"]["historical"] is True
    assert "Briton" in by_name["United Kingdom"]["demonyms"]
    for extra in ("Kosovo", "Taiwan", "Palestine", "Vatican City"):
        assert extra in by_name
    regions = {r["name"]: r for r in gazetteer["regions"]}
    assert "Khankendi" in regions["Stepanakert"]["aliases"]
    assert regions["Lachin corridor"]["label"] == "LOC"
    assert regions["Nagorno-Karabakh"]["country"] == "Azerbaijan"
    assert regions["Syunik"]["country"] == "Armenia"
    assert regions["South Caucasus"]["label"] == "LOC"


# ---- aliases.json ---------------------------------------------------------

def test_aliases_shape(aliases):
    actors = aliases["actors"]
    assert len(actors) > 300
    for a in actors:
        assert set(a) >= {"name", "label", "aliases"}, a
        assert a["label"] in LABELS, a
        assert a["name"] not in a["aliases"] and not dupes(a["aliases"]), a
    assert not dupes([a["name"] for a in actors])
    forms = [f for a in actors for f in [a["name"], *a["aliases"]]]
    assert not dupes(forms), dupes(forms)


def test_aliases_persons_have_no_bare_surnames(aliases):
    for a in aliases["actors"]:
        if a["label"] == "PERSON":
            for form in [a["name"], *a["aliases"]]:
                assert " " in form, form


def test_aliases_spot_checks(aliases):
    by_name = {a["name"]: a for a in aliases["actors"]}
    assert "FSB" in by_name["Federal Security Service"]["aliases"]
    assert "U.N." in by_name["United Nations"]["aliases"]
    assert "ICRC" in by_name["International Committee of the Red Cross"]["aliases"]
    assert "Minsk Group" in by_name["OSCE Minsk Group"]["aliases"]
    assert "AP" in by_name["Associated Press"]["aliases"]
    assert "Sergei Lavrov" in by_name["Sergey Lavrov"]["aliases"]
    assert by_name["Nikol Pashinyan"]["label"] == "PERSON"


# ---- patterns.jsonl -------------------------------------------------------

def test_patterns_load_into_entity_ruler():
    spacy = pytest.importorskip("spacy")
    patterns = pattern_lines()
    for p in patterns:
        assert set(p) <= {"label", "pattern", "id"}, p
        assert p["label"] in LABELS, p
        assert isinstance(p["pattern"], (str, list)) and p["pattern"], p
    keys = [(p["label"], json.dumps(p["pattern"], sort_keys=True)) for p in patterns]
    assert not dupes(keys)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(patterns)
    assert len(ruler) == len(patterns)
    doc = nlp("Nikol Pashinyan met officials in Stepanakert near the Lachin corridor, the OSCE Minsk Group said.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Nikol Pashinyan", "PERSON") in ents
    assert ("Stepanakert", "GPE") in ents
    assert ("Lachin corridor", "LOC") in ents
    assert ("OSCE Minsk Group", "ORG") in ents


def test_patterns_avoid_ambiguous_forms(gazetteer):
    strings = {p["pattern"] for p in pattern_lines() if isinstance(p["pattern"], str)}
    assert "Lachin" not in strings
    country_forms = {f for c in gazetteer["countries"] for f in [c["name"], *c["aliases"], *c["demonyms"]]}
    assert not strings & country_forms


# ---- titles, ministry topics, headline words ------------------------------

def test_titles():
    titles = load("titles.json")["titles"]
    assert len(titles) > 200 and not dupes(titles)
    assert all(t == t.lower() and t.strip() == t for t in titles)
    for t in ("president", "prime minister", "foreign minister", "spokeswoman", "gen.", "secretary-general"):
        assert t in titles


def test_ministry_topics():
    topics = load("ministry_topics.json")["topics"]
    for key in ("Emergencies", "Foreign", "Defense", "Interior", "Justice", "Finance", "Health", "Economy"):
        assert key in topics
    phrasings = [p for v in topics.values() for p in v]
    assert not dupes(phrasings)
    assert all(p == p.lower() for p in phrasings)
    assert "defence" in topics["Defense"] and "foreign affairs" in topics["Foreign"]
    assert "emergency situations" in topics["Emergencies"]


def test_headline_words():
    words = load("headline_words.json")["words"]
    assert len(words) >= 300 and not dupes(words)
    assert all(w == w.lower() for w in words)
    for w in ("says", "warns", "talks", "ceasefire", "amid", "restore"):
        assert w in words
    # words that are also acronyms or months must not be lower-cased blindly
    assert not {"us", "may", "who"} & set(words)
