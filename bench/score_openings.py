"""Score `kcli docs` on real article openings against hand labels (bench/real_openings.jsonl).

The labels were written before kcli ran on the texts. The texts themselves are not in the repository
(copyright): each is the headline and first paragraphs of the page at `url` as a stored copy gave it,
saved as `<id>.txt`; a leading ` date YYYY-MM-DD` line that the store adds was removed (it is not the
article's text).

    python bench/score_openings.py --texts DIR [--labels bench/real_openings.jsonl] [--batch 1]

Figures: dated right / dateable (a label with a date and no 'soft:' note; a note 'also YYYY-MM-DD'
names a second right answer), wrong dates (any date that differs from the label, on an article that
must stay undated too; a 'soft:' label is right when equal and fine when undated), places found /
present (`dateline` equals the labelled place, case-folded; a place ending '?' is optional), invented
places (a dateline where the label has none, or another one).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def score(labels: list[dict], rows: dict[str, dict]) -> tuple[dict, list[tuple]]:
    n = {"articles": len(labels), "right": 0, "dateable": 0, "wrong": 0, "found": 0, "present": 0, "invented": 0}
    misses = []
    for lab in labels:
        row = rows.get(lab["id"], {})
        exp, got = lab["expected_date"], row.get("date")
        soft = lab["note"].startswith("soft:")
        also = re.findall(r"also (\d{4}-\d\d-\d\d)", lab["note"])
        if exp and not soft:
            n["dateable"] += 1
            n["right"] += got == exp or got in also
        if got and got != exp and got not in also:
            n["wrong"] += 1
            misses.append((lab["id"], "WRONG DATE", exp, got))
        elif exp and not got and not soft:
            misses.append((lab["id"], "undated", exp, got))
        place = (lab["place"] or "").rstrip("?") or None
        optional = bool(lab["place"] and lab["place"].endswith("?"))
        gotp = row.get("dateline")
        same = bool(place and gotp and gotp.casefold() == place.casefold())
        if place and not optional:
            n["present"] += 1
            n["found"] += same
            if not same:
                misses.append((lab["id"], "place missed", place, gotp))
        if gotp and not same:
            n["invented"] += 1
            misses.append((lab["id"], "INVENTED PLACE", place, gotp))
    return n, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", required=True, type=Path, help="folder of <id>.txt openings")
    ap.add_argument("--labels", type=Path, default=ROOT / "bench" / "real_openings.jsonl")
    ap.add_argument("--batch", type=int, help="only this batch (1: first 61; 2, 3: fresh batches)")
    ap.add_argument("--kcli", default=str(ROOT / ".venv" / "bin" / "kcli"))
    a = ap.parse_args()
    labels = [json.loads(line) for line in a.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = [x for x in labels if a.batch in (None, x["batch"])]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KCLI_INDEX": str(Path(tmp) / "index.sqlite")}
        paths = [str(a.texts / f"{x['id']}.txt") for x in labels]
        out = subprocess.run([a.kcli, "docs", "--json", *paths], capture_output=True, text=True, env=env, check=True)
    n, misses = score(labels, {r["doc_id"]: r for r in json.loads(out.stdout)})
    for m in misses:
        print(*m, sep="\t")
    print(f"articles {n['articles']}  dated right {n['right']}/{n['dateable']}  wrong dates {n['wrong']}  "
          f"places found {n['found']}/{n['present']}  invented places {n['invented']}", file=sys.stderr)


if __name__ == "__main__":
    main()
