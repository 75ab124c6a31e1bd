"""Actor names as the corpus writes them: the displayed name, aliases, speakers and look-ups by any spelling."""
from __future__ import annotations

import pytest
from conftest import run_cli, run_json

LAVROV = {
    "a_reuters": ("MOSCOW, March 3 (Reuters) - Russian Foreign Minister Sergei Lavrov said on Tuesday that talks with "
                  "Baku and Yerevan would resume next week. Lavrov spoke after meeting his Armenian counterpart.\n"),
    "b_ap": ("GENEVA (AP) \u2014 Sergei Lavrov told reporters on Wednesday that the monitoring mission had done its "
             "job. The Russian diplomat gave no details.\n"),
}
MINISTRY = {
    "d_azertac": ("BAKU, April 2 (AZERTAC) - Azerbaijan's Emergencies Ministry said on Friday that rescuers had put "
                  "out a fire at a warehouse in Sumgait.\n"),
    "e_trend": ("Baku, Azerbaijan, 4 April 2021 - The Emergencies Ministry of Azerbaijan reported on Sunday that 40 "
                "people had been evacuated from a flooded village near Ganja.\n"),
    "f_apa": ("BAKU, April 6 (APA) - The Azerbaijani Emergencies Ministry said on Tuesday that the flood waters were "
              "receding.\n"),
}
NATIONAL = {
    "g_tass": (" date 2021-03-23 BAKU, March 23. /TASS/. The national Emergencies Ministry said in a statement on "
               "Tuesday that 300 mines had been cleared near Fuzuli.\n"),
}


def write(folder, articles):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.fixture(scope="module")
def lavrov(tmp_path_factory):
    return write(tmp_path_factory.mktemp("names") / "lavrov", LAVROV)


@pytest.fixture(scope="module")
def ministry(tmp_path_factory):
    return write(tmp_path_factory.mktemp("names") / "ministry", MINISTRY)


def by_name(folder):
    return {r["name"]: r for r in run_json("entities", folder)}


def test_a_person_is_named_as_the_articles_spell_him_not_as_the_aliases_file(lavrov):
    rows = by_name(lavrov)
    assert "Sergey Lavrov" not in rows  # the aliases file's spelling: no article here writes it
    row = rows["Sergei Lavrov"]
    assert row["label"] == "PERSON" and row["doc_ids"] == ["a_reuters", "b_ap"] and "Lavrov" in row["aliases"]
    speakers = {q["doc_id"]: q["speaker"] for q in run_json("quotes", lavrov)}
    assert speakers == {"a_reuters": "Sergei Lavrov", "b_ap": "Sergei Lavrov"}


@pytest.mark.parametrize("query", ["Sergey Lavrov", "sergei lavrov", "Lavrov"])
def test_the_old_spelling_any_alias_and_the_surname_still_find_him(lavrov, query):
    assert {r["name"] for r in run_json("entities", lavrov, "--actor", query)} == {"Sergei Lavrov"}
    assert {q["speaker"] for q in run_json("quotes", lavrov, "--speaker", query)} == {"Sergei Lavrov"}
    assert {m["name"] for m in run_json("entities", lavrov, "--mentions", "--actor", query)} == {"Sergei Lavrov"}
    code, out, _ = run_cli("search", lavrov, "--actor", query, "--json")
    assert code == 0 and '"match": "Sergei Lavrov"' in out


def test_ministry_word_orders_are_one_actor_by_the_ministry_rule(ministry):
    rows = by_name(ministry)
    (row,) = [r for r in rows.values() if "Emergencies" in r["name"]]
    assert row["doc_ids"] == ["d_azertac", "e_trend", "f_apa"]
    assert row["name"] == "Emergencies Ministry of Azerbaijan"  # three forms once each: the tie is stable
    assert {"Azerbaijan's Emergencies Ministry", "Azerbaijani Emergencies Ministry"} <= set(row["aliases"])
    lines = run_json("entities", ministry, "--explain", "Azerbaijani Emergencies Ministry")
    assert {line["rule"] for line in lines} == {"ministry (in document)"}
    assert all("Emergencies ministry of Azerbaijan" in line["evidence"] for line in lines) and len(lines) == 3
    speakers = {q["doc_id"]: (q["speaker"], q["speaker_text"]) for q in run_json("quotes", ministry)}
    assert speakers["f_apa"] == ("Emergencies Ministry of Azerbaijan", "Azerbaijani Emergencies Ministry")


