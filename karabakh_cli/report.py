"""Records -> table / json / jsonl / csv / tsv on stdout.

The terminal-or-pipe decision is made here and only here: a rich table when stdout is a
terminal, JSON otherwise. Writers stream row by row where the format allows.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from typing import Any, Iterable, Sequence


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


def _plain(v: int | float, grouped: bool = False) -> str:
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
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _plain(v, grouped=table)
    return str(v)


def _json(row: dict, columns: Sequence[str]) -> str:
    """One row as JSON; a float Python would print as 1e-06 or 1e+16 is written out in full."""
    out = {c: row.get(c) for c in columns}
    plain = {}
    for c, v in out.items():
        if isinstance(v, float) and "e" in repr(float(v)):
            plain[c] = _plain(v)
            out[c] = f"\x00{c}\x00"
    text = json.dumps(out, ensure_ascii=False)
    for c, v in plain.items():
        text = text.replace(json.dumps(f"\x00{c}\x00"), v)
    return text


def write(rows: Iterable[dict], fmt: Format, *, columns: Sequence[str], title: str | None = None,
          table_columns: Sequence[str] | None = None, out=None) -> None:
    """Write rows; `columns` fixes key order for every format, `table_columns` trims the table."""
    out = out or sys.stdout
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
        out.write(json.dumps(obj, ensure_ascii=False, indent=None if fmt is Format.jsonl else 1) + "\n")
        out.flush()
        return
    rows = [{"key": k, "value": v} for k, v in _flatten(obj)]
    write(rows, fmt, columns=["key", "value"], title=title, out=out)


def _flatten(obj: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _flatten(v, f"{prefix}.{k}" if prefix else str(k))
    elif isinstance(obj, list) and obj and isinstance(obj[0], dict):
        for i, v in enumerate(obj):
            yield from _flatten(v, f"{prefix}[{i}]")
    else:
        yield prefix, obj


def _table(rows: list[dict], columns: Sequence[str], title: str | None, out) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    plain = plain_terminal()
    console = Console(file=out, no_color=plain, color_system=None if plain else "auto", highlight=False,
                      soft_wrap=False, force_terminal=None if out is sys.stdout else False)
    table = Table(title=title, box=box.ASCII if plain else box.SIMPLE_HEAD, show_lines=False)
    for c in columns:
        numeric = bool(rows) and all(isinstance(r.get(c), (int, float)) for r in rows if r.get(c) is not None)
        table.add_column(c, justify="right" if numeric else "left", overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(c), table=True) for c in columns])
    console.print(table)
    if not rows:
        console.print("(no rows)", style=None)
