"""Sides in sport and the press in news: labels the model gets wrong where the text's shape says what a name is.

The model reads "Leeds 2 Arsenal 0" as a place and a person, "the daily Kommersant" as a person and a
"SOCCER - " desk slug as an organisation. These steps correct mentions from the shape of the text alone,
with word lists in `data/actor_rules.json` (users extend them there):

- results lines ("Real Sociedad 2 Osasuna 1"), standings rows ("Bayern Munich 8 6 2 0 27 8 20"), fixtures
  ("Birmingham v Barnsley", "KANSAS CITY AT DETROIT") and score sentences ("Denver beat Phoenix 121-117",
  "drew 1-1 with Aston Villa", "a 3-0 win at Everton"): the sides are teams (ORG). A country stays a place
  (the convention of the outside NER benchmarks: "Italy beat Norway" names places); a full name the model calls a
  person stays one (golf tables, tennis); set scores ("6-3, 7-6") are individuals' matches. A name made a team here
  is a team wherever else its article writes it, except "in <name>" and the dateline, and so are the last words of
  its name ("the Chiefs"); with three or more teams an article's cities are its teams;
- rows of a list that give a country in brackets ("7. Irina Privalova (Russia) 11.27") are alike: when most are
  persons, the rest are too; "S. Jayasuriya", scorers with their minute, shirt numbers and a scorecard's fielders
  and bowlers are persons;
- newspapers and agencies: a name beside an outlet word ("the daily Kommersant", "PAP news agency"), a listed
  outlet, a wire signature ("Warsaw Newsroom") are organisations;
- desk slugs opening a line ("SOCCER -", "Cricket:") and competitions ("PGA Tour", "Fed Cup") are no actors; in a
  line in capitals a mention is cut at the words the article writes in lower case ("ENGLAND BEAT MOLDOVA IN").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, key

_WORD = r"[A-Z][\w.&'\u2019-]*"
_MORE = rf"(?:{_WORD}|'s|\u2019s|of|de|la|del|di|da|do|du|los|las|el|al|and|&|\(\s?[A-Z]{{1,2}}\s?\))"
NAME = rf"{_WORD}(?:[ \t]{_MORE})*"
_NUM = r"(?:[-+]?\d[\d.,:/-]*|\.\d+|-)"
_RANK = r"(?:\d{1,3}\.?[ \t]+)?"
_BRACKET = r"\([ \t]?[A-Z][\w. ]{1,25}?[ \t]?\)"  # "Dinamo ( Russia )"
RESULT = re.compile(rf"^[ \t]*{_RANK}(?P<a>{NAME})[ \t]+\d{{1,3}}(?:[ \t]+\([^()\n]*\))?[ \t]+(?P<b>{NAME})"
                    rf"[ \t]+\d{{1,3}}"
                    rf"(?=[ \t]*$|[ \t]*[(,;.]|[ \t]+[a-z])", re.M)
STANDING = re.compile(rf"^[ \t]*(?:\d{{1,3}}\.[ \t]+)?(?P<a>{NAME})(?:[ \t]+\d{{1,3}}){{2}}(?:[ \t]+{_NUM})+[ \t]*$",
                      re.M)  # won, lost...: counts first (a table of decimals is no standings)
AT_LINE = re.compile(rf"^[ \t]*(?P<a>{NAME})[ \t]+(?:at|AT)[ \t]+(?P<venue>{NAME})[ \t]*$", re.M)  # "AT DETROIT": where
VENUE = re.compile(rf"[ \t]*(?P<venue>{NAME})[ \t]*:[ \t]")  # "Leicester : Leicestershire beat Somerset"
_RUNS = r"\d{1,3}(?:-\d{1,2})?"
INNINGS = re.compile(rf"(?:^|[:,;][ \t]*)(?P<a>{NAME})[ \t]+{_RUNS}(?:[ \t]+and[ \t]+{_RUNS}|[ \t]+(?:points|pts))?"
                     rf"(?=[ \t]*[(,;.](?!\d)|[ \t]*$)")
SET_SCORE = re.compile(r",?[ \t]+\d-\d\b")
WEEKDAY_MONTH = re.compile(r"(?i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
                           r"July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
                           r"Oct|Nov|Dec)\.?)")
PERSON_ROW_SHARE = 2 / 3
SPORT_ARTICLE_TEAMS = 3  # teams the shapes found before a city is read as its team throughout the article
_SURNAME = r"[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*"
INITIAL_NAME = re.compile(rf"[A-Z]\.[ \t]?{_SURNAME}(?:[ \t][A-Z][a-z'\u2019-]+)?")  # "S. Jayasuriya"
_PERSON = rf"{_WORD}(?:[ \t](?:{_WORD}|de|da|van|von|der|al|bin)){{0,3}}"
SCORER = re.compile(rf"(?P<n>{_PERSON})[ \t]+\(?[ \t]?\d{{1,3}}(?:st|nd|rd|th)\b")  # "Cosmin Contra ( 31st )"
SQUAD = re.compile(rf"(?:^|[,;:(][ \t]*)\d{{1,2}}[ \t]+-[ \t]+(?P<n>{_PERSON})", re.M)  # "13 - Japie Mulder"
SCORECARD = re.compile(rf"(?<![\w.])(?:c|b|st|lbw[ \t]+b|c[ \t]+&[ \t]+b)[ \t]+(?P<n>{_PERSON})(?=[ \t]+(?:b[ \t]|\d))")
SCORER_ANCHOR = re.compile(r"\d(?:st|nd|rd|th)\b")
SQUAD_ANCHOR = re.compile(r"\d[ \t]+-[ \t]+[A-Z]")
SCORECARD_ANCHOR = re.compile(r"(?<![\w.])(?:c|b|st|lbw)[ \t]+[A-Z]")
LINE_WORDS = re.compile(r"[a-z]+(?:-[a-z]+)*|\d")
WIN_WORDS = "win|victory|defeat|loss|draw|winners|losers|triumph|success"
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "in", "on", "for", "to", "at", "by", "with"}  # "T. The": no name
FIXTURE_LINE_WORDS = {"of", "de", "la", "del", "and", "or", "at", "v", "vs", "postponed", "abandoned", "pm", "am",
                      "points", "pts"}


@dataclass
class _Rules:
    fixture: re.Pattern
    beat: re.Pattern
    drew: re.Pattern
    win_at: re.Pattern
    role: re.Pattern
    team_noun: re.Pattern
    cue_before: re.Pattern
    cue_after: re.Pattern
    cue_tail: re.Pattern
    outlet_name: re.Pattern
    desk: re.Pattern
    slug: re.Pattern
    anchors: dict[str, set[str]]  # a word a line must have before a pattern that starts at any name runs on it


_compiled: dict[int, tuple[Lexicon, _Rules]] = {}


def _firsts(phrases: set[str]) -> set[str]:
    """The first words of `phrases` ("held" of "held off"): what a line's words are tested against."""
    return {p.split()[0].rstrip(".") for p in phrases if p.strip()}


