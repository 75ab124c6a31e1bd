"""Tests for the temporal-expression engine (karabakh_cli.extract.dates).

Each rule family gets real news sentences with exact TIMEX3 values; hypothesis checks the
engine's contract (never raises, offsets slice back, honours skip, sorted, non-overlapping).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract import dates
from karabakh_cli.extract.dates import extract_dates, resolve_month_day, resolve_weekday, year_of_month_day

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SUN = date(2020, 12, 20)  # a Sunday
TUE = date(2021, 3, 23)  # a Tuesday


def one(text: str, anchor: date | None = SUN, **kw: object) -> dict:
    """The single expression the sentence should yield."""
    got = extract_dates(text, anchor=anchor, **kw)  # type: ignore[arg-type]
    assert len(got) == 1, got
    return got[0]


def values(text: str, anchor: date | None = SUN) -> list[tuple[str, str]]:
    return [(x["text"], x["value"]) for x in extract_dates(text, anchor=anchor)]


# ---- weekdays -------------------------------------------------------------------------------
def test_weekday_is_anchor_when_anchor_matches() -> None:
    x = one("the ministry's press service told TASS on Sunday.")
    assert (x["text"], x["value"], x["type"]) == ("Sunday", "2020-12-20", "DATE")


def test_weekday_past_by_default() -> None:
    assert one("the Emergencies Ministry said in a statement Tuesday.", date(2021, 3, 25))["value"] == "2021-03-23"


def test_weekday_future_with_will() -> None:
    assert one("The monarch will meet Bush on Thursday in Kennebunkport.", date(1990, 8, 15))["value"] == "1990-08-16"


def test_last_and_next_weekday() -> None:
    assert values("He arrived last Friday and leaves next Friday.", date(2020, 12, 16)) == [
        ("last Friday", "2020-12-11"),
        ("next Friday", "2020-12-18"),
    ]


def test_weekday_with_part_of_day() -> None:
    x = one("The talks resumed Tuesday morning.", date(2020, 12, 17))
    assert x["value"] == "2020-12-15TMO"


def test_previous_weekday_is_before_the_reference_day() -> None:
    # a Friday article: "the previous Friday" is a week back, never the article's own day
    x = one("The index closed 3% below the previous Friday.", date(2021, 3, 26))
    assert (x["text"], x["value"]) == ("the previous Friday", "2021-03-19")
    assert one("Turnover fell from the preceding Monday.", TUE)["value"] == "2021-03-22"


def test_past_perfect_governs_the_verb_it_heads() -> None:
    # "had been set to lapse ... Saturday" in a Wednesday story: the Saturday already passed
    x = one("The truce had been set to lapse on Saturday, officials said.", date(2021, 3, 24))
    assert x["value"] == "2021-03-20"


@pytest.mark.parametrize(
    "text",
    [
        'The minister told NTV\'s "This Week" that the border stays shut.',
        "Her interview with ''60 Minutes'' aired after the vote.",
        "You are listening to Radio Free Asia Tonight.",
        "The premiere of ``High Noon'' drew crowds.",
    ],
)
def test_capitalised_time_words_mid_sentence_are_titles(text: str) -> None:
    assert extract_dates(text, anchor=SUN) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Talks Resume Next Week In Vienna", "Next Week"),  # a headline capitalises everything
        ("Today the corridor reopened.", "Today"),
        ("STEPANAKERT (AP) -- Today the corridor reopened.", "Today"),
        ("YEREVAN _ Tonight the border stays shut.", "Tonight"),
        ("Refugees returned on Victory Day.", "Victory Day"),
    ],
)
def test_capitals_of_headlines_sentence_starts_and_names_still_date(text: str, surface: str) -> None:
    assert one(text)["text"] == surface


# ---- month-day and explicit dates --------------------------------------------------------------
def test_month_day_resolves_to_recent_past() -> None:
    x = one("On November 9, the leaders signed a joint statement.")
    assert (x["text"], x["value"]) == ("November 9", "2020-11-09")


def test_month_day_future_with_will() -> None:
    assert one("The leaders will meet on January 9.")["value"] == "2021-01-09"


def test_month_day_weak_past_yields_to_nearness() -> None:
    assert one("The offer was extended to Nov. 20.", date(1989, 11, 2))["value"] == "1989-11-20"


def test_verb_far_after_a_leading_month_still_sets_its_tense() -> None:
    # the main verb sits well past the fronted month and a long appositive: it still decides the year
    text = ("In January, two weeks after the tenth anniversary of the founding of the regional peacekeeping "
            "mission in the mountains, a roadside bomb near the border town of Kelbajar, Azerbaijan, killed a driver.")
    assert [x["value"] for x in extract_dates(text, anchor=date(2020, 10, 25))] == ["2020-01", "P2W"]


def test_through_a_month_is_a_forward_limit() -> None:
    assert one("Lenders extended the credit line through March.")["value"] == "2021-03"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On Friday, when the envoy cancelled his holiday plans for the trip, aides wept.", "2021-03-19"),
        ("Their plans, drafted on Friday, were shelved.", "2021-03-19"),
        ("The envoy plans a visit on Friday.", "2021-03-26"),
        ("The union plans to strike on Friday.", "2021-03-26"),
    ],
)
def test_plans_the_noun_does_not_look_ahead(text: str, value: str) -> None:
    assert one(text, date(2021, 3, 22))["value"] == value


def test_future_in_the_past_leans_forward() -> None:
    # a Friday story: "were planning to" looks ahead from the story's day, unlike the bare "were"
    got = values("Veterans were planning to march on Sunday, organisers said.", date(2021, 3, 26))
    assert got == [("Sunday", "2021-03-28")]
    assert values("Veterans were marching on Sunday, organisers said.", date(2021, 3, 26)) == [("Sunday", "2021-03-21")]


def test_another_dates_last_is_not_this_dates_tense() -> None:
    # "last Thursday" dates the old deadline; the new one ("to Dec. 4") looks ahead with "would extend"
    got = values("The ministry would extend the curfew, due to end last Thursday, to Dec. 4.", date(2020, 11, 30))
    assert got == [("last Thursday", "2020-11-26"), ("Dec. 4", "2020-12-04")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("For the week, the lira lost 4%.", [("the week", "2020-WXX")]),
        ("Monday was the week's busiest session.", [("Monday", "2020-12-14"), ("the week", "2020-WXX")]),
        ("Sales vary with the day of the week.", []),
        ("Talks stalled in the week before the vote.", []),
    ],
)
def test_the_week_of_a_market_report_is_an_unnamed_week(text: str, found: list[tuple[str, str]]) -> None:
    assert values(text) == found


def test_explicit_date() -> None:
    x = one("Renewed clashes erupted on September 27, 2020, with intense battles.", None)
    assert (x["text"], x["value"]) == ("September 27, 2020", "2020-09-27")


def test_day_month_year_and_iso() -> None:
    assert values("Signed 27 September 2020 and filed 2020-10-01.", None) == [
        ("27 September 2020", "2020-09-27"),
        ("2020-10-01", "2020-10-01"),
    ]


def test_weekday_comma_date_is_one_expression() -> None:
    x = one("The Times said in an editorial on Saturday, April 25: the court erred.", date(1998, 4, 24))
    assert (x["text"], x["value"]) == ("Saturday, April 25", "1998-04-25")


def test_invalid_day_is_not_a_date() -> None:
    assert all("-02-30" not in x["value"] for x in extract_dates("It happened on February 30.", anchor=SUN))


# ---- years, months, decades -----------------------------------------------------------------------
def test_month_year() -> None:
    assert one("The conflict broke out in February 1988 after the announcement.")["value"] == "1988-02"


def test_bare_year_and_since() -> None:
    x = one("Talks have been ongoing since 1992 under the OSCE Minsk Group.")
    assert (x["text"], x["value"]) == ("1992", "1992")


def test_year_not_a_quantity() -> None:
    assert values("Some 1990 troops and 2000 people were there; it cost $1995.") == []


def test_month_alone_with_mod() -> None:
    x = one("Specialists neutralized 17,000 munitions since early December.", TUE)
    assert (x["text"], x["value"], x["mod"]) == ("early December", "2020-12", "START")


def test_may_the_modal_is_not_a_month() -> None:
    assert values("The talks may resume, officials said.") == []


def test_decade_and_century() -> None:
    assert values("It peaked in the late 1970s, the worst of the 20th century.") == [
        ("the late 1970s", "197"),
        ("the 20th century", "19"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices rose through the 1990s.", "199"),
        ("Sales fell in the '80s.", "198"),
        ("It was built in the nineties.", "199"),
        ("an 11th century temple", "10"),
        ("the disasters of this century", "19"),
        ("wages lost in the last decade", "198"),
    ],
)
def test_decades_and_centuries_are_truncated_years(text: str, value: str) -> None:
    # TIMEX3 writes a decade/century as the truncated year, never with X placeholders
    assert one(text, date(1998, 3, 1))["value"] == value


def test_quarter_and_year_ago_reference() -> None:
    text = "Net rose in the third quarter from $90 million a year ago."
    assert values(text, date(1989, 11, 1)) == [("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3")]


def test_year_earlier_compares_with_the_quarter_its_sentence_names() -> None:
    text = ("Aeroflot said first-quarter traffic rose 14%. Separately, Azal reported third-quarter profit "
            "of $5 million, up from $4 million a year earlier.")
    assert values(text, date(2020, 11, 2)) == [
        ("first-quarter", "2020-Q1"), ("third-quarter", "2020-Q3"), ("a year earlier", "2019-Q3")]


def test_year_earlier_after_a_longer_period_is_last_year() -> None:
    text = ("Third-quarter net rose 5%. For the nine months, the airline earned $2 billion, "
            "up from $1.7 billion a year earlier.")
    assert values(text, date(2020, 11, 2))[-2:] == [("the nine months", "P9M"), ("a year earlier", "2019")]


def test_season() -> None:
    assert one("Exports fell this summer.", date(1998, 9, 1))["value"] == "1998-SU"


# ---- spans ------------------------------------------------------------------------------------
def test_hyphenated_year_span_is_one_expression() -> None:
    x = one("In 1992-1994, tensions boiled over.")
    assert (x["text"], x["value"], x["type"]) == ("1992-1994", "1992/1994", "DATE")


@pytest.mark.parametrize("text", ["From 1992 to 1994 tensions boiled over.", "Between 1992 and 1994 they fought."])
def test_worded_year_span_is_two_expressions_of_one_range(text: str) -> None:
    """TimeML annotates each year; both carry the range and where it is written."""
    got = extract_dates(text, anchor=SUN)
    assert [(x["text"], x["value"], x["range"]) for x in got] == [("1992", "1992", "1992/1994"),
                                                                   ("1994", "1994", "1992/1994")]
    written = "1992 to 1994" if text.startswith("From") else "1992 and 1994"
    assert text[got[0]["range_start"] : got[0]["range_end"]] == written


def test_month_day_span() -> None:
    assert one("The summit is on April 24-25.", date(1999, 2, 10))["value"] == "1999-04-24/1999-04-25"


# ---- durations ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The war lasted three years.", "three years", "P3Y"),
        ("Tension has abated in the past few weeks.", "the past few weeks", "PXW"),
        ("Shipments resume within two weeks.", "two weeks", "P2W"),
        ("It signed a two-year contract.", "two-year", "P2Y"),
        ("The deal took 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("Losses in the last twenty four hours were heavy.", "the last twenty four hours", "P1D"),
        ("Results for the first nine months improved.", "the first nine months", "P9M"),
        ("He held the post for more than four hours.", "more than four hours", "PT4H"),
    ],
)
def test_durations(text: str, surface: str, value: str) -> None:
    x = one(text)
    assert (x["text"], x["value"], x["type"]) == (surface, value, "DURATION")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Margins shrank in the past two quarters.", "the past two quarters", "P2Q"),
        ("Output grew for three quarters running.", "three quarters", "P3Q"),
        ("Sales rose for several quarters.", "several quarters", "PXQ"),
    ],
)
def test_quarter_durations_keep_the_quarter_unit(text: str, surface: str, value: str) -> None:
    x = one(text)
    assert (x["text"], x["value"]) == (surface, value)


def test_interest_every_quarter_is_a_set_of_quarters() -> None:
    x = one("The lender collects its coupon every quarter.")
    assert (x["type"], x["value"]) == ("SET", "P1Q")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Sarajevo, nineteen ninety-two. The siege had begun.", "nineteen ninety-two", "1992"),
        ("Police linked it to a nineteen ninety-eight bombing.", "nineteen ninety-eight", "1998"),
        ("The festival opened in nineteen eighty-five.", "nineteen eighty-five", "1985"),
    ],
)
def test_spoken_years(text: str, surface: str, value: str) -> None:
    x = one(text)
    assert (x["text"], x["value"]) == (surface, value)


def test_spoken_number_before_a_plural_is_a_count() -> None:
    assert extract_dates("Observers counted nineteen ninety-two ballots, then stopped.", anchor=SUN) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Markets fell for eight trading days in a row.", "eight trading days", "P8D"),
        ("Banks must answer within five business days.", "five business days", "P5D"),
        ("Villagers will live without power for a while.", "a while", "PXX"),
        ("The mission was shelved for quite a long while.", "quite a long while", "PXX"),
    ],
)
def test_qualified_and_vague_durations(text: str, surface: str, value: str) -> None:
    x = one(text)
    assert (x["text"], x["value"], x["type"]) == (surface, value, "DURATION")


def test_once_in_a_while_is_not_a_duration() -> None:
    assert extract_dates("Once in a while the guns fall silent.", anchor=SUN) == []


def test_a_later_date_is_a_future_reference() -> None:
    x = one("The talks will resume at a later date.")
    assert (x["text"], x["value"]) == ("a later date", "FUTURE_REF")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Profit rose 8% in the year ended March 31.", ("the year", "DURATION", "P1Y")),
        ("Sales in the year ending June 30 fell.", ("the year", "DURATION", "P1Y")),
        ("Sales fell in the year.", ("the year", "DATE", "2020")),
        ("For the year, grain exports were flat.", ("the year", "DATE", "2020")),
        ("Margins should widen for the fiscal year.", ("the fiscal year", "DATE", "2020")),
    ],
)
def test_year_ended_a_date_is_twelve_months(text: str, first: tuple[str, str, str]) -> None:
    x = extract_dates(text, anchor=SUN)[0]
    assert (x["text"], x["type"], x["value"]) == first


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Aid convoys are expected in coming weeks.", "coming weeks", "PXW"),
        ("Prices may stay high in the coming months.", "the coming months", "PXM"),
        ("Refugees face hardship in the weeks ahead.", "the weeks ahead", "PXW"),
        ("The scars will last for the years to come.", "the years to come", "PXY"),
    ],
)
def test_coming_periods_mirror_past_periods(text: str, surface: str, value: str) -> None:
    x = one(text)
    assert (x["text"], x["type"], x["value"]) == (surface, "DURATION", value)


def test_duration_mod() -> None:
    assert one("The siege lasted nearly forty years.")["mod"] == "LESS_THAN"


def test_age_is_not_a_duration() -> None:
    assert extract_dates("The 6-year-old boy returned.", anchor=SUN) == []


# ---- sets -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rallies are held daily.", "P1D"),
        ("Inspectors visit every week.", "P1W"),
        ("The group meets each Thursday.", "XXXX-WXX-4"),
        ("Prices are set annually.", "P1Y"),
    ],
)
def test_sets(text: str, value: str) -> None:
    x = one(text)
    assert (x["type"], x["value"]) == ("SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "The router handles 40 million packets per second.",
        "Convoys of three trucks per day crossed.",
        "Unemployment is near its quarter-century low.",
        "The quarter-to-quarter comparison flattered the bank.",
    ],
)
def test_measures_and_quarter_compounds_are_not_times(text: str) -> None:
    assert extract_dates(text, anchor=SUN) == []


def test_the_past_that_counts_something_is_not_the_past() -> None:
    assert extract_dates("Marches turned violent in the past three summers.", anchor=SUN) == []
    assert one("Such talks failed in the past.")["value"] == "PAST_REF"


def test_rate_is_not_a_duration() -> None:
    assert extract_dates("The preferred pays $1.76 a year.", anchor=SUN) == []


# ---- times of day -------------------------------------------------------------------------------
def test_clock_time_with_weekday() -> None:
    x = one("The blast occurred at 10 p.m. Wednesday.", date(1998, 2, 13))
    assert (x["text"], x["type"], x["value"]) == ("10 p.m. Wednesday", "TIME", "1998-02-11T22:00")


def test_clock_takes_the_weekday_after_a_bracketed_zone() -> None:
    x = values("The shelling began at 6:40 a.m. (0340 GMT) Thursday, residents said.", date(2021, 3, 27))
    assert x == [("6:40 a.m.", "2021-03-25T06:40"), ("Thursday", "2021-03-25")]


def test_midnight_is_a_clock_point_not_a_night() -> None:
    x = one("The ceasefire will take effect at midnight Sunday.", date(2020, 12, 17))
    assert (x["text"], x["type"], x["value"]) == ("midnight Sunday", "TIME", "2020-12-20T24:00")


def test_this_morning_and_noon() -> None:
    assert values("Troops left this morning and return by noon Thursday.", date(1998, 2, 10)) == [
        ("this morning", "1998-02-10TMO"),
        ("noon Thursday", "1998-02-12T12:00"),
    ]


# ---- relative ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales rose last year.", "2019"),
        ("He resigned this week.", "2020-W51"),
        ("It rained yesterday.", "2020-12-19"),
        ("The vote is today.", "2020-12-20"),
        ("Prices are high now.", "PRESENT_REF"),
        ("He recently left.", "PAST_REF"),
        ("It opened two weeks ago.", "2020-W49"),
        ("It opened three years ago.", "2017"),
        ("Profits fell last month.", "2020-11"),
        ("It will grow next year.", "2021"),
        ("Shares fell earlier this month.", "2020-12"),
    ],
)
def test_relative(text: str, value: str) -> None:
    assert one(text)["value"] == value


def test_today_extent_and_anchor_field() -> None:
    x = one("The vote is today.")
    assert (x["text"], x["anchor"], x["mod"]) == ("today", "2020-12-20", None)


# ---- undated articles (anchor=None) ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("On November 9, they signed.", "XXXX-11-09"),
        ("The spokeswoman said on Sunday.", "XXXX-WXX-7"),
        ("Sales rose last year.", "PAST_REF"),
        ("It happened in March.", "XXXX-03"),
        ("The vote is today.", "PRESENT_REF"),
        ("Clashes erupted on September 27, 2020.", "2020-09-27"),
    ],
)
def test_undated(text: str, value: str) -> None:
    x = one(text, None)
    assert x["value"] == value and x["anchor"] is None


def test_undated_seed_resolves_once_anchor_known() -> None:
    text = "On November 9, the leaders signed. Azerbaijan reported capturing six servicemen on May 27."
    assert values(text, date(2021, 6, 17)) == [("November 9", "2020-11-09"), ("May 27", "2021-05-27")]


# ---- skip and helpers -----------------------------------------------------------------------------
def test_skip_ranges_are_ignored() -> None:
    text = " date 2020-12-20 MOSCOW, December 20. /TASS/. Aid arrived on December 19."
    dateline_end = text.index("/TASS/.") + len("/TASS/.")
    got = extract_dates(text, anchor=SUN, skip=[(0, 16), (17, dateline_end)])
    assert [(x["text"], x["value"]) for x in got] == [("December 19", "2020-12-19")]


def test_helpers() -> None:
    assert resolve_month_day(11, 9, SUN) == date(2020, 11, 9)
    assert resolve_month_day(1, 9, SUN, future=True) == date(2021, 1, 9)
    assert resolve_month_day(2, 29, date(2021, 3, 1)) == date(2020, 2, 29)
    assert resolve_weekday(7, SUN) == SUN
    assert resolve_weekday(5, SUN) == date(2020, 12, 18)
    assert resolve_weekday(1, SUN, future=True) == date(2020, 12, 21)
    assert year_of_month_day(9, 27, TUE, "Clashes erupted on September 27.", 19, 31) == 2020
    with pytest.raises(ValueError):
        resolve_month_day(2, 30, SUN)


# ---- properties -------------------------------------------------------------------------------------
_WORDS = st.sampled_from(
    [
        "on",
        "Sunday",
        "November",
        "9",
        "30",
        "Feb.",
        "29",
        "1992",
        "-",
        "1994",
        "from",
        "to",
        "between",
        "and",
        "the",
        "past",
        "few",
        "weeks",
        "three",
        "years",
        "ago",
        "last",
        "year",
        "early",
        "December",
        "10",
        "p.m.",
        "every",
        "daily",
        "quarter",
        "third-quarter",
        "a",
        "year",
        "earlier",
        "0000",
        "99999999999999999999",
        "2 1/2",
        "nineteen",
        "ninety-six",
        "'s",
        ",",
        ".",
        "\n",
        "will",
        "said",
        "noon",
        "Q3",
        "2020-02-30",
        "12/31/99",
        "twenty-four",
        "hours",
        "1990s",
        "century",
    ]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join))
_ANCHORS = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _check(text: str, anchor: date | None, skip: list[tuple[int, int]]) -> None:
    got = extract_dates(text, anchor=anchor, skip=skip)
    last_end = -1
    for x in got:
        assert 0 <= x["start"] < x["end"] <= len(text)
        assert text[x["start"] : x["end"]] == x["text"]
        assert x["start"] >= last_end  # sorted and non-overlapping
        last_end = x["end"]
        assert not any(x["start"] < b and a < x["end"] for a, b in skip if a < b)  # empty ranges cover nothing
        assert x["type"] in ("DATE", "TIME", "DURATION", "SET") and isinstance(x["value"], str) and x["value"]


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _ANCHORS, st.data())
def test_contract_holds_on_any_input(text: str, anchor: date | None, data: st.DataObject) -> None:
    n = len(text)
    skip = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=3))
    _check(text, anchor, skip)  # type: ignore[arg-type]


@pytest.mark.parametrize("anchor", [date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), None])
def test_extreme_anchors(anchor: date | None) -> None:
    text = (
        "Last year, yesterday, tomorrow, next week, in 10000 years, 3000 centuries ago, on Feb. 29 and next December."
    )
    _check(text, anchor, [])


# ---- tense cues, references, fractions (TimeML conventions) ------------------------------------
def test_by_is_a_deadline_only_right_before_the_date() -> None:
    # a distant "by" ("hampered by problems") is no future cue; "by August" is
    past = "Performance was hampered by problems tied to new computers in April."
    assert one(past, date(1989, 10, 26))["value"] == "1989-04"
    assert one("Qantas will double its flights by August.", date(1998, 2, 13))["value"] == "1998-08"


def test_auxiliary_governs_following_weak_cue() -> None:
    # "had been due to expire Friday": the pluperfect, not "expire", sets the tense
    x = one("The offer had been due to expire Friday.", date(1989, 10, 30))
    assert x["value"] == "1989-10-27"
    x = one("He will begin withdrawing troops on Friday.", date(1990, 8, 8))
    assert x["value"] == "1990-08-10"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("because of current market conditions", "PRESENT_REF"),
        ("the decision about Elian's future away from INS", "FUTURE_REF"),
        ("Aqaba is the only outlet now that the noose has tightened.", "PRESENT_REF"),
    ],
)
def test_present_past_future_references(text: str, value: str) -> None:
    assert one(text, date(1998, 3, 1))["value"] == value


@pytest.mark.parametrize(
    "text",
    [
        "the company's future earnings",
        "at the then current market price",
        "Iraq imports about three-quarters of its food.",
        "accounting for more than a quarter of the entire market",
        "a rolling four-quarter profitability test",
    ],
)
def test_not_temporal(text: str) -> None:
    assert values(text, date(1989, 10, 27)) == []


FAST_SCAN_TEXTS = [
    "released 2020-11-09T14:30, FY2020 and FY 2021 budgets; at 14:30 GMT, 09:15 Moscow time, 10 a.m. EST",
    "In the third quarter (Q3 2020) and 2Q 1999; MAY 5, 2020; on Monday 9 November; the 1990s; İstanbul, Sunday",
    "Since early December, 1992-1994, last week, a year ago, every Friday, Nov. 9, the day before yesterday",
]


def test_the_lower_case_scan_finds_what_the_rules_find():
    """Rules scan lower-cased text with case-sensitive twins for speed: same matches as the rules themselves."""
    texts = FAST_SCAN_TEXTS + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    twins = 0
    for rx, fn, _prio, twin in dates._RULES:
        twins += twin is not None
        for text in texts:
            low = text.lower() if len(text.lower()) == len(text) else None
            fast = [m.span() for m in dates._finditer(rx, twin, text, low)]
            assert fast == [m.span() for m in rx.finditer(text)], (fn.__name__, text[:40])
    assert twins > 30  # most rules do take the fast path


# ---- numeric dates --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("The contract was signed on 25/03/2009 in Lagos.", None, "2009-03-25"),  # day > 12: day first
        ("Filed with the SEC on 03/25/2009, the report", None, "2009-03-25"),  # month first
        ("Elections held on 14.10.2018 returned the party.", None, "2018-10-14"),  # dots: day first
        # neither number above 12, no other evidence: only the year is certain
        ("The photograph, dated 10/03/09, shows the old bridge.", None, "2009"),
        # the article's date settles it: 10 March is 2 days back, October 3 seven months ahead
        ("The photograph, dated 10/03/09, shows the old bridge.", date(2009, 3, 12), "2009-03-10"),
    ],
)
def test_numeric_dates_never_guess_the_order(text: str, anchor: date | None, value: str) -> None:
    assert one(text, anchor=anchor)["value"] == value


def test_an_articles_unambiguous_slash_date_sets_its_order() -> None:
    text = "The talks opened on 21/06/2022 and a draft followed on 04/07/2022."
    assert values(text, anchor=None) == [("21/06/2022", "2022-06-21"), ("04/07/2022", "2022-07-04")]


def test_dashed_dates_follow_the_articles_order_even_from_its_last_word() -> None:
    text = "Filed 03-04-2016, the claim was heard on 25-12-2016."
    assert values(text, anchor=None) == [("03-04-2016", "2016-04-03"), ("25-12-2016", "2016-12-25")]
    assert values("Filed 03-04-2016, the claim was heard later.", anchor=None) == [("03-04-2016", "2016")]


def test_version_numbers_are_not_dates() -> None:
    assert values("The firm shipped version 2.1.10 of its app.", anchor=None) == []


# ---- a month named after its event's own past verb ----------------------------------------------
OCT = date(2023, 10, 18)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The utility sold its gas unit in December for $2 billion.", "2022-12"),  # its own verb: last December
        ("Parliament changed the electoral code in November, ahead of the vote.", "2022-11"),
        ("The ministry said it will open the crossing in November.", "2023-11"),  # a report of a plan
        ("The talks were planned for December, a diplomat said.", "2023-12"),  # a past act aimed ahead
        ("The court subpoenaed the minister to testify in December.", "2023-12"),
    ],
)
def test_an_events_own_past_verb_sets_its_months_year(text: str, value: str) -> None:
    assert one(text, anchor=OCT)["value"] == value
