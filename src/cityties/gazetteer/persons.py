"""Whether a match is part of a person's name: after an honorific or a title ("ông Vinh", "Mayor
Gilbert Wong", "Thị trưởng Nagano Hiroshi"), after a given name ("Chester Brown", "Anne
Hidalgo"), or in a Vietnamese name ("Nguyễn Thanh Hải")."""
from __future__ import annotations

import re
from collections.abc import Iterable

from cityties.gazetteer.wording import NAME_WINDOW, PREFIX_WINDOW, VI_PREFIX
from cityties.textmatch import fold, is_hangul

# Words a Vietnamese person's name follows ("ông Vinh" is a man, not the city).
VI_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "cô", "chú", "bác", "em", "cụ", "chí"})
# Common Vietnamese family and middle names: a place name right after a run of capitalized words
# holding one of them is the end of a person's name ("Nguyễn Thanh Hải", "Trần Đức").
VI_NAME_WORDS = frozenset("""
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh trịnh lâm mai
trương lưu tạ quách lương kiều từ đào chu triệu lại lục tôn vương tăng hứa văn thị hữu đức
quang minh thanh ngọc xuân hồng kim công đình
""".split())
# ... folded, for articles in other languages, which may drop the marks ("Le Quang Minh").
VI_NAME_FOLDS = frozenset(fold(w) for w in VI_NAME_WORDS)
# What separates a name's words, or a name from the word before its bracket ("민(Lê Quang Minh)").
NAME_PARTS = re.compile(r"[ (（\"“]")
# Forms of address: the capitalized word after one is always a person's name ("Dr Preston said",
# "Hon. Ramon A. Villanueva", as Philippine news styles officials).
EN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir lord lady madam madame hon hon. "
                          "atty atty. engr engr.".split())
# Titles before a person's name, besides the forms of address: "Mayor Gilbert Wong" is a man, not
# Gilbert, Arizona, when another capitalized word follows.
EN_TITLES = frozenset("""
mayor governor president chairman chairwoman councillor councilor councillors councilors minister
ambassador secretary director deputy professor prof. chief commissioner senator speaker manager ceo
""".split())
# Verbs of saying right after a one-word name: when the article has used that word as a person's
# surname ("Mayor Takashi Ogawa ... Ogawa said"), it is that person again; so it is after a title
# ("Mayor Villanueva").
SPEECH_AFTER = re.compile(r"\s+(?:said|says|added|adds|noted|told|stressed|explained|emphasi[sz]ed|"
                          r"stated|remarked|highlighted|thanked|welcomed|asked|suggested|"
                          r"proposed|affirmed|shared|hoped|recalled)\b")
# Any verb after it, a past tense or an auxiliary ("Villanueva accepted", "Whitfield will lead"),
# only where a sure sign of a person's name came before the surname (follows_name_sign): title
# case ("Discover Seoul Pass") makes a place look like a surname, and "Seoul hosted" is a city.
ACTION_AFTER = re.compile(r"\s+(?:[a-z]{2,}ed|will|would|has|had|also)\b")
# Capitalized words that may come right before a place name inside a sentence (title case,
# "Mayors From Paris And Rome"): any other capitalized word there makes the name a surname
# ("Mahesh Pakala", "Anne Hidalgo").
EN_FUNCTION_WORDS = frozenset("""
in at from to of and or with for by on the a an as into near between visit visits visited
welcome welcomes meets hosts signs joins greater metro central
""".split())
# Given names (given_names.txt) that are also towns are read as the town only if larger than this,
# or when the word after them is one that follows a place's name: "Austin" (a city of 900,000)
# or "Lincoln City Council" stay places, "Chester Brown" and "Clifton Jones" are people.
GIVEN_NAME_MAX_POPULATION = 500_000
PLACE_HEAD_WORDS = frozenset("""
city county council councils mayor mayors township borough town province state region area
metropolitan municipal municipality government district prefecture airport station port harbour
harbor bay river delegation people's residents
""".split())
# Vietnamese titles before a person's name: "Thị trưởng Nagano Hiroshi" (mayor), "Đại sứ ..."
# (ambassador). A place right after one and followed by exactly one more capitalized word is the
# person's family name; a place followed by a whole name is the office's place ("Thị trưởng
# Seoul Oh Se-hoon").
VI_TITLE = re.compile(r"(?:\b[Tt]hị trưởng|\b[Tt]hống đốc|\b[Tt]ỉnh trưởng|\b[Đđ]ại sứ|"
                      r"\b[Ll]ãnh sự|\b[Cc]hủ tịch|\b[Bb]í thư|\b[Gg]iám đốc|\b[Nn]gài|"
                      r"\b[Bb]ộ trưởng|\b[Tt]hủ tướng|\b[Tt]ổng thống|\b[Nn]ghị sĩ|\b[Gg]iáo sư|"
                      r"\b[Tt]iến sĩ)\s+$")
