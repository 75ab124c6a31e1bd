"""Cross-document entity resolution: which mention groups are one actor, and why.

A *group* is one document's mentions of one name (after `actors.canonical_names` named them within
the document). Groups join into one actor only on a rule with evidence, recorded per group so
`kcli entities --explain NAME` can show it:

- same name: the same full name (first + last) or the same canonical name is the same actor;
- surname / first name across documents: a bare "Castro" or "Elian" (PERSON in its own article)
  joins the one full name in the corpus with that surname or first name, if no other candidate
  exists and nothing contradicts it (a different office, "King" vs "President"; articles dated
  years apart; its article naming another person of that surname). Else it is its own row,
  marked `unresolved`;
- acronym: "INS" joins the expansion written before "(INS)" somewhere in the corpus, else the one
  organisation with those initials that an article names beside it;
- country prefix: "State Department" joins "U.S. State Department" when that is the only
  country-prefixed form of the name;
- transliteration: "Pashinian" and "Pashinyan" join when their spellings fold to one form, they carry
  the same label and share a co-mentioned actor.
- ministry: "Azerbaijan's Emergencies Ministry", "Azerbaijani Emergencies Ministry" and "Emergencies
  Ministry of Azerbaijan" are one actor (`actors.canonical_names` gives them one name by country and topic);
  `explain` says where the country came from.

Each actor's displayed name and aliases are the forms its articles write (`names.py`).

A cross-document join never changes a mention's label: one article's model error stays there.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from . import names
from .extract.actors import JOINERS, PLACE_LABELS, bare_surname, ministry_label, name_word, person_key
from .lexicon import Lexicon, key

YEARS_APART = 4  # articles this many years apart never share a bare surname's owner
ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,8}$")
DOC_RULE_EVIDENCE = {
    "alias": "listed in the aliases file",
    "gazetteer": "a place the gazetteer knows",
    "demonym": "a nationality the gazetteer knows",
    "surname": "surname of the one full name with it in the same document",
    "first name": "first name of the one full name with it in the same document",
    "company": "written with a company suffix in the same document",
    "team": "a side in a results line, fixture or score sentence of the same document",
}


@dataclass
class Group:
    """One document's mentions of one name: the unit a merge rule joins."""

    doc_id: str
    name: str
    labels: dict[str, int] = field(default_factory=dict)  # plain counts: thousands of groups per corpus
    roles: dict[str, int] = field(default_factory=dict)
    country: str | None = None
    mentions: list[dict] = field(default_factory=list)
    actor: str = ""  # the key of the actor it joined
    rule: str = "same name"
    evidence: str = ""
    unresolved: bool = False
    label: str = ""  # its commonest label, set once the group is complete



def merge(docs: dict[str, list[dict]], *, lex: Lexicon, mode: str = "corpus", texts: dict[str, str] | None = None,
          dates: dict[str, str | None] | None = None) -> list[dict]:
    """One row per actor, sorted by mentions; every mention's `name` set to its actor's name.

    `docs`: doc_id -> named mentions (`canonical_names`). `mode`: corpus (resolve across documents),
    document (one actor per document and name), none (one row per surface form).
    `texts` / `dates`: each document's text and ISO date, the evidence for acronyms and year gaps.
    Each row keeps its `groups` (rule and evidence per group) for `explain`.
    """
    _place_ministries(docs, lex, across=mode == "corpus")
    groups = _groups(docs, mode)
    if mode == "corpus":
        _resolve(groups, lex, texts or {}, dates or {})
    elif mode == "document":
        for g in groups:
            g.actor = f"{g.doc_id}\x00{g.actor}"
    return _rows(groups, lex, texts or {} if mode != "none" else {})  # none: each row its surface alone


