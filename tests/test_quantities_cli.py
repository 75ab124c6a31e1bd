"""`kcli quantities` through the real CLI: context, filters and pandas totals."""
from __future__ import annotations

import pytest
from conftest import SEEDS, run_cli, run_json


@pytest.fixture(scope="module")
def rows():
    return run_json("quantities", str(SEEDS))


def test_rows_carry_value_unit_object_and_hedge(rows):
    munitions = next(r for r in rows if r["value"] == 17000)
    assert munitions["qualifier"] == "lower_bound" and munitions["object"] == "munitions"
    assert munitions["unit"] is None
    lumber = next(r for r in rows if r["unit"] == "m3")
    assert lumber["value"] == 300 and lumber["object"] == "lumber"
    rail = next(r for r in rows if r["value"] == 1200)
    assert rail["unit"] == "t" and rail["qualifier"] == "approx" and "cargo" in rail["object"]


def test_context_date_and_actors(rows):
    munitions = next(r for r in rows if r["value"] == 17000)
    assert munitions["date"] in ("2021-03-03", "2020-12")
    assert "Russian Emergencies Ministry" in munitions["actors"]
    text = (SEEDS / f"{munitions['doc_id']}.txt").read_text(encoding="utf-8")
    assert text[munitions["start"]:munitions["end"]] == munitions["text"]


def test_no_dates_or_years_as_quantities(rows):
    assert not {1988, 1992, 1994, 2020, 2021} & {r["value"] for r in rows}


def test_filters_and_group_by():
    tonnes = run_json("quantities", str(SEEDS), "--unit", "t")
    assert {r["value"] for r in tonnes} == {300, 1200}
    big = run_json("quantities", str(SEEDS), "--min", "1000")
    assert {r["value"] for r in big} == {17000, 1200}
    cars = run_json("quantities", str(SEEDS), "--object", "cars")
    assert {r["value"] for r in cars} >= {17, 9, 54}
    code, out, err = run_cli("quantities", str(SEEDS), "--group-by", "unit", "--json")
    assert code == 0
    import json

    totals = {r["unit"]: r for r in json.loads(out)}
    assert totals["t"]["total"] == 1500 and totals["t"]["mentions"] == 2 and totals["t"]["documents"] == 1
    assert "approximate" in err
