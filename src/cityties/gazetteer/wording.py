"""What the words around a match call it: a city ("thành phố", "-시", "City"), a region ("tỉnh",
"Province"), a unit below a city ("quận", "District"), a city-state's city ("held in
Singapore"), or an organization's seat ("headquartered in Bonn"); and what may follow a Korean
name inside its word."""
from __future__ import annotations

import re

from cityties.textmatch import is_hangul

# Characters before a match searched for a prefix or a name (the longest prefix, "thành phố ",
# is 10; a Vietnamese person's name up to five words fits in 60).
PREFIX_WINDOW = 16
NAME_WINDOW = 60
# Characters before a match searched for "tỉnh" (province) when telling a region from a city.
VI_REGION_WINDOW = 12

# Vietnamese words before a place name: city, capital; province.
VI_CITY_WORDS = r"\b(?:TP|Tp|tp)\.?|\b[Tt]hành phố|\b[Tt]hủ đô"
VI_REGION_WORDS = r"\b[Tt]ỉnh"
VI_PREFIX = re.compile(rf"(?:{VI_CITY_WORDS}|{VI_REGION_WORDS})\s*$")
VI_REGION_PREFIX = re.compile(rf"{VI_REGION_WORDS}\s*$")
VI_CITY_PREFIX = re.compile(rf"(?:{VI_CITY_WORDS})\s*$")
# Vietnamese words for units below a city (district, ward, commune): what follows is no place.
VI_DISTRICT_PREFIX = re.compile(r"(?:\b[Qq]uận|\bQ\.|\b[Hh]uyện|\b[Pp]hường|(?<!thị )\b[Xx]ã)\s*$")
# A place name written with its prefix ("Thành phố Hồ Chí Minh"), for lookups by name.
VI_LEADING_PREFIX = re.compile(r"^(?:TP\.?|Tp\.?|[Tt]hành phố|[Tt]hủ đô|[Tt]ỉnh)\s*(?=\S)")
# English words that mark a region ("Quang Ninh province", "the State of Victoria").
EN_REGION_AFTER = re.compile(r"\s+(?:[Pp]rovince|[Pp]refecture|[Ss]tate|[Oo]blast|[Rr]egion|"
                             r"[Cc]ounty|[Gg]overnorate)\b(?!\s+(?:University|College))")
EN_REGION_BEFORE = re.compile(r"\b(?:[Pp]rovince|[Pp]refecture|[Ss]tate|[Rr]egion) of\s+$")
# English words that mark a city ("Quebec City", "the City of Victoria"), or a unit below one.
EN_CITY_AFTER = re.compile(r"\s+(?:[Cc]ity|[Mm]unicipality)\b")
EN_CITY_BEFORE = re.compile(r"\b(?:[Cc]ity|[Mm]unicipality) of\s+$")
EN_DISTRICT_AFTER = re.compile(r"\s+(?:[Dd]istrict|[Ww]ard|[Cc]ommune)\b")
# A city-state's name is its city where the words around it speak of a venue or a city ("held in
# Singapore", "tại Singapore", "싱가포르에서", a venue's name "Suntec Singapore"), and its country
# elsewhere ("Singapore and Malaysia signed").
CITY_STATE_BEFORE = {
    "en": re.compile(r"(?:\b(?:in|at|to|visit|visits|visited|visiting|city of|city-state of)|"
                     r"\b(?!(?:The|A|An|And|Or|Of|From|With|For|By|On)\b)[A-Z][a-z]+)\s+$"),
    "vi": re.compile(r"\b(?:tại|ở|đến|thăm|sang|thành phố|đảo quốc)\s+$"),
}
KO_VENUE_PARTICLE = re.compile(r"(?:에서|시)")
# Words that make a place the seat of an organization or firm, which takes no part in an event
# for being there: "headquartered in Bonn", "based in", "Bonn-based", "có trụ sở tại Bonn",
# "본에 본부를 둔"; so is the country that qualifies the seat ("in Bonn, Germany", "독일 본에").
# A body's offices "tại trụ sở UBND tỉnh" (at the committee's building) are a venue.
SEAT_QUALIFIED = r"(?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}\s*[,(（]\s*)?"
SEAT_BEFORE = re.compile(r"(?:\b(?:headquartered|headquarters|head office|secretariat|based)"
                         r"(?: (?:is|are))?(?: located)? in(?: the)?|"
                         r"\b[Tt]rụ sở(?: chính)?(?: đặt)? (?:tại|ở)"
                         r"(?: (?:thành phố|TP\.?|tỉnh|thủ đô))?)"
                         rf"\s+{SEAT_QUALIFIED}$")
SEAT_AFTER = re.compile(r"-based\b|(?: [가-힣]+)?에 ?(?:본부|본사|사무국)")
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
KO_REGION_SUFFIX = re.compile(r"특별자치도|도지사|도청|도의회|도민|주지사|주정부|주의회|주|성|현")


def hangul_run(text: str, end: int) -> str:
    """The Hangul characters right after position end (the rest of the word)."""
    stop = end
    while stop < len(text) and is_hangul(text[stop]):
        stop += 1
    return text[end:stop]


def _korean(text: str, end: int, lang: str) -> bool:
    """Whether a match is read the Korean way: in a Korean article or ending in Hangul."""
    return lang == "ko" or is_hangul(text[end - 1])


def speaks_of_city(text: str, start: int, end: int, lang: str) -> bool:
    """Whether a city-state's name stands for its city (see CITY_STATE_BEFORE)."""
    if _korean(text, end, lang):
        return KO_VENUE_PARTICLE.match(hangul_run(text, end)) is not None
    before = CITY_STATE_BEFORE.get(lang, CITY_STATE_BEFORE["en"])
    return before.search(text[max(0, start - PREFIX_WINDOW):start]) is not None


def says_city(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around a match call it a city: thành phố / TP, -시, City."""
    if lang == "vi":
        return VI_CITY_PREFIX.search(text[max(0, start - PREFIX_WINDOW):start]) is not None
    if _korean(text, end, lang):
        return text[end - 1] == "시" or hangul_run(text, end).startswith("시")
    return bool(EN_CITY_AFTER.match(text, end)
                or EN_CITY_BEFORE.search(text[max(0, start - PREFIX_WINDOW):start]))


def says_region(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around a match call it a province or state rather than a city."""
    if lang == "vi":
        return VI_REGION_PREFIX.search(text[max(0, start - VI_REGION_WINDOW):start]) is not None
    if lang == "ko":
        return KO_REGION_SUFFIX.match(hangul_run(text, end)) is not None
    return bool(EN_REGION_AFTER.match(text, end)
                or EN_REGION_BEFORE.search(text[max(0, start - PREFIX_WINDOW):start]))


def says_district(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words around a match call it a unit below a city (quận, phường, District)."""
    if lang == "vi":
        return VI_DISTRICT_PREFIX.search(text, max(0, start - PREFIX_WINDOW), start) is not None
    return EN_DISTRICT_AFTER.match(text, end) is not None


def names_a_seat(text: str, start: int, end: int) -> bool:
    """Whether a place is named as an organization's seat (SEAT_BEFORE, SEAT_AFTER)."""
    before = text[max(0, start - NAME_WINDOW):start]
    return bool(SEAT_BEFORE.search(before) or SEAT_AFTER.match(text, end))
