"""Who appears with whom: actor pairs that share a sentence, paragraph or article.

Runs over named mentions (the actors step), never the model. Nationalities and dateline
credits are no co-occurrence of substance ("Russian" beside "Russia", the agency that filed
the story beside everyone), so they stay out unless asked for.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import combinations
from pathlib import Path

from .scope import paragraphs

NETWORK_COLUMNS = ["source", "target", "source_label", "target_label", "weight", "documents", "doc_ids"]
WINDOWS = ("sentence", "paragraph", "document")


def kept(m: dict, labels: set[str] | None, with_dateline: bool) -> bool:
    """A mention the network counts: of the wanted labels (no NORP unless asked), no dateline credit unless asked."""
    if m.get("source") == "dateline" and not with_dateline:
        return False
    return m["label"] in labels if labels else m["label"] != "NORP"


def windows(rec: dict, window: str) -> list[tuple[int, int]]:
    """The spans whose actors co-occur."""
    if window == "sentence":
        return [tuple(s) for s in rec.get("sentences") or []]
    if window == "paragraph":
        return paragraphs(rec["text"])
    return [(0, len(rec["text"]))]


def edges(records: list[dict], named: dict[str, list[dict]], *, window: str = "sentence",
          labels: set[str] | None = None, with_dateline: bool = False) -> tuple[list[dict], dict[str, dict]]:
    """(edge rows by weight, nodes: name -> {label, mentions}) over the given records.

    An edge's weight is the number of windows both actors appear in; a pair is counted once per
    window however often either is named there.
    """
    weight: Counter = Counter()
    docs: dict[tuple[str, str], dict[str, None]] = {}
    labels_of: dict[str, Counter] = {}
    for rec in records:
        ms = [m for m in named.get(rec["doc_id"], []) if kept(m, labels, with_dateline)]
        if not ms:
            continue
        for m in ms:
            labels_of.setdefault(m["name"], Counter())[m["label"]] += 1
        starts = [m["start"] for m in ms]
        for s, e in windows(rec, window):
            here = sorted({m["name"] for m in ms[bisect_left(starts, s):bisect_left(starts, e)]})
            for pair in combinations(here, 2):
                weight[pair] += 1
                docs.setdefault(pair, {})[rec["doc_id"]] = None
    nodes = {n: {"label": c.most_common(1)[0][0], "mentions": sum(c.values())} for n, c in labels_of.items()}
    rows = [{"source": a, "target": b, "source_label": nodes[a]["label"], "target_label": nodes[b]["label"],
             "weight": w, "documents": len(docs[(a, b)]), "doc_ids": list(docs[(a, b)])}
            for (a, b), w in weight.items()]
    rows.sort(key=lambda r: (-r["weight"], -r["documents"], r["source"], r["target"]))
    return rows, nodes


def ego(rows: list[dict], actors: set[str], *, ties_among: bool = False) -> list[dict]:
    """The actors' own ties, each actor as `source`; with `ties_among`, also the ties between their neighbours."""
    out, around = [], set(actors)
    for r in rows:
        if r["source"] in actors or r["target"] in actors:
            around |= {r["source"], r["target"]}
            out.append(_flip(r) if r["target"] in actors and r["source"] not in actors else r)
    if ties_among:
        out += [r for r in rows if r["source"] in around and r["target"] in around
                and r["source"] not in actors and r["target"] not in actors]
        out.sort(key=lambda r: (-r["weight"], -r["documents"], r["source"], r["target"]))
    return out


def _flip(r: dict) -> dict:
    return {**r, "source": r["target"], "target": r["source"],
            "source_label": r["target_label"], "target_label": r["source_label"]}


def graph(rows: list[dict], nodes: dict[str, dict], keep: set[str] = frozenset()):
    """A networkx graph of the rows: nodes carry label and mentions, edges weight and documents."""
    import networkx as nx

    g = nx.Graph()
    for name in sorted({n for r in rows for n in (r["source"], r["target"])} | (keep & nodes.keys())):
        g.add_node(name, label=nodes[name]["label"], mentions=nodes[name]["mentions"])
    for r in rows:
        g.add_edge(r["source"], r["target"], weight=r["weight"], documents=r["documents"])
    return g


def write_graph(g, path: Path) -> None:
    """GEXF (Gephi) or GraphML (Cytoscape, yEd) by the file's suffix.

    A GEXF node's `label` is the text Gephi draws, so there it is the actor's name and the
    entity label moves to the `entity_label` attribute.
    """
    import networkx as nx

    if path.suffix.lower() == ".gexf":
        g = g.copy()
        for name, data in g.nodes(data=True):
            data["entity_label"], data["label"] = data["label"], name
        nx.write_gexf(g, path)
    else:
        nx.write_graphml(g, path)
