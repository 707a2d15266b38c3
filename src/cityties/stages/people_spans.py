"""What a capitalized word is, settled before the name search: a word before a middle initial is
a given name even where the gazetteer reads it as a place ("Ramon A. Villanueva"); a capitalized
run ending in an organization's head word is an organization ("Foreign Affairs Office"); a
trigger word that ends a hyphenated name is part of the name ("Kim Jae-won" holds "won")."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# A given name of one or two words (an abbreviated one such as "Ma." or an honorific "Hon." may
# come first), a middle initial and a surname: "Jose Mari P. Espinosa", "Ma. Cristina L. Ganzon".
INITIALED_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*\.? ){1,2}[A-Z]\. [A-Z][\w'’-]+")
# Head words of organizations' names, by language: a capitalized run ending in one is an office,
# not a person ("the Chongqing Foreign Affairs Office", "Bhubaneswar Municipal Corporation",
# "People's Committee"), and so is one followed by "of"/"for" and capitalized words ("Department
# of Tourism"). Vietnamese and Korean bodies are titles and stop words of their lexicons.
ORG_HEADS = {"en": ("Office", "Department", "Ministry", "Bureau", "Committee", "Commission", "Council",
                    "Corporation", "Agency", "Authority", "Administration", "Secretariat", "Government",
                    "University", "Association", "Institute", "Chamber", "Foundation", "Company", "Bank")}
# Capitalized words an organization's name may have before its head word ("Foreign Affairs",
# "Water Resources"); more are a headline or a person glued to it.
ORG_WORDS_BEFORE_HEAD = 3


@lru_cache(maxsize=None)
def _org_run(lang: str) -> re.Pattern | None:
    heads = ORG_HEADS.get(lang)
    if not heads:
        return None
    word = r"[A-Z][\w'’-]*"
    return re.compile(rf"\b(?:{word} ){{0,{ORG_WORDS_BEFORE_HEAD}}}(?P<head>{'|'.join(heads)})\b"
                      rf"(?: (?:of|for)(?: the)? {word}(?: (?:and |& )?{word})*)?")


def org_names(text: str, lang: str, titles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of organizations' names written out, where no person's name goes; a name ends at a
    title, which may stand between it and a person's ("Department of Tourism Director Ana Cruz")."""
    run, out = _org_run(lang), []
    for m in run.finditer(text) if run else ():
        head = m.start("head")
        start = max([e for s, e in titles if m.start() <= s and e <= head], default=m.start())
        end = min([s for s, _ in titles if head < s < m.end()], default=m.end())
        out.append((start, end))
    return out


def outside_initialed_names(text: str, entities: list) -> list:
    """The entities not inside a name with a middle initial, which is a person's whatever its
    words are elsewhere ("Hon. Ramon A. Villanueva" is no place Ramon)."""
    names = [m.span() for m in INITIALED_NAME.finditer(text)]
    return [e for e in entities if not any(s <= e.start and e.end <= t for s, t in names)]


def outside_hyphenated_words(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (of triggers) that are not the end of a hyphenated word ("Jae-won", "Se-hoon")."""
    return [(s, e) for s, e in spans if not (s > 1 and text[s - 1] == "-" and text[s - 2].isalpha())]
