"""Article -> record: everything the model has to be run for, as plain JSON-able data.

A record is what the index stores; every corpus-level step (actor merging, year
inference, event grouping) runs over records, never over Docs.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from . import __version__, lexicon
from . import nlp as nlp_mod
from .corpus import Article
from .extract import actors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# 2: temporal expressions stored (`timexes`); 3: statements (`quotes`); 4: dateline place and agency anywhere in
# the opening; 5: quantities carry value_max, dimension, change; 6: mention text as written, naming `rule`;
# 7: ministries named "X Ministry of Country" with rule `ministry`; company names keep a title word ("General
# Motors Corp."); "Elian American" split into a person and a nationality; 8: the notes the opening gave
# (`notes`), so a warm run need not parse it again;
# 9: roles ("(President) Kennedy", "Secretary-General", no "spokesman for"), a titled namesake keeps a surname bare,
# no ordinal actors; no sentence break inside a hyphenated word; speakers (pronoun chains, named outlets)
RECORD_VERSION = 9


def article_meta(art: Article) -> dict:
    """The parts of an Article a record keeps."""
    return {
        "doc_id": art.doc_id,
        "path": art.path,
        "sha1": art.sha1,
        "title": art.title,
        "date": art.date.isoformat() if art.date else None,
        "date_source": art.date_source,
        "dateline": art.dateline,
        "dateline_place": art.dateline_place,
        "dateline_span": list(art.dateline_span) if art.dateline_span else None,
        "dateline_month_day": list(art.dateline_month_day) if art.dateline_month_day else None,
        "agency": art.agency,
        "source": art.source,
        "url": art.url,
        "meta_spans": [list(s) for s in art.meta_spans],
        "notes": list(art.notes),
        "text": art.text,
    }


def dateline_mentions(art: Article, lex: lexicon.Lexicon) -> list[dict]:
    """The dateline's place and agency are actors of the article (where it was filed, who filed it)."""
    out = []
    if art.dateline and art.dateline_span:
        s = art.text.find(art.dateline, art.dateline_span[0])
        if s >= 0:
            out.append({"start": s, "end": s + len(art.dateline), "text": art.dateline,
                        "label": "GPE", "source": "dateline"})
            for other in (art.dateline_place or "").split("/")[1:]:  # "BAKU/YEREVAN": both cities
                o = art.text.find(other, s + len(art.dateline), art.dateline_span[1])
                if other and o >= 0:
                    out.append({"start": o, "end": o + len(other), "text": other, "label": "GPE",
                                "source": "dateline"})
    if art.agency and art.dateline_span:
        s = art.text.find(art.agency, art.dateline_span[0], art.dateline_span[1])
        if s >= 0:
            out.append({"start": s, "end": s + len(art.agency), "text": art.agency,
                        "label": "ORG", "source": "dateline"})
    return out


def sentences(doc: Doc) -> list[list[int]]:
    """The senter's sentences, less the breaks it puts inside a word ("Anti" | "-Castro demonstrators")."""
    out: list[list[int]] = []
    for s in doc.sents:
        if out and s.start > 0 and not doc[s.start - 1].whitespace_ and s[0].text[:1] in "-\u2010\u2011" \
                and doc[s.start - 1].text[-1:].isalnum():
            out[-1][1] = s.end_char
        else:
            out.append([s.start_char, s.end_char])
    return out


def process(articles: Iterable[Article], nlp: Language, *, aliases: str | None = None,
            n_process: int = 1, batch_size: int = 16) -> Iterator[dict]:
    """Run the model over articles and yield one record each, in input order (see `paragraphs`)."""
    from . import paragraphs, timeline
    from .extract import quantities, quotes

    arts = list(articles)
    texts = [nlp_mod.model_text(a) for a in arts]
    if n_process > 1:
        from .extract import units

        units.dimension_names()  # pint's registry (~0.5 s) built once here and inherited, not in every worker
        yield from paragraphs.parallel(process, arts, texts, nlp, aliases=aliases, n_process=n_process)
        return
    lex = lexicon.load(aliases)
    cats = quantities.load_categories()
    for doc, art in paragraphs.docs(list(zip(texts, arts)), nlp, batch_size=batch_size):
        rec = article_meta(art)
        ms = dateline_mentions(art, lex) + actors.mentions(doc, lex=lex, skip=art.meta_spans, text=art.text)
        for m in ms:  # the model read a truecased headline: report the text as the article writes it
            m["text"] = art.text[m["start"]:m["end"]]
        home = lex.places.get(lexicon.key(art.dateline or ""), (None, None, None))[2]
        rec["mentions"] = actors.canonical_names(sorted(ms, key=lambda m: m["start"]), lex=lex,
                                                 home_country=home)
        rec["sentences"] = sentences(doc)
        rec["words"] = sum(1 for t in doc if not (t.is_punct or t.is_space))
        rec["quantities"] = [q for q in quantities.extract_quantities(doc, categories=cats, include_flagged=True)
                             if not any(s < q["end"] and q["start"] < e for s, e in art.meta_spans)]
        rec["timexes"] = timeline.precompute(rec)
        rec["quotes"] = quotes.extract(art.text, rec["sentences"], rec["mentions"], lex=lex, skip=art.meta_spans)
        rec["model"] = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"
        rec["kcli"] = __version__
        rec["v"] = RECORD_VERSION
        yield rec