# A title or form of address right before a match ("Mayor ", "Dr. ").
TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(EN_TITLES | EN_HONORIFICS))}) $",
                          re.IGNORECASE)
# Capitalized words (a name's parts) right after a match, for the person-name rules.
CAPITALIZED_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")
# A capitalized word right after a match ("Gilbert Wong", "(Adrian Whitcombe)").
NEXT_CAPITALIZED = re.compile(r" [A-Z]")
MIDDLE_INITIAL = re.compile(r"[A-Z]\.")  # a middle initial: the next word ends a person's name
SIGN_BEFORE = re.compile(r"([^\W\d_]+\.?) $")  # the word right before a match, with its dot
# A middle initial and a capitalized word right after a match: the match is a given name
# ("Ramon A. Villanueva", "Mari P. Espinosa"); "Washington D.C." has no word after its initial.
INITIAL_THEN_NAME = re.compile(r" [A-Z]\. [A-Z][a-z]")


def _capitalized_after(text: str, end: int) -> list[str]:
    """The capitalized words right after a match, one space apart ("Brown" in "Chester Brown,")."""
    words = []
    for m in CAPITALIZED_WORD.finditer(text, end):
        if m.start() != end or not m.group(1)[0].isupper():
            break
        words.append(m.group(1))
        end = m.end()
    return words


def _is_name_word(token: str) -> bool:
    """A word in a name's case: a capital, then lower-case letters only."""
    return token.isalpha() and token[0].isupper() and token[1:].islower()


def begins_a_name(text: str, start: int, end: int, lang: str, given_names: set[str],
                  populations: Iterable[int]) -> bool:
    """Whether a name begins a person's name: followed by a middle initial and a name ("Ramon A.
    Villanueva"), or by exactly one capitalized word (no PLACE_HEAD_WORDS) after a Vietnamese
    title ("Thị trưởng Nagano Hiroshi") or as a one-word given name whose places (of these
    populations) are no larger than GIVEN_NAME_MAX_POPULATION ("Chester Brown")."""
    if INITIAL_THEN_NAME.match(text, end):
        return True
    words = _capitalized_after(text, end)
    if len(words) != 1 or words[0].lower() in PLACE_HEAD_WORDS:
        return False
    if lang == "vi" and VI_TITLE.search(text[max(0, start - PREFIX_WINDOW):start]):
        return True
    surface = text[start:end]
    return " " not in surface and fold(surface) in given_names and max(populations) <= GIVEN_NAME_MAX_POPULATION


def repeats_surname(text: str, start: int, end: int, surnames: dict[str, bool]) -> bool:
    """Whether a match is a surname the article used, after a title ("Mayor Villanueva") or
    saying something ("Ogawa said"), or, after a sure sign of a name, doing something
    ("Villanueva accepted"); surnames maps each to whether such a sign came before it."""
    sure = surnames.get(fold(text[start:end]))
    if sure is None:
        return False
    if TITLE_BEFORE.search(text, max(0, start - PREFIX_WINDOW), start) or SPEECH_AFTER.match(text, end):
        return True
    return sure and ACTION_AFTER.match(text, end) is not None


