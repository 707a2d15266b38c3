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
6. One-word mentions ("Mayor Oh", "ông Mãi", "박 시장") and the last words of a longer name
   ("Mrs Harris Mitchell") join a person found in full; a title without a name makes no one.
   Mentions of one person lend each other a missing title or place, and a title still without a
   place takes the nearest unclaimed one earlier in its sentence, of its level if there is one.
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
from cityties.stages.people_ko import korean_people
from cityties.stages.triggers import find_triggers
from cityties.textmatch import fold, fold_key

# A full name has at least two capitalized words; one word after a title is a short mention of
# someone named in full elsewhere ("Mayor Oh"), never a new person.
MIN_NAME_WORDS = 2
# Vietnamese names have 2-4 syllables and foreign ones rarely more capitalized words; a longer
# capitalized run is a headline or an unrecognized place glued to the name, so it is rejected.
MAX_NAME_WORDS = 4
# What separates a name from the title that describes it ("ông A - Chủ tịch", "A, mayor of").
SEPARATORS = ",-–—(:"
# Confidence by how the person was found: a name next to its title is nearly always right; a
# short mention joined to a known person less so, an untitled name in a list of titled people
# (it may be a company's) less again; a name after an honorific alone may be anyone.
FULL_CONFIDENCE = 0.9
SHORT_CONFIDENCE = 0.7
LIST_CONFIDENCE = 0.6
UNTITLED_CONFIDENCE = 0.5
# A title's place guessed from the nearest unclaimed place earlier in the sentence.
GUESSED_OF_CONFIDENCE = 0.6
# Honorifics-file kinds that can never be part of a name; Korean link words ("시", "도") are
# also common syllables of Korean names, so they block nothing there.
BLOCKING_KINDS = frozenset({"person", "stop", "link"})
# Languages whose stop words ("Sáng", "Năm", "Nhân", "Hai": morning, year, on the occasion of,
# two) are also given-name syllables ("Võ Thành Nhân"): there a stop word only cannot begin a
# name. Vietnamese headlines are in sentence case, so a capitalized stop word right after a name
# is part of it; English title-case headlines ("Mayor Oh Se-hoon At Forum") make that unsafe there.
INNER_STOP_LANGS = frozenset({"vi"})
# Words that join the items of a list of people ("A, B and C"), by language; Korean lists use
# particles and are not read as lists.
LIST_WORDS = {"en": ("and", "&"), "vi": ("và",)}
# An untitled name in a list is a person when the list holds at least this many titled people
# ("Mayor A, City Manager B, C and D"); after a single title ("Mayor A and First Lady B") the
# next capitalized words may be anything.
LIST_MIN_TITLED = 2
# Longest place name the gazetteer may not know, between "Mayor of" and ", <name>" ("Derry City
# and Strabane District" has 5 words); longer runs are clauses, not names.
PLACE_PHRASE_WORDS = 6
# Words in a role that tell the level of place it belongs to, so that a mayor's guessed place is
# the city, not the province around it ("TP Niihama thuộc tỉnh Ehime ... Thị trưởng X").
ROLE_LEVELS = (("region", ("governor", "provincial", "province", "prefectural", "regional", "state")),
               ("city", ("mayor", "city", "municipal", "town")))
# A capitalized word or a single-letter initial ("José I. Blandón"), hyphens and apostrophes inside
# ("Se-hoon", "O'Brien"), but not a possessive 's, which ends the name ("Oh Se-hoon's visit").
TOKEN = re.compile(r"[^\W\d_]\.|[^\W\d_]+(?:-[^\W\d_]+|['’](?![sS]\b)[^\W\d_]+)*")
# An English possessive of a common noun between an appositive's comma and its title ("Ugo
# Valenti, the show's director"); a place's possessive ("Seoul's") is a link word.
POSSESSIVE_NOUN = re.compile(r"\b[a-z]+['’]s$")
# The capitalized words after a place inside a title ("chairman of the Da Nang People's Committee").
CAPITALIZED_RUN = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*")
# An acronym defined after a place-based body: "Bhubaneswar Municipal Corporation (BMC)".
ACRONYM_DEFINITION = re.compile(r" ((?:[A-Z][\w'’-]* ){0,4}[A-Z][\w'’-]*) ?\(([A-Z]{2,6})\)")