def _place_ministries(docs: dict[str, list[dict]], lex: Lexicon, *, across: bool) -> None:
    """A ministry no document placed takes the country of its topic, if the corpus places it in one only
    (and `across` documents is allowed)."""
    topic_country: dict[str, set[str]] = {}
    for ms in docs.values() if across else ():
        for m in ms:
            if m.get("ministry_topic") and m.get("country"):
                topic_country.setdefault(m["ministry_topic"], set()).add(m["country"])
    for ms in docs.values():
        for m in ms:
            t = m.get("ministry_topic")
            if t and not m.get("country"):
                countries = topic_country.get(t, set())
                if len(countries) == 1:
                    m["country"] = next(iter(countries))
                    m["name"] = ministry_label(m["country"], t, lex)
                    m["rule"], m["placed"] = "ministry", True
                else:
                    m["name"] = ministry_label(None, t, lex)


def _group_key(m: dict, mode: str) -> str:
    if mode == "none":
        return key(m["text"])
    return person_key(m["name"]) if m["label"] == "PERSON" and " " in m["name"].strip() else key(m["name"])


def _groups(docs: dict[str, list[dict]], mode: str) -> list[Group]:
    out: dict[tuple[str, str], Group] = {}
    for doc_id, ms in docs.items():
        for m in ms:
            k = _group_key(m, mode)
            g = out.get((doc_id, k))
            if g is None:
                g = out[(doc_id, k)] = Group(doc_id, m["text"] if mode == "none" else m["name"], actor=k)
            g.labels[m["label"]] = g.labels.get(m["label"], 0) + 1
            if m.get("role"):
                g.roles[m["role"]] = g.roles.get(m["role"], 0) + 1
            g.country = g.country or m.get("country")
            g.mentions.append(m)
    for g in out.values():
        g.label = max(g.labels, key=g.labels.__getitem__)
    return list(out.values())


# ---------------------------------------------------------------- corpus rules


def _resolve(groups: list[Group], lex: Lexicon, texts: dict[str, str], dates: dict[str, str | None]) -> None:
    """Join groups across documents, rule by rule; each joined group records its rule and evidence."""
    _places_apart(groups)
    by_actor: dict[str, list[Group]] = {}
    for g in groups:
        by_actor.setdefault(g.actor, []).append(g)
    _bare_persons(groups, by_actor, lex, dates)
    redirect: dict[str, tuple[str, str, str]] = {}  # actor key -> (actor key, rule, evidence)
    labels = {k: _vote(_sum([g.labels for g in gs]), k, lex) for k, gs in by_actor.items()}
    redirect.update(_acronyms(by_actor, labels, texts, lex))
    redirect.update({k: v for k, v in _country_prefixed(by_actor, labels, lex).items() if k not in redirect})
    redirect.update({k: v for k, v in _transliterations(by_actor, labels).items() if k not in redirect})
    for g in groups:
        seen = {g.actor}
        while g.actor in redirect and not g.unresolved:
            g.actor, g.rule, g.evidence = redirect[g.actor]
            if g.actor in seen:
                break
            seen.add(g.actor)


def _places_apart(groups: list[Group]) -> None:
    """One name, a place in some articles and a person or organisation in others ("Columbia, S.C." and Columbia
    Savings; Hamilton, Ontario and a Mr. Hamilton), is two actors: the place groups take a key of their own.
    Gazetteer places never get here: their label is the gazetteer's in every article."""
    agents = {g.actor for g in groups if g.label in ("PERSON", "ORG")}
    for g in groups:
        if g.label in ("GPE", "LOC") and g.actor in agents:  # a building is often an organisation's: "X Library"
            g.actor = f"place\x00{g.actor}"
            g.evidence = "a place here, a person or organisation in other articles"


