"""Mentions as SCHEMA.md event objects (the evaluation and JSON export format)."""
from __future__ import annotations

from cityties.document import Document, Mention, PlaceRef, SlotValue
from cityties.resolve import cluster, mention_summary


def _place(ref: PlaceRef) -> dict:
    return {"place": ref.name, "country": ref.country}


def mention_to_event(m: Mention, slot_threshold: float = 0.0) -> dict:
    """One mention in the SCHEMA.md event shape (slot values only, no provenance), keeping the
    slot values whose confidence clears slot_threshold."""
    def sure(values: list[SlotValue]) -> list:
        return [v.value for v in values if v.confidence >= slot_threshold]

    location = m.location if m.location and m.location.confidence >= slot_threshold else None
    return {
        "type": m.type,
        "name": m.name,
        "start": m.start,
        "end": m.end,
        "location": _place(location.value) if location else None,
        "venue": None,
        "hosts": [_place(h) for h in sure(m.hosts)],
        "places": [_place(p) for p in sure(m.places)],
        "countries": sorted(set(sure(m.countries))),
        "organizations": sure(m.organizations),
        "people": [{"name": p.name, "role": p.role, "of": p.of} for p in sure(m.people)],
        "themes": sure(m.themes),
        "counts": {k: v.value for k, v in m.counts.items() if v.confidence >= slot_threshold},
        "confidence": round(m.confidence, 3),
    }


def documents_to_eval(docs: list[tuple[str, Document]], threshold: float, slot_threshold: float) -> list[dict]:
    """Each document's events that clear the confidence threshold, as SCHEMA.md lines; events
    that resolution puts together across documents share a "cluster" value."""
    kept = [(name, doc, [m for m in doc.mentions if m.confidence >= threshold]) for name, doc in docs]
    ids = iter(cluster([(name, mention_summary(m)) for name, _, ms in kept for m in ms]))
    lines = []
    for name, doc, mentions in kept:
        events = [mention_to_event(m, slot_threshold) | {"cluster": next(ids)} for m in mentions]
        lines.append({"doc": name, "language": doc.language,
                      "published": doc.published.isoformat() if doc.published else None,
                      "events": events})
    return lines
