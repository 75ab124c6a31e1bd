"""Options with bad values: a usage error (exit 2) that says what is accepted, before any article is read."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def kcli(args: list[str], **env: str) -> subprocess.CompletedProcess:
    e = {k: v for k, v in os.environ.items() if k != "KCLI_MODEL"}
    e.update(env)
    return subprocess.run([sys.executable, "-m", "karabakh_cli", *args], capture_output=True, text=True,
                          env=e, timeout=120)


@pytest.mark.parametrize("args, accepted", [
    (["timeline", "--from", "2020-13-45"], "use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["timeline", "--to", "2020-02-30"], "use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["timeline", "--from", "yesterday"], "use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["entities", "--top", "-1"], "must be at least 1"),
    (["entities", "--top", "0"], "must be at least 1"),
    (["entities", "--top", "ten"], "--top"),
    (["entities", "--min-count", "0"], "must be at least 1"),
    (["entities", "--label", "FOO"], "is not one of"),
    (["docs", "--format", "xml"], "'table', 'json', 'jsonl', 'csv', 'tsv'"),
    (["docs", "--processes", "0"], "--processes"),
    (["docs", "--model", "no_such_pipeline"], "installed: en_core_web_sm"),
    (["docs", "--model", "json"], "is not an installed spaCy pipeline"),
    (["docs", "--no-such-option"], "No such option"),
    (["no-such-command"], "No such command"),
])
def test_bad_option_is_usage_error(args, accepted):
    p = kcli([*args, str(SEEDS)] if args[0] != "no-such-command" else args)
    assert p.returncode == 2, (p.returncode, p.stderr)
    assert accepted in p.stderr
    assert "Usage:" in p.stderr and "Traceback" not in p.stderr
    assert p.stdout == ""


def test_bad_model_from_environment_is_usage_error():
    p = kcli(["docs", str(SEEDS)], KCLI_MODEL="no_such_pipeline")
    assert p.returncode == 2
    assert "KCLI_MODEL" in p.stderr and "no_such_pipeline" in p.stderr and "installed:" in p.stderr


def test_missing_path_is_one_line_and_exit_1(tmp_path):
    p = kcli(["entities", str(tmp_path / "nope")])
    assert p.returncode == 1
    assert p.stderr.splitlines() == [f"kcli: {tmp_path / 'nope'}: no such file or folder",
                                     "kcli: no article could be read (1 problem(s) above)"]


def test_version_and_help_exit_0():
    assert kcli(["--version"]).returncode == 0
    p = kcli(["--help"])
    assert p.returncode == 0 and "--text-field" in p.stdout
