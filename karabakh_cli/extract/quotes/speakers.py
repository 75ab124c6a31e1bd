"""Who a speaker's words name: an actor, a description or pronoun resolved to one, or an unnamed speaker.

A pronoun or a definite description ("he", "the spokeswoman", "the Russian diplomat", "the ministry's
press service") resolves to an actor named earlier in the article that fits what the words say:
gender, nationality, role and organisation kind where the text shows them; else it stays unresolved.
"""
from __future__ import annotations

import re

from .context import BOUNDARY, DETERMINERS, INDEFINITE, Ctx, unit_of

PP_HEADS = {"in", "at", "from", "near", "on", "across", "inside", "outside", "of", "for", "with", "to", "by", "around",
            "throughout", "within", "beyond", "among"}
NOT_ROLE = {"by", "with", "to", "from", "at", "in", "on", "than", "about", "against", "like"}


def classify(ctx: Ctx, a: int, b: int) -> dict | None:
    """What a noun phrase before/after a cue names: an actor, a description or pronoun resolved to one,
    an unnamed speaker ("a source", "officials"), or nothing a speaker can be (None)."""
    toks, w = ctx.toks, ctx.w
    a0, head = a, toks[b - 1]
    m = ctx.mention_at(head.start)
    if m and m["start"] > toks[a].start:
        p = ctx.tok_at(m["start"]) - 1
        while p > a and toks[p].low in DETERMINERS:
            p -= 1
        if toks[p].low in PP_HEADS and p - 2 > a and toks[p - 1].low in ("and", "or") and toks[p - 2].low in PP_HEADS:
            p -= 2  # "officials in and around Miami"
        before = " ".join(t.low for t in toks[max(a, p - 2):p])
        if toks[p].low in ("from", "by") and p > a and toks[p - 1].low in w.documents \
                and m["label"] in ("PERSON", "ORG"):
            return speaker(ctx, toks[a].start, m["end"], m, a0)  # "a statement from the ministry informs"
        if toks[p].low in PP_HEADS and p > a and not any(part in before for part in w.org_parts):
            return classify(ctx, a, p)  # "media reports in Tanzania", "a dealer with Warburg": not the place or firm
    if m and m["label"] in ("PERSON", "ORG", "GPE", "NORP") and m["start"] >= toks[a].start:
        if m["label"] == "PERSON":
            s, e = m["start"], m["end"]
        else:
            s = toks[a].start
            while toks[a].low in DETERMINERS and a < b - 1:
                a += 1
                s = toks[a].start
            e = m["end"]
        return speaker(ctx, s, e, m, a0)
    if not m and b - a == 1 and head.text[:1].isupper():
        known = _surname(ctx, head.text)
        if known:  # "Pashinyan, who …, said": a surname the model missed, of the one person it names
            return speaker(ctx, head.start, head.end, known, a0)
    dets = [i for i in range(a, b) if toks[i].low in DETERMINERS and not toks[i].low.endswith("'s")]
    if dets:
        a = dets[-1] if not any(toks[x].low.endswith("'s") for x in range(dets[-1], b)) else dets[0]
    words_ = [t.low for t in toks[a:b]]
    last1, last2 = words_[-1], " ".join(words_[-2:])
    s, e = toks[a].start, head.end
    if b - a == 1 and last1 in w.pronouns:
        kind = w.pronouns[last1]
        if kind == "PLURAL":
            return speaker(ctx, s, e, None, a0)
        gender = "f" if last1 in w.female else "m" if last1 in w.male else None
        return speaker(ctx, s, e, _pronoun_antecedent(ctx, s, kind, gender), a0)
    indefinite = words_[0] in INDEFINITE or _unknown_name(ctx, a, b)
    if last1 in w.state and not indefinite:
        country = _country_mention(ctx, s, _nationality(ctx, words_))
        if country:  # "the Armenian government said": Armenia speaks
            return speaker(ctx, s, e, country, a0)
    if last2 in w.org_parts or last1 in w.org_parts:
        n = 2 if last2 in w.org_parts else 1
        owner = _owner(ctx, a, b - n)
        return speaker(ctx, s, e, owner if not indefinite else None, a0)
    if last2 in w.person_nouns or last1 in w.person_nouns or last1 in ctx.lex.titles:
        role = last2 if last2 in w.person_nouns or last2 in ctx.lex.titles else last1
        ref = None if indefinite else _description_antecedent(ctx, s, words_, role)
        return speaker(ctx, s, e, ref, a0)
    if last1 in w.org_nouns or last1 in w.generic_orgs:
        named = _named_inside(ctx, a, b - 1)
        if named is None and not indefinite:
            named = _described_before(ctx, s, words_)
        if named is None and not indefinite and b - a <= 2:
            named = _last_described(ctx, a, last1)
        ref = None if indefinite else named if named is not None else _org_antecedent(ctx, s, words_, last1)
        return speaker(ctx, s, e, ref or None, a0)
    if last1 in w.plural or last2 in w.plural or last1 in w.documents:
        return speaker(ctx, s, e, None, a0)
    return None


