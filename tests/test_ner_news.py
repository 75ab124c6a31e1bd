"""Actor labels on own news texts in many outlets' styles (sport wires, results tables, markets, politics, press),
scored the CoNLL-2003 way (`ner_news.py`): real model, real CLI process, no index.

Gold written before the fixes; first run PER 76.7 / ORG 62.8 / LOC 78.4 / all 70.3 (h_* articles: written after the
first fixes, first run 92.8, kcli before the fixes 69.9). The floors sit a little under
what kcli gets now, so a change that loses a class of names fails here.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from ner_news import f1, gold_spans, run_kcli, score, write_texts

KCLI = [sys.executable, "-m", "karabakh_cli"]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ner_news")
    write_texts(folder)
    return score(run_kcli(KCLI, Path(folder)))


def test_gold_is_well_formed():
    from ner_news import articles

    arts = articles()
    assert len(arts) >= 25 and len({a["id"] for a in arts}) == len(arts)
    assert sum(len(gold_spans(a)) for a in arts) >= 240


def test_floors_per_type(result):
    counts, errors = result
    total = sum(counts.values(), Counter())
    assert total["tp"] >= 215, errors
    assert f1(counts["ORG"]) >= 0.92, errors
    assert f1(counts["PER"]) >= 0.83, errors
    assert f1(counts["LOC"]) >= 0.90, errors
    assert f1(total) >= 0.91, errors


def test_results_lines_are_teams_and_countries_stay_places(result):
    _, errors = result
    wrong = [e for e in errors if e.split(":")[0] in ("laliga_results", "rugby_results", "internationals")]
    assert not wrong, wrong


def test_outlets_and_set_scores(result):
    _, errors = result
    assert not [e for e in errors if e.startswith(("press_agencies:", "tennis_afp: FP ORG", "markets_europe:"))], errors


def test_shapes_that_are_no_sports(tmp_path):
    """A case name, a date before a figure and a company's country desk keep the model's reading."""
    import json

    from conftest import run_proc

    (tmp_path / "court.txt").write_text(
        "WASHINGTON (AP) — Abortion opponents marked the anniversary of the Roe v. Wade decision on Thursday.\n\n"
        "On Monday, March 3, the airline said its Boeing 747 fleet would be grounded. Qantas' India manager "
        "Khursheed Lam said bookings were strong.\n", encoding="utf-8")
    (tmp_path / "xinhua.txt").write_text("JOHANNESBURG, August 7 (Xinhua) --\n\nThe rand firmed on Friday.\n",
                                         encoding="utf-8")
    p = run_proc("entities", "--mentions", "--json", "--no-index", str(tmp_path))
    assert p.returncode == 0, p.stderr
    ms = {m["text"]: m["label"] for m in json.loads(p.stdout)}
    assert "March" not in ms and "August" not in ms and ms.get("Roe") != "ORG" and "Roe v. Wade" not in ms
    assert "Qantas' India" not in ms and ms.get("Khursheed Lam") == "PERSON"


def test_scorers_squads_and_scorecards_are_persons(tmp_path):
    """Sport lists the model reads badly: scorers with their minute, shirt numbers, a cricket scorecard."""
    import json

    from conftest import run_proc

    (tmp_path / "lists.txt").write_text(
        "Scorers: Porto - Evanilson Rodrigues ( 12th ), Mehdi Taremi ( 67th pen )\n"
        "Porto: 1 - Diogo Costa, 2 - Joao Mario, 3 - Pepe\n"
        "K. Mendis c Carey b Starc 41\n"
        "The 11th Circuit Court of Appeals ruled on Monday.\n", encoding="utf-8")
    p = run_proc("entities", "--mentions", "--json", "--no-index", str(tmp_path))
    assert p.returncode == 0, p.stderr
    ms = {m["text"]: m["label"] for m in json.loads(p.stdout)}
    for name in ("Evanilson Rodrigues", "Mehdi Taremi", "Diogo Costa", "Joao Mario", "K. Mendis", "Carey", "Starc"):
        assert ms.get(name) == "PERSON", (name, ms)
    assert "The" not in ms
