"""Actors: entity mentions cleaned of the model's known news failures, then named canonically.

`mentions(doc, ...)` is a pure function over a Doc (ner + senter are enough): it splits
entities at paragraph breaks, peels titles off names (kept as `role`), drops determiners
and possessives, splits "Armenia's Syunik" and "Armenia-Azerbaijan", relabels places and
nationalities the model got wrong, and finds names after titles the model missed.
`canonical_names(mentions, ...)` then names every mention within its document: "Putin" joins
"Vladimir Putin", "FSB" joins "Federal Security Service", "Russia's Emergencies Ministry"
and "Emergencies Ministry of Russia" become "Russian Emergencies Ministry".
"""
from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..lexicon import UNIT_WORDS, Lexicon, key
from . import teams

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
_NAME_START = re.compile(r"(?<![\w.-])[A-Z]")  # where a name found again may begin, and what may not follow it
_WORD_GOES_ON = re.compile(r"[\w-]")
JOINERS = {"of", "for", "and", "the", "on", "in", "de", "al", "von", "der"}
ORG_JOINT = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?")
ORG_OPEN_END = re.compile(r"\s(?:for|of)(?:\sthe)?$")  # a body's name the model ended on its joint
AGE_APPOSITION = re.compile(r",\s+(?:an?\s+)?\d{1,3}(?:-year-old\b|,)")
PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "UAVs", "POWs", "NGOs": things counted, not one body
QUALIFIERS = {"national", "country's", "country\u2019s", "republic's", "state"}
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.I)


def mentions(doc: Doc, *, lex: Lexicon, skip: Iterable[tuple[int, int]] = (), text: str | None = None) -> list[dict]:
    """Actor mentions in `doc`, sorted by offset, none inside `skip` ranges.

    `text`: the article as written when the model read a truecased copy (same offsets)."""
    skip = list(skip)
    out: list[dict] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS and key(ent.text) not in lex.places:
            continue
        if any(s < ent.end_char and ent.start_char < e for s, e in skip):
            continue
        ent, label = _extend(ent, lex)
        for part in _split_paragraphs(ent):
            out.extend(_clean(part, label, lex))
    out.extend(_names_after_titles(doc, out, lex))
    out = _nationality_tails(_joined(doc, sorted(out, key=lambda m: m["start"]), lex), lex)
    out = teams.relabel(text or doc.text, out, lex)
    out.extend(_bracketed_acronyms(doc, out, skip))
    out.extend(_repeated(doc, out, lex, skip))
    out.extend(_capital_places(doc, out, lex, skip))
    out.extend(_agencies(doc, out, skip))
    out.extend(_platforms(doc, out, lex, skip))
    out.extend(_credit_lines(doc, out, skip, text or doc.text))
    out.extend(_site_names(doc, out, skip, text or doc.text))
    out = _authors(out, skip, text or doc.text)
    _aged(doc, out)
    out.sort(key=lambda m: m["start"])
    return out


def _joined(doc: Doc, found: list[dict], lex: Lexicon) -> list[dict]:
    """"[U.S. Agency] for [International Development]", "[Mine Action Agency] of the [Republic of Azerbaijan]":
    a body's name the model cut at "for" / "of" is one organisation."""
    out: list[dict] = []
    for m in found:
        prev = out[-1] if out else None
        cut_in_joint = prev is not None and ORG_OPEN_END.search(prev["text"]) is not None \
            and doc.text[prev["end"]:m["start"]] == " "  # "[Defense Ministry of the] [Nagorno Karabakh Republic]"
        if prev and prev["label"] == "ORG" and m["label"] in ("ORG", "GPE") \
                and (cut_in_joint or key(prev["text"]).rsplit(" ", 1)[-1] in lex.fragments
                     and ORG_JOINT.fullmatch(doc.text, prev["end"], m["start"])):
            out[-1] = {k: v for k, v in prev.items() if k != "owner"} | {"end": m["end"],
                                                                          "text": doc.text[prev["start"]:m["end"]]}
            continue
        out.append(m)
    return out


def _nationality_tails(found: list[dict], lex: Lexicon) -> list[dict]:
    """"to grant [Elian American] citizenship": a name the same article writes alone as a person ("Elian"),
    run into a nationality, is that person and a nationality. "Bill English" stays one name unless the
    article calls someone just "Bill" and never anyone "English"."""
    persons = {m["text"] for m in found if m["label"] == "PERSON"}
    out = []
    for m in found:
        head, _, tail = m["text"].rpartition(" ") if m["label"] == "PERSON" else ("", "", "")
        if tail[:1].isupper() and key(tail) in lex.demonyms and head.strip() in persons and tail not in persons:
            cut = m["start"] + len(m["text"]) - len(tail)
            head = head.rstrip()
            out.append({**m, "end": m["start"] + len(head), "text": head})
            out.append({"start": cut, "end": m["end"], "text": tail, "label": "NORP"})
        else:
            out.append(m)
    return out


