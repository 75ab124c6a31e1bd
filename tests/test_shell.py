"""What a new user meets in a shell (issue 15): help, checked values, terminal tables at a fixed
width, pipes, provenance, the chart, `show`, and saved HTML pages; through the real CLI."""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys

import pytest
from conftest import run_cli, run_proc

ARTICLES = {
    # wire style: header date, dateline, a long id, a bare surname after the full name
    "ap_wire_yerevan_opposition_talks_2021.txt":
        "date 2021-03-02\nYEREVAN, March 2 (AP) \u2014 Armenian Prime Minister Nikol Pashinyan met opposition "
        "leaders on Tuesday, a day after thousands marched through the capital. Pashinyan told reporters that "
        "early elections were possible in June. Pashinyan's office said a further meeting would follow on "
        "March 9. The government set aside $2.5 million for the vote, and turnout was 49 percent in 2018.\n",
    # agency style, a year-only and month-only date, and one very long sentence with a date in it
    "tass_moscow_grain_deliveries_spring.txt":
        "date 2021-06-10\nMOSCOW, June 10. /TASS/. Russian Deputy Prime Minister Alexei Overchuk said on Thursday "
        "that deliveries of grain to the region would continue through the summer, that the railway link "
        "restored in May would carry up to 300 tonnes a day once the bridges near the border are repaired, and "
        "that the working group chaired by Overchuk would meet again in Moscow on June 24 to review the plan. "
        "In 2019, the same route carried 12,000 tonnes. Overchuk said the costs were shared.\n",
    # local-paper style, no dateline: a day date and dates in March
    "local_gazette_school_reopening.txt":
        "Schools Reopen in Shusha District\n\nTeachers returned to 14 schools on March 15, 2021, the district "
        "education office said. Officials expect 2,300 pupils by the end of March 2021. The district had closed "
        "its schools in December 2020.\n",
}

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Convoy reaches Stepanakert after week-long delay | Caucasus Ledger</title>
<meta property="og:site_name" content="Caucasus Ledger">
<meta property="og:title" content="Convoy reaches Stepanakert after week-long delay">
<meta property="article:published_time" content="2021-04-12T08:30:00+04:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World news</a> | <a href="/sport">Sport pages</a></nav>
<article><h1>Convoy reaches Stepanakert after week-long delay</h1>
<p>A convoy of 40 trucks carrying 600 tonnes of flour reached Stepanakert on Sunday, the International
Committee of the Red Cross said.</p>
<p>Ararat Mirzoyan, Armenia's foreign minister, said the delay had cost lives. Mirzoyan spoke to reporters in
Yerevan on Monday.</p>
</article>
<footer>Copyright 2023 Caucasus Ledger. Subscribe to our newsletter for the morning briefing.</footer>
</body></html>
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("shell")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "ledger_convoy.html").write_text(PAGE, encoding="utf-8")
    assert run_proc("index", str(d)).returncode == 0  # later calls answer from the index
    return d


def kcli(*args: str, columns: int | None = None, **env: str) -> subprocess.CompletedProcess:
    """The real CLI in a process; `columns` fixes the width rich renders at."""
    extra = dict(env)
    if columns:
        extra["COLUMNS"] = str(columns)
    return run_proc(*args, env=extra)


