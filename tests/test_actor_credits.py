"""Actors in the furniture of real news pages: photo credits joined by slashes, a dateline naming two
cities, and news agencies the model does not tag. The articles are written for these tests."""
from __future__ import annotations

import pytest
from conftest import run_json, write_articles

ARTICLES = {
    "credits.txt": "Refugees in Goris, 2 October. Photo: Lena Hovsepyan/Caspian Review Online.\n\n"
                   "A checkpoint near Shusha. Narek Aleksanyan / Reuters Pictures / Wire Agency\n\n"
                   "Families returned to three villages on Tuesday, the governor said, Trend reported.\n\n"
                   "AFP\n",
    "two_cities.txt": "BAKU/YEREVAN \u2014 Envoys of the two countries met in Tbilisi on Monday, officials said.\n",
    "common_word.txt": "Report cards were handed out in Gyumri schools on Friday, the mayor said.\n",
}


@pytest.fixture(scope="module")
def names(tmp_path_factory):
    d = write_articles(tmp_path_factory.mktemp("credits"), ARTICLES)
    out: dict[str, set[str]] = {}
    for e in run_json("entities", str(d)):
        for doc_id in e["doc_ids"]:
            out.setdefault(doc_id, set()).add(e["name"])
    return out


def test_slashes_part_credits(names):
    got = names["credits"]
    assert {"Lena Hovsepyan", "Caspian Review Online", "Narek Aleksanyan", "Reuters Pictures", "Wire Agency"} <= got
    assert not [n for n in got if "/" in n]


def test_agencies_the_model_leaves_untagged(names):
    # named as the article writes them (the agency list links them to their full names)
    assert {"Trend", "AFP"} <= names["credits"]


def test_an_agency_name_that_is_a_word_does_not_open_a_sentence(names):
    assert not [n for n in names.get("common_word", set()) if n.startswith("Report")]


def test_both_cities_of_a_two_city_dateline(names):
    assert {"Baku", "Yerevan", "Tbilisi"} <= names["two_cities"]


def test_an_ambiguous_agency_name_counts_only_as_a_source(tmp_path):
    d = write_articles(tmp_path, {"mena.txt": "Trade across the MENA region grew, and a Trend in prices was seen. "
                                              "The minister told Trend on Monday that talks would resume.\n"})
    got = {(e["name"], e["mentions"]) for e in run_json("entities", str(d))}
    assert ("Trend", 1) in got
    assert not [n for n, _ in got if n in ("MENA", "Middle East News Agency")]
