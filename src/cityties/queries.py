"""What users ask of the knowledge base; the CLI, the API and the pages all call these."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import and_, distinct, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from cityties.gazetteer import gazetteer
from cityties.network import PLACE_FIELDS, NetworkFilter, selected_events
from cityties.network import build as build_network
from cityties.store.models import (ApiToken, Article, AuditEntry, Event, EventLink, EventState, Fact, Follow, Mention,
                                   Place, User)
from cityties.store.store import resolve_fields
from cityties.textmatch import fold


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
    theme: str | None = None  # a cooperation field (themes lexicon key)
    language: str | None = None  # the language of a source article (ISO 639-1)
    include_hidden: bool = False  # also events curators rejected or merged into another


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
    stmt = _filtered(session, select(Event), flt)
    stmt = stmt.order_by(Event.start.desc().nulls_last(), Event.id).limit(flt.limit)
    return [event_summary(ev) for ev in session.scalars(stmt)]


def _filtered(session: Session, stmt, flt: EventFilter):
    """A select over events narrowed by every filter but the limit."""
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
    if flt.theme:
        stmt = stmt.where(Event.id.in_(_events_with(("theme",), flt.theme)))
    if flt.language:
        stmt = stmt.where(Event.id.in_(select(Mention.event_id).join(Article)
                                       .where(Article.language == flt.language)))
    if not flt.include_hidden:
        stmt = stmt.where(Event.id.not_in(hidden_events()))
    return stmt


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
    """Everything two places did together, oldest first: events, their tie, agreements, people, fields."""
    pa, pb = resolve_place(session, a), resolve_place(session, b)
    ids = set(session.scalars(_events_with(PLACE_FIELDS, str(pa.geonameid))))
    ids &= set(session.scalars(_events_with(PLACE_FIELDS, str(pb.geonameid))))
    ids -= set(session.scalars(hidden_events()))
    ties = [t for t in _ties_of(session, pa.geonameid) if pb.geonameid in (t["source"], t["target"])]
    return _dossier(session, [pa, pb], ids, ties) | {"tie": ties[0] if ties else None}


def place_dossier(session: Session, name: str) -> dict:
    """One place's dossier: its events oldest first, partners ranked by tie strength, agreements, people, fields."""
    place = resolve_place(session, name)
    ties = _ties_of(session, place.geonameid)
    others = {(t["target"] if t["source"] == place.geonameid else t["source"]): t for t in ties}
    partners = []
    for p in session.scalars(select(Place).where(Place.geonameid.in_(others))):
        tie = others[p.geonameid]
        partners.append(_place_dict(p) | {"weight": tie["weight"], "events": len(tie["events"])}
                        | {k: tie[k] for k in ("types", "first", "last", "fields")})
    partners.sort(key=lambda p: (-p["weight"], -p["events"], p["name"]))
    ids = set(session.scalars(_events_with(PLACE_FIELDS, str(place.geonameid))))
    ids -= set(session.scalars(hidden_events()))
    return _dossier(session, [place], ids, ties) | {"partners": partners}


def _ties_of(session: Session, geonameid: int) -> list[dict]:
    """The network's ties of one place (edges with weights, strongest first)."""
    edges = build_network(session, NetworkFilter(place=geonameid))["edges"]
    return [e for e in edges if geonameid in (e["source"], e["target"])]


def _dossier(session: Session, places: list[Place], ids: set[int], ties: list[dict]) -> dict:
    """What a dossier shows of some events: the events oldest first with their sources, and what they add up to."""
    stmt = (select(Event).where(Event.id.in_(ids))
            .options(selectinload(Event.facts), selectinload(Event.location),
                     selectinload(Event.mentions).selectinload(Mention.article)))
    events = sorted(session.scalars(stmt), key=lambda ev: (ev.start or "9999", ev.id))
    rows = [event_summary(ev) | {"articles": _articles(ev)} for ev in events]
    themes = Counter(t for e in rows for t in e["themes"])
    dated = [e["start"] for e in rows if e["start"]]
    return {"places": [_place_dict(p) for p in places], "events": rows,
            "by_type": dict(Counter(e["type"] for e in rows)), "themes": [t for t, _ in themes.most_common()],
            "first": min(dated, default=None), "last": max(dated, default=None),
            "agreements": [e for e in rows if e["type"] == "agreement"], "people": _people(events),
            "fields": [{"field": t, "events": n} for t, n in themes.most_common()], "ties": ties}


