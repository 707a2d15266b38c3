"""Assemble event mentions from triggers and attach each sentence's facts to the right mention.

1. Seed: a sentence with a trigger of weight >= SEED_WEIGHT starts or continues a mention of that
   type; a continuation must agree on the date, so last year's forum stays apart from this one.
2. Attach: sentences without a trigger belong to the mentions of the last seeded sentence
   (the lead paragraph's facts flow to the event it introduces; earlier sentences wait for it).
3. Fill: each mention takes the dates, places, countries, organizations, people, themes and
   counts of the sentences it owns, with the sentence index as provenance.
"""
from __future__ import annotations

from functools import lru_cache

from cityties.document import DateRef, Document, Mention, PlaceRef, SlotValue
from cityties.lexicon import table
from cityties.textmatch import fold

# A trigger must weigh at least this to start an event; weaker ones ("cooperation") only add
# confidence to an event already started. 0.6 sits between the lexicons' weak (~0.5) and
# strong (>= 0.7) trigger weights.
SEED_WEIGHT = 0.6
# Confidence of a slot value found outside the mention's anchor sentences, against 1.0 inside:
# facts in following sentences are usually right but less certain.
ATTACHED_CONFIDENCE = 0.7
# How far (in characters) a locative word may stand before a place it governs ("tại thủ đô X").
LOCATIVE_REACH = 12