Name = tuple[int, int, int]  # start, end, number of capitalized words


class Entity(NamedTuple):
    """A place, organization or country a title may belong to."""

    start: int
    end: int
    name: str
    kind: str  # "place" | "org" | "country"
    level: str | None = None  # a place's PlaceRef.kind: "city" | "region"


# What a title belongs to (roles.tsv's scope column): a place (mayor of X), an organization
# (secretary-general of ASEAN), a country (prime minister of Laos), or nothing, being a rank
# held beside the title that matters (member of the party central committee).
ROLE_SCOPES = ("place", "org", "country", "rank")


class Role(NamedTuple):
    start: int
    end: int
    role: str
    scope: str  # one of ROLE_SCOPES
    inner: Entity | None = None  # a place written inside the title ("chairman of the Da Nang ...")


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


@lru_cache(maxsize=None)
def _role_phrases(lang: str) -> dict[str, tuple[str, str]]:
    """roles.tsv by folded phrase: (role, scope)."""
    return {fold(row[0]): (row[1], row[2]) for row in table(lang, "roles")}


def _by(entities: list[Entity], scope: str) -> Entity:
    """Of entities at one spot (Singapore the city and the country), the one the title's scope wants."""
    return next((e for e in entities if e.kind == scope), entities[0])


def _blank(text: str, entities: list[Entity]) -> str:
    """The text with entities blanked out, so that no link word is read inside "The Hague"."""
    chars = list(text)
    for ent in entities:
        chars[ent.start:ent.end] = " " * (ent.end - ent.start)
    return "".join(chars)


def _plural(role: Role, text: str) -> bool:
    """A title written in the plural ("Councillors" for the role "councillor") names several people."""
    written, meant = text[role.start:role.end].split()[-1].lower(), role.role.split()[-1]
    return written.endswith("s") and not meant.endswith("s")


