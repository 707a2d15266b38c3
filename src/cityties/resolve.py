"""Decide which stored event a new mention reports: block by type and date, score shared facts."""
from __future__ import annotations

from dataclasses import dataclass, field

# A mention joins an event when their shared evidence scores at least this. One shared place
# scores 1 and a shared location or person 2, so a same-type, same-date report needs the same
# location or a named person in common, or two shared places: a lone shared city (Seoul hosts
# many things on one day) is not enough.
MERGE_SCORE = 2.0
LOCATION_WEIGHT = 2.0
PERSON_WEIGHT = 2.0
PLACE_WEIGHT = 1.0
ORGANIZATION_WEIGHT = 1.0


@dataclass
class Summary:
    """What resolution compares: the keys of an event's or a mention's facts."""

    type: str
    start: str | None
    end: str | None
    location: str | None = None
    places: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    organizations: set[str] = field(default_factory=set)


def dates_compatible(a: Summary, b: Summary) -> bool:
    """Both dated, at the precision both share, and overlapping."""
    if not a.start or not b.start:
        return False
    a_end, b_end = a.end or a.start, b.end or b.start
    n = min(len(a.start), len(b.start), len(a_end), len(b_end))
    if n < 7:  # a bare year is too coarse to call two reports one event
        return False
    return a.start[:n] <= b_end[:n] and b.start[:n] <= a_end[:n]


def score(a: Summary, b: Summary) -> float:
    """Evidence that two summaries describe one event (0 when blocked apart)."""
    if a.type != b.type or not dates_compatible(a, b):
        return 0.0
    total = PLACE_WEIGHT * len(a.places & b.places)
    total += PERSON_WEIGHT * len(a.people & b.people)
    total += ORGANIZATION_WEIGHT * len(a.organizations & b.organizations)
    if a.location and a.location == b.location:
        total += LOCATION_WEIGHT
    return total


def best_match(mention: Summary, candidates: dict[int, Summary]) -> int | None:
    """The id of the candidate event the mention belongs to, if any clears MERGE_SCORE."""
    scored = sorted(((score(mention, s), -eid) for eid, s in candidates.items()), reverse=True)
    if scored and scored[0][0] >= MERGE_SCORE:
        return -scored[0][1]
    return None