def _bracketed_acronyms(doc: Doc, found: list[dict], skip: list[tuple[int, int]]) -> list[dict]:
    """"Kurdistan Democratic Party (KDP)": the short form in brackets after a name is that actor too."""
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    text = doc.text  # spaCy joins every token for each doc.text
    out = []
    for m in found:
        if m["label"] not in ("ORG", "GPE") or " " not in m["text"]:
            continue
        hit = re.match(r"\s*\(\s*((?:[A-Z]\.?){2,8})\s*\)", text[m["end"]:m["end"] + 16])
        if hit and _untagged(doc, m["end"] + hit.start(1), m["end"] + hit.end(1), taken):
            out.append({"start": m["end"] + hit.start(1), "end": m["end"] + hit.end(1), "text": hit.group(1),
                        "label": m["label"]})
    return out


def _repeated(doc: Doc, found: list[dict], lex: Lexicon, skip: list[tuple[int, int]]) -> list[dict]:
    """Names the model tagged once and missed later in the same article ("Alexander Lebed" ... "Lebed said"):
    every untagged occurrence of a name written exactly so, and of a full name's surname, with its label.
    Only this article's own names: nothing crosses to another article."""
    labels: dict[str, set[str]] = {}
    surnames = set()  # the naming step makes these persons whatever the model said: so does this one
    for m in found:
        labels.setdefault(m["text"], set()).add(m["label"])
        words = m["text"].split()
        if m["label"] == "PERSON" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            if name_word(key(words[-1]), lex) and key(words[-1]) not in lex.common:
                surnames.add(words[-1])
    for w in surnames:
        labels[w] = {"PERSON"}
    for t, labs in list(labels.items()):  # a headline or table in capitals: "SHEARER TO LEAD ENGLAND"
        if len(t) > 3 and not t.isupper() and len(labs) == 1:
            labels.setdefault(t.upper(), set()).update(labs)
    names = sorted((t for t, labs in labels.items() if len(labs) == 1 and re.match(r"[A-Z]", t)), key=len, reverse=True)
    if not names:
        return []
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    text = doc.text
    out = []
    for s, e in _occurrences(text, names):
        if _untagged(doc, s, e, taken) and not _inside_longer_name(doc.char_span(s, e), lex):
            out.append({"start": s, "end": e, "text": text[s:e], "label": next(iter(labels[text[s:e]]))})
    return out


def _occurrences(text: str, names: list[str]) -> Iterator[tuple[int, int]]:
    """Whole-word occurrences of capitalised `names`, the first that fits at a place winning (pass them longest
    first): what one alternation of them as a regex finds, without compiling an expression per article."""
    by_first: dict[str, list[str]] = {}
    for n in names:
        by_first.setdefault(n[0], []).append(n)
    pos = 0
    for m in _NAME_START.finditer(text):
        s = m.start()
        if s < pos:
            continue
        for n in by_first.get(text[s], ()):
            if text.startswith(n, s) and not _WORD_GOES_ON.match(text, s + len(n)):
                pos = s + len(n)
                yield s, pos
                break


def _inside_longer_name(span: Span, lex: Lexicon) -> bool:
    """"Younis" of an untagged "Waqar Younis": a capitalised word beside it on its line (no title) is more name."""
    doc = span.doc
    near = []
    if span.start > 0 and "\n" not in doc[span.start - 1].whitespace_:
        near.append(doc[span.start - 1])
    if span.end < len(doc) and "\n" not in doc[span.end - 1].whitespace_:
        near.append(doc[span.end])
    return any(t.is_title and not t.is_stop and t.lower_ not in lex.titles for t in near)


def _capital_places(doc: Doc, found: list[dict], lex: Lexicon, skip: list[tuple[int, int]]) -> list[dict]:
    """Gazetteer places and nationalities in capitals the model does not read ("ROMANIA BEAT LITHUANIA")."""
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    text = doc.text  # spaCy joins every token for each doc.text
    out = []
    for run in re.finditer(r"(?<![\w.-])[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?![\w-])", text):
        words = [(w.start() + run.start(), w.end() + run.start()) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 3), i, -1):  # longest first: "SRI LANKA" before "LANKA"
                s, e = words[i][0], words[j - 1][1]
                k = key(text[s:e])
                more = key(text[words[j][0]:words[j][1]]) if j < len(words) else ""
                if (len(k) > 3 and (k in lex.places or k in lex.demonyms) and more not in UNIT_WORDS
                        and _untagged(doc, s, e, taken)):
                    out.append({"start": s, "end": e, "text": text[s:e],
                                "label": "NORP" if k in lex.demonyms else lex.places[k][1]})
                    i = j - 1
                    break
            i += 1
    return out


def _agencies(doc: Doc, found: list[dict], skip: list[tuple[int, int]]) -> list[dict]:
    """News agencies of data/datelines.json the model does not tag ("AFP" alone on a credit line, "told
    TASS"). A name that is also a word or a common abbreviation ("Trend", "Report", "MENA": the file's
    `ambiguous_agencies`) counts only where a source is named: "told Trend", "Trend reported",
    "(AA)", alone on its line."""
    from ..datelines import USER_ENV, agency_names

    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    text = doc.text
    out: list[dict] = []
    names, ambiguous = agency_names(os.environ.get(USER_ENV) or None)
    alt = "|".join(re.escape(n) for n in names)
    for m in re.finditer(rf"(?<![\w.@/-])(?:{alt})(?![\w@/-]|\.\w)", text):
        s, e = m.span()
        if not _untagged(doc, s, e, taken + [(a["start"], a["end"]) for a in out]):
            continue
        if m.group().casefold() in ambiguous and not _as_a_source(text, s, e):
            continue
        out.append({"start": s, "end": e, "text": m.group(), "label": "ORG"})
    return out


