"""Options and steps the analysis commands share: article-date range, actors by name, charts as files."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Callable

import typer

from .app import UserError


def _check_plot(value: Path | None) -> Path | None:
    from ..plot import SUFFIXES

    if value is not None and value.suffix.lower() not in SUFFIXES:
        raise typer.BadParameter(f"{str(value)!r}: the chart file must end in {', '.join(SUFFIXES)}")
    return value


PlotOpt = Annotated[Path | None, typer.Option(
    "--plot", dir_okay=False, show_default=False, callback=_check_plot,
    help="Also draw the rows as a chart into this file (.png, .svg, .pdf; needs the 'plot' extra).")]


def article_dates(records: list[dict]) -> dict[str, str | None]:
    """doc_id -> the article's date (header, dateline, or inferred from the corpus), None when undated."""
    from ..timeline import infer_dates

    return {d: v["date"] for d, v in infer_dates(records).items()}


def in_scope(records: list[dict], dates: dict[str, str | None], *, doc: str | None,
             days: tuple[str | None, str | None]) -> list[dict]:
    """The records of `--doc` dated within `days` (an undated article is outside any range)."""
    from ..scope import in_range

    return [r for r in records if (doc is None or r["doc_id"] == doc) and in_range(dates[r["doc_id"]], *days)]


def named(records: list[dict], aliases: Path | None) -> dict[str, list[dict]]:
    """doc_id -> mentions with canonical names, actors merged over all `records`."""
    from .. import analyze
    from ..scope import by_doc
    from .app import lexicon_for

    return by_doc(analyze.mentions(records, lex=lexicon_for(aliases)))


def draw(chart: Callable[..., None], *args, path: Path, **kwargs) -> None:
    """Write a chart file; a missing matplotlib is a one-line install hint (exit 1)."""
    from ..plot import PlotUnavailable
    from ..records import warn

    try:
        chart(*args, path, **kwargs)
    except PlotUnavailable as e:
        raise UserError(str(e)) from None
    except OSError as e:
        raise UserError(f"{path}: cannot write the chart ({e.strerror or e})") from None
    warn(f"chart written to {path}")
