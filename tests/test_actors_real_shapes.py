"""Actors and quantities in shapes real Karabakh news takes: official press statements, wire pages with
posting stamps, regional outlets with bylines and misspelt place names. The articles are written for these tests."""
from __future__ import annotations

import pytest
from conftest import run_json, write_articles

ARTICLES = {
    "ministry.txt": "Heavy fighting continues in the North-Western and South-Eastern directions, a press release "
                    "from the Defense Ministry of the Artsakh Republic informs. On the Southern direction, the "
                    "Armed Forces of Armenia shot down three UAVs and two helicopters.\n",
    "stamps.txt": "Armenia and Azerbaijan agree to reopen talks\n\n"
                  "Posted March 3, 2021 6:40 pm.\n\n"
                  "Last Updated March 3, 2021 9:15 pm.\n\n"
                  "By Lusine Hakobyan April 12, 2021\n\n"
                  "YEREVAN, Armenia (AP) \u2014 The foreign ministers of the two countries met in Geneva on "
                  "Tuesday, and the two sides agreed to meet again, Ararat Mirzoyan said.\n",
    "statement.txt": "To ensure the provisions of the Trilateral Statement, the State Commission said, Yerevan "
                     "insists that the Tripartite Statement of November 2020 be honoured in full. Among them "
                     "are not only the Azerbaijanis Elnur Mammadov and Rauf "
                     "Aliyev, who were sentenced years ago. Also freed were the Georgians Levan Beridze and "
                     "Giorgi Kapanadze.\n",
    "typo.txt": "Prisoners were returned from Azerbajan to Armenia on Friday. Maps of minefields in Artskah "
                "were handed over in exchange, officials in Nagorno-Karbakh said. The "
                "authorities of Nagorno-Karabakh had put the population of the region at around 120,000 "
                "before the offensive; one million were expelled in the war of the 1990s, Baku says. \"We have "
                "returned 29 of them to their families,\" the ombudsman said.\n",
    "platforms.txt": "\"The exchange is complete,\" the ombudsman wrote on his Facebook page on Saturday. The "
                     "ministry later posted a video on its Telegram channel.\n",
    "credits.txt": "Families wait at the checkpoint near Kornidzor.\n\n"
                   "Anna Petrova / Caucasus Photo Agency / ZUMA Press / Scanpix / LETA\n\n"
                   "Drivers said the road had been shut for a week.\n\nSource: Meduza\n",
    "fields.txt": "In a dispatch for The Beet, Meduza special correspondent Lilia Yapparova reports on the "
                  "queues at the checkpoint. The families are represented by the law firm Harlow, Benning & "
                  "Price, which filed the complaint in Strasbourg.\n\n"
                  "Author: Karine Melkonyan Source: CK correspondent\n",
    "author.txt": "Detainees return home\n\nThree detainees were handed over at the border on Sunday, the "
                  "ombudsman said.\n\nAuthor: Armine Petrosyan Source: CK correspondent\n",
    "sites.txt": "Prisoners returned to Yerevan\n\nTen servicemen were handed over on Sunday, Karabakhinfo.am "
                 "reported.\n\nCaucasusnews.AM\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write_articles(tmp_path_factory.mktemp("real_shapes"), ARTICLES)


@pytest.fixture(scope="module")
def names(folder):
    out: dict[str, dict[str, str]] = {}
    for e in run_json("entities", str(folder)):
        for doc_id in e["doc_ids"]:
            out.setdefault(doc_id, {})[e["name"]] = e["label"]
    return out


@pytest.fixture(scope="module")
def quantities(folder):
    out: dict[str, list[dict]] = {}
    for q in run_json("quantities", str(folder)):
        out.setdefault(q["doc_id"], []).append(q)
    return out


def test_a_body_cut_at_of_the_is_one_name(names):
    got = names["ministry"]
    assert got.get("Defense Ministry of the Artsakh Republic") == "ORG"
    assert got.get("Armed Forces of Armenia") == "ORG"
    assert not [n for n in got if n.endswith((" of", " of the"))]


def test_compass_words_and_counted_acronyms_are_no_actors(names):
    got = names["ministry"]
    assert not {"North-Western", "South-Eastern", "Southern", "UAVs"} & set(got)


def test_a_posting_stamp_or_byline_date_is_no_team(names):
    got = names["stamps"]
    assert got.get("Lusine Hakobyan") == "PERSON"
    assert not [n for n in got if "March" in n or "April" in n or n.startswith(("Posted", "Last", "By "))]


def test_a_document_is_no_organisation(names):
    got = names["statement"]
    assert not [n for n in got if "Statement" in n]
    assert "State Commission" in got


def test_a_plural_nationality_before_names_is_split_off(names):
    got = names["statement"]
    assert got.get("Elnur Mammadov") == "PERSON" and got.get("Levan Beridze") == "PERSON"
    assert got.get("Azerbaijanis") == "NORP" and got.get("Georgians") == "NORP"
    assert not [n for n in got if n.startswith(("Azerbaijanis ", "Georgians ", "the "))]


def test_a_one_slip_misspelling_names_the_place(names):
    got = names["typo"]
    assert got.get("Azerbaijan") == "GPE" and got.get("Nagorno-Karabakh") == "GPE"
    assert not {"Azerbajan", "Artskah", "Nagorno-Karbakh"} & set(got)


def test_the_parties_of_a_relation_are_not_counted(quantities):
    assert not [q for q in quantities.get("stamps", []) if q["value"] == 2]


def test_a_population_and_an_expulsion_without_a_noun_after_them(quantities):
    got = {q["value"]: q for q in quantities["typo"]}
    assert got[120000]["qualifier"] == "approx" and "population" in got[120000]["object"]
    assert 1000000 in got
    assert got[29]["text"] == "29 of them"


def test_social_networks_are_organisations(names):
    assert names["platforms"].get("Facebook") == "ORG" and names["platforms"].get("Telegram") == "ORG"


def test_names_on_credit_lines_are_the_agencies_credited(names):
    got = names["credits"]
    assert {"ZUMA Press", "Scanpix", "LETA", "Meduza"} <= {n for n, label in got.items() if label == "ORG"}
    assert got.get("Anna Petrova") == "PERSON"


def test_names_run_together_at_a_comma_or_a_field_label_are_parted(names):
    got = names["fields"]
    assert got.get("Beet") == "ORG" and got.get("Meduza") == "ORG"
    assert got.get("Karine Melkonyan") == "PERSON"
    assert got.get("Harlow, Benning & Price") == "ORG"  # a firm of partners stays one
    assert not [n for n in got if "," in n and "&" not in n or "Source" in n]


def test_outlets_named_by_their_web_address(names):
    got = names["sites"]
    assert got.get("Karabakhinfo.am") == "ORG" and got.get("Caucasusnews.AM") == "ORG"


def test_the_name_in_an_author_field_is_a_person(names):
    assert names["author"].get("Armine Petrosyan") == "PERSON"
