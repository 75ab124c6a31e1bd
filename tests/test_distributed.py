"""`kcli index --scheduler` on a real Dask LocalCluster (2 worker processes): same index as a local run,
and a worker killed mid-run costs a batch, not the run."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import zlib
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli, run_json, run_proc

distributed = pytest.importorskip("distributed")

from karabakh_cli import distributed as kdist  # noqa: E402
from karabakh_cli import records  # noqa: E402
from karabakh_cli.nlp import model_name  # noqa: E402

ARTICLES = 60
BATCH = 4  # articles per batch: many batches, so a worker dies with work in flight


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 small text articles cut from the seeds, plus a JSONL export (sent to workers with its text)."""
    root = tmp_path_factory.mktemp("dcorpus")
    paras = []
    for f in sorted(SEEDS.glob("*.txt")):
        paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(ARTICLES):
        body = "\n\n".join(paras[(i + k) % len(paras)] for k in range(2))
        (root / f"a{i:03d}.txt").write_text(f" date 2020-10-{1 + i % 28:02d}\n\nUpdate {i}: fighting "
                                            f"reported\n\n{body}\n", encoding="utf-8")
    with (root / "wire.jsonl").open("w", encoding="utf-8") as f:
        for i in range(4):
            f.write(json.dumps({"id": f"w{i}", "date": f"2020-11-0{i + 1}", "title": f"Wire {i}",
                                "text": paras[(7 * i) % len(paras)]}) + "\n")
    return root


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def local_index(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dlocal") / "local.sqlite"
    code, _, err = run_cli("index", str(corpus), "--index", str(path))
    assert code == 0, err
    return path


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(kdist, "BATCH_ARTICLES", BATCH)


def contents(path: Path) -> tuple[dict, set]:
    """sha1 -> record, and (path, sha1, doc_id) rows: an index without its timestamps."""
    db = sqlite3.connect(path)
    try:
        recs = {s: json.loads(zlib.decompress(d)) for s, d in db.execute("SELECT sha1, data FROM records")}
        docs = set(db.execute("SELECT path, sha1, doc_id FROM docs"))
    finally:
        db.close()
    return recs, docs




def test_cluster_builds_the_local_index(corpus, client, local_index, small_batches, tmp_path):
    dist = tmp_path / "dist.sqlite"
    code, _, err = run_cli("index", str(corpus), "--index", str(dist), "--scheduler", client.scheduler.address)
    assert code == 0, err
    assert f"{ARTICLES + 4} processed" in err
    local_recs, local_docs = contents(local_index)
    dist_recs, dist_docs = contents(dist)
    assert len(local_recs) == ARTICLES + 4
    assert dist_recs == local_recs
    assert dist_docs == local_docs
    # every other command reads the cluster's index as it reads a local one
    assert (run_json("entities", str(corpus), "--index", str(dist))
            == run_json("entities", str(corpus), "--index", str(local_index)))
    code, _, err = run_cli("index", str(corpus), "--index", str(dist), "--scheduler", client.scheduler.address)
    assert code == 0 and f"{ARTICLES + 4} from the index, 0 processed" in err


def test_killed_worker_costs_a_batch_not_the_run(corpus, client, local_index, small_batches, tmp_path):
    dist = tmp_path / "killed.sqlite"
    killed: list[int] = []

    def progress(done: int, total: int) -> None:
        if not killed:  # the first batch is in: kill a worker while the others are queued or running
            pids = client.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    opts = records.Options(paths=[str(corpus)], index=dist, scheduler=client.scheduler.address, quiet=True,
                           progress=progress)
    loaded = records.load(opts)
    assert killed
    assert loaded.processed == ARTICLES + 4 and not loaded.failed
    local_recs, local_docs = contents(local_index)
    dist_recs, dist_docs = contents(dist)
    assert dist_recs == local_recs
    assert dist_docs == local_docs


def test_bad_scheduler_is_one_line(corpus, tmp_path):
    res = run_proc("index", str(corpus / "a000.txt"), "--index", str(tmp_path / "x.sqlite"), "--scheduler", "local:x")
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [
        "kcli: --scheduler local:x: expected local:N with N workers, e.g. local:2"]


def test_cluster_reads_a_url_the_workers_can_read(corpus, client, small_batches, tmp_path):
    """A corpus named by a URL fsspec reads (here file://): the workers read it themselves, same records."""
    url = corpus.as_uri()
    local, dist = tmp_path / "local.sqlite", tmp_path / "dist.sqlite"
    code, _, err = run_cli("index", url, "--index", str(local))
    assert code == 0 and f"{ARTICLES + 4} processed" in err, err
    code, _, err = run_cli("index", url, "--index", str(dist), "--scheduler", client.scheduler.address)
    assert code == 0 and f"{ARTICLES + 4} processed" in err and "shared" not in err, err
    local_recs, local_docs = contents(local)
    assert contents(dist) == (local_recs, local_docs)
    assert {p for p, _, _ in local_docs} >= {f"{url}/a000.txt", f"{url}/wire.jsonl"}


def test_without_dask_says_how_to_install(corpus, tmp_path):
    (tmp_path / "distributed.py").write_text("raise ImportError('no dask here')\n")  # as if not installed
    res = run_proc("index", str(corpus / "a000.txt"), "--index", str(tmp_path / "x.sqlite"),
                   "--scheduler", "tcp://127.0.0.1:1", env={"PYTHONPATH": str(tmp_path)})
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == ["kcli: --scheduler needs Dask: pip install 'karabakh-cli[dask]'"]
    assert not (tmp_path / "x.sqlite").exists()


def test_worker_without_the_files_gets_the_text(corpus, client, local_index, small_batches, monkeypatch):
    """No shared filesystem: the worker reports the article missing and the client sends its text, once warned."""
    from karabakh_cli import corpus as corpus_mod

    real = kdist.items_for

    def elsewhere(todo):
        return [kdist.Item(it.sha1, it.doc_id, it.path, file=it.file + ".not-here") if it.file else it
                for it in real(todo)]

    monkeypatch.setattr(kdist, "items_for", elsewhere)
    todo = list(corpus_mod.load([str(corpus / f"a{i:03d}.txt") for i in range(6)]))
    warnings: list[str] = []
    stored: list[list[dict]] = []
    out = kdist.run(todo, scheduler=client, model=model_name(), patterns=None, aliases=None,
                    fingerprint=contents_fp(local_index), put=stored.append, warn=warnings.append)
    local_recs, _ = contents(local_index)
    assert out == {a.sha1: local_recs[a.sha1] for a in todo}
    assert sum(map(len, stored)) == 6
    assert len(warnings) == 1 and "shared" in warnings[0]


def contents_fp(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT DISTINCT fingerprint FROM records").fetchone()[0]
    finally:
        db.close()
