"""Find stated participation figures: a number followed by what it counts ("50 thành phố",
"30 countries", "29개국"), skipping approximate ones ("more than 50", "1,000여 명")."""
from __future__ import annotations

import re

from cityties.document import Document, CountRef, Span
from cityties.stages.lexmatch import find, labelled, lexicon_matcher

# A whole number in digits with optional thousands separators ("1,000", "1.000"); not part of a
# decimal or a date ("3.5", "18.9.2024"). A Korean counter may follow directly ("29개국").
NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?![.,]?\d)")
# Key of counts.tsv rows that only stop a shorter noun from matching inside them ("tỉnh trưởng").
NOT_A_COUNT = "none"
# Smallest figure kept: "two cities" / "hai bên" in a bilateral report names the parties, not a
# stated attendance (the dev gold has no count under five).
MIN_COUNT = 3
# Plain four-digit numbers in this range are years ("in 2024 cities ..."), not counts.
YEARS = range(1900, 2101)
# English may put a few adjectives between the number and the noun ("30 major cities");
# Vietnamese and Korean modifiers follow the noun.
MAX_GAP_WORDS = {"en": 2}
# Grammatical words that make a phrase between number and noun a partitive ("five of the cities").
FUNCTION_WORDS = frozenset({"of", "the", "and", "or", "from", "in", "to", "for", "with", "at", "on", "by"})
# How far before a number an approximation cue may end ("more than 50"), in characters.
CUE_REACH = 16
# How far after a number its noun is looked for, in characters.
NOUN_REACH = 40


def _numbers(text: str, lang: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of every number written in digits or as a word."""
    found = [(m.start(), m.end(), int(re.sub(r"[.,]", "", m.group()))) for m in NUMBER.finditer(text)]
    found += [(s, e, int(row[0])) for s, e, row in labelled(lexicon_matcher(lang, "numbers"), text, lang)]
    return sorted(found)


def _is_approximate(text: str, start: int, end: int, lang: str) -> bool:
    """Whether an approximation cue stands right before the number or is glued after it (50여)."""
    cues = lexicon_matcher(lang, "cues", "approx")
    before = text[max(0, start - CUE_REACH):start].rstrip()
    if any(m.end == len(before) for m in find(cues, before, lang)):
        return True
    after = text[end:end + CUE_REACH].lstrip()
    return any(m.start == 0 for m in find(cues, after, lang))


def _noun_after(text: str, end: int, lang: str) -> tuple[int, str] | None:
    """(end, count key) of the count noun following a number on its line, allowing a few
    adjectives in English."""
    window = text[end:end + NOUN_REACH].split("\n", 1)[0]
    lead = len(window) - len(window.lstrip(" "))
    nouns = find(lexicon_matcher(lang, "counts"), window[lead:], lang)
    if not nouns:
        return None
    first = nouns[0]
    key = first.payload[0][1]
    gap = window[lead:lead + first.start].split()
    if (key == NOT_A_COUNT or len(gap) > MAX_GAP_WORDS.get(lang, 0)
            or any(not w.isalpha() or w in FUNCTION_WORDS for w in gap)):
        return None
    return end + lead + first.end, key


def find_counts(text: str, lang: str) -> list[tuple[int, int, str, int]]:
    """(start, end, count key, value) of each exact "<number> <noun>" figure."""
    found = []
    for start, end, value in _numbers(text, lang):
        if value < MIN_COUNT or (value in YEARS and text[start:end].isdigit()):
            continue
        noun = _noun_after(text, end, lang)
        if noun and not _is_approximate(text, start, end, lang):
            found.append((start, noun[0], noun[1], value))
    return found


def run(doc: Document) -> Document:
    lang = doc.language or "en"
    doc.counts = [
        CountRef(key, value, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, key, value in find_counts(doc.text, lang)
    ]
    return doc
