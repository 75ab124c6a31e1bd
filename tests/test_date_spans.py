"""Ranges, sentence tense and narrative references (issue 11 items 7-8): the rules on sentences
written for these tests in several outlets' styles, and the timeline through the real CLI."""
from __future__ import annotations

from datetime import date

import pytest
from conftest import run_json

from karabakh_cli.extract.dates import extract_dates

JUNE = date(2026, 6, 10)  # a Wednesday


def rows(text: str, anchor: date | None = JUNE) -> list[tuple[str, str, str | None]]:
    got = extract_dates(text, anchor=anchor)
    for x in got:
        assert text[x["start"] : x["end"]] == x["text"]
        if x.get("range"):
            assert x["range_start"] <= x["start"] < x["end"] <= x["range_end"]
    return [(x["text"], x["value"], x.get("range")) for x in got]


def vals(text: str, anchor: date | None = JUNE) -> list[str]:
    return [v for _t, v, _r in rows(text, anchor)]


# ---- ranges ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The ceasefire held from September 1 to October 2, the mission said.",
         [("September 1", "2025-09-01", "2025-09-01/2025-10-02"),
          ("October 2", "2025-10-02", "2025-09-01/2025-10-02")]),
        ("Fighting raged between 1990 and 1993 across the highlands.",
         [("1990", "1990", "1990/1993"), ("1993", "1993", "1990/1993")]),
        ("The exhibition runs from 3 March through 9 April 2027.",
         [("3 March", "2027-03-03", "2027-03-03/2027-04-09"), ("9 April 2027", "2027-04-09", "2027-03-03/2027-04-09")]),
        ("Delegates met on May 4 and 5 in Geneva.",
         [("May 4", "2026-05-04", "2026-05-04/2026-05-05"), ("5", "2026-05-05", "2026-05-04/2026-05-05")]),
    ],
)
def test_worded_ranges_are_parts_of_one_range(text: str, want: list) -> None:
    assert rows(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Shelling went on during the night of 9-10 November, residents said.",
         ("9-10 November", "2025-11-09/2025-11-10")),
        ("Polls open on 14–15 March 2027 nationwide.", ("14–15 March 2027", "2027-03-14/2027-03-15")),
        ("Rallies are planned for 20-21 June in the capital.", ("20-21 June", "2026-06-20/2026-06-21")),
    ],
)
def test_day_range_before_the_month_is_one_expression(text: str, want: tuple[str, str]) -> None:
    assert [(t, v) for t, v, _ in rows(text)] == [want]


def test_a_range_start_takes_the_written_year_of_its_end() -> None:
    got = rows("The freeze ran from November 20 to January 5, 2026, the bank said.")
    assert [v for _t, v, _r in got] == ["2025-11-20", "2026-01-05"]
    assert got[0][2] == "2025-11-20/2026-01-05"


def test_two_dates_that_are_no_range_keep_their_own_years() -> None:
    got = rows("The talks were postponed March 3 to April 9, 2027.")
    assert got == [("March 3", "2026-03-03", None), ("April 9, 2027", "2027-04-09", None)]


@pytest.mark.parametrize(
    "text", ["It ran from February 29 to March 3, 2027.", "Held on 9-31 February.", "The week of February 30.",
             "From 30 to 31 April 2027 nothing happened."],
)
def test_impossible_days_in_ranges_give_no_impossible_value(text: str) -> None:
    for anchor in (JUNE, None):
        got = rows(text, anchor)
        assert got  # the month alone at least
        for _t, v, r in got:
            for part in [v, *(r or "").split("/")]:
                if len(part) == 10 and not part.startswith("X"):
                    date.fromisoformat(part)


def test_reversed_or_equal_days_are_not_a_range() -> None:
    assert all("/" not in v for _t, v, _r in rows("Scores of 10-9 May not count; 5-5 June ended level."))


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("In recent weeks, prices in Stepanakert have doubled.", "PXW", "2026-05-13/2026-06-10"),
        ("Border guards reported several incidents in recent days.", "PXD", "2026-06-03/2026-06-10"),
        ("The village has emptied in recent years.", "PAST_REF", "2023-06-11/2026-06-10"),
    ],
)
def test_recent_units_reach_back_from_the_article_date(text: str, value: str, span: str) -> None:
    [(_t, v, r)] = rows(text)
    assert (v, r) == (value, span)


def test_recent_units_without_an_article_date_have_no_range() -> None:
    assert [r for _t, _v, r in rows("In recent weeks, prices have doubled.", anchor=None)] == [None]


