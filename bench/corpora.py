"""Benchmark corpora: the TimeBank/AQUAINT articles as plain-text wire copy, and a ~1M-word scale-up."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta
from pathlib import Path

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "timeml" / "tbaq"


def tml_to_text(tml: str) -> str:
    """A ` date YYYY-MM-DD` header, the title, then the body's paragraphs unwrapped (tags dropped)."""
    value = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', tml, re.S)
    title = re.search(r"<TITLE>(.*?)</TITLE>", tml, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1) if body else ""))
    paras = [" ".join(line.strip() for line in p.splitlines() if line.strip()) for p in re.split(r"\n\s*\n", text)]
    out = [f" date {value.group(1)}"] if value else []
    if title:
        out.append(" ".join(html.unescape(title.group(1)).split()))
    return "\n\n".join(out + [p for p in paras if p]) + "\n"


def write_tbaq(dest: Path) -> list[Path]:
    """The 256 TimeBank + AQUAINT articles as .txt files."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for f in sorted(TBAQ.rglob("*.tml")):
        p = dest / f"{f.parent.name}_{f.stem}.txt"
        p.write_text(tml_to_text(f.read_text(encoding="utf-8")), encoding="utf-8")
        out.append(p)
    return out


def write_scale(src: list[Path], dest: Path, words: int) -> list[Path]:
    """Re-filed wire copy: each round re-dates every article and changes its headline, body unchanged.

    Only the header and headline lines are new, so paragraph reuse does most of the work here:
    the distinct-text run is the honest measure of the model's speed.
    """
    dest.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in src]
    per_round = sum(len(t.split()) for t in texts)
    out = []
    for k in range(max(1, round(words / per_round))):
        for p, t in zip(src, texts):
            m = re.match(r" date (\d{4}-\d{2}-\d{2})\n", t)
            day = (date.fromisoformat(m[1]) if m else date(2000, 1, 1)) + timedelta(days=k)
            body = t[m.end():] if m else t
            f = dest / f"r{k:02d}_{p.name}"
            f.write_text(f" date {day.isoformat()}\n\nUpdate {k + 1}: {p.stem.split('_', 1)[-1]}\n\n{body.lstrip()}",
                         encoding="utf-8")
            out.append(f)
    return out
