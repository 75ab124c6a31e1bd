"""Hostile files: each is decoded or skipped with a warning naming it; the rest go on; offsets stay right.

One `kcli docs` run over a folder of bad files (plus one warm `entities --mentions` from its index)
keeps the model runs to one.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli import corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")  # has a header and a /TASS/ dateline
CHUNK = 4000


def kcli(args: list[str], env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "karabakh_cli", *args], capture_output=True, text=True,
                          env=env, timeout=600, **kw)


def write_bad_corpus(d: Path) -> dict[str, str | None]:
    """Every bad file, and what kcli must say about it (None: kept without a word)."""
    src = SEED
    files: dict[str, bytes] = {
        "good.txt": src.encode(),
        "empty.txt": b"",
        "blank.txt": b"  \n\t\r\n  ",
        "scan.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>",
        "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "noise.txt": bytes(range(256)) * 8,
        "cp1252.txt": ("\u201cQuoted\u201d \u2014 caf\u00e9\n" + src).encode("cp1252", "replace"),
        "latin1.txt": ("Se\u00f1or Aliyev\n" + src).encode("latin-1", "replace"),
        "utf16.txt": src.encode("utf-16"),
        "utf16le_nobom.txt": src.encode("utf-16-le"),
        "bom.txt": b"\xef\xbb\xbf" + src.encode(),
        "crlf.txt": src.replace("\n", "\r\n").encode(),
        "nul.txt": src[:300].encode() + b"\x00" + src[300:].encode(),
        "zipped.txt.gz": gzip.compress(src.encode()),
        "damaged.txt.gz": gzip.compress(src.encode())[:40],
        "long_article.txt": ("\n\n".join([src] * 6)).encode(),  # ~ 6 x 1.5k chars > CHUNK: parts
        "long_line.txt": (" ".join(["Armenia and Azerbaijan talked in Moscow."] * 250)).encode(),  # 10k, no \n
        "records.jsonl": b"\n".join([
            json.dumps({"id": "j1", "text": src, "date": "2020-12-21", "title": "Record title"}).encode(),
            b'{"id": "j2", "text": "unterminated',
            b"[1, 2, 3]",
            json.dumps({"id": "j4", "summary": "no text"}).encode(),
            json.dumps({"id": "j5", "text": "Baku said so.", "date": "yesterday-ish"}).encode(),
        ]) + b"\n",
        "rows.csv": (b'id,date,text\r\nk1,2020-11-10,"Azerbaijan said,\r\nin two lines."\r\n'
                     b"k2,2020-11-11,too,many\r\nk3,2020-11-12,Russian peacekeepers arrived.\r\n"),
    }
    for name, data in files.items():
        (d / name).write_bytes(data)
    (d / "big.txt").write_bytes(b"Armenia. " * (21_000_000 // 9 + 1))  # > 20 MB: refused without reading it all
    (d / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 25_000_000))  # 25 MB once decompressed
    (d / "link.txt").symlink_to(d / "nowhere.txt")
    (d / "picture.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    return {
        "good.txt": None, "empty.txt": "empty file", "blank.txt": "only whitespace", "scan.txt": "binary file (PDF)",
        "photo.txt": "binary file (PNG", "noise.txt": "binary file", "cp1252.txt": "decoded as Windows-1252",
        "latin1.txt": "decoded as Windows-1252", "utf16.txt": "decoded as UTF-16",
        "utf16le_nobom.txt": "decoded as UTF-16-LE", "bom.txt": None, "crlf.txt": None,
        "nul.txt": "1 NUL character(s) replaced", "zipped.txt.gz": None, "damaged.txt.gz": "damaged gzip",
        "long_article.txt": "processed as", "long_line.txt": "processed as",
        "records.jsonl:2": "not valid JSON", "records.jsonl:3": "not an object", "records.jsonl:4": "no text field",
        "records.jsonl:5": "not understood", "rows.csv:4": "4 fields where the header has 3",
        "big.txt": "refuses articles that big", "bomb.txt.gz": "once decompressed", "link.txt": "broken symbolic link",
        "picture.jpg": None,
    }


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    expect = write_bad_corpus(d)
    missing = d.parent / "does-not-exist"
    env = dict(os.environ, KCLI_INDEX=str(d.parent / "index.sqlite"), KCLI_CHUNK_CHARS=str(CHUNK), NO_COLOR="1")
    env.pop("KCLI_MODEL", None)
    docs = kcli(["docs", str(d), str(missing), "--json"], env)
    mentions = kcli(["entities", str(d), "--mentions", "--json"], env)
    return {"dir": d, "expect": expect, "missing": missing, "env": env, "docs": docs, "mentions": mentions}


def test_exit_zero_when_something_was_read(run):
    assert run["docs"].returncode == 0, run["docs"].stderr
    assert "Traceback" not in run["docs"].stderr


def test_every_problem_named_once_on_its_own_line(run):
    err = run["docs"].stderr.splitlines()
    assert all(line.startswith("kcli: ") for line in err)
    d = run["dir"]
    for name, what in run["expect"].items():
        path = str(d / name)
        hits = [line for line in err if line.startswith(f"kcli: {path}:") or line.startswith(f"kcli: {path} ")]
        if what is None:
            assert not hits, (name, hits)
        else:
            assert any(what in h for h in hits), (name, what, err)
    assert f"kcli: {run['missing']}: no such file or folder" in err
    assert any(".jpg" in line and "ignored" in line for line in err)


def test_kept_articles_and_their_ids(run):
    rows = {r["doc_id"]: r for r in json.loads(run["docs"].stdout)}
    want = {"good", "cp1252", "latin1", "utf16", "utf16le_nobom", "bom", "crlf", "nul", "zipped",
            "j1", "k1", "k3", "j5"}
    assert want <= set(rows)
    assert not {"empty", "blank", "scan", "photo", "noise", "damaged", "big", "bomb", "link", "j2", "k2"} & set(rows)
    parts = sorted(i for i in rows if i.startswith("long_article#p"))
    assert len(parts) >= 2 and len([i for i in rows if i.startswith("long_line#p")]) >= 2
    # a record's date and title win over the text's header
    assert (rows["j1"]["date"], rows["j1"]["date_source"], rows["j1"]["title"]) == ("2020-12-21", "record",
                                                                                  "Record title")
    # decoded files read like the good one: same date, same dateline
    for i in ("utf16", "utf16le_nobom", "bom", "crlf", "nul", "zipped"):
        assert (rows[i]["date"], rows[i]["dateline"]) == (rows["good"]["date"], rows["good"]["dateline"]), i
    assert rows["crlf"]["words"] == rows["good"]["words"]


def test_offsets_slice_the_decoded_text(run, monkeypatch):
    """Every mention's start/end slices the text kcli decoded (what records and `kcli show` hold)."""
    monkeypatch.setenv("KCLI_CHUNK_CHARS", str(CHUNK))
    p = run["mentions"]
    assert p.returncode == 0, p.stderr
    texts = {a.doc_id: a.text for a in corpus.load([str(run["dir"])], warn=lambda m: None)}
    ms = json.loads(p.stdout)
    seen = {m["doc_id"] for m in ms}
    assert {"good", "cp1252", "utf16", "crlf", "nul", "bom"} <= seen
    for m in ms:
        assert texts[m["doc_id"]][m["start"]:m["end"]] == m["text"], m
    good = sorted((m["start"], m["text"]) for m in ms if m["doc_id"] == "good")
    # nul.txt is good.txt with a NUL inserted at 300, kept as a space: later mentions one further on
    assert good == sorted((m["start"] - (m["start"] > 300), m["text"]) for m in ms if m["doc_id"] == "nul")
    assert [t for _, t in good] == [m["text"] for m in sorted(ms, key=lambda m: m["start"]) if m["doc_id"] == "crlf"]


