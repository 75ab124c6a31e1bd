"""Datelines and the article's own date: where, by whom and when an article was filed.

The shapes are data (`data/datelines.json`, extended by a file named in KCLI_DATELINES):
regex templates with macros for the place, the date, the agency and the dash. They are
tried only in the opening of an article -- its first line, then the lines after a headline,
a standfirst, a summary, a photo credit or page furniture (`find`) -- never in quotes or
table rows, so a dateline-looking line further down cannot date an article. A date stamp
line of the opening ("17.01.2013 13:06") gives its date, or its year, to a dateline on the
same day (`_settle`).

A dateline without a year takes one only from the article's own words (`infer`): the
weekday its lead gives for that day, checked against the years the text names (and the
year after each); one year left is the date, none or several leave it undated. No other
article is consulted: a folder is not a feed.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "datelines.json"
USER_ENV = "KCLI_DATELINES"
OPENING_LINES = 5  # non-empty lines after the headline searched for a bare dateline ("MOSCOW -")
OPENING_CHARS = 3000
STRONG_LINES = 40  # lines searched for a stamp or a dateline with a date or an agency (menus, contact rows)
PROSE_LINES = 2  # ... past at most this many sentences of prose (a standfirst, a caption, boilerplate)
LEAD_CHARS = 600  # how far after the dateline the lead's weekday is looked for
LEAD_WORDS = 8  # a line this long is the lead paragraph, not a byline
BODY_WORDS = 45  # a line this long without a dateline is the article's body: no dateline below it

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?i:(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])\.?)"
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\d)"
# 06.04.2020, 17-05-2018, 08/03/2017, 2025-04-14: day first with a dot or a dash, either order with a slash
_NDATE = r"(?:(?:1[89]|20)\d\d-\d\d-\d\d|\d{1,2}(?P<nsep>[./-])\d{1,2}(?P=nsep)(?:1[89]|20)\d\d)(?![\d.]\d)"
_WDAY = r"(?i:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?)(?![a-z])"
_TIME = (r"\d{1,2}[:.]\d\d(?::\d\d)?(?![\d.]\d)(?:[ ]?(?i:[ap]\.?m\.?))?(?:[ ](?:[A-Z]{2,5}(?:[+\-]\d{1,2})?|UK))?"
         r"(?:[ ]?\((?:UTC|GMT)[+\-]\d{1,2}(?::\d\d)?\))?")
_CAPS_WORD = r"[A-Z][A-Z'\u2019\-]*[A-Z]|(?:[A-Z]\.){2,}|[A-Z]{1,2}\.|[A-Z]"  # NUR-SULTAN, D.C., ST.
_TITLE_WORD = r"[A-Z][a-z][A-Za-z'\u2019\-]*|St\."
_PARTICLE = r"(?:de|del|da|do|dos|es|el|al|la|le|les|du|am|an|upon|sur|of|on)"
_CAPS = rf"(?:{_CAPS_WORD})(?:[ ](?:{_CAPS_WORD})){{0,3}}"
_TITLE = rf"(?:{_TITLE_WORD})(?:[ ](?:{_PARTICLE}[ ])?(?:{_TITLE_WORD})){{0,3}}"
_ONE_PLACE = rf"(?:{_CAPS}|{_TITLE})(?![a-z])"
MACROS = {
    "place": rf"(?P<place>{_ONE_PLACE}(?:/{_ONE_PLACE})?)",
    # ", Costa Rica", ", Calif."
    "region": rf"(?:,[ ](?!{_MONTH}|{_DAY})(?P<region>{_ONE_PLACE}|[A-Z][a-z]{{1,4}}\.))?",
    "date": rf"(?P<date>{_MONTH}[ ]?{_DAY}(?:,?[ ]{_YEAR})?|{_DAY}[ ]{_MONTH}(?:,?[ ]{_YEAR})?)",
    "ydate": rf"(?P<date>{_MONTH}[ ]?{_DAY},?[ ]{_YEAR}|{_DAY}[ ]{_MONTH},?[ ]{_YEAR})",  # with its year
    "ndate": rf"(?P<ndate>{_NDATE})",
    "wday": _WDAY,
    "time": _TIME,
    # a region that must be there: "Plainview, N.Y., October 28, 2015 Veeco ..."
    "rregion": rf"(?:,[ ](?!{_MONTH}|{_DAY})(?P<region>{_ONE_PLACE}|[A-Z][a-z]{{1,4}}\.))",
    "dash": r"(?:--?|[\u2013\u2014\u2015\u2500\u2022_:])(?=\s|$)",
}
_DATE_PARTS = re.compile(rf"(?P<a>{_MONTH}|\d+)\D*?(?P<b>{_MONTH}|\d+)(?:\D+(?P<y>\d{{4}}))?")
# quotes, table rows (a tab, or two bars: "PARIS | 1996-12-07 | 3.1"; one bar is a stamp's "| Updated 10:05")
_SKIP_LINE = re.compile(r"^\s*[\"\u201c\u201e\u00ab'\u2018>*]|\t|\|[^|\n]*\|")
LINE_HEAD = 200
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)


@dataclass
class Dateline:
    """One dateline found in a text; offsets are into that text."""

    start: int
    end: int
    place: str | None  # the (first) city, as written
    place_full: str | None  # with its country/state or second city: "SAN JOSE, Costa Rica", "BAKU/MOSCOW"
    agency: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    problem: str | None = None  # why the date it shows was not taken
    stamps: list[tuple[int, int]] = field(default_factory=list)  # date stamp lines whose date it took

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.year and self.month and self.day else None


@dataclass
class Shape:
    name: str
    place: str  # 'any', 'caps_or_known' or 'known'
    regex: re.Pattern


@dataclass
class Rules:
    shapes: list[Shape]
    agencies: set[str]
    not_places: set[str]


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def rules(user: str | None = None) -> Rules:
    """The bundled shapes and agencies plus a user's file (KCLI_DATELINES), compiled once.

    A user file that cannot be read or compiled is a ValueError naming it (a user error, exit 1).
    """
    try:
        datas = [_read(DATA)] + ([_read(Path(user))] if user else [])
        agencies = {str(a) for d in datas for a in d.get("agencies", [])}
        alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
        # two agencies joined: "ARTSAKHPRESS-ARMENPRESS", "PRNewswire-HISPANIC PR WIRE"
        macros = {**MACROS, "agency": rf"(?P<agency>(?i:{alt})(?:[-/](?i:{alt}))?)(?![A-Za-z])",
                  "bagency": rf"(?P<agency>(?i:{alt})(?![A-Za-z])|[A-Z][A-Za-z.&'\u2019 \-]{{0,28}}[A-Za-z.])"}
        shapes = [Shape(s["name"], s.get("place", "any"), re.compile(_fill(s["pattern"], macros)))
                  for d in datas for s in d.get("shapes", [])]
        not_places = {str(k).casefold() for d in datas for k in d.get("not_places", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error) as e:
        raise ValueError(f"{USER_ENV}={user}: not a datelines file like data/datelines.json "
                         f"({type(e).__name__}: {e})") from None
    return Rules(shapes, {a.casefold() for a in agencies}, not_places)


@lru_cache(maxsize=4)
def agency_names(user: str | None = None) -> tuple[tuple[str, ...], frozenset[str]]:
    """(The agency names as written, longest first; the casefolded ones that are also words or common
    abbreviations), from the bundled file and the user's: agencies are actors of the text too."""
    rules(user)  # a bad user file is reported there
    datas = [_read(DATA)] + ([_read(Path(user))] if user else [])
    names = sorted({str(a) for d in datas for a in d.get("agencies", [])}, key=len, reverse=True)
    return tuple(names), frozenset(str(a).casefold() for d in datas for a in d.get("ambiguous_agencies", []))