def test_the_form_most_articles_write_wins_whatever_the_file_order(tmp_path):
    more = {"h_anadolu": "BAKU (AA) - Azerbaijan's Emergencies Ministry said on Monday that the fire was out.\n"}
    one = by_name(write(tmp_path / "one", {**MINISTRY, **more}))
    flipped = {f"z{k}" if k != "h_anadolu" else "a_anadolu": v for k, v in {**MINISTRY, **more}.items()}
    two = by_name(write(tmp_path / "two", flipped))
    assert "Azerbaijan's Emergencies Ministry" in one and "Azerbaijan's Emergencies Ministry" in two


def test_a_ministry_no_article_names_in_full_is_named_by_its_country(tmp_path):
    rows = by_name(write(tmp_path / "national", NATIONAL))
    row = rows["Emergencies Ministry of Azerbaijan"]  # "national" is no name; the dateline says whose it is
    assert row["aliases"] == ["national Emergencies Ministry"]
    (line,) = run_json("entities", str(tmp_path / "national"), "--explain", row["name"])
    assert line["rule"] == "ministry (in document)" and "national" in line["evidence"]


def test_an_articles_mentions_and_labels_do_not_depend_on_the_folder(tmp_path, lavrov):
    alone = write(tmp_path / "alone", {"b_ap": LAVROV["b_ap"]})
    both = write(tmp_path / "both", {**LAVROV, **MINISTRY})

    def spans(folder):
        return [(m["start"], m["end"], m["text"], m["label"])
                for m in run_json("entities", folder, "--mentions", "--doc", "b_ap")]

    assert spans(alone) == spans(both) and spans(alone)


COMPANIES = {
    "detroit1": ("DETROIT, Oct. 27, 1989 - General Motors Corp. said it would buy a stake in Jaguar PLC. GM officials "
                 "declined to say how large the stake would be, and GM shares rose 50 cents.\n"),
    "detroit2": ("NEW YORK, Oct. 30, 1989 - Auto shares led the market higher on Monday. GM rose 75 cents to $44.50 "
                 "in heavy trading on the Big Board.\n"),
    "mills": ("MINNEAPOLIS, Nov. 2, 1989 - General Mills Inc. said its quarterly profit rose 8% on stronger cereal "
              "sales.\n"),
    "rosa": ("MIAMI, March 2, 2000 (AP) - Rosa Delgado, 6, was found off the Florida coast in November. Rosa has lived "
             "with an uncle since then. Two senators filed a bill on Thursday to grant Rosa American citizenship, and "
             "Rosa's uncle said the family welcomed it.\n"),
    "english": ("WELLINGTON, Feb. 2, 2017 - Prime Minister Bill English said on Thursday that the election would be "
                "held in September.\n"),
}


@pytest.fixture(scope="module")
def companies(tmp_path_factory):
    return write(tmp_path_factory.mktemp("names") / "companies", COMPANIES)


def test_initials_join_the_one_company_so_initialled_named_beside_them(companies):
    rows = by_name(companies)
    gm = rows["General Motors Corp."]  # "General" is no title here: the company suffix says so
    assert gm["aliases"] == ["GM"] and gm["doc_ids"] == ["detroit1", "detroit2"] and gm["mentions"] == 4
    assert rows["General Mills Inc."]["doc_ids"] == ["mills"] and "GM" not in rows
    (line,) = [x for x in run_json("entities", companies, "--explain", "GM") if x["surface"] == "GM"]
    assert line["rule"] == "acronym" and "General Mills Inc." in line["evidence"]


def test_a_name_run_into_a_nationality_is_a_person_and_a_nationality(companies):
    ms = {(m["text"], m["label"]) for m in run_json("entities", companies, "--mentions", "--doc", "rosa")}
    assert ("Rosa", "PERSON") in ms and ("American", "NORP") in ms
    assert not [t for t, lab in ms if lab == "PERSON" and "American" in t]
    names = {(m["text"], m["label"]) for m in run_json("entities", companies, "--mentions", "--doc", "english")}
    assert ("Bill English", "PERSON") in names  # nobody is called just "Bill" there
