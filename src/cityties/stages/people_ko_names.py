"""Korean names in Latin letters: which Hangul words before a title are no names, and how a name
is written, by the Korean romanization where that is how its bearer spells it."""
from __future__ import annotations

import re
from functools import lru_cache

from cityties.lexicon import table
from cityties.stages.people_scan import Entity
from cityties.stages.romanize import romanize_name

# The genitive particle ("도시의 시장": the cities' mayors) is the last syllable of a word before
# a title but rarely of a given name; honorifics.tsv lists it as a link word, so it is named here
# beside the "ending" rows of that file.
GENITIVE = "의"
# Countries whose officials Korean names by the sound of their own language (왕린 for Wang Lin),
# which the Korean romanization would misspell ("Wang Rin"): their Hangul names are left out.
TRANSCRIBING_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "JP"})
KOREA = "KR"
# Chinese characters in parentheses after a Hangul name ("왕린(王林)"): a Chinese or Japanese name
# unless its title is a Korean place's (Korean papers may add a Korean name's characters).
HANJA = re.compile(r"\([\u3400-\u9fff]+\)")


@lru_cache(maxsize=None)
def endings() -> frozenset[str]:
    """Last syllables that are grammatical particles (honorifics.tsv kind "ending")."""
    return frozenset(row[0] for row in table("ko", "honorifics") if row[1:2] == ("ending",)) | {GENITIVE}


def title_case(name: str) -> str:
    """A Latin name written in capitals, as Korean press releases give foreign names, in the usual
    case ("OYBEK KHAMRAEV" -> "Oybek Khamraev"); other names unchanged."""
    if not name.isupper():
        return name
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), name)


def romanized(word: str, entity: Entity | None, hanja: bool) -> str | None:
    """A Hangul name in Latin letters where the Korean romanization spells it: not for an official
    of a TRANSCRIBING_COUNTRIES place, nor for a name with Chinese characters and no Korean place."""
    country = entity.country if entity else None
    if country in TRANSCRIBING_COUNTRIES or (hanja and country != KOREA):
        return None
    return romanize_name(word)