def _fill(pattern: str, macros: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: macros.get(m[1], m[0]), pattern)


def current_rules() -> Rules:
    return rules(os.environ.get(USER_ENV) or None)


def user_file() -> Path | None:
    """The user's shapes file, for the index fingerprint (its shapes change what records hold)."""
    name = os.environ.get(USER_ENV)
    return Path(name) if name else None


@lru_cache(maxsize=1)
def _places() -> dict:
    from . import lexicon

    return lexicon.load(None).places


def _known(place: str) -> bool:
    from .lexicon import key

    return any(key(p) in _places() for p in place.split("/"))


def _city(place: str) -> bool:
    """A place of some country, not a country (its entry names the country it is in)."""
    from .lexicon import key

    entry = _places().get(key(place))
    return bool(entry and entry[2])


def _acceptable(m: re.Match, shape: Shape, rs: Rules, first: bool) -> bool:
    place = m.groupdict().get("place")
    if place is None:
        return True
    caps = not re.search(r"[a-z]", place)
    words = {w.casefold().strip(".") for w in place.replace("/", " ").split()}
    if words & (set(MONTHS) | set(WEEKDAYS)) or place.casefold() in rs.not_places:
        return False
    if not caps and words & {"the", "a", "an"}:  # "The President (AP)": a sentence, not a city
        return False
    if place.split()[0].casefold() == "by":  # "By Anna Petrova, The Times, 29 Apr 2018": a byline
        return False
    agency = m.groupdict().get("agency")
    if agency and agency.casefold() not in rs.agencies and _known(agency):
        return False  # "BAKU (Azerbaijan) -": a place in brackets is not an agency
    if shape.place == "known":
        return _known(place)
    caps = caps and len(re.sub(r"\W", "", place)) >= 3
    if shape.place == "caps":
        return caps
    if shape.place == "caps_or_known":
        # A Title Case city starts a dateline only in the first paragraph ("Moscow - which ..." further on
        # is prose), or with a region, an agency or a year of its own ("Brussels, 23 March 2018, 14:50"),
        # or, a city, before a sentence of its own ("New Delhi: The Prime Minister ..."; "Armenia - Riot
        # police ..." under a photo is a caption)
        before_a_sentence = bool(re.match(r"[ \t]*[A-Z\"\u201c]", m.string[m.end():]))
        return caps or (_known(place) and (first or bool(m.groupdict().get("region")) or _strong(m)
                                           or (_city(place) and before_a_sentence)))
    return True


