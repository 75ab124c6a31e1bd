"""`kcli stats` on the seeds: every key, with the values a reader of the five articles expects."""
from __future__ import annotations

import pytest
from conftest import SEEDS, run_cli, run_json


@pytest.fixture(scope="module")
def stats(tmp_path_factory) -> dict:
    index = tmp_path_factory.mktemp("stats") / "index.sqlite"
    cold = run_json("stats", str(SEEDS), "--index", str(index))
    assert (cold["from_index"], cold["processed"]) == (0, 5)
    warm = run_json("stats", str(SEEDS), "--index", str(index))
    assert (warm["from_index"], warm["processed"]) == (5, 0)
    assert {k: v for k, v in cold.items() if k not in ("from_index", "processed")} == \
        {k: v for k, v in warm.items() if k not in ("from_index", "processed")}
    return warm


def test_keys(stats):
    assert list(stats) == ["documents", "words", "sentences", "first_date", "last_date", "undated",
                           "articles_per_month", "articles_per_source", "mentions_per_label", "top_actors",
                           "timeline_events", "quantities", "model", "kcli_version", "from_index", "processed",
                           "failed"]


def test_size_and_dates(stats):
    assert stats["documents"] == 5 and stats["failed"] == 0
    assert 1500 < stats["words"] < 2500 and 50 < stats["sentences"] < 120
    assert (stats["first_date"], stats["last_date"]) == ("2020-11-15", "2021-06-17")
    assert stats["undated"] == 1  # 004 names no year anywhere
    assert stats["articles_per_month"] == {"2020-11": 1, "2020-12": 1, "2021-03": 1, "2021-06": 1}


def test_actors_and_mentions(stats):
    labels = stats["mentions_per_label"]
    assert set(labels) <= {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
    assert labels["GPE"] > labels["PERSON"] > 10
    names = {a["name"]: a for a in stats["top_actors"]}
    assert len(names) == 10
    assert names["Nagorno-Karabakh"]["label"] == "GPE" and names["Nagorno-Karabakh"]["documents"] == 5
    assert {"Azerbaijan", "Armenia", "Vladimir Putin"} <= set(names)


def test_events_and_quantities(stats):
    assert stats["timeline_events"] > 10
    qs = {(q["category"], q["unit"]): q for q in stats["quantities"]}
    assert qs[("demining and munitions", None)]["total"] == 17000
    assert qs[("aid", "m3")]["total"] == 300
    assert all(q["mentions"] >= 1 and q["documents"] >= 1 for q in stats["quantities"])


def test_versions(stats):
    from karabakh_cli import __version__

    assert stats["kcli_version"] == __version__
    assert "3.8" in stats["model"]


def test_table_view(stats):
    code, out, _ = run_cli("stats", str(SEEDS), "--format", "table")
    assert code == 0
    assert "documents" in out and "first_date" in out and "2020-11-15" in out
