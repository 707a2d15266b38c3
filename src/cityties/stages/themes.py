"""Find the cooperation fields (SCHEMA.md themes) an article names."""
from __future__ import annotations

from cityties.document import Document, Span, ThemeRef
from cityties.stages.lexmatch import labelled, lexicon_matcher

# The cooperation fields of SCHEMA.md.
THEMES = ("economy", "tourism", "culture", "education", "health", "science_technology", "innovation",
          "digital", "smart_city", "urban_planning", "transport", "environment", "climate",
          "sustainability", "inclusion", "people_exchange", "security", "agriculture")


def find_themes(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, theme) of each cooperation-field phrase."""
    return [(start, end, row[0]) for start, end, row in labelled(lexicon_matcher(lang, "themes"), text, lang)]


def run(doc: Document) -> Document:
    lang = doc.language or "en"
    doc.themes = [
        ThemeRef(theme, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, theme in find_themes(doc.text, lang)
    ]
    return doc
