"""Datelines and the article's own date: where, by whom and when an article was filed.

The shapes are data (`data/datelines.json`, extended by a file named in KCLI_DATELINES):
regex templates with macros for the place, the date, the agency and the dash. They are
tried only in the opening of an article -- its first line, then the few lines after a
headline, a standfirst, a summary or a photo credit -- never in quotes or table rows, so
a dateline-looking line further down cannot date an article.

A dateline without a year takes one only from the article's own words (`infer`): the
weekday its lead gives for that day, checked against the years the text names (and the
year after each); one year left is the date, none or several leave it undated. No other
article is consulted: a folder is not a feed.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "datelines.json"
USER_ENV = "KCLI_DATELINES"
OPENING_LINES = 5  # non-empty lines after the headline searched for a dateline
OPENING_CHARS = 1500
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
    "dash": r"(?:--?|[\u2013\u2014\u2015\u2500_:])(?=\s|$)",
    # all-number dates with a year: 2020-11-10, 10.11.2020 (day first), 03/04/2016 (order from the text)
    "numdate": rf"(?P<date>{_YEAR}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR})(?![\d./-])",
}
_DATE_PARTS = re.compile(rf"(?P<a>{_MONTH}|\d+)\D*?(?P<b>{_MONTH}|\d+)(?:\D+(?P<y>\d{{4}}))?")
_SKIP_LINE = re.compile(r"^\s*[\"\u201c\u201e\u00ab'\u2018>|*]|\t|\|")  # quotes, table rows (first LINE_HEAD chars)
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
    also: tuple[int, int] | None = None  # the date stamp lines above it that it completes (metadata too)

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
        macros = {**MACROS, "agency": rf"(?P<agency>(?i:{alt}))(?![A-Za-z])",
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
    agency = m.groupdict().get("agency")
    if agency and agency.casefold() not in rs.agencies and _known(agency):
        return False  # "BAKU (Azerbaijan) -": a place in brackets is not an agency
    if shape.place == "known":
        return _known(place)
    if shape.place == "caps_or_known":
        caps = caps and len(re.sub(r"\W", "", place)) >= 3
        # A Title Case city starts a dateline only in the first paragraph ("Moscow - which ..." further on is prose)
        return caps or (_known(place) and (first or bool(m.groupdict().get("region"))))
    return True


def _in_a_caps_line(text: str, m: re.Match) -> bool:
    """`SOCCER - JAPAN GET LUCKY WIN`: a bare place and dash before more capitals is a headline; a
    dateline is followed by prose, or by nothing on its line."""
    g = m.groupdict()
    if g.get("date") or g.get("agency"):
        return False
    stop = text.find("\n", m.end())
    rest = text[m.end(): len(text) if stop < 0 else stop]
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
    dl = Dateline(m.start(), end, place.split("/")[0] if place else None, full,
                  g.get("agency").strip() if g.get("agency") else None)
    if g.get("date"):
        _set_numeric_date(dl, g["date"], text) if g["date"][:1].isdigit() and not re.search(
            r"[A-Za-z]", g["date"]) else _set_date(dl, g["date"])
    return dl


def _set_numeric_date(dl: Dateline, surface: str, text: str) -> None:
    """`2020-11-10`, `10.11.2020` (dotted dates are day first) or `03/04/2016`, whose order is
    the one whose month the article names ("April 2") when only one reading's month is named;
    with both or neither named the day and month stay unknown: unknown beats wrong."""
    nums = [int(x) for x in re.findall(r"\d+", surface)]
    if "-" in surface:
        y, readings = nums[0], [(nums[1], nums[2])]
    elif "." in surface or nums[0] > 12 or nums[0] == nums[1]:
        y, readings = nums[2], [(nums[1], nums[0])]
    elif nums[1] > 12:
        y, readings = nums[2], [(nums[0], nums[1])]
    else:
        y = nums[2]
        named = {MONTHS[w.lower().rstrip(".")] for w in re.findall(_MONTH, text)}
        readings = [r for r in ((nums[1], nums[0]), (nums[0], nums[1])) if r[0] in named]
        if len(readings) != 1:
            dl.problem = f"{surface.strip()!r} may be day/month or month/day"
            return
    month, day = readings[0]
    try:
        date(y, month, day)
    except ValueError:
        dl.problem = f"{surface.strip()!r} is not a date"
        return
    dl.month, dl.day, dl.year = month, day, y


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


def find(text: str, pos: int, *, first_is_body: bool, lines: int = OPENING_LINES,
         rs: Rules | None = None) -> Dateline | None:
    """The dateline in the opening: the first of the next `lines` lines that starts with one.

    `first_is_body`: the line at `pos` is the first paragraph after the headline (a Title Case
    city may start a dateline there). Quoted lines and table rows are never datelines. A line
    that is only a place ("Anna Petrova in Moscow") or only a date stamp ("Nov. 10, 2020") is
    completed by the other kind on the next line: the two are one dateline.
    """
    rs = rs or current_rules()
    found: list[tuple[int, Dateline]] = []
    seen = 0
    for m in re.finditer(r"[^\r\n]+", text[pos:pos + OPENING_CHARS]):
        line = m.group()
        if not line.strip():
            continue
        seen += 1
        stamp = bool(found) and _stamp(found[0][1])
        if seen > found[0][0] + (OPENING_LINES if stamp else 1) if found else seen > lines:
            break
        if _SKIP_LINE.search(line, 0, LINE_HEAD):
            continue
        lead = len(line) - len(line.lstrip())
        dl = match_at(text, pos + m.start() + lead, first=first_is_body and seen == 1, rs=rs)
        if dl is None:
            if len(line.split(None, BODY_WORDS)) > BODY_WORDS or (stamp and _lead_paragraph(line)):
                break  # a paragraph of the article itself: the opening is over
            continue
        if not found:
            found.append((seen, dl))
            if dl.place and dl.month is not None or dl.problem or text[dl.end:pos + m.end()].strip():
                break  # complete, or followed by the article on its line: nothing to add
        elif _completes(found[0][1], dl):
            return _merge(found[0][1], dl)
        elif stamp and dl.place and _same_day(found[0][1], dl):
            return _merge(found[0][1], dl, apart=True)  # a headline between them stays the article's
        elif stamp and _stamp(dl) and not _same_day(found[0][1], dl) and not _UPDATED.match(line.lstrip()):
            return _below_a_banner(found[0][1], dl)
    return found[0][1] if found else None


_UPDATED = re.compile(r"(?i)(?:last\s+)?updated\b")


def _stamp(dl: Dateline) -> bool:
    """A date stamp line: a date with no place and no agency."""
    return dl.month is not None and not dl.place and not dl.agency


def _lead_paragraph(line: str) -> bool:
    """A sentence of prose: long enough and closed by a full stop (a headline is not)."""
    return len(line.split()) >= LEAD_WORDS and line.rstrip().endswith((".", ".\u201d", '."'))


def _same_day(a: Dateline, b: Dateline) -> bool:
    """`b` shows no date, or the day `a` shows (years compared when both have one)."""
    if b.month is None:
        return True
    return (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)


def _below_a_banner(banner: Dateline, stamp: Dateline) -> Dateline:
    """A page's "today" banner above the headline, the article's own stamp below it: the stamp is
    the article's date; a stamp without a year takes the banner's, or the year before when its day
    would fall after the banner's (an article is not newer than the page showing it)."""
    if stamp.year is None and banner.year:
        later = (stamp.month, stamp.day) > (banner.month, banner.day)
        year = banner.year - 1 if later else banner.year
        try:
            date(year, stamp.month, stamp.day)
        except ValueError:
            return banner
        stamp.year = year
    return stamp


