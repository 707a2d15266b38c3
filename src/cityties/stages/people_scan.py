"""What the people search reads in one text, once: the entities a title may belong to, link
words, honorifics, stop words, titles (read whole with a place inside), and where no name goes."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from cityties.lexicon import table
from cityties.stages.lexmatch import COMPOUNDING, labelled, lexicon_matcher
from cityties.stages.people_spans import org_names, outside_hyphenated_words
from cityties.stages.triggers import find_triggers
from cityties.textmatch import fold

# Honorifics-file kinds that can never be part of a name; Korean link words ("시", "도") are
# also common syllables of Korean names, so they block nothing there.
BLOCKING_KINDS = frozenset({"person", "stop", "link"})
# Languages whose stop words ("Sáng", "Năm", "Nhân", "Hai": morning, year, on the occasion of,
# two) are also given-name syllables ("Võ Thành Nhân"): there a stop word only cannot begin a
# name. Vietnamese headlines are in sentence case, so a capitalized stop word right after a name
# is part of it; English title-case headlines ("Mayor Oh Se-hoon At Forum") make that unsafe there.
INNER_STOP_LANGS = frozenset({"vi"})
# The capitalized words after a place inside a title ("chairman of the Da Nang People's Committee").
CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
# What a title belongs to (roles.tsv's scope column): a place (mayor of X), an organization
# (secretary-general of ASEAN), a country (prime minister of Laos), or nothing, being a rank
# held beside the title that matters (member of the party central committee).
ROLE_SCOPES = ("place", "org", "country", "rank")


class Entity(NamedTuple):
    """A place, organization or country a title may belong to."""

    start: int
    end: int
    name: str
    kind: str  # "place" | "org" | "country"
    level: str | None = None  # a place's PlaceRef.kind: "city" | "region"
    country: str | None = None  # a place's country code


class Role(NamedTuple):
    start: int
    end: int
    role: str
    scope: str  # one of ROLE_SCOPES
    inner: Entity | None = None  # a place written inside the title ("chairman of the Da Nang ...")


@lru_cache(maxsize=None)
def _role_phrases(lang: str) -> dict[str, tuple[str, str]]:
    """roles.tsv by folded phrase: (role, scope)."""
    return {fold(row[0]): (row[1], row[2]) for row in table(lang, "roles")}


def by_scope(entities: list[Entity], scope: str) -> Entity:
    """Of entities at one spot (Singapore the city and the country), the one the title's scope wants."""
    return next((e for e in entities if e.kind == scope), entities[0])


def _blank(text: str, entities: list[Entity]) -> str:
    """The text with entities blanked out, so that no link word is read inside "The Hague"."""
    chars = list(text)
    for ent in entities:
        chars[ent.start:ent.end] = " " * (ent.end - ent.start)
    return "".join(chars)


def _mask(size: int, spans) -> bytearray:
    """One byte a character, set inside the spans."""
    mask = bytearray(size)
    for s, e in spans:
        mask[s:e] = b"\x01" * (e - s)
    return mask


class Scan:
    """What the name search looks at in one text, computed once."""

    def __init__(self, text: str, lang: str, entities: list[Entity]):
        self.text, self.lang = text, lang
        self.starting: dict[int, list[Entity]] = {}
        self.ending: dict[int, list[Entity]] = {}
        for ent in entities:
            self.starting.setdefault(ent.start, []).append(ent)
            self.ending.setdefault(ent.end, []).append(ent)
        words = lexicon_matcher(lang, "honorifics")
        marks = [(s, e, row[0]) for s, e, row in labelled(words, _blank(text, entities), lang)]
        self.links = {s: e for s, e, kind in marks if kind == "link"}
        self.link_ends = {e: s for s, e, kind in marks if kind == "link"}
        self.honorifics = {s: e for s, e, kind in marks if kind == "person"}
        roles = [Role(s, e, row[0], row[1]) for s, e, row in labelled(lexicon_matcher(lang, "roles"), text, lang)]
        self.roles = self._with_inner_places(roles)
        blocking = BLOCKING_KINDS - {"link"} if lang in COMPOUNDING else BLOCKING_KINDS
        blocking = blocking - {"stop"} if lang in INNER_STOP_LANGS else blocking
        spans = [(r.start, r.end) for r in self.roles] + [(s, e) for s, e, kind in marks if kind in blocking]
        spans += outside_hyphenated_words(text, [(t.start, t.end) for t in find_triggers(text, lang)])
        spans += org_names(text, lang, [(r.start, r.end) for r in self.roles])
        self.unnamed = _mask(len(text), spans)  # where no name goes, whatever the places
        self.blocked = _mask(len(text), spans + [(x.start, x.end) for x in entities])
        self.stops = _mask(len(text), [(s, e) for s, e, kind in marks if kind == "stop"])

    def _with_inner_places(self, roles: list[Role]) -> list[Role]:
        """A title with its place inside ("chairman of the Da Nang People's Committee") as the one
        title roles.tsv has without the place ("Chairman of the People's Committee")."""
        phrases, out = _role_phrases(self.lang), []
        for role in roles:
            p, links = role.end, []
            while (q := self.skip_spaces(p)) in self.links:
                links.append(self.text[q:self.links[q]])
                p = self.links[q]
            q = self.skip_spaces(p)
            places = self.starting.get(q, [])
            run = CAPITALIZED_RUN.match(self.text, max((e.end for e in places), default=q) + 1) if places else None
            words = run.group().split() if run else []
            for n in range(len(words), 0, -1):
                phrase = " ".join([self.text[role.start:role.end], *links, *words[:n]])
                if (hit := phrases.get(fold(phrase))) and hit[0] != role.role:
                    end = run.start() + len(" ".join(words[:n]))
                    role = Role(role.start, end, hit[0], hit[1], by_scope(places, "place"))
                    break
            out.append(role)
        return out

    def skip_spaces(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        return pos

    def skip_spaces_back(self, pos: int) -> int:
        while pos > 0 and self.text[pos - 1] == " ":
            pos -= 1
        return pos
