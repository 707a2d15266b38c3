"""Name shapes: the capitalized words after or before a position, free of titles, places and
triggers, and a name after a place the gazetteer does not know ("Mayor of Derry City and
Strabane District, Maolíosa McHugh")."""
from __future__ import annotations

import re
from functools import lru_cache

from cityties.lexicon import table
from cityties.stages.lexmatch import spelling
from cityties.stages.people_scan import Scan

# A full name has at least two capitalized words; one word after a title is a short mention of
# someone named in full elsewhere ("Mayor Oh"), never a new person.
MIN_NAME_WORDS = 2
# Vietnamese names have 2-4 syllables and foreign ones rarely more capitalized words; a longer
# capitalized run is a headline or an unrecognized place glued to the name, so it is rejected.
MAX_NAME_WORDS = 4
# Words that join the items of a list of people ("A, B and C"), by language; Korean lists use
# particles and are not read as lists.
LIST_WORDS = {"en": ("and", "&"), "vi": ("và",)}
# Longest place name the gazetteer may not know, between "Mayor of" and ", <name>" ("Derry City
# and Strabane District" has 5 words); longer runs are clauses, not names.
PLACE_PHRASE_WORDS = 6
# Abbreviated words of names, written with their period: given names ("Ma." for Maria, as
# Philippine officials write it: "Ma. Cristina L. Ganzon", "Fco." for Francisco) and suffixes.
NAME_ABBREVIATIONS = ("Ma", "Fco", "Jr", "Sr")
# A capitalized word, an abbreviation or a single-letter initial ("José I. Blandón"), hyphens and
# apostrophes inside ("Se-hoon", "O'Brien"), but not a possessive 's, which ends the name ("Oh
# Se-hoon's visit").
TOKEN = re.compile(rf"(?:{'|'.join(NAME_ABBREVIATIONS)})\.|[^\W\d_]\.|"
                   r"[^\W\d_]+(?:-[^\W\d_]+|['’](?![sS]\b)[^\W\d_]+)*")

Name = tuple[int, int, int]  # start, end, number of capitalized words


@lru_cache(maxsize=None)
def _particles(lang: str) -> frozenset[str]:
    """Lower-case particles of foreign names ("van"), from honorifics.tsv."""
    return frozenset(spelling(row[0]) for row in table(lang, "honorifics") if row[1:2] == ("particle",))


def _fits(scan: Scan, m: re.Match, relaxed: bool, first: bool) -> bool:
    """A capitalized word free of titles, places and triggers (any capitalized word when relaxed,
    as inside parentheses), or a lower-case particle of a foreign name ("van"). A stop word
    never begins a name (in INNER_STOP_LANGS it may go on one)."""
    word = m.group()
    if spelling(word) in _particles(scan.lang):
        return True
    if not word[0].isupper():
        return False
    if relaxed:
        return True
    if first and any(scan.stops[m.start():m.end()]):
        return False
    acronym = len(word) > 1 and word.isupper() and not word.endswith(".")  # "UN", not the initial "P."
    return not (any(scan.blocked[m.start():m.end()]) or acronym)


def _trim(words: list[re.Match]) -> Name | None:
    """The name a run of words spells, without particles at its edges; None if too long."""
    while words and not words[0].group()[0].isupper():
        words = words[1:]
    while words and not words[-1].group()[0].isupper():
        words = words[:-1]
    caps = sum(w.group()[0].isupper() for w in words)
    return (words[0].start(), words[-1].end(), caps) if 0 < caps <= MAX_NAME_WORDS else None


def name_after(scan: Scan, pos: int, relaxed: bool = False) -> Name | None:
    """The name starting at pos (after spaces): capitalized words one space apart."""
    words: list[re.Match] = []
    p = scan.skip_spaces(pos)
    while (m := TOKEN.match(scan.text, p)) and _fits(scan, m, relaxed, first=not words):
        words.append(m)
        if scan.text[m.end():m.end() + 1] != " ":
            break
        p = m.end() + 1
    return _trim(words)


def name_before(scan: Scan, pos: int) -> Name | None:
    """The name ending at pos (before spaces); a stop word it begins with is left out
    ("Theo Nguyễn Văn A" -> "Nguyễn Văn A")."""
    end = scan.skip_spaces_back(pos)
    words: list[re.Match] = []
    for m in reversed(list(TOKEN.finditer(scan.text, scan.text.rfind("\n", 0, end) + 1, end))):
        if m.end() != (words[0].start() - 1 if words else end) or not _fits(scan, m, False, first=False):
            break
        words.insert(0, m)
    while words and any(scan.stops[words[0].start():words[0].end()]):
        words = words[1:]
    return _trim(words)


def name_after_place_phrase(scan: Scan, pos: int) -> Name | None:
    """After "Mayor of", a place name the gazetteer does not know (capitalized words, maybe
    joined by link or list words, no title among them), a comma, and the name."""
    p, last, count = scan.skip_spaces(pos), None, 0
    joiners = LIST_WORDS.get(scan.lang, ())
    while count < PLACE_PHRASE_WORDS and (m := TOKEN.match(scan.text, p)):
        if any(r.start < m.end() and m.start() < r.end for r in scan.roles):
            return None
        if m.group()[0].isupper():
            last = m.end()
        elif m.group() not in joiners and p not in scan.links:
            break
        count, p = count + 1, m.end() + 1
        if scan.text[m.end():m.end() + 1] != " ":
            break
    if last is None or scan.text[last:last + 1] != ",":
        return None
    start = scan.skip_spaces(last + 1)
    return name_after(scan, scan.honorifics.get(start, start))