def _bare_persons(groups: list[Group], by_actor: dict[str, list[Group]], lex: Lexicon,
                  dates: dict[str, str | None]) -> None:
    """A bare surname or first name (PERSON in its own document) joins the one compatible full name."""
    last: dict[str, set[str]] = {}
    first: dict[str, set[str]] = {}
    offices: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for k, gs in by_actor.items():
        words = k.split()
        if len(words) < 2 or bare_surname(k, lex) or not any(g.label == "PERSON" for g in gs):
            continue
        if not (name_word(words[0], lex) and name_word(words[-1], lex)):
            continue
        last.setdefault(words[-1], set()).add(k)
        first.setdefault(words[0], set()).add(k)
        offices[k] = {o for g in gs for r in g.roles for o in [lex.office_of(r)] if o}
        years[k] = {y for g in gs for y in [_year(dates.get(g.doc_id))] if y}
    doc_names: dict[tuple[str, str], set[str]] = {}  # (doc, surname) -> the full names there
    for g in groups:
        if g.actor in offices:
            doc_names.setdefault((g.doc_id, g.actor.split()[-1]), set()).add(g.actor)
    for k, gs in list(by_actor.items()):
        bare = bare_surname(k, lex)
        if not bare or not name_word(bare, lex) or k in lex.aliases:
            continue
        for g in gs:
            if g.label != "PERSON":
                continue
            cands = sorted(last.get(bare, set()) | (first.get(k, set()) if k == bare else set()))
            if not cands:
                continue
            own = {o for r in g.roles for o in [lex.office_of(r)] if o}
            year = _year(dates.get(g.doc_id))
            fit, why_not = [], []
            for c in cands:
                reason = _contradiction(own, year, offices[c], years[c], doc_names.get((g.doc_id, bare), {c}) - {c})
                (why_not if reason else fit).append((c, by_actor[c][0].name, reason))
            kind = "surname" if bare in {c.split()[-1] for c, _, _ in fit} else "first name"
            if len(fit) == 1:
                c = fit[0][0]
                g.actor, g.rule = c, f"{kind} across documents"
                g.evidence = f"the one full name with {kind} {g.name!r} in the corpus" + (
                    f"; ruled out: {_list(why_not)}" if why_not else "")
            else:
                g.unresolved = True
                g.rule = "unresolved"
                g.evidence = (f"{len(fit)} full names fit: {_list(fit)}" if fit
                              else f"every candidate contradicted: {_list(why_not)}")


def _contradiction(own_offices: set[str], year: int | None, cand_offices: set[str], cand_years: set[int],
                   others_here: set[str]) -> str | None:
    """Why a bare name cannot be this candidate, or None."""
    if others_here:
        return "its document names another person of that surname"
    if own_offices and cand_offices and not own_offices & cand_offices:
        return f"{'/'.join(sorted(own_offices))} vs {'/'.join(sorted(cand_offices))}"
    if year and cand_years and min(abs(year - y) for y in cand_years) >= YEARS_APART:
        return f"articles {year} vs {'/'.join(map(str, sorted(cand_years)))}"
    return None


def _list(cands: list[tuple[str, str, str | None]]) -> str:
    return "; ".join(f"{name} ({r})" if r else name for _, name, r in cands)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _acronyms(by_actor: dict[str, list[Group]], labels: dict[str, str], texts: dict[str, str],
              lex: Lexicon) -> dict[str, tuple[str, str, str]]:
    """'INS' -> the organisation written before '(INS)' in the corpus, else the one organisation with those
    initials that an article names beside it ("GM" beside "General Motors Corp." and never beside "General
    Mills Inc."; "DPC" is not "Du Pont Co.": Co. is no initial)."""
    written: dict[str, set[str]] = {}
    initials: dict[str, set[str]] = {}
    for k, gs in by_actor.items():
        if labels[k] != "ORG" or " " not in k:
            continue
        caps = "".join(w[0] for w in k.split()
                       if w not in JOINERS and w not in lex.company_suffixes and w[0].isalpha()).upper()
        if len(caps) >= 2:
            initials.setdefault(caps, set()).add(k)
        for g in gs:
            text = texts.get(g.doc_id, "")
            for m in g.mentions:
                par = re.match(r"\s*\(\s*((?:[A-Z]\.?){2,8})\s*\)", text[m["end"]:m["end"] + 16])
                if par:
                    written.setdefault(par.group(1).replace(".", ""), set()).add(k)
    out = {}
    for k, gs in by_actor.items():
        name = gs[0].name
        if labels[k] not in ("ORG", "PERSON") or not ACRONYM.match(name):
            continue
        acr = name.replace(".", "")
        if len(written.get(acr, ())) == 1:
            target = next(iter(written[acr]))
            out[k] = (target, "acronym", f"written as '... ({name})' after {by_actor[target][0].name!r} in the corpus")
        elif acr not in written:
            docs = {g.doc_id for g in gs}
            beside = {t: together for t in initials.get(acr, ())
                      for together in [docs & {g.doc_id for g in by_actor[t]}] if together}
            if len(beside) == 1:
                (target, together), = beside.items()
                others = sorted(by_actor[t][0].name for t in initials[acr] if t != target)
                out[k] = (target, "acronym", f"the initials of {by_actor[target][0].name!r}, the only such "
                                             f"organisation named beside it (in {min(together)})"
                                             + (f"; never beside it: {', '.join(others)}" if others else ""))
    return out


