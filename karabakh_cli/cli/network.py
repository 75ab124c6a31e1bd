"""`kcli network`: who appears with whom, as rows and as a graph file for Gephi or Cytoscape."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .actor import label_option
from .app import DocOpt, Paths, UserError
from .command import Corpus, command
from .values import FromOpt, ToOpt


class Window(str, Enum):
    sentence = "sentence"
    paragraph = "paragraph"
    document = "document"


def _graph_file(suffix: str):
    def check(value: Path | None) -> Path | None:
        if value is not None and value.suffix.lower() != suffix:
            raise typer.BadParameter(f"{str(value)!r}: the file must end in {suffix}")
        return value
    return check


@command("network")
def network_cli(
    paths: Paths = None,
    window: Annotated[Window, typer.Option("--window", "-w", case_sensitive=False,
                                           help="Actors co-occur when they share this window.")] = Window.sentence,
    min_weight: Annotated[int, typer.Option("--min-weight", min=1, help="Only pairs sharing this many windows.")] = 1,
    actor: Annotated[list[str] | None, typer.Option(
        "--actor", help="The ego network of this actor (any name it is mentioned under; repeatable): its own ties.",
        show_default=False)] = None,
    alters: Annotated[bool, typer.Option("--alters", help="With --actor, also the ties between its neighbours.")]
    = False,
    label: Annotated[list[str] | None, label_option("Only actors with these labels. Default: all but NORP.")]
    = None,
    with_dateline: Annotated[bool, typer.Option("--with-dateline", help="Count dateline places and agencies too.")]
    = False,
    gexf: Annotated[Path | None, typer.Option("--gexf", dir_okay=False, callback=_graph_file(".gexf"),
                                              help="Also write the graph as GEXF (Gephi).", show_default=False)]
    = None,
    graphml: Annotated[Path | None, typer.Option("--graphml", dir_okay=False, callback=_graph_file(".graphml"),
                                                 help="Also write the graph as GraphML (Cytoscape, yEd).",
                                                 show_default=False)] = None,
    date_from: FromOpt = None, date_to: ToOpt = None, doc: DocOpt = None,
    *, corpus: Corpus,
) -> None:
    """Actor pairs named in the same sentence, paragraph or article, weighted by the windows they share."""
    from .. import network, report
    from ..records import warn
    from .actor import actors_named
    from .scope import article_dates, in_scope, named

    labels = set(label or [])
    days = (date_from, date_to)  # first and last ISO day (values.FromOpt / ToOpt)
    loaded = corpus.load(paths, doc=doc)
    named_ms = named(loaded.records, corpus.aliases)
    recs = in_scope(loaded.records, article_dates(loaded.records), doc=doc, days=days)
    rows, nodes = network.edges(recs, named_ms, window=window.value, labels=labels or None,
                                with_dateline=with_dateline)
    rows = [r for r in rows if r["weight"] >= min_weight]
    egos: set[str] = set()
    if actor:
        egos = set(actors_named(actor, named_ms)) & nodes.keys()
        rows = network.ego(rows, egos, ties_among=alters)
    for path in (gexf, graphml):
        if path is not None:
            try:
                network.write_graph(network.graph(rows, nodes, keep=egos), path)
            except OSError as e:
                raise UserError(f"{path}: cannot write the graph ({e.strerror or e})") from None
            warn(f"graph written to {path}")
    report.write(rows, corpus.format, columns=network.NETWORK_COLUMNS,
                 title=f"Co-occurrence per {window.value}",
                 table_columns=["source", "target", "source_label", "target_label", "weight", "documents"])