def _overlaps(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two (start, end) ISO ranges, possibly partial, can be the same time."""
    if not a[0] or not b[0]:
        return True
    a_end, b_end = a[1] or a[0], b[1] or b[0]
    n = min(len(a[0]), len(b[0]), len(a_end), len(b_end))
    return a[0][:n] <= b_end[:n] and b[0][:n] <= a_end[:n]


def _combine(p: float, q: float) -> float:
    """Noisy-or of two pieces of evidence."""
    return 1 - (1 - p) * (1 - q)


def _seed_types(doc: Document) -> dict[int, dict[str, float]]:
    seeds: dict[int, dict[str, float]] = {}
    for trig in doc.triggers:
        by_type = seeds.setdefault(trig.sentence, {})
        by_type[trig.type] = max(by_type.get(trig.type, 0.0), trig.weight)
    return seeds


def _first_date(dates: list[DateRef]) -> tuple[str | None, str | None]:
    return (dates[0].start, dates[0].end) if dates else (None, None)


def _find_or_start(mentions: list[Mention], etype: str, sent: int, weight: float,
                   when: tuple[str | None, str | None], planned: bool) -> Mention:
    for m in reversed(mentions):
        if m.type == etype and _overlaps((m.start, m.end), when):
            m.confidence = _combine(m.confidence, weight)
            if not m.start and when[0]:
                m.start, m.end, m.date_sentence = when[0], when[1], sent
            return m
    m = Mention(type=etype, sentence=sent, confidence=weight, start=when[0], end=when[1],
                planned=planned, date_sentence=sent if when[0] else None)
    mentions.append(m)
    return m


def _owners(doc: Document) -> tuple[list[Mention], dict[int, list[Mention]]]:
    """Steps 1-2: mentions, and for each sentence the mentions it speaks about."""
    seeds = _seed_types(doc)
    dates_by_sentence: dict[int, list[DateRef]] = {}
    for d in doc.dates:
        dates_by_sentence.setdefault(d.sentence, []).append(d)
    mentions: list[Mention] = []
    owners: dict[int, list[Mention]] = {}
    waiting: list[int] = []
    current: list[Mention] = []
    for i in range(len(doc.sentences)):
        strong = {t: w for t, w in seeds.get(i, {}).items() if w >= SEED_WEIGHT}
        if strong:
            dates = dates_by_sentence.get(i, [])
            when = _first_date(dates)
            planned = any(d.planned for d in dates)
            current = [_find_or_start(mentions, t, i, w, when, planned) for t, w in strong.items()]
            for j in waiting:
                owners[j] = current
            waiting = []
        if current:
            owners[i] = current
            for t, w in seeds.get(i, {}).items():
                for m in current:
                    if m.type == t and w < SEED_WEIGHT:
                        m.confidence = _combine(m.confidence, w)
        else:
            waiting.append(i)
    return mentions, owners


@lru_cache(maxsize=None)
def _locatives(lang: str) -> tuple[tuple[str, str], ...]:
    return tuple((fold(row[0]), row[1]) for row in table(lang, "locatives") if len(row) >= 2)


def _is_located(doc: Document, place: PlaceRef, folded: str) -> bool:
    """Whether a locative word governs the place ("tại Seoul", "in Seoul", "서울에서")."""
    for cue, position in _locatives(doc.language or "en"):
        if position == "after":
            before = folded[max(0, place.span.start - LOCATIVE_REACH):place.span.start]
            words = before.split()
            if words and (" ".join(words[-len(cue.split()):]) == cue or cue in words[-3:]):
                return True
        elif folded[place.span.end:place.span.end + len(cue) + 3].lstrip("시도특별광역 ").startswith(cue):
            return True
    return False


def _identity(value: object) -> object:
    return getattr(value, "geonameid", None) or getattr(value, "name", None) or value


def _add(values: list[SlotValue], value: object, sent: int, confidence: float) -> None:
    """Append a value unless the slot already holds the same place, person or literal."""
    key = _identity(value)
    if all(_identity(v.value) != key for v in values):
        values.append(SlotValue(value, sent, confidence))


def _fill(doc: Document, mentions: list[Mention], owners: dict[int, list[Mention]]) -> None:
    """Step 3: copy each sentence's facts onto the mentions that own it."""
    folded = fold(doc.text)
    anchors = {id(m): m.sentence for m in mentions}
    for ref in doc.places:
        for m in owners.get(ref.sentence, []):
            conf = 1.0 if ref.sentence == anchors[id(m)] else ATTACHED_CONFIDENCE
            _add(m.places, ref, ref.sentence, conf * ref.confidence)
            _add(m.countries, ref.country, ref.sentence, conf)
            if m.location is None and _is_located(doc, ref, folded):
                m.location = SlotValue(ref, ref.sentence, conf)
    for ref in doc.countries:
        for m in owners.get(ref.sentence, []):
            _add(m.countries, ref.code, ref.sentence, ATTACHED_CONFIDENCE)
    for ref in doc.organizations:
        for m in owners.get(ref.sentence, []):
            _add(m.organizations, ref.name, ref.sentence, ATTACHED_CONFIDENCE)
    for ref in doc.people:
        for m in owners.get(ref.sentence, []):
            _add(m.people, ref, ref.sentence, ref.confidence)
    for ref in doc.themes:
        for m in owners.get(ref.sentence, []):
            _add(m.themes, ref.theme, ref.sentence, ATTACHED_CONFIDENCE)
    for ref in doc.counts:
        for m in owners.get(ref.sentence, []):
            m.counts.setdefault(ref.key, SlotValue(ref.value, ref.sentence, ATTACHED_CONFIDENCE))
    for d in doc.dates:
        for m in owners.get(d.sentence, []):
            if not m.start and d.start:
                m.start, m.end, m.date_sentence, m.planned = d.start, d.end, d.sentence, d.planned
    for m in mentions:
        if m.location is None and m.type in ("forum", "visit", "meeting", "agreement") and m.places:
            m.location = SlotValue(m.places[0].value, m.places[0].sentence, ATTACHED_CONFIDENCE / 2)
        if m.location is not None:
            _add(m.hosts, m.location.value, m.location.sentence, m.location.confidence)


def run(doc: Document) -> Document:
    mentions, owners = _owners(doc)
    _fill(doc, mentions, owners)
    doc.mentions = mentions
    return doc