class _Scan:
    """What the name search looks at in one text, computed once."""

    by = staticmethod(_by)

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
        spans = [(r.start, r.end) for r in self.roles] + [(x.start, x.end) for x in entities]
        spans += [(s, e) for s, e, kind in marks if kind in blocking]
        spans += [(t.start, t.end) for t in find_triggers(text, lang)]
        self.blocked = bytearray(len(text))
        for s, e in spans:
            self.blocked[s:e] = b"\x01" * (e - s)
        self.stops = bytearray(len(text))
        for s, e, kind in marks:
            if kind == "stop":
                self.stops[s:e] = b"\x01" * (e - s)
        joiners = "|".join(map(re.escape, LIST_WORDS.get(lang, ())))
        self.list_gap = re.compile(rf" *,(?: (?:{joiners}))? +| +(?:{joiners}) +" if joiners else r" *, +")

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
                    role = Role(role.start, end, hit[0], hit[1], _by(places, "place"))
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
        return role.inner or self.attached_after(role.end, role.scope)[1] or self.entity_before(role.start, role.scope)

    def _fits(self, m: re.Match, relaxed: bool, first: bool) -> bool:
        """A capitalized word free of titles, places and triggers (any capitalized word when relaxed,
        as inside parentheses), or a lower-case particle of a foreign name ("van"). A stop word
        never begins a name (in INNER_STOP_LANGS it may go on one)."""
        word = m.group()
        if spelling(word) in _words_of_kind(self.lang, "particle"):
            return True
        if not word[0].isupper():
            return False
        if relaxed:
            return True
        if first and any(self.stops[m.start():m.end()]):
            return False
        return not (any(self.blocked[m.start():m.end()]) or (len(word) > 1 and word.isupper()))

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
        while (m := TOKEN.match(self.text, p)) and self._fits(m, relaxed, first=not words):
            words.append(m)
            if self.text[m.end():m.end() + 1] != " ":
                break
            p = m.end() + 1
        return self._trim(words)

    def name_before(self, pos: int) -> Name | None:
        """The name ending at pos (before spaces); a stop word it begins with is left out
        ("Theo Nguyễn Văn A" -> "Nguyễn Văn A")."""
        end = self.skip_spaces_back(pos)
        words: list[re.Match] = []
        for m in reversed(list(TOKEN.finditer(self.text, self.text.rfind("\n", 0, end) + 1, end))):
            if m.end() != (words[0].start() - 1 if words else end) or not self._fits(m, False, first=False):
                break
            words.insert(0, m)
        while words and any(self.stops[words[0].start():words[0].end()]):
            words = words[1:]
        return self._trim(words)

    def titles_before(self, role: Role, claimed: set[Role]) -> tuple[int, list[Role]] | None:
        """Walk back from a title over separators, links, possessives, places and unclaimed titles
        to where a name must end; the titles crossed describe it. None when no separator was crossed."""
        chain, crossed, p = [role], False, role.start
        ends = {r.end: r for r in self.roles if r not in claimed}
        while True:
            p = self.skip_spaces_back(p)
            if p > 0 and self.text[p - 1] in SEPARATORS:
                p, crossed = p - 1, True
            elif p in self.link_ends:
                p = self.link_ends[p]
            elif possessive := POSSESSIVE_NOUN.search(self.text, 0, p):
                p = possessive.start()
            elif p in self.ending:
                p = min(e.start for e in self.ending[p])
            elif p in ends:
                chain.insert(0, ends[p])
                p = ends[p].start
            else:
                return (p, chain) if crossed else None

    def name_after_place_phrase(self, pos: int) -> Name | None:
        """After "Mayor of", a place name the gazetteer does not know (capitalized words, maybe
        joined by link or list words, no title among them), a comma, and the name."""
        p, last, count = self.skip_spaces(pos), None, 0
        joiners = LIST_WORDS.get(self.lang, ())
        while count < PLACE_PHRASE_WORDS and (m := TOKEN.match(self.text, p)):
            if any(r.start < m.end() and m.start() < r.end for r in self.roles):
                return None
            if m.group()[0].isupper():
                last = m.end()
            elif m.group() not in joiners and p not in self.links:
                break
            count, p = count + 1, m.end() + 1
            if self.text[m.end():m.end() + 1] != " ":
                break
        if last is None or self.text[last:last + 1] != ",":
            return None
        start = self.skip_spaces(last + 1)
        return self.name_after(self.honorifics.get(start, start))

    def next_item(self, pos: int) -> int | None:
        """Where the next item of a list starts after pos (past ", ", " and ", ", and "), if any."""
        m = self.list_gap.match(self.text, pos)
        return m.end() if m else None

    def list_name(self, pos: int, place_word: bool) -> Name | None:
        """An untitled full name as a list item, its first word maybe read as a place where
        place_word; a name followed by a link word is the start of an organization's name
        ("Cupertino Chamber of Commerce"), not a person."""
        name = self.name_after(pos) or (self._given_name_like_place(pos) if place_word else None)
        if not name or not MIN_NAME_WORDS <= name[2] <= MAX_NAME_WORDS:
            return None
        return None if self.skip_spaces(name[1]) in self.links else name

    def _given_name_like_place(self, pos: int) -> Name | None:
        """A two-word name whose first word the gazetteer reads as a place ("Graham Lewis"): only
        where the text never writes that word without the same next word, as it would the place
        ("Busan Bank" in an article that names Busan is no one)."""
        place = next((e for e in self.starting.get(pos, []) if " " not in self.text[e.start:e.end]), None)
        if place is None or self.text[place.end:place.end + 1] != " ":
            return None
        rest = self.name_after(place.end + 1)
        if not rest or rest[0] != place.end + 1 or rest[2] != 1:
            return None
        word, surname = self.text[place.start:place.end], self.text[rest[0]:rest[1]]
        if any(self.text[m.end():m.end() + len(surname) + 1] != " " + surname
               for m in re.finditer(rf"\b{re.escape(word)}\b", self.text)):
            return None
        return place.start, rest[1], 2


def _record(scan: _Scan, found: dict[tuple[int, int], Found], name: Name,
            titles: list[tuple[Role, Entity | None]]) -> Found:
    start, end, words = name
    record = found.setdefault((start, end), Found(start, end, scan.text[start:end], short=words < MIN_NAME_WORDS))
    record.titles.extend(titles)
    return record


