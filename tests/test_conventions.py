"""The shell conventions (issue 15) held by every command after the merges, the new ones (quotes, network,
trends, search) included: closed pipes, narrow tables, unknown actors, plain numbers, empty answers, stdin,
and README's tables of JSON keys; all through the real CLI in a process."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, run_proc

ARTICLES = {
    # a long id, a wire dateline, a quote, two people and a place in one sentence
    "ap_wire_yerevan_opposition_talks_after_the_march_2021.txt":
        "date 2021-03-02\nYEREVAN, March 2 (AP) \u2014 Armenian Prime Minister Nikol Pashinyan met opposition "
        "leader Ishkhan Saghatelyan in Yerevan on Tuesday. \"Early elections are possible in June,\" Pashinyan "
        "told reporters. Saghatelyan said the talks would go on.\n",
    # agency style, another month, very small and very large amounts
    "tass_moscow_grain_2021.txt":
        "date 2021-06-10\nMOSCOW, June 10. /TASS/. Russian Deputy Prime Minister Alexei Overchuk said on Thursday "
        "that the railway through Armenia would carry grain. Overchuk met Nikol Pashinyan in Moscow. Inflation "
        "rose by 0.00003 percent in May, and 0.0000012 tonnes of dust were found.\n",
}
SPEAKER = "Nikol Pashinyan"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("conventions")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    assert run_proc("index", str(d)).returncode == 0
    return d


def kcli(*args: str, columns: int | None = None) -> subprocess.CompletedProcess:
    return run_proc(*args, env={"COLUMNS": str(columns)} if columns else {})


def rows_of(*args: str):
    p = kcli(*args, "--json")
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


# every command's plain invocation, with what it needs (a pattern, an id)
COMMANDS = {
    "docs": ["docs"], "entities": ["entities"], "timeline": ["timeline"], "dates": ["dates"],
    "quantities": ["quantities"], "quotes": ["quotes"], "network": ["network"], "trends": ["trends"],
    "search": ["search", "Pashinyan"], "stats": ["stats"], "show": ["show", "tass"],
}


def test_every_command_is_checked():
    from test_shell import command_names

    assert set(command_names()) - {"index"} == set(COMMANDS)


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_closed_pipe_is_no_error(corpus, name, fmt):
    """`kcli X | head -1`: exit 0 and nothing on stderr, whichever writer (rich or plain) met the closed pipe."""
    p = subprocess.Popen([sys.executable, "-m", "karabakh_cli", *COMMANDS[name], str(corpus), "--format", fmt],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout.readline()
    p.stdout.close()
    assert p.wait(timeout=120) == 0
    assert p.stderr.read() == b""
    p.stderr.close()


@pytest.mark.parametrize("args", [["quotes", "--speaker"], ["quotes", "--actor"], ["network", "--actor"],
                                  ["trends", "--actor"], ["search", "--actor"], ["timeline", "--actor"],
                                  ["quantities", "--actor"], ["entities", "--actor"]])
def test_unknown_actor_names_close_matches(corpus, args):
    p = kcli(*args, "Pashinian", str(corpus))
    assert p.returncode == 1 and p.stdout == ""
    assert "no actor 'Pashinian'" in p.stderr and SPEAKER in p.stderr


@pytest.mark.parametrize("args", [["quotes", "--speaker"], ["network", "--actor"], ["trends", "--actor"],
                                  ["search", "--actor"], ["timeline", "--actor"], ["entities", "--actor"]])
def test_a_surname_selects_the_same_actor_everywhere(corpus, args):
    rows = rows_of(*args, "pashinyan", str(corpus))
    assert rows
    shown = json.dumps(rows)
    assert SPEAKER in shown or "Pashinyan" in shown


CASTRO = {  # two Castros named in full, and a bare "Castro" in a third article that may be either
    "havana.txt": "date 2000-01-10\nHAVANA (AP) - Cuban President Fidel Castro spoke for four hours in Havana on "
                  "Monday. Castro said the embargo had failed.\n",
    "santiago.txt": "date 2000-02-11\nSANTIAGO, Cuba (AP) - Defense Minister Raul Castro visited troops in Santiago "
                    "on Friday. Castro told officers to stay ready.\n",
    "miami.txt": "date 2000-03-12\nMIAMI (AP) - Exiles marched in Miami on Sunday. Castro was criticised by the "
                 "marchers, who carried flags.\n",
}


def test_a_shared_surname_selects_every_actor_called_so(tmp_path):
    """`--actor Castro` is everyone the articles call Castro, not only the unresolved actor of that name."""
    for name, text in CASTRO.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = rows_of("entities", str(tmp_path))
    called = {r["name"] for r in rows if r["name"] == "Castro" or "Castro" in r["aliases"]}
    assert {"Fidel Castro", "Raul Castro"} <= called
    assert {r["name"] for r in rows_of("entities", str(tmp_path), "--actor", "castro")} == called
    mentioned = {r["doc_id"] for r in rows_of("search", str(tmp_path), "--actor", "Castro")}
    assert {"havana", "santiago"} <= mentioned


@pytest.mark.parametrize("command", ["quotes", "network", "trends", "search"])
@pytest.mark.parametrize("extra", [["--from", "2021-06", "--to", "2021-03"], ["--json", "--format", "csv"],
                                   ["--format", "tsv", "--json"]])
def test_new_commands_keep_the_usage_errors(corpus, command, extra):
    p = kcli(*COMMANDS[command], str(corpus), *extra)
    assert p.returncode == 2 and p.stdout == ""
    assert "Traceback" not in p.stderr and ("is after --to" in p.stderr or "--json" in p.stderr)


@pytest.mark.parametrize("args", [["quotes", "--from", "1999", "--to", "1999"], ["network", "--min-weight", "99"],
                                  ["trends", "--from", "1999", "--to", "1999"], ["search", "zebra"]])
def test_empty_answers_in_every_format(corpus, args):
    p = kcli(*args, str(corpus), "--format", "json")
    assert p.returncode == 0 and json.loads(p.stdout) == []
    header = kcli(*args, str(corpus), "--format", "csv")
    assert header.returncode == 0 and len(header.stdout.splitlines()) == 1
    table = kcli(*args, str(corpus), "--format", "table", columns=80)
    assert table.returncode == 0 and re.search(r"\(no (rows|dated mentions)\)|\(0 matches\)", table.stdout)
    assert max(len(line) for line in table.stdout.splitlines()) <= 80


@pytest.mark.parametrize("columns", [80, 160])
def test_new_tables_never_break_ids_or_periods(corpus, columns):
    for name in ("quotes", "search"):
        out = kcli(*COMMANDS[name], str(corpus), "--format", "table", columns=columns).stdout
        assert max(len(line) for line in out.splitlines()) <= columns
        for r in rows_of(*COMMANDS[name], str(corpus)):
            assert r["doc_id"] in out, (name, r["doc_id"])
    for by in ("day", "month"):
        out = kcli("trends", str(corpus), "--by", by, "--format", "table", columns=columns).stdout
        assert max(len(line) for line in out.splitlines()) <= columns
        periods = {r["period"] for r in rows_of("trends", str(corpus), "--by", by)}
        assert periods
        for period in periods:
            assert re.search(rf"^{period}\s", out, re.M), (by, period)
        for r in [r for r in rows_of("trends", str(corpus), "--by", by) if r["mentions"]]:
            assert re.search(rf"^{r['period']}\s.*\b{r['mentions']}\b", out, re.M), r  # counts not cropped
    out = kcli("network", str(corpus), "--format", "table", columns=columns).stdout
    assert max(len(line) for line in out.splitlines()) <= columns


def test_no_scientific_notation_in_any_output(corpus):
    """0.00003 percent and 0.0000012 tonnes: Python would print 3e-05 and 1.2e-06."""
    values = {q["value"] for q in rows_of("quantities", str(corpus))}
    assert {0.00003, 0.0000012} <= values
    sci = re.compile(r"\d[eE][+-]?\d")
    for args in (["quantities"], ["quantities", "--group-by", "unit"], ["stats"], ["show", "tass"]):
        for fmt in ("json", "jsonl", "csv", "tsv", "table"):
            if args[0] == "show" and fmt in ("csv", "tsv"):
                continue
            p = kcli(*args, str(corpus), "--format", fmt, columns=200)
            assert p.returncode == 0, (args, fmt, p.stderr)
            assert not sci.search(p.stdout), (args, fmt)
            if fmt != "table":
                assert "0.0000012" in p.stdout, (args, fmt)


def test_new_commands_read_standard_input():
    text = ("MOSCOW, March 3 (TASS) - Russian Foreign Minister Sergei Lavrov said on Tuesday that \"the talks will "
            "go on.\" Lavrov met Armenian Prime Minister Nikol Pashinyan in Moscow.")
    for args in (["quotes"], ["network"], ["search", "talks"], ["trends"]):
        p = subprocess.run([sys.executable, "-m", "karabakh_cli", "--date", "2021-03-04", *args, "-", "--json"],
                           input=text, capture_output=True, text=True, timeout=300)
        assert p.returncode == 0, p.stderr
        rows = json.loads(p.stdout)
        assert rows and {r.get("doc_id", "stdin") for r in rows} <= {"stdin"} | {None}, args


def _readme_keys() -> dict[str, list[str]]:
    """README's "command | JSON keys" table: invocation -> the keys it documents, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("| command | JSON keys |"):]
    out = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        cmd, keys = [c.strip() for c in line.strip("|").split("|", 1)]
        keys = re.sub(r"\([^()]*\)", "", keys.split(": ")[0] if cmd.endswith("--chart") else keys)
        out[cmd.strip("`")] = re.findall(r"`([^`]+)`", keys)
    return out


