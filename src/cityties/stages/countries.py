"""Find country names (in the article's language and in English) and map them to ISO codes."""
from __future__ import annotations

from cityties.document import CountryRef, Document, Span
from cityties.gazetteer import gazetteer


def run(doc: Document) -> Document:
    doc.countries = [
        CountryRef(code, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, code in gazetteer().find_countries(doc.text, doc.language or "en")
    ]
    return doc
