"""The Store owns the database: migrations, sessions and every write."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, select, text
from sqlalchemy.orm import Session, selectinload, sessionmaker

from cityties.conflicts import Claim, Resolution, is_single, resolve
from cityties.document import Document, Mention, article_id
from cityties.evalformat import mention_to_event
from cityties.gazetteer import gazetteer
from cityties.resolve import Summary, best_match, same_person
from cityties.settings import Settings
from cityties.sources import Failure
from cityties.store.facts import mention_facts
from cityties.store.models import Article, Event, EventLink, Fact, Organization, Person, Place, RemovedValue
from cityties.store.models import Mention as MentionRow


@dataclass
class Outcome:
    """What happened to one input: stored, unchanged or failed (with the reason)."""

    source: str
    status: str
    detail: str = ""
    article_id: str | None = None


# People are compared only with those whose folded name starts with the same letters (the
# family name's first three, or a given name's): spellings differ later ("Han Jung-woo" /
# "Han Jeong-woo"), and the look-up stays an index range scan at any volume.
PERSON_BLOCK = 3


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Store:
    """One database, SQLite by default or PostgreSQL by URL, migrated to the latest schema on open."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.engine = create_engine(settings.db_url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.migrate()

    @property
    def has_fts(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("cityties") / "migrations"))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session for queries."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write session committed on success; the accounts and watch modules of store/ write through it."""
        with self._sessions.begin() as session:
            yield session

    def apply_curation(self, actor, action: str, event_id: int | None = None, **params) -> dict:
        """Apply one curation action (see cityties.store.curation.ACTIONS) and its audit row, in one transaction."""
        from cityties.store import curation  # imported here: curation builds on this module

        with self.transaction() as session:
            return curation.apply(self, session, actor, action, event_id, **params)

    def add_batch(self, items: list[Document | Failure]) -> list[Outcome]:
        """Write processed documents and failures in one transaction; one bad item spoils nothing."""
        outcomes = []
        with self._sessions.begin() as session:
            for item in items:
                try:
                    with session.begin_nested():
                        outcomes.append(self._add(session, item))
                except Exception as exc:  # noqa: BLE001 - recorded as a failed document
                    source = item.source
                    with session.begin_nested():
                        outcomes.append(self._add(session, Failure(source, f"could not store: {exc}")))
        return outcomes

    def _add(self, session: Session, item: Document | Failure) -> Outcome:
        if isinstance(item, Failure):
            return self._add_failure(session, item)
        aid = item.id
        existing = session.get(Article, aid)
        if existing is not None and existing.status == "stored":
            return Outcome(item.source, "unchanged", existing.title or "", aid)
        if existing is not None:
            session.delete(existing)
            session.flush()
        session.execute(delete(Article).where(Article.source == item.source, Article.status == "failed"))
        article = Article(id=aid, source=item.source, url=item.url, title=item.title,
                          published=item.published, language=item.language, raw_text=item.raw,
                          clean_text=item.text, status="stored", ingested_at=_now())
        session.add(article)
        session.flush()
        event_ids = [self._add_mention(session, item, ordinal, mention)
                     for ordinal, mention in enumerate(item.mentions)]
        for mention, event_id in zip(item.mentions, event_ids):
            other = event_ids[mention.during] if mention.during is not None else None
            if other is not None and other != event_id and session.scalar(select(EventLink.id).where(
                    EventLink.event_id == event_id, EventLink.other_id == other)) is None:
                session.add(EventLink(event_id=event_id, other_id=other, relation="during"))
        if self.has_fts:
            session.execute(text("INSERT INTO articles_fts(article_id, title, body) VALUES (:a, :t, :b)"),
                            {"a": aid, "t": item.title or "", "b": item.text})
        return Outcome(item.source, "stored", f"{len(item.mentions)} event mentions", aid)

    def _add_failure(self, session: Session, failure: Failure) -> Outcome:
        aid = article_id("failed:" + failure.source)
        row = session.get(Article, aid) or Article(id=aid, source=failure.source, status="failed")
        row.error, row.ingested_at, row.status = failure.reason, _now(), "failed"
        session.merge(row)
        return Outcome(failure.source, "failed", failure.reason, aid)

    def _add_mention(self, session: Session, doc: Document, ordinal: int, m: Mention) -> int:
        """Store one mention, attach it to an event (found or new) and return the event's id."""
        anchor = doc.sentences[m.sentence]
        row = MentionRow(article_id=doc.id, ordinal=ordinal, type=m.type, start=m.start, end=m.end,
                         planned=m.planned, confidence=m.confidence, span_start=anchor.start,
                         span_end=anchor.end, data=mention_to_event(m))
        session.add(row)
        session.flush()
        facts = mention_facts(doc, m)
        summary = _summary_of(m.type, m.start, m.end, facts)
        event_id = best_match(summary, self._candidates(session, summary, doc.id)) if m.start else None
        ev = session.get(Event, event_id) if event_id else None
        if ev is None:
            ev = Event(type=m.type, name=m.name, start=m.start, end=m.end, confidence=m.confidence,
                       summary=anchor.text)
            session.add(ev)
            session.flush()
        row.event_id = ev.id
        self._same_people(session, ev, facts)
        for fact in facts:
            self._ensure_entity(session, fact)
        removed = set(session.execute(select(RemovedValue.field, RemovedValue.value)
                                      .where(RemovedValue.event_id == ev.id)).all())
        for fact in facts:  # a value curators removed from the event stays out
            if (fact["field"], fact["value"]) not in removed:
                session.add(Fact(event_id=ev.id, mention_id=row.id, article_id=doc.id, **fact))
        session.flush()
        self._refresh_event(session, ev)
        return ev.id

    def _same_people(self, session: Session, ev: Event, facts: list[dict]) -> None:
        """A person the event already names under another spelling keeps one record: the new
        fact takes the existing key and the spelling is kept as a variant of that person."""
        known = {f.value: f.label for f in ev.facts if f.field == "person"}
        for fact in facts:
            if fact["field"] != "person" or fact["value"] in known:
                continue
            match = next((key for key, label in known.items() if same_person(label, fact["label"])), None)
            if match is not None:
                fact["value"] = match
                person = session.scalar(select(Person).where(Person.key == match))
                if person is not None and fact["label"] not in (person.variants or []) + [person.name]:
                    person.variants = (person.variants or []) + [fact["label"]]

    def _ensure_entity(self, session: Session, fact: dict) -> None:
        """Make sure the place, person or organization a fact names has its row."""
        if fact["field"] in ("place", "host", "location"):
            gid = int(fact["value"])
            if session.get(Place, gid) is None:
                p = gazetteer().get(gid)
                session.add(Place(geonameid=gid, name=p.name, country=p.country, kind=p.kind,
                                  lat=p.lat, lon=p.lon, population=p.population))
                session.flush()
        elif fact["field"] == "person":
            if session.scalar(select(Person).where(Person.key == fact["value"])) is None:
                known = session.scalars(select(Person).where(Person.key.startswith(fact["value"][:PERSON_BLOCK]))).all()
                same = next((p for p in known if same_person(p.name, fact["label"])), None)
                if same is None:
                    session.add(Person(key=fact["value"], name=fact["label"]))
                    session.flush()
                else:  # another spelling of someone already known
                    fact["value"] = same.key
                    same.variants = sorted(set(same.variants or []) | {fact["label"]})
        elif fact["field"] == "organization":
            if session.scalar(select(Organization).where(Organization.name == fact["value"])) is None:
                session.add(Organization(name=fact["value"]))
                session.flush()

    def _candidates(self, session: Session, summary: Summary, article: str) -> dict[int, Summary]:
        """Blocking: stored events of the same type dated in the same month, none of whose
        mentions comes from this article (the extractor already split its events apart)."""
        month = (summary.start or "")[:7]
        own = select(MentionRow.event_id).where(MentionRow.article_id == article, MentionRow.event_id.is_not(None))
        rows = session.scalars(select(Event).where(Event.type == summary.type, Event.start.startswith(month),
                                                   Event.id.not_in(own))
                               .options(selectinload(Event.facts))).all()  # one query, not one per event
        return {ev.id: _summary_of(ev.type, ev.start, ev.end,
                                   [{"field": f.field, "value": f.value, "label": f.label} for f in ev.facts])
                for ev in rows}

    def _refresh_event(self, session: Session, ev: Event) -> None:
        """Resolve an event's single-valued fields from its facts (rule in cityties.conflicts)."""
        facts = session.scalars(select(Fact).where(Fact.event_id == ev.id).order_by(Fact.id)).all()
        for field_name, resolution in resolve_fields(session, facts).items():
            if field_name == "location":
                ev.location_id = int(resolution.value)
            elif field_name in ("start", "end", "name"):
                setattr(ev, field_name, resolution.value)
        ev.confidence = max([m.confidence for m in ev.mentions] or [ev.confidence])
        if self.has_fts:
            session.execute(text("DELETE FROM events_fts WHERE event_id = :e"), {"e": ev.id})
            body = " ".join([ev.summary] + sorted({f.label for f in facts}))
            session.execute(text("INSERT INTO events_fts(event_id, body) VALUES (:e, :b)"),
                            {"e": ev.id, "b": body})


def resolve_fields(session: Session, facts: list[Fact]) -> dict[str, Resolution]:
    """Each single-valued field of an event's facts, resolved; sentences read from the articles."""
    articles = {f.article_id: session.get(Article, f.article_id) for f in facts if f.article_id}
    claims: dict[str, list[Claim]] = {}
    for f in facts:
        if is_single(f.field):
            art = articles.get(f.article_id)
            sentence = art.clean_text[f.span_start:f.span_end] if art and f.span_start is not None else None
            claims.setdefault(f.field, []).append(
                Claim(f.value, f.label, f.article_id, art.published if art else None, f.origin, sentence))
    return {name: resolve(name, cs) for name, cs in claims.items()}


def _summary_of(etype: str, start: str | None, end: str | None, facts: list[dict]) -> Summary:
    s = Summary(type=etype, start=start, end=end)
    for f in facts:
        if f["field"] == "location":
            s.location = f["value"]
        elif f["field"] in ("place", "host"):
            s.places.add(f["value"])
        elif f["field"] == "person":
            s.people.add(f.get("label") or f["value"])
        elif f["field"] == "organization":
            s.organizations.add(f["value"])
    return s


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