README_KEYS = _readme_keys()


@pytest.mark.parametrize("invocation", sorted(README_KEYS))
def test_readme_json_keys_are_what_each_command_writes(corpus, invocation):
    if invocation == "stats":  # one object, documented as "see kcli stats --json"
        return
    args = [{"X": "object", "NAME": SPEAKER}.get(a, a) for a in invocation.split() if a != "--json"]
    args[1:1] = {"search": ["Pashinyan"], "show": ["tass"]}.get(args[0], [])
    got = rows_of(*args, str(corpus))
    keys = list(got) if isinstance(got, dict) else list(got[0])
    assert keys == [k.replace("X", "object") for k in README_KEYS[invocation]], invocation
    csv_header = kcli(*args, str(corpus), "--format", "csv").stdout if args[0] != "show" else None
    if csv_header:
        assert next(csv.reader(io.StringIO(csv_header))) == keys


def test_readme_documents_every_command():
    from test_shell import command_names

    documented = {k.split()[0] for k in README_KEYS}
    assert set(command_names()) - {"index"} <= documented


def test_quantities_take_the_shared_date_range(corpus):
    """--from/--to on quantities, as on timeline and quotes: a row's date meets the range; undated rows are out."""
    rows = rows_of("quantities", str(corpus))
    may = [r for r in rows if r["date"] == "2021-05"]  # "rose ... in May"
    assert may
    assert rows_of("quantities", str(corpus), "--from", "2021-05-20", "--to", "2021-06") == may  # the month meets it
    assert rows_of("quantities", str(corpus), "--to", "2021-04") == []
    assert kcli("quantities", str(corpus), "--from", "2021-07", "--to", "2021-06").returncode == 2


