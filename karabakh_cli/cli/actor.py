"""The `--actor` and `--merge` options every command shares, and the one place an actor query is resolved."""
from __future__ import annotations

import difflib
from enum import Enum
from typing import Annotated

import typer

from .app import UserError


class Merge(str, Enum):
    corpus = "corpus"
    document = "document"
    none = "none"


ActorOpt = Annotated[list[str] | None, typer.Option(
    "--actor", help="Only this actor: its name, any alias or surface form, any case (repeatable).",
    show_default=False)]
MergeOpt = Annotated[Merge, typer.Option(
    "--merge", help="Join name variants across the corpus, within each document only, or not at all.")]


def _check_labels(values: list[str] | None) -> list[str] | None:
    """Entity labels in any case -> upper case; an unknown one is a usage error listing the labels."""
    from ..extract.actors import ACTOR_LABELS

    for v in values or []:
        if v.upper() not in ACTOR_LABELS:
            raise typer.BadParameter(f"{v!r} is not one of {', '.join(sorted(ACTOR_LABELS))}")
    return [v.upper() for v in values] if values else values


def label_option(help: str) -> typer.models.OptionInfo:
    """`--label`/`-l`, checked and listed the same way on every command that has it."""
    from ..extract.actors import ACTOR_LABELS

    return typer.Option("--label", "-l", callback=_check_labels, show_default=False,
                        help=f"{help} Any case, repeatable: {', '.join(sorted(ACTOR_LABELS))}.")


def resolve_actor(queries: list[str] | None, rows: list[dict], *, exact: bool = False) -> set[str] | None:
    """The canonical actor names `queries` mean, or None when no query was given.

    `rows`: actor rows from `analyze.entities(...)` (the same merge the command uses). A query selects
    every actor with that name, surface form or data spelling ("Sergey Lavrov" where the text writes "Sergei"),
    case-insensitively ("Castro": Fidel Castro and Raul Castro, each called so in their articles, and an
    unresolved Castro), else the people whose surname it is ("Aliyev" when the text only ever wrote "Ilham
    Aliyev"). `exact`: a query that is an actor's name means that actor alone (`--explain Castro`: the
    unresolved Castro, not everyone called so).
    Filter a command's rows by `row_actor_name in result`. An unknown actor is a UserError (exit 1)
    naming the closest known names.
    """
    if not queries:
        return None
    by_name: dict[str, set[str]] = {}
    by_alias: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] = {}
    for r in rows:
        by_name.setdefault(r["name"].casefold(), set()).add(r["name"])
        for a in [*(r.get("aliases") or []), *(g.name for g in r.get("groups") or [])]:  # + the data's spellings
            by_alias.setdefault(a.casefold(), set()).add(r["name"])
        if r.get("label") == "PERSON" and " " in r["name"]:
            by_surname.setdefault(r["name"].split()[-1].casefold(), set()).add(r["name"])
    out: set[str] = set()
    for q in queries:
        k = " ".join(q.split()).casefold()
        named = by_name.get(k, set())
        found = (named if exact and named else named | by_alias.get(k, set())) or by_surname.get(k)
        if not found:
            close = difflib.get_close_matches(k, list(by_name) + list(by_alias), n=5, cutoff=0.6)
            names = sorted({n for c in close for n in by_name.get(c) or by_alias[c]})
            hint = f" (close: {', '.join(names)})" if names else ""
            raise UserError(f"no actor {q!r} in these articles{hint}")
        out |= found
    return out


def actors_named(queries: list[str], named_ms: dict[str, list[dict]]) -> list[str]:
    """The canonical actors the `--actor` values mean (`resolve_actor`: name, any surface form, a
    person's surname; an unknown one is an error naming close matches), the most mentioned first."""
    from collections import Counter

    counts: Counter = Counter()
    rows: dict[str, dict] = {}
    for ms in named_ms.values():
        for m in ms:
            counts[m["name"]] += 1
            row = rows.setdefault(m["name"], {"name": m["name"], "label": m["label"], "aliases": set()})
            row["aliases"].update([m["text"], m.get("group") or m["text"]])
    found = resolve_actor(queries, list(rows.values())) or set()
    return sorted(found, key=lambda n: (-counts[n], n))
