"""Lexicon look-ups shared by the stages: one PhraseMatcher per language, kind and label; the
search Korean needs, where phrases end compounds (서울시장) and particles follow Latin (UCLG는);
and the spelling check Vietnamese needs, where diacritics tell words apart (thăm, tham, thẩm)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from cityties.lexicon import table
from cityties.textmatch import Match, PhraseMatcher

# Languages that glue words into compounds without spaces, so a phrase may start inside a word.
COMPOUNDING = frozenset({"ko"})
# Languages whose diacritics distinguish words: a match must have the phrase's marks, wherever
# the tone mark sits ("hoà" = "hòa"), not only its folded letters.
DIACRITIC_LANGS = frozenset({"vi"})
# Vietnamese tone marks (grave, acute, tilde, hook above, dot below), as NFD writes them.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


@lru_cache(maxsize=None)
def lexicon_matcher(lang: str, kind: str, label: str | None = None) -> PhraseMatcher[tuple[str, ...]]:
    """Matcher over data/lexicon/<lang>/<kind>.tsv (rows whose second column is label, if given);
    each phrase's payload is its whole row."""
    return PhraseMatcher((row[0], tuple(row)) for row in table(lang, kind)
                         if len(row) >= 2 and (label is None or row[1] == label))


def spelling(text: str) -> str:
    """Lower case with every diacritic kept, each word's tone mark moved to its end."""
    out, tones = [], []
    for ch in unicodedata.normalize("NFD", text.lower()) + " ":
        if ch in TONE_MARKS:
            tones.append(ch)
        elif ch.isalnum() or unicodedata.combining(ch):
            out.append(ch)
        else:
            out.extend(tones + [ch])
            tones = []
    return "".join(out)[:-1]


def _spelled(matches: list[Match], text: str, lang: str | None) -> list[Match]:
    """In a diacritic language, keep the rows (payloads) whose phrase is spelled as the text is;
    drop a match none of whose rows is."""
    if lang not in DIACRITIC_LANGS:
        return matches
    kept = []
    for m in matches:
        surface = spelling(text[m.start:m.end])
        rows = [row for row in m.payload if spelling(row[0]) == surface]
        if rows:
            kept.append(Match(m.start, m.end, rows))
    return kept


def find(matcher: PhraseMatcher[tuple[str, ...]], text: str, lang: str | None) -> list[Match]:
    """Matches in text of a matcher whose payloads are rows starting with their phrase; in
    compounding languages also phrases inside a word; in diacritic languages only phrases
    spelled as in the text."""
    if lang in COMPOUNDING:
        return list(matcher.find_all(text, inside_words=True))
    return _spelled(list(matcher.find_all(text)), text, lang)


def labelled(matcher: PhraseMatcher[tuple[str, ...]], text: str,
             lang: str | None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, labels) of every match of a lexicon_matcher: the columns after the phrase."""
    return [(m.start, m.end, m.payload[0][1:]) for m in find(matcher, text, lang)]
