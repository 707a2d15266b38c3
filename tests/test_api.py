"""The JSON API in-process: filters, cursor pagination, detail with provenance, 404s, search, network, exports."""
import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from cityties.ingest import ingest
from cityties.settings import Settings
from cityties.store import Store
from cityties.web import create_app
from cityties.web.params import decode_cursor, encode_cursor, region_countries
from conftest import FIXTURES, SAMPLES

CORPUS = [SAMPLES, FIXTURES / "conflict", FIXTURES / "linked"]  # the samples, plus a conflict and linked events


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    """An app over a database holding the sample articles and the conflict and linked fixtures."""
    settings = Settings(db_url=f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")
    ingest([str(p) for p in CORPUS], Store(settings), settings)
    return TestClient(create_app(settings))


def events(client, **params) -> list[dict]:
    response = client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def test_filters_narrow_the_listing(client):
    everything = events(client)
    assert len(everything) > 20
    for params, holds in [({"type": "agreement"}, lambda e: e["type"] == "agreement"),
                          ({"country": "KR"}, lambda e: "KR" in e["countries"]),
                          ({"theme": "tourism"}, lambda e: "tourism" in e["themes"]),
                          ({"place": "인천"}, lambda e: "Incheon" in e["places"]),
                          ({"since": "2024-10", "until": "2024-10"}, lambda e: e["start"].startswith("2024-10"))]:
        found = events(client, **params)
        assert found and len(found) < len(everything) and all(holds(e) for e in found), params
    assert events(client, type="agreement", country="ZZ") == []


def test_language_filter_keeps_events_reported_in_that_language(client):
    korean = events(client, language="ko")
    assert korean and len(korean) < len(events(client))
    for e in korean[:3]:
        assert "ko" in {s["language"] for s in client.get(f"/api/events/{e['id']}").json()["sources"]}


def test_text_search_finds_events_through_their_articles(client):
    found = events(client, q="Brisbane")
    assert found and any("Brisbane" in e["places"] for e in found)
    assert events(client, q="zzzzqqq") == []


def test_pages_follow_the_cursor_without_gaps_or_duplicates(client):
    everything = [e["id"] for e in events(client)]
    seen, url, pages = [], "/api/events?limit=7&type=", 0
    while url:
        body = client.get(url).json()
        seen += [e["id"] for e in body["events"]]
        url, pages = body["next"], pages + 1
    assert pages >= 2 and pages == -(-len(everything) // 7)
    assert seen == everything and len(set(seen)) == len(seen)


def test_newest_first_then_by_id(client):
    rows = events(client)
    dated = [e["start"] for e in rows if e["start"]]
    assert dated == sorted(dated, reverse=True)
    assert rows[len(dated):] == [e for e in rows if not e["start"]]


def test_cursor_round_trip_and_rejection(client):
    assert decode_cursor(encode_cursor(("2024-10-08", 12))) == ("2024-10-08", 12)
    assert decode_cursor(encode_cursor((None, 3))) == (None, 3)
    assert client.get("/api/events", params={"cursor": "not-a-cursor"}).status_code == 400
    first = client.get("/api/events", params={"limit": 3}).json()
    again = client.get("/api/events", params={"limit": 3, "cursor": first["cursor"]}).json()
    assert {e["id"] for e in first["events"]}.isdisjoint(e["id"] for e in again["events"])


def test_event_detail_has_provenance_conflicts_and_sources(client):
    [forum] = events(client, place="Huế", type="forum", since="2025-06")
    detail = client.get(f"/api/events/{forum['id']}").json()
    assert {s["language"] for s in detail["sources"]} == {"vi", "en"}
    assert detail["conflicts"] == ["count:countries"]
    values = detail["resolved"]["count:countries"]["values"]
    assert len(values) == 2 and all(v["sentences"] and v["articles"] for v in values)
    for fact in detail["facts"]:
        assert fact["sentence"]
        for start, end in fact["marks"]:
            assert 0 <= start < end <= len(fact["sentence"])
    assert any(f["marks"] for f in detail["facts"] if f["field"] == "place")


def test_linked_events_point_both_ways(client):
    kobe = {e["type"]: e["id"] for e in events(client, place="Kobe")}
    links = client.get(f"/api/events/{kobe['agreement']}").json()["links"]
    assert [(link["relation"], link["event"]["id"]) for link in links] == [("during", kobe["visit"])]


@pytest.mark.parametrize("url", ["/api/events/999999", "/api/places/Atlantis", "/api/places/Atlantis/partners",
                                 "/api/places/Atlantis/timeline", "/api/articles/0000",
                                 "/api/dossier?a=Atlantis&b=Hanoi"])
def test_unknown_ids_and_places_are_json_404s(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json" and response.json()["detail"]


def test_place_partners_timeline_and_dossiers(client):
    place = client.get("/api/places/Incheon").json()
    assert place["place"]["name"] == "Incheon" and place["events"]
    partners = client.get("/api/places/인천/partners").json()["partners"]
    assert partners[0]["name"] == "Brisbane" and partners == sorted(partners, key=lambda p: -p["weight"])
    years = [y["year"] for y in client.get("/api/places/Incheon/timeline").json()["years"]]
    assert years == sorted(y for y in years if y) + ([None] if None in years else [])
    pair = client.get("/api/dossier", params={"a": "Incheon", "b": "Brisbane"}).json()
    assert [p["name"] for p in pair["places"]] == ["Incheon", "Brisbane"] and pair["tie"]["weight"] > 0
    single = client.get("/api/dossier", params={"a": "Incheon"}).json()
    assert [p["name"] for p in single["places"]] == ["Incheon"] and single["partners"]


def test_article_detail_spans_sentences_that_gave_facts(client):
    source = client.get(f"/api/events/{events(client, place='Brisbane')[0]['id']}").json()["sources"][0]
    article = client.get(f"/api/articles/{source['article_id']}").json()
    assert article["events"] and article["evidence"]
    assert all(0 <= s["start"] < s["end"] <= len(article["text"]) for s in article["evidence"])


def test_search_returns_events_facets_and_article_snippets(client):
    body = client.get("/api/search", params={"q": "Brisbane"}).json()
    assert body["events"] and set(body["facets"]) == {"type", "country", "theme", "language", "year"}
    assert sum(v["count"] for v in body["facets"]["type"]) == len(body["events"])
    assert body["articles"] and "\ue000" in body["articles"][0]["snippet"]
    assert client.get("/api/search").status_code == 422


def test_network_filters(client):
    whole = client.get("/api/network").json()
    assert whole["nodes"] and whole["edges"]
    europe = client.get("/api/network", params={"region": "EU"}).json()
    assert europe["nodes"] and {n["country"] for n in europe["nodes"]} <= set(region_countries("EU"))
    visits = client.get("/api/network", params={"type": "visit", "country": "VN,KR"}).json()
    assert 0 < len(visits["edges"]) < len(whole["edges"])
    assert {n["country"] for n in visits["nodes"]} <= {"VN", "KR"}
    assert client.get("/api/network", params={"region": "Atlantis"}).status_code == 400


def test_stats(client):
    body = client.get("/api/stats").json()
    assert body["articles"] == len(list(SAMPLES.iterdir())) + 3 and body["events"] > 20 and body["failures"] == []


@pytest.mark.parametrize("fmt, what, media", [("graphml", "network", "application/graphml+xml"),
                                              ("gexf", "network", "application/gexf+xml"),
                                              ("json", "network", "application/json"),
                                              ("csv", "events", "text/csv"),
                                              ("jsonl", "events", "application/x-ndjson"),
                                              ("parquet", "events", "application/vnd.apache.parquet")])
def test_exports_stream_files_that_parse_back(client, fmt, what, media):
    response = client.get("/api/export", params={"format": fmt, "what": what})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert fmt in response.headers["content-disposition"]
    n_events = len(events(client))
    if what == "network":
        net = client.get("/api/network").json()
        if fmt == "json":
            loaded = nx.Graph((e["source"], e["target"]) for e in response.json()["edges"])
            loaded.add_nodes_from(n["geonameid"] for n in response.json()["nodes"])
        else:
            loaded = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}[fmt](io.BytesIO(response.content))
        assert loaded.number_of_nodes() == len(net["nodes"]) and loaded.number_of_edges() == len(net["edges"])
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(response.text)))) == n_events
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in response.text.splitlines()]) == n_events
    else:
        assert pq.read_table(io.BytesIO(response.content)).num_rows == n_events


def test_network_csv_comes_as_one_table_per_part(client):
    edges = client.get("/api/export", params={"format": "csv", "part": "edges", "type": "agreement"})
    rows = list(csv.DictReader(io.StringIO(edges.text)))
    assert rows and {"source", "target", "weight"} <= set(rows[0])
    assert client.get("/api/export", params={"format": "graphml", "what": "events"}).status_code == 422


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/places/{name}", "/api/dossier", "/api/network",
            "/api/search", "/api/stats", "/api/export"} <= set(paths)
    assert client.get("/docs").status_code == 200