def follows_name_sign(text: str, start: int, given_names: set[str]) -> bool:
    """Whether the word before a match is a sure sign of a person's name: a form of address, a
    middle initial or a known given name ("Dr Preston", "Ramon A. Villanueva", "Maria Lincoln")."""
    found = SIGN_BEFORE.search(text, max(0, start - NAME_WINDOW), start)
    word = found.group(1) if found else ""
    return bool(word) and (word.lower() in EN_HONORIFICS or bool(MIDDLE_INITIAL.fullmatch(word))
                           or fold(word.rstrip(".")) in given_names)


def is_surname(text: str, start: int, end: int) -> bool:
    """A one-word capitalized Latin match that ends a person's name ("Takashi Ogawa")."""
    surface = text[start:end]
    return (" " not in surface and surface[0].isupper() and not is_hangul(surface[0])
            and inside_latin_person_name(text, start, end))


def inside_vi_person_name(text: str, start: int, one_word: bool) -> bool:
    """Whether a match continues a Vietnamese person's name: it follows an honorific ("ông
    Vinh"), a run of capitalized words holding a family or middle name ("Nguyễn Thanh Hải"),
    or, for a one-word match, a capitalized word that does not begin a sentence ("Quang Vinh")."""
    before = text[max(0, start - NAME_WINDOW):start]
    if not before.endswith(" ") or VI_PREFIX.search(before):
        return False
    tokens = before.split()
    if not tokens or not tokens[-1][-1].isalpha():
        return False
    if tokens[-1].lower() in VI_HONORIFICS:
        return True
    run = []
    for token in reversed(tokens):
        if not _is_name_word(token):
            break
        run.append(token)
    if any(t.lower() in VI_NAME_WORDS for t in run):
        return True
    inside_sentence = len(tokens) > len(run) and tokens[-len(run) - 1][-1].isalpha()
    return one_word and bool(run) and inside_sentence


def inside_latin_person_name(text: str, start: int, end: int) -> bool:
    """Whether a one-word match in Latin script is part of a person's name: it follows a
    capitalized word inside a sentence ("Mahesh Pakala", "Anne Hidalgo", "Venture Southland"),
    or a title or an opening bracket and is followed by a capitalized word ("Mayor Gilbert
    Wong", "(Adrian Whitcombe)")."""
    if text[start - 1:start] == "(":
        return bool(NEXT_CAPITALIZED.match(text[end:end + 2]))
    before = text[max(0, start - NAME_WINDOW):start]
    if not before.endswith(" "):
        return False
    tokens = re.findall(r"[^\W\d_]+\.?|\S", before)
    if not tokens:
        return False
    prev = tokens[-1]
    if prev.lower() in EN_HONORIFICS or MIDDLE_INITIAL.fullmatch(prev):  # "Ramon A. Villanueva"
        return True
    if prev.lower() in EN_TITLES:
        return bool(NEXT_CAPITALIZED.match(text[end:end + 2]))
    if not _is_name_word(prev):
        return False
    if prev.lower() in EN_FUNCTION_WORDS or len(tokens) < 2:
        return False
    return tokens[-2] not in ".!?:;\"”"


def after_vi_name_word(text: str, start: int) -> bool:
    """Whether a Latin match in a non-Vietnamese article continues a Vietnamese person's name:
    the capitalized words right before it hold a common family or middle name ("레 꽝
    민(Lê Quang Minh)", "Chairman Le Quang Minh")."""
    for token in reversed(NAME_PARTS.split(text[max(0, start - NAME_WINDOW):start])[:-1]):
        if not _is_name_word(token):
            return False
        if fold(token) in VI_NAME_FOLDS:
            return True
    return False
