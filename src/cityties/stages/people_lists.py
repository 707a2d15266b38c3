"""Step 5 of the people search: the names listed after a titled name ("Councillors A, B and C",
"Mayor A, City Manager B, C and D")."""
from __future__ import annotations

import re
from functools import lru_cache

from cityties.stages.lexmatch import COMPOUNDING
from cityties.stages.people_names import LIST_WORDS, MAX_NAME_WORDS, MIN_NAME_WORDS, Name, name_after
from cityties.stages.people_scan import Role, Scan
from cityties.stages.people_search import LIST_CONFIDENCE, Heads, Mentions, record
from cityties.stages.people_titles import attached_after

# An untitled name in a list is a person when the list holds at least this many titled people
# ("Mayor A, City Manager B, C and D"); after a single title ("Mayor A and First Lady B") the
# next capitalized words may be anything.
LIST_MIN_TITLED = 2


@lru_cache(maxsize=None)
def _list_gap(lang: str) -> re.Pattern:
    """What comes between two items of a list: ", ", " and ", ", and "."""
    joiners = "|".join(map(re.escape, LIST_WORDS.get(lang, ())))
    return re.compile(rf" *,(?: (?:{joiners}))? +| +(?:{joiners}) +" if joiners else r" *, +")


def _plural(role: Role, text: str) -> bool:
    """A title written in the plural ("Councillors" for the role "councillor") names several people."""
    written, meant = text[role.start:role.end].split()[-1].lower(), role.role.split()[-1]
    return written.endswith("s") and not meant.endswith("s")


def _next_item(scan: Scan, pos: int) -> int | None:
    """Where the next item of a list starts after pos, if any."""
    m = _list_gap(scan.lang).match(scan.text, pos)
    return m.end() if m else None


def _list_name(scan: Scan, pos: int, place_word: bool) -> Name | None:
    """An untitled full name as a list item, its first word maybe read as a place where
    place_word; a name followed by a link word is the start of an organization's name
    ("Cupertino Chamber of Commerce"), not a person."""
    name = name_after(scan, pos) or (_given_name_like_place(scan, pos) if place_word else None)
    if not name or not MIN_NAME_WORDS <= name[2] <= MAX_NAME_WORDS:
        return None
    return None if scan.skip_spaces(name[1]) in scan.links else name


def _given_name_like_place(scan: Scan, pos: int) -> Name | None:
    """A two-word name whose first word the gazetteer reads as a place ("Graham Lewis"): only
    where the text never writes that word without the same next word, as it would the place
    ("Busan Bank" in an article that names Busan is no one)."""
    text = scan.text
    place = next((e for e in scan.starting.get(pos, []) if " " not in text[e.start:e.end]), None)
    if place is None or text[place.end:place.end + 1] != " ":
        return None
    rest = name_after(scan, place.end + 1)
    if not rest or rest[0] != place.end + 1 or rest[2] != 1:
        return None
    word, surname = text[place.start:place.end], text[rest[0]:rest[1]]
    if any(text[m.end():m.end() + len(surname) + 1] != " " + surname
           for m in re.finditer(rf"\b{re.escape(word)}\b", text)):
        return None
    return place.start, rest[1], 2


def lists(scan: Scan, found: Mentions, heads: Heads) -> None:
    """From each titled name, the list items after it. An untitled item takes the title of the
    titled item before it if that title is plural, else it needs LIST_MIN_TITLED titled items
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
        while (item := _next_item(scan, pos)) is not None:
            title_at = item if item in heads else attached_after(scan, item, "place")[0]
            if title_at in heads and title_at not in seen:
                seen.add(title_at)
                head, titled = heads[title_at], titled + 1
                pos = head[0].end
            elif name := _list_name(scan, item, place_word=_plural(head[1], scan.text)):
                items.append((name, head))
                pos = name[1]
            else:
                break
        for name, (_, role, entity) in items:
            if _plural(role, scan.text):
                record(scan, found, name, [(role, entity)])
            elif titled >= LIST_MIN_TITLED:
                record(scan, found, name, []).confidence = LIST_CONFIDENCE
