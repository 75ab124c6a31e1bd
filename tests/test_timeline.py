"""`kcli timeline` and `kcli dates`: every rule family on real text, through the real CLI."""
from __future__ import annotations

import pytest
from conftest import SEEDS, run_cli, run_json

ARTICLES = {
    # header date, weekday, month-day in the past, explicit year, span, duration
    "a_header.txt": " date 2020-12-20 MOSCOW, December 20. /TASS/. The ministry told TASS on Sunday that "
                    "aid had arrived. On December 19, rescuers unloaded rail cars. Talks have gone on since 1992, "
                    "and in 1992-1994 the war raged. The fighting lasted three years. Clashes erupted on "
                    "September 27 in the region.\n",
    # dateline without a year: the weekday and the years in the text fix it (June 17 was a Thursday in 2021)
    "b_dateline.txt": "MOSCOW, June 17. /TASS/: Russia says tension has abated in the past few weeks, "
                      "spokeswoman Maria Zakharova said on Thursday. Clashes erupted on September 27, 2020, "
                      "and the situation aggravated on May 12.\n",
    # no date at all: "September 27" takes its year from the rest of the corpus
    "c_undated.txt": "Rescuers Arrive in the Region\n\nRenewed clashes between Azerbaijan and Armenia erupted on "
                     "September 27 in the disputed region. The conflict broke out in February 1988.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("timeline")
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def dates(corpus):
    return run_json("dates", str(corpus))


def values(rows, doc_id):
    return {r["text"]: r["value"] for r in rows if r["doc_id"] == doc_id}


def test_weekday_and_month_day_resolve_against_the_header(dates):
    v = values(dates, "a_header")
    assert v["Sunday"] == "2020-12-20"
    assert v["December 19"] == "2020-12-19"
    assert v["September 27"] == "2020-09-27"


def test_spans_and_years(dates):
    v = values(dates, "a_header")
    assert v["1992-1994"] == "1992/1994"
    assert v["1992"] == "1992"


def test_durations_are_durations(dates):
    rows = [r for r in dates if r["doc_id"] == "a_header" and r["text"] == "three years"]
    assert rows and rows[0]["type"] == "DURATION" and rows[0]["value"] == "P3Y"


def test_offsets_slice_back(dates, corpus):
    for r in dates:
        text = (corpus / f"{r['doc_id']}.txt").read_text(encoding="utf-8")
        assert text[r["start"]:r["end"]] == r["text"]


def test_year_inferred_from_weekday(corpus):
    docs = {d["doc_id"]: d for d in run_json("docs", str(corpus))}
    assert docs["b_dateline"]["date"] == "2021-06-17"
    assert docs["b_dateline"]["date_source"] == "dateline+weekday"
    assert docs["a_header"]["date_source"] == "header"


def test_undated_article_resolved_from_corpus(corpus):
    docs = {d["doc_id"]: d for d in run_json("docs", str(corpus))}
    assert docs["c_undated"]["date"] is None
    assert docs["c_undated"]["date_not_before"] == "1988-02-01"  # its own words; the corpus's year is not its own
    events = run_json("timeline", str(corpus), "--doc", "c_undated")
    assert {e["date"] for e in events} == {"2020-09-27", "1988-02"}
    rows = {r["text"]: r for r in run_json("dates", str(corpus), "--doc", "c_undated")}
    assert (rows["September 27"]["value"], rows["September 27"]["anchor"]) == ("2020-09-27", "corpus")


def test_timeline_groups_the_same_event_across_articles(corpus):
    events = run_json("timeline", str(corpus))
    sept = [e for e in events if e["date"] == "2020-09-27"]
    assert len(sept) == 1
    assert set(sept[0]["doc_ids"]) == {"a_header", "b_dateline", "c_undated"}
    ungrouped = run_json("timeline", str(corpus), "--no-group")
    assert len([e for e in ungrouped if e["date"] == "2020-09-27"]) == 3
    assert [e["start_date"] for e in events] == sorted(e["start_date"] for e in events)
    assert not any(e["date"].startswith("P") for e in events)  # durations are not events


def test_timeline_filters_and_chart():
    events = run_json("timeline", str(SEEDS), "--from", "2020-11", "--to", "2020-11-30")
    assert events and all("2020-11-01" <= e["start_date"] <= "2020-11-30" for e in events)
    putin = run_json("timeline", str(SEEDS), "--actor", "Vladimir Putin")
    assert {"2020-11-09", "2020-11-13"} <= {e["date"] for e in putin}
    nov9 = next(e for e in putin if e["date"] == "2020-11-09")
    assert len(nov9["doc_ids"]) == 5 and "signed a joint statement" in nov9["event"]
    code, out, _ = run_cli("timeline", str(SEEDS), "--chart", "--format", "table")
    assert code == 0 and "2020-11" in out and "\u2588" in out
    code, _, err = run_cli("timeline", str(SEEDS), "--from", "2020-13-45")
    assert code == 2 and "YYYY" in err
