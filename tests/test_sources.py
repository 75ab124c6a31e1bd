"""Sources: `docs` shows source and url, `--source` filters every command, `stats` counts per source."""
from __future__ import annotations

import pytest
import wire
from conftest import run_cli, run_json, run_proc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return wire.write(tmp_path_factory.mktemp("sources"))


def test_docs_show_source_and_url(corpus):
    docs = {d["doc_id"]: d for d in run_json("docs", str(corpus))}
    assert {k: (d["source"], d["url"]) for k, d in docs.items()} == {
        "a_tass": ("TASS", None), "b_ap": ("AP", None), "c_undated": (None, None), "d_reuters": ("Reuters", None),
        "rfe-1": ("RFE/RL", "https://example.org/news/1")}
    _, out, _ = run_cli("docs", str(corpus), "--format", "table")
    assert "RFE/RL" in out


def test_stats_count_articles_per_source(corpus):
    assert run_json("stats", str(corpus))["articles_per_source"] == {
        "TASS": 1, "AP": 1, "Reuters": 1, "RFE/RL": 1, "unknown": 1}


def test_source_filters_every_command(corpus):
    def ids(rows, key="doc_id"):
        return {d for r in rows for d in ([r[key]] if key == "doc_id" else r[key])}

    assert ids(run_json("docs", str(corpus), "--source", "reuters")) == {"d_reuters"}
    assert ids(run_json("entities", str(corpus), "--source", "AP"), "doc_ids") == {"b_ap"}
    assert ids(run_json("entities", str(corpus), "--mentions", "--source", "AP")) == {"b_ap"}
    assert ids(run_json("dates", str(corpus), "--source", "Reuters")) == {"d_reuters"}
    assert ids(run_json("timeline", str(corpus), "--source", "Reuters"), "doc_ids") == {"d_reuters"}
    assert ids(run_json("quantities", str(corpus), "--source", "Reuters", "--flagged")) <= {"d_reuters"}
    assert ids(run_json("search", "the", str(corpus), "--source", "TASS")) == {"a_tass"}
    assert ids(run_json("network", str(corpus), "--source", "rfe/rl", "-w", "document"), "doc_ids") == {"rfe-1"}
    stats = run_json("stats", str(corpus), "--source", "TASS")
    assert stats["documents"] == 1 and stats["articles_per_source"] == {"TASS": 1}


def test_unknown_source_names_the_known_ones(corpus):
    res = run_proc("entities", str(corpus), "--source", "Xinhua")
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.strip() == "kcli: no article from source 'Xinhua' (sources: TASS, AP, Reuters, RFE/RL)"
