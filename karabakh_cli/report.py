"""Records -> table / json / jsonl / csv / tsv on stdout.

The terminal-or-pipe decision is made here and only here: a rich table when stdout is a
terminal, JSON otherwise. Writers stream row by row where the format allows.

Conventions every command inherits by writing through here:
- column names are unique (a repeated one is written once);
- in CSV/TSV and table cells a list is joined with "; " and an object is written as JSON;
- JSON/JSONL carry every value whole; only a table shortens, and only text columns (values
  with spaces), with an ellipsis; ids, dates and numbers are never broken.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from typing import Any, Iterable, Sequence

TEXT_MIN = 8  # narrower than this, a text column is left out of a table rather than cut to a stub


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


def choose(fmt: Format | None, as_json: bool) -> Format:
    """--json wins; else --format; else table on a terminal and JSON on a pipe."""
    if as_json:
        return Format.json
    if fmt is not None:
        return fmt
    return Format.table if sys.stdout.isatty() else Format.json


def plain_terminal() -> bool:
    """NO_COLOR or TERM=dumb: no colour, no boxes."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def plain_number(v: int | float, grouped: bool = False) -> str:
    """A number written out in full, never in scientific notation; thousands separators when `grouped`."""
    from decimal import Decimal

    if isinstance(v, float) and not v.is_integer():
        return format(Decimal(repr(float(v))), ",f" if grouped else "f")  # numpy floats repr as np.float64(..)
    return format(int(v), "," if grouped else "d")