# ---- tense of a month, weekday or season alone ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The territory was vacated in November.", "2025-11"),
        ("The territory will be handed over in November.", "2026-11"),
        ("Troops withdrew from the district in November, the ministry said.", "2025-11"),
        ("The summit is planned for November.", "2026-11"),
        ("Elections are scheduled for March.", "2027-03"),
        ("Parliament ratified the treaty in March.", "2026-03"),
        ("Refugees returned last autumn.", "2025-FA"),
        ("Next spring the road will reopen.", "2027-SP"),
    ],
)
def test_month_and_season_take_the_sentence_tense(text: str, value: str) -> None:
    assert vals(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks will resume on Friday, the ministry said.", "2026-06-12"),
        ("''We will sign it on Friday,'' the envoy told reporters.", "2026-06-12"),
        ("The convoy is expected to reach Lachin on Monday, officials said.", "2026-06-15"),
        ("Shelling resumed on Monday, the defence ministry said.", "2026-06-08"),
        ("The bridge reopened Tuesday.", "2026-06-09"),
    ],
)
def test_a_reporting_verb_after_the_date_does_not_decide_its_tense(text: str, value: str) -> None:
    assert vals(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Negotiators resume talks on Monday in Vienna.", "2026-06-15"),
        ("Negotiators resumed talks on Monday in Vienna.", "2026-06-08"),
        ("Results are expected on Thursday.", "2026-06-11"),
        ("Results were expected on Thursday.", "2026-06-04"),
        ("Armenians go to the polls in November.", "2026-11"),
    ],
)
def test_present_tense_of_scheduled_events_reads_as_future(text: str, value: str) -> None:
    assert vals(text) == [value]


def test_a_line_break_ends_the_sentence_even_after_an_abbreviated_month() -> None:
    text = "The new rules become effective Dec. 7.\nIn trading on Friday, the shares closed lower."
    assert rows(text)[-1][:2] == ("Friday", "2026-06-05")


def test_an_abbreviation_after_the_date_does_not_end_its_sentence() -> None:
    text = "In January, soon after the Smith vs. Jones ruling, the clinic was closed."
    assert rows(text, anchor=date(2026, 10, 12)) == [("January", "2026-01", None)]


def test_a_full_month_name_before_a_period_ends_the_sentence() -> None:
    text = "The crew will fly a mission in December. The commander has flown twice before."
    assert rows(text, anchor=date(2026, 10, 12)) == [("December", "2026-12", None)]


# ---- narrative references ---------------------------------------------------------------------
def test_the_following_year_counts_from_the_year_the_text_named() -> None:
    text = "On May 22, 2019, she was made a colonel, and the following year she took command of the brigade."
    assert rows(text)[-1][:2] == ("the following year", "2020")


def test_the_previous_year_without_a_named_year_is_the_year_before_the_anchor() -> None:
    assert rows("Exports doubled compared with the previous year.")[-1][:2] == ("the previous year", "2025")


def test_the_current_fiscal_year_before_a_relative_clause() -> None:
    got = rows("The firm expects sales in the current fiscal year that beat forecasts.")
    assert got == [("the current fiscal year", "2026", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("Sales rose 5 percent in the first half of the year.", "2026-H1"),
     ("Output slumped in the second half of last year.", "2025-H2")],
)
def test_half_of_the_year(text: str, value: str) -> None:
    assert vals(text) == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The day before last Tuesday's hearing, the lawyers met.", "2026-06-08"),
        ("Crowds gathered the day after March 6, 2020.", "2020-03-07"),
        ("The committee sits the week of 20 July.", "2026-W30"),
    ],
)
def test_days_and_weeks_counted_from_a_named_day(text: str, value: str) -> None:
    assert vals(text) == [value]


# ---- the timeline shows ranges as spans ---------------------------------------------------------
ARTICLE = (
    " date 2026-06-10\n"
    "The ceasefire held from September 1 to October 2, the mission said. Fighting raged between "
    "1990 and 1993. Shelling continued during the night of 9-10 November. The 1990s were hard for the region. "
    "Refugees returned last autumn. In recent weeks, prices rose sharply.\n"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("spans")
    (d / "spans.txt").write_text(ARTICLE, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def timeline(folder):
    return run_json("timeline", str(folder))


def test_dates_lists_each_part_with_its_range(folder) -> None:
    got = {r["text"]: r.get("range") for r in run_json("dates", str(folder))}
    assert got["1990"] == got["1993"] == "1990/1993"
    assert got["recent weeks"] == "2026-05-13/2026-06-10"
    assert got["The 1990s"] is None


@pytest.mark.parametrize(
    ("text", "value", "first", "last"),
    [
        ("September 1 to October 2", "2025-09-01/2025-10-02", "2025-09-01", "2025-10-02"),
        ("1990 and 1993", "1990/1993", "1990-01-01", "1993-12-31"),
        ("9-10 November", "2025-11-09/2025-11-10", "2025-11-09", "2025-11-10"),
        ("The 1990s", "199", "1990-01-01", "1999-12-31"),
        ("last autumn", "2025-FA", "2025-09-01", "2025-11-30"),
        ("recent weeks", "2026-05-13/2026-06-10", "2026-05-13", "2026-06-10"),
    ],
)
def test_timeline_rows_span_the_range(timeline, text: str, value: str, first: str, last: str) -> None:
    row = [r for r in timeline if r["text"] == text]
    assert len(row) == 1, [r["text"] for r in timeline]
    assert (row[0]["date"], row[0]["start_date"], row[0]["end_date"]) == (value, first, last)


def test_a_range_is_one_event_not_one_per_part(timeline) -> None:
    assert not [r for r in timeline if r["text"] in ("September 1", "October 2", "1990", "1993")]