def _strong(m: re.Match) -> bool:
    """A dateline with an agency or a full date: unmistakable further down the opening too."""
    g = m.groupdict()
    return bool(g.get("agency") or g.get("ndate") or (g.get("date") and re.search(r"\d{4}", g["date"])))


def _in_a_caps_line(text: str, m: re.Match) -> bool:
    """`SOCCER - JAPAN GET LUCKY WIN`: a bare place and dash before more capitals is a headline; a
    dateline is followed by prose, or by nothing on its line (but an unknown `WORD:` alone is a label)."""
    g = m.groupdict()
    if g.get("date") or g.get("ndate") or g.get("agency"):
        return False
    stop = text.find("\n", m.end())
    rest = text[m.end(): len(text) if stop < 0 else stop]
    if not rest.strip() and m.group().rstrip().endswith(":") and g.get("place") and not _known(g["place"]):
        return True  # "FORECAST:" over a list is a label; "STEPANAKERT:" alone on its line is a place
    return bool(re.search(r"[A-Z]{2}", rest)) and not re.search(r"[a-z]", rest)


def match_at(text: str, pos: int, *, first: bool = True, rs: Rules | None = None) -> Dateline | None:
    """The longest dateline shape starting at `pos`, or None."""
    rs = rs or current_rules()
    best: re.Match | None = None
    for shape in rs.shapes:
        m = shape.regex.match(text, pos)
        if (m and m.end() > pos and (best is None or m.end() > best.end()) and _acceptable(m, shape, rs, first)
                and not _in_a_caps_line(text, m)):
            best = m
    return _dateline(text, best) if best else None


def _dateline(text: str, m: re.Match) -> Dateline:
    g = m.groupdict()
    end = m.end()
    while end < len(text) and text[end] in " \t":
        end += 1
    place = g.get("place")
    full = place
    if place and g.get("region"):
        full = text[m.start("place"):m.end("region")]
        place = _city_first(place, g["region"])
    dl = Dateline(m.start(), end, place.split("/")[0] if place else None, full,
                  g.get("agency").strip() if g.get("agency") else None)
    if g.get("date"):
        _set_date(dl, g["date"])
    elif g.get("ndate"):
        _set_ndate(dl, g["ndate"], *_lead_days(text, end))
    return dl


