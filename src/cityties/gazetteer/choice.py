"""Which place a mention means: a city-state's city or the city a country is named for where the
text speaks of a city, and among places of one name the one the disambiguation rule prefers."""
from __future__ import annotations

import math
import re

from cityties.gazetteer.data import ALIAS, ALTERNATE, Place
from cityties.gazetteer.index import Index, bare_key
from cityties.gazetteer.mentions import Mention
from cityties.gazetteer.wording import says_city, says_region, speaks_of_city

# An article's countries favour their places, but not over one this many times larger: lists of
# world cities ("Paris, Tokyo and Rome") in an article that names the United States stay in
# France and Italy (Paris, Texas is 86 times smaller), while Birmingham, Alabama (6 times smaller
# than Birmingham, England) or Victoria, Canada follow the article.
CONTEXT_MAX_POPULATION_RATIO = 20
# A city is preferred to a region of the same name unless the region (its cities of 15,000 or
# more) is this many times larger: "Oregon" and "Florida" are the states, not Oregon, Ohio
# (20,000) or Florida, Uruguay; "Washington" (6 times), "Chiba" (5) and "Kyoto" stay the cities.
REGION_OVER_CITY_RATIO = 10
# Text between a place and a qualifier naming its country or region: ", " or " (". A bare space
# qualifies only with a region holding the place ("Portland Maine").
QUALIFIER_GAP = re.compile(r"\s*[,(（]\s*")
BARE_GAP = re.compile(r" ")
# Among namesakes of comparable size (CONTEXT_MAX_POPULATION_RATIO) outside the article's
# countries, the country of the one with most of the article's other places within this
# distance wins (no winner on a tie): "Valencia" in a list with Le Havre, Rotterdam, Hamburg and
# Los Angeles is in Spain (three near), not Venezuela (none, though larger) nor California (one).
# Within one country size still decides (the Gwangju of 1.4 million, not the one near Seoul).
NEAR_KM = 2500
EARTH_RADIUS_KM = 6371
# Text between two items of a list of places, with a bracketed qualifier after the first
# ("Manila (Philippines), Singapore, Viêng Chăn"): a city-state among them is its city.
LIST_GAP = re.compile(r"\s*(?:[(（][^)）\n]{1,40}[)）])?\s*(?:,|and|và|및|&|와|과)\s*")


def choose(index: Index, text: str, lang: str, mentions: list[Mention],
           context: frozenset[str]) -> list[tuple[int, int, Place]]:
    """The place each mention means, as (start, end, place); a country's name is no place,
    except a city-state's or a country's namesake city where the text speaks of the city (a
    city-state's also as an item of a list of places). Each place is chosen twice, the second
    time with the places of the first pass as the article's geography."""
    found, redo = [], []
    for i, m in enumerate(mentions):
        if m.countries:
            city = index.city_state.get(m.countries[0])
            if city is not None and (speaks_of_city(text, m.start, m.end, lang)
                                     or _in_list_of_places(text, mentions, i)):
                found.append((m.start, m.end, city))
                redo.append(None)
            elif m.countries[0] in index.named_city and says_city(text, m.start, m.end, lang):
                found.append((m.start, m.end, index.named_city[m.countries[0]]))
                redo.append(None)
        elif m.places:
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            local = _qualifier(index, text, m, after)
            found.append((m.start, m.end, _best(index, text, m, lang, context, local)))
            redo.append((m, local))
    # once more, with the places found under the article's other names as its geography
    names = [text[s:e].casefold() for s, e, _ in found]
    return [(s, e, _best(index, text, again[0], lang, context, again[1],
                         [q for other, (_, _, q) in zip(names, found) if other != name]) if again else p)
            for (s, e, p), again, name in zip(found, redo, names)]


def _in_list_of_places(text: str, mentions: list[Mention], i: int) -> bool:
    """Whether a mention is an item of a list next to a place ("Manila (Philippines), Singapore")."""
    before = next((m for m in reversed(mentions[:i]) if m.places and not m.countries), None)
    after = next((m for m in mentions[i + 1:] if m.places and not m.countries), None)
    return bool(before and LIST_GAP.fullmatch(text, before.end, mentions[i].start)
                or after and LIST_GAP.fullmatch(text, mentions[i].end, after.start))


