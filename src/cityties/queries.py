"""What users ask of the knowledge base; the CLI, the API and the pages all call these."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from cityties.gazetteer import gazetteer
from cityties.network import PLACE_FIELDS, NetworkFilter, selected_events
from cityties.network import build as build_network
from cityties.store.models import Article, Event, EventLink, Fact, Mention, Place
from cityties.store.store import resolve_fields


@dataclass
class EventFilter:
    """Filters of an event listing; None means no filter."""

    type: str | None = None
    place: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    min_confidence: float = 0.0
    limit: int = 100


class NotFound(LookupError):
    """The thing asked for does not exist; the message says what."""


def resolve_place(session: Session, name: str) -> Place:
    """A place the database knows, by name or alias in any language."""
    stored = session.scalar(select(Place).where(func.lower(Place.name) == name.lower()))
    if stored is not None:
        return stored
    found = gazetteer().lookup(name)
    stored = session.get(Place, found.geonameid) if found else None
    if stored is None:
        raise NotFound(f"no events mention a place called {name!r}")
    return stored


def _events_with(field_names: tuple[str, ...], value: str):
    return select(Fact.event_id).where(Fact.field.in_(field_names), Fact.value == value)


def _matching_text(session: Session, query: str):
    """Events whose own text (summary, fact labels) or whose source articles contain the words."""
    if session.get_bind().dialect.name == "sqlite":
        phrase = '"' + query.replace('"', '""') + '"'
        events = session.execute(text("SELECT event_id FROM events_fts WHERE events_fts MATCH :q"),
                                 {"q": phrase}).scalars().all()
        articles = session.execute(text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q"),
                                   {"q": phrase}).scalars().all()
        return or_(Event.id.in_([int(i) for i in events]),
                   Event.id.in_(select(Mention.event_id).where(Mention.article_id.in_(articles))))
    pattern = f"%{query}%"
    in_articles = select(Mention.event_id).join(Article).where(Article.clean_text.ilike(pattern))
    return or_(Event.summary.ilike(pattern), Event.name.ilike(pattern), Event.id.in_(in_articles))


def list_events(session: Session, flt: EventFilter) -> list[dict]:
    """Events matching the filter, newest first."""
    stmt = select(Event)
    if flt.type:
        stmt = stmt.where(Event.type == flt.type)
    if flt.place:
        stmt = stmt.where(Event.id.in_(_events_with(PLACE_FIELDS, str(resolve_place(session, flt.place).geonameid))))
    if flt.country:
        stmt = stmt.where(Event.id.in_(_events_with(("country",), flt.country.upper())))
    if flt.since:
        stmt = stmt.where(Event.start >= flt.since)
    if flt.until:
        stmt = stmt.where(Event.start <= flt.until + "\uffff")
    if flt.text:
        stmt = stmt.where(_matching_text(session, flt.text))
    if flt.min_confidence:
        stmt = stmt.where(Event.confidence >= flt.min_confidence)
    stmt = stmt.order_by(Event.start.desc().nulls_last(), Event.id).limit(flt.limit)
    return [event_summary(ev) for ev in session.scalars(stmt)]


def _values(ev: Event, field: str) -> list[str]:
    seen: dict[str, str] = {}
    for f in ev.facts:
        if f.field == field and f.value not in seen:
            seen[f.value] = f.label
    return list(seen.values())


def event_summary(ev: Event) -> dict:
    """One event in a listing."""
    return {
        "id": ev.id, "type": ev.type, "name": ev.name, "start": ev.start, "end": ev.end,
        "location": ev.location.name if ev.location else None,
        "country": ev.location.country if ev.location else None,
        "places": _values(ev, "place"), "countries": _values(ev, "country"),
        "organizations": _values(ev, "organization"), "people": _values(ev, "person"),
        "themes": _values(ev, "theme"), "sources": len({m.article_id for m in ev.mentions}),
        "confidence": round(ev.confidence, 3),
    }


def event_detail(session: Session, event_id: int) -> dict:
    """An event with every fact, the sentence that supports it, and its sources."""
    ev = session.get(Event, event_id)
    if ev is None:
        raise NotFound(f"no event with id {event_id}")
    articles = {m.article_id: m.article for m in ev.mentions}
    facts = []
    for f in sorted(ev.facts, key=lambda f: (f.field, f.id)):
        art = articles.get(f.article_id)
        sentence = art.clean_text[f.span_start:f.span_end] if art and f.span_start is not None else None
        facts.append({"field": f.field, "value": f.value, "label": f.label, "detail": f.detail,
                      "confidence": round(f.confidence, 3), "origin": f.origin,
                      "article_id": f.article_id, "sentence": sentence})
    detail = event_summary(ev)
    detail["facts"] = facts
    resolved = resolve_fields(session, list(ev.facts))
    detail["resolved"] = {name: {"value": r.value, "label": r.label, "rule": r.rule, "values": r.values}
                          for name, r in sorted(resolved.items())}
    detail["conflicts"] = [name for name, r in sorted(resolved.items()) if r.conflict]
    detail["links"] = _links(session, ev.id)
    detail["sources"] = [{"article_id": a.id, "title": a.title, "url": a.url, "source": a.source,
                          "language": a.language, "published": a.published.isoformat() if a.published else None}
                         for a in articles.values()]
    return detail


def _links(session: Session, event_id: int) -> list[dict]:
    """Events this one happened within, and events that happened within it."""
    out = []
    for link in session.scalars(select(EventLink).where(or_(EventLink.event_id == event_id,
                                                            EventLink.other_id == event_id))):
        inside = link.event_id == event_id
        other = session.get(Event, link.other_id if inside else link.event_id)
        out.append({"relation": "during" if inside else "includes", "event": event_summary(other)})
    return out


def place_detail(session: Session, name: str) -> dict:
    """A place's events (newest first) and its partners ranked by shared events."""
    place = resolve_place(session, name)
    events = list_events(session, EventFilter(place=place.name, limit=10_000))
    partners: Counter[str] = Counter()
    for ev in events:
        for other in set(ev["places"]) - {place.name}:
            partners[other] += 1
    return {"place": _place_dict(place), "events": events,
            "partners": [{"place": p, "events": n} for p, n in partners.most_common()]}


