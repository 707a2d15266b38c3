"""Steps 1 to 4 of the people search (see stages/people.py): each mention of a person found, with
the titles found beside it."""
from __future__ import annotations

from dataclasses import dataclass, field

from cityties.stages.people_ko import korean_people
from cityties.stages.people_names import MIN_NAME_WORDS, Name, name_after, name_after_place_phrase, name_before
from cityties.stages.people_scan import Entity, Role, Scan
from cityties.stages.people_titles import SEPARATORS, attached_after, entity_before, title_of, titles_before

# Confidence by how the person was found: a name next to its title is nearly always right; a
# short mention joined to a known person less so, an untitled name in a list of titled people
# (it may be a company's) less again; a name after an honorific alone may be anyone.
FULL_CONFIDENCE = 0.9
SHORT_CONFIDENCE = 0.7
LIST_CONFIDENCE = 0.6
UNTITLED_CONFIDENCE = 0.5
# A title's place guessed from the nearest unclaimed place earlier in the sentence.
GUESSED_OF_CONFIDENCE = 0.6


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


Mentions = dict[tuple[int, int], Found]  # (start, end) -> the mention found there
Heads = dict[int, tuple[Found, Role, Entity | None]]  # title start -> the name it claimed


def record(scan: Scan, found: Mentions, name: Name, titles: list[tuple[Role, Entity | None]]) -> Found:
    """The mention of a name, with titles added; one word is a short mention."""
    start, end, words = name
    return _add(found, Found(start, end, scan.text[start:end], short=words < MIN_NAME_WORDS), titles)


def _add(found: Mentions, mention: Found, titles: list[tuple[Role, Entity | None]]) -> Found:
    person = found.setdefault((mention.start, mention.end), mention)
    person.titles.extend(titles)
    return person


def title_then_name(scan: Scan, found: Mentions, claimed: set[Role], loose: bool, heads: Heads) -> None:
    """Steps 1 and 3. A one-word name after a one-word place right after the title is taken as a
    two-word name whose first word looks like a place ("Thị trưởng Ishikawa Katsuyuki"). A
    one-word name ("Mayor Oh") leaves the title free for a full name before it ("Eirwen
    Mitchell, its Manager Communications, ...")."""
    for role in scan.roles:
        if role in claimed:
            continue
        pos, entity, dangling = attached_after(scan, role.end, role.scope, loose)
        name = None if dangling else name_after(scan, pos)
        if (name and name[2] == 1 and entity and scan.skip_spaces(role.end) == entity.start
                and entity.end + 1 == name[0] and " " not in scan.text[entity.start:entity.end]):
            name, entity = (entity.start, name[1], 2), None
        if loose and (dangling or entity) and (not name or name[2] < MIN_NAME_WORDS):
            name = name_after_place_phrase(scan, pos) or name
        if name and not (role.start in heads and heads[role.start][0].start == name[0]):
            if name[2] >= MIN_NAME_WORDS:
                claimed.add(role)
            title = (role, role.inner or entity or entity_before(scan, role.start, role.scope)
                     or _of_after(scan, name[1], role.scope))
            heads[role.start] = (record(scan, found, name, [title]), *title)


def _of_after(scan: Scan, pos: int, scope: str) -> Entity | None:
    """The place or body named by "of" after a titled name ("Deputy Mayor Lin of Kaohsiung")."""
    return attached_after(scan, pos, scope)[1] if scan.text.startswith(" of ", pos) else None


def name_then_titles(scan: Scan, found: Mentions, claimed: set[Role]) -> None:
    """Step 2; from the last title back, so that a chain is walked whole from its end."""
    for role in reversed(scan.roles):
        walk = None if role in claimed else titles_before(scan, role, claimed)
        name = walk and name_before(scan, walk[0])
        if name and scan.text[scan.skip_spaces(name[1]):][:1] in SEPARATORS:
            claimed.update(walk[1])
            record(scan, found, name, [(r, title_of(scan, r)) for r in walk[1]])


def honorific_then_name(scan: Scan, found: Mentions) -> None:
    """Step 4, honorifics."""
    for end in scan.honorifics.values():
        if name := name_after(scan, end):
            record(scan, found, name, [])


def korean(scan: Scan, found: Mentions) -> None:
    """Step 4, Korean."""
    for k in korean_people(scan):
        _add(found, Found(k.start, k.end, k.name, short=k.short, hangul=k.hangul), [k.title])
