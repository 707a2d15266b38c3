"""Which place a mention means: a city-state's city or the city a country is named for where the
text speaks of a city, and among places of one name the one the disambiguation rule prefers."""
from __future__ import annotations

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


def choose(index: Index, text: str, lang: str, mentions: list[Mention],
           context: frozenset[str]) -> list[tuple[int, int, Place]]:
    """The place each mention means, as (start, end, place); a country's name is no place,
    except a city-state's or a country's namesake city where the text speaks of the city."""
    found = []
    for i, m in enumerate(mentions):
        if m.countries:
            city = index.city_state.get(m.countries[0])
            if city is not None and speaks_of_city(text, m.start, m.end, lang):
                found.append((m.start, m.end, city))
            elif m.countries[0] in index.named_city and says_city(text, m.start, m.end, lang):
                found.append((m.start, m.end, index.named_city[m.countries[0]]))
        elif m.places:
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            local = _qualifier(index, text, m, after)
            found.append((m.start, m.end, _best(index, text, m, lang, context, local)))
    return found


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


def _best(index: Index, text: str, m: Mention, lang: str, context: frozenset[str], local: frozenset[str]) -> Place:
    """The disambiguation rule: a region if the text says province; the country and region
    a qualifier names; the article language's alias; not a city dwarfed by a region of its
    name (REGION_OVER_CITY_RATIO); a city if the text says city; a country of the article
    (within CONTEXT_MAX_POPULATION_RATIO of the largest candidate); the place's own name
    over an alternate; a city over a region; the larger population. A region the text asks
    for that only a city's name matched is the region of that name ("부하라주":
    Bukhara Region)."""
    region = says_region(text, m.start, m.end, lang)
    city = not region and says_city(text, m.start, m.end, lang)
    places = [(e, index.by_id[e.target]) for e in m.places]
    floor = max((p.population for _, p in places if p.kind == "city"), default=0)
    top_region = max((p.population for _, p in places if p.kind == "region"
                      and (not local or p.country in local)), default=0)
    ranked = []
    for e, p in places:
        small = p.kind == "city" and p.population * REGION_OVER_CITY_RATIO < top_region
        # region populations are partial (0 where unknown): the size guard is for cities
        in_context = p.country in context and (
            p.kind == "region" or p.population * CONTEXT_MAX_POPULATION_RATIO >= floor)
        ranked.append((region and p.kind != "region",
                       bool(local) and p.country not in local,
                       any("/" in q for q in local) and f"{p.country}/{p.admin1}" not in local,
                       e.tier != ALIAS or e.lang != lang, small, city and p.kind != "city",
                       not in_context, e.tier == ALTERNATE, p.kind != "city", -p.population,
                       p.geonameid))
    best = index.by_id[min(ranked)[-1]]
    if region and best.kind != "region":
        return index.region_of.get((best.country, bare_key(best.name)), best)
    return best
