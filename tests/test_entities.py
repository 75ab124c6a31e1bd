"""`kcli entities` and `kcli docs` on the bundled seeds: real model, real CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import SEEDS, run_cli, run_json, run_proc

EXTRA = ("MOSCOW, November 10. /TASS/. Russian President Vladimir Putin spoke by phone with Azerbaijani "
         "President Ilham Aliyev on Tuesday. Putin said the ceasefire was holding.\n")


@pytest.fixture(scope="module")
def extra(tmp_path_factory):
    path = tmp_path_factory.mktemp("extra") / "putin_call.txt"
    path.write_text(EXTRA, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def actors(extra):
    return run_json("entities", str(SEEDS), str(extra))


@pytest.fixture(scope="module")
def by_name(actors):
    return {a["name"]: a for a in actors}


def rows_with_form(actors, form):
    return [a for a in actors if a["name"] == form or form in a["aliases"]]


def test_putin_is_one_actor(actors):
    rows = rows_with_form(actors, "Putin")
    assert len(rows) == 1
    assert rows[0]["name"] == "Vladimir Putin"
    assert rows[0]["label"] == "PERSON"
    assert "President" in rows[0]["roles"] or "Russian President" in rows[0]["roles"]
    assert len(rows_with_form(actors, "Vladimir Putin")) == 1
    assert "putin_call" in rows[0]["doc_ids"] and len(rows[0]["doc_ids"]) == 6


def test_short_names_join_full_names(actors):
    assert rows_with_form(actors, "Lavrov")[0]["name"] == "Sergey Lavrov"
    assert rows_with_form(actors, "Zinichev")[0]["name"] == "Yevgeny Zinichev"


def test_cities_stay_cities(by_name):
    assert by_name["Baku"]["label"] == "GPE"
    assert "BAKU" not in by_name["Baku"]["aliases"]  # the dateline's capitals: the same form, folded
    assert "Baku" not in by_name["Azerbaijan"]["aliases"]
    assert by_name["Yerevan"]["label"] == "GPE"


def test_demonyms_stay_norp_and_name_their_country(by_name):
    assert by_name["Azerbaijani"]["label"] == "NORP"
    assert by_name["Azerbaijani"]["country"] == "Azerbaijan"
    assert by_name["Armenian"]["label"] == "NORP"
    assert "Armenians" in by_name["Armenian"]["aliases"]


def test_title_is_peeled_off_and_kept_as_role(actors, by_name):
    assert not rows_with_form(actors, "Spokeswoman Maria Zakharova")
    assert by_name["Maria Zakharova"]["label"] == "PERSON"
    assert "Spokeswoman" in by_name["Maria Zakharova"]["roles"]


def test_ministry_variants_are_one_org(by_name):
    emerg = by_name["Russian Emergencies Ministry"]
    assert emerg["label"] == "ORG"
    for form in ("Emergencies Ministry of Russia", "Ministry of Emergency Situations"):
        assert form in emerg["aliases"]
    assert by_name["Armenia’s Defense Ministry"]["documents"] == 1  # as the article writes it
    assert by_name["Azerbaijani Defense Ministry"]["documents"] == 1
    assert "Russian Foreign Ministry" in by_name and "Foreign Ministry" not in by_name


def test_abbreviation_joins_long_form(actors):
    assert rows_with_form(actors, "FSB")[0]["name"] == "Federal Security Service"


def test_places_the_model_calls_persons(by_name):
    assert by_name["Stepanakert"]["label"] == "GPE"
    assert by_name["Lachin corridor"]["label"] == "LOC"
    assert by_name["Nagorno-Karabakh"]["label"] == "GPE"


def test_filters(actors):
    people = run_json("entities", str(SEEDS), "--label", "PERSON", "--top", "3")
    assert len(people) == 3
    assert {p["label"] for p in people} == {"PERSON"}
    assert people[0]["mentions"] >= people[-1]["mentions"]
    frequent = run_json("entities", str(SEEDS), "--min-count", "5")
    assert frequent and min(a["mentions"] for a in frequent) >= 5
    one = run_json("entities", str(SEEDS), "--doc", "003_5f2ad65c34ba6f43")
    assert "Maria Zakharova" in {a["name"] for a in one}
    assert "Yevgeny Zinichev" not in {a["name"] for a in one}


def test_mentions_slice_back_to_the_text():
    rows = run_json("entities", str(SEEDS), "--mentions")
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert len(rows) > 100
    for r in rows:
        assert texts[r["doc_id"]][r["start"]:r["end"]] == r["text"]
    header_hits = [r for r in rows if r["start"] < texts[r["doc_id"]].find("\n") and " date " in texts[r["doc_id"]][:6]
                   and r["text"] in ("2021-03-23", "2020-12-20")]
    assert header_hits == []


def test_metadata_is_not_an_entity():
    rows = run_json("entities", str(SEEDS), "--mentions", "--doc", "000_1d07f429664aa1a8")
    starts = sorted(r["start"] for r in rows)
    assert starts[0] > len(" date 2021-03-23 ") - 1  # nothing from the header line
    sources = {r["text"]: r.get("source") for r in rows if r["start"] < 40}
    assert sources.get("BAKU") == "dateline"


def test_formats():
    code, out, _ = run_cli("entities", str(SEEDS), "--format", "csv", "--top", "2")
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:3] == ["name", "label", "mentions"] and len(table) == 3
    code, out, _ = run_cli("entities", str(SEEDS), "--format", "jsonl", "--top", "2")
    assert [json.loads(line)["name"] for line in out.splitlines()][0] == "Nagorno-Karabakh"
    code, out, _ = run_cli("entities", str(SEEDS), "--format", "tsv", "--top", "1")
    assert out.splitlines()[0].split("\t")[:2] == ["name", "label"]


def test_docs():
    docs = {d["doc_id"]: d for d in run_json("docs", str(SEEDS))}
    assert docs["000_1d07f429664aa1a8"]["date"] == "2021-03-23"
    assert docs["000_1d07f429664aa1a8"]["date_source"] == "header"
    assert docs["000_1d07f429664aa1a8"]["dateline"] == "BAKU"
    assert docs["003_5f2ad65c34ba6f43"]["date"] == "2021-06-17"
    assert docs["003_5f2ad65c34ba6f43"]["date_source"] == "dateline+weekday"
    undated = docs["004_1151de17c153c829"]
    # its own words bound it ("February 1988"); "November 16" has no year of its own, and the corpus's is not its
    assert undated["date"] is None and undated["date_not_before"] == "1988-02-01"
    assert undated["title"].startswith("Russia’s Task in Karabakh")
    assert docs["002_c07d530b4f2bbd59"]["words"] > 300


def test_pipe_closed_early_is_quiet():
    import subprocess
    import sys

    p = subprocess.run(f"'{sys.executable}' -m karabakh_cli entities --json '{SEEDS}' | head -c 100",
                       shell=True, capture_output=True, text=True, timeout=300)
    assert len(p.stdout) == 100
    assert "Traceback" not in p.stderr and "Error" not in p.stderr


def test_default_corpus_is_the_seeds():
    p = run_proc("docs", "--json")
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)) == 5