def _alt(words: set[str]) -> str:
    """Longest first, any spacing inside; an empty list matches nothing (a user's file may leave one out)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _rules(lex: Lexicon) -> _Rules:
    """The cue patterns of one lexicon, compiled once."""
    hit = _compiled.get(id(lex))
    if hit and hit[0] is lex:
        return hit[1]
    c = lex.cues
    score = (r"(?:by[ \t]+)?(?P<score>\d{1,3}-\d{1,3})|by[ \t]+(?:an[ \t]+innings|\w+[ \t]+(?:runs|wickets|goals|"
             r"points|tries|strokes|shots|lengths))")  # "beat Somerset by an innings", "by nine wickets"
    r = _Rules(
        fixture=re.compile(rf"(?:(?P<a>{NAME})[ \t]+)?(?:{_alt(c.get('fixture_words', set()))})[ \t]+(?P<b>{NAME})"),
        beat=re.compile(rf"(?P<a>{NAME})(?:[ \t]+{_BRACKET})?[ \t]+(?:{_alt(c.get('score_verbs', set()))})[ \t]+"
                        rf"(?:the[ \t]+)?(?P<b>{NAME})(?:[ \t]+{_BRACKET})?,?[ \t]+(?:{score})"),
        team_noun=re.compile(rf"\b(?:{_alt(c.get('team_nouns', set()))})[ \t]+(?P<b>{NAME})"),
        role=re.compile(rf"(?P<a>{NAME})(?:'s|\u2019s)?[ \t]+(?:{_alt(c.get('team_roles', set()))})[ \t]+[A-Z]"),
        drew=re.compile(rf"(?P<a>{NAME})[ \t]+(?:{_alt(c.get('draw_verbs', set()))})[ \t]+(?:{score})"
                        rf"(?:[ \t]+(?:with|to|against|at|over)[ \t]+(?:the[ \t]+)?(?P<b>{NAME}))?"),
        win_at=re.compile(rf"(?:(?P<pre>\d{{1,3}}-\d{{1,3}})[ \t]+(?:\w+[ \t]+)?)?(?:{WIN_WORDS})[ \t]+"
                          rf"(?:at|over|against|to|with|by)[ \t]+(?:the[ \t]+)?(?P<b>{NAME})"
                          rf"(?(pre)|[ \t]+\d{{1,3}}-\d{{1,3}})"),  # "3-0 win at Everton", "loss to X 2-1"
        cue_before=re.compile(rf"\b(?:{_alt(c.get('outlet_cues', set()))})[ \t]+$"),
        cue_after=re.compile(rf"[ \t]+(?:{_alt(c.get('outlet_cues', set()))})\b"),
        cue_tail=re.compile(rf"(?:[ \t]+(?:{_alt(c.get('outlet_cues', set()))}))+$"),
        outlet_name=re.compile(rf"\b(?:{_alt(c.get('outlet_words', set()))})[ \t]+(?P<n>{NAME})"),
        desk=re.compile(rf"(?:[ \t]+{_WORD})?[ \t]+(?:{_alt({w.title() for w in c.get('desk_words', set())})})\b"),
        slug=re.compile(rf"^[ \t]*(?i:{_alt(c.get('sport_slugs', set()))})[ \t]*(?:[-:\u2013\u2014]|$)", re.M),
        anchors={"fixture": _firsts(c.get("fixture_words", set())), "innings": set("0123456789"),
                 "beat": _firsts(c.get("score_verbs", set())), "drew": _firsts(c.get("draw_verbs", set())),
                 "win_at": set(WIN_WORDS.split("|")), "role": _firsts(c.get("team_roles", set())),
                 "team_noun": _firsts(c.get("team_nouns", set()))},
    )
    _compiled[id(lex)] = (lex, r)
    return r


def relabel(text: str, found: list[dict], lex: Lexicon) -> list[dict]:
    """`found` with sport sides, list persons, outlets and slugs put right (sorted by offset).

    `text`: the article as written, not the model's truecased text ("DETROIT 4 Kansas City 1" is no headline).
    """
    rules = _rules(lex)
    found = [m for m in found if not _is_slug(text, m, rules, lex) and not _is_event(m, lex)]
    found = _outlets(text, found, rules, lex)
    found = _caps_lines(text, found, lex)
    found = _teams(text, found, rules, lex)
    found = _list_persons(text, found, lex)
    return sorted(found, key=lambda m: m["start"])


def _is_slug(text: str, m: dict, rules: _Rules, lex: Lexicon) -> bool:
    """"SOCCER - JAPAN WIN": a desk word opening a line."""
    line_start = text.rfind("\n", 0, m["start"]) + 1
    return (key(m["text"]) in lex.cues.get("sport_slugs", set()) and not text[line_start:m["start"]].strip()
            and bool(rules.slug.match(text, line_start)))


def _is_event(m: dict, lex: Lexicon) -> bool:
    """"the Fed Cup", "PGA Tour victories": a competition, not an organisation."""
    words = key(m["text"]).split()
    heads = lex.cues.get("event_heads", set())
    return m["label"] == "ORG" and len(words) >= 2 and (words[-1] in heads or " ".join(words[-2:]) in heads)


def _caps_lines(text: str, found: list[dict], lex: Lexicon) -> list[dict]:
    """"ENGLAND BEAT MOLDOVA IN": in a line in capitals the model runs names into verbs. Cut a mention at words the
    article writes in lower case (or common words); known places inside stay whole ("SOUTH AFRICA")."""
    lower_seen: set[str] | None = None
    verbs = lex.cues.get("score_verbs", set()) | lex.cues.get("draw_verbs", set())
    out = []
    for m in found:
        line_start = text.rfind("\n", 0, m["start"]) + 1
        line_end = text.find("\n", m["end"])
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        words = list(re.finditer(r"\S+", m["text"]))
        if len(words) < 2 or not m["text"].isupper() or not line.isupper():
            out.append(m)
            continue
        if lower_seen is None:
            lower_seen = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))
        runs: list[tuple[int, int, str | None]] = []  # (start, end, label from the gazetteer)
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 3), i, -1):  # a known place first: "SOUTH AFRICA", "SAN MARINO"
                k = key(m["text"][words[i].start():words[j - 1].end()])
                if k in lex.places or k in lex.demonyms:
                    label = "NORP" if k in lex.demonyms else lex.places[k][1]
                    runs.append((words[i].start(), words[j - 1].end(), label))
                    i = j
                    break
            else:
                w = words[i].group().lower()
                if not (w in lower_seen or w in lex.common or w in verbs):
                    if runs and runs[-1][2] is None and runs[-1][1] == words[i].start() - 1:
                        runs[-1] = (runs[-1][0], words[i].end(), None)
                    else:
                        runs.append((words[i].start(), words[i].end(), None))
                i += 1
        if len(runs) == 1 and runs[0][:2] == (0, len(m["text"])):
            out.append(m)
            continue
        for a, b, label in runs:
            out.append({"start": m["start"] + a, "end": m["start"] + b, "text": m["text"][a:b],
                        "label": label or m["label"]})
    return out


# ---------------------------------------------------------------- teams


def _teams(text: str, found: list[dict], rules: _Rules, lex: Lexicon) -> list[dict]:
    sides, players, before_role, venues = _sides(text, {(m["start"], m["end"]): m["label"] for m in found}, rules, lex)
    teams: set[str] = set()
    for (s0, e0), sure in sorted(sides.items()):
        s, e = _trim(text, s0, e0, lex)
        name = text[s:e]
        same = [m for m in found if m["start"] == s and m["end"] == e]
        if e <= s or _nation(name, lex) or WEEKDAY_MONTH.fullmatch(name.split()[0]) \
                or WEEKDAY_MONTH.fullmatch(name.split()[-1]):
            continue  # a national side is written as its country; "August 7 (Xinhua)", "Posted April 17": dates
        if same and (same[0]["label"] == "PERSON" and not sure or same[0]["label"] == "NORP"):
            continue  # a person the model knows stays one
        if (s0, e0) in before_role and sum(s <= m["start"] and m["end"] <= e for m in found) > 1:
            continue  # "Qantas' India manager": two names the model kept apart are no one side
        if any(m["label"] == "PERSON" and m["start"] <= s and e <= m["end"] and (m["start"], m["end"]) != (s, e)
               and not re.search(r"\d", m["text"]) for m in found):
            continue  # inside a person's name ("Stuart Law")
        found = [m for m in found if not (m["start"] < e and s < m["end"])]
        found.append({"start": s, "end": e, "text": name, "label": "ORG", "rule": "team"})
        teams.add(name)
        first = re.match(rf"{_WORD}(?:[ \t]{_WORD})?(?=[ \t]{_WORD})", name)
        if first and lex.places.get(key(first.group()), ("", "", None))[2]:  # "Boston" of "Boston Celtics"
            teams.add(first.group())
    sport = len(teams) >= SPORT_ARTICLE_TEAMS
    teams |= _short_names(found, teams, lex)
    found.extend(_unseen(text, found, teams, "ORG"))
    taken = [(m["start"], m["end"]) for m in found]
    found.extend({"start": s, "end": e, "text": text[s:e], "label": "GPE"} for s, e in venues
                 if not any(a < e and s < b for a, b in taken) and key(text[s:e]) in lex.places)
    for m in found:  # "Boston has won six straight": the article's team, written alone
        if (m["start"], m["end"]) in venues:
            m["label"] = "GPE" if m["label"] in ("ORG", "PERSON") else m["label"]
        elif teams and m["label"] == "ORG" and m.get("rule") != "team" \
                and key(m["text"]).rsplit(" ", 1)[-1] in lex.cues.get("venue_words", set()) and " " in m["text"]:
            m["label"] = "FAC"  # "the National Tennis Centre", "Ellis Park": where a match is played (in sport only:
            # the "Southern Poverty Law Center" is an organisation)
        elif (m["text"] in teams and m["label"] in ("GPE", "LOC", "PERSON", "NORP", "FAC", "ORG")
              or sport and m["label"] == "GPE" and not _nation(m["text"], lex)) \
                and not re.search(r"\b(?i:in|at|near|outside)[ \t]+$", text[max(0, m["start"] - 8):m["start"]]) \
                and not _dateline_like(text, m):
            m.update(label="ORG", rule="team")
    for s, e in players:  # "Iga Swiatek thrashed Marketa Vondrousova 6-0, 6-2": persons
        s, e = _trim(text, s, e, lex)
        for m in found:
            if (m["start"], m["end"]) == (s, e) and m["label"] == "ORG" and " " in m["text"] \
                    and not _company_like(m["text"], lex):
                m["label"] = "PERSON"
    return found


def _short_names(found: list[dict], teams: set[str], lex: Lexicon) -> set[str]:
    """"The Chiefs", "Rotor": a team's name without its place ("Kansas City Chiefs", "Rotor Volgograd"), when what is
    left is no common word, place or nation ("City" of "Manchester City", "Munich" of "Bayern Munich" are not)."""
    places = {m["text"] for m in found if m["label"] in ("GPE", "LOC")}
    short = set()
    for t in teams:
        words = t.split()
        cuts = [" ".join(words[-n:]) for n in (1, 2) if len(words) > n]
        if len(words) == 2 and (key(words[-1]) in lex.places or words[-1] in places):
            cuts.append(words[0])
        for cut in cuts:
            k = key(cut)
            if k not in lex.common and k not in lex.places and not _nation(cut, lex) and cut[:1].isupper() \
                    and not WEEKDAY_MONTH.fullmatch(cut.split()[-1]):
                short.add(cut)
    return short


def _unseen(text: str, found: list[dict], names: set[str], label: str) -> list[dict]:
    """Whole-word occurrences of `names` that no mention holds, as mentions with `label`, longest names first."""
    taken = [(m["start"], m["end"]) for m in found]
    out = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append({"start": m.start(), "end": m.end(), "text": name, "label": label, "rule": "team"})
                taken.append(m.span())
    return out


def _sides(text: str, found_label: dict[tuple[int, int], str], rules: _Rules,
           lex: Lexicon) -> tuple[dict[tuple[int, int], bool], list[tuple[int, int]], set[tuple[int, int]], set]:
    """Spans the shapes name as sides (-> sure: over the model's "person"), players of set-score matches, sides
    before a role word, and venues ("KANSAS CITY AT DETROIT", "Chester-le-Street : Glamorgan 259")."""
    sides: dict[tuple[int, int], bool] = {}
    players: list[tuple[int, int]] = []
    before_role: set[tuple[int, int]] = set()  # where the model's splits are kept ("Qantas' India manager")
    venues = {m.span("venue") for m in AT_LINE.finditer(text)}
    rows = [m.span("a") for m in STANDING.finditer(text)]
    table_of_teams = sum(found_label.get(r) == "PERSON" for r in rows) * 2 < len(rows)  # golf tables list persons
    for pat, sure in ((RESULT, True), (STANDING, table_of_teams), (AT_LINE, False)):
        for m in pat.finditer(text):
            span = m.span("a")
            sides[span] = sides.get(span, False) or sure or pat is STANDING and " " not in m.group("a")
            if pat is RESULT:
                sides[m.span("b")] = True
    for line in re.finditer(r"[^\n]+", text):
        found_here = False
        words = set(LINE_WORDS.findall(line.group().lower()))
        for name, pat in (("fixture", rules.fixture), ("innings", INNINGS), ("beat", rules.beat), ("drew", rules.drew),
                          ("win_at", rules.win_at), ("role", rules.role), ("team_noun", rules.team_noun)):
            if not rules.anchors[name] & words:
                continue
            if pat in (rules.fixture, INNINGS) and _prose(line.group(), lex):
                continue  # "the Roe v Wade decision", "On March 3, ...": running text, not a fixture or score list
            for m in pat.finditer(line.group()):
                sets = "score" in m.groupdict() and m.group("score") and SET_SCORE.match(line.group(), m.end("score"))
                for g in ("a", "b"):
                    if not (g in m.groupdict() and m.group(g)):
                        continue
                    for span in _parts(text, line.start() + m.start(g), line.start() + m.end(g), lex):
                        if sets:
                            players.append(span)
                            continue
                        found_here = found_here or pat is not rules.role and pat is not rules.team_noun
                        prefix = line.group()[:m.start(g)]
                        one_word = " " not in text[span[0]:span[1]]
                        sure = pat is INNINGS and one_word and prefix.count("(") <= prefix.count(")") \
                            or pat in (rules.role, rules.beat, rules.drew, rules.win_at) and one_word \
                            or pat is rules.team_noun
                        # "Kent 108-3" (not "( Simmons 4-38 )"), "Surrey all-rounder Adam Hollioake", "side Nice",
                        # "Houston edged Seattle 2-1" (a player's match has set scores)
                        sides[span] = sides.get(span, False) or sure
                        if pat is rules.role:
                            before_role.add(span)
        venue = VENUE.match(line.group())
        if found_here and venue:
            venues.add((line.start() + venue.start("venue"), line.start() + venue.end("venue")))
    return sides, players, before_role, venues


def _prose(line: str, lex: Lexicon) -> bool:
    """Whether a line is running text: a lower-case word outside brackets that no fixture list has."""
    words = re.findall(r"(?<![\w-])[a-z]+(?![\w-])", re.sub(r"\([^()]*\)", " ", line))
    return any(w not in FIXTURE_LINE_WORDS and w not in lex.cues.get("fixture_words", set()) for w in words)


def _dateline_like(text: str, m: dict) -> bool:
    """"NEW YORK 1996-08-30", "BOSTON (AP) —": a place opening a line before a date, agency or dash."""
    line_start = text.rfind("\n", 0, m["start"]) + 1
    return not text[line_start:m["start"]].strip() and bool(re.match(r"[ \t]*(?:,|\(|[-\u2013\u2014]|\d{4}-\d\d)",
                                                                     text[m["end"]:m["end"] + 12]))


def _parts(text: str, s: int, e: int, lex: Lexicon) -> list[tuple[int, int]]:
    """"Blackburn and Southampton skipper": two sides (but "Trinidad and Tobago" is one nation)."""
    if _nation(text[s:e], lex):
        return [(s, e)]
    out, pos = [], s
    for m in re.finditer(r"[ \t]+(?:and|&)[ \t]+", text[s:e]):
        out.append((pos, s + m.start()))
        pos = s + m.end()
    return [*out, (pos, e)]


def _nation(name: str, lex: Lexicon) -> bool:
    """A country, a nationality or a place fielding national sides ("Wales"): never a club."""
    k = key(name)
    return bool(lex.country_of(name)) or k in lex.demonyms or k in lex.cues.get("sport_nations", set())


def _trim(text: str, s: int, e: int, lex: Lexicon) -> tuple[int, int]:
    """A side without a leading "The", a trailing "'s", joiner or full stop ("Zeleznik ( B )" stays whole)."""
    name = text[s:e]
    lead = re.match(r"(?:The|THE)[ \t]+", name)
    if lead:
        s += lead.end()
    tail = re.search(r"(?:[ \t]+(?:of|de|la|del|di|da|do|du|los|las|el|al|and|&)|'s|\u2019s)+$", text[s:e])
    if tail:
        e = s + tail.start()
    if text[s:e].endswith(".") and re.search(r"[a-z]{2}\.$", text[s:e]):
        e -= 1  # "drew 1-1 with Aston Villa." (but "F.P." and "Co." keep theirs)
    home = re.search(r"[ \t]+of[ \t]+([^\n]+)$", text[s:e])
    if home and _nation(home.group(1), lex):
        e = s + home.start()  # "Benetton of Italy beat Dinamo of Russia"
    return s, e


# ---------------------------------------------------------------- lists of persons


def _list_persons(text: str, found: list[dict], lex: Lexicon) -> list[dict]:
    """Rows naming a country in brackets are alike; "S. Jayasuriya" is a person; so are scorers with their minute
    ("Cosmin Contra ( 31st )"), shirt or seed numbers ("13 - Japie Mulder") and a scorecard's fielders and bowlers
    ("st Kaluwitharana b Chandana")."""
    rows = [m for m in found if (b := re.match(r"[ \t]*\([ \t]*([^()\n]{2,30}?)[ \t]*\)", text[m["end"]:m["end"] + 40]))
            and lex.country_of(b.group(1)) and not lex.country_of(m["text"])]
    persons = sum(m["label"] == "PERSON" for m in rows)
    if persons >= 2 and persons >= PERSON_ROW_SHARE * len(rows):
        for m in rows:
            if m["label"] == "ORG" and not _company_like(m["text"], lex):
                m["label"] = "PERSON"
    for m in found:
        if m["label"] == "ORG" and INITIAL_NAME.fullmatch(m["text"]) and not _company_like(m["text"], lex) \
                and not any(key(w) in FUNCTION_WORDS for w in m["text"].split()[1:]):
            m["label"] = "PERSON"
    spans = {m.span("n") for pat, anchor in ((SCORER, SCORER_ANCHOR), (SQUAD, SQUAD_ANCHOR),
                                             (SCORECARD, SCORECARD_ANCHOR))
             if anchor.search(text) for line in re.finditer(r"[^\n]+", text) if anchor.search(line.group())
             for m in pat.finditer(text, line.start(), line.end())}
    for s, e in sorted(spans):
        s, e = _trim(text, s, e, lex)
        if e <= s or _nation(text[s:e], lex) or key(text[s:e]) in lex.places or WEEKDAY_MONTH.match(text[s:e]) \
                or any(key(w) in FUNCTION_WORDS or key(w) in lex.common for w in text[s:e].split()):
            continue  # "The 11th U.S. Circuit"
        same = [m for m in found if (m["start"], m["end"]) == (s, e)]
        if same:
            if same[0]["label"] in ("ORG", "GPE", "LOC") and same[0].get("rule") != "team":
                same[0]["label"] = "PERSON"
        elif not any(m["start"] < e and s < m["end"] for m in found):
            found.append({"start": s, "end": e, "text": text[s:e], "label": "PERSON"})
    return found


def _company_like(name: str, lex: Lexicon) -> bool:
    words = key(name).split()
    return (key(name) in lex.places or name in lex.outlets
            or any(w.rstrip(".") in lex.company_suffixes or w in lex.company_suffixes or w in lex.fragments
                   or w in lex.places for w in words[1:]))


# ---------------------------------------------------------------- the press


def _outlets(text: str, found: list[dict], rules: _Rules, lex: Lexicon) -> list[dict]:
    out = []
    for m in found:
        s, e = m["start"], m["end"]
        after = rules.cue_after.match(text, e)
        cut = rules.cue_tail.search(m["text"]) if m["label"] == "ORG" else None
        if cut and cut.start() > 0:  # "PAP news agency": the name is PAP
            m = m | {"end": s + cut.start(), "text": m["text"][:cut.start()]}
            e, after = m["end"], cut
        desk = rules.desk.match(text, e) if m["label"] in ("GPE", "LOC", "ORG") else None
        if desk:  # "-- Warsaw Newsroom", "New York Energy Desk"
            m = m | {"end": desk.end(), "text": text[s:desk.end()], "label": "ORG"}
        elif key(m["text"]).rsplit(" ", 1)[-1] in lex.cues.get("desk_words", set()) and " " in m["text"]:
            m = m | {"label": "ORG"}  # "Dublin Newsroom" read as a person
        elif (after or rules.cue_before.search(text, max(0, s - 24), s) or m["text"] in lex.outlets) \
                and m["label"] in ("PERSON", "GPE", "NORP", "ORG", "FAC") and key(m["text"]) not in lex.places \
                and key(m["text"]) not in lex.demonyms:
            m = m | {"label": "ORG"}
        out.append(m)
    taken = [(m["start"], m["end"]) for m in out]
    for c in rules.outlet_name.finditer(text):  # "the daily Kommersant" the model did not tag
        s, e = _trim(text, *c.span("n"), lex)
        if e > s and not any(a < e and s < b for a, b in taken) and not WEEKDAY_MONTH.fullmatch(text[s:e]):
            out.append({"start": s, "end": e, "text": text[s:e], "label": "ORG"})
    return out
