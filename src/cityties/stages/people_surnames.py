"""Step 6, surnames alone: a later mention of a person by the surname only ("Villanueva accepted
the invitation", "signed by van Dijk", "Whitfield will lead"), joined by join_short to the person
found in full, where one person of the article has that surname."""
from __future__ import annotations

import re

from cityties.stages.people_scan import Scan
from cityties.stages.people_search import Found
from cityties.textmatch import fold_key

# Languages whose names end with the family name ("Sarah Whitfield" is Whitfield again later).
# Vietnamese names a person again by the given name, also the end of many place names ("Hồ Chí
# Minh"), after an honorific ("ông Minh"); Korean by the family name and the title ("박 시장").
SURNAME_LAST_LANGS = frozenset({"en"})


def _surname(name: str) -> str | None:
    """The surname of a full name: from its first lower-case particle ("van Dijk"), else its last
    word; None for a name ending in an initial or an abbreviation ("Jr.")."""
    words = name.split()
    particle = next((i for i, w in enumerate(words[1:], 1) if w[0].islower()), None)
    surname = " ".join(words[particle:]) if particle else words[-1]
    return None if surname.endswith(".") or len(words) < 2 else surname


def _alone(scan: Scan, start: int, end: int) -> bool:
    """Not one word of a longer capitalized name ("Maria Villanueva", "Whitfield Gardens"); a
    stop word may come before ("At Whitfield's request")."""
    text = scan.text
    before = re.search(r"(\w+) $", text[max(0, start - 40):start])
    if before and before.group(1)[0].isupper() and not scan.stops[start - 2]:
        return False
    return not re.match(r" [A-Z]", text[end:end + 2])


def surname_mentions(scan: Scan, people: list[Found]) -> list[Found]:
    """The surnames alone after a person's first mention, outside the mentions found, titles,
    triggers and organizations (a place of the gazetteer may be a surname: "Villanueva")."""
    if scan.lang not in SURNAME_LAST_LANGS:
        return []
    bearers: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for person in people:
        if not person.short and (surname := _surname(person.name)):
            bearers.setdefault(surname, set()).add(fold_key(person.name))
            first[surname] = min(first.get(surname, person.start), person.start)
    taken = bytearray(len(scan.text))
    for person in people:
        taken[person.start:person.end] = b"\x01" * (person.end - person.start)
    out = []
    for surname, names in bearers.items():
        pattern = rf"(?<![\w'’.-])(?:{re.escape(surname)}|{re.escape(surname[0].upper() + surname[1:])})(?![\w-])"
        for m in re.finditer(pattern, scan.text):
            s, e = m.span()
            if (len(names) == 1 and s > first[surname] and not any(taken[s:e]) and not any(scan.unnamed[s:e])
                    and _alone(scan, s, e)):
                out.append(Found(s, e, m.group(), short=True))
    return out
