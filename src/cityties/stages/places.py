"""Find cities and regions and link each to a gazetteer entry, using the countries named as context.

Three rules look beyond one name (the gazetteer checks each name on its own):
- a region that only locates the city named just before it is dropped ("thành phố Buôn Ma
  Thuột, tỉnh Đắk Lắk", "Bảo Lộc (Lâm Đồng)", "Portland Maine", "Wuxi, a hub in Jiangsu
  province"), as is one that comes before its city in Korean ("경상북도 경주시"): SCHEMA.md wants
  the city;
- a place in a list of names that are mostly no places ("Siemens, Oracle, Philips, Salford
  and Unilever") is a company or some other name;
- an organization's seat ("ICLEI, which is headquartered in Bonn") takes no part in events.
"""
from __future__ import annotations

import re

from cityties.document import Document, PlaceRef, Span
from cityties.gazetteer import Place, bare_key, gazetteer
from cityties.gazetteer.wording import names_a_seat

Found = tuple[int, int, Place]

# Text between a city and a region that locates it: ", ", " (", " thuộc tỉnh ", ", tỉnh ",
# " in ", a bare space where the region holds the city by its admin1 code (checked apart).
LOCATOR_GAP = re.compile(r"\s*(?:[,(（]|\s(?:in|thuộc)\s)\s*(?:(?:tỉnh|bang|vùng|thuộc)\s+)*")
# A clause in apposition to a city that ends by naming its region: "Wuxi, an industrial hub in
# Jiangsu province", "Vô Tích, một trung tâm công nghiệp của tỉnh Giang Tô".
APPOSITION_GAP = re.compile(r",\s+(?:(?:an?|the)\s+[^,.;:()\n]{0,80}?\s(?:in|of)(?: the)?|"
                            r"(?:một|là)\s+[^,.;:()\n]{0,80}?\s(?:của|thuộc|ở|tại)(?: tỉnh)?)\s+")
# Korean writes the region first, one space before the city ("경상북도 경주시").
KO_LOCATOR_GAP = re.compile(r" ")
# What continues a list after a region ("tỉnh Quảng Ninh và tỉnh Thái Bình"): when a region
# follows, the first one was one of several peers, not a locator.
LIST_CONTINUES = re.compile(r"\s*(?:,|và|and|와|과|및)\s*(?:(?:tỉnh|thành phố|TP\.?|bang)\s+)?")
# A list of names: items of capitalized words (with "&", "-", "'" and dots), joined by ", ",
# " and ", " or ", "&". A place in a list of at least LIST_MIN_ITEMS items of which at most
# LIST_MAX_PLACE_SHARE are places or countries is taken for another kind of name. Chosen so that
# lists of cities with a few unknown towns stay ("Graz, Leoben, Kapfenberg and Linz": 2 of 4)
# and lists of companies or brands with one place-like name go ("Siemens, Oracle, Philips, Salford
# and Unilever": 1 of 5).
LIST_ITEM = r"[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3}"
LIST_SEP = r"(?:, (?:and |or |& )?| and | or | & )"
LIST = re.compile(rf"{LIST_ITEM}(?:{LIST_SEP}{LIST_ITEM})+")
LIST_MIN_ITEMS = 4
LIST_MAX_PLACE_SHARE = 0.25


def run(doc: Document) -> Document:
    lang = doc.language or "en"
    context = frozenset(c.code for c in doc.countries)
    countries = [(c.span.start, c.span.end) for c in doc.countries]
    found = gazetteer().find(doc.text, lang, context)
    found = without_locators(doc.text, lang, found)
    found = without_other_names(doc.text, found, countries)
    found = [f for f in found if not names_a_seat(doc.text, f[0], f[1])]
    doc.places = [
        PlaceRef(place.geonameid, place.name, place.country, place.kind, doc.text[start:end],
                 Span(start, end), doc.sentence_of(start))
        for start, end, place in found
    ]
    return doc


def _may_hold(region: Place, city: Place) -> bool:
    """Whether a region may contain a city: same country, and same admin1 code where both have
    one. A city that shares its name with a region (Niigata, Seoul, Hai Phong) is in that one
    or is one itself, so no other region holds it."""
    if region.country != city.country or region.kind != "region" or city.kind != "city":
        return False
    twin = gazetteer().region_named_like(city)
    if twin is not None:
        return twin == region
    return not (region.admin1 and city.admin1 and region.admin1 != city.admin1)


def _is_locator(text: str, city: Found, region: Found, before: Found | None,
                after: Found | None) -> bool:
    """Whether the region right after a city only says where the city lies, also at the end of
    a clause in apposition to the city (APPOSITION_GAP). After a comma it
    may instead be the next item of a list ("Da Nang, Hue, Quang Nam and Hoi An"): it is taken
    for a locator unless the city itself continues a list or another region follows, except
    when the region bears the city's name ("Hue, Thua Thien Hue") or its admin1 code."""
    if not _may_hold(region[2], city[2]):
        return False
    gap = text[city[1]:region[0]]
    if APPOSITION_GAP.fullmatch(gap):
        return True
    if gap == " ":
        return bool(region[2].admin1) and region[2].admin1 == city[2].admin1
    if not LOCATOR_GAP.fullmatch(gap):
        return False
    if "(" in gap or "（" in gap or not gap.lstrip().startswith(","):
        return True
    same_admin1 = bool(region[2].admin1) and region[2].admin1 == city[2].admin1
    if same_admin1 or bare_key(city[2].name) in bare_key(region[2].name):
        return True  # its admin1 code or its own name: surely the city's region
    in_list = before is not None and LIST_CONTINUES.fullmatch(text, before[1], city[0])
    peers = after is not None and after[2].kind == "region" and \
        LIST_CONTINUES.fullmatch(text, region[1], after[0])
    return not (in_list or peers)


def without_locators(text: str, lang: str, found: list[Found]) -> list[Found]:
    """The places less the regions that locate a city next to them."""
    drop = set()
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        before = found[i - 1] if i > 0 else None
        after = found[i + 2] if i + 2 < len(found) else None
        if _is_locator(text, a, b, before, after):
            drop.add(i + 1)
        elif lang == "ko" and KO_LOCATOR_GAP.fullmatch(text, a[1], b[0]) and _may_hold(a[2], b[2]):
            drop.add(i)
    return [f for i, f in enumerate(found) if i not in drop]


def without_other_names(text: str, found: list[Found],
                        countries: list[tuple[int, int]]) -> list[Found]:
    """The places less those in a list of names that are mostly no places (LIST_*)."""
    named = [(s, e) for s, e, _ in found] + countries
    drop: set[int] = set()
    for m in LIST.finditer(text):
        items = [(i.start() + m.start(), i.end() + m.start())
                 for i in re.finditer(LIST_ITEM, m.group())]
        if len(items) < LIST_MIN_ITEMS:
            continue
        places = sum(any(s < ie and is_ < e for s, e in named) for is_, ie in items)
        if places <= LIST_MAX_PLACE_SHARE * len(items):
            drop |= {i for i, (s, e, _) in enumerate(found) if m.start() <= s and e <= m.end()}
    return [f for i, f in enumerate(found) if i not in drop]
