"""The city network: weights by event type, large events, contact dates, fields, filters."""
import pytest

from cityties import network, queries
from cityties.ingest import ingest
from cityties.network import TYPE_WEIGHTS, NetworkFilter
from handmade import Ev, gid, store_events

# One event of each type between its own pair of places, a month apart.
ONE_OF_EACH = {
    "agreement": Ev("agreement", "2025-01-10", ("Hanoi", "Vientiane")),
    "visit": Ev("visit", "2025-02-10", ("Huế", "Kyoto")),
    "meeting": Ev("meeting", "2025-03-10", ("Busan", "Fukuoka")),
    "forum": Ev("forum", "2025-04-10", ("Incheon", "Brisbane")),
    "award": Ev("award", "2025-05-10", ("Seoul", "Tokyo")),
    "membership": Ev("membership", "2025-06-10", ("Suwon", "Bangkok")),
}


def _net(store, **flt) -> dict:
    with store.session() as s:
        return queries.network(s, NetworkFilter(**flt))


def _edge(net: dict, a: str, b: str) -> dict | None:
    pair = tuple(sorted((gid(a), gid(b))))
    return next((e for e in net["edges"] if (e["source"], e["target"]) == pair), None)


@pytest.fixture
def one_of_each(store):
    store_events(store, *ONE_OF_EACH.values())
    return store


def test_weights_follow_the_type_order(one_of_each):
    net = _net(one_of_each)
    weights = {t: _edge(net, *ev.places)["weight"] for t, ev in ONE_OF_EACH.items()}
    assert weights == TYPE_WEIGHTS
    assert weights["agreement"] > weights["visit"] > weights["meeting"] > weights["forum"] > weights["award"]
    assert weights["membership"] <= weights["forum"]
    assert {n["name"]: n["events"] for n in net["nodes"]}["Hanoi"] == 1
    assert len(net["edges"]) == len(ONE_OF_EACH) and len(net["nodes"]) == 2 * len(ONE_OF_EACH)


def test_a_tie_keeps_first_and_last_contact_fields_types_and_events(store):
    ids = store_events(
        store,
        Ev("visit", "2023-05-10", ("Da Nang", "Yokohama"), ("tourism", "economy")),
        Ev("meeting", "2024-03", ("Yokohama", "Da Nang"), ("economy",)),
        Ev("agreement", None, ("Da Nang", "Yokohama"), ("economy", "culture")),
        Ev("forum", "2024-11-02", ("Da Nang", "Yokohama", "Iloilo", "Surabaya"), ("climate",)),
    )
    tie = _edge(_net(store), "Da Nang", "Yokohama")
    assert (tie["first"], tie["last"]) == ("2023-05-10", "2024-11-02")
    assert tie["fields"] == ["economy", "climate", "culture", "tourism"]  # most frequent first
    assert tie["types"] == ["agreement", "visit", "meeting", "forum"]  # strongest first
    assert tie["events"] == sorted(ids)
    # the four-place forum counts (3 - 1) / (4 - 1) of a forum for each of its six ties
    assert tie["weight"] == pytest.approx(3 + 2 + 4 + 2 / 3, abs=1e-3)


def test_a_large_forum_is_down_weighted_and_a_roster_becomes_a_star(store, monkeypatch):
    cities = ("Da Nang", "Yokohama", "Iloilo", "Surabaya", "Manila", "Jakarta")
    store_events(store, Ev("forum", "2024-12-02", cities, hosted=True))
    net = _net(store)
    assert len(net["edges"]) == 15  # 6 * 5 / 2
    assert {e["weight"] for e in net["edges"]} == {0.4}  # (3 - 1) / (6 - 1)
    monkeypatch.setattr(network, "MAX_CLIQUE_PLACES", 4)
    network.forget()  # the network built above used the old limit
    star = _net(store)
    assert len(star["edges"]) == 5
    assert all(gid("Da Nang") in (e["source"], e["target"]) for e in star["edges"])
    assert len(star["nodes"]) == 6


def test_filters_select_events_and_the_region_selects_places(one_of_each):
    assert [e["types"] for e in _net(one_of_each, types=("visit",))["edges"]] == [["visit"]]
    spring = _net(one_of_each, since="2025-03", until="2025-04")
    assert sorted(t for e in spring["edges"] for t in e["types"]) == ["forum", "meeting"]
    region = _net(one_of_each, countries=("KR", "JP"))
    assert {n["country"] for n in region["nodes"]} == {"KR", "JP"}
    assert "Incheon" in {n["name"] for n in region["nodes"]}  # its partner, Brisbane, is outside
    assert _edge(region, "Incheon", "Brisbane") is None and _edge(region, "Busan", "Fukuoka")


def test_minimum_confidence_leaves_out_unsure_events(store):
    store_events(store, Ev("visit", "2024-01-05", ("Hanoi", "Vientiane")),
                 Ev("agreement", "2024-02-05", ("Seoul", "Tokyo"), confidence=0.5))
    assert len(_net(store)["edges"]) == 2
    assert [e["types"] for e in _net(store, min_confidence=0.7)["edges"]] == [["visit"]]


def test_the_network_of_ingested_articles_agrees_with_the_dossier(store, settings, good_articles):
    ingest([str(good_articles)], store, settings)
    tie = _edge(_net(store), "Da Nang", "Fukuoka")
    with store.session() as s:
        d = queries.dossier(s, "Da Nang", "Fukuoka")
    assert tie["events"] == sorted(e["id"] for e in d["events"])
    assert (tie["first"], tie["last"]) == (d["first"], d["last"])
    assert "agreement" in tie["types"] and tie["weight"] >= TYPE_WEIGHTS["agreement"]


def test_events_table_rows_are_flat_and_filtered(one_of_each):
    with one_of_each.session() as s:
        rows = queries.events_table(s, NetworkFilter())
        visits = queries.events_table(s, NetworkFilter(types=("visit",)))
        korean = queries.events_table(s, NetworkFilter(countries=("KR",)))
    assert set(rows[0]) == {"id", "type", "name", "start", "end", "location", "country", "places",
                            "countries", "organizations", "people", "themes", "sources", "confidence"}
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert [r["type"] for r in visits] == ["visit"]
    assert {r["type"] for r in korean} == {"meeting", "forum", "award", "membership"}


def test_a_network_is_built_once_per_database_state(store, settings, good_articles, monkeypatch):
    from cityties.ingest import ingest
    ingest([str(good_articles)], store, settings)
    network.forget()
    calls = []
    real = network._build
    monkeypatch.setattr(network, "_build", lambda s, f: calls.append(f) or real(s, f))
    with store.session() as s:
        first = network.build(s, network.NetworkFilter())
        again = network.build(s, network.NetworkFilter())
    assert first == again and len(calls) == 1
    first["edges"].clear()  # a caller changing its copy changes nothing remembered
    with store.session() as s:
        assert network.build(s, network.NetworkFilter())["edges"] == again["edges"]