def test_crlf_is_kept_as_read(run):
    arts = {a.doc_id: a for a in corpus.load([str(run["dir"] / "crlf.txt")], warn=lambda m: None)}
    raw = (run["dir"] / "crlf.txt").read_bytes().decode("utf-8")
    assert arts["crlf"].text == raw and "\r\n" in raw


def test_nothing_readable_exits_1_naming_each_path(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("   \n")
    p = kcli(["docs", str(tmp_path / "empty"), str(tmp_path / "blank.txt"), str(tmp_path / "nope"), "--json"])
    assert p.returncode == 1
    assert "Traceback" not in p.stderr and p.stdout == ""
    lines = p.stderr.splitlines()
    assert lines == [f"kcli: {tmp_path / 'empty'}: no articles in this folder (*.txt, *.jsonl, *.csv, *.tsv, "
                     "optionally .gz)",
                     f"kcli: {tmp_path / 'blank.txt'}: only whitespace, skipped",
                     f"kcli: {tmp_path / 'nope'}: no such file or folder",
                     "kcli: no article could be read (3 problem(s) above)"] or (
        len(lines) == 4 and lines[-1].startswith("kcli: no article could be read"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files without read permission")
def test_unreadable_file_and_folder(tmp_path):
    (tmp_path / "secret.txt").write_text("Armenia.")
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("Baku.")
    (tmp_path / "locked").chmod(0)
    try:
        msgs: list[str] = []
        assert list(corpus.load([str(tmp_path)], warn=msgs.append)) == []
        assert any(m.startswith(f"{tmp_path / 'secret.txt'}: cannot read (Permission denied)") for m in msgs)
        assert any(m.startswith(f"{tmp_path / 'locked'}: cannot read folder") for m in msgs)
        p = kcli(["docs", str(tmp_path / "secret.txt")])
        assert p.returncode == 1 and "Permission denied" in p.stderr and "Traceback" not in p.stderr
    finally:
        (tmp_path / "locked").chmod(0o755)
        (tmp_path / "secret.txt").chmod(0o644)


def test_huge_single_line_is_cut_within_the_limit():
    """A 3 MB line with no space or newline: cut hard, every part within the model's reach."""
    text = "x" * 3_000_000
    spans = corpus.split_spans(text, 100_000)
    assert len(spans) == 30 and all(e - s <= 100_000 for s, e in spans)


# ------------------------------------------------------------------ parsers never raise, offsets slice back
ADVERSARIAL = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(["May", "5", "2020", "-", "/", "1,000", "tonnes", "km", "last", "week", "ago", "\n",
                              "\r\n", " ", "\x00", "\ufeff", "½", "٣", "third", "of", "between", "and", "%", "$",
                              "1e999", "9" * 40, ".", "early", "December", "2020-13-45", "Thursday"]),
             max_size=60).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(text=ADVERSARIAL, anchor=st.one_of(st.none(), st.dates(date(1000, 1, 1), date(2199, 12, 31))))
def test_date_extraction_never_raises(text, anchor):
    from karabakh_cli.extract.dates import extract_dates

    for t in extract_dates(text, anchor=anchor):
        assert 0 <= t["start"] < t["end"] <= len(text)
        assert text[t["start"]:t["end"]] == t["text"]


@settings(max_examples=300, deadline=None)
@given(text=ADVERSARIAL)
def test_number_parser_never_raises(text):
    from karabakh_cli.extract.quantities import parse_number

    v = parse_number(text)
    assert v is None or isinstance(v, (int, float))


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.text(max_size=80), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_record_date_parser_never_raises(value):
    d = corpus.parse_record_date(value)
    assert d is None or 1 <= d.year <= 9999


@pytest.fixture(scope="module")
def nlp():
    from karabakh_cli import nlp as nlp_mod

    return nlp_mod.load(nlp_mod.model_name())


@settings(max_examples=60, deadline=None)
@given(text=ADVERSARIAL)
def test_quantity_extraction_never_raises(nlp, text):
    from karabakh_cli.extract.quantities import extract_quantities

    for q in extract_quantities(nlp(text)):
        assert 0 <= q["start"] <= q["end"] <= len(text)
        assert text[q["start"]:q["end"]] == q["text"]


@settings(max_examples=200, deadline=None)
@given(text=ADVERSARIAL)
def test_parse_article_spans_slice_back(text):
    a = corpus.parse_article("x", "x", text)
    for s, e in a.meta_spans + [x for x in (a.title_span, a.dateline_span) if x]:
        assert 0 <= s <= e <= len(text)
    if a.dateline and a.dateline_span:
        assert a.dateline in text[a.dateline_span[0]:a.dateline_span[1]]
