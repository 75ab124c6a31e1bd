"""`kcli quotes` through the real CLI: quotes in several outlets' styles, speakers resolved, filters, formats."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, run_json, run_proc

QUOTES = ROOT / "tests" / "data" / "quotes"


@pytest.fixture(scope="module")
def rows():
    return run_json("quotes", str(QUOTES))


def by_quote(rows: list[dict], start: str) -> dict:
    hits = [r for r in rows if start in r["quote"]]
    assert len(hits) == 1, [r["quote"] for r in rows]
    return hits[0]


def test_offsets_slice_back_to_the_quote(rows):
    assert len(rows) >= 30
    for r in rows:
        text = (QUOTES / f"{r['doc_id']}.txt").read_text(encoding="utf-8")
        assert text[r["start"]:r["end"]] == r["quote"]
        assert r["speaker_text"] in text and r["cue"] in text


def test_direct_quote_styles_and_attribution_sides(rows):
    straight = by_quote(rows, "We will not give up a single meter")  # "…," Nikol Pashinyan told lawmakers.
    assert (straight["speaker"], straight["cue"], straight["direct"]) == ("Nikol Pashinyan", "told lawmakers", True)
    single = by_quote(rows, "Our mission is to guarantee")  # ‘…,’ said Dmitry Peskov, the Kremlin’s spokesman.
    assert single["speaker"] == "Dmitry Peskov" and single["direct"]
    colon = by_quote(rows, "We have shown our strength")  # X told the BBC's Orla Guerin: "…"
    assert colon["speaker"] == "Ilham Aliyev" and colon["cue"] == "told the BBC's Orla Guerin"


def test_a_quote_running_over_two_paragraphs_is_one_statement(rows):
    r = by_quote(rows, "We have nowhere else to go")
    assert "\n\n" in r["quote"] and r["quote"].endswith("I have no answer")
    assert r["speaker"] == "Anahit Sargsyan"


def test_reported_speech_with_and_without_that(rows):
    assert by_quote(rows, "the army only hit military targets")["speaker"] == "Hikmet Hajiyev"
    r = by_quote(rows, "at least three civilians had been wounded")
    assert r["speaker"].endswith("Manasyan") and (r["direct"], r["cue"]) == (False, "said")


def test_pronouns_and_descriptions_resolve_to_the_actor_named_before(rows):
    assert by_quote(rows, "This government has lost the trust")["speaker"] == "Ishkhan Saghatelyan"  # he
    assert by_quote(rows, "People are afraid to send")["speaker"].endswith("Manasyan")  # she
    minister = by_quote(rows, "Moscow expected Baku to respect")  # "The minister added" (Lavrov, not Peskov)
    assert minister["speaker_text"] == "The minister" and "Lavrov" in minister["speaker"]


def test_a_lede_description_takes_the_name_the_next_sentence_gives(rows):
    r = by_quote(rows, "his government would not sign any deal")
    assert r["speaker_text"] == "Armenia's prime minister" and r["speaker"] == "Nikol Pashinyan"


def test_unnamed_speakers_stay_unnamed(rows):
    r = by_quote(rows, "Residents of Stepanakert spent another night")
    assert r["speaker"] is None and r["speaker_text"] == "an AFP correspondent"
    acc = by_quote(rows, "around 100,000 people have left")
    assert acc["cue"] == "According to" and acc["speaker"] is None and acc["speaker_text"] == "Armenian officials"


def test_scare_quotes_and_objects_are_not_statements(rows):
    assert not [r for r in rows if r["quote"] in ("a fig leaf", "provocations", "mutual exchange")]
    assert not [r for r in rows if r["cue"] in ("accused", "denied")]


def test_seed_speakers_and_dates():
    seeds = run_json("quotes")
    zak = [r for r in seeds if r["speaker"] == "Maria Zakharova"]
    assert {r["speaker_text"] for r in zak} >= {"the Russian diplomat", "the spokeswoman", "the diplomat"}
    assert {r["date"] for r in zak} == {"2021-06-17"}  # "said on Thursday"
    march3 = [r for r in seeds if r["quote"].startswith("Russian specialists identified")]
    assert [r["date"] for r in march3] == ["2021-03-03"]  # "On March 3, the ministry reported that"


def test_speaker_filter_takes_any_alias_and_surname():
    assert {r["speaker"] for r in run_json("quotes", "--speaker", "zakharova")} == {"Maria Zakharova"}
    rows = run_json("quotes", "--speaker", "ministry of emergency situations")
    assert rows and {r["speaker"] for r in rows} == {"Russian Emergencies Ministry"}


def test_doc_date_actor_and_direct_filters():
    doc = "003_5f2ad65c34ba6f43"
    rows = run_json("quotes", "--doc", doc, "--direct")
    assert len(rows) == 3 and {r["doc_id"] for r in rows} == {doc}
    assert {r["doc_id"] for r in run_json("quotes", "--from", "2021-03", "--to", "2021-03-31")} == \
        {"000_1d07f429664aa1a8"}
    about = run_json("quotes", "--actor", "Vladimir Putin")
    assert about and all(r["speaker"] == "Vladimir Putin" or "Putin" in r["quote"] for r in about)


def test_formats_and_bad_dates():
    code, out, _ = run_cli("quotes", "--doc", "003_5f2ad65c34ba6f43", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("doc_id,speaker,speaker_text,cue,quote,direct")
    code, out, _ = run_cli("quotes", "--doc", "003_5f2ad65c34ba6f43", "--format", "jsonl")
    assert code == 0 and json.loads(out.splitlines()[0])["speaker"] == "Maria Zakharova"
    assert run_cli("quotes", "--from", "March")[0] == 2


def test_warm_quotes_do_not_import_spacy():
    assert run_proc("index").returncode == 0
    code = ("import sys; from karabakh_cli.cli.app import main; sys.argv=['kcli','quotes','--json'];\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('SPACY' if 'spacy' in sys.modules else 'NOSPACY', file=sys.stderr)")
    import subprocess

    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert "NOSPACY" in p.stderr and json.loads(p.stdout)
    assert Path(ROOT / "karabakh_cli" / "data" / "quotes.json").exists()


WIRE = {
    "interfax.txt": (
        "MOSCOW, May 4 (Interfax) - The situation on the border remains tense, Russian Deputy Foreign Minister "
        "Mikhail Galuzin told Interfax, the ministry's website reported.\n\n"
        "«We call on both sides to show restraint», Galuzin said.\n\n"
        "That, he said, is why the trilateral working group must meet again soon.\n"),
    "treebank.txt": (
        "The United States urged both sides to return to talks on Friday.\n\n"
        "``The door remains open,'' said Ned Price, a State Department spokesman.\n\n"
        "Price said, however, that Washington had no plans to send observers.\n"),
}


@pytest.fixture(scope="module")
def wire(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wire")
    for name, text in WIRE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return run_json("quotes", str(folder))


def test_relays_guillemets_treebank_quotes_and_asides(wire):
    relayed = by_quote(wire, "The situation on the border remains tense")
    assert relayed["speaker"] == "Mikhail Galuzin" and relayed["cue"] == "told Interfax"
    assert by_quote(wire, "We call on both sides to show restraint")["direct"]
    aside = by_quote(wire, "Washington had no plans to send observers")
    assert aside["speaker"] == "Ned Price" and not aside["quote"].startswith("however")
    assert by_quote(wire, "The door remains open")["speaker"] == "Ned Price"


def test_parenthetical_attribution_and_names_that_contain_a_cue(wire):
    that = [r for r in wire if "trilateral working group" in r["quote"]]
    assert len(that) == 1 and that[0]["speaker"] == "Mikhail Galuzin" and that[0]["speaker_text"] == "he"
    assert not [r for r in wire if r["cue"].lower() == "states"]  # "The United States urged …"
    assert len([r for r in wire if r["doc_id"] == "interfax"]) == 3
