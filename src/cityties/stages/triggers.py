"""Find the phrases that signal an event type, and the proper name of a gathering or prize
when the trigger is part of one ("World Cities Summit Mayors Forum", "Diễn đàn Thị trưởng ASEAN")."""
from __future__ import annotations

import re
from typing import NamedTuple

from cityties.document import Document, Span, TriggerRef
from cityties.stages.lexmatch import COMPOUNDING, labelled, lexicon_matcher

# Label of lexicon rows that only stop a shorter trigger from firing inside them ("tiếp tục").
BLOCKER = "none"
# Event types whose triggers are often part of a proper name: gatherings and prizes. Visits and
# agreements are rarely named, and headline capitals would give them false names.
NAMED_TYPES = frozenset({"forum", "award"})
# A proper name has at least this many capitalized words (the trigger included): one capital
# is a sentence start ("Forum participants ...").
MIN_NAME_CAPITALS = 2
# Longest name kept, in words; longer capitalized runs are headlines.
MAX_NAME_WORDS = 14
# Languages written in syllables, where a name capitalizes only a word's first syllable
# ("Diễn đàn Thị trưởng"): a lower-case syllable may follow a capitalized one (not an acronym
# or a number, which end a word) inside a name.
SYLLABIC = frozenset({"vi"})
# Languages whose names put the head noun first ("Diễn đàn Thị trưởng ASEAN": a name never
# extends to the left of its trigger) or last ("2023 세계우호도시포럼").
HEAD_FIRST = frozenset({"vi"})
HEAD_LAST = frozenset({"ko"})
# Lower-case words allowed inside an English or Vietnamese name between capitalized ones.
CONNECTORS = frozenset({"of", "for", "on", "and", "the", "&", "và", "các", "về", "của", "lần", "thứ"})
# A quoted title around a trigger ('제3차 ... 회의'에, "Diễn đàn ..."): opener not after a letter
# (so "mayor's" is no quote), up to 80 characters, on one line; particles may follow the closer.
# The trigger must stand where the language puts a name's head noun (Vietnamese first, Korean
# last, English either): quoted speech that mentions a forum is no title.
QUOTED = re.compile(r"(?<!\w)[\"'“‘「『《]([^\"'“”‘’「」『』《》\n]{3,80})[\"'”’」』》]")
# A word of a capitalized name: anything between spaces and punctuation.
WORD = re.compile(r"[^\s,.;:!?()\"“”‘’«»\[\]]+")


class Trigger(NamedTuple):
    """A trigger phrase found in a text."""

    start: int
    end: int
    type: str
    weight: float
    name: str | None


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _opens(word: str) -> bool:
    """Whether a word may begin or end a name: capitalized and not a connector ("The")."""
    return _is_capitalized(word) and word.lower() not in CONNECTORS


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the line holding [start, end)."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _capitalized_run(text: str, start: int, end: int, lang: str,
                     barriers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The run of capitalized words (with connectors inside) that contains [start, end)."""
    line_start, line_end = _line(text, start, end)
    words = [m for m in WORD.finditer(text, line_start, line_end)
             if not any(b0 < m.end() and m.start() < b1 for b0, b1 in barriers)]
    inside = [i for i, w in enumerate(words) if w.start() < end and w.end() > start]
    if not inside or not text[start].isupper():
        return None

    def joins(a: int, b: int) -> bool:
        gap = text[words[a].end():words[b].start()]
        return gap.strip() in ("", "-", "–")

    def fits(i: int) -> bool:
        w = words[i].group()
        return _is_capitalized(w) or w.lower() in CONNECTORS or (
            lang in SYLLABIC and i > 0 and words[i - 1].group().istitle() and w.islower())

    lo, hi = inside[0], inside[-1]
    while lang not in HEAD_FIRST and lo > 0 and joins(lo - 1, lo) and fits(lo - 1):
        lo -= 1
    while hi + 1 < len(words) and joins(hi, hi + 1) and fits(hi + 1):
        hi += 1
    while lo < inside[0] and not _opens(words[lo].group()):
        lo += 1
    while hi > inside[-1] and not _opens(words[hi].group()):
        hi -= 1
    chosen = [w.group() for w in words[lo:hi + 1]]
    if sum(_is_capitalized(w) for w in chosen) < MIN_NAME_CAPITALS or len(chosen) > MAX_NAME_WORDS:
        return None
    return words[lo].start(), words[hi].end()


def _quoted(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The quoted title that contains [start, end), if any."""
    for m in QUOTED.finditer(text, *_line(text, start, end)):
        inner = m.group(1)
        first, last = m.start(1) + len(inner) - len(inner.lstrip()), m.start(1) + len(inner.rstrip())
        heads_first = start == first and end <= last and lang not in HEAD_LAST
        heads_last = first <= start and end == last and lang not in HEAD_FIRST
        if heads_first or heads_last:
            return first, last
    return None


def _compound(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A Korean trigger ending a compound names it ("세계우호도시포럼"), with a year before it."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    if word_start == start:
        return None
    before = text[:word_start].rstrip()
    year = re.search(r"(?:^|\s)(\d{4}|제\d+차)$", before)
    return (year.start(1) if year else word_start), end


def _name_span(text: str, start: int, end: int, lang: str,
               barriers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the proper name holding the trigger lies: a quoted title, a Korean compound, or a
    run of capitalized words."""
    if quoted := _quoted(text, start, end, lang):
        return quoted
    if lang in COMPOUNDING:
        return _compound(text, start, end)
    return _capitalized_run(text, start, end, lang, barriers)


def find_triggers(text: str, lang: str) -> list[Trigger]:
    """Every trigger phrase with its type, weight and the name it is part of; a trigger of another
    type inside such a name ("우호도시" in "세계우호도시포럼") is dropped."""
    hits = [(s, e, row[0], float(row[1])) for s, e, row in labelled(lexicon_matcher(lang, "triggers"), text, lang)
            if row[0] != BLOCKER]
    barriers = [(s, e) for s, e, etype, _ in hits if etype not in NAMED_TYPES]
    names = {(s, e): span for s, e, etype, _ in hits
             if etype in NAMED_TYPES and (span := _name_span(text, s, e, lang, barriers))}
    name_types = [(span, etype) for s, e, etype, _ in hits if (span := names.get((s, e)))]
    found = []
    for s, e, etype, weight in hits:
        if any(n0 <= s and e <= n1 and etype != ntype for (n0, n1), ntype in name_types):
            continue
        span = names.get((s, e))
        found.append(Trigger(s, e, etype, weight, text[span[0]:span[1]] if span else None))
    return found


def run(doc: Document) -> Document:
    lang = doc.language or "en"
    doc.triggers = [
        TriggerRef(t.type, doc.text[t.start:t.end], Span(t.start, t.end), doc.sentence_of(t.start), t.weight, t.name)
        for t in find_triggers(doc.text, lang)
    ]
    return doc
