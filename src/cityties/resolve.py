"""Decide which stored event a new mention reports: block by type and date, score shared facts."""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from cityties.document import Mention
from cityties.textmatch import fold_key

# A mention joins an event when their shared evidence scores at least this. One shared place
# scores 1 and a shared location or person 2, so a same-type, same-date report needs the same
# location or a named person in common, or two shared places: a lone shared city (Seoul hosts
# many things on one day) is not enough.
MERGE_SCORE = 2.0
LOCATION_WEIGHT = 2.0
PERSON_WEIGHT = 2.0
PLACE_WEIGHT = 1.0
ORGANIZATION_WEIGHT = 1.0
# Two spellings of one person's name (romanizations "Han Jung-woo" / "Han Jeong-woo", diacritics
# dropped) share a name part and are this similar letter for letter; different people of one
# family ("Kim Min-su" / "Kim Jin-ho") fall well under it (about 0.6).
SAME_PERSON_SIMILARITY = 0.85


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


def same_person(a: str, b: str) -> bool:
    """Whether two names (as written, any script romanized) are spellings of one person."""
    ka, kb = fold_key(a), fold_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    parts_a = {fold_key(p) for p in a.replace("-", " ").split() if len(fold_key(p)) >= 2}
    parts_b = {fold_key(p) for p in b.replace("-", " ").split() if len(fold_key(p)) >= 2}
    return bool(parts_a & parts_b) and SequenceMatcher(None, ka, kb).ratio() >= SAME_PERSON_SIMILARITY


def _shared_people(a: set[str], b: set[str]) -> int:
    return sum(1 for x in a if any(same_person(x, y) for y in b))


def score(a: Summary, b: Summary) -> float:
    """Evidence that two summaries describe one event (0 when blocked apart)."""
    if a.type != b.type or not dates_compatible(a, b):
        return 0.0
    total = PLACE_WEIGHT * len(a.places & b.places)
    total += PERSON_WEIGHT * _shared_people(a.people, b.people)
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


def mention_summary(m: Mention) -> Summary:
    """The resolution keys of an extracted mention (the same keys the store's facts hold)."""
    return Summary(
        type=m.type, start=m.start, end=m.end,
        location=str(m.location.value.geonameid) if m.location else None,
        places={str(p.value.geonameid) for p in m.places} | {str(h.value.geonameid) for h in m.hosts},
        people={p.value.name for p in m.people},
        organizations={o.value for o in m.organizations},
    )


def cluster(items: list[tuple[str, Summary]]) -> list[int]:
    """Cluster ids for (article, summary) pairs, in order, as the store would assign them
    incrementally: each joins the best earlier cluster without a mention of its own article."""
    clusters: dict[int, Summary] = {}
    articles: dict[int, set[str]] = {}
    out = []
    for article, summary in items:
        open_clusters = {cid: s for cid, s in clusters.items() if article not in articles[cid]}
        cid = best_match(summary, open_clusters)
        if cid is None:
            cid = len(clusters)
            clusters[cid] = Summary(summary.type, summary.start, summary.end, summary.location,
                                    set(summary.places), set(summary.people), set(summary.organizations))
            articles[cid] = set()
        else:
            merged = clusters[cid]
            merged.places |= summary.places
            merged.people |= summary.people
            merged.organizations |= summary.organizations
        articles[cid].add(article)
        out.append(cid)
    return out