def _distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places with coordinates."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def _neighbours(place: Place, others: list[Place]) -> int:
    """How many distinct other places lie within NEAR_KM of a place (0 without coordinates)."""
    if place.lat is None or place.lon is None:
        return 0
    return sum(1 for o in {o.geonameid: o for o in others}.values()
               if o.lat is not None and o.lon is not None and _distance_km(place, o) <= NEAR_KM)


def _near_country(index: Index, candidates: set[int], others: list[Place]) -> str | None:
    """Among candidates in several countries, the country of the one with most of the other
    places near it (NEAR_KM), if one has most."""
    if len({index.by_id[i].country for i in candidates}) < 2:
        return None
    counts = sorted(((_neighbours(index.by_id[i], others), index.by_id[i].country) for i in candidates),
                    reverse=True)
    (most, country), rest = counts[0], counts[1:]
    tied = any(n == most and c != country for n, c in rest)
    return country if most and not tied else None


def _qualifier(index: Index, text: str, m: Mention, after: Mention | None) -> frozenset[str]:
    """What is named right after a place: a country ("Quảng Châu (Trung Quốc)") as its code,
    or a region ("Paris, Texas", "Portland Maine") as its code and "code/admin1"."""
    if after is None:
        return frozenset()
    regions = [index.by_id[e.target] for e in after.places if index.by_id[e.target].kind == "region"]
    if BARE_GAP.fullmatch(text, m.end, after.start) and not after.countries:
        # a bare space qualifies only with a region that holds one of the candidates
        held = {(r.country, r.admin1) for r in regions if r.admin1}
        regions = [r for r in regions if any(
            (index.by_id[e.target].country, index.by_id[e.target].admin1) in held for e in m.places)]
    elif not QUALIFIER_GAP.fullmatch(text, m.end, after.start):
        return frozenset()
    if after.countries:
        return frozenset(after.countries[:1])
    return frozenset({r.country for r in regions} | {f"{r.country}/{r.admin1}" for r in regions if r.admin1})


def _best(index: Index, text: str, m: Mention, lang: str, context: frozenset[str], local: frozenset[str],
          others: list[Place] | None = None) -> Place:
    """The disambiguation rule: a region if the text says province; the country and region
    a qualifier names; the article language's alias; not a city dwarfed by a region of its
    name (REGION_OVER_CITY_RATIO); a city if the text says city; a country of the article
    (within CONTEXT_MAX_POPULATION_RATIO of the largest candidate); among those, one in the
    country with most of the article's other places near it (NEAR_KM); the place's own name
    over an alternate; a city over a region; the larger population. A region the text asks
    for that only a city's name matched is the region of that name ("부하라주":
    Bukhara Region)."""
    region = says_region(text, m.start, m.end, lang)
    city = not region and says_city(text, m.start, m.end, lang)
    places = [(e, index.by_id[e.target]) for e in m.places]
    floor = max((p.population for _, p in places if p.kind == "city"), default=0)
    top_region = max((p.population for _, p in places if p.kind == "region"
                      and (not local or p.country in local)), default=0)
    comparable = {p.geonameid for _, p in places
                  if p.kind == "region" or p.population * CONTEXT_MAX_POPULATION_RATIO >= floor}
    near_country = _near_country(index, comparable, others) if others else None
    ranked = []
    for e, p in places:
        small = p.kind == "city" and p.population * REGION_OVER_CITY_RATIO < top_region
        # region populations are partial (0 where unknown): the size guard is for cities
        in_context = p.country in context and p.geonameid in comparable
        near = p.country == near_country and p.geonameid in comparable
        ranked.append((region and p.kind != "region",
                       bool(local) and p.country not in local,
                       any("/" in q for q in local) and f"{p.country}/{p.admin1}" not in local,
                       e.tier != ALIAS or e.lang != lang, small, city and p.kind != "city",
                       not in_context, not near, e.tier == ALTERNATE, p.kind != "city", -p.population,
                       p.geonameid))
    best = index.by_id[min(ranked)[-1]]
    if region and best.kind != "region":
        return index.region_of.get((best.country, bare_key(best.name)), best)
    return best
