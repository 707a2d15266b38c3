"""Matches of place and country names in text that pass the checks of the article's language:
case, Korean word endings, Vietnamese syllables and prefixes, and the names around them."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from cityties.gazetteer.data import ALIAS, BLOCK, COUNTRY, PLACE, Entry
from cityties.gazetteer.index import Index
from cityties.gazetteer.orgs import inside_org_name, is_acronym
from cityties.gazetteer.persons import (after_vi_name_word, begins_a_name, follows_name_sign,
                                        inside_latin_person_name, inside_vi_person_name, is_surname)
from cityties.gazetteer.wording import (KO_CONTINUATION, NAME_WINDOW, PREFIX_WINDOW, VI_LEADING_PREFIX, VI_PREFIX,
                                        hangul_run, says_district)
from cityties.textmatch import fold, is_hangul

# A single Vietnamese syllable (folded): onset, vowel nucleus, coda. In Vietnamese text such a
# name ("Vinh", "Long", "Nam") is mostly a word or part of a person's name, so only an entry of
# aliases_vi.tsv or countries_vi.tsv may match it there, with its diacritics.
VI_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?"
                         r"[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?")
# The Korean city word an alias may end in (전주시): an article that names the city so may go on
# with the bare name (전주를 방문해), which alone is a word too often (전주 = the week before).
# Province and county words are left out: 경기도 and 기장군 are no licence for 경기 (economy,
# a game) and 기장 (a captain).
KO_CITY_UNIT = "시"
# The word right before a match, one space away.
WORD_BEFORE = re.compile(r"([^\W\d_]+) $")


class Mention(NamedTuple):
    """A match that passed the checks of the article's language."""

    start: int
    end: int
    places: list[Entry]
    countries: list[str]  # alpha-2 codes the surface names in the article's language


def mentions(index: Index, text: str, lang: str, surnames: dict[str, bool] | None = None) -> Iterator[Mention]:
    """Matches that pass the checks of the article's language: case, person names, Korean
    word endings, Vietnamese syllables, prefixes an alias needs; places inside a person's
    or an organization's name are dropped (the country a name holds stays). One-word
    names read as a person's surname are added, folded, to surnames, with whether a sure
    sign of a person's name came before them (persons.follows_name_sign)."""
    folded = fold(text)
    for m in index.matcher.find_all(text, folded):
        key = folded[m.start:m.end]
        if any(e.kind == BLOCK for e in m.payload) and not any(
                e.tier == ALIAS and e.lang == lang for e in m.payload):
            continue
        if not (_surface_ok(index, text, m.start, m.end, lang)
                or _holds_word_before(index, text, m.start, m.payload)):
            if surnames is not None and lang != "vi" and is_surname(text, m.start, m.end):
                surnames[key] = surnames.get(key, False) or follows_name_sign(text, m.start, index.given_names)
            continue
        if (lang, key) in index.prefix_only and not VI_PREFIX.search(
                text, max(0, m.start - PREFIX_WINDOW), m.start):
            continue
        entries = m.payload
        if lang == "vi" and VI_SYLLABLE.fullmatch(key):
            # one syllable: its tones matter ("Ảnh" = photo, not Anh; "Bí thư", not Bỉ)
            surface = text[m.start:m.end].lower()
            entries = [e for e in entries if e.lang == "vi" and e.phrase.lower() == surface]
        countries = [e.target for e in entries if e.kind == COUNTRY and e.lang == lang]
        places = [e for e in entries if e.kind == PLACE]
        if places and (_inside_name(index, text, m.start, m.end, lang, places)
                       or is_acronym(text, m.start, m.end, [e.phrase for e in places])):
            places = []
        if countries or places:
            yield Mention(m.start, m.end, places, countries)


def with_korean_short_forms(text: str, found: list[Mention]) -> list[Mention]:
    """The mentions, and the bare names of those written with the Korean city word (KO_CITY_UNIT)
    wherever the article repeats them as a word of their own with its particles ("전주시는 ...
    전주를 방문해")."""
    stems = {}
    for m in found:
        surface = text[m.start:m.end]
        if m.places and len(surface) > 2 and surface.endswith(KO_CITY_UNIT) and all(map(is_hangul, surface)):
            stems.setdefault(surface[:-1], m.places)
    taken = bytearray(len(text))
    for m in found:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    added = []
    for stem, places in stems.items():
        for hit in re.finditer(re.escape(stem), text):
            start, end = hit.span()
            if (start and is_hangul(text[start - 1])) or any(taken[start:end]) \
                    or not KO_CONTINUATION.fullmatch(hangul_run(text, end)):
                continue
            added.append(Mention(start, end, places, []))
    return sorted(found + added)


def _surface_ok(index: Index, text: str, start: int, end: int, lang: str) -> bool:
    """Whether a match reads as a place by itself and by the words right around it."""
    surface = text[start:end]
    if is_hangul(surface[-1]):
        rest = hangul_run(text, end)
        # "서울시" + "장은": the unit ending the name may begin a longer office ("시장").
        return any(KO_CONTINUATION.fullmatch(c) for c in (rest, surface[-1] + rest))
    name = VI_LEADING_PREFIX.sub("", surface)  # "thành phố Quảng Ngãi" is capitalized
    if name[0].isalpha() and not name[0].isupper() and surface not in index.lowercase_aliases:
        return False
    if says_district(text, start, end, lang):
        return False
    if lang == "vi":
        return not inside_vi_person_name(text, start, " " not in surface)
    if after_vi_name_word(text, start):
        return False
    return (" " in surface or fold(surface) in index.city_state_names
            or not inside_latin_person_name(text, start, end))


def _holds_word_before(index: Index, text: str, start: int, entries: list[Entry]) -> bool:
    """Whether a capitalized match that looked like a surname is a region holding the city
    named by the word before it ("Portland Maine")."""
    word = WORD_BEFORE.search(text[max(0, start - NAME_WINDOW):start])
    if word is None or not text[start:start + 1].isupper():
        return False
    cities = {(p.country, p.admin1) for p in index.candidates(word.group(1)) if p.kind == "city" and p.admin1}
    regions = [index.by_id[e.target] for e in entries if e.kind == PLACE]
    return any(r.kind == "region" and (r.country, r.admin1) in cities for r in regions)


def _inside_name(index: Index, text: str, start: int, end: int, lang: str, places: list[Entry]) -> bool:
    """Whether a Latin-script match is part of an organization's name ("Kyoto University",
    "Texas State University, Round Rock"), of a hyphenated name ("Hewlett-Packard"), of a
    person's name that begins with a given name ("Chester Brown") or follows a Vietnamese
    title ("Thị trưởng Nagano Hiroshi")."""
    surface = text[start:end]
    if not surface[0].isalpha() or is_hangul(surface[0]) or not surface[0].isupper():
        return False
    if inside_org_name(index, text, start, end):
        return True
    populations = (index.by_id[e.target].population for e in places)
    return begins_a_name(text, start, end, lang, index.given_names, populations)
