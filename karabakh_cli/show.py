"""`kcli show`: one article with its actors coloured by label, the displaCy view in a terminal."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.text import Text

from .report import plain_terminal

STYLES = {"PERSON": "bold magenta", "ORG": "bold cyan", "GPE": "bold green", "LOC": "green",
          "FAC": "yellow", "NORP": "blue"}


def render(record: dict, mentions: list[dict], out=None) -> None:
    """Print the article text with each mention styled and tagged with its label."""
    console = Console(file=out or sys.stdout, no_color=plain_terminal(),
                      color_system=None if plain_terminal() else "auto", highlight=False)
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


def bar_chart(counts: list[tuple[str, int]], fmt, out=None) -> None:
    """Events per month: bars on a terminal, rows of (month, events) for other formats."""
    from .report import Format, write

    if fmt is not Format.table:
        write([{"month": m, "events": n} for m, n in counts], fmt, columns=["month", "events"], out=out)
        return
    console = Console(file=out or sys.stdout, no_color=plain_terminal(),
                      color_system=None if plain_terminal() else "auto", highlight=False)
    top = max((n for _, n in counts), default=0)
    width = max(10, min(60, console.width - 20))
    for month, n in counts:
        bar = "#" * max(1, round(n / top * width)) if top else ""
        console.print(f"{month}  {bar} {n}", style=None if plain_terminal() else "cyan")
    if not counts:
        console.print("(no dated events)")