def _city_first(place: str, region: str) -> str:
    """"Georgia, Tbilisi" names the country first: the dateline's city is the second."""
    from .lexicon import key

    p, r = _places().get(key(place)), _places().get(key(region))
    return region if p and r and p[2] is None and r[2] == p[0] else place


def _set_date(dl: Dateline, surface: str) -> None:
    parts = _DATE_PARTS.match(surface)
    if not parts:
        return
    a, b = parts["a"], parts["b"]
    month_word, day_word = (a, b) if not a.isdigit() else (b, a)
    month = MONTHS.get(month_word.lower().rstrip("."))
    day = int(re.sub(r"\D", "", day_word))
    year = int(parts["y"]) if parts["y"] else None
    try:
        date(year or 2000, month or 0, day)  # 2000: a leap year, so a year-less "February 29" stands
    except ValueError:
        dl.problem = f"{surface.strip()!r} is not a date"
        return
    dl.month, dl.day, dl.year = month, day, year


def _set_ndate(dl: Dateline, surface: str, weekdays: set[int], months: set[int]) -> None:
    """A numeric date: ISO, or day first with a dot or a dash; with a slash the order is taken only
    when one reading is impossible, or the lead's weekday fits one reading alone, or the lead names the
    month of one reading and not the other's ("05/06/2019" over "said on June 4")."""
    nums = [int(x) for x in re.split(r"[./-]", surface)]
    if nums[0] > 31:
        readings = [(nums[0], nums[1], nums[2])]
    elif "/" in surface:
        readings = [(nums[2], nums[1], nums[0]), (nums[2], nums[0], nums[1])]
    else:
        readings = [(nums[2], nums[1], nums[0])]
    valid = list(dict.fromkeys(d for d in (_safe(*r) for r in readings) if d))
    if len(valid) > 1:
        by_month = [d for d in valid if d.month in months]
        valid = [d for d in valid if d.weekday() in weekdays] or (by_month if len(by_month) == 1 else [])
    if not any(_safe(*r) for r in readings):
        dl.problem = f"{surface.strip()!r} is not a date"
    elif len(valid) == 1:
        dl.year, dl.month, dl.day = valid[0].year, valid[0].month, valid[0].day


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _prose(line: str) -> bool:
    """A sentence of prose, not a menu item, a headline or a byline."""
    s = line.strip()
    return len(s.split(None, BODY_WORDS)) > BODY_WORDS or (
        len(s.split()) >= 3 and bool(re.search(r"[.!?][\"\u201d\u2019]?$", s)))


def find(text: str, pos: int, *, first_is_body: bool, lines: int = OPENING_LINES,
         rs: Rules | None = None) -> Dateline | None:
    """The dateline in the opening, with the date of a stamp line near it.

    A bare dateline ("MOSCOW -", a place line) is looked for in the next `lines` lines, before the
    body; one with a date or an agency, and a date stamp line ("Nov. 10, 2020 12:30 GMT",
    "17.01.2013 13:06"), further on, past menus, contact rows and up to PROSE_LINES sentences of
    boilerplate or caption (`lines` == 1: that line and the next only). `first_is_body`: the line at
    `pos` is the first paragraph after the headline (a Title Case city may start a dateline there).
    Quoted lines and table rows are never datelines. See `_settle` for how stamps and the dateline
    make one date.
    """
    rs = rs or current_rules()
    window = STRONG_LINES if lines > 1 else lines
    stamps: list[Dateline] = []
    placed: Dateline | None = None
    seen = prose = placed_at = 0
    body = False
    for m in re.finditer(r"[^\r\n]+", text[pos:pos + OPENING_CHARS]):
        line = m.group()
        if not line.strip():
            continue
        seen += 1
        if seen > (placed_at + 1 if placed else window):
            break  # a place line is completed by a stamp on the next line only
        if _SKIP_LINE.search(line, 0, LINE_HEAD):
            continue
        lead = len(line) - len(line.lstrip())
        dl = match_at(text, pos + m.start() + lead, first=first_is_body and seen == 1, rs=rs)
        if dl is not None and not _strong_line(dl) and (seen > lines or body):
            dl = None  # a bare "CITY -" only in the first lines, before the body
        if dl is None:
            if placed is None and _prose(line):
                long = len(line.split(None, BODY_WORDS)) > BODY_WORDS
                prose, body = prose + 1 + long, body or long  # a body-length paragraph counts twice
                if prose > PROSE_LINES:
                    break
            continue
        if dl.place is None:
            stamps.append(dl)
            if placed is not None:
                break
            if lines == 1:  # a stamp before the headline: the opening goes on below it
                lines, window = OPENING_LINES + 1, STRONG_LINES
            continue
        if placed is not None:
            break
        placed, placed_at = dl, seen
        if dl.month is not None or dl.problem or text[dl.end:pos + m.end()].strip():
            break  # dated, or followed by the article on its line: nothing to add
    return _settle(placed, _below_banner(text, stamps))