def _platforms(doc: Doc, found: list[dict], lex: Lexicon, skip: list[tuple[int, int]]) -> list[dict]:
    """"wrote on his Facebook page", "a Telegram channel": social networks the model leaves untagged or calls
    a product."""
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    out: list[dict] = []
    for s, e in _occurrences(doc.text, sorted(lex.platforms, key=len, reverse=True)):
        span = doc.char_span(s, e)
        if span is not None and not any(t.ent_type_ in ACTOR_LABELS for t in span) \
                and not any(a < e and s < b for a, b in taken):
            out.append({"start": s, "end": e, "text": span.text, "label": "ORG"})
    return out


_CREDIT_NAME = r"[A-Z][\w.&'\u2019-]*(?:[ \t]+(?:[A-Z][\w.&'\u2019-]*|of|de|la|and))*"
CREDIT_LINE = re.compile(rf"^[ \t]*{_CREDIT_NAME}(?:[ \t]+/[ \t]+{_CREDIT_NAME}){{2,}}[ \t]*$", re.M)
SOURCE_LINE = re.compile(rf"^[ \t]*(?:Source|Sources)[ \t]*:[ \t]*(?P<n>{_CREDIT_NAME})[ \t]*\.?[ \t]*$", re.M)


def _credit_lines(doc: Doc, found: list[dict], skip: list[tuple[int, int]], text: str) -> list[dict]:
    """"Anna Petrova / Caucasus Photo Agency / ZUMA Press / LETA" (a line of three names or more, of three
    letters at least, between slashes) and "Source: Wire Daily": a photo or article credit's names the model
    leaves untagged are the agencies and outlets credited. A name it tagged keeps its label. `text`: as
    written, not truecased."""
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    spans = [sm.span("n") for sm in SOURCE_LINE.finditer(text)]
    for line in CREDIT_LINE.finditer(text):
        parts = [p for p in re.finditer(r"[^/\s][^/]*[^/\s]|[^/\s]", line.group()) if re.search(r"\w{3}", p.group())]
        if len(parts) >= 3:  # a table's "G / F G / A" heading names no one
            spans += [(line.start() + p.start(), line.start() + p.end()) for p in parts]
    out = []
    for s, e in spans:
        if _untagged(doc, s, e, taken):
            out.append({"start": s, "end": e, "text": text[s:e], "label": "ORG"})
    return out


SITE_SUFFIX = re.compile(r"\.(?:[a-z]{2,3}|[A-Z]{2,3})(?![\w.-])")  # ".am" of "News.am", ".AZ"
SITE_NAME = re.compile(r"[A-Z][\w-]+\.(?:[a-z]{2,3}|[A-Z]{2,3})")  # "Panorama.AM", "Lurer.az"
SITE_LINE = re.compile(rf"^[ \t]*{SITE_NAME.pattern}[ \t]*$", re.M)  # the page's sign-off


def _site_names(doc: Doc, found: list[dict], skip: list[tuple[int, int]], text: str) -> list[dict]:
    """Outlets named by their web address: "told News.am" (where the model tags "News", the name takes its suffix
    in; where it reads "Lurer.am" as a person, it is an outlet), and such a name alone on its line, the page's
    sign-off. Changes `found` in place; returns the new ones."""
    for m in found:
        site = SITE_SUFFIX.match(text, m["end"]) if m["label"] == "ORG" else None
        if site:
            m["end"] = site.end()
            m["text"] = text[m["start"]:m["end"]]
        elif SITE_NAME.fullmatch(m["text"]):
            m["label"] = "ORG"
    taken = [(m["start"], m["end"]) for m in found] + list(skip)
    out = []
    for line in SITE_LINE.finditer(text):
        s = line.start() + len(line.group()) - len(line.group().lstrip())
        e = line.start() + len(line.group().rstrip())
        if not any(a < e and s < b for a, b in taken):
            out.append({"start": s, "end": e, "text": text[s:e], "label": "ORG"})
    return out


_NAME_WORD = r"[A-Z][\w'\u2019-]+"
AUTHOR_FIELD = re.compile(rf"^[ \t]*(?:Author|Authors|Written by)[ \t]*:[ \t]*"
                          rf"(?P<n>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})"
                          r"(?=[ \t]*$|[ \t]*[,;|(]|[ \t]+[A-Z][a-z]+:)", re.M)


def _authors(found: list[dict], skip: list[tuple[int, int]], text: str) -> list[dict]:
    """"Author: Anna Petrova Source: Wire Daily": the name a page's author field gives is a person, whatever
    the model made of its words ("Petrova" as a nationality)."""
    for f in AUTHOR_FIELD.finditer(text):
        s, e = f.span("n")
        if any(a < e and s < b for a, b in skip):
            continue
        found = [m for m in found if not (s <= m["start"] and m["end"] <= e)]
        if not any(m["start"] < e and s < m["end"] for m in found):
            found.append({"start": s, "end": e, "text": text[s:e], "label": "PERSON"})
    return found