def _country_prefixed(by_actor: dict[str, list[Group]], labels: dict[str, str],
                      lex: Lexicon) -> dict[str, tuple[str, str, str]]:
    """'State Department' -> 'U.S. State Department' when that is its only country-prefixed form."""
    prefixed: dict[str, set[str]] = {}
    for k in by_actor:
        words = k.split()
        if labels[k] != "ORG":
            continue
        for n in (1, 2):
            head = key(" ".join(words[:n]))  # "u.s." -> "u.s"
            if len(words) > n and (head in lex.demonyms or (head in lex.places and lex.places[head][2] is None)):
                prefixed.setdefault(" ".join(words[n:]), set()).add(k)
                break
    out = {}
    for base, ks in prefixed.items():
        if base in by_actor and labels[base] == "ORG" and len(ks) == 1 and base not in lex.fragments:
            target = next(iter(ks))
            out[base] = (target, "country prefix",
                         f"{by_actor[target][0].name!r} is the only country-prefixed form in the corpus")
    return out


@lru_cache(maxsize=1 << 16)  # the same names come back on every warm command
def fold(name: str) -> str:
    """A spelling-blind form of a name: accents, y/i, kh/h, ou/u and doubled letters folded."""
    s = name.casefold()
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    for a, b in (("kh", "h"), ("ey", "ei"), ("iy", "i"), ("yi", "i"), ("y", "i"), ("ou", "u"), ("w", "v"),
                 ("ph", "f"), ("ck", "k")):
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def _transliterations(by_actor: dict[str, list[Group]], labels: dict[str, str]) -> dict[str, tuple[str, str, str]]:
    """Two spellings of one name: same folded form, same label, and a co-mentioned actor in common."""
    folded: dict[tuple[str, str], list[str]] = {}
    for k in by_actor:
        if labels[k] == "PERSON" and " " in k or labels[k] in PLACE_LABELS | {"ORG"} and len(k) > 4:
            folded.setdefault((fold(k), labels[k]), []).append(k)
    out: dict[str, tuple[str, str, str]] = {}
    collisions = [ks for ks in folded.values() if len(ks) > 1]
    if not collisions:
        return out
    doc_actors: dict[str, set[str]] = {}
    for k, gs in by_actor.items():
        for g in gs:
            doc_actors.setdefault(g.doc_id, set()).add(k)

    def context(k: str) -> set[str]:  # the other names written in the documents that name `k`
        return {kk for g in by_actor[k] for kk in doc_actors[g.doc_id]} - {k}

    for ks in collisions:
        ks.sort(key=lambda k: -sum(len(g.mentions) for g in by_actor[k]))
        for other in ks[1:]:
            shared = context(ks[0]) & context(other)
            if shared:
                out[other] = (ks[0], "transliteration", f"same name in another spelling; both with {min(shared)!r}")
    return out


# ---------------------------------------------------------------- rows


