"""`kcli network`: co-occurrence windows, filters, ego networks, and graph files read back with networkx."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import networkx as nx
import pytest
import wire
from conftest import run_cli, run_json, run_proc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return wire.write(tmp_path_factory.mktemp("network"))


def pairs(rows):
    return {frozenset((r["source"], r["target"])): r for r in rows}


def test_sentence_window_counts_shared_sentences(corpus):
    rows = run_json("network", str(corpus))
    p = pairs(rows)
    putin_aliyev = p[frozenset(("Vladimir Putin", "Ilham Aliyev"))]
    assert (putin_aliyev["weight"], putin_aliyev["documents"]) == (2, 2)
    assert sorted(putin_aliyev["doc_ids"]) == ["a_tass", "rfe-1"]
    assert {putin_aliyev["source_label"], putin_aliyev["target_label"]} == {"PERSON"}
    # Pashinyan and Putin are in one paragraph of a_tass, never one sentence
    assert frozenset(("Vladimir Putin", "Nikol Pashinyan")) not in p
    assert rows == sorted(rows, key=lambda r: (-r["weight"], -r["documents"], r["source"], r["target"]))
    assert all(r["source"] < r["target"] for r in rows)


def test_nationalities_and_dateline_credits_only_when_asked(corpus):
    names = {n for r in run_json("network", str(corpus), "--window", "document") for n in (r["source"], r["target"])}
    assert names and not names & {"Russian", "Armenian", "Azerbaijani", "TASS", "Moscow", "Associated Press"}
    assert "Reuters" in names  # "told Reuters" in the body is a mention, not a credit
    with_norp = run_json("network", str(corpus), "--label", "NORP", "--label", "PERSON")
    assert {"Russian", "Armenian"} <= {n for r in with_norp for n in (r["source"], r["target"])}
    assert {r["source_label"] for r in with_norp} | {r["target_label"] for r in with_norp} <= {"NORP", "PERSON"}
    credits = pairs(run_json("network", str(corpus), "--window", "document", "--with-dateline"))
    assert frozenset(("TASS", "Vladimir Putin")) in credits


def test_paragraph_and_document_windows(corpus):
    para = pairs(run_json("network", str(corpus), "--window", "paragraph"))
    assert sorted(para[frozenset(("Vladimir Putin", "Nikol Pashinyan"))]["doc_ids"]) == ["a_tass", "c_undated"]
    # b_ap names Pompeo in its first paragraph and Pashinyan in its second
    assert frozenset(("Mike Pompeo", "Nikol Pashinyan")) not in para
    doc = pairs(run_json("network", str(corpus), "-w", "document"))
    assert doc[frozenset(("Mike Pompeo", "Nikol Pashinyan"))]["doc_ids"] == ["b_ap"]


def test_min_weight(corpus):
    rows = run_json("network", str(corpus), "--min-weight", "2")
    assert [frozenset((r["source"], r["target"])) for r in rows] == [frozenset(("Vladimir Putin", "Ilham Aliyev"))]


def test_ego_network_by_any_alias(corpus):
    rows = run_json("network", str(corpus), "--actor", "putin", "--window", "paragraph")
    assert rows and {r["source"] for r in rows} == {"Vladimir Putin"}
    assert "Nikol Pashinyan" in {r["target"] for r in rows}
    alters = run_json("network", str(corpus), "--actor", "Putin", "--window", "paragraph", "--alters")
    assert len(alters) > len(rows)
    around = {"Vladimir Putin"} | {r["target"] for r in rows}
    assert all(r["source"] in around and r["target"] in around for r in alters)
    p = run_proc("network", str(corpus), "--actor", "Nobody Here", "--json")
    assert p.returncode == 1 and p.stdout == "" and "no actor 'Nobody Here'" in p.stderr


def test_date_doc_and_source_scope(corpus):
    november = run_json("network", str(corpus), "--window", "document", "--from", "2020-11")
    assert {d for r in november for d in r["doc_ids"]} == {"a_tass", "rfe-1"}  # undated: outside any range
    october = run_json("network", str(corpus), "--window", "document", "--to", "2020-10-31")
    assert {d for r in october for d in r["doc_ids"]} == {"b_ap", "d_reuters"}
    one = run_json("network", str(corpus), "--window", "document", "--doc", "b_ap")
    assert {d for r in one for d in r["doc_ids"]} == {"b_ap"}
    rfe = run_json("network", str(corpus), "--source", "rfe/rl")
    assert {d for r in rfe for d in r["doc_ids"]} == {"rfe-1"}


def test_every_format(corpus):
    rows = run_json("network", str(corpus))
    code, out, _ = run_cli("network", str(corpus), "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["source"], r["target"], int(r["weight"])) for r in parsed] == \
        [(r["source"], r["target"], r["weight"]) for r in rows]
    code, out, _ = run_cli("network", str(corpus), "--format", "tsv")
    assert out.splitlines()[0].split("\t") == ["source", "target", "source_label", "target_label", "weight",
                                               "documents", "doc_ids"]
    code, out, _ = run_cli("network", str(corpus), "--format", "jsonl")
    assert [json.loads(x) for x in out.splitlines()] == rows
    code, out, _ = run_cli("network", str(corpus), "--format", "table")
    assert code == 0 and "Ilham Aliyev" in out and "Co-occurrence per sentence" in out


def test_graph_files_read_back(corpus, tmp_path):
    gexf, graphml = tmp_path / "g.gexf", tmp_path / "g.graphml"
    code, out, err = run_cli("network", str(corpus), "--window", "paragraph", "--gexf", str(gexf),
                             "--graphml", str(graphml), "--json")
    assert code == 0 and f"graph written to {gexf}" in err
    rows = json.loads(out)
    for g in (nx.read_graphml(graphml), nx.read_gexf(gexf)):
        assert g.number_of_edges() == len(rows)
        for r in rows:
            assert g.edges[r["source"], r["target"]]["weight"] == r["weight"]
    ml = nx.read_graphml(graphml)
    assert ml.nodes["Vladimir Putin"]["label"] == "PERSON"
    assert ml.nodes["Vladimir Putin"]["mentions"] == 4  # twice in a_tass, once in c_undated and rfe-1
    gx = nx.read_gexf(gexf)
    assert gx.nodes["Vladimir Putin"]["label"] == "Vladimir Putin"  # what Gephi draws
    assert gx.nodes["Vladimir Putin"]["entity_label"] == "PERSON"


def test_bad_values_are_usage_errors(corpus):
    for args in (["--window", "page"], ["--min-weight", "0"], ["--from", "2020-13"], ["--gexf", "g.xml"],
                 ["--label", "ANIMAL"]):
        code, _, _ = run_cli("network", str(corpus), *args)
        assert code == 2, args


def test_warm_analysis_commands_import_no_model_pandas_or_chart_library(corpus):
    run_json("network", str(corpus))  # indexed
    for cmd in (["network"], ["trends"], ["search", "ceasefire"], ["search", "--actor", "Putin"]):
        res = subprocess.run([sys.executable, "-X", "importtime", "-m", "karabakh_cli", *cmd, str(corpus), "--json"],
                             capture_output=True, text=True, timeout=120)
        assert res.returncode == 0 and json.loads(res.stdout), res.stderr
        imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in res.stderr.splitlines()
                    if line.startswith("import time")}
        assert "karabakh_cli" in imported
        assert not imported & {"spacy", "thinc", "pandas", "networkx", "matplotlib"}, cmd
