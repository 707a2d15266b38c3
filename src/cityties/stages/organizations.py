"""Find international bodies and city networks by their names and acronyms in any language."""
from __future__ import annotations

from functools import lru_cache

from cityties.document import Document, OrgRef, Span
from cityties.lexicon import shared_table
from cityties.stages.lexmatch import find
from cityties.textmatch import PhraseMatcher


@lru_cache(maxsize=None)
def _matcher() -> PhraseMatcher[tuple[str, str]]:
    """Every alias (and canonical name) with its (alias, canonical) row."""
    rows = shared_table("organizations")
    pairs = {(alias, canonical) for canonical, alias, *_ in rows} | {(c, c) for c, *_ in rows}
    return PhraseMatcher((alias, (alias, canonical)) for alias, canonical in sorted(pairs))


def _case_fits(surface: str, alias: str) -> bool:
    """An acronym must be in capitals ("UN", not "un"); a one-word capitalized name must start with
    a capital ("Metropolis", not "a metropolis"); longer names are specific in any case."""
    letters = [c for c in alias if c.isalpha()]
    if letters and all(c.isascii() and c.isupper() for c in letters):
        return all(not c.isalpha() or c.isupper() for c in surface)
    if " " not in alias and alias[:1].isupper():
        return surface[:1].isupper()
    return True


def find_organizations(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each organization named in the text."""
    found = []
    for m in find(_matcher(), text, lang):
        surface = text[m.start:m.end]
        fitting = [canonical for alias, canonical in m.payload if _case_fits(surface, alias)]
        if fitting:
            found.append((m.start, m.end, fitting[0]))
    return found


def run(doc: Document) -> Document:
    doc.organizations = [
        OrgRef(name, doc.text[start:end], Span(start, end), doc.sentence_of(start))
        for start, end, name in find_organizations(doc.text, doc.language)
    ]
    return doc
