"""People and their titles: a name next to a title ("Chủ tịch UBND TP HCM Phan Văn Mãi", "Mayor
Eric Adams", "오세훈 서울시장"), after an honorific ("ông ..."), or followed by an appositive title
("Eric Adams, the mayor of ..."); `of` is the place, organization or country the title belongs to.

1. Title then name: a title, with the places, link words and honorifics after it, claims the
   name that follows ("Chủ tịch UBND TP HCM Phan Văn Mãi").
2. Name then titles: a name, a separator and a chain of unclaimed titles ("ông A - X, Y").
3. Title, place, comma, name: the looser form of 1 for titles still unclaimed
   ("Thị trưởng Seoul, ông Oh Se-hoon", "Vice-Mayor of Xiamen, Zhuang Rongliang").
4. Honorific then name; Korean: a Hangul name (romanized) or a Latin name in parentheses before
   "<place>시장".
5. One-word mentions ("Mayor Oh", "ông Mãi", "박 시장") join a person found in full; a title
   without a name makes no one. Mentions of one person lend each other a missing title or place,
   and a title still without a place takes the nearest unclaimed one earlier in its sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from babel import Locale

from cityties.document import Document, PersonRef, Sentence, Span
from cityties.lexicon import table
from cityties.stages.lexmatch import COMPOUNDING, labelled, lexicon_matcher, spelling
from cityties.stages.romanize import romanize_name, surnames
from cityties.stages.triggers import find_triggers
from cityties.textmatch import fold_key, is_hangul

# A full name has at least two capitalized words; one word after a title is a short mention of
# someone named in full elsewhere ("Mayor Oh"), never a new person.
MIN_NAME_WORDS = 2
# Vietnamese names have 2-4 syllables and foreign ones rarely more capitalized words; a longer
# capitalized run is a headline or an unrecognized place glued to the name, so it is rejected.
MAX_NAME_WORDS = 4
# What separates a name from the title that describes it ("ông A - Chủ tịch", "A, mayor of").
SEPARATORS = ",-–—(:"
# Confidence by how the person was found: a name next to its title is nearly always right; a
# short mention joined to a known person less so; a name after an honorific alone may be anyone.
FULL_CONFIDENCE = 0.9
SHORT_CONFIDENCE = 0.7
UNTITLED_CONFIDENCE = 0.5
# A title's place guessed from the nearest unclaimed place earlier in the sentence.
GUESSED_OF_CONFIDENCE = 0.6
# Honorifics-file kinds that can never be part of a name; Korean link words ("시", "도") are
# also common syllables of Korean names, so they block nothing there.
BLOCKING_KINDS = frozenset({"person", "stop", "link"})
# A capitalized word or a single-letter initial ("José I. Blandón"), hyphens inside ("Se-hoon").
TOKEN = re.compile(r"[^\W\d_]\.|[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A Latin name in parentheses after its Hangul form: "호세 블란돈(José I. Blandón)".
HANGUL_LATIN = re.compile(r"([가-힣]+)\(([A-Za-zÀ-ɏ][^()]*)\)")

Name = tuple[int, int, int]  # start, end, number of capitalized words


class Entity(NamedTuple):
    """A place, organization or country a title may belong to."""

    start: int
    end: int
    name: str
    kind: str  # "place" | "org" | "country"


# What a title belongs to (roles.tsv's scope column): a place (mayor of X), an organization
# (secretary-general of ASEAN), a country (prime minister of Laos), or nothing, being a rank
# held beside the title that matters (member of the party central committee).
ROLE_SCOPES = ("place", "org", "country", "rank")


class Role(NamedTuple):
    start: int
    end: int
    role: str
    scope: str  # one of ROLE_SCOPES


@dataclass
class Found:
    """One mention of a person, with the titles it was found with."""

    start: int
    end: int
    name: str
    titles: list[tuple[Role, Entity | None]] = field(default_factory=list)
    short: bool = False
    hangul: str | None = None  # a Korean name's Hangul form, to join "박 시장" to "박원순"
    title: Role | None = None
    of: Entity | None = None
    confidence: float = UNTITLED_CONFIDENCE


@lru_cache(maxsize=None)
def _words_of_kind(lang: str, kind: str) -> frozenset[str]:
    return frozenset(spelling(row[0]) for row in table(lang, "honorifics") if row[1:2] == (kind,))


def _by(entities: list[Entity], scope: str) -> Entity:
    """Of entities at one spot (Singapore the city and the country), the one the title's scope wants."""
    return next((e for e in entities if e.kind == scope), entities[0])