_SOURCE_BEFORE = re.compile(r"(?i)(?:\btold|\bto|\baccording to|\bby|\bciting|\bcited|\bquoted by|\bsource:|\()\s*$")
_SOURCE_AFTER = re.compile(r"(?i)^\s*(?:\)|reports?\b|reported\b|said\b|says\b|quoted\b|writes\b|wrote\b|"
                           r"news agency\b|agency\b|newspaper\b|correspondent\b)")


def _as_a_source(text: str, s: int, e: int) -> bool:
    """Whether the name at [s, e) stands where a news source is named, or alone on its line."""
    lo, hi = text.rfind("\n", 0, s) + 1, text.find("\n", e)
    line = text[lo: len(text) if hi < 0 else hi]
    return (line.strip(" :.-\u2013\u2014") == text[s:e] or bool(_SOURCE_BEFORE.search(text[max(lo, s - 20):s]))
            or bool(_SOURCE_AFTER.match(text[e:e + 20])))


def _untagged(doc: Doc, s: int, e: int, taken: list[tuple[int, int]]) -> bool:
    """Whether [s, e) is whole tokens the model tagged nothing on and no mention holds."""
    span = doc.char_span(s, e)
    return span is not None and not any(t.ent_type_ for t in span) and not any(a < e and s < b for a, b in taken)


def _extend(ent: Span, lex: Lexicon) -> tuple[Span, str]:
    """Take in what the model left out: "the national [Ministry]", "[Nagorno-Karabakh] Autonomous Region"."""
    doc, start, end, label = ent.doc, ent.start, ent.end, ent.label_
    if start > 0 and doc[start - 1].lower_ in QUALIFIERS and label == "ORG":
        start -= 1
    j = end
    while j < len(doc) and j - end < 3 and doc[j].is_title and not doc[j].ent_type_:
        j += 1
        if doc[j - 1].lower_ in UNIT_WORDS and label in ("GPE", "LOC", "ORG"):
            end, label = j, "GPE"
    return (doc[start:end], label) if (start, end) != (ent.start, ent.end) else (ent, label)


def _split_paragraphs(ent: Span) -> list[Span]:
    """An entity never runs across a line break, nor a spaced dash ("CRICKET - SRI LANKA"), nor a
    slash between names of three words or more ("Photo: Anna Petrova/Caucasus Wire": two credits;
    "AC/DC" and an all-capitals headline's "RESULTS / STANDINGS" stay one)."""
    parts, start = [], ent.start
    slashes = len(ent) - sum(t.text == "/" for t in ent) >= 3 and any(t.is_title for t in ent)
    for tok in ent:
        dash = tok.text in ("-", "--", "\u2013", "\u2014") and tok.whitespace_ and tok.i > 0 \
            and tok.doc[tok.i - 1].whitespace_
        dash = dash or (slashes and tok.text == "/")
        if "\n" in tok.text or "\n" in tok.whitespace_ or dash:
            end = tok.i if "\n" in tok.text or dash else tok.i + 1
            if end > start:
                parts.append(ent.doc[start:end])
            start = tok.i + 1
    if start < ent.end:
        parts.append(ent.doc[start:ent.end])
    return parts


def _trailing_numbers(toks: list[Token], label: str) -> list[Token]:
    """Figures are no part of a name: "J. Ratcliffe 63", "Kent 108-3" (a team's score), but "Channel 4" stays."""
    def figure(i: int) -> bool:  # "108", or the dash of "108-3"
        t = toks[i].text
        digits = any(c.isdigit() for c in t)
        return digits or (t in ("-", "/", ":") and i > 0 and any(c.isdigit() for c in toks[i - 1].text))

    n = len(toks)
    while n > 1 and figure(n - 1):
        n -= 1
    cut = len(toks) - n
    if cut and (label == "PERSON" or cut > 1 or not toks[-1].text.isdigit() or len(toks[-1].text) >= 2):
        return toks[:n]
    return toks


