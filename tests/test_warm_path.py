"""The warm path through the real CLI: an unchanged article is answered from the index without parsing its
opening again (header, title, dateline), while its notes still reach stderr; anything that can change what
the opening gives (the file, KCLI_DATELINES, the record version) parses it again."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_cli

from karabakh_cli import datelines, process

ARTICLES = {
    # the dateline's day is two days off the header's: a note on every run, the header date kept
    "clash.txt": " date 2022-04-20\nYEREVAN, April 18 (Armenpress) - The ministry said on Monday that the "
                 "new border post at Margara would open to trucks next month.\n",
    "wire.txt": "Ferry service resumes on the Caspian\n\nAKTAU, Kazakhstan, May 3, 2022 (Kazinform) - The first "
                "ferry in two years left the port for Baku on Tuesday with 40 trucks aboard, the port said.\n",
    "plain.txt": "Farmers near Tovuz said the spring rains came early this year and the wheat harvest "
                 "would start in June.\n",
}


def summary(err: str) -> tuple[int, int, int]:
    """(from the index, processed, openings parsed) of `kcli index`'s last line."""
    m = re.search(r"(\d+) from the index, (\d+) processed.*?, (\d+) openings parsed", err.strip().splitlines()[-1])
    assert m, err
    return int(m[1]), int(m[2]), int(m[3])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("warm")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def index(folder, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("warmindex") / "index.sqlite"
    code, _, err = run_cli("index", str(folder), "--index", str(path))
    assert code == 0 and summary(err) == (0, 3, 3)
    return path


def test_a_warm_run_parses_no_opening_and_still_says_its_notes(folder, index):
    code, _, err = run_cli("index", str(folder), "--index", str(index))
    assert code == 0 and summary(err) == (3, 0, 0)
    note = f"kcli: {folder / 'clash.txt'}: dateline 'YEREVAN, April 18 (Armenpress) -' disagrees with the header date"
    assert err.count(note) == 1
    datelines.rules.cache_clear()
    code, out, err = run_cli("docs", str(folder), "--index", str(index), "--json")
    assert code == 0 and err.count(note) == 1
    assert datelines.rules.cache_info().currsize == 0  # not even compiled: no opening was parsed
    warm = {r["doc_id"]: r for r in json.loads(out)}
    code, out, _ = run_cli("docs", str(folder), "--no-index", "--json")
    assert code == 0 and warm == {r["doc_id"]: r for r in json.loads(out)}
    assert (warm["clash"]["date"], warm["clash"]["date_source"], warm["clash"]["agency"]) == (
        "2022-04-20", "header", "Armenpress")
    assert (warm["wire"]["title"], warm["wire"]["date"], warm["wire"]["dateline_place"]) == (
        "Ferry service resumes on the Caspian", "2022-05-03", "AKTAU, Kazakhstan")


def test_a_changed_file_is_parsed_again(folder, index, tmp_path):
    changed = tmp_path / "c"
    shutil.copytree(folder, changed, ignore=shutil.ignore_patterns("clash.txt"))  # its note names the folder
    idx = tmp_path / "i.sqlite"
    shutil.copy(index, idx)
    code, _, err = run_cli("index", str(changed), "--index", str(idx))
    assert code == 0 and summary(err) == (2, 0, 0)
    (changed / "wire.txt").write_text(ARTICLES["wire.txt"].replace("May 3", "May 4"), encoding="utf-8")
    code, _, err = run_cli("index", str(changed), "--index", str(idx))
    assert code == 0 and summary(err) == (1, 1, 1) and "(0 new, 1 changed)" in err
    rows = {r["doc_id"]: r for r in json.loads(run_cli("docs", str(changed), "--index", str(idx), "--json")[1])}
    assert rows["wire"]["date"] == "2022-05-04"


def test_notes_name_the_file_they_are_about(folder, index, tmp_path):
    """The same text under another path is answered from the index, but its note is made again for that path."""
    copy = tmp_path / "copy.txt"
    shutil.copy(folder / "clash.txt", copy)
    code, _, err = run_cli("index", str(copy), "--index", str(index))
    assert code == 0 and summary(err) == (1, 0, 1)
    assert f"kcli: {copy}: dateline 'YEREVAN, April 18" in err and str(folder) not in err


def test_user_datelines_and_record_version_parse_again(folder, index, tmp_path, monkeypatch):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"agencies": ["Tovuz Courier"]}), encoding="utf-8")
    idx = tmp_path / "i.sqlite"
    shutil.copy(index, idx)
    monkeypatch.setenv(datelines.USER_ENV, str(extra))
    code, _, err = run_cli("index", str(folder), "--index", str(idx))
    assert code == 0 and summary(err) == (0, 3, 3)
    monkeypatch.delenv(datelines.USER_ENV)
    monkeypatch.setattr(process, "RECORD_VERSION", process.RECORD_VERSION + 1)
    code, _, err = run_cli("index", str(folder), "--index", str(idx))
    assert code == 0 and summary(err) == (0, 3, 3)