def _blank(text: str, entities: list[Entity]) -> str:
    """The text with entities blanked out, so that no link word is read inside "The Hague"."""
    chars = list(text)
    for ent in entities:
        chars[ent.start:ent.end] = " " * (ent.end - ent.start)
    return "".join(chars)


class _Scan:
    """What the name search looks at in one text, computed once."""

    def __init__(self, text: str, lang: str, entities: list[Entity]):
        self.text, self.lang = text, lang
        self.roles = [Role(s, e, row[0], row[1]) for s, e, row in labelled(lexicon_matcher(lang, "roles"), text, lang)]
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
        blocking = BLOCKING_KINDS - {"link"} if lang in COMPOUNDING else BLOCKING_KINDS
        spans = [(r.start, r.end) for r in self.roles] + [(x.start, x.end) for x in entities]
        spans += [(s, e) for s, e, kind in marks if kind in blocking]
        spans += [(t.start, t.end) for t in find_triggers(text, lang)]
        self.blocked = bytearray(len(text))
        for s, e in spans:
            self.blocked[s:e] = b"\x01" * (e - s)

    def skip_spaces(self, pos: int) -> int:
        while pos < len(self.text) and self.text[pos] == " ":
            pos += 1
        return pos

    def skip_spaces_back(self, pos: int) -> int:
        while pos > 0 and self.text[pos - 1] == " ":
            pos -= 1
        return pos

    def attached_after(self, pos: int, scope: str, loose: bool = False) -> tuple[int, Entity | None, bool]:
        """Skip the places, link words and honorifics after a title (in loose mode also a comma
        after a place): where a name may start, the first place (the title's `of`), and whether
        a link word was the last thing skipped (then what follows is an unknown place)."""
        entity, dangling = None, False
        while True:
            p = self.skip_spaces(pos)
            after_comma = self.skip_spaces(p + 1) if self.text[p:p + 1] == "," else None
            if p in self.starting:
                entity = entity or _by(self.starting[p], scope)
                pos, dangling = max(e.end for e in self.starting[p]), False
            elif p in self.links:
                pos, dangling = self.links[p], True
            elif p in self.honorifics:
                pos, dangling = self.honorifics[p], False
            elif after_comma is not None and (after_comma in self.honorifics or (loose and entity and not dangling)):
                pos = self.honorifics.get(after_comma, after_comma)
                loose = False
            else:
                return pos, entity, dangling

    def entity_before(self, pos: int, scope: str) -> Entity | None:
        """The place right before a title, through link words ("Seoul['s] Mayor")."""
        p = self.skip_spaces_back(pos)
        while p in self.link_ends:
            p = self.skip_spaces_back(self.link_ends[p])
        return _by(self.ending[p], scope) if p in self.ending else None

    def of(self, role: Role) -> Entity | None:
        return self.attached_after(role.end, role.scope)[1] or self.entity_before(role.start, role.scope)

    def _fits(self, m: re.Match, relaxed: bool) -> bool:
        """A capitalized word free of titles, places and triggers (any capitalized word when relaxed,
        as inside parentheses), or a lower-case particle of a foreign name ("van")."""
        word = m.group()
        if spelling(word) in _words_of_kind(self.lang, "particle"):
            return True
        if not word[0].isupper():
            return False
        return relaxed or not (any(self.blocked[m.start():m.end()]) or (len(word) > 1 and word.isupper()))

    @staticmethod
    def _trim(words: list[re.Match]) -> Name | None:
        """The name a run of words spells, without particles at its edges; None if too long."""
        while words and not words[0].group()[0].isupper():
            words = words[1:]
        while words and not words[-1].group()[0].isupper():
            words = words[:-1]
        caps = sum(w.group()[0].isupper() for w in words)
        return (words[0].start(), words[-1].end(), caps) if 0 < caps <= MAX_NAME_WORDS else None

    def name_after(self, pos: int, relaxed: bool = False) -> Name | None:
        """The name starting at pos (after spaces): capitalized words one space apart."""
        words: list[re.Match] = []
        p = self.skip_spaces(pos)
        while (m := TOKEN.match(self.text, p)) and self._fits(m, relaxed):
            words.append(m)
            if self.text[m.end():m.end() + 1] != " ":
                break
            p = m.end() + 1
        return self._trim(words)

    def name_before(self, pos: int) -> Name | None:
        """The name ending at pos (before spaces)."""
        end = self.skip_spaces_back(pos)
        words: list[re.Match] = []
        for m in reversed(list(TOKEN.finditer(self.text, self.text.rfind("\n", 0, end) + 1, end))):
            if m.end() != (words[0].start() - 1 if words else end) or not self._fits(m, False):
                break
            words.insert(0, m)
        return self._trim(words)

    def titles_before(self, role: Role, claimed: set[Role]) -> tuple[int, list[Role]] | None:
        """Walk back from a title over separators, links, places and unclaimed titles to where a
        name must end; the titles crossed describe it. None when no separator was crossed."""
        chain, crossed, p = [role], False, role.start
        ends = {r.end: r for r in self.roles if r not in claimed}
        while True:
            p = self.skip_spaces_back(p)
            if p > 0 and self.text[p - 1] in SEPARATORS:
                p, crossed = p - 1, True
            elif p in self.link_ends:
                p = self.link_ends[p]
            elif p in self.ending:
                p = min(e.start for e in self.ending[p])
            elif p in ends:
                chain.insert(0, ends[p])
                p = ends[p].start
            else:
                return (p, chain) if crossed else None