def as_json(*args: str):
    p = kcli(*args, "--json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def command_names() -> list[str]:
    """Every registered command, so commands added later are held to the same rules."""
    import typer

    from karabakh_cli.cli import app

    return sorted(typer.main.get_command(app).commands)


# ------------------------------------------------------------------ 1. help
def test_bare_kcli_prints_help_and_exits_0():
    p = kcli()
    assert p.returncode == 0 and "Usage:" in p.stdout and "timeline" in p.stdout and p.stderr == ""
    assert kcli("-V").stdout == kcli("--version").stdout != ""


@pytest.mark.parametrize("name", command_names())
def test_help_shows_no_type_metavars_and_keeps_brackets(name):
    p = kcli(name, "--help", columns=200)
    assert p.returncode == 0
    assert "<bool>" not in p.stdout and "list[" not in p.stdout
    if "PATH" in p.stdout:
        assert ".html" in p.stdout and ".jsonl" in p.stdout and ".gz" in p.stdout


def test_help_lists_values_and_square_brackets():
    assert "karabakh-cli[dask]" in kcli("index", "--help", columns=200).stdout
    q = re.sub(r"[\s\u2502]+", " ", kcli("quantities", "--help", columns=200).stdout)
    assert "USD" in q and "km" in q and "money" in q and "displaced people" in q


def test_shell_completion_script():
    p = kcli("--show-completion", "bash")
    assert p.returncode == 0 and "complete" in p.stdout


# ------------------------------------------------------------------ 2. values checked the same way
@pytest.mark.parametrize("command", ["entities", "timeline", "quantities", "dates", "quotes", "network", "trends"])
def test_unknown_doc_names_close_ids(corpus, command):
    p = kcli(command, str(corpus), "--doc", "ap_wire_yerevan_oposition_talks_2021")
    assert p.returncode == 1 and p.stdout == ""
    assert "ap_wire_yerevan_opposition_talks_2021" in p.stderr and "did you mean" in p.stderr


def test_show_prefix(corpus):
    p = kcli("show", "l", str(corpus))  # two ids start with "l"
    assert p.returncode == 1
    assert "ledger_convoy" in p.stderr and "local_gazette_school_reopening" in p.stderr
    one = kcli("show", "loc", str(corpus))
    assert one.returncode == 0 and "Schools Reopen" in one.stdout


def test_unit_and_category_any_case(corpus):
    usd = as_json("quantities", str(corpus), "--unit", "USD")
    assert usd and {q["unit"] for q in usd} == {"USD"}
    assert as_json("quantities", str(corpus), "--unit", "usd") == usd
    assert as_json("quantities", str(corpus), "--unit", "dollars") == usd
    money = as_json("quantities", str(corpus), "--category", "money")
    assert money and as_json("quantities", str(corpus), "--category", "MONEY") == money


@pytest.mark.parametrize("args, listed", [
    (["quantities", "--unit", "furlongs"], "USD"),
    (["quantities", "--category", "moneys"], "displaced people"),
    (["quantities", "--group-by", "colour"], "'object', 'unit', 'category'"),
    (["docs", "--json", "--format", "csv"], "--json"),
    (["docs", "--format", "tsv", "--json"], "--json"),
    (["timeline", "--from", "2021-05", "--to", "2021-04"], "2021-05-01 is after --to 2021-04-30"),
    (["timeline", "--to", "2020", "--from", "2021"], "is after"),
    (["index", "--no-index"], "--no-index"),
    (["entities", "--top", "many"], "expected a whole number"),
    (["quantities", "--min", "lots"], "expected a number"),
    (["show", "x", "--format", "csv"], "table, json or jsonl"),
])
def test_usage_errors_in_plain_words(corpus, args, listed):
    p = kcli(*args, str(corpus))
    assert p.returncode == 2, p.stderr
    assert listed in p.stderr and p.stdout == ""
    assert "Value error" not in p.stderr and "Input should" not in p.stderr and "Traceback" not in p.stderr


def test_json_with_format_json_is_fine(corpus):
    p = kcli("docs", str(corpus), "--format", "json", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)


# ------------------------------------------------------------------ 3. stats on a terminal
def test_stats_table_is_sections(corpus):
    p = kcli("stats", str(corpus), "--format", "table", columns=100)
    assert p.returncode == 0
    for title in ("Corpus", "articles per month", "mentions per label", "top actors", "quantities"):
        assert title in p.stdout
    assert len(p.stdout.splitlines()) < 80
    assert re.search(r"^\s*documents\s+4\s*$", p.stdout, re.M)
    assert "top_actors[0]" not in p.stdout  # not the flattened key/value dump
    assert as_json("stats", str(corpus))["documents"] == 4


# ------------------------------------------------------------------ 4. progress
def test_progress_on_a_terminals_stderr(corpus, tmp_path):
    """With stderr a terminal and stdout a pipe, the model's work shows as a bar on stderr only."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100"}
    p = subprocess.Popen([sys.executable, "-m", "karabakh_cli", "quantities", str(corpus), "--no-index"],
                         stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out = p.stdout.read()
    p.wait(timeout=300)
    os.close(master)
    assert p.returncode == 0
    assert b"processing" in seen and b"processing" not in out
    assert json.loads(out)


def test_no_progress_through_a_pipe(corpus):
    p = kcli("quantities", str(corpus), "--no-index")
    assert p.returncode == 0 and "processing" not in p.stderr


# ------------------------------------------------------------------ 5. narrow terminals
@pytest.mark.parametrize("command", ["docs", "timeline", "entities", "quantities", "dates", "quotes"])
def test_narrow_table_never_breaks_ids_or_dates(corpus, command):
    rows = as_json(command, str(corpus))
    out = kcli(command, str(corpus), "--format", "table", columns=80).stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    shown = command != "entities"  # the actors table has no id column
    ids = {i for r in rows for i in ([r["doc_id"]] if "doc_id" in r else r.get("doc_ids", []))} if shown else set()
    for doc_id in ids:
        assert doc_id in out, doc_id
    for r in rows:
        for key in ("date", "value"):
            if isinstance(r.get(key), str) and re.fullmatch(r"\d{4}(-\d{2}){0,2}", r[key]):
                assert r[key] in out


def test_narrow_table_shortens_text_with_an_ellipsis(corpus):
    out = kcli("timeline", str(corpus), "--format", "table", columns=80).stdout
    assert "\u2026" in out


def test_show_through_a_pipe_is_not_wrapped(corpus):
    p = kcli("show", "tass_moscow", str(corpus), columns=80, NO_COLOR="1")
    long_line = next(line for line in p.stdout.splitlines() if "said on Thursday that deliveries" in line)
    assert len(long_line) > 200  # the article's paragraph, one line as written


# ------------------------------------------------------------------ 6. CSV / TSV
def test_csv_columns_unique_and_lists_joined_one_way(corpus):
    for group in ("unit", "object", "category"):
        header = kcli("quantities", str(corpus), "--group-by", group, "--format", "csv").stdout.splitlines()[0]
        names = header.split(",")
        assert len(names) == len(set(names)), header
    rows = as_json("timeline", str(corpus))
    table = list(csv.DictReader(io.StringIO(kcli("timeline", str(corpus), "--format", "csv").stdout)))
    assert len(table) == len(rows)
    for r, c in zip(rows, table):
        assert c["actors"] == "; ".join(r["actors"]) and c["doc_ids"] == "; ".join(r["doc_ids"])
    tsv = kcli("entities", str(corpus), "--format", "tsv").stdout.splitlines()
    assert len({len(line.split("\t")) for line in tsv}) == 1


# ------------------------------------------------------------------ 7. provenance, whole text in JSON
def test_timeline_rows_point_at_their_expressions(corpus):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    rows = as_json("timeline", str(corpus), "--no-group")
    assert rows
    for r in rows:
        if r["doc_id"] in texts:
            assert texts[r["doc_id"]][r["start"]:r["end"]] == r["text"]
        assert [m["doc_id"] for m in r["mentions"]][0] == r["doc_id"]
    long_event = next(r for r in rows if r["date"] == "2021-06-24")
    assert len(long_event["event"]) > 160 and not long_event["event"].endswith("\u2026")


@pytest.mark.parametrize("command", ["docs", "timeline", "entities", "quantities", "dates", "quotes", "network",
                                     "trends"])
def test_json_text_is_never_cut(corpus, command):
    for row in as_json(command, str(corpus)):
        for v in row.values():
            assert not (isinstance(v, str) and v.endswith("\u2026"))


# ------------------------------------------------------------------ 8. --chart
def test_chart_months(corpus):
    events = as_json("timeline", str(corpus))
    by_month = [e for e in events if re.match(r"\d{4}-\d{2}", e["date"])]
    year_only = [e for e in events if e not in by_month]  # a year, a season, a decade: no single month
    assert by_month and any(re.fullmatch(r"\d{4}", e["date"]) for e in year_only)  # "In 2019, ..." is in the corpus
    rows = as_json("timeline", str(corpus), "--chart")
    months = [r["month"] for r in rows]
    first, last = min(e["start_date"][:7] for e in by_month), max(e["start_date"][:7] for e in by_month)
    assert (months[0], months[-1]) == (first, last)
    for a, b in zip(months, months[1:]):  # every month once, in order, none skipped
        y, m = int(a[:4]), int(a[5:])
        assert b == (f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}")
    counts = {r["month"]: r["events"] for r in rows}
    assert sum(counts.values()) == len(by_month)  # year-only events are in no month, January included
    assert counts["2020-12"] >= 1 and counts["2021-01"] == counts["2021-02"] == 0 and counts["2021-03"] >= 2
    p = kcli("timeline", str(corpus), "--chart", "--format", "table", columns=80)
    assert "\u2588" in p.stdout and "#" not in p.stdout
    assert f"{len(year_only)} event(s) dated to no single month" in p.stdout
    assert kcli("timeline", str(corpus), "--chart").stderr.startswith(f"kcli: {len(year_only)} event(s)")


# ------------------------------------------------------------------ 9. show
def test_show_json(corpus):
    d = as_json("show", "ap_wire", str(corpus))
    assert d["doc_id"] == "ap_wire_yerevan_opposition_talks_2021"
    text = d["text"]
    for key in ("mentions", "dates", "quantities"):
        assert d[key], key
        for item in d[key]:
            assert text[item["start"]:item["end"]] == item["text"]
    assert "2021-03-09" in {t["value"] for t in d["dates"]}
    assert "USD" in {q["unit"] for q in d["quantities"]}


def test_show_highlights_every_surname(corpus):
    """Each bare surname of a person the article names in full is a mention, found by the model or not."""
    for doc in ("ap_wire", "tass_moscow"):
        d = as_json("show", doc, str(corpus))
        people = {m["text"].split()[-1] for m in d["mentions"] if m["label"] == "PERSON" and " " in m["text"]}
        assert people
        for surname in people:
            for hit in re.finditer(rf"\b{surname}\b", d["text"]):
                assert any(m["start"] <= hit.start() < m["end"] and m["label"] == "PERSON"
                           for m in d["mentions"]), (surname, hit.start())
        plain = kcli("show", doc, str(corpus), NO_COLOR="1").stdout
        for surname in people:
            assert plain.count(f"{surname} [PERSON]") + plain.count(f"{surname}'s [PERSON]") >= 1


# ------------------------------------------------------------------ 10. HTML pages
def test_html_page_read_like_a_record(corpus):
    docs = {d["doc_id"]: d for d in as_json("docs", str(corpus))}
    page = docs["ledger_convoy"]
    assert page["title"] == "Convoy reaches Stepanakert after week-long delay"
    assert (page["date"], page["date_source"]) == ("2021-04-12", "record")
    shown = as_json("show", "ledger_convoy", str(corpus))
    assert shown["source"] == "Caucasus Ledger"
    assert "Ararat Mirzoyan" in shown["text"]
    assert "Subscribe" not in shown["text"] and "Sport pages" not in shown["text"]  # footer and menu left out
    sunday = next(t for t in shown["dates"] if t["text"] == "Sunday")
    assert sunday["value"] == "2021-04-11"  # resolved against the page's own date


def test_html_page_without_article_text(tmp_path):
    (tmp_path / "empty.htm").write_text("<html><head><title>Gallery</title></head><body><script>show(1)</script>"
                                        "</body></html>", encoding="utf-8")
    p = kcli("docs", str(tmp_path))
    assert p.returncode == 1 and "empty.htm: no article text found" in p.stderr


def test_in_process_help_matches(corpus):
    code, out, _ = run_cli()
    assert code == 0 and "Usage:" in out