Heads = dict[int, tuple[Found, Role, Entity | None]]  # title start -> the name it claimed


def _title_then_name(scan: _Scan, found: dict[tuple[int, int], Found], claimed: set[Role], loose: bool,
                     heads: Heads) -> None:
    """Steps 1 and 3. A one-word name after a one-word place right after the title is taken as a
    two-word name whose first word looks like a place ("Thị trưởng Ishikawa Katsuyuki"). A
    one-word name ("Mayor Oh") leaves the title free for a full name before it ("Eirwen
    Mitchell, its Manager Communications, ...")."""
    for role in scan.roles:
        if role in claimed:
            continue
        pos, entity, dangling = scan.attached_after(role.end, role.scope, loose)
        name = None if dangling else scan.name_after(pos)
        if (name and name[2] == 1 and entity and scan.skip_spaces(role.end) == entity.start
                and entity.end + 1 == name[0] and " " not in scan.text[entity.start:entity.end]):
            name, entity = (entity.start, name[1], 2), None
        if loose and (dangling or entity) and (not name or name[2] < MIN_NAME_WORDS):
            name = scan.name_after_place_phrase(pos) or name
        if name and not (role.start in heads and heads[role.start][0].start == name[0]):
            if name[2] >= MIN_NAME_WORDS:
                claimed.add(role)
            title = (role, role.inner or entity or scan.entity_before(role.start, role.scope))
            heads[role.start] = (_record(scan, found, name, [title]), *title)


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


def _korean(scan: _Scan, found: dict[tuple[int, int], Found]) -> None:
    """Step 4, Korean."""
    for k in korean_people(scan, MIN_NAME_WORDS):
        record = found.setdefault((k.start, k.end), Found(k.start, k.end, k.name, short=k.short, hangul=k.hangul))
        record.titles.append(k.title)


def _lists(scan: _Scan, found: dict[tuple[int, int], Found], heads: Heads) -> None:
    """Step 5: from each titled name, the list items after it. An untitled item takes the title of
    the titled item before it if that title is plural, else it needs LIST_MIN_TITLED titled items
    in its list and stays untitled; only people under a plural title ("Councillors A, Graham
    Lewis") may have a first name the gazetteer reads as a place, as "Auckland Council" in a
    list of officials is no one."""
    if scan.lang in COMPOUNDING:
        return
    seen: set[int] = set()
    for start in sorted(heads):
        if start in seen:
            continue
        head, titled, items = heads[start], 1, []
        pos = head[0].end
        while (item := scan.next_item(pos)) is not None:
            title_at = item if item in heads else scan.attached_after(item, "place")[0]
            if title_at in heads and title_at not in seen:
                seen.add(title_at)
                head, titled = heads[title_at], titled + 1
                pos = head[0].end
            elif name := scan.list_name(item, place_word=_plural(head[1], scan.text)):
                items.append((name, head))
                pos = name[1]
            else:
                break
        for name, (_, role, entity) in items:
            if _plural(role, scan.text):
                _record(scan, found, name, [(role, entity)])
            elif titled >= LIST_MIN_TITLED:
                _record(scan, found, name, []).confidence = LIST_CONFIDENCE


def _settle(record: Found) -> None:
    """The title that matters: not a mere rank, one with its place named, the last of a chain
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X" -> chairman of X)."""
    if record.titles:
        ranked = max(enumerate(record.titles), key=lambda it: (it[1][0].scope != "rank", it[1][1] is not None, it[0]))
        record.title, record.of = ranked[1]
        record.confidence = FULL_CONFIDENCE


def _same_person(short: Found, full: Found) -> bool:
    """A one-word mention is the full name's first or last word; a longer one its last words."""
    if short.hangul:
        return bool(full.hangul) and full.hangul.startswith(short.hangul)
    part, words = [fold_key(w) for w in short.name.split()], [fold_key(w) for w in full.name.split()]
    if len(part) == 1:
        return part[0] in (words[0], words[-1])
    return len(part) < len(words) and words[-len(part):] == part


