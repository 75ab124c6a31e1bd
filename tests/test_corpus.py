"""Corpus formats: text, JSON Lines, JSON, CSV/TSV, gzip, stdin; record metadata; stable unique ids."""
from __future__ import annotations

import csv
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from karabakh_cli import corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")


def load(*paths, fields: corpus.Fields | None = None) -> tuple[list[corpus.Article], list[str]]:
    msgs: list[str] = []
    arts = list(corpus.load([str(p) for p in paths], warn=msgs.append, fields=fields))
    return arts, msgs


def test_jsonl_records_with_ids_dates_titles(tmp_path):
    f = tmp_path / "wire.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in [
        {"id": "r1", "text": "BAKU, Nov. 10 (Reuters) - Azerbaijan said it had taken Shusha.", "date": "2020-11-10",
         "title": "Shusha taken", "source": "Reuters", "url": "https://example.org/1"},
        {"text": " date 2019-01-01\nYEREVAN, March 3. /TASS/. Talks resumed.", "published": "2021-03-03T10:00:00Z"},
    ]) + "\n", encoding="utf-8")
    arts, msgs = load(f)
    assert msgs == []
    a, b = arts
    assert (a.doc_id, a.title, a.date.isoformat(), a.date_source, a.source, a.url) == (
        "r1", "Shusha taken", "2020-11-10", "record", "Reuters", "https://example.org/1")
    assert a.dateline == "BAKU"
    # no id field: <file stem>:<line>; the record's date wins over the text's header
    assert (b.doc_id, b.date.isoformat(), b.date_source) == ("wire:2", "2021-03-03", "record")


def test_custom_field_names(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps({"uid": 7, "body_text": "Armenia and Azerbaijan met.", "when": "5 March 2021",
                             "head": "A meeting"}) + "\n", encoding="utf-8")
    arts, msgs = load(f, fields=corpus.Fields(text="body_text", id="uid", date="when", title="head"))
    assert msgs == []
    assert (arts[0].doc_id, arts[0].date.isoformat(), arts[0].title) == ("7", "2021-03-05", "A meeting")
    _, msgs = load(f, fields=corpus.Fields(text="nope"))
    assert len(msgs) == 1 and "x.jsonl" in msgs[0] and "'nope'" in msgs[0] and "--text-field" in msgs[0]


def test_csv_tsv_semicolons_and_multiline_fields(tmp_path):
    rows = [["id", "Title", "Date", "Text"],
            ["c1", "One", "2020-11-10", "BAKU, Nov. 10 (Reuters) - First line.\r\nSecond line, with a comma."],
            ["c2", "Two", "12 Nov 2020", "Russian peacekeepers arrived in Stepanakert."]]
    for name, delim in [("a.csv", ","), ("b.tsv", "\t"), ("c.csv", ";")]:
        with open(tmp_path / name, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter=delim).writerows(rows)
    arts, msgs = load(tmp_path / "a.csv", tmp_path / "b.tsv", tmp_path / "c.csv")
    # ids c1, c2 are taken by a.csv: the others fall back to <stem>:<line of the row>, and say so
    assert [a.doc_id for a in arts] == ["c1", "c2", "b:2", "b:4", "c:2", "c:4"]
    assert len(msgs) == 4 and all("already used" in m for m in msgs)
    assert msgs[0].startswith(f"{tmp_path / 'b.tsv'}:2: ")
    first = arts[0]
    assert first.text.endswith("Second line, with a comma.") and "\r\n" in first.text  # kept as read
    assert (first.title, first.date.isoformat()) == ("One", "2020-11-10")
    assert arts[1].date.isoformat() == "2020-11-12"


