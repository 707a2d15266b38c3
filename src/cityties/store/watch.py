"""Follows of places and the state of watched feeds, on a session the Store opened."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from cityties.accounts import AccountError
from cityties.gazetteer import Place as GazetteerPlace
from cityties.gazetteer import gazetteer
from cityties.store.audit import now
from cityties.store.models import Feed, Follow, User

if TYPE_CHECKING:
    from cityties.store.store import Store


def gazetteer_place(name: str) -> GazetteerPlace:
    """A place by name or alias in any language, or by GeoNames id."""
    name = name.strip()
    place = gazetteer().get(int(name)) if name.lstrip("-").isdigit() else gazetteer().lookup(name)
    if place is None:
        raise AccountError(f"no place called {name!r} in the gazetteer")
    return place


def follow(store: Store, session: Session, user: User, name: str) -> Follow:
    """Follow a place (again: no change); its events reported from now on are new to the user."""
    place = gazetteer_place(name)
    store._ensure_entity(session, {"field": "place", "value": str(place.geonameid)})
    row = session.scalar(select(Follow).where(Follow.user_id == user.id, Follow.geonameid == place.geonameid))
    if row is None:
        row = Follow(user_id=user.id, geonameid=place.geonameid, seen_at=now())
        session.add(row)
        session.flush()
    return row


def unfollow(session: Session, user: User, name: str) -> None:
    place = gazetteer_place(name)
    session.execute(delete(Follow).where(Follow.user_id == user.id, Follow.geonameid == place.geonameid))


def mark_seen(session: Session, user: User, until: datetime | None = None) -> None:
    """The user has seen every event of their places reported until then (default: now)."""
    session.execute(update(Follow).where(Follow.user_id == user.id).values(seen_at=until or now()))


def feed(session: Session, url: str) -> Feed:
    """A watched feed's row, made the first time the feed is polled."""
    row = session.scalar(select(Feed).where(Feed.url == url))
    if row is None:
        row = Feed(url=url, failures=0)
        session.add(row)
        session.flush()
    return row


def record_poll(session: Session, url: str, status: str, failures: int, next_poll_at: datetime | None,
                etag: str | None = None, last_modified: str | None = None) -> Feed:
    """What a poll of a feed found; validators are kept unless the response brought new ones."""
    row = feed(session, url)
    row.polled_at, row.last_status, row.failures, row.next_poll_at = now(), status, failures, next_poll_at
    row.etag = etag or row.etag
    row.last_modified = last_modified or row.last_modified
    return row
