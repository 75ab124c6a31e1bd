"""`kcli quotes` on shapes regional and wire outlets use: trailing participles, follow-up statements,
dash attributions, quoted outlet names, partial quotes, hearers that are no clause."""
from __future__ import annotations

import pytest
from conftest import run_json

SHAPES = {
    # post-Soviet agency style: "…", - the ministry informs / claimed the MOD
    "agency.txt": (
        "Border units of Georgia repelled an attack near the village overnight.\n\n"
        "\u201cTwo armoured vehicles of the adversary were destroyed and the attackers withdrew to their "
        "positions\u201d, - a press release from the Defense Ministry of Georgia informs.\n\n"
        "\u201cThe losses of the other side exceed forty servicemen\u201d, - claimed the Georgian MOD in a written "
        "statement in the evening of May 4.\n\n"
        "In the evening of May 4, according to Reuters news agency citing local officials, the village had been "
        "cleared of mines.\n\n"
        "The government referred to the ceasefire memorandum, according to which all detainees should be freed "
        "within a month.\n"),
    # Western wire style: trailing participles and follow-ups
    "wire.txt": (
        "Moldova and Ukraine held talks in Chisinau on Tuesday.\n\n"
        "Kyiv said there were no foreign troops in the region, calling the claim \u201cabsurd and dangerous\u201d.\n\n"
        "This morning Chisinau claimed that border guards had fired first, after which the convoy turned back "
        "to the crossing.\n\n"
        "\u201cThe corridor must stay open,\u201d said Dmitro Kuleba, who said that both sides had also agreed to "
        "exchange lists of detainees.\n\n"
        "\u201cOnly forty trucks crossed today,\u201d the customs service said, adding that the queue stretched "
        "for several kilometres.\n\n"
        "Bucharest announced it was sending a field hospital to the border. Rights groups warn that the closures "
        "are leaving thousands of families without income.\n\n"
        "The convoy was inspected twice, Interior Minister Ana Revenco told a session of the parliamentary "
        "security committee held on Monday.\n\n"
        "Speaking to reporters earlier this week, Maia Sandu warned of a \u201chumanitarian crisis\u201d in the "
        "south, and said the government would not close the crossing.\n"),
    # regional news site style: a quoted outlet name, an official's long title, a partial quote
    "regional.txt": (
        "Officials from both sides met at the border crossing on Friday.\n\n"
        "The \u201cCaspian Monitor\u201d has reported that on March 3, it became known that the sides had agreed "
        "to swap detainees.\n\n"
        "Calling the blockade \u201ca humanitarian trap,\u201d Lena Hakobyan said on Monday that forty families "
        "had left the district.\n\n"
        "The minister called the talks \u201ca useful start,\u201d but he said no date had been set for the next "
        "round.\n\n"
        "Inspectors found the wells \u201cin a dreadful state.\u201d The newspaper report that more wells were "
        "closed was denied.\n\n"
        "Medical supplies to the district have been cut for a week, Lena Hakobyan, the ombudsperson of the "
        "Syunik region, said on Tuesday.\n\n"
        "One of the detainees was taken to hospital \u201cin a critical condition,\u201d Lena Hakobyan, the "
        "ombudsperson of the Syunik region, wrote on Facebook.\n\n"
        "\u201cThe clearing of the road will take at least two more weeks. Sappers have found eleven mines "
        "so far,\u201d the head of the regional service for rescue operations under the emergencies ministry, "
        "Davit Sargsyan, said.\n"),
    # an aggregator's layout: the attribution in a paragraph of its own; a family member's post
    "aggregator.txt": (
        "12 Mar. 14:00 (UTC+2)\n\n"
        "The Greek Foreign Ministry said that Athens would send a delegation to the talks.\n\n"
        "\u201cToday, March 12, our delegation arrived in Nicosia. Greece supports every effort that brings the two "
        "communities closer together,\u201d\n\n"
        "\u2013 the Ministry of Foreign Affairs informs.\n\n"
        "The mayor's daughter, Irina Volkova, confirmed the detention. Her father was taken from his office by "
        "masked officers early in the morning, she wrote on her brother's Telegram channel on Tuesday.\n\n"
        "Local outlets first reported on the arrest on Monday, saying that the investigation had been running for "
        "several months.\n"),
    # a feed's reprint, hard-wrapped at a fixed width
    "wrapped.txt": (
        "(Feed) CHISINAU, Moldova, May 12. Talks on the transit corridor\n"
        "will resume next week in Vienna, as the two sides have agreed,\n"
        "Romanian energy analyst Mihai Popescu told the agency.\n"
        "He stressed that the two governments had already agreed on the\n"
        "route of the pipeline, adding that the first deliveries could start\n"
        "before the winter.\n"
        "\"The corridor is a matter of a few months now. Both capitals have\n"
        "signed the technical protocol, and the financing is secured. The\n"
        "remaining questions are purely administrative,\" he said.\n"
        "\"Gas will flow by the new year,\"\n"
        "Popescu added.\n"
        "The pipeline will run for 120 kilometres along the border and will\n"
        "carry up to two billion cubic metres of gas a year to the north.\n"),
}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shapes")
    for name, text in SHAPES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return run_json("quotes", str(folder))