@pytest.mark.parametrize("command", ["entities", "network"])
def test_label_is_one_option_listing_its_values(corpus, command):
    helptext = re.sub(r"[\s\u2502]+", " ", kcli(command, "--help", columns=200).stdout)
    assert "FAC, GPE, LOC, NORP, ORG, PERSON" in helptext
    bad = kcli(command, str(corpus), "--label", "animal")
    assert bad.returncode == 2 and "PERSON" in bad.stderr and bad.stdout == ""
    rows = rows_of(command, str(corpus), "--label", "person")
    assert rows and {v for r in rows for k, v in r.items() if k.endswith("label")} == {"PERSON"}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_warm_commands_load_no_model_table_or_chart_library(corpus, name):
    p = subprocess.run([sys.executable, "-X", "importtime", "-m", "karabakh_cli", *COMMANDS[name], str(corpus),
                        "--json"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and json.loads(p.stdout), p.stderr
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in p.stderr.splitlines()
                if line.startswith("import time")}
    assert "karabakh_cli" in imported
    assert not imported & {"spacy", "thinc", "pandas", "matplotlib", "networkx"}, name


def test_search_actor_is_repeatable_like_everywhere(corpus):
    one = rows_of("search", "--actor", "Overchuk", str(corpus))
    other = rows_of("search", "--actor", "Saghatelyan", str(corpus))
    both = rows_of("search", "--actor", "Overchuk", "--actor", "Saghatelyan", str(corpus))
    assert one and other
    key = lambda r: (r["doc_id"], r["start"])  # noqa: E731
    assert sorted(map(key, both)) == sorted(map(key, one + other))


def test_search_actor_with_a_pattern_says_why(corpus):
    p = kcli("search", "--actor", "Overchuk", "grain", str(corpus))
    assert p.returncode == 2 and "with --actor there is no PATTERN" in p.stderr and p.stdout == ""
