"""`kcli search`: words, regular expressions and actor mentions in context, with offsets that slice back."""
from __future__ import annotations

import csv
import io
import json

import pytest
import wire
from conftest import run_cli, run_json


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return wire.write(tmp_path_factory.mktemp("search"))


def slices_back(rows, corpus):
    texts = wire.texts(corpus)
    for r in rows:
        t = texts[r["doc_id"]]
        assert t[r["start"]:r["end"]] == r["match"]
        assert t[max(0, r["start"] - len(r["left"])):r["start"]].replace("\n", " ") == r["left"]
        assert t[r["end"]:r["end"] + len(r["right"])].replace("\n", " ") == r["right"]


def test_words_case_insensitive_whole_words(corpus):
    rows = run_json("search", "Ceasefire", str(corpus))
    assert sorted(r["doc_id"] for r in rows) == ["a_tass", "b_ap", "c_undated", "d_reuters"]
    assert {r["match"] for r in rows} == {"ceasefire"}
    slices_back(rows, corpus)
    assert run_json("search", "cease", str(corpus)) == []  # a word, not a prefix
    assert run_json("search", "Ceasefire", str(corpus), "--case-sensitive") == []
    spaced = run_json("search", "joint   STATEMENT", str(corpus))
    assert [(r["doc_id"], r["match"]) for r in spaced] == [("a_tass", "joint statement")]


def test_dates_and_context(corpus):
    rows = {r["doc_id"]: r for r in run_json("search", "ceasefire", str(corpus), "--context", "12")}
    assert rows["b_ap"]["date"] == "2020-10-02" and rows["c_undated"]["date"] is None
    assert rows["a_tass"]["date"] == "2020-11-10"
    assert all(len(r["left"]) <= 12 and len(r["right"]) <= 12 for r in rows.values())
    assert (rows["b_ap"]["left"], rows["b_ap"]["right"]) == (" phone. The ", " talks, he s")


def test_regex(corpus):
    rows = run_json("search", "--regex", r"\b(19|20)\d\d(-\d{4})?\b", str(corpus))
    assert {r["match"] for r in rows} == {"2020", "1992-1994"}
    slices_back(rows, corpus)
    code, _, err = run_cli("search", "--regex", "(unclosed", str(corpus))
    assert code == 2 and "not a usable pattern" in err


def test_actor_under_every_name(corpus):
    rows = run_json("search", "--actor", "Vladimir Putin", str(corpus))
    assert sorted((r["doc_id"], r["match"]) for r in rows) == [
        ("a_tass", "Putin"), ("a_tass", "Vladimir Putin"), ("c_undated", "Vladimir Putin"), ("rfe-1", "Vladimir Putin")]
    slices_back(rows, corpus)
    assert run_json("search", "--actor", "putin", str(corpus)) == rows


def test_scope(corpus):
    rows = run_json("search", "ceasefire", str(corpus), "--from", "2020-10-03", "--to", "2020-11")
    assert sorted(r["doc_id"] for r in rows) == ["a_tass", "d_reuters"]
    assert [r["doc_id"] for r in run_json("search", "ceasefire", str(corpus), "--doc", "b_ap")] == ["b_ap"]
    assert [r["doc_id"] for r in run_json("search", "Putin", str(corpus), "--source", "RFE/RL")] == ["rfe-1"]


def test_every_format(corpus):
    rows = run_json("search", "Pashinyan", str(corpus))
    _, out, _ = run_cli("search", "Pashinyan", str(corpus), "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [(r["doc_id"], int(r["start"]), r["match"]) for r in parsed] == \
        [(r["doc_id"], r["start"], r["match"]) for r in rows]
    _, out, _ = run_cli("search", "Pashinyan", str(corpus), "--format", "jsonl")
    assert [json.loads(x) for x in out.splitlines()] == rows
    _, out, _ = run_cli("search", "Pashinyan", str(corpus), "--format", "tsv")
    assert out.splitlines()[0].split("\t") == ["doc_id", "start", "end", "left", "match", "right", "date"]


def test_concordance_on_a_terminal(corpus):
    code, out, _ = run_cli("search", "ceasefire", str(corpus), "--format", "table")
    lines = out.splitlines()
    assert code == 0 and lines[-1] == "(4 matches)"
    cols = {ln.index("ceasefire") for ln in lines[:-1]}
    assert len(cols) == 1  # the matches line up


def test_no_pattern_is_a_usage_error(corpus):
    code, _, err = run_cli("search")
    assert code == 2 and "PATTERN" in err
