"""Who said what: direct quotes and reported speech, each with its speaker, from one article.

`extract(text, sentences, mentions, ...)` is pure: it needs the text, the sentence spans of the
`senter` and the actor mentions of the record (offsets, label, in-article name, role), not a parse.
It finds quoted stretches in every mark style ("…" “…” «…» ‘…’, quotes running over paragraphs),
attributes them to a speaker by a reporting cue next to them ("…," the diplomat said. / X told
TASS: "…"), then finds reported speech ("X said (that) …", "…, X said.", "According to X, …").
A speaker named by a pronoun or a description ("he", "the spokeswoman", "the Russian diplomat",
"the ministry's press service") resolves to a compatible actor named earlier in the article: by
gender, nationality and role words where the text shows them, else unresolved (null).
Word lists live in data/quotes.json.
"""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..lexicon import DATA, Lexicon

PAIRS = {'"': '"', "\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019", "\u201e": "\u201c"}
QUOTE_CHARS = set(PAIRS) | set(PAIRS.values())
ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|[A-Z])\."
TOKEN = re.compile(rf"{ABBREVIATIONS}|\w+(?:[-.'\u2019]\w+)*(?:['\u2019]s?)?|\S")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
INDEFINITE = {"a", "an", "one", "some", "another"}
BOUNDARY = {",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "that", "and", "but", "\u2014", "\u2013", "-", "who",
            "which", "as", "when", "while", "because", "if", "after", "before", "where", "whom", "whose", "than"}
SKIP_BEFORE_CUE = {"also", "further", "later", "earlier", "then", "again", "previously", "separately", "once",
                   "reportedly", "had", "has", "have", "was", "is", "repeatedly", "recently", "already", "subsequently"}
