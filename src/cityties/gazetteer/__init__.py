"""Places (cities and first-level regions) and countries, found in text and looked up by name.

The data (data.py) is data/gazetteer/places.tsv.gz, the hand-written files aliases_<lang>.tsv,
countries_<lang>.tsv, stopnames.txt and given_names.txt, and country names from CLDR and ISO
3166-1; index.py holds it loaded, with the lookups by name.

A name found in text (mentions.py) is checked on its own (case, Korean word endings, Vietnamese
prefixes and syllables) and against the words around it: inside a person's name (persons.py: a
given name before it, a title, "Dr"), an organization's ("Kyoto University", "Bangkok Post") or a
hyphenated one ("Hewlett-Packard", orgs.py) it is no place; what the words around it call it
(wording.py) guides which place of that name it is (choice.py). Rules that look across several
names (a region locating the city before it, lists of company names) are in stages/places.py.
"""
from __future__ import annotations

from functools import lru_cache

from cityties.gazetteer.choice import choose
from cityties.gazetteer.data import GAZETTEER, Place
from cityties.gazetteer.index import Index, bare_key
from cityties.gazetteer.mentions import mentions, with_korean_short_forms
from cityties.gazetteer.persons import repeats_surname

__all__ = ["GAZETTEER", "Gazetteer", "Place", "bare_key", "gazetteer"]


class Gazetteer(Index):
    """All places and country names, looked up by name and found in text."""

    def find(self, text: str, lang: str,
             context_countries: frozenset[str] = frozenset()) -> list[tuple[int, int, Place]]:
        """Places named in text as (start, end, place). A country's name is no place, except a
        city-state's where the text speaks of the city ("held in Singapore"); a Korean article
        that names a place with its unit may repeat it bare ("전주시 ... 전주를")."""
        surnames: dict[str, bool] = {}
        found = list(mentions(self, text, lang, surnames))  # fills surnames first
        found = [m for m in found if not repeats_surname(text, m.start, m.end, surnames)]
        if lang == "ko":
            found = with_korean_short_forms(text, found)
        return choose(self, text, lang, found, context_countries)

    def find_countries(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """Country names in text as (start, end, ISO alpha-2)."""
        return [(m.start, m.end, m.countries[0]) for m in mentions(self, text, lang) if m.countries]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
