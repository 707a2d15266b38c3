"""Mentions as SCHEMA.md event objects (the evaluation and JSON export format)."""
from __future__ import annotations

from cityties.document import Document, Mention, PlaceRef
from cityties.resolve import cluster, mention_summary


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


def documents_to_eval(docs: list[tuple[str, Document]], threshold: float) -> list[dict]:
    """Each document's events that clear the confidence threshold, as SCHEMA.md lines; events
    that resolution puts together across documents share a "cluster" value."""
    kept = [(name, doc, [m for m in doc.mentions if m.confidence >= threshold]) for name, doc in docs]
    ids = iter(cluster([(name, mention_summary(m)) for name, _, ms in kept for m in ms]))
    lines = []
    for name, doc, mentions in kept:
        events = [mention_to_event(m) | {"cluster": next(ids)} for m in mentions]
        lines.append({"doc": name, "language": doc.language,
                      "published": doc.published.isoformat() if doc.published else None,
                      "events": events})
    return lines