def _surname(ctx: Ctx, word: str) -> dict | None:
    """The mention of the one person of the article whose name ends in `word`."""
    hits = {}
    for m in ctx.mentions:
        name = m.get("name") or m["text"]
        if m["label"] == "PERSON" and len(name.split()) > 1 and name.split()[-1] == word:
            hits.setdefault(name, m)
    return next(iter(hits.values())) if len(hits) == 1 else None


def _named_inside(ctx: Ctx, a: int, b: int) -> dict | None:
    """"The Maariv newspaper", "the Xinhua news agency": the organisation named inside a description of one is
    the speaker; {} when the model took that name for a person's (a name, so not an organisation named
    earlier); None when the description names no one."""
    for i in range(a + 1, b):
        m = ctx.mention_at(ctx.toks[i].start)
        if m and m["label"] in ("PERSON", "ORG"):
            after = ctx.tok_at(m["end"])  # only head words between the name and the head: not "the UN security council"
            if after <= b and all(t.low in ctx.w.org_nouns or t.low == "news" for t in ctx.toks[after:b]):
                return m if m["label"] == "ORG" else {}
            return None
    return None


def _described_before(ctx: Ctx, pos: int, words_: list[str]) -> dict | None:
    """"The Maariv newspaper said … the newspaper added", "said Uhuru, a Swahili newspaper … the newspaper said":
    the outlet an earlier statement named with the same head word (its mention, or {} when it had none); None
    when no statement before did."""
    if len(words_) > 2:
        return None
    for r in reversed(ctx.out):
        said = r["speaker_text"].split()
        if r["speaker_start"] >= pos or not said:
            continue
        named = said[-1].lower() == words_[-1] and any(x[:1].isupper() for x in said[1:-1])  # "The Maariv newspaper"
        apposition = re.match(rf",\s+(?:or [^,]+,\s+)?an?\s+(?:[\w-]+\s+){{0,3}}{re.escape(words_[-1])}\b",
                              ctx.text[r["speaker_end"]:r["speaker_end"] + 120], re.I)  # "Uhuru, a Swahili newspaper"
        if named or apposition:
            ref = r["speaker_mention"]
            return (ctx.mention_at(ref[0]) or {}) if ref else {}
    return None


def _last_described(ctx: Ctx, a: int, head: str) -> dict | None:
    """"The newspaper" is the one the text last called a newspaper: "…, said Uhuru, a Swahili newspaper owned by
    the ruling party" (unknown: {}, not the party), "Kofcoh is a New York holding company for Rosalco Inc." (not
    Rosalco); "Acme Corp., a Chicago holding company," is Acme. None when the sentence and the one before it do
    not use the word."""
    toks = ctx.toks
    here = next((n for n, (s, e) in enumerate(ctx.units) if s <= toks[a].start < e), 0)
    since = ctx.units[max(0, here - 1)][0] if ctx.units else 0  # this sentence and the one before: the word is fresh
    i = next((k for k in range(a - 1, -1, -1) if toks[k].low == head and not ctx.in_quote(toks[k].start)
              and (k + 1 == len(toks) or _ends_phrase(ctx, toks[k + 1].low))), None)
    if i is None or toks[i].start < since:  # ("a company official" is an official)
        return None
    m = ctx.mention_at(toks[i].start)
    if m and m["label"] == "ORG":
        return m
    d = next((k for k in range(i - 1, max(-1, i - 6), -1) if toks[k].low in ("a", "an") or toks[k].text in ",.;"),
             None)
    if d is None or toks[d].low not in ("a", "an"):
        return None
    owner = ctx.mention_at(toks[d - 2].start) if d > 1 and toks[d - 1].text == "," else None
    return owner if owner and owner["label"] == "ORG" else {}


def _ends_phrase(ctx: Ctx, low: str) -> bool:
    """Whether a word after a noun ends its noun phrase ("a newspaper owned by", "a company said"), unlike the
    noun of "a company official"."""
    return not low.isalpha() or low.endswith("ed") or low in BOUNDARY or low in PP_HEADS or low in ctx.w.cue_first