def _articles(ev: Event) -> list[dict]:
    """The articles that report an event."""
    articles = {m.article_id: m.article for m in ev.mentions}
    return [{"title": a.title or a.source, "url": a.url, "language": a.language} for a in articles.values()]


def _people(events: list[Event]) -> list[dict]:
    """The people of the events, one row per person (every spelling, role and event), grouped by whom they represent."""
    people: dict[str, dict] = {}
    for ev in events:
        for f in (f for f in ev.facts if f.field == "person"):
            p = people.setdefault(f.value, {"name": f.label, "names": [], "roles": [], "of": None, "events": []})
            role, of = (f.detail or {}).get("role"), (f.detail or {}).get("of")
            for key, value in (("names", f.label), ("roles", role), ("events", ev.id)):
                if value and value not in p[key]:
                    p[key].append(value)
            p["of"] = p["of"] or of
    return sorted(people.values(), key=lambda p: (p["of"] is None, p["of"] or "", p["name"]))


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


# What the web pages and the JSON API add: pages of events, facets, article search, the words of a
# fact highlighted in its sentence, one article's extractions, a place's years, the strongest ties.

EventKey = tuple  # (start, id): where an event sits in the newest-first order; a cursor holds one


def events_page(session: Session, flt: EventFilter,
                after: EventKey | None = None) -> tuple[list[dict], EventKey | None]:
    """Up to flt.limit events after the key (newest first, undated last, then by id) and the key to go on from."""
    stmt = _filtered(session, select(Event), flt)
    if after is not None:
        stmt = stmt.where(_after(*after))
    rows = list(session.scalars(stmt.order_by(Event.start.desc().nulls_last(), Event.id).limit(flt.limit + 1)))
    page = rows[:flt.limit]
    return [event_summary(ev) for ev in page], ((page[-1].start, page[-1].id) if len(rows) > len(page) else None)


def _after(start: str | None, event_id: int):
    """Events that come after (start, id) in the order of events_page."""
    if start is None:
        return and_(Event.start.is_(None), Event.id > event_id)
    return or_(Event.start < start, and_(Event.start == start, Event.id > event_id), Event.start.is_(None))


def event_facets(session: Session, flt: EventFilter) -> dict[str, list[dict]]:
    """How many matching events have each type, country, theme, source language and year (most first; years newest)."""
    ids = _filtered(session, select(Event.id), flt)
    year = func.substr(Event.start, 1, 4)
    per_event = func.count(distinct(Fact.event_id))

    def by_fact(field: str):
        return select(Fact.value, per_event).where(Fact.field == field, Fact.event_id.in_(ids)).group_by(Fact.value)

    counts = {
        "type": select(Event.type, func.count()).where(Event.id.in_(ids)).group_by(Event.type),
        "country": by_fact("country"), "theme": by_fact("theme"),
        "language": select(Article.language, func.count(distinct(Mention.event_id))).join(Mention.article)
        .where(Mention.event_id.in_(ids)).group_by(Article.language),
        "year": select(year, func.count()).where(Event.id.in_(ids), Event.start.is_not(None)).group_by(year),
    }
    facets = {}
    for name, stmt in counts.items():
        rows = [{"value": v, "count": n} for v, n in session.execute(stmt) if v]
        order = (lambda r: r["value"]) if name == "year" else (lambda r: (-r["count"], r["value"]))
        facets[name] = sorted(rows, key=order, reverse=name == "year")
    return facets


SNIPPET_TOKENS = 16  # words of context around the matched words of an article search hit
SNIPPET_CHARS = 90  # the same without full-text search: characters each side of the first match
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use characters around the matched words of a snippet