def _clean(span: Span, label: str, lex: Lexicon) -> list[dict]:
    toks = list(span)
    role: list[str] = []
    while toks and (toks[0].lower_ in DETERMINERS or toks[0].is_punct):
        toks.pop(0)
    if label == "PERSON" or len(toks) > 1:
        while len(toks) > 1 and _is_title(toks, lex):
            n = _title_len(toks, lex)
            if label != "PERSON" and all(t.lower_ in lex.fragments for t in toks[n:]):
                break  # "Justice Department" is a department, not a justice called "Department"
            if label == "ORG" and toks[-1].lower_ in lex.company_suffixes:
                break  # "General Motors Corp." is a company, not a general called "Motors"
            role.extend(t.text for t in toks[:n])
            toks = toks[n:]
    toks = _trailing_numbers(toks, label)
    if len(toks) > 2 and toks[-1].lower_ in lex.cues["field_labels"] and not toks[-1].whitespace_ \
            and toks[-1].i + 1 < len(toks[-1].doc) and toks[-1].nbor().text == ":":
        toks = toks[:-1]  # "Author: Anna Petrova [Source]: Wire Daily"
    while toks and (toks[-1].text in POSSESSIVE or toks[-1].is_punct):
        toks.pop()
    if len(toks) > 1 and label in ("GPE", "LOC", "ORG") and toks[-1].is_lower and toks[-1].lower_ in UNIT_WORDS:
        toks, label = toks[:-1], "GPE"  # "the Tavush region": the place is Tavush ("Autonomous Region" stays)
    if not toks or len(toks) == 1 and toks[0].lower_ in lex.time_zones:
        return []
    owner = _owner_before_title(toks, label, lex)
    if owner:
        return _make(owner, label, lex)
    out: list[dict] = []
    for i, t in enumerate(toks):  # "Armenia's Syunik": the owner is a mention of its own
        if t.text in POSSESSIVE and 0 < i < len(toks) - 1:
            owner = toks[:i]
            if lex.country_of(_text(owner)):
                out.extend(_make(owner, "GPE", lex))
                toks = toks[i + 1:]
            break
    if len(toks) >= 3 and label != "PERSON" and toks[0].text.endswith("s") and key(toks[0].text) in lex.demonyms \
            and all(t.is_title for t in toks[1:]) and not lex.country_of(_text(toks[1:])):
        return _make(toks[:1], "NORP", lex) + _make(toks[1:], "PERSON", lex)  # "the Azerbaijanis Elnur Aliyev"
    commas = [i for i, t in enumerate(toks) if t.text == ","]
    if label == "ORG" and commas and not any(t.lower_ in lex.company_suffixes or t.lower_ in ("&", "and")
                                             for t in toks[commas[-1] + 1:]):  # "Bodman, Longley & Dahl": one firm
        parts = [toks[a + 1:b] for a, b in zip([-1, *commas], [*commas, len(toks)])]
        if all(p and (p[0].is_upper or p[0].is_title) for p in parts):  # "for [The Beet, Meduza] correspondent"
            return [m for p in parts for m in _make(p, label, lex)]
    parts = _hyphen_parts(toks, lex)
    if parts:
        for p in parts:
            out.extend(_make(p, "GPE", lex))
        return out
    made = _make(toks, label, lex)
    if made and made[0]["label"] == "PERSON":
        role_text = " ".join(role) or _role_before(toks[0], lex)
        if role_text:
            made[0]["role"] = role_text
    return out + made


def _owner_before_title(toks: list[Token], label: str, lex: Lexicon) -> list[Token] | None:
    """"Kazakh Foreign" of "Kazakh Foreign Minister": the nationality before a title cut in half."""
    if label != "ORG":
        return None
    for i in range(1, len(toks)):
        head, rest = toks[:i], toks[i:]
        if lex.country_of(_text(head)) and _fragment(rest, key(_text(rest)), label, lex):
            return head
    return None


def _aged(doc: Doc, found: list[dict]) -> None:
    """"Marina Avanesyan, a 45-year-old teacher": a name given an age is a person, whatever the model said."""
    for m in found:
        if m["label"] == "ORG" and AGE_APPOSITION.match(doc.text, m["end"]):
            m["label"] = "PERSON"


def _role_before(tok: Token, lex: Lexicon) -> str | None:
    """The title written before a name: "Spokeswoman", "Prime Minister", "Minister of Emergency Situations",
    "(President) Kennedy" in a quote. Not "a spokesman for [Elian]" (a relation to the name, not its title),
    nor the "But" of "But Mr. Schwarz"."""
    doc, i = tok.doc, tok.i
    if i > 2 and doc[i - 1].text == ")":
        return _bracketed_title(doc, i - 1, lex)
    start = i
    while start > 0 and i - start < 6:
        t = doc[start - 1]
        glued = t.text == "-" and not t.whitespace_ and start > 1 and not doc[start - 2].whitespace_  # "Vice-President"
        if t.ent_type_ or "\n" in t.whitespace_ or not (t.is_title or t.lower_ in JOINERS or t.lower_ in lex.titles
                                                          or glued):
            break
        start -= 1
    if start < i and doc[i - 1].lower_ in JOINERS:
        return None
    while start < i and (doc[start].lower_ in JOINERS or doc[start].text == "-"
                         or doc[start].is_stop and doc[start].lower_ not in lex.titles):
        start += 1  # "-" of "Miami-Dade Mayor"
    words = [t.lower_ for t in doc[start:i]]
    if not any(w in lex.titles or " ".join(words[k:k + 2]) in lex.titles for k, w in enumerate(words)):
        return None
    return doc[start:i].text


def _bracketed_title(doc: Doc, close: int, lex: Lexicon) -> str | None:
    """"(President) Kennedy": a title an editor put in brackets before the name (quotes do this) is its title."""
    open_ = next((j for j in range(close - 1, max(-1, close - 5), -1) if doc[j].text == "("), None)
    if open_ is None or open_ + 1 == close:
        return None
    inner = doc[open_ + 1:close]
    return inner.text if " ".join(t.lower_ for t in inner) in lex.titles else None


def _text(toks: list[Token]) -> str:
    return toks[0].doc[toks[0].i: toks[-1].i + 1].text  # a Span's text; Doc.text rebuilds the whole text


def _is_title(toks: list[Token], lex: Lexicon) -> bool:
    return _title_len(toks, lex) > 0


