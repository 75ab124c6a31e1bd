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

import re
from functools import cache
from typing import Iterable

from ...lexicon import Lexicon
from .context import (
    BOUNDARY,
    DETERMINERS,
    INDEFINITE,
    MAX_NP,
    TOKEN,
    Ctx,
    Tok,
    unit_of,
    units,
    unwrap,
    words,
)
from .marks import QUOTE_CHARS, quote_spans
from .speakers import PP_HEADS, classify, people, speaker

SKIP_BEFORE_CUE = {"also", "further", "later", "earlier", "then", "again", "previously", "separately", "once",
                   "reportedly", "had", "has", "have", "was", "is", "repeatedly", "recently", "already", "subsequently",
                   "first"}
CLAUSE_STOP_WORDS = {"and", "but", "or", "its", "his", "her", "their", "our", "my", "your", "to", "about", "for", "of",
                     "with", "by", "on", "in", "at", "from", "into", "him", "them", "me", "us", "no", "nothing",
                     "goodbye", "hello", "as", "while", "when", "whereas", "because", "although", "though", "amid",
                     "until"}
POSSESSIVES = {"its", "his", "her", "their", "our", "my", "your"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
CONTINUATION_MIN_WORDS = 4


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
    wrapped, blank = blank, unwrap(blank)
    if blank != wrapped:  # the senter cut the wrapped lines too: only a full stop or a paragraph ends a sentence
        sentences = [(s, e) for s, e in sentences if re.search(r"[.!?:\"\u201d\u00bb]\s*$|\n\s*$", blank[s:e])
                     or blank[e:e + 1] == "\n"]
    quotes = quote_spans(blank)
    toks = [Tok(m.start(), m.end(), m.group(), m.group().lower().replace("\u2019", "'"))
            for m in TOKEN.finditer(blank)]
    ms = [m for m in mentions if m.get("source") != "dateline"]
    ctx = Ctx(blank, toks, [t.start for t in toks], quotes, units(blank, sentences, quotes), ms, lex, words())
    ctx.people = people(ctx)
    for unit in ctx.units:  # in text order, so a pronoun or description can look back at earlier speakers
        for q in ctx.quotes:
            if unit[0] <= q[0] < unit[1]:
                row = _direct(ctx, q) or _continuation(ctx, q)
                if row:
                    ctx.out.append(row)
        _reported(ctx, unit)
        _follow_up(ctx, unit)
    ctx.out.sort(key=lambda r: r["start"])
    for r in ctx.out:
        r.pop("np_start", None)
    return ctx.out


# ---------------------------------------------------------------- direct quotes


def _direct(ctx: Ctx, q: tuple[int, int]) -> dict | None:
    """A quoted stretch with a cue after it ("…," X said) or before it (X said: "…")."""
    qs, qe = q
    us, ue = unit_of(ctx, qs)
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
    partial = bool(before_stripped) and not before_stripped.endswith(":")
    if partial and not re.match(r",|\s*,", ctx.text[qe:close + 1].strip("\"\u201d\u2019\u00bb")):
        return None  # a quoted phrase inside a sentence: reported speech reads the sentence
    post = _post_attribution(ctx, close, ue, qs, qe)  # 'he died "in unclear circumstances," X wrote': the words
    nxt = next(((s, e) for s, e in ctx.units if s >= ue), None)
    if not post and not partial and nxt and not ctx.text[close:ue].strip() \
            and re.match(r"\s*[\u2014\u2013-]\s", ctx.text[nxt[0]:nxt[1]]):
        post = _post_attribution(ctx, nxt[0], nxt[1], qs, qe)  # "…,"\n\n– the ministry informs.
    if post and partial and not _attribution_only(ctx, close, ue, post):
        ctx.used.discard(ctx.tok_at(post["cue"]["start"]))  # the cue is the sentence's: reported speech reads it
        return None  # 'called it "a success," but he said …' / '"madness," X said Friday she …': a sentence goes on
    if post:
        return _row(ctx, qs, qe, True, post, (us, ue))
    return None


def _attribution_only(ctx: Ctx, close: int, ue: int, post: dict) -> bool:
    """After a partial quote, only its attribution: the speaker and cue right after the comma, no clause."""
    i = ctx.tok_at(close)
    while i < len(ctx.toks) and ctx.toks[i].text in (",", "\u2014", "\u2013", "-"):
        i += 1
    cue_end = ctx.tok_at(post["cue"]["start"] + len(post["cue"]["text"]))
    return i < len(ctx.toks) and ctx.toks[i].low not in BOUNDARY | CLAUSE_STOP_WORDS \
        and not _clause_after(ctx, cue_end, ctx.tok_at(ue))


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
    while i0 < i1 and ctx.toks[i0].text in (",", "\u2014", "\u2013", "-"):  # "…", - the ministry informs
        i0 += 1
    for c in range(i0, i1):
        if ctx.toks[c].text in (".", ";", "!", "?") or ctx.in_quote(ctx.toks[c].start):
            return None
        cue = _cue_at(ctx, c)
        if not cue:
            continue
        if c > i0 + MAX_NP and not _named_apposition(ctx, c):
            return None  # only "…," the head of …, Anatoly Savin, said: a long description ending in a name
        sp = (_speaker_before(ctx, i0, c) if c > i0 else None) or _speaker_after(ctx, cue[1], i1)
        if sp:
            ctx.used.add(c)
            return {**sp, "cue": _span(ctx, c, cue[1])}
        return None
    return None


def _named_apposition(ctx: Ctx, c: int) -> bool:
    """", Anatoly Savin, said": a person's name set off by commas right before the cue at c."""
    m = ctx.mention_at(ctx.toks[c - 2].start) if c > 2 and ctx.toks[c - 1].text == "," else None
    return bool(m and m["label"] == "PERSON" and ctx.toks[ctx.tok_at(m["start"]) - 1].text == ",")


def _continuation(ctx: Ctx, q: tuple[int, int]) -> dict | None:
    """A quote that opens right after an attributed one ("…," he said. "…") goes on in the same voice."""
    qs, qe = q
    prev = [r for r in ctx.out if r["start"] < qs]
    if len(ctx.text[qs:qe].split()) < CONTINUATION_MIN_WORDS or not prev or not prev[-1]["direct"]:
        return None
    p = prev[-1]
    if ctx.text[max(p["end"], p["sentence"][1]):qs - 1].strip(" \n\"\u201d\u00bb\u2019.,"):
        return None
    return {**p, "start": qs, "end": qe, "cue": "", "cue_start": None, "sentence": list(unit_of(ctx, qs))}


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
        if a_s == _first_word(ctx, i0, i1) or _intro(ctx, _first_word(ctx, i0, i1), a_s):
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


def _intro(ctx: Ctx, i: int, a: int) -> bool:
    """"In the afternoon of May 4, according to …": a time or place phrase before the source is no statement."""
    return i < a and ctx.toks[i].low in PREPOSITIONS and ctx.toks[a - 1].text == "," \
        and not any(_cue_at(ctx, k) or ctx.toks[k].low in ctx.w.finite and ctx.toks[k].text != "May"
                    for k in range(i, a))


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


def _follow_up(ctx: Ctx, unit: tuple[int, int]) -> None:
    """"…," it said, adding that … / said Lavrov, who said that …: a second statement of the unit's last speaker."""
    us, ue = unit
    i0, i1 = ctx.tok_at(us), ctx.tok_at(ue)
    for c in range(i0 + 1, i1):
        t = ctx.toks[c]
        if c in ctx.used or ctx.in_quote(t.start) or ctx.toks[c - 1].text != ",":
            continue
        cue = (c, c + 1) if t.low in ctx.w.follow_up else _cue_at(ctx, c + 1) if t.low == "who" else None
        prev = [r for r in ctx.out if us <= r["start"] and r["end"] <= t.start and r["speaker_text"]] \
            or [sp for sp in (_subject(ctx, i0, c),) if sp and cue]
        k = _skip_adverbials(ctx, cue[1], i1) if cue and prev else i1
        if k >= i1 or ctx.toks[k].low != "that" or any(r["start"] >= ctx.toks[k].end for r in ctx.out
                                                          if us <= r["start"] < ue):
            continue
        clause = _clause_span(ctx, k + 1, i1)
        if clause and _enough(ctx, clause):
            ctx.used.add(cue[0])
            _add(ctx, clause, {**prev[-1], "cue": _span(ctx, cue[0], cue[1])}, unit)


def _subject(ctx: Ctx, i0: int, c: int) -> dict | None:
    """"Local media reported on the arrest, saying that …": the speaker of the unit's first cue before c."""
    return next((sp for k in range(i0 + 1, c) if _cue_at(ctx, k) and not ctx.in_quote(ctx.toks[k].start)
                 for sp in (_speaker_before(ctx, i0, k),) if sp), None)


def _parenthetical(ctx: Ctx, i0: int, np_start: int, k: int, end: int) -> bool:
    k = _skip_adverbials(ctx, k, end)
    return i0 < np_start - 1 and ctx.toks[np_start - 1].text == "," and k + 1 < end and ctx.toks[k].text == ","


def _tail(ctx: Ctx, i0: int, i1: int) -> tuple[int, int, dict, tuple[int, int]] | None:
    """The attribution that ends a unit: ", X said (on Thursday)." or ", said X." — (comma, cue, speaker, cue span)."""
    for c in range(i1 - 1, i0, -1):
        cue = _cue_at(ctx, c)
        if not cue or c in ctx.used or ctx.in_quote(ctx.toks[c].start):
            continue
        told = ctx.toks[c].low in ctx.w.object_cues
        if _clause_after(ctx, cue[1], i1, ctx.toks[c].low if told else "") \
                or any(ctx.toks[k].low == "that" for k in range(cue[1], i1)):
            return None
        sp = _speaker_after(ctx, cue[1], i1) if ctx.toks[c - 1].text == "," else None
        if sp:
            comma = c - 1
            rest = ctx.tok_at(sp["speaker_end"])
        else:  # "…, Artak Beglaryan, the ombudsman, said" too: the name before the apposition speaks
            sp = _speaker_before(ctx, i0, c)
            comma = sp["np_start"] - 1 if sp else -1
            rest = cue[1]
        if sp and (told or _only_circumstances(ctx, rest, i1)) and comma > i0 and ctx.toks[comma].text == "," \
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
    if t.text in QUOTE_CHARS:
        return False  # 'X, one of …, said it "intends to seek control"': "it" opens what was said
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
    for k in range(j - 1, i0, -1):  # "X warned of a 'genocide' and said …": the earlier cue's subject
        if _cue_at(ctx, k) and not ctx.in_quote(ctx.toks[k].start):
            sp = _speaker_before(ctx, i0, k)
            if sp:
                return sp
    first = next((m for m in ctx.mentions if ctx.toks[i0].start <= m["start"] < ctx.toks[j].start), None)
    if first is None or first["label"] not in ("PERSON", "ORG", "GPE"):
        return None  # "X called it Y and said …": X is the subject when the unit opens with X's name
    if ctx.text[first["end"]:first["end"] + 1] in ("'", "\u2019"):
        return None  # "Elian's great-uncle vowed … and said": the subject is the great-uncle, not Elian
    lead = ctx.toks[i0:ctx.tok_at(first["start"])]
    commas = [n for n, t in enumerate(lead) if t.text == ","]
    lead = lead[commas[-1] + 1:] if commas else lead  # "For his part, Aliyev thanked … and stressed"
    if any(not (t.text[0].isupper() or t.low in DETERMINERS or t.low in ctx.lex.titles) for t in lead):
        return None
    return speaker(ctx, first["start"], first["end"], first, i0)


ASIDES = {"however", "though", "meanwhile", "moreover", "also", "too", "furthermore", "nevertheless", "therefore",
          "instead", "again"}
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
                              or toks[j].text.isdigit() or toks[j].text[0].isupper()
                              or toks[j].low.endswith("'s")) and toks[j].low != "that":  # on her son's channel
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
    if j + 1 < i1 and toks[j].low in ("it", "they", "he", "she", "we") and toks[j + 1].low in ctx.w.finite:
        return _clause_span(ctx, j, i1)  # "announced it was launching …": a pronoun and a verb open a clause
    if cue in ctx.w.that_only:
        return None
    comma = j < i1 and toks[j].text == ","
    j += comma
    if j < i1 and toks[j].low in POSSESSIVES and cue not in ctx.w.object_cues \
            and _has_finite(ctx, j + 2, min(i1, j + 4)):
        return _clause_span(ctx, j, i1)  # "she said her school had closed": a subject, not an object
    if j >= i1 or toks[j].low in CLAUSE_STOP_WORDS or toks[j].low in ctx.w.finite or not toks[j].text[0].isalnum():
        return None
    subject = toks[j].low in DETERMINERS | SUBJECT_PRONOUNS or toks[j].text[0].isupper() or toks[j].text[0].isdigit()
    if cue in ctx.w.object_cues and toks[j].low in INDEFINITE:
        return None  # "told a meeting of the council held online": the hearer, no clause
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
        if k > j and t.text == "," and _trailer(ctx, k + 1, i1):
            end = k
            break
        if t.low in ("and", "but", "while", "whereas") and k + 1 < i1:
            n = k + 1
            while n < i1 and ctx.toks[n].low in SKIP_BEFORE_CUE:
                n += 1
            if n < i1 and _cue_at(ctx, n) and _clause_after(ctx, _cue_at(ctx, n)[1], i1) \
                    or _new_speaker(ctx, n, i1):
                end = k
                break
    if j >= end:
        return None
    return _trimmed(ctx, ctx.toks[j].start, ctx.toks[end - 1].end)


