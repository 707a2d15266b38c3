"""What a title belongs to where the text does not say it next to the title: the nearest earlier
place of its sentence, and places named again by the acronym of a body named after them."""
from __future__ import annotations

import re

from cityties.document import Sentence
from cityties.stages.people_scan import Entity
from cityties.stages.people_search import GUESSED_OF_CONFIDENCE, Found

# Words in a role that tell the level of place it belongs to, so that a mayor's guessed place is
# the city, not the province around it ("TP Niihama thuộc tỉnh Ehime ... Thị trưởng X").
ROLE_LEVELS = (("region", ("governor", "provincial", "province", "prefectural", "regional", "state")),
               ("city", ("mayor", "city", "municipal", "town")))
# An acronym defined after a place-based body: "Bhubaneswar Municipal Corporation (BMC)".
ACRONYM_DEFINITION = re.compile(r" ((?:[A-Z][\w'’-]* ){0,4}[A-Z][\w'’-]*) ?\(([A-Z]{2,6})\)")


def _sentence_start(text: str, pos: int, sentences: list[Sentence]) -> int:
    """Start of the sentence holding pos, or of its line when sentences are unknown."""
    return next((s.start for s in sentences if s.start <= pos < s.end), text.rfind("\n", 0, pos) + 1)


def _level(role: str) -> str | None:
    """The level of place a role's words name (ROLE_LEVELS), if any."""
    words = role.split()
    return next((level for level, marks in ROLE_LEVELS if any(w in words for w in marks)), None)


def guess_of(text: str, people: list[Found], entities: list[Entity], sentences: list[Sentence]) -> None:
    """A title with no place takes the nearest earlier place of its sentence that no title claims
    ("đoàn Hội đồng TP Daejeon, do ông X - Phó Chủ tịch Hội đồng"), the nearest of the title's
    level where there is one."""
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


def acronyms(text: str, entities: list[Entity]) -> list[Entity]:
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
