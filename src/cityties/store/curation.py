"""Curation: correct a field, merge, split, reject, restore or add an event by hand; each writes an audit row.

Curated values are facts with origin "curated" (cityties.conflicts makes them win), removed values
and event states are rows of their own, so all of it stays in force when articles are ingested again.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from cityties.store.audit import record
from cityties.store.curated_facts import (PLACE_LIKE, CurationError, UnknownEvent, check_field, curated_fact,
                                          is_set, matching_values, snapshot)
from cityties.store.models import (Article, Event, EventLink, EventState, Fact, Mention, Place, RemovedValue,
                                   User)

if TYPE_CHECKING:
    from cityties.store.store import Store

REJECTED, MERGED = "rejected", "merged"
# The event columns that hold a resolved one-valued field (see Store._refresh_event).
RESOLVED_COLUMNS = {"name": "name", "start": "start", "end": "end", "location": "location_id"}
# What an event added by hand holds, by field; each value becomes a curated fact.
HAND_FIELDS = {"start": "start", "end": "end", "name": "name", "location": "location", "places": "place",
               "hosts": "host", "countries": "country", "people": "person", "organizations": "organization",
               "themes": "theme"}


def apply(store: Store, session: Session, actor: User | None, action: str, event_id: int | None,
          **params) -> dict:
    """Run one action of ACTIONS and write its audit row; returns the audited event and before/after."""
    if action not in ACTIONS:
        raise CurationError(f"unknown action {action!r} (known: {', '.join(ACTIONS)})")
    ev = _event(session, event_id) if event_id is not None else None
    if ev is None and action != "add":
        raise CurationError(f"{action} needs an event")
    audited, before, after = ACTIONS[action](store, session, ev, **params)
    entry = record(session, actor, action, audited, before, after)
    return {"action": action, "event_id": audited, "before": before, "after": after, "audit_id": entry.id}


def _event(session: Session, event_id: int) -> Event:
    ev = session.get(Event, event_id)
    if ev is None:
        raise UnknownEvent(f"no event with id {event_id}")
    return ev


def _state(session: Session, ev: Event) -> EventState | None:
    return session.get(EventState, ev.id)


def _live(session: Session, ev: Event) -> Event:
    """The event, refused if it was merged away (curate the event it was merged into)."""
    state = _state(session, ev)
    if state is not None and state.status == MERGED:
        raise CurationError(f"event {ev.id} was merged into event {state.merged_into}")
    return ev


def correct(store: Store, session: Session, ev: Event, field: str, value: str | None = None,
            add: list[str] | None = None, remove: list[str] | None = None) -> tuple:
    """Set a one-valued field (an empty value drops the correction), or add and remove values of a many-valued one."""
    check_field(field)
    _live(session, ev)
    if field == "type" and not value:
        raise CurationError("an event needs a type")
    before = snapshot(session, ev, (field,))
    if is_set(field):
        if value:
            add = [*(add or []), value]
        if not add and not remove:
            raise CurationError(f"{field} has many values: say which to add or remove")
        for text in remove or []:
            _remove(session, ev, field, text)
        for text in add or []:
            _add_fact(store, session, ev, curated_fact(field, text))
    else:
        session.execute(delete(Fact).where(Fact.event_id == ev.id, Fact.field == field, Fact.origin == "curated"))
        if value:
            fact = _add_fact(store, session, ev, curated_fact(field, value))
            if field == "type":
                ev.type = fact["value"]
    _refresh(store, session, ev)
    return ev.id, before, snapshot(session, ev, (field,))


def _add_fact(store: Store, session: Session, ev: Event, fact: dict) -> dict:
    """Store one curated fact on an event (its place or person row made first); a removal of it is undone."""
    store._ensure_entity(session, fact)
    session.execute(delete(RemovedValue).where(RemovedValue.event_id == ev.id, RemovedValue.field == fact["field"],
                                               RemovedValue.value == fact["value"]))
    session.add(Fact(event_id=ev.id, **fact))
    if fact["field"] in PLACE_LIKE:  # the place's country, as extraction records it
        place = session.get(Place, int(fact["value"]))
        country = place.country if place else None
        if country and not any(f.field == "country" and f.value == country for f in ev.facts):
            session.add(Fact(event_id=ev.id, **curated_fact("country", country)))
    session.flush()
    session.expire(ev, ["facts"])
    return fact


def _remove(session: Session, ev: Event, field: str, text: str) -> None:
    """Take every fact naming a value out of the event and remember the removal for later reports."""
    values = matching_values(list(ev.facts), field, text)
    if not values:
        raise CurationError(f"event {ev.id} has no {field} {text!r}")
    session.execute(delete(Fact).where(Fact.event_id == ev.id, Fact.field == field, Fact.value.in_(values)))
    for value in values:
        session.add(RemovedValue(event_id=ev.id, field=field, value=value))
    session.flush()
    session.expire(ev, ["facts"])


def merge(store: Store, session: Session, ev: Event, other: int) -> tuple:
    """Move every mention and fact of the other event into this one; the other redirects here."""
    source = _live(session, _event(session, other))
    _live(session, ev)
    if source.id == ev.id:
        raise CurationError("an event cannot be merged with itself")
    before = {"event": snapshot(session, ev), "merged": snapshot(session, source)}
    curated_here = select(Fact.field).where(Fact.event_id == ev.id, Fact.origin == "curated")
    session.execute(delete(Fact).where(Fact.event_id == source.id, Fact.origin == "curated",
                                       Fact.field.in_(curated_here)))  # this event's corrections win
    session.execute(update(Fact).where(Fact.event_id == source.id).values(event_id=ev.id))
    session.execute(update(Mention).where(Mention.event_id == source.id).values(event_id=ev.id))
    _move_links(session, source.id, ev.id)
    session.execute(update(EventState).where(EventState.merged_into == source.id).values(merged_into=ev.id))
    session.merge(EventState(event_id=source.id, status=MERGED, merged_into=ev.id))
    _refresh(store, session, ev, source)
    return ev.id, before, {"event": snapshot(session, ev), "merged": snapshot(session, source)}


def _move_links(session: Session, source: int, target: int) -> None:
    """Links of the merged event become the target's, without links of an event to itself or twins."""
    for link in session.scalars(select(EventLink).where(or_(EventLink.event_id == source, EventLink.other_id == source))):
        pair = (target if link.event_id == source else link.event_id,
                target if link.other_id == source else link.other_id)
        twin = session.scalar(select(EventLink.id).where(EventLink.event_id == pair[0], EventLink.other_id == pair[1],
                                                         EventLink.relation == link.relation))
        if pair[0] == pair[1] or twin is not None:
            session.delete(link)
        else:
            link.event_id, link.other_id = pair
    session.flush()


