"""Exports of the network (GraphML, GEXF, CSV, JSON) and of events (CSV, JSON Lines, Parquet) parse back."""
import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from cityties import exports, queries
from cityties.cli import app
from cityties.network import NetworkFilter
from handmade import Ev, gid, store_events

EVENTS = (
    Ev("agreement", "2024-03-14", ("Da Nang", "Fukuoka"), ("tourism", "education")),
    Ev("visit", "2024-05-02", ("Fukuoka", "Da Nang"), ("tourism",)),
    Ev("forum", "2024-11-02", ("Da Nang", "Yokohama", "Iloilo"), ("climate",), hosted=True),
    Ev("meeting", None, ("Seoul", "Tokyo")),  # undated: a tie without first or last contact
)


@pytest.fixture
def filled(store):
    store_events(store, *EVENTS)
    return store


@pytest.fixture
def net(filled) -> dict:
    with filled.session() as s:
        return queries.network(s, NetworkFilter())


@pytest.fixture
def rows(filled) -> list[dict]:
    with filled.session() as s:
        return queries.events_table(s, NetworkFilter())


def _pair(a: str, b: str) -> tuple[int, int]:
    return tuple(sorted((gid(a), gid(b))))


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_parse_back_with_scalar_attributes(net, fmt, read):
    g = read(io.BytesIO(exports.render("network", fmt, net).encode("utf-8")), node_type=int)
    assert g.number_of_nodes() == len(net["nodes"]) and g.number_of_edges() == len(net["edges"])
    danang = g.nodes[gid("Da Nang")]
    assert (danang["name"], danang["country"], danang["events"]) == ("Da Nang", "VN", 3)
    assert danang["lat"] == pytest.approx(16.07, abs=0.1)
    tie = g.edges[_pair("Da Nang", "Fukuoka")]
    assert tie["weight"] == pytest.approx(7.0)
    assert (tie["first"], tie["last"]) == ("2024-03-14", "2024-05-02")
    assert tie["fields"] == "tourism;education" and tie["types"] == "agreement;visit"
    assert len(tie["events"].split(";")) == 2
    assert g.edges[_pair("Seoul", "Tokyo")]["first"] == ""


def test_network_csv_goes_to_two_files_or_two_sections(net, tmp_path):
    written = exports.save("network", "csv", net, tmp_path / "net")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    nodes = list(csv.DictReader((tmp_path / "net" / "nodes.csv").open(encoding="utf-8")))
    edges = list(csv.DictReader((tmp_path / "net" / "edges.csv").open(encoding="utf-8")))
    assert len(nodes) == len(net["nodes"]) and len(edges) == len(net["edges"])
    top = edges[0]
    assert (top["source_name"], top["target_name"]) in {("Da Nang", "Fukuoka"), ("Fukuoka", "Da Nang")}
    assert float(top["weight"]) == 7.0 and top["fields"] == "tourism;education"
    node_section, edge_section = exports.render("network", "csv", net).split("\n\n")
    assert list(csv.DictReader(io.StringIO(node_section))) == nodes
    assert list(csv.DictReader(io.StringIO(edge_section))) == edges


def test_network_json_keeps_lists(net):
    back = json.loads(exports.render("network", "json", net))
    assert back == net and isinstance(back["edges"][0]["fields"], list)


def test_events_as_csv_jsonl_and_parquet(rows, tmp_path):
    table = list(csv.DictReader(io.StringIO(exports.render("events", "csv", rows))))
    assert [int(r["id"]) for r in table] == [r["id"] for r in rows]
    assert table[0]["places"] == ";".join(rows[0]["places"])
    lines = exports.render("events", "jsonl", rows).splitlines()
    assert [json.loads(line) for line in lines] == rows
    exports.save("events", "parquet", rows, tmp_path / "events.parquet")
    assert pq.read_table(tmp_path / "events.parquet").to_pylist() == rows
    exports.save("events", "parquet", [], tmp_path / "none.parquet")
    assert pq.read_table(tmp_path / "none.parquet").column_names == list(exports.EVENT_COLUMNS)


def invoke(runner, settings, *args):
    return runner.invoke(app, ["--db", settings.db_url, "export", *args])


def test_cli_exports_to_standard_output(runner, settings, filled):
    graphml = invoke(runner, settings, "--format", "graphml", "--country", "VN,JP")
    assert graphml.exit_code == 0, graphml.output
    g = nx.read_graphml(io.BytesIO(graphml.stdout.encode("utf-8")), node_type=int)
    assert {d["country"] for _, d in g.nodes(data=True)} == {"VN", "JP"}
    network = json.loads(invoke(runner, settings, "--format", "json", "--type", "visit").stdout)
    assert [e["types"] for e in network["edges"]] == [["visit"]]
    events = [json.loads(x) for x in invoke(runner, settings, "--format", "jsonl", "--since", "2024-05").stdout.splitlines()]
    assert [e["type"] for e in events] == ["visit", "forum"]  # jsonl exports events by default


def test_cli_exports_to_files(runner, settings, filled, tmp_path):
    assert invoke(runner, settings, "--format", "parquet", "--output", str(tmp_path / "e.parquet")).exit_code == 0
    assert pq.read_table(tmp_path / "e.parquet").num_rows == len(EVENTS)
    assert invoke(runner, settings, "--format", "csv", "--output", str(tmp_path / "net")).exit_code == 0
    assert (tmp_path / "net" / "nodes.csv").exists() and (tmp_path / "net" / "edges.csv").exists()
    result = invoke(runner, settings, "--format", "gexf", "--output", str(tmp_path / "ties.gexf"))
    assert result.exit_code == 0
    assert nx.read_gexf(tmp_path / "ties.gexf").number_of_edges() == 5


@pytest.mark.parametrize("args, says", [
    (("--format", "parquet"), "--output"),
    (("--format", "graphml", "--what", "events"), "graphml"),
    (("--format", "xlsx"), "xlsx"),
    (("--format", "json", "--type", "party"), "party"),
])
def test_cli_refuses_what_it_cannot_export_with_exit_code_2(runner, settings, filled, args, says):
    result = invoke(runner, settings, *args)
    assert result.exit_code == 2 and says in result.output and result.stdout == ""