def _strong_line(dl: Dateline) -> bool:
    """A date, an agency, or a city in capitals with its region ("SAN JOSE, Costa Rica —")."""
    caps_region = dl.place_full != dl.place and not re.search(r"[a-z]", dl.place or "")
    return bool(dl.agency or dl.month or dl.problem or caps_region)


def _settle(placed: Dateline | None, stamps: list[Dateline]) -> Dateline | None:
    """One dateline from the place line and the date stamps around it.

    A dated dateline keeps its date; a stamp on the same day (give or take one) gives it a year, and
    stamps on other days (a forum member's join date, a blog's repost date) are left out. A dateline
    without a date takes the stamps' date when they agree; stamps alone are the date when they agree.
    """
    dated = [s for s in stamps if s.month is not None]
    if placed is not None and placed.month is not None:
        if placed.year is None:
            for s in dated:
                day = _near(s.date, placed.month, placed.day) if s.date else None
                if day:
                    placed.year = day.year
                    placed.stamps.append((s.start, s.end))
                    break
        return placed
    if dated and all(_same_day(dated[0], s) for s in dated):
        when = next((s for s in dated if s.year), dated[0])
        if placed is None:
            when.stamps = [(s.start, s.end) for s in dated if s is not when]
            return when
        placed.month, placed.day, placed.year = when.month, when.day, when.year
        placed.stamps = [(s.start, s.end) for s in dated]
        return placed
    if placed is None and stamps and not dated:
        return stamps[0]  # a stamp whose date is no date: its problem is noted
    return placed


def _below_banner(text: str, stamps: list[Dateline]) -> list[Dateline]:
    """A page's "today" banner on its very first line ("Wednesday, 27 September 2023") over the
    article's own stamps further down ("19 September, 13:40") that agree with each other and not with
    it: the article's stamps stand, a year-less one on its latest day not after the banner's (a page
    does not show an article newer than itself). "Updated" stamps are never the article's date."""
    dated = [st for st in stamps if st.month is not None]
    if len(dated) < 2 or dated[0].year is None or text[:dated[0].start].strip():
        return stamps
    banner, own = dated[0], [st for st in dated[1:] if "updat" not in text[st.start:st.end].lower()]
    if not own or _same_day(banner, own[0]) or not all(_same_day(own[0], st) for st in own):
        return stamps
    for st in own:
        if st.year is None:
            later = (st.month, st.day) > (banner.month, banner.day)
            st.year = banner.year - 1 if later else banner.year
    return own if all((d := _safe(st.year or 0, st.month, st.day or 0)) and d <= banner.date for st in own) else stamps


def _near(d: date, month: int, day: int) -> date | None:
    """The day, at most one from `d`, that is `month`/`day` (a stamp's time zone is not the dateline's)."""
    return next((x for x in (d + timedelta(days=k) for k in (0, -1, 1)) if (x.month, x.day) == (month, day)), None)


def _same_day(a: Dateline, b: Dateline) -> bool:
    if a.year and b.year:
        return agrees(b.month, b.day, b.year, a.date)
    return (a.month, a.day) == (b.month, b.day)


def agrees(month: int, day: int, year: int | None, published: date) -> bool:
    """Whether a dateline's day is the publication date, give or take a day (time zones)."""
    for k in (-1, 0, 1):
        d = published + timedelta(days=k)
        if (d.month, d.day) == (month, day) and year in (None, d.year):
            return True
    return False


# ------------------------------------------------------------------ the year of a year-less dateline
def lead_weekdays(rec: dict) -> set[int]:
    """Weekdays the lead names ("said on Thursday"): the first paragraph of prose after the dateline
    (a byline or credit line between them is looked through)."""
    span = rec.get("dateline_span")
    return _weekdays_after(rec["text"], span[1]) if span else set()