def _record(scan: _Scan, found: dict[tuple[int, int], Found], name: Name,
            titles: list[tuple[Role, Entity | None]]) -> None:
    start, end, words = name
    record = found.setdefault((start, end), Found(start, end, scan.text[start:end], short=words < MIN_NAME_WORDS))
    record.titles.extend(titles)


def _title_then_name(scan: _Scan, found: dict[tuple[int, int], Found], claimed: set[Role], loose: bool) -> None:
    """Steps 1 and 3. A one-word name after a one-word place right after the title is taken as a
    two-word name whose first word looks like a place ("Thị trưởng Ishikawa Katsuyuki")."""
    for role in scan.roles:
        if role in claimed:
            continue
        pos, entity, dangling = scan.attached_after(role.end, role.scope, loose)
        name = None if dangling else scan.name_after(pos)
        if (name and name[2] == 1 and entity and scan.skip_spaces(role.end) == entity.start
                and entity.end + 1 == name[0] and " " not in scan.text[entity.start:entity.end]):
            name, entity = (entity.start, name[1], 2), None
        if name:
            claimed.add(role)
            _record(scan, found, name, [(role, entity or scan.entity_before(role.start, role.scope))])


def _name_then_titles(scan: _Scan, found: dict[tuple[int, int], Found], claimed: set[Role]) -> None:
    """Step 2; from the last title back, so that a chain is walked whole from its end."""
    for role in reversed(scan.roles):
        walk = None if role in claimed else scan.titles_before(role, claimed)
        name = walk and scan.name_before(walk[0])
        if name and scan.text[scan.skip_spaces(name[1]):][:1] in SEPARATORS:
            claimed.update(walk[1])
            _record(scan, found, name, [(r, scan.of(r)) for r in walk[1]])


def _honorific_then_name(scan: _Scan, found: dict[tuple[int, int], Found]) -> None:
    """Step 4, honorifics."""
    for end in scan.honorifics.values():
        if name := scan.name_after(end):
            _record(scan, found, name, [])


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def _korean(scan: _Scan, found: dict[tuple[int, int], Found]) -> None:
    """Step 4, Korean: "<name> <place>시장", "<name>(<Latin name>) <place>시장", "<family name> 시장".
    A title that is not a place's needs its organization or country next to it ("주한파나마대사")."""
    text = scan.text
    latin_of = {m.group(1): m.start(2) for m in HANGUL_LATIN.finditer(text)}
    for role in scan.roles:
        word_start = _word_start(text, role.start)
        inside = [e for s in range(word_start, role.start) for e in scan.starting.get(s, [])]
        entity = _by(inside, role.scope) if inside else None
        name_end = word_start
        if entity is None and word_start == role.start:
            entity = scan.entity_before(role.start, role.scope)
            name_end = _word_start(text, entity.start) if entity else name_end
        if entity is None and role.scope != "place":
            continue
        before = text[:name_end].rstrip()
        end = before.rfind("(") if before.endswith(")") else len(before)
        _korean_name(scan, found, _word_start(text, end), end, (role, entity), latin_of)


def _korean_name(scan: _Scan, found: dict[tuple[int, int], Found], start: int, end: int,
                 title: tuple[Role, Entity | None], latin_of: dict[str, int]) -> None:
    """A Hangul word before a title: a name written in Latin elsewhere in the text (호세 블란돈
    (José I. Blandón)), a name to romanize, or a family name alone ("박 시장")."""
    word = scan.text[start:end]
    if (not word or not all(map(is_hangul, word)) or any(scan.blocked[start:end])
            or word[-1] in _words_of_kind("ko", "ending")):
        return
    latin = scan.name_after(latin_of[word], relaxed=True) if word in latin_of else None
    if latin and latin[2] >= MIN_NAME_WORDS:
        name, short = scan.text[latin[0]:latin[1]], False
    elif word in surnames():
        name, short = word, True
    elif romanized := romanize_name(word):
        name, short = romanized, False
    else:
        return
    found.setdefault((start, end), Found(start, end, name, short=short, hangul=word)).titles.append(title)