def _title_len(toks: list[Token], lex: Lexicon) -> int:
    """How many leading tokens form a title ("Prime Minister", "Spokeswoman", "Gen.")."""
    for n in (3, 2, 1):
        if len(toks) > n and " ".join(t.lower_ for t in toks[:n]) in lex.titles:
            return n
    return 0


def _hyphen_parts(toks: list[Token], lex: Lexicon) -> list[list[Token]] | None:
    """'Armenia-Azerbaijan' -> two places, unless the whole is a known name."""
    if len(toks) < 3 or key(_text(toks)) in lex.places or key(_text(toks)) in lex.aliases:
        return None
    parts, cur = [], []
    for t in toks:
        if t.text == "-":
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    if len(parts) < 2 or not all(p and lex.country_of(_text(p)) for p in parts):
        return None
    return parts


def _make(toks: list[Token], label: str, lex: Lexicon) -> list[dict]:
    text = _text(toks)
    if not re.search(r"[A-Z0-9]", text[:1]) and toks[0].lower_ not in QUALIFIERS or len(text) < 2:
        return []
    if ORDINAL.fullmatch(text):
        return []  # "the 455th and 456th persons to be placed on the list": a rank, no actor
    k = key(text)
    if k.endswith(" ministries") or _fragment(toks, k, label, lex):
        return []  # "the Foreign and Defense Ministries" is several actors, none named
    if k in lex.cues["direction_words"] or PLURAL_ACRONYM.fullmatch(text) \
            or label == "ORG" and ORG_OPEN_END.sub("", k).rsplit(" ", 1)[-1] in lex.cues["document_heads"]:
        return []  # "the Southern direction", "three UAVs", "the Trilateral Statement": no actor
    label = _relabel(text, label, lex)
    m = {"start": toks[0].idx, "end": toks[-1].idx + len(toks[-1].text), "text": text, "label": label}
    if label == "ORG" and re.search(r"\bministry\b|\bministries\b", k):
        prev = "@national" if toks[0].lower_ in QUALIFIERS else _preceding_owner(toks[0], lex)
        if prev:
            m["owner"] = prev
    return [m]


def _fragment(toks: list[Token], k: str, label: str, lex: Lexicon) -> bool:
    """A piece of a title or department the model took for a name: "State" of "Secretary of State",
    "Acting Prime" of "Acting Prime Minister". "Commerce said" alone is the department: kept."""
    if label not in ("ORG", "PERSON") or k in lex.places or k in lex.aliases or k in lex.demonyms:
        return False
    words = k.split()
    if not all(w in lex.title_words or w in lex.fragments for w in words):
        return False
    if k in lex.titles and label == "ORG":
        return True
    doc, s, e = toks[0].doc, toks[0].i, toks[-1].i + 1
    if e < len(doc) and doc[e].lower_ in lex.fragments and doc[e].is_title:
        return True  # "Defense" cut from "Defense Department"
    return any(" ".join(t.lower_ for t in doc[a:b]) in lex.titles
               for a in range(max(0, s - 3), s + 1) for b in range(e, min(len(doc), e + 2) + 1) if (a, b) != (s, e))


def _relabel(text: str, label: str, lex: Lexicon) -> str:
    """Fix the model's label from the gazetteer and alias data."""
    k = key(text)
    if k in lex.demonyms:
        return "NORP"
    if k in lex.places:
        return lex.places[k][1]
    if k in lex.aliases and lex.aliases[k][1]:
        return lex.aliases[k][1]
    last = k.rsplit(" ", 1)[-1]
    if label == "ORG" and last in UNIT_WORDS and " ministry" not in k:
        return "GPE"
    if label == "PERSON" and not re.search(r"[a-z]", text) and len(text) <= 6:
        return "ORG"  # "FSB", "NATO": all-caps short forms are organisations
    return label


def _preceding_owner(tok: Token, lex: Lexicon) -> str | None:
    """The country owning a ministry from the words before it: "Russia's", "Russian", "national"."""
    doc = tok.doc
    i = tok.i - 1
    if i >= 0 and doc[i].text in POSSESSIVE and i >= 1:
        j = i - 1
        while j > 0 and doc[j - 1].is_title and not doc[j - 1].is_sent_start:
            j -= 1
        return lex.country_of(doc[j:i].text)
    if i >= 0 and doc[i].lower_ in QUALIFIERS:
        return "@national"
    if i >= 0 and lex.country_of(doc[i].text):
        return lex.country_of(doc[i].text)
    return None


def _names_after_titles(doc: Doc, found: list[dict], lex: Lexicon) -> list[dict]:
    """'Minister of Emergency Situations Andranik Piloyan': a name the model missed after a title."""
    taken = [(m["start"], m["end"]) for m in found]
    out = []
    toks = list(doc)
    i = 0
    while i < len(toks):
        n = _title_len(toks[i:i + 4], lex) if toks[i].is_title else 0
        if not n:
            i += 1
            continue
        j = i + n
        while j < len(toks) and (toks[j].is_title or toks[j].lower_ in JOINERS) and "\n" not in toks[j].whitespace_:
            j += 1
        run = toks[i + n: j]
        while run and not run[-1].is_title:
            run.pop()
        if len(run) >= 3 and not any(t.lower_ in JOINERS for t in run[-3:]):  # "Professor of Transplant Surgery"
            name = run[-2:]
            s, e = name[0].idx, name[-1].idx + len(name[-1].text)
            words = {t.lower_ for t in name}
            if (not any(s < te and ts < e for ts, te in taken)
                    and not words & (lex.common | lex.titles | set(lex.topics))
                    and not any(key(t.text) in lex.places or key(t.text) in lex.demonyms for t in name)
                    and not any(t.is_stop for t in name)):
                out.append({"start": s, "end": e, "text": doc[name[0].i: name[-1].i + 1].text, "label": "PERSON",
                            "role": doc[toks[i].i: run[-3].i + 1].text})
        i = max(j, i + 1)
    return out


