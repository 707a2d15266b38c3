"""The loaded gazetteer: places by id and by name, one phrase matcher over every name, alias and
country name, and lookups by name."""
from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from cityties.gazetteer.data import (ALIAS, ALTERNATE, BLOCK, COUNTRY, GAZETTEER, NAME, PLACE, Entry, Phrase,
                                     Place, country_name, first_cells, read_aliases, read_country_names,
                                     read_places)
from cityties.gazetteer.wording import KO_CONTINUATION, VI_LEADING_PREFIX
from cityties.textmatch import PhraseMatcher, fold, fold_key, is_hangul

# Countries that are one city: a mention of the country is also a mention of the city.
CITY_STATES = frozenset({"SG", "HK", "MO", "MC", "VA"})
# Words for a unit, left out when a region's name is compared to a city's (see bare_key).
UNIT_WORDS = frozenset("""
city province region oblast krai okrug republic prefecture state county governorate do si sheng
shi zizhiqu autonomous special metropolitan
""".split())


def bare_key(name: str) -> str:
    """A place's name folded without the words for its kind of unit: "Bukhara Region",
    "Voronezh Oblast", "Gyeonggi-do" -> "bukhara", "voronezh", "gyeonggi"."""
    words = re.split(r"[^0-9a-z]+", fold(name))
    return "".join(w for w in words if w and w not in UNIT_WORDS)


def _largest_by(places: Iterable[Place], key: Callable[[Place], Hashable | None]) -> dict:
    """The largest place for each key (None: no key), the later one on equal populations."""
    out = {}
    for place in sorted(places, key=lambda p: p.population):
        if (k := key(place)) is not None:
            out[k] = place
    return out


class Index:
    """All places and country names, with one phrase matcher over every name and alias."""

    country_name = staticmethod(country_name)

    def __init__(self, directory: Path = GAZETTEER):
        self.by_id: dict[int, Place] = {}
        self.by_name: dict[str, list[int]] = {}  # fold_key(canonical name) -> ids
        self.lowercase_aliases: set[str] = set()  # alias-file surfaces written lower-case first
        self.prefix_only: set[tuple[str, str]] = set()  # (lang, folded alias) needing "TP" etc.
        self.country_folds: set[str] = set()  # every country name, folded, in every language
        self.city_state_names: set[str] = set()  # folded: no person is named "X Singapore"
        self.given_names = {fold(n) for n in first_cells(directory / "given_names.txt")}
        self.matcher: PhraseMatcher[Entry] = PhraseMatcher(self._load(directory))
        self._link_places()

    def _link_places(self) -> None:
        """The maps from a country to its city-state's city or its namesake city, and from a
        bare name to the region."""
        places = self.by_id.values()
        self.city_state: dict[str, Place] = {}  # a city-state's code -> its city
        for place in places:
            best = self.city_state.get(place.country)
            if place.country in CITY_STATES and place.kind == "city" and (
                    best is None or place.population > best.population):
                self.city_state[place.country] = place
        # a country's city that bears its name: "파나마시" and "thành phố Panama" are Panama City
        country_keys = {c: fold_key(self.country_name(c)) for c in {p.country for p in places}}

        def named_for_its_country(p: Place) -> str | None:
            key = country_keys[p.country]
            return p.country if p.kind == "city" and fold_key(p.name) in (key, key + "city") else None

        self.named_city: dict[str, Place] = _largest_by(places, named_for_its_country)
        # (country, name without unit words) -> region: "Bukhara Region" for 부하라주
        self.region_of: dict[tuple[str, str], Place] = _largest_by(
            places, lambda p: (p.country, bare_key(p.name)) if p.kind == "region" else None)

    def _load(self, directory: Path) -> list[Phrase]:
        """Read the data files into the maps by id and name and the sets of surfaces; the phrases
        to match, stop names first."""
        stop = first_cells(directory / "stopnames.txt")
        phrases = [(s, Entry(BLOCK, "", NAME, "", s)) for s in stop]
        country_names = list(read_country_names(directory))
        for place, names in read_places(directory, {fold(s) for s in stop},
                                        {n for _, names in country_names for n in names}):
            self.by_id[place.geonameid] = place
            self.by_name.setdefault(fold_key(place.name), []).append(place.geonameid)
            phrases += names
        for alias in read_aliases(directory):
            place = self._resolve(alias.canonical, alias.country)
            if place is None:
                raise ValueError(f"{alias.file}: {alias.canonical!r} ({alias.country}) is not in the gazetteer")
            phrases.append((alias.phrase, Entry(PLACE, place.geonameid, ALIAS, alias.lang, alias.phrase)))
            if alias.phrase[0].islower():
                self.lowercase_aliases.add(alias.phrase)
            if alias.prefix_only:
                self.prefix_only.add((alias.lang, fold(alias.phrase)))
        for lang, names in country_names:
            phrases += [(n, Entry(COUNTRY, code, NAME, lang, n)) for n, code in names.items()]
            self.country_folds |= {fold(n) for n in names}
            self.city_state_names |= {fold(n) for n, code in names.items() if code in CITY_STATES}
        return phrases

    def _resolve(self, name: str, country: str) -> Place | None:
        """The place an alias file means by (canonical name, country): cities first, then size."""
        found = [self.by_id[i] for i in self.by_name.get(fold_key(name), ()) if self.by_id[i].country == country]
        return min(found, key=lambda p: (p.kind != "city", -p.population), default=None)

    def places(self) -> Iterable[Place]:
        return self.by_id.values()

    def get(self, geonameid: int) -> Place | None:
        return self.by_id.get(geonameid)

    def candidates(self, name: str) -> list[Place]:
        """Every place a name or alias may mean, best first (own name before alternate name,
        city before region, then size)."""
        name = VI_LEADING_PREFIX.sub("", name.strip())
        tier: dict[int, int] = {i: NAME for i in self.by_name.get(fold_key(name), ())}
        for m in self.matcher.find_all(name):
            rest = name[m.end:]
            if m.start == 0 and (not rest or is_hangul(name[m.end - 1]) and KO_CONTINUATION.fullmatch(rest)):
                for e in m.payload:
                    if e.kind == PLACE:
                        tier[e.target] = min(tier.get(e.target, ALTERNATE), e.tier)
        places = [self.by_id[i] for i in tier]
        return sorted(places, key=lambda p: (tier[p.geonameid] == ALTERNATE, p.kind != "city",
                                             -p.population, p.geonameid))

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The best place for a canonical name or alias, optionally within one country. Without
        a country, a country's name ("Georgia") is no place, unless it is a city-state."""
        if country is None and fold(name.strip()) in self.country_folds:
            places = [p for p in self.candidates(name) if p in self.city_state.values()]
        else:
            places = [p for p in self.candidates(name) if country in (None, p.country)]
        return places[0] if places else None

    def region_named_like(self, place: Place) -> Place | None:
        """The first-level region that bears a city's name ("Hai Phong" for Haiphong), if any."""
        region = self.region_of.get((place.country, bare_key(place.name)))
        return region if region is not None and region is not place else None

    def names_in(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of place or country names in text[start:end], as offsets into text."""
        start = max(0, start)
        return [(m.start + start, m.end + start) for m in self.matcher.find_all(text[start:end])
                if any(e.kind != BLOCK for e in m.payload)]
