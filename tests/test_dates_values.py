"""TIMEX3 values that depend on what the text said before: the report's fiscal quarter, the reference
time a narrative has reached, and the year a bare month or "last <month>" names.

The sentences are written for these tests in the styles of several outlets (wire earnings briefs,
newspaper narrative, broadcast transcripts).
"""

from __future__ import annotations

from datetime import date

import pytest

from karabakh_cli.extract.dates import extract_dates


def values(text: str, anchor: date | None) -> list[tuple[str, str]]:
    return [(x["text"], x["value"]) for x in extract_dates(text, anchor=anchor)]


def value_of(text: str, surface: str, anchor: date | None) -> str | None:
    got = [x["value"] for x in extract_dates(text, anchor=anchor) if x["text"] == surface]
    assert len(got) == 1, extract_dates(text, anchor=anchor)
    return got[0]


# ---- fiscal quarters ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "want"),
    [
        # an earnings brief: the latest period is the quarter the report is about, fiscal ordinal included
        ("Harbor Foods reported a 12% drop in fourth-quarter profit. Sales in the latest period were "
         "$1.2 billion.", "the latest period", "2021-Q4"),
        ("Nordvik Shipping posted third-quarter net of $40 million. Freight rates in the latest quarter "
         "rose 8%.", "the latest quarter", "2021-Q3"),
        # results already reported: "this quarter's loss" is the report's quarter, not the calendar's
        ("Kestrel Mining lost $9 million in the third quarter. This quarter's loss includes a $4 million "
         "write-down.", "This quarter", "2021-Q3"),
    ],
)
def test_reported_quarter_is_the_reports_subject(text: str, surface: str, want: str) -> None:
    assert value_of(text, surface, date(2021, 11, 2)) == want


def test_this_quarter_ahead_stays_the_calendar_quarter() -> None:
    text = "Kestrel Mining lost $9 million in the third quarter. This quarter's sales will recover, it said."
    assert value_of(text, "This quarter", date(2021, 11, 2)) == "2021-Q4"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In the quarter ended July 31, the retailer sold 5.6 million units.", "2021-Q2"),  # May-July
        ("For the quarter ended Sept. 30, the carrier earned $133 million.", "2021-Q3"),
        ("In the quarter ended Oct. 2, the chip maker shipped 40,000 systems.", "2021-Q3"),  # July-Sept
    ],
)
def test_quarter_ended_a_date_is_the_calendar_quarter_it_mostly_covers(text: str, want: str) -> None:
    assert values(text, date(2021, 11, 2))[0][1] == want


def test_year_earlier_follows_the_quarter_of_the_sentence_before() -> None:
    text = ("Baltic Air said fiscal first-quarter traffic rose 14%.\n\n"
            "Separately, Sunline Airways reported third-quarter profit jumped 45% to $5.8 million. "
            "The latest results include a one-time payment. Year-earlier results included a $1.6 million gain.")
    assert value_of(text, "Year-earlier", date(2021, 10, 26)) == "2020-Q3"


def test_year_earlier_does_not_reach_into_the_paragraph_before() -> None:
    text = ("Baltic Air said fiscal first-quarter traffic rose 14%. Sunline Airways reported "
            "third-quarter profit jumped 45%.\n\nYear-earlier results included a $1.6 million gain.")
    assert value_of(text, "Year-earlier", date(2021, 10, 26)) == "2020-Q1"
