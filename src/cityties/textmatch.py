"""Phrase matching with Aho-Corasick automata over a length-preserving folded form of the text."""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if is_hangul(ch):  # NFKD would split a syllable into jamo and keep only the first
        return ch
    base = unicodedata.normalize("NFKD", ch)[0] if ch.isalpha() else ch
    low = base.lower()
    return low if len(low) == 1 else base


class _FoldTable(dict):
    """str.translate table that folds each character the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
# Folded texts remembered: every stage folds the same article text again (about 20 look-ups).
FOLD_CACHE = 256


@lru_cache(maxsize=FOLD_CACHE)
def fold(text: str) -> str:
    """Lower-case and strip diacritics, one character for one, so offsets stay valid."""
    return text.translate(_FOLD)


def fold_key(text: str) -> str:
    """Fold and drop everything but letters and digits: the key two spellings are compared on."""
    return "".join(c for c in fold(text) if c.isalnum())


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f"


def _boundary_ok(text: str, start: int, end: int, phrase: str) -> bool:
    """A match must not start or end inside a word; Korean particles may follow a Hangul match."""
    if start > 0 and text[start - 1].isalnum():
        return False
    return end >= len(text) or not text[end].isalnum() or is_hangul(phrase[-1])


def _compound_ok(text: str, start: int, end: int, phrase: str) -> bool:
    """In a compounding language a match may also start or end where Hangul meets another
    letter inside a word: 서울시장 holds 서울 and 시장, UCLG는 ends UCLG, 25주년 holds 주년."""
    if start > 0 and text[start - 1].isalnum() and not (is_hangul(text[start - 1]) or is_hangul(text[start])):
        return False
    return (end >= len(text) or not text[end].isalnum() or is_hangul(phrase[-1])
            or is_hangul(text[end]))


@dataclass
class Match(Generic[T]):
    start: int
    end: int
    payload: T


class PhraseMatcher(Generic[T]):
    """Finds the longest non-overlapping occurrences of many phrases in one pass."""

    def __init__(self, entries: Iterable[tuple[str, T]]):
        self._automaton = ahocorasick.Automaton()
        grouped: dict[str, list[T]] = {}
        for phrase, payload in entries:
            key = fold(phrase.strip())
            if key:
                grouped.setdefault(key, []).append(payload)
        for key, payloads in grouped.items():
            self._automaton.add_word(key, (key, payloads))
        self.size = len(grouped)
        if grouped:
            self._automaton.make_automaton()

    def find_all(self, text: str, folded: str | None = None,
                 inside_words: bool = False) -> Iterator[Match[list[T]]]:
        """Every boundary-respecting match, longest first at each position, without overlaps;
        inside_words lets matches start and end inside Hangul compounds."""
        if not self.size:
            return
        folded = fold(text) if folded is None else folded
        boundary_ok = _compound_ok if inside_words else _boundary_ok
        hits = []
        for end_idx, (key, payloads) in self._automaton.iter(folded):
            start = end_idx - len(key) + 1
            if boundary_ok(folded, start, end_idx + 1, key):
                hits.append((start, end_idx + 1, payloads))
        chosen: list[tuple[int, int, list[T]]] = []
        taken = bytearray(len(folded))
        for start, end, payloads in sorted(hits, key=lambda h: (-(h[1] - h[0]), h[0])):
            if not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                chosen.append((start, end, payloads))
        for start, end, payloads in sorted(chosen):
            yield Match(start, end, payloads)