def search_articles(session: Session, query: str, limit: int = 20) -> list[dict]:
    """Stored articles containing the words, best first, each with a snippet (matches between MARK_OPEN/CLOSE)."""
    if session.get_bind().dialect.name == "sqlite":
        phrase = '"' + query.replace('"', '""') + '"'
        rows = session.execute(text(
            "SELECT article_id, snippet(articles_fts, 2, :a, :b, '…', :n) FROM articles_fts"
            " WHERE articles_fts MATCH :q ORDER BY rank LIMIT :limit"),
            {"a": MARK_OPEN, "b": MARK_CLOSE, "n": SNIPPET_TOKENS, "q": phrase, "limit": limit}).all()
        snippets = dict(rows)
    else:
        found = session.scalars(select(Article)
                                .where(Article.status == "stored", Article.clean_text.ilike(f"%{query}%"))
                                .order_by(Article.published.desc().nulls_last(), Article.id).limit(limit))
        snippets = {a.id: _snippet(a.clean_text, query) for a in found}
    articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(snippets)))}
    return [_article_dict(articles[i]) | {"snippet": s} for i, s in snippets.items() if i in articles]


def _snippet(body: str, query: str) -> str:
    at = fold(body).find(fold(query))
    if at < 0:  # matched by the database's case rules but not by folding: the opening, unmarked
        return body[:2 * SNIPPET_CHARS]
    lo, hi = max(at - SNIPPET_CHARS, 0), at + len(query) + SNIPPET_CHARS
    return (("…" if lo else "") + body[lo:at] + MARK_OPEN + body[at:at + len(query)] + MARK_CLOSE
            + body[at + len(query):hi] + ("…" if hi < len(body) else ""))


def _article_dict(a: Article) -> dict:
    return {"article_id": a.id, "title": a.title, "url": a.url, "source": a.source, "language": a.language,
            "published": a.published.isoformat() if a.published else None}


def article_detail(session: Session, article_id: str) -> dict:
    """A stored article: its clean text, the sentences that gave facts (spans, fields, events) and its events."""
    art = session.get(Article, article_id)
    if art is None or art.status != "stored":
        raise NotFound(f"no stored article with id {article_id!r}")
    evidence: dict[tuple[int, int], dict] = {}
    for f in session.scalars(select(Fact).where(Fact.article_id == art.id, Fact.span_start.is_not(None))):
        span = evidence.setdefault((f.span_start, f.span_end),
                                   {"start": f.span_start, "end": f.span_end, "fields": [], "events": []})
        for key, value in (("fields", f.field), ("events", f.event_id)):
            if value not in span[key]:
                span[key].append(value)
    ordered = session.scalars(select(Mention.event_id).where(Mention.article_id == art.id).order_by(Mention.ordinal))
    ids = list(dict.fromkeys(i for i in ordered if i is not None))
    events = {ev.id: ev for ev in session.scalars(select(Event).where(Event.id.in_(ids)))}
    return _article_dict(art) | {"text": art.clean_text, "evidence": [evidence[k] for k in sorted(evidence)],
                                 "events": [event_summary(events[i]) for i in ids]}


def place_timeline(session: Session, name: str) -> dict:
    """A place's events oldest first, grouped by year (undated events last, under year None)."""
    place = resolve_place(session, name)
    events = sorted(list_events(session, EventFilter(place=place.name, limit=10_000)),
                    key=lambda e: (e["start"] or "9999", e["id"]))
    years: dict[str | None, list[dict]] = {}
    for e in events:
        years.setdefault(e["start"][:4] if e["start"] else None, []).append(e)
    return {"place": _place_dict(place), "years": [{"year": y, "events": evs} for y, evs in years.items()]}


def strongest_ties(session: Session, flt: NetworkFilter, limit: int = 10) -> list[dict]:
    """The network's strongest ties, each with both places (name, country) besides their ids."""
    net = build_network(session, flt)
    nodes = {n["geonameid"]: n for n in net["nodes"]}
    return [e | {"places": [nodes[e["source"]], nodes[e["target"]]]} for e in net["edges"][:limit]]


def _marks(f: Fact, sentence: str) -> list[list[int]]:
    """Where a fact's value is said in its sentence: [from, to) offsets within the sentence, from
    the words stored at extraction, else where its label is written."""
    if f.value_start is not None and f.span_start is not None:
        return [[f.value_start - f.span_start, f.value_end - f.span_start]]
    at = fold(sentence).find(fold(f.label)) if f.label else -1
    return [[at, at + len(f.label)]] if at >= 0 else []


