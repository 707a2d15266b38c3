"""Korean people: a Hangul name before its title ("오세훈 서울시장"), a Latin name in parentheses
before the title ("블란돈(José I. Blandón) 파나마시티시장"), a family name alone ("박 시장"), and a
name in parentheses with its title ("웨이하이시(시장 ...)", "수협 조합장(양기호)").

Korean glues a place and a title into one word (서울시장), so the search goes from each title to
the word before it, instead of reading capitalized words as the Latin-script languages do.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from cityties.stages.people_ko_names import HANJA, endings, romanized, title_case
from cityties.stages.people_names import MIN_NAME_WORDS, name_after
from cityties.stages.people_scan import Entity, Role, Scan, by_scope
from cityties.stages.people_titles import entity_before
from cityties.stages.romanize import surnames
from cityties.textmatch import is_hangul

# A Latin name in parentheses after its Hangul form: "호세 블란돈(José I. Blandón)".
HANGUL_LATIN = re.compile(r"([가-힣]+)\(([A-Za-zÀ-ɏ][^()]*)\)")
# What ends a name written inside parentheses with its title: "(시장 홍길동)", "(시장 쿵판핑, 孔凡萍)".
PAREN_NAME_END = ",)"
# Longest text read inside parentheses for a name: a full Latin name with initials fits
# ("José I. Blandón" is 15); anything longer is a remark, not a name.
PAREN_NAME_CHARS = 40


class KoreanName(NamedTuple):
    start: int
    end: int
    name: str
    short: bool  # a family name alone ("박 시장"), to be joined to the person named in full
    hangul: str | None
    title: tuple[Role, Entity | None]


def _word_start(text: str, pos: int) -> int:
    """Start of the word holding pos (a word also ends at an opening parenthesis)."""
    while pos > 0 and not text[pos - 1].isspace() and text[pos - 1] != "(":
        pos -= 1
    return pos


def _entity_in_word(scan: Scan, word_start: int, role: Role) -> Entity | None:
    """The entity written in the title's word before the title ("서울" in "서울시장")."""
    inside = [e for s in range(word_start, role.start) for e in scan.starting.get(s, [])]
    return by_scope(inside, role.scope) if inside else None


def _latin_name(scan: Scan, pos: int) -> tuple[int, int] | None:
    """A full Latin name starting at pos (MIN_NAME_WORDS words or more), any capitalized words."""
    latin = name_after(scan, pos, relaxed=True)
    return latin[:2] if latin and latin[2] >= MIN_NAME_WORDS else None


def korean_people(scan: Scan) -> list[KoreanName]:
    """Every Korean mention of a person with its title."""
    return _before_titles(scan) + _in_parentheses(scan)


def _before_titles(scan: Scan) -> list[KoreanName]:
    """"<name> <place>시장", "<name>(<Latin name>) <place>시장", "<family name> 시장". A title that
    is not a place's needs its organization or country next to it ("주한파나마대사")."""
    text, out = scan.text, []
    latin_of = {m.group(1): m.start(2) for m in HANGUL_LATIN.finditer(text)}
    for role in scan.roles:
        word_start = _word_start(text, role.start)
        entity = _entity_in_word(scan, word_start, role)
        name_end = word_start
        if entity is None and word_start == role.start:
            entity = entity_before(scan, role.start, role.scope)
            name_end = _word_start(text, entity.start) if entity else name_end
        if entity is None and role.scope != "place":
            continue
        before = text[:name_end].rstrip()
        end = before.rfind("(") if before.endswith(")") else len(before)
        start = _word_start(text, end)
        word = text[start:end]
        if (not word or not all(map(is_hangul, word)) or any(scan.blocked[start:end])
                or word[-1] in endings()):
            continue
        latin = _latin_name(scan, latin_of[word]) if word in latin_of else None
        if latin:
            name, short = title_case(text[latin[0]:latin[1]]), False
        elif word in surnames():
            name, short = word, True
        elif roman := romanized(word, entity, bool(HANJA.match(text, end))):
            name, short = roman, False
        else:
            continue
        out.append(KoreanName(start, end, name, short, word, (role, entity)))
    return out


def _in_parentheses(scan: Scan) -> list[KoreanName]:
    """A name in parentheses right after its title ("한림수협 조합장(양기호)"), or a title and name
    in parentheses after the place they belong to ("웨이하이시(시장 홍길동)"). A Hangul name is
    kept only when it reads as a Korean name (a foreign name's Hangul spelling cannot be turned
    back into its Latin one); a Latin name needs MIN_NAME_WORDS words."""
    text, out = scan.text, []
    for role in scan.roles:
        if text[role.end:role.end + 1] == "(":
            start, stop, word_start = role.end + 1, ")", _word_start(text, role.start)
            entity = _entity_in_word(scan, word_start, role) or entity_before(scan, word_start, role.scope)
        elif text[role.start - 1:role.start] == "(" and text[role.end:role.end + 1] == " ":
            start, stop = role.end + 1, PAREN_NAME_END
            entity = entity_before(scan, role.start - 1, role.scope)
        else:
            continue
        end = next((i for i in range(start, min(len(text), start + PAREN_NAME_CHARS)) if text[i] in stop), None)
        word = text[start:end].strip() if end else ""
        if word and all(map(is_hangul, word)) and not any(scan.blocked[start:end]):
            if roman := romanized(word, entity, False):
                out.append(KoreanName(start, end, roman, False, word, (role, entity)))
        elif word and (latin := _latin_name(scan, start)):
            out.append(KoreanName(latin[0], latin[1], title_case(text[latin[0]:latin[1]]), False, None,
                                  (role, entity)))
    return out