def dossier(session: Session, a: str, b: str) -> dict:
    """Everything two places did together, oldest first."""
    pa, pb = resolve_place(session, a), resolve_place(session, b)
    ids = set(session.scalars(_events_with(PLACE_FIELDS, str(pa.geonameid))))
    ids &= set(session.scalars(_events_with(PLACE_FIELDS, str(pb.geonameid))))
    events = session.scalars(select(Event).where(Event.id.in_(ids))).all()
    rows = sorted((event_summary(ev) for ev in events), key=lambda e: (e["start"] or "9999", e["id"]))
    by_type = Counter(e["type"] for e in rows)
    themes = Counter(t for e in rows for t in e["themes"])
    dated = [e["start"] for e in rows if e["start"]]
    return {"places": [_place_dict(pa), _place_dict(pb)], "events": rows,
            "by_type": dict(by_type), "themes": [t for t, _ in themes.most_common()],
            "first": min(dated, default=None), "last": max(dated, default=None)}


def stats(session: Session) -> dict:
    """Counts of what the database holds."""
    by_status = dict(session.execute(select(Article.status, func.count()).group_by(Article.status)).all())
    by_type = dict(session.execute(select(Event.type, func.count()).group_by(Event.type)).all())
    by_lang = dict(session.execute(select(Article.language, func.count())
                                   .where(Article.status == "stored").group_by(Article.language)).all())
    return {"articles": by_status.get("stored", 0), "failed": by_status.get("failed", 0),
            "languages": by_lang, "events": sum(by_type.values()), "events_by_type": by_type,
            "mentions": session.scalar(select(func.count()).select_from(Mention)),
            "places": session.scalar(select(func.count()).select_from(Place))}


def failures(session: Session) -> list[dict]:
    """Inputs that could not be ingested, with the reason."""
    rows = session.scalars(select(Article).where(Article.status == "failed").order_by(Article.source))
    return [{"source": a.source, "error": a.error} for a in rows]


def _place_dict(p: Place) -> dict:
    return {"geonameid": p.geonameid, "name": p.name, "country": p.country, "kind": p.kind,
            "lat": p.lat, "lon": p.lon}


def network(session: Session, flt: NetworkFilter) -> dict:
    """The city network of the events matching the filter: {"nodes": [...], "edges": [...]}."""
    return build_network(session, flt)


def events_table(session: Session, flt: NetworkFilter) -> list[dict]:
    """The events matching the filter as flat rows for export, oldest first."""
    stmt = (select(Event).where(Event.id.in_(selected_events(flt)))
            .order_by(Event.start.nulls_last(), Event.id)
            .options(selectinload(Event.facts), selectinload(Event.mentions), selectinload(Event.location)))
    return [event_summary(ev) for ev in session.scalars(stmt)]
