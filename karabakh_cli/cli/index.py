"""`kcli index` (process a corpus once into the on-disk index) and `kcli stats` (the corpus in figures)."""
from __future__ import annotations

import sys
from collections import Counter
from typing import Annotated

import typer

from .app import (
    AliasesOpt,
    IndexOpt,
    ModelOpt,
    Paths,
    PatternsOpt,
    ProcsOpt,
    UserError,
    app,
    load,
    options,
)
from .command import Corpus, command

TOP_ACTORS = 10
SchedulerOpt = Annotated[str | None, typer.Option(
    "--scheduler", envvar="KCLI_SCHEDULER", show_default=False,
    help="Run the model on a Dask cluster: tcp://HOST:PORT of its scheduler, or local:N for N worker processes "
         "here (needs pip install 'karabakh-cli[dask]'; paths must be readable by the workers).")]


def _refuse_no_index(value: bool) -> bool:
    """`kcli index` exists to write the index: asking it not to is a contradiction, said as a usage error."""
    if value:
        raise typer.BadParameter("kcli index writes the index, so --no-index cannot apply; leave it out")
    return value


@app.command("index")
def index_cli(paths: Paths = None, model: ModelOpt = None, patterns: PatternsOpt = None, aliases: AliasesOpt = None,
              processes: ProcsOpt = None, index: IndexOpt = None, scheduler: SchedulerOpt = None,
              no_index: Annotated[bool, typer.Option("--no-index", hidden=True, callback=_refuse_no_index)] = False,
              ) -> None:
    """Process new and changed articles into the index, so later commands answer without the model."""
    from .. import distributed, store

    opts = options(paths, model, patterns, aliases, processes, index, no_index)
    opts.scheduler = scheduler
    try:
        if scheduler:
            distributed.require()
        loaded = load(opts)
    except distributed.DistributedError as e:
        raise UserError(str(e)) from None
    where = str(index or store.default_path())
    detail = f" ({loaded.new} new, {loaded.changed} changed)" if loaded.processed else ""
    took = (f"; processing took {loaded.seconds:.1f} s ({loaded.words / loaded.seconds:,.0f} words/s)"
            if loaded.processed and loaded.seconds > 0 else "")
    print(f"kcli: {len(loaded.records)} documents: {loaded.from_index} from the index, "
          f"{loaded.processed} processed{detail}, {len(loaded.failed)} failed, {loaded.parsed} openings parsed; "
          f"index: {where}{took}", file=sys.stderr)


@command("stats")
def stats_cli(paths: Paths = None, *, corpus: Corpus) -> None:
    """The corpus in figures: size, dates, actors, events, quantities, and what the index held."""
    from .. import report

    loaded = corpus.load(paths)
    obj = stats(loaded.records, lex=corpus.lexicon())
    obj.update(from_index=loaded.from_index, processed=loaded.processed, failed=len(loaded.failed))
    report.write_object(obj, corpus.format, title="Corpus")


def stats(records: list[dict], *, lex) -> dict:
    """Figures over stored records only: no model, no pandas, so a warm call stays fast."""
    from .. import __version__, analyze, timeline
    from ..scope import sources

    dates = timeline.infer_dates(records)
    days = sorted(d["date"] for d in dates.values() if d["date"])
    months = Counter(d[:7] for d in days)
    labels = Counter(m["label"] for r in records for m in r.get("mentions", []))
    actors = analyze.entities(records, lex=lex, top=TOP_ACTORS)
    return {
        "documents": len(records),
        "words": sum(r.get("words", 0) for r in records),
        "sentences": sum(len(r.get("sentences", [])) for r in records),
        "first_date": days[0] if days else None,
        "last_date": days[-1] if days else None,
        "undated": len(records) - len(days),
        "articles_per_month": dict(sorted(months.items())),
        "articles_per_source": sources(records),
        "mentions_per_label": dict(labels.most_common()),
        "top_actors": [{k: a[k] for k in ("name", "label", "mentions", "documents")} for a in actors],
        "timeline_events": len(timeline.events(records)),
        "quantities": _quantity_totals(records),
        "model": Counter(r.get("model") for r in records).most_common(1)[0][0] if records else None,
        "kcli_version": __version__,
    }


def _quantity_totals(records: list[dict]) -> list[dict]:
    """Totals per (category, unit) as `quantities --group-by category` makes them; flagged ones left out."""
    from ..analyze import group_quantities
    from ..extract.quantities import FLAGGED

    rows = [{**q, "doc_id": r["doc_id"]} for r in records for q in r.get("quantities", [])
            if not FLAGGED & set(q.get("flags") or [])]
    return group_quantities(rows, "category")[0]
