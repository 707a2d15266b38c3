"""Whether a match is part of an organization's name ("Kyoto University", "University of Seoul")
or of a name joined by a hyphen ("Hewlett-Packard"); a hotel or venue stands in its city."""
from __future__ import annotations

import re

from cityties.gazetteer.index import Index
from cityties.gazetteer.wording import NAME_WINDOW

# Words after a one-word place that make it part of an organization's name ("Kyoto University",
# "Busan Bank", "London School of Economics"), up to ORG_NAME_WORDS capitalized words
# away ("Seoul National University"). Hotels and venues are left out: they stand in their city.
ORG_HEADS = ("University|College|Institute|School|Academy|Polytechnic|Networks|Inc|Incorporated|"
             "Corp|Corporation|Company|Ltd|Limited|LLC|PLC|Group|Holdings|Bank|Airlines|Airways|"
             "Motors|Electronics|Technologies|Systems|FC|Times|Post|Herald|Tribune|Gazette")
ORG_NAME_WORDS = 3
ORG_AFTER = re.compile(rf"(?:\s+[A-Z][\w'’.&-]*){{0,{ORG_NAME_WORDS}}}?\s+(?:{ORG_HEADS})\b")
# ... and words before it that do the same: "University of Seoul", and the campus after a
# university system ("Texas State University, Round Rock", "University of Texas, Austin").
ORG_BEFORE = re.compile(r"(?:\b(?:University|College|Institute|School|Academy|Bank) of (?:the )?|"
                        r"\b(?:State University|University of(?: [A-Z][\w'’-]*){1,3}),\s*)$")
# Characters before a match searched for ORG_BEFORE ("University of Texas, " and a longer name).
ORG_WINDOW = 60
# A place joined by a hyphen to a capitalized word that begins or ends no place name is part of
# a compound name ("Astor-Windsor", "Hewlett-Packard"); "Hanoi-Lao Cai" names two places.
HYPHEN_BEFORE = re.compile(r"\b[A-Z][\w'’]*-$")
HYPHEN_AFTER = re.compile(r"-[A-Z]")


def inside_org_name(index: Index, text: str, start: int, end: int) -> bool:
    """Whether a capitalized match is part of an organization's or a hyphenated name."""
    if ORG_AFTER.match(text, end) or ORG_BEFORE.search(text[max(0, start - ORG_WINDOW):start]):
        return True
    if HYPHEN_BEFORE.search(text[max(0, start - NAME_WINDOW):start]) and not any(
            e == start - 1 for _, e in index.names_in(text, start - 1 - NAME_WINDOW, start - 1)):
        return True
    return bool(HYPHEN_AFTER.match(text, end)) and not any(
        s == end + 1 for s, _ in index.names_in(text, end + 1, end + 1 + NAME_WINDOW))
