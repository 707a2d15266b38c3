"""Step 6 of the people search, joining mentions: the title that matters, short mentions to the
full names they fit, and titles and places lent between mentions of one person."""
from __future__ import annotations

from cityties.stages.people_search import FULL_CONFIDENCE, SHORT_CONFIDENCE, Found
from cityties.textmatch import fold_key


def settle(person: Found) -> None:
    """The title that matters: not a mere rank, one with its place named, the last of a chain
    ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X" -> chairman of X)."""
    if person.titles:
        ranked = max(enumerate(person.titles), key=lambda it: (it[1][0].scope != "rank", it[1][1] is not None, it[0]))
        person.title, person.of = ranked[1]
        person.confidence = FULL_CONFIDENCE


def _same_person(short: Found, full: Found) -> bool:
    """A one-word mention is the full name's first or last word; a longer one its last words."""
    if short.hangul:
        return bool(full.hangul) and full.hangul.startswith(short.hangul)
    part, words = [fold_key(w) for w in short.name.split()], [fold_key(w) for w in full.name.split()]
    if len(part) == 1:
        return part[0] in (words[0], words[-1])
    return len(part) < len(words) and words[-len(part):] == part


def join_short(people: list[Found]) -> list[Found]:
    """Short mentions take the name of the nearest person found in full they fit; those that
    fit no one are dropped."""
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


def share(people: list[Found]) -> None:
    """Mentions of one person lend each other a missing title, or the place of the same title."""
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
