"""Titles and what they belong to: the places, link words and honorifics after a title, the place
before it ("Seoul['s] Mayor"), and the chain of titles between a name and its separator."""
from __future__ import annotations

import re

from cityties.gazetteer.persons import VI_NAME_WORDS
from cityties.stages.people_names import name_after
from cityties.stages.people_scan import Entity, Role, Scan, by_scope

# What separates a name from the title that describes it ("ông A - Chủ tịch", "A, mayor of").
SEPARATORS = ",-–—(:"
# An English possessive of a common noun between an appositive's comma and its title ("Ugo
# Valenti, the show's director"); a place's possessive ("Seoul's") is a link word.
POSSESSIVE_NOUN = re.compile(r"\b[a-z]+['’]s$")
# A link word with no place after it is followed by a place the gazetteer does not know ("tỉnh
# Quảng Trị"), except in Vietnamese where it means "the province's" before a full name ("Chủ tịch
# UBND tỉnh Trần Minh Khôi"): a name of this many words or more, from a family name (VI_NAME_WORDS).
VI_NAME_AFTER_LINK_WORDS = 3


def attached_after(scan: Scan, pos: int, scope: str, loose: bool = False) -> tuple[int, Entity | None, bool]:
    """Skip the places, link words and honorifics after a title (in loose mode also a comma
    after a place): where a name may start, the first place (the title's `of`), and whether
    a link word was the last thing skipped (then what follows is an unknown place)."""
    entity, dangling = None, False
    while True:
        p = scan.skip_spaces(pos)
        after_comma = scan.skip_spaces(p + 1) if scan.text[p:p + 1] == "," else None
        if p in scan.starting:
            entity = entity or by_scope(scan.starting[p], scope)
            pos, dangling = max(e.end for e in scan.starting[p]), False
        elif p in scan.links:
            pos, dangling = scan.links[p], not _vi_name_follows(scan, scan.links[p])
        elif p in scan.honorifics:
            pos, dangling = scan.honorifics[p], False
        elif after_comma is not None and (after_comma in scan.honorifics or (loose and entity and not dangling)):
            pos = scan.honorifics.get(after_comma, after_comma)
            loose = False
        else:
            return pos, entity, dangling


def _vi_name_follows(scan: Scan, pos: int) -> bool:
    """A Vietnamese full name right after a link word (VI_NAME_AFTER_LINK_WORDS)."""
    name = scan.lang == "vi" and name_after(scan, pos)
    return bool(name) and name[2] >= VI_NAME_AFTER_LINK_WORDS and \
        scan.text[name[0]:name[1]].split()[0].lower() in VI_NAME_WORDS


def entity_before(scan: Scan, pos: int, scope: str) -> Entity | None:
    """The place right before a title, through link words ("Seoul['s] Mayor")."""
    p = scan.skip_spaces_back(pos)
    while p in scan.link_ends:
        p = scan.skip_spaces_back(scan.link_ends[p])
    return by_scope(scan.ending[p], scope) if p in scan.ending else None


def title_of(scan: Scan, role: Role) -> Entity | None:
    """What a title belongs to: the place inside it, after it, or else before it."""
    return (role.inner or attached_after(scan, role.end, role.scope)[1]
            or entity_before(scan, role.start, role.scope))


def titles_before(scan: Scan, role: Role, claimed: set[Role]) -> tuple[int, list[Role]] | None:
    """Walk back from a title over separators, links, possessives, places and unclaimed titles
    to where a name must end; the titles crossed describe it. None when no separator was crossed."""
    chain, crossed, p = [role], False, role.start
    ends = {r.end: r for r in scan.roles if r not in claimed}
    while True:
        p = scan.skip_spaces_back(p)
        if p > 0 and scan.text[p - 1] in SEPARATORS:
            p, crossed = p - 1, True
        elif p in scan.link_ends:
            p = scan.link_ends[p]
        elif possessive := POSSESSIVE_NOUN.search(scan.text, 0, p):
            p = possessive.start()
        elif p in scan.ending:
            p = min(e.start for e in scan.ending[p])
        elif p in ends:
            chain.insert(0, ends[p])
            p = ends[p].start
        else:
            return (p, chain) if crossed else None
