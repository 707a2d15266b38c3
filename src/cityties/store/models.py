"""The database schema as SQLAlchemy models; Alembic migrations create and change it."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (JSON, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Article(Base):
    """One source document, stored or failed."""

    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    source: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(8))
    raw_text: Mapped[str] = mapped_column(Text, default="")
    clean_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="stored")  # stored | failed
    error: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    mentions: Mapped[list[Mention]] = relationship(back_populates="article", cascade="all, delete-orphan")


class Place(Base):
    """A gazetteer entry that some event refers to."""

    __tablename__ = "places"
    geonameid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200), index=True)
    country: Mapped[str] = mapped_column(String(2), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    population: Mapped[int] = mapped_column(Integer, default=0)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # folded name
    name: Mapped[str] = mapped_column(String(200))
    variants: Mapped[list | None] = mapped_column(JSON)  # other spellings met in the sources


class Organization(Base):
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Event(Base):
    """One real-world event: a cluster of mentions, fields resolved from its facts."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str | None] = mapped_column(Text)
    start: Mapped[str | None] = mapped_column(String(10), index=True)
    end: Mapped[str | None] = mapped_column(String(10))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("places.geonameid"))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    summary: Mapped[str] = mapped_column(Text, default="")  # the anchor sentence of the first mention
    location: Mapped[Place | None] = relationship()
    mentions: Mapped[list[Mention]] = relationship(back_populates="event")
    facts: Mapped[list[Fact]] = relationship(back_populates="event", cascade="all, delete-orphan")


class Mention(Base):
    """What one article says about one event."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)  # position among the article's mentions
    type: Mapped[str] = mapped_column(String(16))
    start: Mapped[str | None] = mapped_column(String(10))
    end: Mapped[str | None] = mapped_column(String(10))
    planned: Mapped[bool] = mapped_column(default=False)
    confidence: Mapped[float] = mapped_column(Float)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)  # the mention's slots as extracted
    article: Mapped[Article] = relationship(back_populates="mentions")
    event: Mapped[Event | None] = relationship(back_populates="mentions")
    __table_args__ = (UniqueConstraint("article_id", "ordinal"),)


class Fact(Base):
    """One value of one field of an event, with the sentence that supports it."""

    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    mention_id: Mapped[int | None] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[str | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))  # start, end, location, host, place, country, ...
    value: Mapped[str] = mapped_column(Text)  # canonical key: geonameid, ISO code, name, number
    label: Mapped[str] = mapped_column(Text)  # what a reader sees
    detail: Mapped[dict | None] = mapped_column(JSON)  # e.g. a person's role and of
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    value_start: Mapped[int | None] = mapped_column(Integer)  # the words that say the value
    value_end: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    origin: Mapped[str] = mapped_column(String(16), default="extracted")  # extracted | curated
    event: Mapped[Event] = relationship(back_populates="facts")
    __table_args__ = (Index("ix_facts_field_value", "field", "value"),)


class EventLink(Base):
    """Two events that belong together without being one: talks held during a forum."""

    __tablename__ = "event_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(16))  # during: event_id happened within other_id
    __table_args__ = (UniqueConstraint("event_id", "other_id", "relation"),)


class User(Base):
    """Someone who signs in: a reader, an editor (curates) or an admin (also manages users)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # reader | editor | admin
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id; the password itself is never stored
    webhook_url: Mapped[str | None] = mapped_column(Text)  # new events of followed places are POSTed here
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ApiToken(Base):
    """An API token of a user, kept only as the SHA-256 digest of the random token."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[User] = relationship()


class AuditEntry(Base):
    """One change made by a person: who, when, what, to which event, and the event before and after."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(100))  # the user's name, kept if the user goes
    action: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no foreign key: the log outlives rows
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


class EventState(Base):
    """A curated status of an event: rejected (kept, hidden from listings) or merged into another."""

    __tablename__ = "event_states"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True,
                                          autoincrement=False)
    status: Mapped[str] = mapped_column(String(16))  # rejected | merged
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    reason: Mapped[str | None] = mapped_column(Text)


class RemovedValue(Base):
    """A value curators took out of a many-valued field of an event; later reports cannot bring it back."""

    __tablename__ = "removed_values"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)
    __table_args__ = (UniqueConstraint("event_id", "field", "value"),)


class Secret(Base):
    """A server secret made on first use (the key that signs session cookies)."""

    __tablename__ = "secrets"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Follow(Base):
    """A user following a place; events there reported after seen_at are new to them."""

    __tablename__ = "follows"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    geonameid: Mapped[int] = mapped_column(ForeignKey("places.geonameid"))
    seen_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[Place] = relationship()
    __table_args__ = (UniqueConstraint("user_id", "geonameid"),)


class Feed(Base):
    """A watched RSS/Atom feed: validators for conditional GET and the error backoff state."""

    __tablename__ = "feeds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    failures: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls
    next_poll_at: Mapped[datetime | None] = mapped_column(DateTime)  # not before this (backoff)
    polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_status: Mapped[str | None] = mapped_column(Text)  # "200", "304", or the error
