"""A network of relations as GraphML, for Gephi, Cytoscape, yEd or networkx.

The input is the network dict the analytics and the API hand out:
`{"nodes": [{"id", "name", ...}], "edges": [{"source", "target", "weight", ...}], ...}`.
Relations have a direction (who acted on whom), so the graph is directed; when the dict
holds several edges for one ordered pair (say one per QuadClass) they are all kept.

GraphML stores only text, numbers and booleans, and gives each attribute one type: lists
and dicts are written as JSON text, missing values are left out, and an attribute that is
an integer on one edge and a decimal on another is written as a decimal everywhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from seismo.export._records import ExportError


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _harmonise(items: list[dict[str, Any]]) -> None:
    """Give each attribute one GraphML type across all items (in place)."""
    kinds: dict[str, set[type]] = {}
    for item in items:
        for key, value in item.items():
            kinds.setdefault(key, set()).add(type(value))
    for key, seen in kinds.items():
        if len(seen) < 2:
            continue
        if seen <= {int, float}:
            convert: Any = float
        else:
            convert = str
        for item in items:
            if key in item:
                item[key] = convert(item[key])


def _attributes(item: Mapping[str, Any], skip: Iterable[str]) -> dict[str, Any]:
    skipped = set(skip)
    return {
        str(key): _scalar(value)
        for key, value in item.items()
        if key not in skipped and value is not None
    }


def network_graph(network: Mapping[str, Any]) -> nx.DiGraph:
    """The network dict as a networkx directed graph (a multigraph if pairs repeat)."""
    if not isinstance(network, Mapping):
        raise ExportError("The network must be a dict with 'nodes' and 'edges'.")
    nodes, edges = network.get("nodes"), network.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise ExportError("The network must have a 'nodes' list and an 'edges' list.")
    node_attrs = []
    for position, node in enumerate(nodes):
        if not isinstance(node, Mapping) or node.get("id") in (None, ""):
            raise ExportError(f"Network node #{position} has no 'id'.")
        node_attrs.append(_attributes(node, skip=("id",)))
    ids = [str(node["id"]) for node in nodes]
    known = set(ids)
    edge_attrs, pairs = [], []
    for position, edge in enumerate(edges):
        if not isinstance(edge, Mapping):
            raise ExportError(f"Network edge #{position} is not an object.")
        source, target = str(edge.get("source", "")), str(edge.get("target", ""))
        unknown = [end for end in (source, target) if end not in known]
        if unknown:
            raise ExportError(
                f"Network edge #{position} ({source} → {target}) refers to unknown node(s) "
                f"{', '.join(repr(u) for u in unknown)}."
            )
        pairs.append((source, target))
        edge_attrs.append(_attributes(edge, skip=("source", "target")))
    _harmonise(node_attrs)
    _harmonise(edge_attrs)
    graph: nx.DiGraph = nx.MultiDiGraph() if len(set(pairs)) < len(pairs) else nx.DiGraph()
    graph.graph.update(
        {
            str(key): _scalar(value)
            for key, value in network.items()
            if key not in ("nodes", "edges") and value is not None
        }
    )
    for node_id, attrs in zip(ids, node_attrs, strict=True):
        graph.add_node(node_id, **attrs)
    for (source, target), attrs in zip(pairs, edge_attrs, strict=True):
        graph.add_edge(source, target, **attrs)
    return graph


def write_graphml(network: Mapping[str, Any], path: str | Path) -> None:
    """Write the network dict as a GraphML file."""
    graph = network_graph(network)
    try:
        nx.write_graphml(graph, str(path), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