def one(rows: list[dict], start: str) -> dict:
    hits = [r for r in rows if r["quote"].startswith(start)]
    assert len(hits) == 1, [r["quote"] for r in rows]
    return hits[0]


def test_a_reported_clause_ends_at_a_trailing_participle_or_after_which(rows):
    assert one(rows, "there were no foreign troops")["quote"].endswith("in the region")
    assert one(rows, "there were no foreign troops")["speaker"] == "Kyiv"
    assert one(rows, "border guards had fired first")["quote"].endswith("fired first")


def test_adding_that_and_who_said_that_go_on_in_the_same_voice(rows):
    assert one(rows, "The corridor must stay open")["speaker"] == "Dmitro Kuleba"
    lists = one(rows, "both sides had also agreed")
    assert lists["speaker"] == "Dmitro Kuleba" and not lists["direct"]
    queue = one(rows, "the queue stretched")
    assert queue["speaker_text"] == "the customs service" and queue["cue"] == "adding"


def test_dash_attributions_and_a_statement_from_an_organisation(rows):
    release = one(rows, "Two armoured vehicles")
    assert release["direct"] and release["speaker"] and "Defense Ministry" in release["speaker"]
    mod = one(rows, "The losses of the other side")
    assert mod["speaker_text"] == "the Georgian MOD" and mod["cue"] == "claimed"


def test_according_to_which_names_no_source_and_a_time_phrase_is_no_statement(rows):
    assert not [r for r in rows if r["speaker_text"].startswith("which")]
    assert not [r for r in rows if r["quote"].startswith("In the evening of May 4")]
    assert one(rows, "the village had been cleared")["cue"] == "according to"


def test_present_tense_cues_and_a_pronoun_clause_after_announced(rows):
    assert one(rows, "it was sending a field hospital")["speaker"] == "Bucharest"
    assert one(rows, "the closures are leaving")["speaker_text"] == "Rights groups"


def test_a_hearer_or_topic_is_no_clause(rows):
    assert not [r for r in rows if r["quote"].startswith(("a session of", "south"))]
    assert one(rows, "The convoy was inspected twice")["speaker"] == "Ana Revenco"
    said = one(rows, "the government would not close")  # "warned of … and said …": the same subject
    assert said["speaker"] == "Maia Sandu"


def test_quoted_outlet_apposition_and_partial_quotes(rows):
    assert one(rows, "on March 3, it became known")["speaker_text"] == "Caspian Monitor"
    cut = one(rows, "Medical supplies to the district")
    assert cut["speaker"] == "Lena Hakobyan" and cut["quote"].endswith("for a week")
    partial = one(rows, "in a critical condition")
    assert partial["direct"] and partial["speaker"] == "Lena Hakobyan"
    long_title = one(rows, "The clearing of the road")
    assert long_title["speaker"] == "Davit Sargsyan" and long_title["quote"].endswith("so far")


def test_a_hard_wrapped_text_reads_its_lines_as_paragraphs(rows):
    route = one(rows, "the two governments had already agreed on the\nroute")
    assert route["quote"].endswith("of the pipeline") and route["speaker"] == "Mihai Popescu"
    assert one(rows, "the first deliveries could start")["quote"].endswith("before the winter")
    direct = one(rows, "The corridor is a matter")
    assert direct["direct"] and direct["quote"].endswith("purely administrative")
    assert direct["speaker"] == "Mihai Popescu"
    assert one(rows, "Gas will flow")["speaker"] == "Mihai Popescu"  # the attribution on the next line


def test_an_attribution_paragraph_a_post_on_a_channel_and_saying_that(rows):
    nicosia = one(rows, "Today, March 12, our delegation")
    assert nicosia["direct"] and nicosia["cue"] == "informs" and nicosia["quote"].endswith("closer together")
    post = one(rows, "Her father was taken")
    assert post["speaker"] == "Irina Volkova" and post["quote"].endswith("early in the morning")
    saying = one(rows, "the investigation had been running")
    assert saying["speaker_text"] == "Local outlets" and saying["cue"] == "saying"


def test_a_partial_quote_needs_an_attribution_that_ends_the_sentence(rows):
    families = one(rows, "forty families had left")  # '"a trap," X said on Monday that …': the clause is hers
    assert families["speaker"] == "Lena Hakobyan" and not families["direct"]
    assert not [r for r in rows if r["quote"] in ("a humanitarian trap", "a useful start")]
    assert not [r for r in rows if r["cue"] == "report"]  # "the newspaper report that …" is a noun