def _trailer(ctx: Ctx, k: int, i1: int) -> bool:
    """"…, calling it …" / "…, after which …" at token k: what follows the comma is not the reported clause."""
    return any(k + len(t) <= i1 and all(ctx.toks[k + n].low == w for n, w in enumerate(t)) and
               not ctx.in_quote(ctx.toks[k].start) for t in ctx.w.trailers)


def _new_speaker(ctx: Ctx, n: int, i1: int) -> bool:
    """"…, but many residents say …" / "…, while Armenia said on Monday that …": a second statement begins."""
    for c in range(n + 1, min(i1, n + MAX_NP)):
        t = ctx.toks[c]
        if t.low in BOUNDARY:
            return False
        cue = _cue_at(ctx, c)
        if cue:
            return bool(_speaker_before(ctx, n, c) and _clause_after(ctx, cue[1], i1, t.low))
    return False


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


@cache
def _phrase_re(phrase: str) -> re.Pattern:
    """An "according to" phrase as a whole-word search, compiled once (it is tried on every clause)."""
    return re.compile(rf"\b{re.escape(phrase)}\b", re.I)


def _according(ctx: Ctx, i0: int, i1: int) -> dict | None:
    """"According to X" with X's noun phrase; any X (a document included) is a source."""
    seg = ctx.text[ctx.toks[i0].start:ctx.toks[i1 - 1].end] if i1 > i0 else ""
    for phrase in ctx.w.according_to:
        m = _phrase_re(phrase).search(seg)
        if not m:
            continue
        a = ctx.tok_at(ctx.toks[i0].start + m.start())
        b = ctx.tok_at(ctx.toks[i0].start + m.end())
        e = b
        while e < i1 and ctx.toks[e].text not in (",", ".", ";", ":") and e - b < MAX_NP:
            e += 1
        if e == b or ctx.toks[b].low in ("which", "whom", "whose"):
            return None  # "a statement, according to which …": the source is the statement just named
        # "according to an investigator quoted by the newspaper": the investigator is the source
        n = next((k for k in range(b + 1, e - 1) if ctx.toks[k].low.endswith("ed") and ctx.toks[k + 1].low == "by"), e)
        sp = classify(ctx, b, n) or {"speaker_text": _surface(ctx, b, n), "speaker_start": ctx.toks[b].start,
                                      "speaker_end": ctx.toks[n - 1].end, "speaker_mention": None, "np_start": b}
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
    if t.low in ctx.w.object_cues and not (end < len(toks) and toks[end].low in ("of", "about", "against")):
        k = end  # "told TASS" takes a hearer; "warned of a catastrophe" a topic, no clause
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
    if j - 2 > i0 and ctx.toks[j].text == ")" and ctx.toks[j - 2].text == "(":
        j -= 3  # "The International Committee of the Red Cross (ICRC) said": the name before the acronym
    if j > i0 and ctx.toks[j].text == ",":  # "Pashinyan, who has led …, said" / "The EU's chief, Josep Borrell, said"
        k = j - 1
        while k > i0 and ctx.toks[k].text != "," and j - k <= MAX_NP:
            k -= 1
        if k > i0 and ctx.toks[k].text == ",":
            named = classify(ctx, k + 1, j)
            last = ctx.mention_at(ctx.toks[j - 1].start)
            if named and named["speaker_mention"] and last and last["label"] in ("PERSON", "ORG") and all(
                    t.low in DETERMINERS or t.low in ctx.lex.title_words or t.text[:1].isupper()
                    for t in ctx.toks[k + 1:ctx.tok_at(last["start"])]):
                return named  # not "X, one of the companies owned by Y, said": that is X
            return _speaker_before(ctx, i0, k)
        return None
    end = j + 1
    k = j
    title = _quoted_title(ctx, j)
    if title is not None:  # 'The "Caucasian Knot" has reported': an outlet's name in quotation marks
        s, e = ctx.toks[title + 1].start, ctx.toks[j - 1].end
        named = next((m for m in ctx.mentions if m["text"] == ctx.text[s:e]), None)  # named elsewhere in the text
        return classify(ctx, title + 1, j) or speaker(ctx, s, e, named, title)
    while k >= i0 and c - k <= MAX_NP and not ctx.in_quote(ctx.toks[k].start) and ctx.toks[k].text not in QUOTE_CHARS \
            and (ctx.toks[k].low not in BOUNDARY or _joined_prepositions(ctx, k)):
        k -= 1
    if k + 1 >= end:
        return None
    return classify(ctx, k + 1, end)


def _joined_prepositions(ctx: Ctx, k: int) -> bool:
    """The "and" of "officials in and around Miami": inside the noun phrase, not before it."""
    toks = ctx.toks
    return toks[k].low in ("and", "or") and 0 < k < len(toks) - 1 and toks[k - 1].low in PP_HEADS \
        and toks[k + 1].low in PP_HEADS


def _quoted_title(ctx: Ctx, k: int) -> int | None:
    """The opening mark's token when token k closes a short quoted name ("Caucasian Knot"), else None."""
    if k < 0:
        return None
    t = ctx.toks[k]
    q = next(((s, e) for s, e in ctx.quotes if e <= t.start <= e + 1), None) if t.text in QUOTE_CHARS else None
    if not q:
        return None
    inner = ctx.toks[ctx.tok_at(q[0]):ctx.tok_at(q[1])]
    if not 0 < len(inner) <= 4 or not all(x.text[0].isupper() for x in inner):
        return None
    return ctx.tok_at(q[0]) - 1


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
            return speaker(ctx, m["start"], m["end"], m, k)
    return classify(ctx, k, e)


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
