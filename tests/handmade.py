"""Hand-made stored events for the network and export tests: one small article per event, no extraction."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from cityties.document import Document, Mention, PlaceRef, Sentence, SlotValue, Span
from cityties.gazetteer import gazetteer
from cityties.store import Store
from cityties.store.models import Mention as MentionRow


@dataclass
class Ev:
    """An event to store: type, start date, places taking part and themes."""

    type: str
    start: str | None
    places: tuple[str, ...]
    themes: tuple[str, ...] = ()
    hosted: bool = False  # the first place hosts the event and is its location
    confidence: float = 1.0


def _ref(name: str) -> SlotValue:
    p = gazetteer().lookup(name)
    assert p is not None, name
    return SlotValue(PlaceRef(p.geonameid, p.name, p.country, p.kind, name, Span(0, 0), 0), 0)


def document(ev: Ev, n: int) -> Document:
    """An article of one sentence reporting the event, with its mention already extracted."""
    text = (f"{' and '.join(ev.places)} held a {ev.type} ({ev.start or 'undated'}) on "
            f"{', '.join(ev.themes) or 'friendship'}; report {n}.")
    places = [_ref(name) for name in ev.places]
    hosts = places[:1] if ev.hosted else []
    mention = Mention(type=ev.type, sentence=0, confidence=ev.confidence, start=ev.start, end=ev.start,
                      location=hosts[0] if hosts else None, hosts=hosts, places=places,
                      themes=[SlotValue(t, 0) for t in ev.themes])
    return Document(raw=text, source=f"handmade/{n}.txt", text=text, language="en",
                    sentences=[Sentence(0, len(text), text)], mentions=[mention])


def store_events(store: Store, *events: Ev) -> list[int]:
    """Store the events, one article each; returns their event ids in order."""
    outcomes = store.add_batch([document(ev, n) for n, ev in enumerate(events)])
    assert [o.status for o in outcomes] == ["stored"] * len(events), outcomes
    with store.session() as s:
        return [s.scalar(select(MentionRow.event_id).where(MentionRow.article_id == o.article_id))
                for o in outcomes]


def gid(name: str) -> int:
    """The GeoNames id of a place name."""
    return gazetteer().lookup(name).geonameid
