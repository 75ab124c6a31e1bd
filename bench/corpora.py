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


def write_scale(src: list[Path], dest: Path, words: int, articles: int) -> list[Path]:
    """About `articles` short wire items of about `words` words in all, cut from the TimeBank/AQUAINT text.

    Each round re-files every source article's body as short items (consecutive paragraphs,
    ~words/articles words each) under a new date and headline: only headers and headlines are
    new, so paragraph reuse does most of the work here; the distinct-text run (tbaq) is the
    honest measure of the model's speed.
    """
    dest.mkdir(parents=True, exist_ok=True)
    bodies = []
    for p in src:
        t = p.read_text(encoding="utf-8")
        m = re.match(r" date (\d{4}-\d{2}-\d{2})\n", t)
        paras = [x for x in re.split(r"\n\s*\n", t[m.end():] if m else t) if x.strip()]
        bodies.append((p, date.fromisoformat(m[1]) if m else date(2000, 1, 1), paras[1:] if len(paras) > 1 else paras))
    per_round = sum(len(x.split()) for _, _, paras in bodies for x in paras)
    rounds = max(1, round(words / per_round))
    size = per_round * rounds / articles  # words per item, lowered until a round gives enough items
    while size > 1 and rounds * sum(len(_items(paras, size)) for _, _, paras in bodies) < articles:
        size *= 0.9
    out = []
    for k in range(rounds):
        for p, day, paras in bodies:
            for j, item in enumerate(_items(paras, size)):
                f = dest / f"r{k:02d}_{p.stem}_{j:02d}.txt"
                f.write_text(f" date {(day + timedelta(days=k)).isoformat()}\n\nUpdate {k + 1}: "
                             f"{p.stem.split('_', 1)[-1]} ({j + 1})\n\n" + "\n\n".join(item) + "\n", encoding="utf-8")
                out.append(f)
    return out


def _items(paras: list[str], size: float) -> list[list[str]]:
    """Consecutive paragraphs grouped into items of at least `size` words (the last may be shorter)."""
    items, cur = [], []
    for x in paras:
        cur.append(x)
        if sum(len(y.split()) for y in cur) >= size:
            items.append(cur)
            cur = []
    if cur:
        items.append(cur)
    return items
