"""The model as kcli loads it: only what extraction needs, dense layers through numpy's BLAS."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ROOT, SEEDS

# Run in a fresh interpreter: thinc's current ops are process-wide state.
SAME_ENTITIES = textwrap.dedent("""
    import json, pathlib, sys
    import spacy
    from thinc.api import NumpyOps, set_current_ops
    from karabakh_cli import nlp as kn
    from karabakh_cli.fastops import BlasOps

    texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
    out = {}
    for name, ops in (("blis", NumpyOps()), ("blas", BlasOps())):
        set_current_ops(ops)
        nlp = spacy.load(kn.model_name(), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
        assert type(nlp.get_pipe("ner").model.ops) is type(ops)
        out[name] = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts)]
    print(json.dumps(out))
""")


def test_blas_ops_give_the_entities_thinc_gives():
    res = subprocess.run([sys.executable, "-c", SAME_ENTITIES, str(SEEDS)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert sum(len(d) for d in out["blis"]) > 100
    assert out["blas"] == out["blis"]


def test_loaded_pipeline_runs_ner_on_blas_ops_and_sentences_stop_at_line_breaks():
    from karabakh_cli import nlp as kn
    from karabakh_cli.fastops import BlasOps

    nlp = kn.load(kn.model_name())
    assert isinstance(nlp.get_pipe("ner").model.ops, BlasOps)
    assert "tagger" not in nlp.pipe_names and "parser" not in nlp.pipe_names
    doc = nlp("Putin Meets Aliyev\nRussian President Vladimir Putin met Ilham Aliyev in Moscow on Monday.")
    assert [s.text.strip() for s in doc.sents][0] == "Putin Meets Aliyev"
    assert ("Vladimir Putin", "PERSON") in [(e.text, e.label_) for e in doc.ents]