def _unknown_name(ctx: Ctx, a: int, b: int) -> bool:
    """"The Maariv newspaper": a description that carries a name the model did not find is no earlier actor."""
    return any(t.text[0].isupper() and not ctx.mention_at(t.start) and not ctx.lex.country_of(t.text)
               and t.low not in DETERMINERS and t.low not in _role_words(ctx) for t in ctx.toks[a + 1:b - 1])


def _role_words(ctx: Ctx) -> set[str]:
    """Words of titles and role nouns: "the Foreign Minister" is capitalised, not named."""
    return ctx.lex.title_words | {x for r in ctx.w.person_nouns for x in r.split()}


def _country_mention(ctx: Ctx, pos: int, country: str | None) -> dict | None:
    """The article's mention of `country` nearest before pos (else the first after it)."""
    if not country:
        return None
    hits = [m for m in ctx.mentions if m["label"] == "GPE" and (m.get("name") or m["text"]) == country]
    before = [m for m in hits if m["start"] < pos]
    return before[-1] if before else (hits[0] if hits else None)


def speaker(ctx: Ctx, s: int, e: int, ref: dict | None, np_start: int) -> dict:
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


def people(ctx: Ctx) -> dict[str, dict]:
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
            if other and other["label"] == "PERSON" or low in w.cue_first or low in w.finite or low in NOT_ROLE \
                    or low in w.pronouns or low in ("him", "her"):
                break  # "the investigator said Kopp …", "He also urged Albright": the investigator, he, is not her
            desc.insert(0, low)
            k -= 1
        j = ctx.tok_at(m["end"])
        if j + 1 < len(ctx.toks) and ctx.toks[j].text == "," and _apposition(ctx, j + 1):
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


def _apposition(ctx: Ctx, j: int) -> bool:
    """Whether the words after "Name," describe the name ("Kopp, an activist") rather than go on with the
    sentence ("traveled with Kopp, according to an investigator": the investigator is someone else)."""
    low = ctx.toks[j].low
    return not (low == "according" or low in NOT_ROLE or low in ctx.w.cue_first or low in ctx.w.pronouns)


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
    while cands:
        unit = unit_of(ctx, cands[0][0])
        same = [c for c in cands if unit[0] <= c[0] < unit[1]]
        spoke = [c for c in same if c[2]]
        if spoke or not gender or not _pronoun_leads(ctx, unit[0], min(c[0] for c in same), gender):
            return (spoke[0] if spoke else min(same, key=lambda c: c[0]))[1]
        cands = [c for c in cands if c[0] < unit[0]]
    return None


def _pronoun_leads(ctx: Ctx, start: int, first: int, gender: str) -> bool:
    """"She was to meet President Moi. … she told the staffers": a sentence whose own "she" comes before the
    person it names is about the woman of the sentences before, so that person is not who "she" is."""
    kinds = ctx.w.female if gender == "f" else ctx.w.male
    return any(t.low in kinds and ctx.w.pronouns.get(t.low) and not ctx.in_quote(t.start)
               for t in ctx.toks[ctx.tok_at(start):ctx.tok_at(first)])


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
    paragraph = ctx.text.rfind("\n", 0, pos) + 1  # one named in the same paragraph beats an earlier speaker
    best, best_key = None, None
    for rank, (_at, m, spoke) in enumerate(_seen(ctx, pos, ("ORG",))):
        name = (m.get("name") or m["text"]).lower()
        forms = {specific, *ctx.w.synonyms.get(specific, ())} if specific else set()
        if specific and not any(f in name or f in m["text"].lower() for f in forms):
            continue  # "the MOD" is a defence ministry
        if nat and m.get("country") and m["country"] != nat:
            continue
        key_ = (bool(nat and m.get("country") == nat), m["start"] >= paragraph, spoke, not _in_phrase(ctx, m), -rank)
        if best_key is None or key_ > best_key:
            best, best_key = m, key_
    return best


def _in_phrase(ctx: Ctx, m: dict) -> bool:
    """"… closed at $15 in composite trading on the New York Stock Exchange": an organisation after a preposition
    is where things happen, less likely the company a later "the company" means than one that acts."""
    i = ctx.tok_at(m["start"]) - 1
    while i > 0 and ctx.toks[i].low in DETERMINERS:
        i -= 1
    return i >= 0 and ctx.toks[i].low in PP_HEADS
