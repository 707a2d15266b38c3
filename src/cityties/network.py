"""The city network: places that took part in the same events, tied by what they did together.

Read-only: it selects stored events and their place and theme facts through a Session.
"""
from __future__ import annotations

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sqlalchemy import Integer, Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from cityties.store.models import Event, EventState, Fact, Place

PLACE_FIELDS = ("place", "host", "location")  # facts naming a place that takes part in an event
HUB_FIELDS = ("host", "location")  # the places that received the others

# How much one shared event ties two places, by what they did together. Chosen as ratios by how
# much commitment each contact shows: signing an agreement binds both cities (4); a delegation
# visit is a deliberate trip to one partner (3); a bilateral meeting is contact without travel or
# commitment (2); attending the same forum is co-presence in a larger room (1); appearing on the
# same award list or in the same network says least (0.5). So one agreement outweighs any single
# lesser contact and equals four shared forums.
TYPE_WEIGHTS = {"agreement": 4.0, "visit": 3.0, "meeting": 2.0, "forum": 1.0,
                "award": 0.5, "membership": 0.5}
UNKNOWN_TYPE_WEIGHT = min(TYPE_WEIGHTS.values())  # a type added later counts as the weakest

# An event with N places gives N*(N-1)/2 ties, so a single 30-city congress would outweigh years
# of bilateral visits. Past FULL_WEIGHT_PLACES places each tie of the event is scaled by
# (FULL_WEIGHT_PLACES - 1) / (N - 1) (Newman's co-authorship weighting, from three parties up):
# what one place gains from one event then never exceeds what a three-party event gives it.
FULL_WEIGHT_PLACES = 3
# Past this many places an event is a roster (a network's members, an award's finalists), not a
# room where everyone met: only its hosts and location are tied to the others (a star, not a
# clique), which also keeps the number of ties linear in the size of the event.
MAX_CLIQUE_PLACES = 12

WEIGHT_DIGITS = 3  # decimals kept in a tie's weight


# Networks remembered (per database state and filter): the home page and the network page ask
# for the same few filters again and again, and a build reads every event.
BUILT_NETWORKS = 32
_BUILT: dict[tuple, dict] = {}


@dataclass(frozen=True)
class NetworkFilter:
    """Which events feed the network or an export, and (for the network) which places; empty means all."""

    countries: tuple[str, ...] = ()  # ISO codes: events touching them; network nodes in them
    types: tuple[str, ...] = ()
    since: str | None = None  # earliest start date, YYYY[-MM[-DD]]
    until: str | None = None  # latest start date, YYYY[-MM[-DD]]
    min_confidence: float = 0.0
    place: int | None = None  # geonameid: only the events this place takes part in


@dataclass
class _Event:
    """One event as the network sees it."""

    id: int
    type: str
    start: str | None
    places: set[int] = field(default_factory=set)
    hubs: set[int] = field(default_factory=set)
    themes: set[str] = field(default_factory=set)


@dataclass
class _Tie:
    """What two places did together: the summed weight and the events behind it."""

    weight: float = 0.0
    events: list[_Event] = field(default_factory=list)


def selected_events(flt: NetworkFilter) -> Select:
    """The ids of the stored events that match the filter (never rejected or merged-away ones)."""
    stmt = select(Event.id).where(Event.id.not_in(select(EventState.event_id)))
    if flt.types:
        stmt = stmt.where(Event.type.in_(flt.types))
    if flt.since:
        stmt = stmt.where(Event.start >= flt.since)
    if flt.until:
        stmt = stmt.where(Event.start <= flt.until + "\uffff")
    if flt.min_confidence:
        stmt = stmt.where(Event.confidence >= flt.min_confidence)
    if flt.place is not None:
        stmt = stmt.where(Event.id.in_(select(Fact.event_id).where(
            Fact.field.in_(PLACE_FIELDS), Fact.value == str(flt.place))))
    if flt.countries:
        in_region = select(cast(Place.geonameid, String)).where(Place.country.in_(flt.countries))
        touching = select(Fact.event_id).where(or_(
            and_(Fact.field == "country", Fact.value.in_(flt.countries)),
            and_(Fact.field.in_(PLACE_FIELDS), Fact.value.in_(in_region))))
        stmt = stmt.where(Event.id.in_(touching))
    return stmt


def dilution(n_places: int) -> float:
    """The factor on each tie of an event with n places (1 up to FULL_WEIGHT_PLACES)."""
    return min(1.0, (FULL_WEIGHT_PLACES - 1) / max(n_places - 1, 1))