def _rows(groups: list[Group], lex: Lexicon, texts: dict[str, str]) -> list[dict]:
    by_actor: dict[str, list[Group]] = {}
    for g in groups:
        key_ = g.actor + ("\x00?" if g.unresolved else "")
        by_actor.setdefault(key_, []).append(g)
    out = []
    for gs in by_actor.values():
        labels, roles = _sum([g.labels for g in gs]), _sum([g.roles for g in gs])
        label = _vote(labels, gs[0].actor.split("\x00")[-1], lex)
        name, aliases = names.choose(gs, lex, texts, label, _display(gs))
        country = next((g.country for g in gs if g.country), None)
        for g in gs:
            for m in g.mentions:
                m["name"], m["group"] = name, g.name
        doc_ids = list(dict.fromkeys(g.doc_id for g in gs))  # the order documents first name the actor
        out.append({
            "name": name,
            "label": label,
            "mentions": sum(labels.values()),
            "documents": len(doc_ids),
            "doc_ids": doc_ids,
            "aliases": aliases,
            "roles": _ranked(roles),
            "country": country if label in PLACE_LABELS | {"NORP", "ORG"} else None,
            "unresolved": any(g.unresolved for g in gs),
            "groups": gs,
        })
    out.sort(key=lambda r: (-r["mentions"], -r["documents"], r["name"]))
    return out


def _sum(counts: list[dict[str, int]]) -> dict[str, int]:
    """Counts added up (plain dicts: most actors have one group, and Counter costs more than it saves)."""
    if len(counts) == 1:
        return counts[0]
    out: dict[str, int] = {}
    for c in counts:
        for k, v in c.items():
            out[k] = out.get(k, 0) + v
    return out


def _ranked(counts: dict[str, int]) -> list[str]:
    """Keys, commonest first, ties in first-seen order."""
    return sorted(counts, key=counts.__getitem__, reverse=True)


def _display(gs: list[Group]) -> str:
    """The actor's own commonest name (not that of a surname or acronym that joined it), never in capitals
    when another spelling exists: an all-caps line is no name's spelling."""
    if len(gs) == 1:
        ranked = [gs[0].name]
    else:
        own: dict[str, int] = {}
        every: dict[str, int] = {}
        for g in gs:
            every[g.name] = every.get(g.name, 0) + len(g.mentions)
            if g.rule == "same name":
                own[g.name] = own.get(g.name, 0) + len(g.mentions)
        ranked = _ranked(own or every)
    return next((n for n in ranked if not (n.isupper() and len(n) > 6)), ranked[0])


def _vote(labels: dict[str, int], k: str, lex: Lexicon) -> str:
    if k in lex.places:
        return lex.places[k][1]
    if k in lex.demonyms:
        return "NORP"
    order = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"]
    return max(labels, key=lambda lab: (labels[lab], -order.index(lab) if lab in order else -99))


def explain(row: dict) -> list[dict]:
    """One line per (surface, rule, evidence) of an actor: how each of its mention groups joined."""
    lines: dict[tuple, dict] = {}
    for g in row["groups"]:
        for m in g.mentions:
            doc_rule = m.get("rule") or ""
            rule, evidence = g.rule, g.evidence
            if rule == "same name" and doc_rule == "ministry":
                rule = "ministry across documents" if m.get("placed") else "ministry (in document)"
                evidence = _ministry_evidence(m)
            elif rule == "same name" and doc_rule:
                rule, evidence = f"{doc_rule} (in document)", DOC_RULE_EVIDENCE.get(doc_rule, "")
            elif rule == "same name":
                evidence = f"written {g.name!r}"
            k = (m["text"], g.name, m["label"], rule, evidence)
            line = lines.setdefault(k, {"surface": m["text"], "group": g.name, "label": m["label"], "rule": rule,
                                        "evidence": evidence, "mentions": 0, "doc_ids": []})
            line["mentions"] += 1
            if g.doc_id not in line["doc_ids"]:
                line["doc_ids"].append(g.doc_id)
    return sorted(lines.values(), key=lambda r: -r["mentions"])


def _ministry_evidence(m: dict) -> str:
    """Whose ministry a mention is and where its article (or the corpus) says so."""
    topic, country = m["ministry_topic"], m["country"]
    if m.get("placed"):
        how = f"no article places it; {country} is the one country whose {topic} ministry the corpus names"
    elif m.get("country_inferred"):
        how = f"the nearest {topic} ministry its article places"
    elif m.get("owner") == "@national":
        how = "'national' in an article filed from there"
    elif m.get("owner"):
        how = f"{country} written just before it (possessive or nationality)"
    else:
        how = f"the country written in {m['text']!r}"
    return f"{topic} ministry of {country}: {how}"
