"""Lexicon look-ups shared by the stages: one PhraseMatcher per language, kind and label; the
search Korean needs, where phrases end compounds (서울시장) and particles follow Latin (UCLG는);
and the spelling check Vietnamese needs, where diacritics tell words apart (thăm, tham, thẩm)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from cityties.lexicon import table
from cityties.textmatch import Match, PhraseMatcher, fold, is_hangul

# Languages that glue words into compounds without spaces, so a phrase may start inside a word.
COMPOUNDING = frozenset({"ko"})
# Languages whose diacritics distinguish words: a match must have the phrase's marks, wherever
# the tone mark sits ("hoà" = "hòa"), not only its folded letters.
DIACRITIC_LANGS = frozenset({"vi"})
# Vietnamese tone marks (grave, acute, tilde, hook above, dot below), as NFD writes them.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Characters looked at from each position inside a compound: longer than any lexicon phrase
# (the longest Korean rows, organization names, are under 20 characters).
COMPOUND_WINDOW = 24


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


def _separate_particles(folded: str) -> str:
    """Blank the first Hangul letter after a Latin letter or digit, so "uclg는" ends a word
    (phrases starting there, "25주년", are found from inside the word)."""
    chars = list(folded)
    for i in range(1, len(chars)):
        if is_hangul(folded[i]) and folded[i - 1].isalnum() and not is_hangul(folded[i - 1]):
            chars[i] = " "
    return "".join(chars)


def _longest_first(hits: list[Match]) -> list[Match]:
    """Keep the longest of overlapping matches (earliest on ties), in text order."""
    chosen: list[Match] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def find(matcher: PhraseMatcher[tuple[str, ...]], text: str, lang: str | None) -> list[Match]:
    """Matches in text of a matcher whose payloads are rows starting with their phrase; in
    compounding languages also phrases that start inside a word; in diacritic languages only
    phrases spelled as in the text."""
    if lang not in COMPOUNDING:
        return _spelled(list(matcher.find_all(text)), text, lang)
    folded = fold(text)
    hits = list(matcher.find_all(text, _separate_particles(folded)))
    for k in range(1, len(text)):
        if text[k - 1].isalnum() and text[k].isalnum() and (is_hangul(text[k - 1]) or is_hangul(text[k])):
            end = k + COMPOUND_WINDOW
            first = next(iter(matcher.find_all(text[k:end], folded[k:end])), None)
            if first is not None and first.start == 0:
                hits.append(Match(k, k + first.end, first.payload))
    return _longest_first(hits)


def labelled(matcher: PhraseMatcher[tuple[str, ...]], text: str,
             lang: str | None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, labels) of every match of a lexicon_matcher: the columns after the phrase."""
    return [(m.start, m.end, m.payload[0][1:]) for m in find(matcher, text, lang)]