CLAUSE_STOP_WORDS = {"and", "but", "or", "its", "his", "her", "their", "our", "my", "your", "to", "about", "for", "of",
                     "with", "by", "on", "in", "at", "from", "into", "him", "them", "me", "us", "no", "nothing",
                     "goodbye", "hello"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
CONTINUATION_MIN_WORDS = 4
MAX_NP = 12  # tokens a speaker's noun phrase may have


@dataclass(frozen=True)
class Words:
    """The word lists of data/quotes.json, as sets."""

    cues: frozenset[str]
    object_cues: frozenset[str]
    according_to: tuple[str, ...]
    person_nouns: frozenset[str]
    plural: frozenset[str]
    org_nouns: frozenset[str]
    org_parts: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    generic: frozenset[str]
    synonyms: dict[str, frozenset[str]]
    adverbials: frozenset[str]
    finite: frozenset[str]
    pronouns: dict[str, str]
    that_only: frozenset[str]
    documents: frozenset[str]
    generic_orgs: frozenset[str]
    cue_first: frozenset[str]  # first words of the cues: most tokens are rejected by one set lookup


@lru_cache(maxsize=1)
def words() -> Words:
    d = json.loads((DATA / "quotes.json").read_text(encoding="utf-8"))
    fs = lambda k: frozenset(w.lower() for w in d.get(k, []))  # noqa: E731
    return Words(cues=fs("cues"), object_cues=fs("object_cues"), according_to=tuple(d.get("according_to", [])),
                 person_nouns=fs("person_nouns"), plural=fs("plural_speakers"), org_nouns=fs("org_nouns"),
                 org_parts=fs("org_parts"), female=fs("female"), male=fs("male"), generic=fs("generic_roles"),
                 synonyms={k: frozenset(v) for k, v in d.get("role_synonyms", {}).items()},
                 adverbials=fs("adverbials"), finite=fs("finite"), pronouns=dict(d.get("pronouns", {})),
                 that_only=fs("that_only_cues"), documents=fs("document_nouns"),
                 generic_orgs=fs("generic_org_nouns"), cue_first=frozenset(c.split()[0] for c in fs("cues")))


# ---------------------------------------------------------------- quotation marks


MARKS = re.compile("[" + re.escape("".join(QUOTE_CHARS)) + "\n]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted stretch's content, marks excluded; a quote left open at a paragraph's end
    runs on when the next paragraph opens with a quotation mark (the news convention), else ends there."""
    out: list[tuple[int, int]] = []
    opener, start, n = None, 0, len(text)
    resume = 0
    for mark in MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if i < resume:
            continue
        if opener is None:
            if ch in PAIRS and _opens(text, i):
                opener, start = ch, i + 1
        elif ch == PAIRS[opener] and _closes(text, i, opener):
            out.append((start, i))
            opener = None
        elif ch == "\n":
            j = i
            while j < n and text[j].isspace():
                j += 1
            if not (j < n and text[j] == opener and "\n" in text[i:j]):
                out.append((start, i))
                opener = None
            else:
                resume = j + 1  # the next paragraph's opening mark continues the same quote
    if opener is not None:
        out.append((start, n))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if e > s]


def _opens(text: str, i: int) -> bool:
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "\u2018" and prev.isalnum():
        return False
    return (prev.isspace() or prev in "([{\u2014\u2013-:/,") and not nxt.isspace()


def _closes(text: str, i: int, opener: str) -> bool:
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if opener == "\u2018":  # ’ is also the apostrophe: "Azerbaijan’s" does not close a quote
        return not nxt.isalnum()
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    return s, e


# ---------------------------------------------------------------- tokens and units


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str


@dataclass
class Ctx:
    """One article being read: its tokens, statement units, mentions and what is known of each actor."""

    text: str
    toks: list[Tok]
    starts: list[int]
    quotes: list[tuple[int, int]]
    units: list[tuple[int, int]]
    mentions: list[dict]
    lex: Lexicon
    w: Words
    people: dict[str, dict] = field(default_factory=dict)
    out: list[dict] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # cue token indices already attributed

    def __post_init__(self) -> None:
        self.mentions = sorted(self.mentions, key=lambda m: m["start"])
        self.mention_starts = [m["start"] for m in self.mentions]
        self.quote_starts = [s for s, _ in self.quotes]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after `pos`."""
        return bisect.bisect_left(self.starts, pos)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and pos < self.quotes[i][1]

    def mention_at(self, pos: int) -> dict | None:
        i = bisect.bisect_right(self.mention_starts, pos)
        return next((m for m in self.mentions[max(0, i - 3):i] if pos < m["end"]), None)


def _units(text: str, sentences: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences as statements see them: a sentence break inside a quote is no break, a paragraph break is."""
    cuts = {e for _, e in sentences} | {m.end() for m in re.finditer(r"\n", text)}
    cuts = sorted(c for c in cuts if not any(s < c < e for s, e in quotes) and 0 < c < len(text))
    out, prev = [], 0
    for c in [*cuts, len(text)]:
        if text[prev:c].strip():
            out.append((prev, c))
        prev = c
    return out


def extract(text: str, sentences: list[tuple[int, int]], mentions: list[dict], *, lex: Lexicon,
            skip: Iterable[tuple[int, int]] = ()) -> list[dict]:
    """Statements of one article in text order: quote offsets, cue, speaker's words and the mention they resolve to.

    `mentions` need `start`, `end`, `text`, `label` and the in-article `name`; `skip` are metadata spans
    (header, dateline) the text of which is no statement.
    """
    blank = text
    for s, e in skip:
        blank = blank[:s] + re.sub(r"[^\n]", " ", blank[s:e]) + blank[e:]
    # ``Penn Treebank style'' quotes read as curly ones (same length, so offsets hold)
    blank = blank.replace("``", " \u201c").replace("''", "\u201d ")
    quotes = quote_spans(blank)
    toks = [Tok(m.start(), m.end(), m.group(), m.group().lower().replace("\u2019", "'"))
            for m in TOKEN.finditer(blank)]
    ms = [m for m in mentions if m.get("source") != "dateline"]
    ctx = Ctx(blank, toks, [t.start for t in toks], quotes, _units(blank, sentences, quotes), ms, lex, words())
    ctx.people = _people(ctx)
    for unit in ctx.units:  # in text order, so a pronoun or description can look back at earlier speakers
        for q in ctx.quotes:
            if unit[0] <= q[0] < unit[1]:
                row = _direct(ctx, q) or _continuation(ctx, q)
                if row:
                    ctx.out.append(row)
        _reported(ctx, unit)
    ctx.out.sort(key=lambda r: r["start"])
    for r in ctx.out:
        r.pop("np_start", None)
    return ctx.out


# ---------------------------------------------------------------- direct quotes


def _unit_of(ctx: Ctx, pos: int) -> tuple[int, int]:
    return next(((s, e) for s, e in ctx.units if s <= pos < e), (pos, pos))


def _direct(ctx: Ctx, q: tuple[int, int]) -> dict | None:
    """A quoted stretch with a cue after it ("…," X said) or before it (X said: "…")."""
    qs, qe = q
    us, ue = _unit_of(ctx, qs)
    close = qe
    while close < len(ctx.text) and ctx.text[close] not in QUOTE_CHARS and close - qe < 3:
        close += 1
    close += 1  # past the closing mark
    before = ctx.text[us:qs - 1]
    before_stripped = before.strip().rstrip("\u2014\u2013-").strip()
    prev_q = [e for s, e in ctx.quotes if us <= e < qs]
    if prev_q:
        before_stripped = ctx.text[prev_q[-1] + 1:qs - 1].strip(" ,.\u201d\u201c\"»«")
    pre = _pre_attribution(ctx, us if not prev_q else prev_q[-1] + 1, qs - 1)
    if pre:
        return _row(ctx, qs, qe, True, pre, (us, ue))
    if before_stripped and not before_stripped.endswith(":"):
        return None  # a quoted phrase inside a sentence: reported speech reads the sentence
    post = _post_attribution(ctx, close, ue, qs, qe)
    if post:
        return _row(ctx, qs, qe, True, post, (us, ue))
    return None


def _pre_attribution(ctx: Ctx, us: int, mark: int) -> dict | None:
    """X said: "…" / X told reporters, "…" / X said that "…" / According to X, "…"."""
    i0, i1 = ctx.tok_at(us), ctx.tok_at(mark)
    toks = ctx.toks[i0:i1]
    if not toks or toks[-1].text not in (":", ",") and toks[-1].low != "that":
        return None
    acc = _according(ctx, i0, i1)
    if acc and acc["cue_end"] == i1 - 1:
        return acc
    for c in range(i1 - 1, i0 - 1, -1):
        cue = _cue_at(ctx, c)
        if not cue:
            continue
        between = ctx.toks[cue[1]:i1]
        if len(between) > 9 or any(t.low in ctx.w.finite for t in between):
            return None
        sp = _speaker_before(ctx, i0, c) or _speaker_after(ctx, cue[1], i1)
        if sp:
            ctx.used.add(c)
            return {**sp, "cue": _span(ctx, c, cue[1])}
        return None
    return None


def _post_attribution(ctx: Ctx, close: int, ue: int, qs: int, qe: int) -> dict | None:
    """"…," the diplomat said / "…," said Zakharova / "…" he said as quoted by …"""
    inner = ctx.text[qs:close]
    tail = ctx.text[close:ue]
    if not re.match(r"\s*,|\s*\u2014|\s+[a-z]", tail) and not re.search(r"[,?!]\W*$", inner):
        return None
    i0, i1 = ctx.tok_at(close), ctx.tok_at(ue)
    while i0 < i1 and ctx.toks[i0].text in (",", "\u2014", "\u2013"):
        i0 += 1
    for c in range(i0, min(i1, i0 + MAX_NP + 1)):
        if ctx.toks[c].text in (".", ";", "!", "?") or ctx.in_quote(ctx.toks[c].start):
            return None
        cue = _cue_at(ctx, c)
        if not cue:
            continue
        sp = (_speaker_before(ctx, i0, c) if c > i0 else None) or _speaker_after(ctx, cue[1], i1)
        if sp:
            ctx.used.add(c)
            return {**sp, "cue": _span(ctx, c, cue[1])}
        return None
    return None


def _continuation(ctx: Ctx, q: tuple[int, int]) -> dict | None:
    """A quote that opens right after an attributed one ("…," he said. "…") goes on in the same voice."""
    qs, qe = q
    prev = [r for r in ctx.out if r["start"] < qs]
    if len(ctx.text[qs:qe].split()) < CONTINUATION_MIN_WORDS or not prev or not prev[-1]["direct"]:
        return None
    p = prev[-1]
    if ctx.text[max(p["end"], p["sentence"][1]):qs - 1].strip(" \n\"\u201d\u00bb\u2019.,"):
        return None
    return {**p, "start": qs, "end": qe, "cue": "", "cue_start": None, "sentence": list(_unit_of(ctx, qs))}


# ---------------------------------------------------------------- reported speech


def _reported(ctx: Ctx, unit: tuple[int, int]) -> None:
    """X said (that) …; …, X said; According to X, …; …, according to X."""
    us, ue = unit
    i0, i1 = ctx.tok_at(us), ctx.tok_at(ue)
    if any(us <= r["start"] < ue for r in ctx.out):
        return  # the unit's statement is a direct quote already
    acc = _according(ctx, i0, i1)
    if acc:
        a_s, a_e = acc["cue_start_tok"], acc["np_end"]
        if a_s == _first_word(ctx, i0, i1):
            clause = _clause_span(ctx, a_e, i1)
            if clause and _enough(ctx, clause):
                _add(ctx, clause, acc, unit)
            return
        n = len(ctx.out)
        _said(ctx, unit, i0, a_s)  # "X said …, according to a statement": X says it, the statement relays
        if len(ctx.out) == n:
            clause = _trimmed(ctx, us, ctx.toks[a_s].start)
            if clause and _enough(ctx, clause):
                _add(ctx, clause, acc, unit)
        return
    _said(ctx, unit, i0, i1)


def _said(ctx: Ctx, unit: tuple[int, int], i0: int, i1: int) -> None:
    """Statements of tokens i0..i1 of a unit: a closing attribution (", X said"), then "X said (that) …"."""
    us = unit[0]
    tail = _tail(ctx, i0, i1)
    end = i1
    if tail:
        comma, c, sp, cue = tail
        while True:  # "…, Zinichev said during his visit, TASS reports": the innermost one speaks, the rest relay
            inner = _tail(ctx, i0, comma)
            if not inner:
                break
            ctx.used.add(c)
            comma, c, sp, cue = inner
        ctx.used.add(c)
        end = comma
        lead = _leading_statement(ctx, i0, comma)
        if lead and not _is_person(ctx, lead[2]):
            ctx.used.add(lead[0])  # "Russia states that …, the spokeswoman said": she says it
            clause = _trimmed(ctx, ctx.toks[lead[1]].start, ctx.toks[comma].start)
        elif not lead:
            clause = _trimmed(ctx, us, ctx.toks[comma].start)
        else:
            clause = None  # a person's words relayed by a spokesperson: the loop below gives them to the person
        if clause and _enough(ctx, clause):
            _add(ctx, clause, {**sp, "cue": _span(ctx, c, cue[1])}, unit)
    last = None
    for c in range(i0, end):
        if c in ctx.used or ctx.in_quote(ctx.toks[c].start):
            continue
        cue = _cue_at(ctx, c)
        if not cue:
            continue
        sp = _shared_subject(ctx, i0, c, last) or _speaker_before(ctx, i0, c)
        aside = sp and _parenthetical(ctx, i0, sp["np_start"], cue[1], end)
        after = None if aside else _clause_after(ctx, cue[1], end, ctx.toks[c].low)
        if sp and after:
            ctx.used.add(c)
            last = _add(ctx, after, {**sp, "cue": _span(ctx, c, cue[1])}, unit)
        elif aside:
            ctx.used.add(c)  # "That, he said, is why …": the whole sentence is what he said
            clause = _trimmed(ctx, us, ctx.toks[end - 1].end)
            if clause and _enough(ctx, clause):
                last = _add(ctx, clause, {**sp, "cue": _span(ctx, c, cue[1])}, unit)


def _parenthetical(ctx: Ctx, i0: int, np_start: int, k: int, end: int) -> bool:
    k = _skip_adverbials(ctx, k, end)
    return i0 < np_start - 1 and ctx.toks[np_start - 1].text == "," and k + 1 < end and ctx.toks[k].text == ","


def _tail(ctx: Ctx, i0: int, i1: int) -> tuple[int, int, dict, tuple[int, int]] | None:
    """The attribution that ends a unit: ", X said (on Thursday)." or ", said X." — (comma, cue, speaker, cue span)."""
    for c in range(i1 - 1, i0, -1):
        cue = _cue_at(ctx, c)
        if not cue or c in ctx.used or ctx.in_quote(ctx.toks[c].start):
            continue
        if _clause_after(ctx, cue[1], i1) or any(ctx.toks[k].low == "that" for k in range(cue[1], i1)):
            return None
        if ctx.toks[c - 1].text == ",":
            sp = _speaker_after(ctx, cue[1], i1)
            comma = c - 1
            rest = ctx.tok_at(sp["speaker_end"]) if sp else i1
        else:
            sp = _speaker_before(ctx, i0, c)
            comma = sp["np_start"] - 1 if sp else -1
            rest = cue[1]
        if sp and _only_circumstances(ctx, rest, i1) and comma > i0 and ctx.toks[comma].text == "," \
                and _enough(ctx, (ctx.toks[i0].start, ctx.toks[comma].start)):
            return comma, c, sp, cue
        return None
    return None


TAIL_WORDS = {"as", "citing", "quoting", "according", "adding", "referring", "speaking", "during", "after", "before",
              "while", "when", "at", "in", "on", "amid", "following", "without", "ahead", "via", "through", "from",
              "to", "and", "but", "late", "early", "shortly", "who", "which", "where"}


def _only_circumstances(ctx: Ctx, k: int, i1: int) -> bool:
    """After a closing attribution only where and when it was said may follow ("in a statement", "as quoted
    by …", "during his visit"), not an object ("the company reported net income of …")."""
    k = _skip_adverbials(ctx, k, i1)
    if k >= i1:
        return True
    t = ctx.toks[k]
    return not t.text[0].isalnum() or t.low in TAIL_WORDS or t.low.endswith("ing")


def _leading_statement(ctx: Ctx, i0: int, end: int) -> tuple[int, int, dict] | None:
    """"Russia states that …" at the start of a clause: (cue token, first token after "that", speaker)."""
    for c in range(i0, min(end, i0 + MAX_NP)):
        cue = _cue_at(ctx, c)
        sp = _speaker_before(ctx, i0, c) if cue else None
        if sp:
            k = _skip_adverbials(ctx, cue[1], end)
            if k < end and ctx.toks[k].low == "that":
                return c, k + 1, sp
            return None
    return None


def _is_person(ctx: Ctx, sp: dict) -> bool:
    ref = sp.get("speaker_mention")
    m = ctx.mention_at(ref[0]) if ref else None
    return bool(m and m["label"] == "PERSON")


def _first_word(ctx: Ctx, i0: int, i1: int) -> int:
    while i0 < i1 and not ctx.toks[i0].text[0].isalnum():
        i0 += 1
    return i0


def _shared_subject(ctx: Ctx, i0: int, c: int, last: dict | None) -> dict | None:
    """"… confirmed that A but noted that B": B has A's speaker."""
    j = c - 1
    while j >= i0 and ctx.toks[j].low in SKIP_BEFORE_CUE:
        j -= 1
    if j < i0 or ctx.toks[j].low not in ("and", "but"):
        return None
    if last is not None:
        return {k: last[k] for k in ("speaker_text", "speaker_start", "speaker_end", "speaker_mention", "np_start")}
    first = next((m for m in ctx.mentions if ctx.toks[i0].start <= m["start"] < ctx.toks[j].start), None)
    if first is None or first["label"] not in ("PERSON", "ORG", "GPE"):
        return None  # "X called it Y and said …": X is the subject when the unit opens with X's name
    lead = ctx.toks[i0:ctx.tok_at(first["start"])]
    commas = [n for n, t in enumerate(lead) if t.text == ","]
    lead = lead[commas[-1] + 1:] if commas else lead  # "For his part, Aliyev thanked … and stressed"
    if any(not (t.text[0].isupper() or t.low in DETERMINERS or t.low in ctx.lex.titles) for t in lead):
        return None
    return _speaker(ctx, first["start"], first["end"], first, i0)


ASIDES = {"however", "though", "meanwhile", "moreover", "also", "too", "furthermore", "nevertheless", "therefore",
          "instead", "again"}
NOT_ROLE = {"by", "with", "to", "from", "at", "in", "on", "than", "about", "against", "like"}
PP_HEADS = {"in", "at", "from", "near", "on", "across", "inside", "outside", "of", "for", "with", "to", "by"}
SUBJECT_PRONOUNS = {"it", "they", "he", "she", "we", "i", "there", "both", "all", "no", "none", "some", "many"}
PREPOSITIONS = {"in", "on", "at", "during", "over", "via", "through", "to", "after", "before", "late", "early"}


def _skip_adverbials(ctx: Ctx, j: int, i1: int) -> int:
    """Past "on Thursday", "in a statement", "late on Sunday", "to reporters", "also" after a cue."""
    toks, w = ctx.toks, ctx.w
    while j < i1:
        t = toks[j]
        if t.low in PREPOSITIONS:
            j += 1
            while j < i1 and (toks[j].low in w.adverbials or toks[j].low in DETERMINERS or toks[j].low in MONTHS
                              or toks[j].text.isdigit() or toks[j].text[0].isupper()) and toks[j].low != "that":
                j += 1
        elif t.text == "," and j + 1 < i1 and toks[j + 1].low in ASIDES:
            j += 2  # said, however, that …
            if j < i1 and toks[j].text == ",":
                j += 1
        elif t.low in w.adverbials and t.low not in DETERMINERS and t.low != "that" or t.low in MONTHS \
                or t.text.isdigit():
            j += 1
        else:
            break
    return j


def _clause_after(ctx: Ctx, k: int, i1: int, cue: str = "") -> tuple[int, int] | None:
    """The reported clause after a cue: after "that" past adverbials, else (for a cue that is not also a
    verb of other things: "maintained the positions") a clause that starts at once."""
    toks = ctx.toks
    j = _skip_adverbials(ctx, k, i1)
    if j < i1 and toks[j].low == "that":
        demonstrative = j + 1 < i1 and toks[j + 1].low in ctx.w.finite  # "says that is the focus"
        return _clause_span(ctx, j if demonstrative else j + 1, i1)
    if cue in ctx.w.that_only:
        return None
    comma = j < i1 and toks[j].text == ","
    j += comma
    if j >= i1 or toks[j].low in CLAUSE_STOP_WORDS or toks[j].low in ctx.w.finite or not toks[j].text[0].isalnum():
        return None
    subject = toks[j].low in DETERMINERS | SUBJECT_PRONOUNS or toks[j].text[0].isupper() or toks[j].text[0].isdigit()
    if not _has_finite(ctx, j, min(i1, j + 14)) and not (cue and subject and not comma and i1 - j >= 4):
        return None  # after a plain "said", a subject opens the clause ("said the army only hit targets")
    return _clause_span(ctx, j, i1)


def _has_finite(ctx: Ctx, j: int, end: int) -> bool:
    """A finite verb in the words ahead, as far as words tell without a tagger: an auxiliary, a listed
    present-tense verb, or an -ed word that follows a noun-like word (not "the", not a preposition)."""
    for k in range(j, end):
        t = ctx.toks[k]
        if t.text in (".", ";") or ctx.in_quote(t.start):
            return False
        if t.low in ctx.w.finite:
            return True
        if k > j and re.fullmatch(r"[a-z]{3,}ed", t.low) and ctx.toks[k - 1].low not in DETERMINERS | \
                CLAUSE_STOP_WORDS and ctx.toks[k - 1].text.isalpha():
            return True
    return False


def _clause_span(ctx: Ctx, j: int, i1: int) -> tuple[int, int] | None:
    """From token j to the unit's end, or to a coordinated cue (", but noted that")."""
    end = i1
    for k in range(j, i1):
        t = ctx.toks[k]
        if t.low in ("and", "but") and k + 1 < i1:
            n = k + 1
            while n < i1 and ctx.toks[n].low in SKIP_BEFORE_CUE:
                n += 1
            if n < i1 and _cue_at(ctx, n) and _clause_after(ctx, _cue_at(ctx, n)[1], i1):
                end = k
                break
    if j >= end:
        return None
    return _trimmed(ctx, ctx.toks[j].start, ctx.toks[end - 1].end)


def _trimmed(ctx: Ctx, s: int, e: int) -> tuple[int, int] | None:
    text = ctx.text
    while s < e and (text[s].isspace() or text[s] in ",:;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.!?"):
        e -= 1
    # a clause that ends in a closing mark whose opener lies outside it loses the mark
    if e > s and text[e - 1] in QUOTE_CHARS and not any(ch in QUOTE_CHARS for ch in text[s:e - 1]):
        e -= 1
    return (s, e) if e > s else None


def _enough(ctx: Ctx, clause: tuple[int, int]) -> bool:
    """A reported clause is a statement, not an intro ("On March 3, the ministry said")."""
    words = re.findall(r"\w+", ctx.text[clause[0]:clause[1]])
    return len(words) >= 4


def _according(ctx: Ctx, i0: int, i1: int) -> dict | None:
    """"According to X" with X's noun phrase; any X (a document included) is a source."""
    seg = ctx.text[ctx.toks[i0].start:ctx.toks[i1 - 1].end] if i1 > i0 else ""
    for phrase in ctx.w.according_to:
        m = re.search(rf"\b{re.escape(phrase)}\b", seg, re.I)
        if not m:
            continue
        a = ctx.tok_at(ctx.toks[i0].start + m.start())
        b = ctx.tok_at(ctx.toks[i0].start + m.end())
        e = b
        while e < i1 and ctx.toks[e].text not in (",", ".", ";", ":") and e - b < MAX_NP:
            e += 1
        if e == b:
            return None
        sp = _classify(ctx, b, e) or {"speaker_text": _surface(ctx, b, e), "speaker_start": ctx.toks[b].start,
                                      "speaker_end": ctx.toks[e - 1].end, "speaker_mention": None, "np_start": b}
        return {**sp, "cue": _span(ctx, a, b), "cue_start_tok": a, "cue_end": e, "np_end": e}
    return None


# ---------------------------------------------------------------- cues and speakers


def _cue_at(ctx: Ctx, c: int) -> tuple[int, int] | None:
    """(start, end) token range of a reporting cue at token c (with its hearer: "told TASS"), or None."""
    toks = ctx.toks
    t = toks[c]
    if t.low not in ctx.w.cue_first:
        return None
    two = f"{t.low} {toks[c + 1].low}" if c + 1 < len(toks) else ""
    if two in ctx.w.cues:
        end = c + 2
    elif t.low in ctx.w.cues:
        end = c + 1
    else:
        return None
    if ctx.mention_at(t.start) or t.text[0].isupper() and not _title_line(ctx, t.start):
        return None  # "United States" does not state; "Says" only in a Title Case headline
    if t.low in ctx.w.object_cues:
        k = end
        while k < len(toks) and k - end < 5 and toks[k].low not in ("that", ",", ":", ".", "on", "in", "at",
                                                                       "during", "after", "when", "about", ";"):
            k += 1
        if k < len(toks) and toks[k].low in ("that", ",", ":", ".", "on", "in", "at", "during", "after", ";"):
            end = k
    return c, end


def _title_line(ctx: Ctx, pos: int) -> bool:
    line = ctx.text[ctx.text.rfind("\n", 0, pos) + 1:ctx.text.find("\n", pos) % (len(ctx.text) + 1)]
    words_ = re.findall(r"[A-Za-z]+", line)
    return 0 < len(words_) <= 20 and sum(w[0].isupper() for w in words_) >= 0.7 * len(words_)


def _span(ctx: Ctx, a: int, b: int) -> dict:
    return {"text": ctx.text[ctx.toks[a].start:ctx.toks[b - 1].end], "start": ctx.toks[a].start}


def _surface(ctx: Ctx, a: int, b: int) -> str:
    return ctx.text[ctx.toks[a].start:ctx.toks[b - 1].end]


def _speaker_before(ctx: Ctx, i0: int, c: int) -> dict | None:
    """The noun phrase right before a cue: "the Russian diplomat", "Maria Zakharova", "he"."""
    j = c - 1
    while j >= i0 and (ctx.toks[j].low in SKIP_BEFORE_CUE or re.fullmatch(r"[a-z]+ly", ctx.toks[j].text)):
        j -= 1
    if j > i0 and ctx.toks[j].text == ",":  # "Pashinyan, who has led …, said" / "The EU's chief, Josep Borrell, said"
        k = j - 1
        while k > i0 and ctx.toks[k].text != "," and j - k <= MAX_NP:
            k -= 1
        if k > i0 and ctx.toks[k].text == ",":
            named = _classify(ctx, k + 1, j)
            last = ctx.mention_at(ctx.toks[j - 1].start)
            if named and named["speaker_mention"] and last and last["label"] in ("PERSON", "ORG"):
                return named
            return _speaker_before(ctx, i0, k)
        return None
    end = j + 1
    k = j
    while k >= i0 and c - k <= MAX_NP and ctx.toks[k].low not in BOUNDARY and not ctx.in_quote(ctx.toks[k].start) \
            and ctx.toks[k].text not in QUOTE_CHARS:
        k -= 1
    if k + 1 >= end:
        return None
    return _classify(ctx, k + 1, end)


def _speaker_after(ctx: Ctx, k: int, i1: int) -> dict | None:
    """The noun phrase after a cue: "…," said Zakharova / said the spokeswoman."""
    e = k
    while e < i1 and e - k < MAX_NP and ctx.toks[e].low not in BOUNDARY | {"on", "in", "at", "during", "of"} \
            and ctx.toks[e].text not in QUOTE_CHARS:
        e += 1
    if e == k:
        return None
    if e + 1 < i1 and ctx.toks[e].text == ",":  # said Armenia's foreign minister, Ararat Mirzoyan, …
        m = ctx.mention_at(ctx.toks[e + 1].start)
        if m and m["label"] == "PERSON" and m["start"] == ctx.toks[e + 1].start:
            return _speaker(ctx, m["start"], m["end"], m, k)
    return _classify(ctx, k, e)


def _classify(ctx: Ctx, a: int, b: int) -> dict | None:
    """What a noun phrase before/after a cue names: an actor, a description or pronoun resolved to one,
    an unnamed speaker ("a source", "officials"), or nothing a speaker can be (None)."""
    toks, w = ctx.toks, ctx.w
    a0, head = a, toks[b - 1]
    m = ctx.mention_at(head.start)
    if m and m["start"] > toks[a].start:
        p = ctx.tok_at(m["start"]) - 1
        while p > a and toks[p].low in DETERMINERS:
            p -= 1
        before = " ".join(t.low for t in toks[max(a, p - 2):p])
        if toks[p].low in PP_HEADS and p > a and not any(part in before for part in w.org_parts):
            return _classify(ctx, a, p)  # "media reports in Tanzania", "a dealer with Warburg": not the place or firm
    if m and m["label"] in ("PERSON", "ORG", "GPE", "NORP") and m["start"] >= toks[a].start:
        if m["label"] == "PERSON":
            s, e = m["start"], m["end"]
        else:
            s = toks[a].start
            while toks[a].low in DETERMINERS and a < b - 1:
                a += 1
                s = toks[a].start
            e = m["end"]
        return _speaker(ctx, s, e, m, a0)
    if not m and b - a == 1 and head.text[:1].isupper():
        known = _surname(ctx, head.text)
        if known:  # "Pashinyan, who …, said": a surname the model missed, of the one person it names
            return _speaker(ctx, head.start, head.end, known, a0)
    dets = [i for i in range(a, b) if toks[i].low in DETERMINERS and not toks[i].low.endswith("'s")]
    if dets:
        a = dets[-1] if not any(toks[x].low.endswith("'s") for x in range(dets[-1], b)) else dets[0]
    words_ = [t.low for t in toks[a:b]]
    last1, last2 = words_[-1], " ".join(words_[-2:])
    s, e = toks[a].start, head.end
    if b - a == 1 and last1 in w.pronouns:
        kind = w.pronouns[last1]
        if kind == "PLURAL":
            return _speaker(ctx, s, e, None, a0)
        gender = "f" if last1 in w.female else "m" if last1 in w.male else None
        return _speaker(ctx, s, e, _pronoun_antecedent(ctx, s, kind, gender), a0)
    indefinite = words_[0] in INDEFINITE or _unknown_name(ctx, a, b)
    if last2 in w.org_parts or last1 in w.org_parts:
        n = 2 if last2 in w.org_parts else 1
        owner = _owner(ctx, a, b - n)
        return _speaker(ctx, s, e, owner if not indefinite else None, a0)
    if last2 in w.person_nouns or last1 in w.person_nouns or last1 in ctx.lex.titles:
        role = last2 if last2 in w.person_nouns or last2 in ctx.lex.titles else last1
        ref = None if indefinite else _description_antecedent(ctx, s, words_, role)
        return _speaker(ctx, s, e, ref, a0)
    if last1 in w.org_nouns or last1 in w.generic_orgs:
        ref = None if indefinite else _org_antecedent(ctx, s, words_, last1)
        return _speaker(ctx, s, e, ref, a0)
    if last1 in w.plural or last2 in w.plural or last1 in w.documents:
        return _speaker(ctx, s, e, None, a0)
    return None


def _surname(ctx: Ctx, word: str) -> dict | None:
    """The mention of the one person of the article whose name ends in `word`."""
    hits = {}
    for m in ctx.mentions:
        name = m.get("name") or m["text"]
        if m["label"] == "PERSON" and len(name.split()) > 1 and name.split()[-1] == word:
            hits.setdefault(name, m)
    return next(iter(hits.values())) if len(hits) == 1 else None


def _unknown_name(ctx: Ctx, a: int, b: int) -> bool:
    """"The Maariv newspaper": a description that carries a name the model did not find is no earlier actor."""
    return any(t.text[0].isupper() and not ctx.mention_at(t.start) and not ctx.lex.country_of(t.text)
               and t.low not in DETERMINERS for t in ctx.toks[a + 1:b - 1])


def _speaker(ctx: Ctx, s: int, e: int, ref: dict | None, np_start: int) -> dict:
    """Who speaks; `np_start`, the token their phrase starts at, is where a preceding clause ends."""
    return {"speaker_text": ctx.text[s:e], "speaker_start": s, "speaker_end": e,
            "speaker_mention": [ref["start"], ref["end"]] if ref else None, "np_start": np_start}


def _owner(ctx: Ctx, a: int, b: int) -> dict | None:
    """Whose press service: a named owner in the phrase, "the ministry's" resolved, else the last organisation."""
    for i in range(b - 1, a - 1, -1):
        m = ctx.mention_at(ctx.toks[i].start)
        if m and m["label"] == "ORG":
            return m
    words_ = [t.low.removesuffix("'s").removesuffix("'") for t in ctx.toks[a:b]]
    head = words_[-1] if words_ and words_[-1] in ctx.w.org_nouns else None
    return _org_antecedent(ctx, ctx.toks[a].start, words_ or ["the"], head)


# ---------------------------------------------------------------- antecedents


def _people(ctx: Ctx) -> dict[str, dict]:
    """What the article says about each person: roles, gender, nationality (from the words around the name)."""
    w, lex = ctx.w, ctx.lex
    out: dict[str, dict] = {}
    for m in ctx.mentions:
        if m["label"] != "PERSON":
            continue
        p = out.setdefault(m.get("name") or m["text"], {"roles": set(), "gender": set(), "nat": set()})
        i = ctx.tok_at(m["start"])
        desc: list[str] = []
        k = i - 2 if i > 1 and ctx.toks[i - 1].text == "," else i - 1  # "the ministry's spokesman, Aykhan Hajizada"
        while k >= 0 and i - k <= 7 and ctx.toks[k].low not in BOUNDARY - {"-"} and "\n" not in \
                ctx.text[ctx.toks[k].end:ctx.toks[k + 1].start]:
            other = ctx.mention_at(ctx.toks[k].start)
            low = ctx.toks[k].low
            if other and other["label"] == "PERSON" or low in w.cue_first or low in w.finite or low in NOT_ROLE:
                break  # "the investigator said Kopp …": the investigator is not Kopp
            desc.insert(0, low)
            k -= 1
        j = ctx.tok_at(m["end"])
        if j < len(ctx.toks) and ctx.toks[j].text == ",":
            j += 1
            while j < len(ctx.toks) and ctx.toks[j].text not in (",", ".", ";", ")") and len(desc) < 20:
                desc.append(ctx.toks[j].low)
                j += 1
        if m.get("role"):
            desc.extend(m["role"].lower().split())
        for k2, word in enumerate(desc):
            bare = word.removesuffix("'s")
            p["roles"].add(bare)
            if k2 + 1 < len(desc):
                p["roles"].add(f"{bare} {desc[k2 + 1]}")
            if word in w.female:
                p["gender"].add("f")
            elif word in w.male and word not in ("his",):
                p["gender"].add("m")
            country = lex.country_of(word)
            if country and word[:1].isalpha():
                p["nat"].add(country)
    return out


def _nationality(ctx: Ctx, words_: list[str]) -> str | None:
    return next((ctx.lex.country_of(x) for x in words_ if ctx.lex.country_of(x)), None)


def _seen(ctx: Ctx, pos: int, labels: tuple[str, ...]) -> list[tuple[int, dict, bool]]:
    """(position, mention, is a speaker) of actors of `label` before pos, outside quotes, latest first."""
    seen = [(m["start"], m, False) for m in ctx.mentions
            if m["label"] in labels and m["start"] < pos and not ctx.in_quote(m["start"])]
    for r in ctx.out:
        ref = r.get("speaker_mention")
        if ref and r["speaker_start"] < pos:
            m = ctx.mention_at(ref[0])
            if m and m["label"] in labels:
                seen.append((r["speaker_start"], m, True))
    return sorted(seen, key=lambda x: (x[0], x[2]), reverse=True)


def _pronoun_antecedent(ctx: Ctx, pos: int, label: str, gender: str | None) -> dict | None:
    """He/she: the nearest sentence before with a compatible person; in it, a speaker, else the first named."""
    cands = []
    for at, m, spoke in _seen(ctx, pos, (label,)):
        p = ctx.people.get(m.get("name") or m["text"], {})
        if gender and p.get("gender") and gender not in p["gender"]:
            continue
        cands.append((at, m, spoke))
    if not cands:
        return None
    unit = _unit_of(ctx, cands[0][0])
    same = [c for c in cands if unit[0] <= c[0] < unit[1]]
    spoke = [c for c in same if c[2]]
    return (spoke[0] if spoke else min(same, key=lambda c: c[0]))[1]


def _description_antecedent(ctx: Ctx, pos: int, words_: list[str], role: str) -> dict | None:
    """"The Russian diplomat", "the spokeswoman": the compatible person, by role, nationality, then recency."""
    w = ctx.w
    gender = "f" if set(words_) & w.female else "m" if set(words_) & w.male else None
    nat = _nationality(ctx, words_)
    related = {role, *w.synonyms.get(role, ())}
    best, best_key = None, None
    for rank, (_at, m, spoke) in enumerate(_seen(ctx, pos, ("PERSON",))):
        p = ctx.people.get(m.get("name") or m["text"], {"roles": set(), "gender": set(), "nat": set()})
        if gender and p["gender"] and gender not in p["gender"]:
            continue
        if nat and nat not in p["nat"]:
            continue  # "the Iraqi ambassador" needs one the article calls Iraqi
        role_hit = bool(related & p["roles"]) or any(r in " ".join(sorted(p["roles"])) for r in related if " " in r)
        if not role_hit and role not in w.generic:  # "the investigator" is not the suspect named before
            continue
        key_ = (role_hit, bool(nat and nat in p["nat"]), spoke, -rank)
        if best_key is None or key_ > best_key:
            best, best_key = m, key_
    return best or _named_next(ctx, pos, gender, nat)


def _named_next(ctx: Ctx, pos: int, gender: str | None, nat: str | None) -> dict | None:
    """"Armenia's prime minister said …" opening an article: the person the next sentences name, if one only."""
    if sum(1 for u in ctx.units if u[1] <= pos) > 2:
        return None  # only a lede names its speaker after describing them
    units = [u for u in ctx.units if u[0] > pos][:2]
    found = {}
    for m in ctx.mentions:
        if m["label"] == "PERSON" and any(s <= m["start"] < e for s, e in units):
            p = ctx.people.get(m.get("name") or m["text"], {"gender": set(), "nat": set()})
            if not (gender and p["gender"] and gender not in p["gender"]) and not (nat and p["nat"] and
                                                                                  nat not in p["nat"]):
                found.setdefault(m.get("name") or m["text"], m)
    return next(iter(found.values())) if len(found) == 1 else None


def _org_antecedent(ctx: Ctx, pos: int, words_: list[str], head: str | None) -> dict | None:
    """"The ministry", "the agency": the organisation named before, of the same kind and country where said."""
    nat = _nationality(ctx, words_)
    specific = head if head and head not in ctx.w.generic_orgs else None
    best, best_key = None, None
    for rank, (_at, m, spoke) in enumerate(_seen(ctx, pos, ("ORG",))):
        name = (m.get("name") or m["text"]).lower()
        if specific and specific not in name and specific not in m["text"].lower():
            continue
        if nat and m.get("country") and m["country"] != nat:
            continue
        key_ = (bool(nat and m.get("country") == nat), spoke, -rank)
        if best_key is None or key_ > best_key:
            best, best_key = m, key_
    return best


def _add(ctx: Ctx, clause: tuple[int, int], att: dict, unit: tuple[int, int]) -> dict:
    row = _row(ctx, clause[0], clause[1], False, att, unit)
    ctx.out.append(row)
    return row


def _row(ctx: Ctx, s: int, e: int, direct: bool, att: dict, unit: tuple[int, int]) -> dict:
    cue = att.get("cue") or {"text": "", "start": None}
    return {"start": s, "end": e, "direct": direct, "cue": cue["text"], "cue_start": cue["start"],
            "speaker_text": att["speaker_text"], "speaker_start": att["speaker_start"],
            "speaker_end": att["speaker_end"], "speaker_mention": att["speaker_mention"],
            "np_start": att.get("np_start"), "sentence": list(unit)}