# ---------------------------------------------------------------- canonical names


def ministry_name(text: str, owner: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """(country, topic) of a ministry mention; either may be None."""
    k = key(text)
    country = None
    if owner and owner != "@national":
        country = owner
    # `cand in k` first: a substring test is cheap, and most candidates are not even that
    for cand in lex.demonyms_longest_first:
        if cand in k and re.search(rf"\b{re.escape(cand)}\b", k):
            country = country or lex.demonyms[cand]
            k = re.sub(rf"\b{re.escape(cand)}\b", " ", k)
            break
    m = re.search(r"\bof (?:the )?([a-z][a-z .'-]+?)(?: for |$)", k)
    if m and lex.country_of(m.group(1)):
        country = country or lex.country_of(m.group(1))
        k = k.replace(m.group(0), " ")
    for cand, c in ((p, lex.places[p]) for p in lex.places_longest_first):
        if c[1] == "GPE" and c[2] is None and cand in k and re.search(rf"\b{re.escape(cand)}\b", k):
            country = country or c[0]
            break
    topic = None
    for phrase in lex.topics_longest_first:
        if phrase in k and re.search(rf"\b{re.escape(phrase)}\b", k):
            topic = lex.topics[phrase]
            break
    return country, topic


def ministry_label(country: str | None, topic: str, lex: Lexicon) -> str:
    """The name kcli gives a ministry no article names in full: "Emergencies Ministry of Azerbaijan". The
    country's own name, not its adjective: adjectives vary by outlet ("Azerbaijani", "Azeri"), names less."""
    if not country:
        return f"{topic} Ministry"
    return f"{topic} Ministry of {'the ' if key(country) in lex.with_the else ''}{country}"


def canonical_names(ms: list[dict], *, lex: Lexicon, home_country: str | None = None) -> list[dict]:
    """Give every mention of one document a canonical `name` (and fix its label where joining shows it).

    `home_country`: the country of the dateline's place, for "the national Emergencies Ministry".
    Ministries whose country the document never says get `ministry_topic` and no country:
    the corpus step names them. A mention named by a rule other than its own text carries
    `rule` (alias, gazetteer, demonym, surname, first name, company, ministry, team) for `--explain`.
    """
    _persons_by_surname(ms, lex)
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    full_of: dict[str, str] = {}
    offices: dict[str, set[str]] = {}
    for p in ms:
        if p["label"] == "PERSON" and len(p["text"].split()) >= 2 and not bare_surname(key(p["text"]), lex):
            full = _person_name(p["text"], lex)
            pk = person_key(full)
            full_of.setdefault(pk, full)
            office = lex.office_of(p["role"]) if p.get("role") else None
            offices.setdefault(pk, set()).update([office] if office else [])
            first, last = pk.split()[0], pk.split()[-1]
            if name_word(last, lex) and name_word(first, lex):
                by_last.setdefault(last, set()).add(pk)
                by_first.setdefault(first, set()).add(pk)
    companies = _companies(ms, lex)
    titled = _titled_surnames(ms, lex)
    for m in ms:
        k = key(m["text"])
        bare = bare_surname(k, lex)
        office = lex.office_of(m["role"]) if m.get("role") else None
        # "King Hussein" beside an untitled "Saddam Hussein": only the corpus step, knowing every title, may join;
        # and once the article names a King Hussein, an untitled "Hussein" there may be either of them
        lasts = {pk for pk in by_last.get(bare or "", ())
                 if (office in offices[pk] if office else not titled.get(bare or "", set()) - offices[pk])}
        firsts = by_first.get(k, set()) if " " not in k else set()
        if m.get("rule") == "team":  # "Valencia 3 Getafe 2": the club, though the gazetteer knows the city
            m["name"] = _tidy(m["text"])
        elif k in lex.aliases:
            m["name"], lab = lex.aliases[k]
            m["label"] = lab or m["label"]
            m["rule"] = "alias"
        elif k in lex.places:
            m["name"], m["label"] = lex.places[k][0], lex.places[k][1]
            m["rule"] = "gazetteer"
        elif m["label"] in ("GPE", "LOC", "FAC", "ORG") and lex.misspelt_place(k):
            place = lex.places[lex.misspelt_place(k)]
            m["name"], m["label"], m["rule"] = place[0], place[1], "spelling"  # "Nagorno-Karbakh"
        elif k in lex.demonyms:
            m["name"], m["label"] = lex.adjective.get(lex.demonyms[k], m["text"]), "NORP"
            m["country"] = lex.demonyms[k]
            m["rule"] = "demonym"
        elif m["label"] in ("PERSON", "NORP", "ORG") and k in companies:
            m["name"], m["label"], m["rule"] = companies[k], "ORG", "company"
        elif m["label"] == "PERSON" and not bare:
            m["name"] = _person_name(m["text"], lex)
        elif bare and len(lasts) == 1:
            m["name"], m["label"], m["rule"] = full_of[next(iter(lasts))], "PERSON", "surname"
        elif m["label"] in ("PERSON", "ORG", "NORP") and not by_last.get(bare or "") and len(firsts) == 1:
            m["name"], m["label"], m["rule"] = full_of[next(iter(firsts))], "PERSON", "first name"
        elif m["label"] == "ORG" and re.search(r"\bministry\b", k):
            country, topic = ministry_name(m["text"], m.get("owner"), lex)
            if m.get("owner") == "@national" and not country:
                country = home_country
            if topic:
                m["ministry_topic"] = topic
                if country:
                    m["country"] = country
            m["name"] = m["text"]
        else:
            m["name"] = _tidy(m["text"])
    _resolve_ministries(ms, lex)
    return ms


def _titled_surnames(ms: list[dict], lex: Lexicon) -> dict[str, set[str]]:
    """Surname -> the offices its bare, titled mentions carry ("King Hussein" -> {king})."""
    out: dict[str, set[str]] = {}
    for m in ms:
        bare = bare_surname(key(m["text"]), lex) if m["label"] == "PERSON" and m.get("role") else None
        office = lex.office_of(m["role"]) if bare else None
        if office:
            out.setdefault(bare, set()).add(office)
    return out


def _persons_by_surname(ms: list[dict], lex: Lexicon) -> None:
    """"Wasim Akram" tagged ORG where the article calls "Akram" a person: a plain two- or three-word name
    (no company, department or place word in it) whose last word is a person here is that person."""
    surnames = {m["text"].split()[-1] for m in ms if m["label"] == "PERSON"}
    for m in ms:
        words = m["text"].split()
        if m["label"] != "ORG" or not 2 <= len(words) <= 3 or words[-1] not in surnames:
            continue
        ks = [key(w) for w in words]
        if all(w[:1].isupper() and not w.isupper() for w in words) and key(m["text"]) not in lex.aliases \
                and not any(k in lex.company_suffixes or k in lex.fragments or k in JOINERS or k in lex.places
                            or k in lex.demonyms or k in lex.titles for k in ks):
            m["label"] = "PERSON"


def name_word(word: str, lex: Lexicon) -> bool:
    """Whether a word can be a person's first or last name key: places and nationalities never are."""
    return word not in lex.places and word not in lex.demonyms and word not in lex.titles


def bare_surname(k: str, lex: Lexicon) -> str | None:
    """The surname a name key is when it has no first name: "castro", "bin laden" -> "laden"."""
    words = k.split()
    if len(words) == 1:
        return words[0]
    return words[-1] if len(words) <= 3 and words[0] in lex.particles else None


def _companies(ms: list[dict], lex: Lexicon) -> dict[str, str]:
    """Names this document writes with a company suffix ("Magna International Inc."): the name and its
    leading words ("Magna International", "Magna"; "Anheuser" of "Anheuser-Busch Cos.") -> the company."""
    suffixes = {w.rstrip(".") for w in lex.company_suffixes}
    out: dict[str, str] = {}
    for m in ms:
        words = key(m["text"]).split()
        if m["label"] == "ORG" and len(words) >= 2 and words[-1].rstrip(".,") in suffixes:
            bases = [" ".join(words[:n]).rstrip(",") for n in range(len(words) - 1, 0, -1)]
            for base in bases + bases[-1].split("-")[:1]:  # "Anheuser" of "Anheuser-Busch Cos."
                if name_word(base, lex):
                    out.setdefault(base, _tidy(m["text"]))
    return out


def person_key(name: str) -> str:
    """First and last name: "James C. Kopp", "James Charles Kopp" and "James Kopp" are one person."""
    words = key(name).split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else key(name)


def _person_name(text: str, lex: Lexicon) -> str:
    k = key(text)
    return lex.aliases[k][0] if k in lex.aliases else _tidy(text)


def _tidy(text: str) -> str:
    """The name as written, spacing folded: never re-cased, so a name is always text some article has."""
    return re.sub(r"\s+", " ", text).strip()


def _resolve_ministries(ms: list[dict], lex: Lexicon) -> None:
    """A bare "Emergencies Ministry" is the nearest one before it (else after) whose country is said."""
    minis = [m for m in ms if m.get("ministry_topic")]
    for i, m in enumerate(minis):
        if m.get("country"):
            continue
        before = [x for x in minis[:i] if x.get("country") and x["ministry_topic"] == m["ministry_topic"]]
        after = [x for x in minis[i + 1:] if x.get("country") and x["ministry_topic"] == m["ministry_topic"]]
        src = before[-1] if before else (after[0] if after else None)
        if src:
            m["country"] = src["country"]
            m["country_inferred"] = True
    for m in minis:
        if m.get("country"):
            m["name"] = ministry_label(m["country"], m["ministry_topic"], lex)
            m["rule"] = "ministry"  # "Azerbaijan's" / "Azerbaijani" / "of Azerbaijan" + topic: one ministry