def split(store: Store, session: Session, ev: Event, mention: int) -> tuple:
    """Make a new event of one mention of this event, with the facts that mention supports."""
    _live(session, ev)
    row = session.get(Mention, mention)
    if row is None or row.event_id != ev.id:
        raise CurationError(f"event {ev.id} has no mention {mention}")
    if len(ev.mentions) < 2:
        raise CurationError(f"mention {mention} is the only one of event {ev.id}")
    before = snapshot(session, ev)
    article = session.get(Article, row.article_id)
    new = Event(type=row.type, name=(row.data or {}).get("name"), start=row.start, end=row.end,
                confidence=row.confidence, summary=article.clean_text[row.span_start:row.span_end])
    session.add(new)
    session.flush()
    session.execute(update(Fact).where(Fact.mention_id == row.id).values(event_id=new.id))
    session.execute(update(Mention).where(Mention.id == row.id).values(event_id=new.id))
    _refresh(store, session, ev, new)
    return ev.id, before, {"event": snapshot(session, ev), "new": snapshot(session, new)}


def reject(store: Store, session: Session, ev: Event, reason: str | None = None) -> tuple:
    """Mark a false event: kept with its sources, hidden from listings, and later reports join it hidden."""
    before = snapshot(session, _live(session, ev))
    session.merge(EventState(event_id=ev.id, status=REJECTED, reason=reason or None))
    session.flush()
    return ev.id, before, snapshot(session, ev) | {"reason": reason or None}


def restore(store: Store, session: Session, ev: Event) -> tuple:
    """Undo a rejection."""
    state = _state(session, ev)
    if state is None or state.status != REJECTED:
        raise CurationError(f"event {ev.id} is not rejected")
    before = snapshot(session, ev)
    session.delete(state)
    session.flush()
    return ev.id, before, snapshot(session, ev)


def add(store: Store, session: Session, ev: None, type: str, note: str | None = None, **values) -> tuple:
    """An event recorded by hand (a city office's own delegation): every value a curated fact, the note its summary."""
    unknown = set(values) - set(HAND_FIELDS)
    if unknown:
        raise CurationError(f"unknown field {', '.join(sorted(unknown))} (known: type, note, {', '.join(HAND_FIELDS)})")
    facts = [curated_fact("type", type)]
    for key, texts in values.items():
        for text in [texts] if isinstance(texts, str) else texts or []:
            facts.append(curated_fact(HAND_FIELDS[key], text))
    new = Event(type=facts[0]["value"], confidence=1.0, summary=note or "")
    session.add(new)
    session.flush()
    for fact in facts:
        _add_fact(store, session, new, fact)
    _refresh(store, session, new)
    return new.id, None, snapshot(session, new) | {"note": note or None}


def _refresh(store: Store, session: Session, *events: Event) -> None:
    """Re-resolve events whose facts or mentions changed under them; a field left without facts is emptied."""
    session.flush()
    for ev in events:
        session.expire(ev, ["facts", "mentions"])
        present = {f.field for f in ev.facts}
        for field, column in RESOLVED_COLUMNS.items():
            if field not in present:
                setattr(ev, column, None)
        store._refresh_event(session, ev)
    session.flush()


ACTIONS: dict[str, Callable[..., tuple]] = {"correct": correct, "merge": merge, "split": split,
                                            "reject": reject, "restore": restore, "add": add}
