"""Find international bodies and city networks by their names and acronyms in any language, and
bodies the list does not know where the text defines their acronym ("International Association
of Cities and Ports (AIVP)")."""
from __future__ import annotations

import re
from functools import lru_cache

from cityties.document import Document, OrgRef, Span
from cityties.gazetteer import gazetteer
from cityties.lexicon import shared_table
from cityties.stages.lexmatch import find
from cityties.textmatch import PhraseMatcher

# An acronym in brackets right after a name: capitals (digits, "&", "-" inside), "(AIVP)".
DEFINED_ACRONYM = re.compile(r"\s?[(（]([A-Z][A-Z0-9&-]*[A-Z0-9])[)）]")
# Words that make a name an organization's, by language. A forum or summit is left out: it is
# mostly a gathering, an event ("ASEAN Mayors Forum (AMF)"), not a body.
EN_ORG_HEADS = ("Association|Network|Organization|Organisation|Council|Federation|Alliance|"
                "Institute|Agency|Union|Programme|Program")
# An English name: capitalized words up to a head word, then capitalized words and the small
# words inside names ("International Association of Cities and Ports").
EN_NAME = re.compile(rf"(?<![\w'’.&-])(?:[A-Z][\w'’.&-]* )*(?:{EN_ORG_HEADS})"
                     r"(?: (?:[A-Z][\w'’.&-]*|of|for|and|the|on|in|&))*$")
# A Vietnamese name: a head word, then words up to the bracket.
VI_NAME = re.compile(r"\b(?:[Hh]iệp hội|[Tt]ổ chức|[Mm]ạng lưới|[Hh]ội đồng|[Ll]iên đoàn|[Ll]iên minh|"
                     r"[Vv]iện|[Cc]ơ quan|[Ll]iên hiệp|[Cc]hương trình)(?: [^\s(),.;:]+){1,12}$")
# A Korean name: one word ending in a head (협회 association, 네트워크, 기구 organization,
# 위원회/협의회 council, 연맹 federation, 연합 union, 동맹 alliance, 연구원 institute, 계획 programme).
KO_NAME = re.compile(r"[가-힣]+(?:협회|네트워크|기구|위원회|협의회|연맹|연합|동맹|연구원|계획)$")
# Characters before a bracket searched for the name.
NAME_WINDOW = 120


@lru_cache(maxsize=None)
def _matcher() -> PhraseMatcher[tuple[str, str]]:
    """Every alias (and canonical name) with its (alias, canonical) row."""
    rows = shared_table("organizations")
    pairs = {(alias, canonical) for canonical, alias, *_ in rows} | {(c, c) for c, *_ in rows}
    return PhraseMatcher((alias, (alias, canonical)) for alias, canonical in sorted(pairs))


def _case_fits(surface: str, alias: str) -> bool:
    """An acronym must be in capitals ("UN", not "un"); a one-word capitalized name must start with
    a capital ("Metropolis", not "a metropolis"); longer names are specific in any case."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isascii() and c.isupper() for c in letters):
        return all(not c.isalpha() or c.isupper() for c in surface)
    if " " not in alias and alias[:1].isupper():
        return surface[:1].isupper()
    return True


def _known(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each organization of organizations.tsv in the text."""
    found = []
    for m in find(_matcher(), text, lang):
        surface = text[m.start:m.end]
        fitting = [canonical for alias, canonical in m.payload if _case_fits(surface, alias)]
        if fitting:
            found.append((m.start, m.end, fitting[0]))
    return found


def _defined_name(text: str, bracket: int) -> int | None:
    """Where the name of an organization that ends at a bracket begins: English capitalized
    words holding a head word ("International Maritime Organization"), or a Vietnamese or Korean
    name of a head; a name holding a place or country is a national or local body's ("Korea
    International Cooperation Agency")."""
    before = text[max(0, bracket - NAME_WINDOW):bracket]
    name = EN_NAME.search(before) or VI_NAME.search(before) or KO_NAME.search(before)
    if name is None or (name.re is EN_NAME and " " not in name.group()):
        return None
    start = bracket - len(name.group())
    return None if gazetteer().names_in(text, start, bracket) else start


def _defined(text: str, known: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, acronym) of each body the text names with its acronym in brackets that
    organizations.tsv does not know, and of every later use of the acronym."""
    found = []
    for m in DEFINED_ACRONYM.finditer(text):
        start = _defined_name(text, m.start())
        if start is None or any(s < m.end() and start < e for s, e, _ in known):
            continue
        acronym = m.group(1)
        found.append((start, m.end(), acronym))
        found += [(a.start(), a.end(), acronym) for a in re.finditer(rf"\b{re.escape(acronym)}\b", text)
                  if a.start() >= m.end()]
    return found


def find_organizations(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each organization named in the text."""
    known = _known(text, lang)
    return sorted(known + _defined(text, known))


def run(doc: Document) -> Document:
    doc.organizations = [
        OrgRef(name, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, name in find_organizations(doc.text, doc.language)
    ]
    return doc
