"""People and their titles: a name next to a title ("Chủ tịch UBND TP HCM Phan Văn Mãi", "Mayor
Eric Adams", "오세훈 서울시장"), after an honorific ("ông ..."), or followed by an appositive title
("Eric Adams, the mayor of ..."); `of` is the place, organization or country the title belongs to,
by its canonical name.

1. Title then name: a title, with the places, link words and honorifics after it, claims the
   name that follows ("Chủ tịch UBND TP HCM Phan Văn Mãi"). A title with a place inside it is
   read whole ("chairman of the Da Nang People's Committee").
2. Name then titles: a name, a separator, a possessive ("its", "the show's") and a chain of
   unclaimed titles ("ông A - X, Y", "A, its Manager").
3. Title, place, comma, name: the looser form of 1 for titles still unclaimed ("Thị trưởng
   Seoul, ông Oh Se-hoon", "Vice-Mayor of Xiamen, Zhuang Rongliang"), also through a place name
   the gazetteer does not know ("the Mayor of Derry City and Strabane District, Maolíosa McHugh").
4. Honorific then name; Korean (people_ko): a Hangul name (romanized) or a Latin name in
   parentheses before "<place>시장", or a name in parentheses with its title.
5. Lists: names after a titled name, joined by commas and "and", are people too: they share a
   plural title ("Councillors A, B and C"), and are taken untitled from a list of several titled
   people ("Mayor A, City Manager B, C and D").
6. One-word mentions ("Mayor Oh", "ông Mãi", "박 시장"), the last words of a longer name
   ("Mrs Harris Mitchell") and, in English, a surname alone after the full name ("Villanueva
   accepted") join a person found in full; a title without a name makes no one.
   Mentions of one person lend each other a missing title or place, and a title still without a
   place takes the nearest unclaimed one earlier in its sentence, of its level if there is one.

The text is read once (people_scan, with people_spans: initialed names, offices, hyphenated
names) for name shapes (people_names) and titles (people_titles); steps 1-4 are in people_search
and people_ko (people_ko_names), 5 in people_lists, 6 in people_surnames, people_join and people_of.
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale

from cityties.document import Document, PersonRef, Sentence, Span
from cityties.stages.lexmatch import COMPOUNDING
from cityties.stages.people_join import join_short, settle, share
from cityties.stages.people_lists import lists
from cityties.stages.people_of import acronyms, guess_of
from cityties.stages.people_scan import ROLE_SCOPES, Entity, Role, Scan
from cityties.stages.people_search import (FULL_CONFIDENCE, Found, Heads, Mentions, honorific_then_name, korean,
                                           name_then_titles, title_then_name)
from cityties.stages.people_spans import outside_initialed_names
from cityties.stages.people_surnames import surname_mentions

__all__ = ["FULL_CONFIDENCE", "ROLE_SCOPES", "Entity", "Found", "find_people", "run"]


def find_people(text: str, lang: str, entities: list[Entity], sentences: list[Sentence] = ()) -> list[Found]:
    """Every person mention with its settled title and the entity that title belongs to."""
    entities = outside_initialed_names(text, entities + acronyms(text, entities))
    scan = Scan(text, lang, entities)
    found: Mentions = {}
    claimed: set[Role] = set()
    heads: Heads = {}
    if lang in COMPOUNDING:
        korean(scan, found)
    title_then_name(scan, found, claimed, False, heads)
    name_then_titles(scan, found, claimed)
    title_then_name(scan, found, claimed, True, heads)
    honorific_then_name(scan, found)
    lists(scan, found, heads)
    people = sorted(found.values(), key=lambda p: p.start)
    for person in people:
        settle(person)
    people = join_short(sorted(people + surname_mentions(scan, people), key=lambda p: p.start))
    share(people)
    guess_of(text, people, sorted(entities), list(sentences))
    share(people)
    return people


@lru_cache(maxsize=None)
def _country_name(code: str) -> str:
    return Locale("en").territories.get(code, code)


def _entities(doc: Document) -> list[Entity]:
    """The places, organizations and countries the earlier stages found, as titles' entities."""
    return ([Entity(p.span.start, p.span.end, p.name, "place", p.kind, p.country) for p in doc.places]
            + [Entity(o.span.start, o.span.end, o.name, "org") for o in doc.organizations]
            + [Entity(c.span.start, c.span.end, _country_name(c.code), "country") for c in doc.countries])


def run(doc: Document) -> Document:
    doc.people = [
        PersonRef(p.name, p.title.role if p.title else None, p.of.name if p.of else None,
                  doc.text[p.start:p.end], Span(p.start, p.end), doc.sentence_of(p.start), p.confidence)
        for p in find_people(doc.text, doc.language or "en", _entities(doc), doc.sentences)
    ]
    return doc
