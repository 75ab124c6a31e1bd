"""`kcli trends`: mentions per period of article date, undated articles apart, the terminal chart."""
from __future__ import annotations

import csv
import io
import json

import pytest
import wire
from conftest import run_cli, run_json


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return wire.write(tmp_path_factory.mktemp("trends"))


def table(rows):
    return {(r["period"], r["actor"]): (r["mentions"], r["documents"]) for r in rows}


def test_months_with_zeros_and_undated_apart(corpus):
    code, out, err = run_cli("trends", str(corpus), "--actor", "Vladimir Putin", "--actor", "Mike Pompeo", "--json")
    assert code == 0
    t = table(json.loads(out))
    assert t == {("2020-10", "Vladimir Putin"): (0, 0), ("2020-10", "Mike Pompeo"): (1, 1),
                 ("2020-11", "Vladimir Putin"): (3, 2), ("2020-11", "Mike Pompeo"): (0, 0)}
    assert "1 undated article(s) counted apart" in err and "1 mention(s) of these actors" in err


def test_periods(corpus):
    by = {b: run_json("trends", str(corpus), "--actor", "Aliyev", "--by", b) for b in ("day", "week", "year")}
    assert [r["period"] for r in by["day"]] == ["2020-10-02", "2020-10-05", "2020-11-10", "2020-11-12"]
    assert table(by["week"]) == {("2020-W40", "Ilham Aliyev"): (0, 0), ("2020-W41", "Ilham Aliyev"): (1, 1),
                                 ("2020-W46", "Ilham Aliyev"): (2, 2)}
    assert table(by["year"]) == {("2020", "Ilham Aliyev"): (3, 3)}


def test_default_is_the_most_mentioned(corpus):
    rows = run_json("trends", str(corpus), "--by", "year", "--top", "2")
    assert [r["actor"] for r in rows] == ["Nikol Pashinyan", "Vladimir Putin"]  # 4 mentions each, by name
    everyone = {r["actor"] for r in run_json("trends", str(corpus), "--by", "year", "--top", "50")}
    assert not everyone & {"Russian", "Armenian", "TASS", "Moscow"}  # no nationality, no dateline credit


def test_scope(corpus):
    rows = run_json("trends", str(corpus), "--actor", "Putin", "--from", "2020-11-11")
    assert table(rows) == {("2020-11", "Vladimir Putin"): (1, 1)}
    rows = run_json("trends", str(corpus), "--actor", "Pompeo", "--source", "ap", "--by", "day")
    assert table(rows) == {("2020-10-02", "Mike Pompeo"): (1, 1)}


def test_every_format(corpus):
    rows = run_json("trends", str(corpus), "--by", "week")
    _, out, _ = run_cli("trends", str(corpus), "--by", "week", "--format", "csv")
    assert [{**r, "mentions": int(r["mentions"]), "documents": int(r["documents"])}
            for r in csv.DictReader(io.StringIO(out))] == rows
    _, out, _ = run_cli("trends", str(corpus), "--by", "week", "--format", "jsonl")
    assert [json.loads(x) for x in out.splitlines()] == rows
    _, out, _ = run_cli("trends", str(corpus), "--by", "week", "--format", "tsv")
    assert out.splitlines()[0] == "period\tactor\tmentions\tdocuments"


def test_terminal_chart(corpus):
    code, out, _ = run_cli("trends", str(corpus), "--actor", "Putin", "--actor", "Pashinyan", "--format", "table")
    assert code == 0 and "Mentions per month" in out
    lines = {ln.split()[0]: ln for ln in out.splitlines() if ln.startswith("2020-")}
    assert set(lines) == {"2020-10", "2020-11"}
    assert "\u2588 3" in lines["2020-11"] or "# 3" in lines["2020-11"]  # Putin's bar and count


def test_bad_period_is_a_usage_error(corpus):
    assert run_cli("trends", str(corpus), "--by", "fortnight")[0] == 2
