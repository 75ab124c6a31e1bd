"""Interrupted runs exit 130/143 without a traceback and leave the index usable; a closed pipe ends
quietly; NO_COLOR and TERM=dumb give plain output."""
from __future__ import annotations

import json
import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """~300 distinct seed-sized articles: minutes of model work, so a signal lands mid-run."""
    d = tmp_path_factory.mktemp("big")
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(300):
        (d / f"a{i:03d}.txt").write_text(seeds[i % len(seeds)] + f"\nUpdate {i}: talks continued in Geneva.\n",
                                         encoding="utf-8")
    return d


def env_for(index: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KCLI_MODEL", "NO_COLOR", "TERM")}
    env.update(KCLI_INDEX=str(index), **extra)
    return env


def interrupt(args: list[str], env: dict, sig: int, after: float = 2.5) -> subprocess.CompletedProcess:
    """Start kcli in its own process group and signal the group, as a terminal's Ctrl-C does."""
    p = subprocess.Popen([sys.executable, "-m", "karabakh_cli", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env, start_new_session=True)
    time.sleep(after)
    assert p.poll() is None, "finished before the signal: make the corpus bigger"
    os.killpg(p.pid, sig)
    out, err = p.communicate(timeout=60)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err.decode("utf-8", "replace"))


def index_ok(path: Path) -> None:
    if path.exists():
        with sqlite3.connect(path) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("command, sig, code", [
    (["entities"], signal.SIGINT, 130),
    (["index"], signal.SIGTERM, 143),
    (["docs", "-j", "2"], signal.SIGINT, 130),
])
def test_interrupt_exits_cleanly_and_index_stays_usable(big, tmp_path, command, sig, code):
    index = tmp_path / "index.sqlite"
    p = interrupt([*command, str(big)], env_for(index), sig)
    assert p.returncode == code, p.stderr
    assert "Traceback" not in p.stderr, p.stderr
    index_ok(index)
    few = [str(big / f"a{i:03d}.txt") for i in range(3)]
    again = subprocess.run([sys.executable, "-m", "karabakh_cli", "docs", *few, "--json"], capture_output=True,
                           text=True, env=env_for(index), timeout=300)
    assert again.returncode == 0, again.stderr
    assert [r["doc_id"] for r in json.loads(again.stdout)] == ["a000", "a001", "a002"]


@pytest.fixture(scope="module")
def warm(tmp_path_factory) -> dict:
    """An index holding the seeds, so the output tests below do not rerun the model."""
    env = env_for(tmp_path_factory.mktemp("warm") / "index.sqlite")
    p = subprocess.run([sys.executable, "-m", "karabakh_cli", "index", str(SEEDS)], capture_output=True, env=env,
                       timeout=300)
    assert p.returncode == 0, p.stderr
    return env


def test_closed_pipe_ends_quietly(warm):
    # many copies of the seeds' mentions: far more than a pipe buffer holds
    p = subprocess.Popen(f"{sys.executable} -m karabakh_cli entities {' '.join([str(SEEDS)] * 40)} --mentions "
                         "--format jsonl | head -n 1", shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=warm)
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0
    assert len(out.splitlines()) == 1 and json.loads(out)["doc_id"]
    assert b"Traceback" not in err and b"Broken pipe" not in err and b"BrokenPipe" not in err


def table_on_a_terminal(env: dict) -> str:
    """`kcli docs` with stdout on a pseudo-terminal, as an analyst sees it."""
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "karabakh_cli", "docs", str(SEEDS)], stdout=slave,
                         stderr=subprocess.PIPE, env={**env, "COLUMNS": "200"})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=300)
    os.close(master)
    assert p.returncode == 0, p.stderr.read()
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("extra", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_plain_output(warm, extra):
    out = table_on_a_terminal({**warm, "TERM": "xterm-256color", **extra})
    assert "Articles" in out and "000_" in out
    assert not re.search(r"\x1b\[", out), out[:300]
    assert not re.search("[\u2500-\u257f]", out)  # ASCII boxes only


def test_colour_on_a_terminal_otherwise(warm):
    out = table_on_a_terminal({**warm, "TERM": "xterm-256color"})
    assert "\x1b[" in out