def pairs(ev: _Event, kept: set[int]) -> set[tuple[int, int]]:
    """The ties an event makes among its kept places: all pairs, or a star from its hubs when large."""
    if len(ev.places) <= MAX_CLIQUE_PLACES:
        return set(combinations(sorted(ev.places & kept), 2))
    return {(min(h, p), max(h, p)) for h in ev.hubs & kept for p in ev.places & kept if h != p}


def build(session: Session, flt: NetworkFilter) -> dict:
    """The network of the events matching the filter: {"nodes": [...], "edges": [...]}; built once
    per state of the database (a new fact, a curation changes it) and filter, then remembered."""
    key = (str(session.get_bind().url), _state(session), flt)
    if key not in _BUILT:
        if len(_BUILT) >= BUILT_NETWORKS:
            _BUILT.pop(next(iter(_BUILT)))
        _BUILT[key] = _build(session, flt)
    return copy.deepcopy(_BUILT[key])


def forget() -> None:
    """Drop every remembered network (after changing how networks are built)."""
    _BUILT.clear()


def _state(session: Session) -> tuple:
    """What changes whenever the network could: the facts (extracted or curated) and event states."""
    facts = session.execute(select(func.count(Fact.id), func.max(Fact.id))).one()
    states = session.execute(select(func.count(EventState.event_id))).scalar()
    return (*facts, states)


def _build(session: Session, flt: NetworkFilter) -> dict:
    ids = selected_events(flt)
    events = _load_events(session, ids)
    places = _load_places(session, ids, flt.countries)
    kept = set(places)
    counts: Counter[int] = Counter(p for ev in events for p in ev.places & kept)
    ties: dict[tuple[int, int], _Tie] = defaultdict(_Tie)
    for ev in events:
        weight = TYPE_WEIGHTS.get(ev.type, UNKNOWN_TYPE_WEIGHT) * dilution(len(ev.places))
        for pair in pairs(ev, kept):
            ties[pair].weight += weight
            ties[pair].events.append(ev)
    nodes = [_node(places[p], n) for p, n in counts.items()]
    nodes.sort(key=lambda n: (-n["events"], n["name"], n["geonameid"]))
    edges = [_edge(a, b, tie) for (a, b), tie in ties.items()]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    return {"nodes": nodes, "edges": edges}


def _load_events(session: Session, ids: Select) -> list[_Event]:
    rows = session.execute(select(Event.id, Event.type, Event.start).where(Event.id.in_(ids))
                           .order_by(Event.id))
    events = {eid: _Event(eid, etype, start) for eid, etype, start in rows}
    facts = session.execute(select(Fact.event_id, Fact.field, Fact.value)
                            .where(Fact.event_id.in_(ids), Fact.field.in_(PLACE_FIELDS + ("theme",))))
    for eid, fld, value in facts:
        ev = events[eid]
        if fld == "theme":
            ev.themes.add(value)
            continue
        ev.places.add(int(value))
        if fld in HUB_FIELDS:
            ev.hubs.add(int(value))
    return list(events.values())


def _load_places(session: Session, ids: Select, countries: tuple[str, ...]) -> dict[int, Place]:
    """The places the events name, within the countries if there are any."""
    named = select(cast(Fact.value, Integer)).where(Fact.event_id.in_(ids), Fact.field.in_(PLACE_FIELDS))
    stmt = select(Place).where(Place.geonameid.in_(named))
    if countries:
        stmt = stmt.where(Place.country.in_(countries))
    return {p.geonameid: p for p in session.scalars(stmt)}


def _node(p: Place, n_events: int) -> dict:
    return {"geonameid": p.geonameid, "name": p.name, "country": p.country, "kind": p.kind,
            "lat": p.lat, "lon": p.lon, "events": n_events}


def _edge(a: int, b: int, tie: _Tie) -> dict:
    dated = [ev.start for ev in tie.events if ev.start]
    themes = Counter(t for ev in tie.events for t in ev.themes)
    types = {ev.type for ev in tie.events}
    return {"source": a, "target": b, "weight": round(tie.weight, WEIGHT_DIGITS),
            "first": min(dated, default=None), "last": max(dated, default=None),
            "fields": sorted(themes, key=lambda t: (-themes[t], t)),
            "types": sorted(types, key=lambda t: (-TYPE_WEIGHTS.get(t, UNKNOWN_TYPE_WEIGHT), t)),
            "events": sorted(ev.id for ev in tie.events)}
