"""Find cities and regions and link each to a gazetteer entry, using the countries named as context."""
from __future__ import annotations

from cityties.document import Document, PlaceRef, Span
from cityties.gazetteer import gazetteer



def run(doc: Document) -> Document:
    context = frozenset(c.code for c in doc.countries)
    country_spans = {(c.span.start, c.span.end) for c in doc.countries}
    doc.places = [
        PlaceRef(place.geonameid, place.name, place.country, place.kind, doc.text[start:end],
                 Span(start, end), doc.sentence_of(start))
        for start, end, place in gazetteer().find(doc.text, doc.language or "en", context)
        if (start, end) not in country_spans
    ]
    return doc
