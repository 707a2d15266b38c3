"""Turn an extracted mention into fact rows: field, canonical value, label, supporting sentence span."""
from __future__ import annotations

from cityties.document import Document, Mention, SlotValue, Span
from cityties.textmatch import fold_key


def _fact(doc: Document, field: str, value: object, label: str, slot: SlotValue | None,
          sentence: int, detail: dict | None = None, words: Span | None = None) -> dict:
    """One fact row: the sentence that supports it and, inside it, the words that say the value."""
    idx = slot.sentence if slot is not None else sentence
    span = doc.sentences[idx] if 0 <= idx < len(doc.sentences) else None
    words = slot.span if slot is not None and slot.span is not None else words
    inside = span is not None and words is not None and span.start <= words.start and words.end <= span.end
    return {"field": field, "value": str(value), "label": label, "detail": detail,
            "span_start": span.start if span else None, "span_end": span.end if span else None,
            "value_start": words.start if inside else None, "value_end": words.end if inside else None,
            "confidence": slot.confidence if slot is not None else 1.0}


def mention_facts(doc: Document, m: Mention) -> list[dict]:
    """Every slot value of a mention as a fact (the anchor sentence supports type, name and date)."""
    date_sentence = m.date_sentence if m.date_sentence is not None else m.sentence
    facts = [_fact(doc, "type", m.type, m.type, None, m.sentence, words=m.trigger_span)]
    if m.name:
        facts.append(_fact(doc, "name", m.name, m.name, None, m.sentence))
    if m.start:
        facts.append(_fact(doc, "start", m.start, m.start, None, date_sentence, words=m.date_span))
    if m.end:
        facts.append(_fact(doc, "end", m.end, m.end, None, date_sentence, words=m.date_span))
    if m.location:
        loc = m.location.value
        facts.append(_fact(doc, "location", loc.geonameid, loc.name, m.location, m.sentence))
    for slot in m.hosts:
        facts.append(_fact(doc, "host", slot.value.geonameid, slot.value.name, slot, m.sentence))
    for slot in m.places:
        facts.append(_fact(doc, "place", slot.value.geonameid, slot.value.name, slot, m.sentence))
    for slot in m.countries:
        facts.append(_fact(doc, "country", slot.value, slot.value, slot, m.sentence))
    for slot in m.organizations:
        facts.append(_fact(doc, "organization", slot.value, slot.value, slot, m.sentence))
    for slot in m.people:
        p = slot.value
        facts.append(_fact(doc, "person", fold_key(p.name), p.name, slot, m.sentence,
                           {"role": p.role, "of": p.of}))
    for slot in m.themes:
        facts.append(_fact(doc, "theme", slot.value, slot.value, slot, m.sentence))
    for key, slot in m.counts.items():
        facts.append(_fact(doc, f"count:{key}", slot.value, f"{slot.value} {key}", slot, m.sentence))
    return facts
