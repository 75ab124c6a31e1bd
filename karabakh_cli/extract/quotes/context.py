"""What statement finding reads: the article's tokens, statement units, mentions and word lists."""
from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...lexicon import DATA, Lexicon

ABBREVIATIONS = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|Adm|Gov|Sen|Rep|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|[A-Z])\."
TOKEN = re.compile(rf"{ABBREVIATIONS}|\w+(?:[-.'\u2019]\w+)*(?:['\u2019]s?)?|\S")
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
INDEFINITE = {"a", "an", "one", "some", "another"}
BOUNDARY = {",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "that", "and", "but", "\u2014", "\u2013", "-", "who",
            "which", "as", "when", "while", "because", "if", "after", "before", "where", "whom", "whose", "than"}
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
    state: frozenset[str]  # "government" after a nationality: the country speaks
    follow_up: frozenset[str]  # "…, adding that …": the same speaker goes on
    trailers: tuple[tuple[str, ...], ...]  # "…, calling it …": the reported clause ends at the comma
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
                 generic_orgs=fs("generic_org_nouns"), state=fs("state_nouns"), follow_up=fs("follow_up_cues"),
                 trailers=tuple(tuple(t.split()) for t in fs("clause_trailers")),
                 cue_first=frozenset(c.split()[0] for c in fs("cues")))


@dataclass(slots=True)
class Tok:
    """A word or punctuation mark: offsets, text, and lower case with ’ read as '."""

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


SOFT_BREAK = re.compile(r"(?:(?<=[\w,;\-\]\)])|(?<=,[\"\u201d\u2019\u00bb]))\n(?=[ \t]*[\w\[(\"\u201c\u00ab\u2018])")
HARD_WRAP_MIN = 5  # soft-looking breaks (a line ending mid-sentence, the next line going on) that mark a wrapped text


def unwrap(text: str) -> str:
    """A hard-wrapped article (lines cut at a fixed width, as feeds reprint copy) with the line breaks
    inside its paragraphs read as spaces, same length so offsets hold; other texts as they are."""
    soft = list(SOFT_BREAK.finditer(text))
    lines = text.count("\n") + 1
    if len(soft) < HARD_WRAP_MIN or len(soft) < 0.3 * lines:
        return text
    out = list(text)
    for m in soft:
        out[m.start()] = " "
    return "".join(out)


def units(text: str, sentences: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences as statements see them: a sentence break inside a quote is no break, a paragraph break is."""
    cuts = {e for _, e in sentences} | {m.end() for m in re.finditer(r"\n", text)}
    cuts = sorted(c for c in cuts if not any(s < c < e for s, e in quotes) and 0 < c < len(text))
    out, prev = [], 0
    for c in [*cuts, len(text)]:
        if text[prev:c].strip():
            out.append((prev, c))
        prev = c
    return out


def unit_of(ctx: Ctx, pos: int) -> tuple[int, int]:
    """The statement unit `pos` lies in."""
    return next(((s, e) for s, e in ctx.units if s <= pos < e), (pos, pos))