def _join_short(people: list[Found]) -> list[Found]:
    """Step 6: short mentions take the name of the nearest person found in full they fit."""
    for person in people:
        if not person.short and not person.hangul:
            person.short = any(not p.short and _same_person(person, p) for p in people if p is not person)
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
    """Step 6: mentions of one person lend each other a missing title, or the place of the same title."""
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


def _level(role: str) -> str | None:
    words = role.split()
    return next((level for level, marks in ROLE_LEVELS if any(w in words for w in marks)), None)


def _guess_of(text: str, people: list[Found], entities: list[Entity], sentences: list[Sentence]) -> None:
    """Step 6: a title with no place takes the nearest earlier place of its sentence that no
    title claims ("đoàn Hội đồng TP Daejeon, do ông X - Phó Chủ tịch Hội đồng"), the nearest of
    the title's level where there is one."""
    claimed = {p.of for p in people if p.of}
    for person in people:
        if person.title is None or person.of is not None:
            continue
        start = _sentence_start(text, person.start, sentences)
        earlier = [e for e in entities if start <= e.start and e.end <= person.start
                   and e.kind == person.title.scope and e not in claimed]
        same_level = [e for e in earlier if e.level and e.level == _level(person.title.role)]
        if earlier:
            person.of, person.confidence = (same_level or earlier)[-1], GUESSED_OF_CONFIDENCE


def _acronyms(text: str, entities: list[Entity]) -> list[Entity]:
    """Places named again by the acronym of a body named after them: "Bhubaneswar Municipal
    Corporation (BMC)" makes every other "BMC" stand for Bhubaneswar ("BMC Mayor X"). The place
    name is looked for wherever it is written, the places stage may not have marked it there."""
    taken, out, surfaces = {e.start for e in entities}, [], {}
    for place in entities:
        if place.kind == "place":
            surfaces.setdefault(text[place.start:place.end], place)
    for surface, place in surfaces.items():
        for m in re.finditer(re.escape(surface) + ACRONYM_DEFINITION.pattern, text):
            acronym = m.group(2)
            words = surface.split() + m.group(1).split()
            if "".join(w[0] for w in words if w[0].isupper()) != acronym:
                continue
            for use in re.finditer(rf"\b{acronym}\b", text):
                if use.start() != m.start(2) and use.start() not in taken:
                    taken.add(use.start())
                    out.append(place._replace(start=use.start(), end=use.end()))
    return out


def find_people(text: str, lang: str, entities: list[Entity], sentences: list[Sentence] = ()) -> list[Found]:
    """Every person mention with its settled title and the entity that title belongs to."""
    entities = entities + _acronyms(text, entities)
    scan = _Scan(text, lang, entities)
    found: dict[tuple[int, int], Found] = {}
    claimed: set[Role] = set()
    heads: Heads = {}
    if lang in COMPOUNDING:
        _korean(scan, found)
    _title_then_name(scan, found, claimed, False, heads)
    _name_then_titles(scan, found, claimed)
    _title_then_name(scan, found, claimed, True, heads)
    _honorific_then_name(scan, found)
    _lists(scan, found, heads)
    people = sorted(found.values(), key=lambda p: p.start)
    for person in people:
        _settle(person)
    people = _join_short(people)
    _share(people)
    _guess_of(text, people, sorted(entities), list(sentences))
    _share(people)
    return people


@lru_cache(maxsize=None)
def _country_name(code: str) -> str:
    return Locale("en").territories.get(code, code)


def _entities(doc: Document) -> list[Entity]:
    return ([Entity(p.span.start, p.span.end, p.name, "place", p.kind) for p in doc.places]
            + [Entity(o.span.start, o.span.end, o.name, "org") for o in doc.organizations]
            + [Entity(c.span.start, c.span.end, _country_name(c.code), "country") for c in doc.countries])


def run(doc: Document) -> Document:
    doc.people = [
        PersonRef(p.name, p.title.role if p.title else None, p.of.name if p.of else None,
                  doc.text[p.start:p.end], Span(p.start, p.end), doc.sentence_of(p.start), p.confidence)
        for p in find_people(doc.text, doc.language or "en", _entities(doc), doc.sentences)
    ]
    return doc
