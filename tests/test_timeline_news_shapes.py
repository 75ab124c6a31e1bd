"""Shapes of real news the timeline must date: number-only date stamps in the opening, parts of a
named day, "a day earlier", "Nov. 9 last year", a date naming a thing in a future clause, and
"to be" that is no plan. The articles are written for these tests, in several outlets' styles."""
from __future__ import annotations

import pytest
from conftest import run_json, write_articles

ARTICLES = {
    # a section label, a clock time and a day/month/year stamp: the article's own months fix the order
    "a_slash_stamp.txt": "Troops pull back from two hills\n\nWorld 17:45 05/06/2019 ARM\n\n"
                         "The defence ministry said on June 4 that its units had left two hills near the border "
                         "overnight, and the withdrawal ended in the dawn of June 5.\n",
    # the same stamp in an article naming no month: day and month cannot be told apart
    "b_slash_unknown.txt": "Troops pull back from two hills\n\nWorld 17:45 05/06/2019 ARM\n\n"
                           "The defence ministry said its units had left two hills near the border.\n",
    # a dotted day-first date and a place on one line
    "c_dotted.txt": "Shelling reported near the line of contact\n\n11.08.2014, Stepanakert.\n\n"
                    "Artillery fire was reported early this morning near three villages, a local official said.\n",
    # an ISO stamp with a clock time before it, after a headline; "Sunday night" the day before
    "d_iso_stamp.txt": "Leaders sign a road deal\n\n  21:10 UTC+3, 2021-03-15\n\nThe two leaders signed the deal "
                       "late on Monday, officials said, after talks that ran into Sunday night.\n",
    # "a day earlier", "two days later", "Nov. 9 last year", and a deadline already met
    "e_relative.txt": " date 2021-06-18\nOn June 12, the two sides swapped lists of detainees. A day earlier, "
                      "envoys had met in Tbilisi. Two days later, 15 men were flown home. The men were captured "
                      "after the truce of Nov. 9 last year, the ministry said, adding that it had returned "
                      "40 detainees by Wednesday night.\n",
    # a date naming a thing inside a future clause; "to be" before a noun is no plan
    "f_tense.txt": " date 2022-01-20\nA joint centre will keep watch over the ceasefire agreement of November 10 "
                   "from next month. The pass was shut by men claiming to be farmers on 14 December. "
                   "Talks are set to be held on February 3.\n",
    # a site's "today" banner above the headline, the article's own year-less stamp below it
    "g_banner.txt": "Friday, 12 January 2024\n\nGyumri 4 \u2103\n\nFarmers near the border get water again\n\n"
                    "28 December, 09:15\n\nThe regional governor said water was flowing again to four villages "
                    "after repairs that began on 20 December.\n",
    # an aggregator's credit in brackets, then the wire's dateline
    "h_credit.txt": " date 2022-03-03\n(MENAFN- Caspian Wire) GANJA, Azerbaijan, March 3. The city council approved "
                    "a new budget on Thursday, the mayor's office said.\n",
    # a stamp, a section label and the headline again, then "City [Country], Month D:" (the ANI style)
    "i_stamp_then_dateline.txt": "Georgia opens 3 new crossings\n\nMar 4, 2022\n\nWorld\n"
                                 "Georgia opens 3 new crossings\n\nTbilisi [Georgia], March 4: Georgia opened "
                                 "three crossings on its southern border on Friday, officials said.\n",
    # a clock time on a named day is an event of that day; a bare clock time is none
    "j_clock_day.txt": " date 2021-05-15\nThe truce takes effect at noon Saturday, the two ministers said. "
                       "The talks ended at 6 p.m., officials said.\n",
    # a stamp with its time zone in brackets
    "k_zone_stamp.txt": "Envoys meet in Tbilisi\n\n4 March 2021 09:15 (UTC+04:00)\n\nThe envoys met on Thursday "
                        "in the Georgian capital, the foreign ministry said.\n",
    # a site's "Last update" stamp above the headline, the author's dated byline below it
    "l_byline.txt": "Last update: May 2, 2024 10:05\n\nSappers clear 300 hectares near Fuzuli\n\n"
                    "By Lusine Hakobyan March 4, 2021\n\nSappers cleared 300 hectares of farmland in February, "
                    "the agency said.\n",
    # a banner over an "Updated" stamp only: an update is not the article's date, the banner is no date
    "n_banner_update.txt": "Friday, 12 January 2024\n\nFarmers near the border get water again\n\n"
                           "Updated: 3 January, 10:05\n\nThe regional governor said water was flowing again.\n",
    # a dashed stamp whose order cannot be wrong, and "June of this year"
    "m_dashed.txt": " date 2021-12-27\nPosted: 25-12-2021 06:18 IST\nThe checkpoint reopened on 26-12-2021 and "
                    "the border post opened in June of this year, officials said.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_articles(tmp_path_factory.mktemp("news_shapes"), ARTICLES)


@pytest.fixture(scope="module")
def docs(corpus):
    return {r["doc_id"]: r for r in run_json("docs", str(corpus))}


@pytest.fixture(scope="module")
def timeline(corpus):
    return run_json("timeline", str(corpus))


def dated(rows, doc_id):
    return {(r["text"], r["date"]) for r in rows if doc_id in r["doc_ids"]}


def test_number_only_stamps_date_the_article(docs):
    assert docs["a_slash_stamp"]["date"] == "2019-06-05"  # June is named, May is not
    assert docs["c_dotted"]["date"] == "2014-08-11"
    assert docs["c_dotted"]["dateline"] == "Stepanakert"
    assert docs["d_iso_stamp"]["date"] == "2021-03-15"


def test_an_order_the_text_cannot_fix_stays_unknown(docs):
    assert docs["b_slash_unknown"]["date"] is None


def test_parts_of_a_named_day_are_events_of_that_day(timeline):
    assert ("early this morning", "2014-08-11") in dated(timeline, "c_dotted")
    rows = dated(timeline, "d_iso_stamp")
    assert ("Monday", "2021-03-15") in rows
    assert ("Sunday night", "2021-03-14") in rows


def test_a_day_earlier_counts_from_the_day_named_before(timeline):
    rows = dated(timeline, "e_relative")
    assert ("A day earlier", "2021-06-11") in rows
    assert ("Two days later", "2021-06-14") in rows


def test_a_month_day_with_last_year_is_one_date(timeline):
    rows = dated(timeline, "e_relative")
    assert ("Nov. 9 last year", "2020-11-09") in rows
    assert not [r for r in rows if r[1] == "2020"]


def test_a_deadline_already_met_is_past(timeline):
    assert ("Wednesday night", "2021-06-16") in dated(timeline, "e_relative")


def test_tense_of_a_date_naming_a_thing_and_of_to_be(timeline):
    rows = dated(timeline, "f_tense")
    assert ("November 10", "2021-11-10") in rows  # the agreement already exists: last November
    assert ("14 December", "2021-12-14") in rows  # "claiming to be farmers" is no plan
    assert ("February 3", "2022-02-03") in rows  # "set to be held": ahead


def test_the_stamp_below_a_banner_dates_the_article(docs, timeline):
    assert docs["g_banner"]["date"] == "2023-12-28"  # not the banner's day; the year before the banner's
    assert ("20 December", "2023-12-20") in dated(timeline, "g_banner")


def test_an_update_stamp_below_a_banner_dates_nothing(docs):
    assert docs["n_banner_update"]["date"] is None


def test_a_bracketed_credit_before_the_dateline(docs, timeline):
    assert (docs["h_credit"]["dateline"], docs["h_credit"]["agency"]) == ("GANJA", "MENAFN- Caspian Wire")
    assert dated(timeline, "h_credit") == {("Thursday", "2022-03-03")}


def test_a_dateline_below_a_stamp_and_a_headline(corpus, docs, timeline):
    row = docs["i_stamp_then_dateline"]
    assert (row["date"], row["dateline"], row["dateline_place"]) == ("2022-03-04", "Tbilisi", "Tbilisi [Georgia]")
    assert dated(timeline, "i_stamp_then_dateline") == {("Friday", "2022-03-04")}  # neither stamp is an event
    # the headline between them is still the article's text
    counts = [q for q in run_json("quantities", str(corpus / "i_stamp_then_dateline.txt")) if q["value"] == 3]
    assert len(counts) == 3


def test_a_clock_time_on_a_named_day(timeline):
    assert dated(timeline, "j_clock_day") == {("noon Saturday", "2021-05-15")}


def test_stamps_with_a_zone_or_below_a_last_update(docs):
    assert docs["k_zone_stamp"]["date"] == "2021-03-04"
    assert docs["l_byline"]["date"] == "2021-03-04"


def test_a_dashed_stamp_and_a_month_of_this_year(timeline):
    assert dated(timeline, "m_dashed") == {("26-12-2021", "2021-12-26"), ("June of this year", "2021-06")}
