"""Whether a match is part of an organization's name ("Kyoto University", "University of Seoul",
"Khu kinh tế Nghi Sơn"), a brand's ("Aurora Airlines", "airline Aurora"), a landmark's ("Molo
Church") or a name joined by a hyphen ("Hewlett-Packard"), or is an acronym ("IMO" is not Imo
State); a hotel or venue stands in its city."""
from __future__ import annotations

import re

from cityties.gazetteer.index import Index
from cityties.gazetteer.wording import NAME_WINDOW

# Words after a one-word place that make it part of an organization's name ("Kyoto University",
# "Busan Bank", "London School of Economics"), up to ORG_NAME_WORDS capitalized words
# away ("Seoul National University"). Hotels and venues are left out: they stand in their city.
# Places of worship are named after their parish or district ("Molo Church", a district of
# Iloilo), so they are in this list too.
ORG_HEADS = ("University|College|Institute|School|Academy|Polytechnic|Networks|Inc|Incorporated|"
             "Corp|Corporation|Company|Ltd|Limited|LLC|PLC|Group|Holdings|Bank|Airlines|Airways|"
             "Motors|Electronics|Technologies|Systems|FC|Times|Post|Herald|Tribune|Gazette|"
             "Church|Cathedral|Basilica|Chapel|Temple|Pagoda|Shrine|Mosque|Abbey|Monastery")
ORG_NAME_WORDS = 3
ORG_AFTER = re.compile(rf"(?:\s+[A-Z][\w'’.&-]*){{0,{ORG_NAME_WORDS}}}?\s+(?:{ORG_HEADS})\b")
# ... and words before it that do the same: "University of Seoul", and the campus after a
# university system ("Texas State University, Round Rock", "University of Texas, Austin").
ORG_BEFORE = re.compile(r"(?:\b(?:University|College|Institute|School|Academy|Bank) of (?:the )?|"
                        r"\b(?:State University|University of(?: [A-Z][\w'’-]*){1,3}),\s*)$")
# Words right before a place that make it the name of an airline ("airline Aurora", "Air Astana",
# "hãng hàng không Aurora") or, in Vietnamese, of a body, firm, zone or site named after it
# ("Khu kinh tế Nghi Sơn" economic zone, "Sân bay Cam Ranh", "Đại học Đà Nẵng", "Công ty").
BRAND_BEFORE = re.compile(r"(?:\b(?:[Aa]irlines?|[Cc]arriers?|Air)|"
                          r"\b[Hh]ãng (?:hàng không|bay)|"
                          r"\b(?:[Kk]hu (?:kinh tế|công nghiệp|chế xuất|du lịch)|[Ss]ân bay(?: quốc tế)?|"
                          r"[Cc]ảng hàng không(?: quốc tế)?|[Đđ]ại học|[Hh]ọc viện|[Nn]gân hàng|"
                          r"[Cc]ông ty|[Tt]ập đoàn|[Nn]hà máy|[Bb]ệnh viện|[Nn]hà thờ|[Cc]hùa)) $")
# An acronym: two or more capitals (and digits); "IMO" or "AIVP" where a place is named "Imo".
ACRONYM = re.compile(r"[A-Z][A-Z0-9]+")
# A word in capitals next to it (a headline, "HANOI AND SEOUL SIGN") keeps its names as places,
# as does the start of a line (a dateline, "HANOI (VNA) -").
CAPS_WORD = re.compile(r"\W*[A-Z]{2,}\W*")
# Characters before a match searched for ORG_BEFORE ("University of Texas, " and a longer name).
ORG_WINDOW = 60
# A place joined by a hyphen to a capitalized word that begins or ends no place name is part of
# a compound name ("Astor-Windsor", "Hewlett-Packard"); "Hanoi-Lao Cai" names two places.
HYPHEN_BEFORE = re.compile(r"\b[A-Z][\w'’]*-$")
HYPHEN_AFTER = re.compile(r"-[A-Z]")


def inside_org_name(index: Index, text: str, start: int, end: int) -> bool:
    """Whether a capitalized match is part of an organization's or a hyphenated name."""
    before = text[max(0, start - ORG_WINDOW):start]
    if ORG_AFTER.match(text, end) or ORG_BEFORE.search(before) or BRAND_BEFORE.search(before):
        return True
    if HYPHEN_BEFORE.search(text[max(0, start - NAME_WINDOW):start]) and not any(
            e == start - 1 for _, e in index.names_in(text, start - 1 - NAME_WINDOW, start - 1)):
        return True
    return bool(HYPHEN_AFTER.match(text, end)) and not any(
        s == end + 1 for s, _ in index.names_in(text, end + 1, end + 1 + NAME_WINDOW))


def is_acronym(text: str, start: int, end: int, phrases: list[str]) -> bool:
    """Whether a match in capitals is an acronym rather than the place: the place is not written
    so in the data ("Imo" for "IMO"; "NYC" is), and it is neither at the start of a line (a
    dateline) nor next to another word in capitals (a headline)."""
    if not ACRONYM.fullmatch(text, start, end) or any(p.isupper() for p in phrases):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not any(c.isalnum() for c in text[line_start:start]):
        return False
    before, after = text[max(line_start, start - NAME_WINDOW):start], text[end:end + NAME_WINDOW]
    around = before.split()[-1:] + after.split()[:1]
    return not any(CAPS_WORD.fullmatch(word) for word in around)
