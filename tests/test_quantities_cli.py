"""`kcli quantities` through the real CLI: context, filters and pandas totals."""
from __future__ import annotations

import pytest
from conftest import SEEDS, run_cli, run_json, run_proc


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


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """Two reports of one war and one market, written as wires write them."""
    folder = tmp_path_factory.mktemp("news")
    (folder / "a.txt").write_text(
        "Strike on Kharkiv kills 41\n\nKHARKIV, March 3 (Reuters) - The death toll from the missile strike rose to 41 "
        "on March 3, officials said. Aid groups delivered 500 tonnes of flour to the city.\n\n"
        "Ukraine's central bank said inflation rose 5 percent, while the hryvnia traded at 37 per dollar.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Kharkiv toll climbs to 52\n\nKHARKIV, March 5 (AP) - The death toll from the missile strike rose to 52 "
        "on March 5, the governor said. Another 300 tonnes of flour arrived by rail.\n\n"
        "Inflation eased 2 percent, the statistics office said, and the hryvnia firmed 1.5% against the euro.\n",
        encoding="utf-8")
    return folder


def test_group_by_sums_only_additive_and_keeps_tolls(news):
    totals = {r["unit"]: r for r in run_json("quantities", str(news), "--group-by", "unit")}
    assert totals["t"]["aggregate"] == "sum" and totals["t"]["total"] == 800 and totals["t"]["dimension"] == "mass"
    assert totals["%"]["aggregate"] == "none" and totals["%"]["total"] is None and totals["%"]["mentions"] == 3
    tolls = {r["object"]: r for r in run_json("quantities", str(news), "--group-by", "object")}
    toll = tolls["death toll"]
    assert toll["aggregate"] in ("latest", "max") and toll["total"] == 52 and toll["documents"] == 2
    # plain counts of different things (a toll, a rate "37 per dollar") under one unit-less row add up to nothing
    counts = totals.get(None)
    assert counts is not None and counts["aggregate"] == "none" and counts["total"] is None


def test_rows_carry_range_change_and_dimension(news):
    rows = run_json("quantities", str(news))
    infl = [(r["value"], r["change"], r["dimension"]) for r in rows if r["unit"] == "%"]
    assert infl == [(5, "up", "percent"), (2, "down", "percent"), (1.5, "up", "percent")]
    assert all("value_max" in r for r in rows)


def test_tables_group_thousands_and_never_use_scientific_notation(tmp_path):
    (tmp_path / "c.txt").write_text("LONDON - The bank set aside $1.5 trillion. A cell measures 2.2x10^-6 metres.\n",
                                    encoding="utf-8")
    res = run_proc("quantities", str(tmp_path), "--format", "table", env={"COLUMNS": "200"})
    assert res.returncode == 0 and "1,500,000,000,000" in res.stdout and "0.0000022" in res.stdout
    assert "e+" not in res.stdout
    code, out, _ = run_cli("quantities", str(tmp_path), "--format", "csv")
    assert code == 0 and "1500000000000" in out and "0.0000022" in out and "e-0" not in out
    code, out, _ = run_cli("quantities", str(tmp_path), "--json")
    assert code == 0 and "0.0000022" in out and "e-0" not in out


def test_group_by_adds_a_repeated_background_figure_once():
    totals = {r["object"]: r for r in run_json("quantities", str(SEEDS), "--group-by", "object")}
    repeated = totals["adjacent territories"]
    assert (repeated["total"], repeated["mentions"], repeated["documents"]) == (7, 2, 2)
    assert repeated["aggregate"] == "sum"