def test_ids_unique_across_files_and_stable(tmp_path):
    """The same id in two exports, and two files with one stem: every id unique, the same on every run."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "news.jsonl").write_text(
            json.dumps({"id": "1", "text": f"Story from {d}."}) + "\n" + json.dumps({"id": "1", "text": "dup"}) + "\n",
            encoding="utf-8")
        (tmp_path / d / "story.txt").write_text(f"Text of {d}.", encoding="utf-8")
    (tmp_path / "a" / "news.csv").write_text("id,text\n1,Another.\n", encoding="utf-8")
    arts, msgs = load(tmp_path)
    ids = [a.doc_id for a in arts]
    assert len(ids) == len(set(ids)) == 7
    assert any("more than once" in m for m in msgs)
    assert ids == [a.doc_id for a in load(tmp_path)[0]]


def test_gzip_text_and_jsonl(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(SEED.encode("utf-8")))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": "Baku said so."}).encode() + b"\n"))
    arts, msgs = load(tmp_path)
    assert msgs == []
    assert [(a.doc_id, a.text) for a in arts] == [("a", SEED), ("b:1", "Baku said so.")]


def test_json_array_and_single_object(tmp_path):
    (tmp_path / "arr.json").write_text(json.dumps([{"text": "One."}, 5, {"text": "Two.", "id": "t"}]), "utf-8")
    (tmp_path / "one.json").write_text(json.dumps({"text": "Solo.", "title": "T"}, indent=2), "utf-8")
    arts, msgs = load(tmp_path / "arr.json", tmp_path / "one.json")
    assert [a.doc_id for a in arts] == ["arr:1", "t", "one:1"]
    assert len(msgs) == 1 and "arr.json: item 2" in msgs[0]


def test_folder_scan_reports_what_it_ignores(tmp_path):
    (tmp_path / "a.txt").write_text("Armenia.", "utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("no", "utf-8")
    arts, msgs = load(tmp_path)
    assert [a.doc_id for a in arts] == ["a"]
    assert len(msgs) == 1 and ".pdf" in msgs[0] and str(tmp_path) in msgs[0]


@pytest.fixture(scope="module")
def kcli_env(tmp_path_factory) -> dict:
    env = dict(os.environ, KCLI_INDEX=str(tmp_path_factory.mktemp("idx") / "index.sqlite"), NO_COLOR="1")
    env.pop("KCLI_MODEL", None)
    return env


def run(args: list[str], env: dict, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "karabakh_cli", *args], input=stdin, capture_output=True,
                          env=env, timeout=300)


def test_cli_stdin_text_and_jsonl_and_field_options(tmp_path, kcli_env):
    """One model run each: stdin as plain text, stdin as JSON Lines, a CSV with --text-field."""
    p = run(["docs", "-", "--json"], kcli_env, stdin=SEED.encode("utf-8"))
    assert p.returncode == 0, p.stderr
    assert [r["doc_id"] for r in json.loads(p.stdout)] == ["stdin"]
    lines = b"".join(json.dumps({"text": t, "date": "2020-11-09"}).encode() + b"\n"
                     for t in ["Armenia and Azerbaijan signed.", "Russia sent peacekeepers."])
    p = run(["docs", "-", "--json"], kcli_env, stdin=gzip.compress(lines))
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)
    assert [(r["doc_id"], r["date"], r["date_source"]) for r in rows] == [
        ("stdin:1", "2020-11-09", "record"), ("stdin:2", "2020-11-09", "record")]
    f = tmp_path / "export.csv"
    f.write_text("ref,body,headline\nk1,Azerbaijan and Armenia agreed a ceasefire.,Ceasefire\n", "utf-8")
    p = run(["--text-field", "body", "--id-field", "ref", "docs", str(f), "--json"], kcli_env)
    assert p.returncode == 0, p.stderr
    assert [(r["doc_id"], r["title"]) for r in json.loads(p.stdout)] == [("k1", "Ceasefire")]


# ------------------------------------------------------------------ properties of loading
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000))
def test_decode_never_raises_but_corpus_error(data):
    try:
        text, notes = corpus.decode(data, "f")
    except corpus.CorpusError as e:
        assert str(e).startswith("f: ")
        return
    assert "\x00" not in text
    text.encode("utf-8")  # no lone surrogates: every kept text can be written out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".csv", ".tsv", ".json", ".txt.gz"]))
def test_load_any_bytes_never_raises(tmp_path, data, suffix):
    f = tmp_path / f"x{suffix}"
    f.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    arts, msgs = load(f)
    assert arts or msgs  # nothing disappears without a word
    for a in arts:
        for s, e in a.meta_spans + [x for x in (a.title_span, a.dateline_span) if x]:
            assert 0 <= s <= e <= len(a.text)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=3000), limit=st.integers(min_value=1, max_value=400))
def test_split_spans_cover_the_text(text, limit):
    spans = corpus.split_spans(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= limit for s, e in spans) or text == ""


def test_urls_are_read_through_fsspec(tmp_path):
    """A folder or file URL (file://, memory://, s3://... whatever fsspec can read) loads like a local path."""
    fsspec = pytest.importorskip("fsspec")
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "w.jsonl").write_text(json.dumps({"id": "w1", "date": "2020-11-10", "text": "Talks in Moscow."}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    local, _ = load(tmp_path)
    remote, msgs = load(tmp_path.as_uri())
    assert [(a.doc_id, a.text, a.date) for a in remote] == [(a.doc_id, a.text, a.date) for a in local]
    assert [a.path for a in remote] == [f"{tmp_path.as_uri()}/a.txt", f"{tmp_path.as_uri()}/w.jsonl"]
    assert msgs == [f"{tmp_path.as_uri()}: 1 file(s) that are not articles ignored"]
    mem = fsspec.filesystem("memory")
    mem.pipe("/kcli-test/x.txt.gz", gzip.compress(SEED.encode("utf-8")))
    arts, msgs = load("memory://kcli-test/x.txt.gz")
    assert [(a.doc_id, a.text) for a in arts] == [("x", SEED)] and not msgs


def test_unreadable_urls_are_one_line_each(tmp_path):
    pytest.importorskip("fsspec")
    arts, msgs = load(f"{tmp_path.as_uri()}/nope.txt", "zz://bucket/a.txt", tmp_path.as_uri())
    assert arts == []
    assert msgs == [f"{tmp_path.as_uri()}/nope.txt: no such file or folder",
                    "zz://bucket/a.txt: cannot read (Protocol not known: zz)",
                    f"{tmp_path.as_uri()}: no articles in this folder "
                    "(*.txt, *.jsonl, *.csv, *.tsv, *.html, optionally .gz)"]


def test_url_folder_below_a_hidden_folder_and_filesystem_errors(tmp_path):
    """Dot-folders are skipped below the folder given, not above it; a filesystem's own error types
    (HTTP 403, missing credentials...) cost that file only, in one line."""
    fsspec = pytest.importorskip("fsspec")
    from fsspec.implementations.memory import MemoryFileSystem

    corp = tmp_path / ".hidden" / "corp"
    (corp / ".drafts").mkdir(parents=True)
    (corp / "a.txt").write_text(SEED, encoding="utf-8")
    (corp / ".drafts" / "b.txt").write_text(SEED, encoding="utf-8")
    arts, msgs = load(corp.as_uri())
    assert [a.doc_id for a in arts] == ["a"] and not msgs

    class Forbidden(MemoryFileSystem):
        protocol = "kcliforbidden"

        @classmethod
        def _strip_protocol(cls, path):
            return super()._strip_protocol(path.replace("kcliforbidden://", "memory://", 1))

        def _open(self, path, mode="rb", **kwargs):
            if "r" in mode:
                raise RuntimeError("403 Forbidden")
            return super()._open(path, mode, **kwargs)

    fsspec.register_implementation("kcliforbidden", Forbidden, clobber=True)
    Forbidden().pipe("/x/a.txt", b"text")
    arts, msgs = load("kcliforbidden://x/a.txt", corp / "a.txt")
    assert [a.path for a in arts] == [str(corp / "a.txt")]
    assert msgs == ["kcliforbidden://x/a.txt: cannot read (403 Forbidden)"]
