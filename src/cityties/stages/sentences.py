"""Split the clean text into sentences with character offsets (paragraph breaks always split)."""
from __future__ import annotations

import re
from functools import lru_cache

from cityties.document import Document, Sentence
from cityties.lexicon import table

# A sentence ends at . ! ? … (plus closing quotes/brackets) when the next text starts a new
# sentence: an upper-case letter, a digit, a quote or Hangul, even without a space ("COVID-19.Sự").
_END = re.compile(r"[.!?…。]+[\"'”’)\]]*(?=\s*[\"“‘(]?[A-ZÀ-ỸĐ\uac00-\ud7a3])|[.!?…。]+[\"'”’)\]]*(?=\s)")
_PARAGRAPH = re.compile(r"\n+")


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    rows = table(lang, "abbreviations") + table("en", "abbreviations")
    return frozenset(row[0].lower() for row in rows)


def _is_break(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    """Whether the terminator at text[pos] ends a sentence (not an abbreviation or an initial)."""
    following = text[pos + 1:].lstrip("\"'”’)] .!?…")[:1]
    if following and (following.isdigit() or following.islower()):
        return False
    if text[pos] != ".":
        return True
    word = re.search(r"(\S+)$", text[:pos])
    token = word.group(1) if word else ""
    if token.lower() + "." in abbreviations or token.lower() in abbreviations:
        return False
    if len(token) == 1 and token.isupper():  # an initial: "José I. Blandón"
        return False
    return not (token.isupper() and len(token) <= 3 and pos + 1 < len(text) and not text[pos + 1].isspace())


def split(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences of a text; offsets index into `text`."""
    abbreviations = _abbreviations(lang)
    out: list[Sentence] = []
    for para_idx, para in enumerate(_paragraphs(text)):
        p_start, p_text = para
        cursor = 0
        for m in _END.finditer(p_text):
            if not _is_break(p_text, m.start(), abbreviations):
                continue
            _append(out, p_text, p_start, cursor, m.end(), para_idx)
            cursor = m.end()
        _append(out, p_text, p_start, cursor, len(p_text), para_idx)
    return out


def _paragraphs(text: str) -> list[tuple[int, str]]:
    paragraphs, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        paragraphs.append((pos, text[pos:m.start()]))
        pos = m.end()
    paragraphs.append((pos, text[pos:]))
    return [(s, t) for s, t in paragraphs if t.strip()]


def _append(out: list[Sentence], para: str, base: int, start: int, end: int, para_idx: int) -> None:
    chunk = para[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body:
        s = base + start + lead
        out.append(Sentence(s, s + len(body), body, para_idx))


def run(doc: Document) -> Document:
    doc.sentences = split(doc.text, doc.language or "en")
    return doc
