"""Find country names (in the article's language and in English) and map them to ISO codes; an
organization's seat ("headquartered in Germany") is no country of the article's events."""
from __future__ import annotations

from cityties.document import CountryRef, Document, Span
from cityties.gazetteer import gazetteer
from cityties.gazetteer.wording import names_a_seat


def run(doc: Document) -> Document:
    doc.countries = [
        CountryRef(code, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, code in gazetteer().find_countries(doc.text, doc.language or "en")
        if not names_a_seat(doc.text, start, end)
    ]
    return doc
