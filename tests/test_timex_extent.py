"""What is a time expression at all, and where it starts (TimeML extents).

Sentences are written for these tests in several outlets' styles; values follow TIMEX3.
"""

from __future__ import annotations

from datetime import date

import pytest

from karabakh_cli.extract.dates import extract_dates

FRI = date(2019, 11, 8)  # a Friday


def found(text: str, anchor: date | None = FRI) -> list[tuple[str, str, str | None]]:
    return [(x["text"], x["value"], x["mod"]) for x in extract_dates(text, anchor=anchor)]


# ---- 'soon' ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The regulator will soon publish its ruling on the merger.",
        "Officials said the ferry may soon resume sailings to the island.",
        "The carmaker expects exports to soon reach a third of its output.",
    ],
)
def test_soon_in_a_future_sentence_is_a_future_reference(text: str) -> None:
    assert found(text) == [("soon", "FUTURE_REF", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The protest soon turned into a riot.",  # told of the past: it orders two past events
        "The minister was soon replaced by his deputy.",
        "Aid will flow as soon as the border reopens.",
        "The ceasefire collapsed soon after the talks ended.",
    ],
)
def test_soon_without_a_future_of_its_own_is_no_time(text: str) -> None:
    assert found(text) == []


# ---- rates are not recurrences -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Analysts see revenue growing 12% annually through the decade.",
        "The new smelter would turn out about 40,000 tonnes annually.",
        "The cut saves the group 3.5 million euros yearly.",
    ],
)
def test_a_set_adverb_after_an_amount_is_a_rate(text: str) -> None:
    assert [v for v in found(text) if v[1].startswith("P")] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The fair is staged annually in the old harbour.", "P1Y"),
        ("In 2015 the committee was re-elected annually.", "P1Y"),  # a year is no amount
        ("Volunteers hand out bread almost daily.", "P1D"),
    ],
)
def test_a_set_adverb_of_an_event_stays_a_set(text: str, value: str) -> None:
    assert (x := [v for v in found(text) if v[1].startswith("P")]) and x[0][1] == value


# ---- adjectival 'recent' -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Investors shrugged off the recent slide in copper prices.",
        "A recent survey by the chamber found little optimism.",
    ],
)
def test_adjectival_recent_is_no_time(text: str) -> None:
    assert found(text) == []


def test_recent_with_a_unit_is_still_a_time() -> None:
    assert found("Shelling has intensified in recent weeks.")[0][:2] == ("recent weeks", "PXW")


# ---- extents: quantifiers TimeBank leaves outside, and the ones 'ago' takes ------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The hostages were held for about six hours.", ("six hours", "PT6H", "APPROX")),
        ("The envoy stayed only three days in the capital.", ("three days", "P3D", None)),
        ("The vote took just over an hour.", ("over an hour", "PT1H", "MORE_THAN")),
        ("Firing stopped at about 4:20 a.m. Friday.", ("4:20 a.m. Friday", "2019-11-08T04:20", "APPROX")),
        ("The plant closed nearly three years ago.", ("nearly three years ago", "2016", "LESS_THAN")),
        ("The treaty was signed more than two decades ago.", ("more than two decades ago", "1999", "MORE_THAN")),
    ],
)
def test_quantifier_extents(text: str, want: tuple[str, str, str | None]) -> None:
    assert found(text) == [want]


# ---- discourse 'Now,' --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The first truce collapsed at once. Now, diplomats say, a second one may hold.",
        '"Now, let me be clear about the border," the envoy told reporters.',
    ],
)
def test_sentence_opening_now_with_a_comma_is_a_discourse_marker(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [("Now the ferries run to the island again.", "Now"), ("The border is now, at last, open to trucks.", "now")],
)
def test_temporal_now_stays_present(text: str, surface: str) -> None:
    assert found(text) == [(surface, "PRESENT_REF", None)]
