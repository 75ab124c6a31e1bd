"""Quantity extraction on real news sentences, with the product's NER+senter pipeline."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from karabakh_cli.extract.quantities import extract_quantities, load_categories, parse_number

spacy = pytest.importorskip("spacy")




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


def span(q: dict) -> tuple:
    return q["value"], q["value_max"], q["unit"], q["qualifier"]


@pytest.mark.parametrize("text, want", [
    ("Between 10 and 15 houses were destroyed.", (10, 15, None, "range")),
    ("The startup hopes to raise from $750,000 to $1 million this spring.", (750000, 1000000, "USD", "range")),
    ("Economists see the jobless rate at 5% to 10% by winter.", (5, 10, "%", "range")),
    ("Yields should settle between 5% and 6%, the strategist wrote.", (5, 6, "%", "range")),
    ("The bridge repair is put at $3 to $5 billion.", (3000000000, 5000000000, "USD", "range")),
    ("The coupe goes 0-to-60-mph in under four seconds.", (0, 60, "mph", "range")),
    ("Shops will stock 7- or 8-inch tablets.", (7, 8, "in", "range")),
    ("Forecasters expect 30 to 50 centimetres of snow on the passes.", (30, 50, "cm", "range")),
    ("Some 200-300 fighters crossed the river at night.", (200, 300, None, "range")),
])
def test_ranges_are_one_row(nlp, text, want):
    q = run(nlp, text)[0]
    assert span(q) == want
    assert text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text", [
    "Gold gained US$12 to US$1,315 an ounce.",  # from-to after a change verb: two amounts, no range
    "Compaq shares fell $1.625 to $108.625 in composite trading.",
    "The flat was offered at Rs 200 crore or Rs 500 crore with the garden.",  # two choices, not a range
    "The Celtics won 112-104 in overtime.",
])
def test_not_ranges(nlp, text):
    assert all(q["value_max"] is None for q in run(nlp, text))


@pytest.mark.parametrize("text, want", [
    ("Shares in the lender fell 4.5 percent on Tuesday.", [(4.5, "down")]),
    ("Brent rose 1.2% to $84.10 a barrel.", [(1.2, "up"), (84.1, None)]),
    ("The FTSE was down 0.5% at midday.", [(0.5, "down")]),
    ("Core inflation came in at +0.2% for the month.", [(0.2, "up")]),
    ("Output was 3% higher than a year ago.", [(3, "up")]),
    ("The death toll rose to 52 on Sunday.", [(52, None)]),
    ("Army drones shot down 12 drones.", [(12, None)]),
])
def test_change(nlp, text, want):
    assert [(q["value"], q["change"]) for q in run(nlp, text)] == want


@pytest.mark.parametrize("text, want", [
    ("Each vial holds 50mL of vaccine.", (50, "mL", "volume")),
    ("The heat pump is rated at 5kW.", (5, "kW", "power")),
    ("The shares closed at 164p.", (164, "GBX", "currency")),
    ("Tickets cost RM79 in Kuala Lumpur.", (79, "MYR", "currency")),
    ("The unit booked EUR50m in sales.", (50000000, "EUR", "currency")),
    ("The gauge showed ~1.2mm of rain.", (1.2, "mm", "length")),
    ("The Aussie slipped to $US0.65 on Friday.", (0.65, "USD", "currency")),
    ("The tycoon's fortune is put at HK$12 billion.", (12000000000, "HKD", "currency")),
    ("The developer was valued at HK $3.7 billion.", (3700000000, "HKD", "currency")),
    ("Grab raised S$500 million.", (500000000, "SGD", "currency")),
    ("Qantas posted a A$1.2bn profit.", (1200000000, "AUD", "currency")),
    ("Ottawa pledged C$40 million.", (40000000, "CAD", "currency")),
    ("The Mumbai flat sold for Rs 500 crore.", (5000000000, "INR", "currency")),
    ("A Tokyo lunch set is ¥1,200.", (1200, "JPY", "currency")),
    ("The club bid €80m for the winger.", (80000000, "EUR", "currency")),
    ("The airline expects 35m passengers.", (35000000, None, "count")),
    ("The firm has shipped 35m of its devices.", (35000000, None, "count")),
    ("The sprinter won the 100m final.", (100, "m", "length")),
    ("The tanker carried 2m barrels of crude.", (2000000, "bbl", "volume")),
    ("Maersk earned 4.2 billion Danish crowns.", (4200000000, "DKK", "currency")),
    ("The Tel Aviv startup sold for 900 million shekels.", (900000000, "ILS", "currency")),
    ("Warsaw set aside 3 billion zlotys.", (3000000000, "PLN", "currency")),
])
def test_glued_and_currencies(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["dimension"]) == want
    assert text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text, want", [
    ("The new data centre will draw 300 megawatts.", (300, "MW", "power")),
    ("The home battery stores 13.5 kWh.", (13.5, "kWh", "energy")),
    ("The chip is clocked at 3.2GHz.", (3.2, "GHz", "frequency")),
    ("The phone ships with 256GB of storage.", (256, "GB", "data")),
    ("Madrid baked at 41°C on Tuesday.", (41, "°C", "temperature")),
    ("Phoenix hit 118 degrees Fahrenheit.", (118, "°F", "temperature")),
    ("Liquid nitrogen boils at minus 196 degrees Celsius.", (-196, "°C", "temperature")),
    ("The cyclone's central pressure fell to 925 hPa.", (925, "hPa", "pressure")),
    ("Gusts of 140 km/h hit the coast.", (140, "km/h", "speed")),
    ("Gusts reached 90 mph overnight.", (90, "mph", "speed")),
    ("The closer touched 101 m.p.h. on the radar gun.", (101, "mph", "speed")),
    ("The ferry sails at 22 knots.", (22, "kn", "speed")),
    ("The motor delivers 420 Nm of torque.", (420, "N·m", "torque")),
    ("The line runs at 400 kV.", (400, "kV", "voltage")),
    ("Carbon dioxide reached 421 ppm in May.", (421, "ppm", "concentration")),
    ("Adults need about 2,500 calories.", (2500, "kcal", "energy")),
    ("Brent settled at $58.24 per barrel.", (58.24, "USD/bbl", "currency/volume")),
    ("The economy will grow five percent a year.", (5, "%/year", "percent/time")),
    ("The well pumps 1,200 barrels per day.", (1200, "bbl/day", "volume/time")),
    ("The minimum wage rises to £11.44 an hour.", (11.44, "GBP/h", "currency/time")),
])
def test_dimensions_and_rates(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["dimension"]) == want


@pytest.mark.parametrize("text", [
    "The Boeing 737 MAX returned to service.",
    "The FTSE 100 and the Nikkei 225 opened lower.",
    "The iPhone 15 Pro goes on sale in China.",
    "Police sealed off 10 Downing Street.",
    "Crowds massed outside 1600 Pennsylvania Avenue.",
    "A magnitude 6.1 quake shook the island.",
    "The 2020s began with a pandemic.",
    "Carriers are switching off 3G networks to free spectrum for 5G handsets.",
    "Delegates flew home from COP26 in Glasgow.",
    "Crowds gathered at the 9/11 memorial.",
])
def test_numbers_in_names(nlp, text):
    assert run(nlp, text) == []


def test_ages_are_flagged_not_durations(nlp):
    text = "A 50-year-old man was arrested after the 23-year-old striker was attacked."
    assert run(nlp, text) == []
    qs = run(nlp, text, include_flagged=True)
    assert [(q["value"], q["unit"], q["flags"]) for q in qs] == [(50, "year", ["age"]), (23, "year", ["age"])]


@pytest.mark.parametrize("text, want", [
    ("Sales of 5835 units were booked in May.", (5835, None, "units")),
    ("Margins narrowed to -1.3% in the quarter.", (-1.3, "%", None)),
    ("Temperatures will drop to minus 5 degrees Celsius.", (-5, "°C", None)),
    ("Only 1/2 of the wells were tested.", (0.5, None, "wells")),
    ("Nearly ½ of the reef has bleached.", (0.5, None, "reef")),
    ("The isotope decays in 2.2x10^-6 seconds.", (0.0000022, "s", None)),
    ("The monitor has a 25.5\u2033 screen.", (25.5, "in", None)),
    ("Sub-300 handsets are selling well.", (300, None, "handsets")),
])
def test_number_forms(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["object"] if want[2] else None) == want


@pytest.mark.parametrize("text, obj", [
    ("The Bears traded away eight more picks.", "picks"),
    ("Kyiv said it destroyed four more tanks near the village.", "tanks"),
    ("The team lost three other games by a point.", "games"),
    ("The ministry sent 300 additional troops.", "troops"),
    ("Baku said it destroyed 12 T-72 tanks near the river.", "T-72 tanks"),
])
def test_objects_after_more_other(nlp, text, obj):
    (q,) = run(nlp, text)
    assert q["object"] == obj


def test_running_totals_are_flagged(nlp):
    qs = run(nlp, "Since November 14, 230 rockets have been fired. The death toll rose to 52.")
    assert [(q["value"], q["object"], "cumulative" in q["flags"]) for q in qs] == [
        (230, "rockets", True), (52, "death toll", True)]


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
    assert set(q) == {"value", "value_max", "unit", "dimension", "change", "object", "qualifier", "category",
                      "flags", "text", "start", "end", "sentence", "sent_start"}


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
        assert q["qualifier"] in {"exact", "approx", "lower_bound", "upper_bound", "range"}


@settings(max_examples=30, deadline=None)
@given(st.text(max_size=80))
def test_extract_on_random_text(nlp, text):
    doc = nlp(text)
    for q in extract_quantities(doc, include_flagged=True):
        assert doc.text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text", ["0F", "5F", "RM79", "EUR50m"])
def test_a_lone_glued_token_keeps_its_sentence(nlp, text):
    """Cutting the only token of a text in pieces must leave sentence boundaries readable."""
    (q,) = extract_quantities(nlp(text))
    assert q["text"] == text and q["start"] == 0 and q["end"] == len(text)


# ---------------------------------------------------------------- issue 13 leftovers (own sentences)

@pytest.mark.parametrize("text, want", [
    ("Rents in the capital are now 12 times higher than in 2000.", (12, "exact", None)),
    ("The chip is 1.8 times as fast as its rival.", (1.8, "exact", None)),
    ("The warehouse is about three times the size of a football pitch.", (3, "approx", None)),
    ("Cholera cases rose 40-fold in a month.", (40, "exact", "up")),
    ("Exports grew sevenfold over the decade.", (7, "exact", "up")),
    ("Grain prices have more than doubled since the blockade.", (2, "lower_bound", "up")),
    ("The airline's losses nearly tripled.", (3, "approx", "up")),
    ("The bank halved its dividend.", (0.5, "exact", "down")),
    ("Prices rose roughly 3.5 times.", (3.5, "approx", "up")),
    ("The purchase price is about 1.65 times book value.", (1.65, "approx", None)),
])
def test_factors(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["dimension"]) == (want[0], "x", "factor")
    assert (q["qualifier"], q["change"]) == want[1:]
    assert text[q["start"]:q["end"]] == q["text"]


@pytest.mark.parametrize("text, value", [
    ("Monitors said the truce was breached 17 times on Sunday.", 17),
    ("The clip has been shared more than 2 million times.", 2000000),
    ("Gas supplies to the region were cut three times last winter.", 3),
])
def test_times_counts_occurrences(nlp, text, value):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["object"], q["change"]) == (value, None, "times", None)


def test_doubled_down_is_no_factor(nlp):
    assert run(nlp, "The senator doubled down on his claims.") == []


@pytest.mark.parametrize("text, want", [
    ("The won weakened to 1,390 per dollar in Seoul.", (1390, "KRW/USD")),
    ("The Hungarian forint fell past 400 to the euro.", (400, "HUF/EUR")),
    ("The Danish crown was steady at 7.46 per euro.", (7.46, "DKK/EUR")),
    ("The Egyptian pound traded at 48.5 against the dollar.", (48.5, "EGP/USD")),
    ("The central bank set the rate at 90 roubles to the dollar.", (90, "RUB/USD")),
])
def test_exchange_rates(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"]) == want


def test_a_bare_rate_without_a_currency_named_is_not_guessed(nlp):
    assert run(nlp, "It fell to 150 per dollar.") == []


@pytest.mark.parametrize("text, code", [
    ("Bonn approved spending of 12 billion Deutsche marks.", "DEM"),
    ("The chateau was sold for 20 million French francs in 1994.", "FRF"),
    ("Philips lost 500 million guilders that year.", "NLG"),
    ("Fiat earned 900 billion lire in 1997.", "ITL"),
    ("The Madrid bank raised 40,000 million pesetas.", "ESP"),
    ("The Vienna opera cost 300 million schillings.", "ATS"),
    ("Athens paid 80 billion drachmas for the bridge.", "GRD"),
    ("The Helsinki shipyard lost 200 million markkaa.", "FIM"),
    ("Norway's fund lost 1.5 trillion crowns in the quarter.", "NOK"),
    ("The Prague brewer paid out 2 billion crowns.", None),
    ("The Czech carmaker paid out 2 billion crowns.", "CZK"),
    ("Skoda's Czech and Slovak units earned 2 billion crowns.", None),
    ("The Prague brewer paid out 2 billion koruna.", "CZK"),
    ("The Kenyan airline lost 20 billion shillings.", "KES"),
    ("A Karachi lender wrote off 9 billion rupees in Pakistan.", "PKR"),
    ("The Frankfurt firm paid 1.2 million marks for the site in Germany.", "DEM"),
    ("Analysts cut the bond's rating after it paid 4 million dlrs.", "USD"),
])
def test_historic_and_shared_currency_names(nlp, text, code):
    got = run(nlp, text)
    assert [q["unit"] for q in got if q["dimension"] in ("currency", "count")] == [code]


def test_percentage_points_are_not_percent(nlp):
    got = run(nlp, "The jobless rate fell 0.3 percentage points to 4.1%.")
    assert [(q["value"], q["unit"], q["dimension"], q["change"]) for q in got] == \
        [(0.3, "pp", "percent", "down"), (4.1, "%", "percent", None)]


@pytest.mark.parametrize("text, want", [
    ("The striker signed a three-year contract.", (3, "year", "contract")),
    ("The 10-year Treasury yield rose.", (10, "year", "Treasury yield")),
    ("The 44-day war ended in November.", (44, "day", "war")),
    ("Workers began a 48-hour strike.", (48, "h", "strike")),
])
def test_adjectival_durations_name_what_they_last(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["object"]) == want and "duration" in q["flags"]


@pytest.mark.parametrize("text", [
    "Arsenal won 3-1 at Villa Park.",
    "Arsenal lost 2-1 at home.",
    "The Lakers beat the Nuggets 119-108.",
    "At one point the crowd fell silent.",
])
def test_scores_are_not_quantities(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, want", [
    ("The Dow lost 320 points on Friday.", (320, "points", "down")),
    ("Leeds are six points clear at the top.", (6, "points", None)),
])
def test_points(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["change"]) == want


@pytest.mark.parametrize("text, want", [
    ("The ice sheet loses 270 billion tonnes of ice a year.", (270000000000, "t/year", "ice")),
    ("Each cow gives about 25 litres of milk a day.", (25, "l/day", "milk")),
    ("The mine produced 3 million tonnes of ore last year.", (3000000, "t", "ore")),
])
def test_time_rate_after_the_object(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["unit"], q["object"]) == want


@pytest.mark.parametrize("text, want", [
    ("A 60 km column of tanks stood outside the city.", [(60, "column")]),
    ("The 3,000-strong brigade crossed the river.", [(3000, "brigade")]),
    ("Temperatures of 46C were recorded in Sindh.", [(46, "Temperatures")]),
    ("Chelsea agreed a £60m fee for the winger.", [(60000000, "fee")]),
    ("The fund holds a 4.9% stake in the bank.", [(4.9, "stake")]),
    ("The firm booked a pre-tax profit of £40m.", [(40000000, "pre-tax profit")]),
    ("The storm brought gusts of 120 km/h.", [(120, "gusts")]),
    ("Toyota sold 9.5 million cars worldwide.", [(9500000, "cars")]),
    ("Commuters waited an average of 40 minutes.", [(40, "duration")]),
    ("The club sold 30,000 season tickets.", [(30000, "season tickets")]),
])
def test_objects_without_of(nlp, text, want):
    assert [(q["value"], q["object"]) for q in run(nlp, text)] == want


@pytest.mark.parametrize("text, want", [
    ("The ECB raised its deposit rate by 25 basis points.", [(25, "up")]),
    ("The trial cut the risk of stroke by 30 per cent.", [(30, "down")]),
    ("Oil settled down $1.10, or 1.4%, at $78.20 a barrel.", [(1.1, "down"), (1.4, "down"), (78.2, None)]),
    ("The new engine burns 15% less fuel.", [(15, "down")]),
    ("The startup raised $40 million from investors.", [(40000000, None)]),
    ("The lira weakened beyond 35 to the dollar.", [(35, None)]),
    ("Prices fell in 12 months of the last 18.", [(12, None)]),
])
def test_change_after_by_and_levels(nlp, text, want):
    assert [(q["value"], q["change"]) for q in run(nlp, text)] == want


@pytest.mark.parametrize("text, want", [
    ("Waiting lists grew by 30,000 to 7.5 million.", [30000, 7500000]),
    ("Approvals dropped to 41,000 in May.", [41000]),
])
def test_bare_figures_after_a_change_word(nlp, text, want):
    got = run(nlp, text)
    assert [q["value"] for q in got] == want and all(q["unit"] is None for q in got)


@pytest.mark.parametrize("text, want", [
    ("The dam will be finished over four years.", (4, "exact")),
    ("The towns lie within 20 km of the front.", (20, "upper_bound")),
    ("The index fell below 4,000 points.", (4000, "upper_bound")),
])
def test_hedges_over_within_below(nlp, text, want):
    (q,) = run(nlp, text)
    assert (q["value"], q["qualifier"]) == want


def test_scale_letter_at_sentence_end(nlp):
    (q,) = run(nlp, "He joined for a fee of around £2m.")
    assert (q["value"], q["unit"], q["qualifier"]) == (2000000, "GBP", "approx")


@pytest.mark.parametrize("text, want", [
    ("The Fed cut rates by a quarter of a percentage point.", [(0.25, "pp")]),
    ("Half a million people fled the city.", [(500000, None)]),
    ("The talks lasted three quarters of an hour.", [(0.75, "h")]),
    ("Villagers waited half a day for half a dozen trucks.", [(0.5, "day"), (6, None)]),
    ("The plant uses half the power of the old one.", []),
    ("A quarter of the vote went to the far right.", []),
])
def test_fraction_words_before_a_scale_or_unit(nlp, text, want):
    assert [(q["value"], q["unit"]) for q in run(nlp, text)] == want
