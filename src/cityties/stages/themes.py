"""Find the cooperation fields (SCHEMA.md themes) an article names."""
from __future__ import annotations

from cityties.document import Document, Span, ThemeRef
from cityties.stages.lexmatch import labelled, lexicon_matcher

# The cooperation fields of SCHEMA.md.
THEMES = ("economy", "tourism", "culture", "education", "health", "science_technology", "innovation",
          "digital", "smart_city", "urban_planning", "transport", "environment", "climate",
          "sustainability", "inclusion", "people_exchange", "security", "agriculture")
# Characters looked at before a field word for the capitalized word of a name it continues.
NAME_LOOKBACK = 40


def _in_a_name(text: str, start: int) -> bool:
    """Whether a capitalized field word continues a proper name ("Cung Văn hóa Hữu nghị", "the
    Green Growth Institute"): the word before it is capitalized too, on the same line."""
    if not text[start:start + 1].isupper():
        return False
    before = text[max(0, start - NAME_LOOKBACK):start].split("\n")[-1].split()
    return bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def find_themes(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, theme) of each cooperation-field phrase, not counting words of proper names."""
    return [(start, end, row[0]) for start, end, row in labelled(lexicon_matcher(lang, "themes"), text, lang)
            if not _in_a_name(text, start)]


def run(doc: Document) -> Document:
    lang = doc.language or "en"
    doc.themes = [
        ThemeRef(theme, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, theme in find_themes(doc.text, lang)
    ]
    return doc