def marked_event_detail(session: Session, event_id: int) -> dict:
    """event_detail with the words that say each fact: "marks" on every fact and every resolved value's sentences."""
    detail = event_detail(session, event_id)
    marks: dict[tuple, list] = {}
    for f in session.scalars(select(Fact).where(Fact.event_id == event_id, Fact.span_start.is_not(None))):
        art = session.get(Article, f.article_id)
        if art is not None:
            sentence = art.clean_text[f.span_start:f.span_end]
            marks.setdefault((f.field, f.value, sentence), _marks(f, sentence))
    for f in detail["facts"]:
        f["marks"] = marks.get((f["field"], f["value"], f["sentence"]), [])
    for name, resolved in detail["resolved"].items():
        for v in resolved["values"]:
            v["marks"] = [marks.get((name, v["value"], s), []) for s in v["sentences"]]
    return detail


# --- curation, accounts and watching -------------------------------------------------------------

def hidden_events():
    """The ids of events curators rejected or merged into another; listings leave them out by default."""
    return select(EventState.event_id)


def event_state(session: Session, event_id: int) -> dict:
    """An event's curated status: active, rejected (with the reason) or merged (with the event it redirects to)."""
    if session.get(Event, event_id) is None:
        raise NotFound(f"no event with id {event_id}")
    state = session.get(EventState, event_id)
    if state is None:
        return {"status": "active", "merged_into": None, "reason": None}
    return {"status": state.status, "merged_into": state.merged_into, "reason": state.reason}


def event_mentions(session: Session, event_id: int) -> list[dict]:
    """The mentions of an event, each with its article and anchor sentence (what a split takes away)."""
    rows = session.scalars(select(Mention).where(Mention.event_id == event_id).order_by(Mention.id)
                           .options(selectinload(Mention.article)))
    return [{"id": m.id, "type": m.type, "start": m.start, "end": m.end, "article_id": m.article_id,
             "title": m.article.title or m.article.source, "url": m.article.url,
             "sentence": m.article.clean_text[m.span_start:m.span_end]} for m in rows]


def audit_log(session: Session, event_id: int | None = None, limit: int = 100) -> list[dict]:
    """Changes made by people, newest first; of one event if asked."""
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if event_id is not None:
        stmt = stmt.where(AuditEntry.event_id == event_id)
    return [{"id": a.id, "at": a.at.isoformat(timespec="seconds"), "actor": a.actor, "action": a.action,
             "event_id": a.event_id, "before": a.before, "after": a.after} for a in session.scalars(stmt)]


def users(session: Session) -> list[dict]:
    """Every account, without secrets."""
    tokens = dict(session.execute(select(ApiToken.user_id, func.count()).group_by(ApiToken.user_id)).all())
    return [{"name": u.name, "role": u.role, "created_at": u.created_at.isoformat(timespec="seconds"),
             "webhook_url": u.webhook_url, "tokens": tokens.get(u.id, 0)}
            for u in session.scalars(select(User).order_by(User.name))]


def follows_of(session: Session, user_id: int) -> list[dict]:
    """The places a user follows, with when they last looked."""
    rows = session.scalars(select(Follow).where(Follow.user_id == user_id).options(selectinload(Follow.place)))
    return sorted((_place_dict(f.place) | {"seen_at": f.seen_at.isoformat(timespec="seconds")} for f in rows),
                  key=lambda p: p["name"])


def new_events(session: Session, user_id: int, articles: list[str] | None = None) -> list[dict]:
    """Events in a user's followed places reported by the given articles, else since the user last
    looked; newest first, each with the followed places it concerns."""
    found: dict[int, dict] = {}
    for f in session.scalars(select(Follow).where(Follow.user_id == user_id).options(selectinload(Follow.place))):
        fresh = Article.id.in_(articles) if articles is not None else Article.ingested_at > f.seen_at
        stmt = select(Event).where(Event.id.in_(_events_with(PLACE_FIELDS, str(f.geonameid))),
                                   Event.id.in_(select(Mention.event_id).join(Article).where(fresh)),
                                   Event.id.not_in(hidden_events()))
        for ev in session.scalars(stmt):
            found.setdefault(ev.id, event_summary(ev) | {"followed": []})["followed"].append(f.place.name)
    return sorted(found.values(), key=lambda e: (e["start"] or "", e["id"]), reverse=True)
