"""Mentions as SCHEMA.md event objects (the evaluation and JSON export format)."""
from __future__ import annotations

from cityties.document import Document, Mention, PlaceRef


def _place(ref: PlaceRef) -> dict:
    return {"place": ref.name, "country": ref.country}


def mention_to_event(m: Mention) -> dict:
    """One mention in the SCHEMA.md event shape (slot values only, no provenance)."""
    people = [{"name": p.value.name, "role": p.value.role, "of": p.value.of} for p in m.people]
    return {
        "type": m.type,
        "name": m.name,
        "start": m.start,
        "end": m.end,
        "location": _place(m.location.value) if m.location else None,
        "venue": None,
        "hosts": [_place(h.value) for h in m.hosts],
        "places": [_place(p.value) for p in m.places],
        "countries": sorted({c.value for c in m.countries}),
        "organizations": [o.value for o in m.organizations],
        "people": people,
        "themes": [t.value for t in m.themes],
        "counts": {k: v.value for k, v in m.counts.items()},
        "confidence": round(m.confidence, 3),
    }


def document_to_eval(doc: Document, name: str, threshold: float) -> dict:
    """A document's events that clear the confidence threshold, as one SCHEMA.md line."""
    return {
        "doc": name,
        "language": doc.language,
        "published": doc.published.isoformat() if doc.published else None,
        "events": [mention_to_event(m) for m in doc.mentions if m.confidence >= threshold],
    }
