"""Writers for the city network (GraphML, GEXF, CSV, JSON) and the events table (CSV, JSON Lines, Parquet)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

LIST_SEPARATOR = ";"  # joins list values where a format needs scalars (GraphML, GEXF, CSV)
NODE_ATTRS = ("name", "country", "kind", "lat", "lon", "events")
EDGE_ATTRS = ("weight", "first", "last", "fields", "types", "events")
NODE_COLUMNS = ("geonameid",) + NODE_ATTRS
EDGE_COLUMNS = ("source", "target", "source_name", "target_name") + EDGE_ATTRS
NETWORK_FILES = {"nodes": "nodes.csv", "edges": "edges.csv"}  # what a csv export writes into --output

_text = pa.string()
_texts = pa.list_(pa.string())
EVENT_SCHEMA = pa.schema([
    ("id", pa.int64()), ("type", _text), ("name", _text), ("start", _text), ("end", _text),
    ("location", _text), ("country", _text), ("places", _texts), ("countries", _texts),
    ("organizations", _texts), ("people", _texts), ("themes", _texts), ("sources", pa.int64()),
    ("confidence", pa.float64()),
])
EVENT_COLUMNS = tuple(EVENT_SCHEMA.names)


def _scalar(value):
    """A value as GraphML, GEXF and CSV hold it: lists joined, None left for the caller to drop."""
    return LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else value


def _flat(row: dict, columns: tuple[str, ...]) -> dict:
    return {c: _scalar(row[c]) for c in columns}


def to_graph(net: dict) -> nx.Graph:
    """The network as a networkx graph keyed by GeoNames id, with scalar attributes only."""
    g = nx.Graph()
    for n in net["nodes"]:
        attrs = {k: v for k, v in _flat(n, NODE_ATTRS).items() if v is not None}
        g.add_node(n["geonameid"], label=n["name"], **attrs)
    for e in net["edges"]:
        attrs = _flat(e, EDGE_ATTRS)
        attrs.update(first=attrs["first"] or "", last=attrs["last"] or "")  # undated ties
        g.add_edge(e["source"], e["target"], **attrs)
    return g


def _graph_text(write: Callable) -> Callable[[dict], str]:
    def render(net: dict) -> str:
        buffer = io.BytesIO()
        write(to_graph(net), buffer)
        return buffer.getvalue().decode("utf-8")
    return render


def _csv_text(rows: list[dict], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_flat(r, columns) for r in rows)
    return buffer.getvalue()


def network_tables(net: dict) -> dict[str, str]:
    """The network as two CSV texts, nodes and edges (edges also carry the places' names)."""
    names = {n["geonameid"]: n["name"] for n in net["nodes"]}
    edges = [e | {"source_name": names[e["source"]], "target_name": names[e["target"]]} for e in net["edges"]]
    return {"nodes": _csv_text(net["nodes"], NODE_COLUMNS), "edges": _csv_text(edges, EDGE_COLUMNS)}


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


NETWORK_FORMATS: dict[str, Callable[[dict], str]] = {
    "graphml": _graph_text(nx.write_graphml),
    "gexf": _graph_text(nx.write_gexf),
    "csv": lambda net: "\n".join(network_tables(net).values()),  # two sections, a blank line apart
    "json": _json_text,
}
EVENT_FORMATS: dict[str, Callable[[list[dict]], str] | None] = {
    "csv": lambda rows: _csv_text(rows, EVENT_COLUMNS),
    "jsonl": lambda rows: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
    "json": _json_text,
    "parquet": None,  # binary: written to a file only
}
FORMATS = {"network": NETWORK_FORMATS, "events": EVENT_FORMATS}
DEFAULT_WHAT = {"parquet": "events", "jsonl": "events"}  # any other format: the network


def default_what(fmt: str) -> str:
    """What a format exports unless told: events for parquet and jsonl, else the network."""
    return DEFAULT_WHAT.get(fmt, "network")


def problem(what: str, fmt: str, output: Path | None) -> str | None:
    """Why this export cannot run, or None when it can."""
    if what not in FORMATS:
        return f"unknown --what {what!r} (known: {', '.join(FORMATS)})"
    formats = FORMATS[what]
    if fmt not in formats:
        return f"{what} exports as {', '.join(formats)}, not {fmt!r}"
    if formats[fmt] is None and output is None:
        return f"{fmt} is a binary format: give a file with --output PATH"
    return None


def render(what: str, fmt: str, data) -> str:
    """The export as text, for standard output."""
    return FORMATS[what][fmt](data)


def save(what: str, fmt: str, data, output: Path) -> list[Path]:
    """Write the export under output (a directory for the network as csv); returns the files written."""
    if what == "network" and fmt == "csv":
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for part, text in network_tables(data).items():
            path = output / NETWORK_FILES[part]
            path.write_text(text, encoding="utf-8")
            written.append(path)
        return written
    if fmt == "parquet":
        pq.write_table(pa.Table.from_pylist(data, schema=EVENT_SCHEMA), output)
    else:
        output.write_text(render(what, fmt, data), encoding="utf-8")
    return [output]
