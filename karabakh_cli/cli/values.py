"""Option values checked one way for every command: document ids, units, categories, date bounds.

A value kcli cannot use is never silently an empty answer: options whose valid values are
known up front are usage errors (exit 2) listing them, case-insensitively matched; a document
id is checked against the corpus read and the error names the ids it may have meant.
"""
from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated

import typer

DATA = Path(__file__).resolve().parent.parent / "data"
SHOWN_IDS = 10


def close_ids(wanted: str, ids: list[str]) -> list[str]:
    """Ids that start with `wanted`, else the ones that look most like it."""
    prefixed = [i for i in ids if i.startswith(wanted)]
    return prefixed or difflib.get_close_matches(wanted, ids, n=5, cutoff=0.5)


def unknown_doc(wanted: str, ids: list[str]) -> str:
    """The one-line message for an id the corpus does not have."""
    near = close_ids(wanted, ids)
    if near:
        more = f" and {len(near) - SHOWN_IDS} more" if len(near) > SHOWN_IDS else ""
        return f"no document {wanted!r}; did you mean: {', '.join(near[:SHOWN_IDS])}{more}"
    listed = ", ".join(ids[:SHOWN_IDS]) + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")
    return f"no document {wanted!r} (documents: {listed})"


def check_doc(wanted: str, ids: list[str]) -> None:
    """--doc names one document of the corpus read, exactly."""
    from .app import UserError

    if wanted not in set(ids):
        raise UserError(unknown_doc(wanted, ids))


# ------------------------------------------------------------------ quantity units and categories
@lru_cache(maxsize=1)
def _unit_tables() -> dict:
    return json.loads((DATA / "quantity_units.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def categories() -> list[str]:
    """The categories quantities are sorted into (the values of data/quantity_categories.json)."""
    cats = json.loads((DATA / "quantity_categories.json").read_text(encoding="utf-8"))
    return sorted({v for k, v in cats.items() if not k.startswith("_") and isinstance(v, str)})


@lru_cache(maxsize=1)
def units() -> dict[str, str]:
    """Every unit a quantity can carry, casefolded -> as stored ('none': plain counts)."""
    u = _unit_tables()
    names = [*u["trusted_abbreviations"], "none", *u["currency_symbols"].values(), *u["currency_words"].values(),
             *u["percent_words"].values(), *u["symbols"].values(), *u["score_units"].values(), u["factor_unit"]]
    return {n.casefold(): n for n in names}  # later tables win: the symbol as a quantity stores it


def _unit_words() -> dict[str, str]:
    """Words and symbols a user may type for a unit ("dollars", "percent", "$") -> the stored unit."""
    u = _unit_tables()
    return {k.casefold(): v for table in ("currency_symbols", "currency_words", "percent_words")
            for k, v in u[table].items()}


def _check_units(values: list[str] | None) -> list[str] | None:
    if not values:
        return values
    known, words = units(), _unit_words()
    out = []
    for v in values:
        key = v.strip().casefold()
        stored = known.get(key) or words.get(key)
        if stored is None:
            raise typer.BadParameter(f"{v!r} is not a unit kcli records; one of: {', '.join(sorted(known.values()))}")
        out.append(stored)
    return out


def _check_categories(values: list[str] | None) -> list[str] | None:
    if not values:
        return values
    by_key = {c.casefold(): c for c in categories()}
    out = []
    for v in values:
        c = by_key.get(re.sub(r"\s+", " ", v.strip()).casefold())
        if c is None:
            raise typer.BadParameter(f"{v!r} is not a category; one of: {', '.join(categories())}")
        out.append(c)
    return out


UnitOpt = Annotated[list[str] | None, typer.Option(
    "--unit", callback=_check_units, show_default=False,
    help="Only this unit, any case (repeatable): " + ", ".join(sorted(units().values(), key=str.casefold))
         + "; also words such as dollars or percent. 'none' for plain counts.")]
CategoryOpt = Annotated[list[str] | None, typer.Option(
    "--category", callback=_check_categories, show_default=False,
    help="Only this category, any case (repeatable): " + ", ".join(categories()) + ".")]


# ------------------------------------------------------------------ date bounds
def _bound(value: str | None, *, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD -> the first (or last) day it covers."""
    if value is None:
        return None
    from ..timeline import _bounds

    b = _bounds(value) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) else None
    if b is None:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return (b[1] if end else b[0]).isoformat()


def _ordered(ctx: typer.Context, lo: str | None, hi: str | None) -> None:
    if lo and hi and lo > hi:
        raise typer.BadParameter(f"{lo} is after --to {hi}", param_hint="'--from'")


def _from(ctx: typer.Context, value: str | None) -> str | None:
    day = _bound(value, end=False)
    _ordered(ctx, day, ctx.params.get("date_to"))
    return day


def _to(ctx: typer.Context, value: str | None) -> str | None:
    day = _bound(value, end=True)
    _ordered(ctx, ctx.params.get("date_from"), day)
    return day


# Name the parameters `date_from` / `date_to`: each callback looks up the other under that name.
# The command receives the first (--from) or last (--to) ISO day the value covers.
FromOpt = Annotated[str | None, typer.Option(
    "--from", callback=_from, show_default=False, help="Only on or after this date (YYYY[-MM[-DD]]).")]
ToOpt = Annotated[str | None, typer.Option(
    "--to", callback=_to, show_default=False, help="Only on or before this date (YYYY[-MM[-DD]]).")]
