"""Help and usage errors as a reader sees them, for every command the app has or will get.

Typer renders help through rich markup (a bracket such as `[dask]` vanishes), shows a type
metavar for flags (`<bool>`) and for repeatable options (`<list[str]>`), and words some usage
errors the way its validator does ("Value error, ..."). The rules here fix that for all
commands at once, so a new command inherits them by being registered on the app.
"""
from __future__ import annotations

import re
from typing import Any

from typer.core import TyperGroup

_POLISHED = "_kcli_polished"


def polish(cmd: Any, ctx: Any = None) -> Any:
    """Escape rich markup in help texts and give flags and repeatable options plain metavars (once)."""
    if getattr(cmd, _POLISHED, False):
        return cmd
    from rich.markup import escape

    if cmd.help:
        cmd.help = escape(cmd.help)
    help_option = cmd.get_help_option(ctx) if ctx is not None else None  # made (and cached) on demand
    for p in [*cmd.params, *([help_option] if help_option is not None else [])]:
        if getattr(p, "help", None):
            p.help = escape(p.help)
        if p.param_type_name == "argument" and p.metavar is None:
            p.metavar = p.name.upper()  # DOC_ID, as usage lines spell arguments
        if getattr(p, "is_flag", False) and not getattr(p, "count", False):
            p.metavar = ""  # a flag takes no value: show none
        elif (getattr(p, "multiple", False) or p.nargs != 1) and ctx is not None and hasattr(p, "display_type"):
            one = re.sub(r"list\[(.*)\]", r"\1", p.display_type(ctx))  # the type of one value, given many times
            if p.param_type_name == "argument":
                p.display_type_rich = lambda ctx, shown=one: shown  # typer reads an argument's type only here
            elif p.metavar is None:
                p.metavar = one
    setattr(cmd, _POLISHED, True)
    return cmd


class Group(TyperGroup):
    """The app's group: every command (and the group itself) polished when click first asks for it."""

    def get_params(self, ctx: Any) -> list[Any]:
        polish(self, ctx)
        return super().get_params(ctx)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        return polish(cmd, ctx) if cmd is not None else None


# Validator phrases -> plain words; anything else passes through unchanged.
_PLAIN = [
    (re.compile(r"Value error, "), ""),
    (re.compile(r"Input should be a valid integer(, [^.]*)?"), "expected a whole number"),
    (re.compile(r"Input should be a valid number(, [^.]*)?"), "expected a number"),
    (re.compile(r"Input should be greater than or equal to (\S+)"), r"must be at least \1"),
    (re.compile(r"Input should be less than or equal to (\S+)"), r"must be at most \1"),
    (re.compile(r"Input should be "), "must be "),
]


def plain_words(message: str) -> str:
    """A usage error's message without validator wording."""
    for pattern, repl in _PLAIN:
        message = pattern.sub(repl, message)
    return message
