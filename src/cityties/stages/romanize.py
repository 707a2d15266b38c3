"""Korean personal names in Latin letters, as news and city governments usually write them
("오세훈" -> "Oh Se-hoon"): family names from a table, given-name syllables from a table of usual
spellings, else by Revised Romanization of their jamo."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from cityties.lexicon import table
from cityties.textmatch import is_hangul

# Korean given names have two syllables (오 + 세훈); other lengths are too often ordinary words.
GIVEN_NAME_SYLLABLES = 2
# Jamo kinds in the order NFD decomposes a syllable into them.
JAMO_KINDS = ("initial", "medial", "final")


@lru_cache(maxsize=None)
def _tables() -> dict[str, dict[str, str]]:
    """data/lexicon/ko/romanization.tsv by kind: surname, syllable, initial, medial, final."""
    tables: dict[str, dict[str, str]] = {}
    for hangul, latin, kind in table("ko", "romanization"):
        tables.setdefault(kind, {})[hangul] = latin
    return tables


def surnames() -> dict[str, str]:
    """Korean family names and their usual Latin spelling (박 -> Park)."""
    return _tables()["surname"]


def _syllable(ch: str) -> str:
    tables = _tables()
    if ch in tables["syllable"]:
        return tables["syllable"][ch]
    jamo = unicodedata.normalize("NFD", ch)
    return "".join(tables[kind].get(j, "") for kind, j in zip(JAMO_KINDS, jamo))


def romanize_name(hangul: str) -> str | None:
    """"오세훈" -> "Oh Se-hoon"; None when the word is not a family name and a two-syllable given name."""
    for size in (2, 1):  # two-syllable family names (남궁, 선우) first
        family, given = hangul[:size], hangul[size:]
        if family in surnames() and len(given) == GIVEN_NAME_SYLLABLES and all(map(is_hangul, given)):
            return f"{surnames()[family]} {'-'.join(map(_syllable, given)).capitalize()}"
    return None