def _cell(v: Any, table: bool = False) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(_cell(x, table) for x in v)
    if isinstance(v, dict):
        return plain_json(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return plain_number(v, grouped=table)
    return str(v)


def plain_json(obj: Any, indent: int | None = None) -> str:
    """JSON text in which no float is in scientific notation, however deep (1e-06 is written 0.000001)."""
    marks: dict[str, str] = {}

    def walk(v: Any) -> Any:
        if isinstance(v, float) and "e" in repr(float(v)):
            key = f"\x00{len(marks)}\x00"
            marks[key] = plain_number(v)
            return key
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [walk(x) for x in v]
        return v

    text = json.dumps(walk(obj), ensure_ascii=False, indent=indent)
    for key, number in marks.items():
        text = text.replace(json.dumps(key), number)
    return text


def _json(row: dict, columns: Sequence[str]) -> str:
    """One row as JSON with the keys `columns`, in order."""
    return plain_json({c: row.get(c) for c in columns})


def write(rows: Iterable[dict], fmt: Format, *, columns: Sequence[str], title: str | None = None,
          table_columns: Sequence[str] | None = None, out=None) -> None:
    """Write rows; `columns` fixes key order for every format, `table_columns` trims the table."""
    out = out or sys.stdout
    columns = list(dict.fromkeys(columns))
    if fmt is Format.json:
        sep = "[\n "
        for r in rows:
            out.write(sep + _json(r, columns))
            sep = ",\n "
        out.write("[]\n" if sep == "[\n " else "\n]\n")
    elif fmt is Format.jsonl:
        for r in rows:
            out.write(_json(r, columns) + "\n")
    elif fmt in (Format.csv, Format.tsv):
        w = csv.writer(out, delimiter="," if fmt is Format.csv else "\t", lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        _table(list(rows), table_columns or columns, title, out)
    out.flush()


def write_object(obj: dict, fmt: Format, *, title: str | None = None, out=None) -> None:
    """One object (stats): JSON as is, a two-column table on a terminal, flattened rows elsewhere."""
    out = out or sys.stdout
    if fmt in (Format.json, Format.jsonl):
        out.write(plain_json(obj, indent=None if fmt is Format.jsonl else 1) + "\n")
        out.flush()
        return
    if fmt is Format.table:
        _sections(obj, title, out)
        return
    rows = [{"key": k, "value": v} for k, v in _flatten(obj)]
    write(rows, fmt, columns=["key", "value"], title=title, out=out)


def _sections(obj: dict, title: str | None, out) -> None:
    """A terminal view of one object: its plain values as one table, then each mapping as a two-column
    table and each list of rows as a table of its own, titled by its key."""
    plain = {k: v for k, v in obj.items() if not isinstance(v, (dict, list)) or not v}
    _table([{"key": k, "value": v} for k, v in plain.items()], ["key", "value"], title, out, header=False)
    for k, v in obj.items():
        if k in plain:
            continue
        label = k.replace("_", " ")
        if isinstance(v, dict):
            rows = [{"key": a, "value": b} for a, b in v.items()]
            _table(rows, ["key", "value"], label, out, header=False)
        elif all(isinstance(x, dict) for x in v):
            _table(v, list(dict.fromkeys(c for x in v for c in x)), label, out)
        else:
            _table([{"value": x} for x in v], ["value"], label, out, header=False)


def _flatten(obj: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, list) and obj and isinstance(obj[0], dict):
        for i, v in enumerate(obj):
            yield from _flatten(v, f"{prefix}[{i}]")
    else:
        yield prefix, obj


def _layout(rows: list[dict], columns: Sequence[str], header: bool) -> list[tuple[str, str, int]]:
    """(column, kind, width) for each column. Kind `id`: ids, dates and numbers (single words with a digit),
    kept whole; `ids`: lists of them, wrapped between items; `text`: anything else, cut with an ellipsis."""
    out = []
    for c in columns:
        # the unbreakable pieces of each cell: the whole value, or each item of a list
        pieces = [p for r in rows for p in ([_cell(x) for x in r[c]] if isinstance(r.get(c), (list, tuple))
                                             else [_cell(r.get(c))])]
        listed = any(isinstance(r.get(c), (list, tuple)) and len(r[c]) > 1 for r in rows)
        whole = pieces and not any(any(ch.isspace() for ch in p) for p in pieces) and \
            any(any(ch.isdigit() for ch in p) for p in pieces)
        widest = max([len(p) for p in pieces] + [len(c) if header else 0])
        out.append((c, ("ids" if listed else "id") if whole else "text", widest + listed))
    return out


def _fit(layout: list[tuple[str, str, int]], width: int) -> list[tuple[str, str, int]]:
    """Leave out text columns, the last first, while the table would not fit `width` with each of them at
    least TEXT_MIN wide: a column of three-letter stubs tells nothing."""
    layout = list(layout)

    def need() -> int:
        return sum(w if k != "text" else min(w, TEXT_MIN) for _, k, w in layout) + 3 * len(layout) + 1

    while need() > width and any(k == "text" for _, k, _ in layout[1:]):
        last = max(i for i, (_, k, _) in enumerate(layout) if k == "text" and i > 0)
        layout.pop(last)
    return layout


def _table(rows: list[dict], columns: Sequence[str], title: str | None, out, *, header: bool = True) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    plain = plain_terminal()
    console = Console(file=out, no_color=plain, color_system=None if plain else "auto", highlight=False,
                      soft_wrap=False, force_terminal=None if out is sys.stdout else False)
    layout = _layout(rows, columns, header)
    shown = _fit(layout, console.width)
    hidden = [c for c, _, _ in layout if c not in {s for s, _, _ in shown}]
    table = Table(title=title, box=box.ASCII if plain else box.SIMPLE_HEAD, show_lines=False, show_header=header,
                  min_width=len(title or "") + 2,
                  caption=f"not shown at this width: {', '.join(hidden)} (see --format csv)" if hidden else None)
    for c, kind, width in shown:
        numeric = bool(rows) and all(isinstance(r.get(c), (int, float)) for r in rows if r.get(c) is not None)
        table.add_column(c, justify="right" if numeric else "left", no_wrap=kind == "id",
                         min_width=width if kind != "text" else None)
    for r in rows:
        table.add_row(*[Text(_cell(r.get(c), table=True), no_wrap=kind != "ids",
                             overflow="fold" if kind == "ids" else "ellipsis") for c, kind, _ in shown])
    console.print(table)
    if not rows:
        console.print("(no rows)", style=None)
