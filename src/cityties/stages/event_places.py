"""Where an event mention happened: the role words around places (in, tại, 에서; a delegation
from X; visited Y), the location and hosts they give, and events held where their occasion was."""
from __future__ import annotations

import re
from dataclasses import replace

from cityties.document import Document, Mention, SlotValue
from cityties.stages.event_dates import overlaps
from cityties.stages.lexmatch import find, lexicon_matcher

# Confidence of a slot value found outside the mention's anchor sentences, against 1.0 inside:
# facts in following sentences are usually right but less certain.
ATTACHED_CONFIDENCE = 0.7
# How far (characters) a role word may stand from the place it governs: "đoàn công tác thành
# phố Kyoto" puts 10 characters between them; 30 leaves room for a title, not a clause.
ROLE_REACH = 30
# A role word written after the place (Korean 에서, 대표단) must follow it closely: only spaces
# or the place's own suffix (서울시 대표단, 박닌성 대표단) between them, so "서울시장의 방문" is no visit to Seoul.
ROLE_REACH_BEFORE = 3
ROLE_GAP_BEFORE = re.compile(r"[\s시도성주군현]*")
# Event types that happen somewhere; awards and memberships are often announced without a place.
LOCATED_TYPES = frozenset({"forum", "visit", "meeting", "agreement"})


def place_roles(doc: Document) -> dict[int, str]:
    """id(place) -> location | origin | destination, from the role words next to it, or named
    when it is part of a gathering's or prize's proper name."""
    lang = doc.language or "en"
    cues = [(m.start, m.end, m.payload[0]) for m in find(lexicon_matcher(lang, "place_roles"), doc.text, lang)]
    starts = sorted([p.span.start for p in doc.places] + [c.span.start for c in doc.countries])
    names: dict[int, list] = {}
    for t in doc.triggers:
        if t.name:
            names.setdefault(t.sentence, []).append(t)
    roles: dict[int, str] = {}
    for place in doc.places:
        best = None
        for start, end, row in cues:
            role, side = row[1], row[2] if len(row) > 2 else "after"
            if side == "after" and 0 <= place.span.start - end <= ROLE_REACH:
                between = doc.text[end:place.span.start]
                if any(end <= s < place.span.start for s in starts) or any(c in between for c in ".;\n"):
                    continue
                distance = place.span.start - end
            elif side == "before" and 0 <= start - place.span.end <= ROLE_REACH_BEFORE \
                    and ROLE_GAP_BEFORE.fullmatch(doc.text[place.span.end:start]):
                distance = start - place.span.end
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, role)
        if best:
            roles[id(place)] = best[1]
        elif any(t.name and place.surface in t.name for t in names.get(place.sentence, [])):
            roles[id(place)] = "named"  # part of a gathering's or prize's proper name
    return roles


def locate(doc: Document, m: Mention, owned: set[int], roles: dict[int, str]) -> None:
    """Location and hosts from the places' roles, looking first at the sentences that report the
    event, then at the rest it owns; a visit happens where its delegation went. An award or a
    membership is only located by an explicit word (in, tại, 에서); a tie's founding is not located."""
    if m.from_tie:  # the place beside a founding year or an anniversary is where it is celebrated
        return
    refs = [p for p in doc.places if p.sentence in owned]
    if m.type == "visit":
        order = ["destination", "location", "", "named"]
    elif m.type == "forum":  # "the Kaohsiung Smart City Mayors' Forum" is held in Kaohsiung
        order = ["location", "named", "destination", ""]
    elif m.type in LOCATED_TYPES:
        order = ["location", "destination", "", "named"]
    else:
        order = ["location"]
    for tier in ([p for p in refs if p.sentence in m.seeds], refs):
        for role in order:
            candidates = [p for p in tier if roles.get(id(p), "") == role]
            best = next((p for p in candidates if p.kind == "city"), candidates[0] if candidates else None)
            if best is not None:
                confidence = (1.0 if best.sentence in m.seeds else ATTACHED_CONFIDENCE) * (1.0 if role else 0.5)
                m.location = SlotValue(best, best.sentence, confidence, best.span)
                m.hosts = [SlotValue(best, best.sentence, confidence, best.span)]
                return


def colocate(mentions: list[Mention]) -> None:
    """An event without an explicit place, held during a dated visit or forum, was held where
    that visit or forum was (talks and signings during a trip, a prize handed at a congress)."""
    for m in mentions:
        if m.type in ("visit", "forum") or not m.start or m.from_tie:
            continue
        if m.location is not None and m.location.confidence >= 1.0:
            continue
        host = next((o for o in mentions if o.type in ("visit", "forum") and o.location and o.start
                     and overlaps((m.start, m.end), (o.start, o.end))), None)
        if host is not None:
            m.location = replace(host.location)
            m.hosts = [replace(host.location)]
