"""Datelines in the opening of articles in many outlets' styles, and how an article's own date is decided.

`data/openings.json` holds openings written for these tests in the styles of about 25 agencies and
outlets, each with the date and place a reader takes from it (`date` null: the text cannot fix it).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli, run_json, run_proc

from karabakh_cli import corpus, datelines

OPENINGS = json.loads((Path(__file__).parent / "data" / "openings.json").read_text(encoding="utf-8"))
SHAPES = json.loads(datelines.DATA.read_text(encoding="utf-8"))["shapes"]


def parse(text: str) -> corpus.Article:
    return corpus.parse_article("x", "x.txt", text)


@pytest.mark.parametrize("shape", SHAPES, ids=[s["name"] for s in SHAPES])
def test_every_shape_reads_its_examples(shape):
    assert shape["examples"]
    for example in shape["examples"]:
        text = example + "\nThe minister spoke to reporters.\n"
        dl = datelines.match_at(text, 0)
        assert dl is not None, example
        assert text[dl.start:dl.end].strip() == example, example
        assert dl.place or dl.agency or dl.month, example


@pytest.fixture(scope="module")
def openings(tmp_path_factory):
    d = tmp_path_factory.mktemp("openings")
    for i, o in enumerate(OPENINGS):
        (d / f"o{i:02d}.txt").write_text(o["text"], encoding="utf-8")
    return d, {r["doc_id"]: r for r in run_json("docs", str(d))}


def test_openings_of_many_outlets(openings):
    _, rows = openings
    dateable = [(o, rows[f"o{i:02d}"]) for i, o in enumerate(OPENINGS) if o["date"]]
    assert len(dateable) >= 20
    assert [(o["outlet"], r["date"]) for o, r in dateable] == [(o["outlet"], o["date"]) for o, _ in dateable]
    # unknown beats wrong: what the text cannot date stays undated
    assert [o["outlet"] for i, o in enumerate(OPENINGS) if not o["date"] and rows[f"o{i:02d}"]["date"]] == []
    placed = [(o["outlet"], o["place"]) for o in OPENINGS if o["place"]]
    found = [(o["outlet"], rows[f"o{i:02d}"]["dateline"]) for i, o in enumerate(OPENINGS) if o["place"]]
    assert len(placed) >= 30 and sum(a == b for a, b in zip(placed, found)) / len(placed) >= 0.95
    assert [o["outlet"] for i, o in enumerate(OPENINGS) if not o["place"] and rows[f"o{i:02d}"]["dateline"]] == []
    agencies = [(o["outlet"], o["agency"], rows[f"o{i:02d}"]["agency"]) for i, o in enumerate(OPENINGS) if o["agency"]]
    assert len(agencies) >= 15 and [a for a in agencies if a[1] != a[2]] == []


def test_docs_shows_place_agency_and_sources(openings):
    _, rows = openings
    tass = rows[f"o{[o['outlet'] for o in OPENINGS].index('TASS web'):02d}"]
    assert (tass["dateline"], tass["dateline_place"], tass["agency"], tass["date_source"]) == (
        "MOSCOW", "MOSCOW", "TASS", "dateline+weekday")
    assert tass["title"] == "Lavrov, Bayramov discuss humanitarian issues in Karabakh by phone"
    ap = rows[f"o{[o['outlet'] for o in OPENINGS].index('AP Tanzania'):02d}"]
    assert (ap["dateline"], ap["dateline_place"], ap["agency"]) == ("DAR ES SALAAM", "DAR ES SALAAM, Tanzania", "AP")
    dated = rows[f"o{[o['outlet'] for o in OPENINGS].index('PRNewswire'):02d}"]
    assert dated["date_source"] == "dateline"


def test_dateline_after_a_standfirst_is_metadata_and_its_place_an_actor(openings):
    d, _ = openings
    i = [o["outlet"] for o in OPENINGS].index("TASS web")
    ms = [m for m in run_json("entities", str(d / f"o{i:02d}.txt"), "--mentions") if m["source"] == "dateline"]
    assert sorted((m["text"], m["label"]) for m in ms) == [("MOSCOW", "GPE"), ("TASS", "ORG")]
    text = OPENINGS[i]["text"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in ms)
    # the dateline's own date is not an event; the lead's "on Monday" is, on the dateline's day
    events = run_json("timeline", str(d / f"o{i:02d}.txt"))
    assert [e["text"] for e in events if e["date"] == "2020-11-23"] == ["Monday"]


def test_an_unrelated_article_changes_no_other_docs_row(openings, tmp_path):
    """A folder is not a feed: adding an article leaves every other article's row as it was."""
    d, before = openings
    for f in d.iterdir():
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    for f in SEEDS.glob("*.txt"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    seeds_before = {r["doc_id"]: r for r in run_json("docs", str(SEEDS))}
    # it gives a year to every month-day the others leave open, and names years and weekdays of its own
    (tmp_path / "zz_other.txt").write_text(
        " date 2019-11-10\nTOKYO, Nov. 10 (Kyodo) -- On November 16, September 27, November 9, June 17, "
        "March 4 and October 5 of 2019 officials met on Tuesday, Sunday and Thursday.\n", encoding="utf-8")
    after = {r["doc_id"]: r for r in run_json("docs", str(tmp_path))}
    assert after["zz_other"]["date"] == "2019-11-10"
    changed = [k for k, r in {**before, **seeds_before}.items()
               if {**r, "path": None} != {**after[k], "path": None}]
    assert changed == []


ODD = {
    # a dateline-looking line further down, in a quote and in a table never dates the article
    "mid.txt": "Talks resume\n\nThe ministers met again to discuss the corridor and the border.\n\n"
               "Officials gave no details of the meeting.\n\nDiplomats said progress was slow.\n\n"
               "A joint statement is expected.\n\nObservers were cautious.\n\n"
               "BAKU, Nov. 10, 2020 (Reuters) - an older report said the talks would go on.\n",
    "quote.txt": "Talks resume\n\n\"MOSCOW, Nov. 10, 2020 (Reuters) - this line is quoted,\" the editor wrote.\n",
    "table.txt": "Results by city\n\nROME\t1996-12-06\t4.5\nPARIS | 1996-12-07 | 3.1\n",
    # header and dateline disagree: the header wins, with one warning
    "clash.txt": " date 2021-05-02 BAKU, March 7, 2020 (AP) \u2014 The ministry said on Sunday that work had begun.\n",
    # an impossible date: ignored with a warning, the place still read
    "feb30.txt": "MOSCOW, February 30. /TASS/. The ministry said on Thursday that aid had arrived in 2021.\n",
    # a weekday that contradicts every year the text names (and the year after): undated
    "contra.txt": "MOSCOW, June 17. /TASS/. The ministry said on Monday that the 2021 plan was on track.\n",
    # no weekday: the dateline's day of a full date the text gives fixes the year
    "full.txt": "BAKU, Oct. 5 (AP) \u2014 Officials said talks opened on Oct. 5, 2022 in the capital.\n",
    # undated: "in 2021" bounds from its first day; a date that looks ahead does not bound at all
    "bound.txt": "Rescuers return\n\nThe mission began in 2021. It will end in 2030, officials said.\n",
}


@pytest.fixture(scope="module")
def odd(tmp_path_factory):
    d = tmp_path_factory.mktemp("odd")
    for name, text in ODD.items():
        (d / name).write_text(text, encoding="utf-8")
    code, out, err = run_cli("docs", str(d), "--json")
    assert code == 0, err
    return {r["doc_id"]: r for r in json.loads(out)}, err, d


def test_bad_input_never_dates_wrongly(odd):
    rows, err, odd_dir = odd
    for k in ("mid", "quote", "table"):
        assert (rows[k]["date"], rows[k]["dateline"]) == (None, None), k
    assert (rows["clash"]["date"], rows["clash"]["date_source"], rows["clash"]["dateline"]) == (
        "2021-05-02", "header", "BAKU")
    assert err.count("clash.txt") == 1 and "disagrees with the header date 2021-05-02; the header date is kept" in err
    assert (rows["feb30"]["date"], rows["feb30"]["dateline"]) == (None, "MOSCOW")
    assert err.count("feb30.txt") == 1 and "is not a date" in err
    # notes on articles that are read all the same: warnings, not failures
    code, out, err = run_cli("stats", str(odd_dir / "clash.txt"), "--json")
    assert code == 0 and json.loads(out)["failed"] == 0 and "disagrees" in err
    assert rows["contra"]["date"] is None and rows["contra"]["date_not_before"] == "2021-06-17"
    assert (rows["full"]["date"], rows["full"]["date_source"]) == ("2022-10-05", "dateline+text")
    assert rows["bound"]["date"] is None and rows["bound"]["date_not_before"] == "2021-01-01"


def test_record_text_field_and_record_date(tmp_path):
    f = tmp_path / "wire.jsonl"
    recs = [{"id": "r1", "title": "Aid reaches Stepanakert",
             "text": "Aid reaches Stepanakert\nA convoy crossed the corridor, the mission said\n\n"
                     "YEREVAN, March 4. /TASS/. Trucks arrived on Thursday, the mission said in 2021.\n"},
            {"id": "r2", "date": "2021-03-09", "text": "BAKU, March 4, 2021 (AP) \u2014 The talks ended.\n"}]
    f.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    code, out, err = run_cli("docs", str(f), "--json")
    rows = {r["doc_id"]: r for r in json.loads(out)}
    assert (rows["r1"]["date"], rows["r1"]["dateline"], rows["r1"]["agency"]) == ("2021-03-04", "YEREVAN", "TASS")
    assert (rows["r2"]["date"], rows["r2"]["date_source"]) == ("2021-03-09", "record")
    assert "wire.jsonl:2: dateline 'BAKU, March 4, 2021 (AP) \u2014' disagrees" in err


def test_given_date_for_stdin_and_undated_files(tmp_path):
    p = run_proc("--date", "2020-11-10", "timeline", "-", "--json",
                 stdin="Officials said on Monday that the convoy had left.\n")
    assert p.returncode == 0, p.stderr
    assert [(e["text"], e["date"]) for e in json.loads(p.stdout)] == [("Monday", "2020-11-09")]
    (tmp_path / "dated.txt").write_text(" date 2021-01-05\nOfficials met.\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("Officials met.\n", encoding="utf-8")
    rows = {r["doc_id"]: r for r in run_json("--date", "2020-11-10", "docs", str(tmp_path))}
    assert (rows["dated"]["date"], rows["dated"]["date_source"]) == ("2021-01-05", "header")
    assert (rows["plain"]["date"], rows["plain"]["date_source"]) == ("2020-11-10", "given")
    code, _, err = run_cli("--date", "2020-13-40", "docs", str(tmp_path))
    assert code == 2 and "is not a date" in err


def test_user_shapes_and_agencies(tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"agencies": ["Caucasus Wire"], "shapes": [
        {"name": "bullet", "place": "caps_or_known", "pattern": "{place} ~ {date} ~ {agency}:",
         "examples": ["GYUMRI ~ 3 May ~ Caucasus Wire:"]}]}), encoding="utf-8")
    text = "GYUMRI ~ 3 May ~ Caucasus Wire: The bridge reopened on Tuesday.\n"
    assert parse(text).dateline is None
    monkeypatch.setenv(datelines.USER_ENV, str(extra))
    a = parse(text)
    assert (a.dateline, a.agency, a.dateline_month_day) == ("GYUMRI", "Caucasus Wire", (5, 3))
    assert datelines.user_file() == extra


def test_bad_user_shapes_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"shapes": [{"name": "x", "pattern": "{place} ("}]}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("MOSCOW \u2014 Talks resumed.\n", encoding="utf-8")
    p = run_proc("docs", str(tmp_path / "a.txt"), env={datelines.USER_ENV: str(bad)})
    assert p.returncode == 1 and p.stdout == ""
    assert p.stderr.startswith("kcli: ") and "bad.json" in p.stderr and "Traceback" not in p.stderr