def _lead(text: str, end: int) -> str:
    lead = ""
    for m in re.finditer(r"[^\r\n]+", text[end:end + LEAD_CHARS]):
        lead += " " + m.group()
        if len(m.group().split()) >= LEAD_WORDS:
            break
    return lead


def _weekdays_after(text: str, end: int) -> set[int]:
    return {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(_lead(text, end))}


def _lead_days(text: str, end: int) -> tuple[set[int], set[int]]:
    """The weekdays and the months the lead after a dateline names."""
    lead = _lead(text, end)
    months = {MONTHS[w.lower().rstrip(".")] for w in re.findall(_MONTH, lead) if w[0].isupper()}
    return {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(lead)}, months


def infer(rec: dict, found: list[dict]) -> dict:
    """{date, date_source} of an article with a year-less dateline, from its own evidence only.

    `found`: the article's temporal expressions resolved without an anchor. A full date on the
    dateline's day fixes the year; else the lead's weekday picks among the years the text names
    (not a year naming an event: "the 2014 sit-in") and the year after each. One candidate left
    is the date; none or several: undated.
    """
    month, day = rec["dateline_month_day"]
    own = [t for t in found if t.get("source") != "dateline"]
    for v in (str(t["value"]) for t in own):
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", v)
        if m and (int(m[2]), int(m[3])) == (month, day):
            return {"date": v, "date_source": "dateline+text"}
    years = {int(str(t["value"])[:4]) for t in own
             if re.match(r"^\d{4}(?!\d)", str(t["value"])) and not _names_an_event(rec["text"], t)}
    weekdays = lead_weekdays(rec)
    if not weekdays or not years:
        return {"date": None, "date_source": "none"}
    fits = set()
    for y in years | {y + 1 for y in years}:
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d.weekday() in weekdays:
            fits.add(d)
    if len(fits) == 1:
        return {"date": fits.pop().isoformat(), "date_source": "dateline+weekday"}
    return {"date": None, "date_source": "none"}


def _names_an_event(text: str, t: dict) -> bool:
    """"the 2014 sit-in", "the 2020 war": a bare year that names an event is no evidence of the
    article's own year (a weekday fits some year of any two in seven)."""
    return bool(re.fullmatch(r"\d{4}", str(t["value"]))) and bool(re.match(r"[ \t]+[A-Za-z]", text[t["end"]:]))


def not_before(rec: dict, found: list[dict], bounds) -> str | None:
    """The earliest the article can be: the latest start of a date it gives that does not look
    ahead ("in 2021" -> 2021-01-01), moved on to the dateline's day if it has one."""
    sentence_cue, before_cue = _future_cues()
    sents = rec.get("sentences") or []
    text = rec["text"]
    latest: date | None = None
    for t in found:
        b = bounds(str(t["value"]))
        if not b or t.get("type") != "DATE" or t.get("source") == "dateline":
            continue
        s, e = next(((a, z) for a, z in sents if a <= t["start"] < z), (max(0, t["start"] - 80), t["end"]))
        if sentence_cue.search(text[s:e]) or before_cue.search(text[max(s, t["start"] - 20):t["start"]]):
            continue
        if latest is None or b[0] > latest:
            latest = b[0]
    md = rec.get("dateline_month_day")
    if latest and md:
        for y in range(latest.year, latest.year + 2):
            try:
                d = date(y, md[0], md[1])
            except ValueError:
                continue
            if d >= latest:
                return d.isoformat()
    return latest.isoformat() if latest else None


@lru_cache(maxsize=1)
def _future_cues() -> tuple[re.Pattern, re.Pattern]:
    """(a word anywhere in the sentence, a word right before the date) that make a date look ahead."""
    cues = _read(DATA).get("future_cues", {})

    def alt(words: list[str] | None, tail: str) -> re.Pattern:
        if not words:
            return re.compile(r"(?!)")
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" + tail, re.I)

    return alt(cues.get("sentence"), ""), alt(cues.get("just_before"), r"\W*(?:the\s+|early\s+|late\s+|mid-?)?\W*$")