def _settle(record: Found) -> None:
    """The title that matters: not a mere rank, one with its place named, the last of a chain
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X" -> chairman of X)."""
    if record.titles:
        ranked = max(enumerate(record.titles), key=lambda it: (it[1][0].scope != "rank", it[1][1] is not None, it[0]))
        record.title, record.of = ranked[1]
        record.confidence = FULL_CONFIDENCE


def _same_person(short: Found, full: Found) -> bool:
    if short.hangul:
        return bool(full.hangul) and full.hangul.startswith(short.hangul)
    words = full.name.split()
    return fold_key(short.name) in (fold_key(words[0]), fold_key(words[-1]))


def _join_short(people: list[Found]) -> list[Found]:
    """Step 5: one-word mentions take the name of the nearest person found in full they fit."""
    full = [p for p in people if not p.short]
    kept = []
    for person in people:
        if person.short:
            fits = sorted((p for p in full if _same_person(person, p)),
                          key=lambda p: (p.start > person.start, abs(p.start - person.start)))
            if not fits:
                continue
            known = fits[0]
            person.name, person.confidence = known.name, SHORT_CONFIDENCE
            if person.title is None or (known.title and person.title.role == known.title.role):
                person.title, person.of = person.title or known.title, person.of or known.of
        kept.append(person)
    return kept


def _share(people: list[Found]) -> None:
    """Step 5: mentions of one person lend each other a missing title, or the place of the same title."""
    groups: dict[str, list[Found]] = {}
    for person in people:
        groups.setdefault(fold_key(person.name), []).append(person)
    for group in groups.values():
        for person in group:
            if person.title is None:
                donor = next((p for p in group if p.title), None)
                if donor:
                    person.title, person.of = donor.title, donor.of
            elif person.of is None:
                person.of = next((p.of for p in group if p.of and p.title.role == person.title.role), None)


def _sentence_start(text: str, pos: int, sentences: list[Sentence]) -> int:
    """Start of the sentence holding pos, or of its line when sentences are unknown."""
    return next((s.start for s in sentences if s.start <= pos < s.end), text.rfind("\n", 0, pos) + 1)


def _guess_of(text: str, people: list[Found], entities: list[Entity], sentences: list[Sentence]) -> None:
    """Step 5: a title with no place takes the nearest earlier place of its sentence that no
    title claims ("đoàn Hội đồng TP Daejeon, do ông X - Phó Chủ tịch Hội đồng")."""
    claimed = {p.of for p in people if p.of}
    for person in people:
        if person.title is None or person.of is not None:
            continue
        start = _sentence_start(text, person.start, sentences)
        earlier = [e for e in entities if start <= e.start and e.end <= person.start
                   and e.kind == person.title.scope and e not in claimed]
        if earlier:
            person.of, person.confidence = earlier[-1], GUESSED_OF_CONFIDENCE


def find_people(text: str, lang: str, entities: list[Entity], sentences: list[Sentence] = ()) -> list[Found]:
    """Every person mention with its settled title and the entity that title belongs to."""
    scan = _Scan(text, lang, entities)
    found: dict[tuple[int, int], Found] = {}
    claimed: set[Role] = set()
    if lang in COMPOUNDING:
        _korean(scan, found)
    _title_then_name(scan, found, claimed, loose=False)
    _name_then_titles(scan, found, claimed)
    _title_then_name(scan, found, claimed, loose=True)
    _honorific_then_name(scan, found)
    people = sorted(found.values(), key=lambda p: p.start)
    for person in people:
        _settle(person)
    people = _join_short(people)
    _share(people)
    _guess_of(text, people, sorted(entities), list(sentences))
    return people


@lru_cache(maxsize=None)
def _country_name(code: str) -> str:
    return Locale("en").territories.get(code, code)


def _entities(doc: Document) -> list[Entity]:
    return ([Entity(p.span.start, p.span.end, p.name, "place") for p in doc.places]
            + [Entity(o.span.start, o.span.end, o.name, "org") for o in doc.organizations]
            + [Entity(c.span.start, c.span.end, _country_name(c.code), "country") for c in doc.countries])


def run(doc: Document) -> Document:
    doc.people = [
        PersonRef(p.name, p.title.role if p.title else None, p.of.name if p.of else None,
                  doc.text[p.start:p.end], Span(p.start, p.end), doc.sentence_of(p.start), p.confidence)
        for p in find_people(doc.text, doc.language or "en", _entities(doc), doc.sentences)
    ]
    return doc