def _completes(a: Dateline, b: Dateline) -> bool:
    return bool(a.place) != bool(b.place) and (a.month is None) != (b.month is None)


def _merge(a: Dateline, b: Dateline, apart: bool = False) -> Dateline:
    """The place of one, the date of the other, both lines as the dateline's span (`apart`: the
    second line's span, the stamp above it in `also`)."""
    where, when = (a, b) if a.place else (b, a)
    year = when.year or (b.year if apart else None)
    return Dateline(b.start if apart else a.start, b.end, where.place, where.place_full, where.agency or when.agency,
                    when.month, when.day, year, when.problem, also=(a.start, a.end) if apart else None)


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
    if not span:
        return set()
    text = rec["text"]
    lead = ""
    for m in re.finditer(r"[^\r\n]+", text[span[1]:span[1] + LEAD_CHARS]):
        lead += " " + m.group()
        if len(m.group().split()) >= LEAD_WORDS:
            break
    return {WEEKDAYS.index(w.lower()) for w in _WEEKDAY_RE.findall(lead)}


def infer(rec: dict, found: list[dict]) -> dict:
    """{date, date_source} of an article with a year-less dateline, from its own evidence only.

    `found`: the article's temporal expressions resolved without an anchor. A full date on the
    dateline's day fixes the year; else the lead's weekday picks among the years the text names
    and the year after each. One candidate left is the date; none or several: undated.
    """
    month, day = rec["dateline_month_day"]
    values = [str(t["value"]) for t in found if t.get("source") != "dateline"]
    for v in values:
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", v)
        if m and (int(m[2]), int(m[3])) == (month, day):
            return {"date": v, "date_source": "dateline+text"}
    years = {int(v[:4]) for v in values if re.match(r"^\d{4}(?!\d)", v)}
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
