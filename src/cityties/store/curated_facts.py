"""What curators type, checked and turned into curated fact rows; and an event as the audit log keeps it."""
from __future__ import annotations

import re
from datetime import date

import pycountry
from sqlalchemy import select
from sqlalchemy.orm import Session

from cityties.conflicts import COUNT_PREFIX, SINGLE_FIELDS, is_single
from cityties.document import EVENT_TYPES
from cityties.gazetteer import gazetteer
from cityties.stages.themes import THEMES
from cityties.store.models import Event, EventState, Fact
from cityties.store.store import resolve_fields
from cityties.textmatch import fold_key

# Fields an event holds many values of; a correction adds or removes values.
SET_FIELDS = ("place", "host", "country", "person", "organization", "theme")
PLACE_LIKE = ("location", "place", "host")
FIELDS = ("type", *SINGLE_FIELDS, *SET_FIELDS)  # and count:NOUN
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PERSON = re.compile(r"(?P<name>[^()]+?)\s*(?:\((?P<role>[^,()]*)(?:,\s*(?P<of>[^()]*))?\))?")  # Name (role, of)
CURATED_CONFIDENCE = 1.0  # a curator's value is certain


class CurationError(ValueError):
    """A curation request that cannot be applied; the message says why."""


class UnknownEvent(CurationError, LookupError):
    """The event named does not exist."""


def check_field(field: str) -> str:
    if field in FIELDS or (field.startswith(COUNT_PREFIX) and len(field) > len(COUNT_PREFIX)):
        return field
    raise CurationError(f"unknown field {field!r} (known: {', '.join(FIELDS)}, count:NOUN)")


def is_set(field: str) -> bool:
    return field in SET_FIELDS


def curated_fact(field: str, text: str) -> dict:
    """A curated fact row for one typed value of a field: canonical value, label and detail."""
    text = (text or "").strip()
    if not text:
        raise CurationError(f"an empty value for {field}")
    value, label, detail = _parse(check_field(field), text)
    return {"field": field, "value": value, "label": label, "detail": detail, "span_start": None,
            "span_end": None, "confidence": CURATED_CONFIDENCE, "origin": "curated"}


def _parse(field: str, text: str) -> tuple[str, str, dict | None]:
    if field == "type":
        return _one_of(text.lower(), EVENT_TYPES, field), text.lower(), None
    if field in ("start", "end"):
        return _date(text), text, None
    if field in PLACE_LIKE:
        place = gazetteer().get(int(text)) if text.lstrip("-").isdigit() else gazetteer().lookup(text)
        if place is None:
            raise CurationError(f"no place called {text!r} in the gazetteer")
        return str(place.geonameid), place.name, None
    if field == "country":
        if pycountry.countries.get(alpha_2=text.upper()) is None:
            raise CurationError(f"{text!r} is not an ISO 3166 alpha-2 country code")
        return text.upper(), text.upper(), None
    if field == "person":
        m = PERSON.fullmatch(text)
        return fold_key(m["name"]), m["name"], {"role": m["role"] or None, "of": m["of"] or None}
    if field == "theme":
        return _one_of(text.lower(), THEMES, field), text.lower(), None
    if field.startswith(COUNT_PREFIX):
        if not text.isdigit():
            raise CurationError(f"{field} must be a whole number, not {text!r}")
        return str(int(text)), f"{int(text)} {field[len(COUNT_PREFIX):]}", None
    return text, text, None  # name, organization


def _one_of(value: str, known: tuple[str, ...], field: str) -> str:
    if value not in known:
        raise CurationError(f"unknown {field} {value!r} (known: {', '.join(known)})")
    return value


def _date(text: str) -> str:
    """A YYYY, YYYY-MM or YYYY-MM-DD date that exists."""
    try:
        if DATE.fullmatch(text):
            date.fromisoformat((text + "-01-01")[:10])
            return text
    except ValueError:
        pass
    raise CurationError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def matching_values(facts: list[Fact], field: str, text: str) -> set[str]:
    """The values of an event's facts of one field that a typed value names (by key or as shown)."""
    wanted = {text.strip(), text.strip().casefold()}
    try:
        wanted.add(curated_fact(field, text)["value"])
    except CurationError:
        pass  # not a well-formed value, maybe still a label as shown
    return {f.value for f in facts if f.field == field and (f.value in wanted or f.label.casefold() in wanted)}


def snapshot(session: Session, ev: Event, fields: tuple[str, ...] | None = None) -> dict:
    """An event as the audit log keeps it: the value each field shows (a list for many-valued fields)."""
    facts = session.scalars(select(Fact).where(Fact.event_id == ev.id).order_by(Fact.id)).all()
    resolved = resolve_fields(session, facts)
    shown: dict[str, object] = {}
    for f in facts:
        if fields is not None and f.field not in fields:
            continue
        if is_single(f.field):
            shown[f.field] = resolved[f.field].label
        elif f.field != "type" and f.label not in shown.setdefault(f.field, []):
            shown[f.field].append(f.label)
    if fields is not None:
        return {name: ev.type if name == "type" else shown.get(name) for name in fields}
    state = session.get(EventState, ev.id)
    return {"id": ev.id, "type": ev.type, "status": state.status if state else "active",
            "merged_into": state.merged_into if state else None,
            "mentions": sorted(m.id for m in ev.mentions), **shown}
