"""`kcli show`: one article with its actors coloured by label, the displaCy view in a terminal."""
from __future__ import annotations

import re
import sys

from rich.console import Console
from rich.text import Text

from .report import plain_terminal

STYLES = {"PERSON": "bold magenta", "ORG": "bold cyan", "GPE": "bold green", "LOC": "green",
          "FAC": "yellow", "NORP": "blue"}
LONG_GAP = 12  # empty months the chart folds into one row


def with_surnames(text: str, mentions: list[dict]) -> list[dict]:
    """The mentions plus the bare surnames the model missed: a capitalised word equal to the last name of
    a person named in full in the same article, outside every mention, is that person (source "surname")."""
    people: dict[str, str] = {}
    for m in mentions:
        words = m["text"].split()
        if m["label"] == "PERSON" and len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
            people.setdefault(words[-1], m.get("name") or m["text"])
    taken = sorted((m["start"], m["end"]) for m in mentions)
    found = []
    for surname, name in people.items():
        for hit in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text):
            if not any(a < hit.end() and hit.start() < b for a, b in taken):
                found.append({"start": hit.start(), "end": hit.end(), "text": surname, "label": "PERSON",
                              "name": name, "role": None, "source": "surname"})
    return sorted([*mentions, *found], key=lambda m: m["start"])


def render(record: dict, mentions: list[dict], out=None) -> None:
    """Print the article text with each mention styled and tagged with its label; through a pipe the
    lines stay as the article has them (no wrapping at a console width)."""
    console = Console(file=out or sys.stdout, no_color=plain_terminal(),
                      color_system=None if plain_terminal() else "auto", highlight=False)
    console.soft_wrap = not console.is_terminal
    text = record["text"]
    t = Text()
    pos = 0
    for m in sorted(mentions, key=lambda m: m["start"]):
        if m["start"] < pos:
            continue
        t.append(text[pos:m["start"]])
        t.append(text[m["start"]:m["end"]], style=STYLES.get(m["label"], "bold"))
        t.append(f" [{m['label']}]", style="dim")
        pos = m["end"]
    t.append(text[pos:])
    console.print(Text(f"{record['doc_id']}  {record.get('date') or 'undated'}  {record.get('title') or ''}",
                       style="bold underline"))
    console.print(t)


def bar_chart(counts: list[tuple[str, int]], left_out: int, fmt, out=None) -> None:
    """Events per month: rich bars on a terminal, rows of (month, events) for other formats.

    `left_out`: events dated too coarsely for a month, said below the chart (on stderr for data formats).
    """
    from rich.bar import Bar
    from rich.table import Table

    from .report import Format, write

    note = (f"{left_out} event(s) dated to no single month (a year, season or decade) are not counted"
            if left_out else None)
    if fmt is not Format.table:
        write([{"month": m, "events": n} for m, n in counts], fmt, columns=["month", "events"], out=out)
        if note:
            print(f"kcli: {note}", file=sys.stderr)
        return
    console = Console(file=out or sys.stdout, no_color=plain_terminal(),
                      color_system=None if plain_terminal() else "auto", highlight=False)
    top = max((n for _, n in counts), default=0)
    width = max(10, min(60, console.width - 20))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(width=width, no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for month, n, gap in _gaps(counts):
        if gap:
            grid.add_row(f"{month} \u2013 {gap}", Text(f"(no events in {n} months)", style="dim"), "")
        else:
            grid.add_row(month, Bar(top, 0, n, width=width, color="cyan", bgcolor="default"), str(n))
    console.print(grid if counts else "(no events dated to a month)")
    if note:
        console.print(note, style="dim")


def _gaps(counts: list[tuple[str, int]]) -> list[tuple[str, int, str | None]]:
    """(month, events, None) rows, a run of LONG_GAP or more empty months folded into one
    (first month, months, last month) row so a long quiet stretch does not fill the screen."""
    out: list[tuple[str, int, str | None]] = []
    run: list[str] = []
    for month, n in [*counts, ("", 1)]:
        if n == 0:
            run.append(month)
            continue
        if len(run) >= LONG_GAP:
            out.append((run[0], len(run), run[-1]))
        else:
            out += [(m, 0, None) for m in run]
        run = []
        if month:
            out.append((month, n, None))
    return out
