"""Score kcli's actor labels on the own news texts of `data/ner_news.json` (CoNLL-2003 types).

Used by `test_ner_news.py`; run it as a script to print the errors:
`.venv/bin/python tests/ner_news.py` (runs the real CLI over the texts, no index).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "ner_news.json"
TYPE_OF = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC",
           "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}
SCORED = ("PER", "ORG", "LOC")


def articles() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))["articles"]


def gold_spans(art: dict) -> dict[tuple[int, int], str]:
    """(start, end) -> type: every whole-word occurrence of each gold surface, longest surfaces first."""
    text, out = art["text"], {}
    for entry in sorted(art["gold"], key=lambda g: -len(g[0])):
        surface, typ = entry[0], entry[1]
        hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        assert hits, f"{art['id']}: {surface!r} is not in the text"
        for n, (s, e) in enumerate(hits):
            if len(entry) > 2 and n not in entry[2]:
                continue
            if not any(s < b and a < e for a, b in out):
                out[(s, e)] = typ
    return out


def run_kcli(kcli: list[str], folder: Path) -> list[dict]:
    """`kcli entities --mentions --json --no-index FOLDER` as a real process."""
    p = subprocess.run([*kcli, "entities", "--mentions", "--json", "--no-index", str(folder)],
                       capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}, check=True)
    return json.loads(p.stdout)


def score(mentions: list[dict]) -> tuple[dict[str, Counter], list[str]]:
    """Per scored type: tp/fp/fn over exact spans; and the errors as readable lines."""
    counts: dict[str, Counter] = {t: Counter() for t in SCORED}
    errors = []
    by_doc: dict[str, dict[tuple[int, int], str]] = {}
    for m in mentions:
        by_doc.setdefault(m["doc_id"], {})[(m["start"], m["end"])] = TYPE_OF.get(m["label"], "")
    for art in articles():
        gold = gold_spans(art)
        pred = {k: t for k, t in by_doc.get(art["id"], {}).items() if t
                and not any(k[0] < e and s < k[1] for (s, e), g in gold.items() if g == "IGNORE")}
        text = art["text"]
        for k, t in pred.items():
            if t not in SCORED:
                continue
            if gold.get(k) == t:
                counts[t]["tp"] += 1
            else:
                counts[t]["fp"] += 1
                errors.append(f"{art['id']}: FP {t} {text[k[0]:k[1]]!r} (gold {gold.get(k, 'none')})")
        for k, t in gold.items():
            if t in SCORED and pred.get(k) != t:
                counts[t]["fn"] += 1
                errors.append(f"{art['id']}: FN {t} {text[k[0]:k[1]]!r} (kcli {pred.get(k, 'none')})")
    return counts, errors


def f1(c: Counter) -> float:
    return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0


def write_texts(folder: Path) -> None:
    for art in articles():
        (folder / f"{art['id']}.txt").write_text(art["text"], encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        write_texts(Path(tmp))
        counts, errors = score(run_kcli([str(Path(sys.executable).parent / "kcli")], Path(tmp)))
    total = sum(counts.values(), Counter())
    print("\n".join(errors))
    print(" ".join(f"{t} {100 * f1(c):.1f}" for t, c in counts.items()), f"ALL {100 * f1(total):.1f}", dict(total))


if __name__ == "__main__":
    main()
