"""Assemble event mentions from triggers and attach each sentence's facts to the right mention.

1. Seed: in each sentence the strongest trigger type (and any other as strong as STRONG_WEIGHT)
   starts or continues a mention of that type; a continuation must agree on the date, so last
   year's forum stays apart from this one. A standing tie ("sister cities", "kết nghĩa") makes
   an agreement only when the sentence dates it (a year, an anniversary).
2. Attach: sentences without a trigger belong to the mentions of the last seeded sentence
   (the lead paragraph's facts flow to the event it introduces; earlier sentences wait for it).
3. Date: a mention takes the first date of its anchor sentence that does not open a period
   ("since 2012"), and a more precise compatible date from the sentences it owns.
4. Absorb: talks during a visit are the visit; delegations attending a forum are the forum.
5. Fill: each mention takes the places, countries, organizations, people, themes and counts of
   the sentences it owns, with the sentence index as provenance; location and hosts come from
   the words around the places (in, tại, 에서; a delegation from X; visited Y).
Dates are worked out in event_dates, places' roles and locations in event_places.
"""
from __future__ import annotations

from cityties.document import DateRef, Document, Mention, SlotValue, Span, TriggerRef
from cityties.stages.event_dates import (CONTEXT_TYPES, MULTI_DAY_TYPES, TIE, context_of, cue_spans, date_for,
                                         inherit_context, overlaps, refine_dates, same_trip, tie_dates,
                                         usable_dates)
from cityties.stages.event_places import ATTACHED_CONFIDENCE, colocate, locate, place_roles

# Prizes go to someone: one is reported per recipient (memberships often list many cities at once).
PER_RECIPIENT = frozenset({"award"})
# A trigger must weigh at least this to start an event; weaker ones ("cooperation") only add
# confidence to an event already started. 0.6 sits between the lexicons' weak (~0.5) and
# strong (>= 0.7) trigger weights.
SEED_WEIGHT = 0.6
# A sentence reports a second event type only with a trigger this strong ("signed an MOU"
# beside "visit"); weaker ones there describe the first event ("talks" during a visit).
STRONG_WEIGHT = 0.95
# Weight of an agreement made from a dated tie: strong, as the year is stated.
TIE_WEIGHT = 0.9
# How many cities, countries or organizations take part is said of gatherings and networks; a
# visit or a signing is between two sides, so such a figure there describes something else
# ("the merger of 3 localities", "16 partner cities so far"); talks may be held with several
# cities at once. Delegates and businesses count anywhere.
GATHERING_TYPES = frozenset({"forum", "membership", "meeting"})
PEOPLE_COUNTS = frozenset({"delegates", "businesses"})
# A sentence naming this many cooperation fields is a list of them even without a cue word; two
# are often just description ("waste and air quality"). Chosen on the samples and dev pages.
THEME_LIST = 3


def _combine(p: float, q: float) -> float:
    """Noisy-or of two pieces of evidence."""
    return 1 - (1 - p) * (1 - q)


def _seed_types(doc: Document) -> dict[int, dict[str, TriggerRef]]:
    """Sentence -> {event type: its strongest trigger} of the types that start an event there (step 1)."""
    raw: dict[int, dict[str, TriggerRef]] = {}
    for trig in doc.triggers:
        by_type = raw.setdefault(trig.sentence, {})
        if trig.type not in by_type or trig.weight > by_type[trig.type].weight:
            by_type[trig.type] = trig
    seeds: dict[int, dict[str, TriggerRef]] = {}
    for sent, by_type in raw.items():
        ranked = sorted((t for t in by_type.values() if t.type != TIE and t.weight >= SEED_WEIGHT),
                        key=lambda t: -t.weight)
        seeds[sent] = {t.type: t for i, t in enumerate(ranked) if i == 0 or t.weight >= STRONG_WEIGHT}
    return seeds


def _other_recipients(m: Mention, sent: int, recipients: dict[int, frozenset[int]]) -> bool:
    """Whether a sentence names places and shares none with the sentences reporting the mention."""
    here = recipients.get(sent, frozenset())
    before = frozenset().union(*(recipients.get(s, frozenset()) for s in m.seeds))
    return bool(here) and bool(before) and not (here & before)


def _find_or_start(mentions: list[Mention], etype: str, sent: int, weight: float,
                   when: tuple[str | None, str | None], planned: bool,
                   recipients: dict[int, frozenset[int]]) -> Mention:
    m = _continue_or_start(mentions, etype, sent, weight, when, planned, recipients)
    if sent not in m.seeds:
        m.seeds.append(sent)
    return m


def _continue_or_start(mentions: list[Mention], etype: str, sent: int, weight: float,
                       when: tuple[str | None, str | None], planned: bool,
                       recipients: dict[int, frozenset[int]]) -> Mention:
    """The mention a seed continues (same type, compatible date), else a new one. Prizes and
    memberships go to someone: one naming other places than an earlier one is another event
    (two cities honoured at one ceremony)."""
    for m in reversed(mentions):
        if m.from_tie or (etype in PER_RECIPIENT and m.type == etype and _other_recipients(m, sent, recipients)):
            continue  # a founding told as background is never the date of a signing reported now
        if m.type == etype and etype in MULTI_DAY_TYPES and same_trip((m.start, m.end), when):
            m.confidence = _combine(m.confidence, weight)
            m.start, m.end = min(m.start, when[0]), max(m.end or m.start, when[1] or when[0])
            return m
        if m.type == etype and overlaps((m.start, m.end), when):
            m.confidence = _combine(m.confidence, weight)
            if when[0] and (not m.start or (len(when[0]) > len(m.start) and when[0].startswith(m.start))):
                # a day or month said later makes "2019" precise; a second day then is a second event
                m.start, m.end, m.date_sentence = when[0], when[1], sent
            return m
    m = Mention(type=etype, sentence=sent, confidence=weight, start=when[0], end=when[1],
                planned=planned, date_sentence=sent if when[0] else None)
    mentions.append(m)
    return m


def _tie_agreement(mentions: list[Mention], sent: int, when: tuple[str, str]) -> Mention:
    """The agreement a dated tie stands for: its own event (an earlier founding, a planned one),
    never the date of another agreement the article reports; one per year."""
    m = next((o for o in mentions if o.from_tie and (o.start, o.end) == when), None)
    if m is None:
        m = Mention(type="agreement", sentence=sent, confidence=TIE_WEIGHT, start=when[0], end=when[1],
                    date_sentence=sent, from_tie=True)
        mentions.append(m)
    else:
        m.confidence = _combine(m.confidence, TIE_WEIGHT)
    if sent not in m.seeds:
        m.seeds.append(sent)
    return m


def _background(m: Mention, doc: Document) -> bool:
    """An earlier event told as background: a dated tie, or one dated only by a year before the
    article's ("they became sister cities in 1994"; "his first visit, in 2019")."""
    if m.from_tie:
        return True
    year = doc.published.year if doc.published else None
    return bool(m.start and len(m.start) == 4 and year and int(m.start) < year)


def _owners(doc: Document, usable: dict[int, list[DateRef]]) -> tuple[list[Mention], dict[int, list[Mention]]]:
    """Steps 1-2: mentions, and for each sentence the mentions it speaks about."""
    seeds = _seed_types(doc)
    ties = tie_dates(doc)
    weak = {}
    for trig in doc.triggers:
        if trig.type != TIE and trig.weight < SEED_WEIGHT:
            weak.setdefault(trig.sentence, {})[trig.type] = trig.weight
    recipients: dict[int, frozenset[int]] = {}
    for p in doc.places:
        recipients[p.sentence] = recipients.get(p.sentence, frozenset()) | {p.geonameid}
    mentions: list[Mention] = []
    owners: dict[int, list[Mention]] = {}
    waiting: list[int] = []
    current: list[Mention] = []
    for i in range(len(doc.sentences)):
        found = []
        for etype, trig in seeds.get(i, {}).items():
            start, end, planned = date_for(trig, usable.get(i, []))
            m = _find_or_start(mentions, etype, i, trig.weight, (start, end), planned, recipients)
            m.trigger_span = m.trigger_span or trig.span
            found.append(m)
        if i in ties and not any(m.type == "agreement" and (m.start, m.end) == ties[i] for m in found):
            tie = _tie_agreement(mentions, i, ties[i])
            tie.trigger_span = tie.trigger_span or next(t.span for t in doc.triggers if t.sentence == i and t.type == TIE)
            found.append(tie)
        if found:
            if not all(_background(m, doc) for m in found) or not current:
                current = found  # a background event keeps to its own sentences
            for j in waiting:
                owners[j] = current
            waiting = []
            owners[i] = found
        elif current:
            owners[i] = current
        if current:
            for t, w in weak.get(i, {}).items():
                for m in current:
                    if m.type == t:
                        m.confidence = _combine(m.confidence, w)
        else:
            waiting.append(i)
    return mentions, owners


def _link(mentions: list[Mention], contexts: dict[int, Mention]) -> None:
    """Mark each event held within a visit or forum of the same article (a signing during a trip,
    talks on a forum's side): two events, linked, never merged."""
    index = {id(o): i for i, o in enumerate(mentions)}
    for m in mentions:
        if m.type in CONTEXT_TYPES:
            continue
        host = contexts.get(id(m)) or next(
            (o for o in mentions if o.type in CONTEXT_TYPES and o.start and m.start and len(m.start) == 10
             and overlaps((m.start, m.end), (o.start, o.end))), None)
        if host is not None and id(host) in index:  # a host absorbed into another event is gone
            m.during = index[id(host)]


def _absorb(mentions: list[Mention], owners: dict[int, list[Mention]]) -> list[Mention]:
    """Step 4: meetings that are a visit's talks become the visit, and visits that are a forum's
    delegations become the forum; the sentences they owned go to the event that absorbed them."""
    def during(m: Mention, etype: str, among: list[Mention]) -> Mention | None:
        return next((o for o in among if o.type == etype and overlaps((m.start, m.end), (o.start, o.end))), None)

    into: dict[int, Mention] = {}
    forums = [o for o in mentions if o.type == "forum"]
    for m in mentions:
        forum = during(m, "forum", forums) if m.type == "visit" else None
        if forum is not None and (not m.start or any(o.start for o in forums)):
            into[id(m)] = forum
    visits = [o for o in mentions if o.type == "visit" and id(o) not in into]
    for m in mentions:
        visit = during(m, "visit", visits) if m.type == "meeting" else None
        # a dated meeting must fall in a dated visit: a video call is no part of a trip to come
        if visit is not None and (not m.start or visit.start):
            into[id(m)] = visit
    for sent, ms in owners.items():
        kept: list[Mention] = []
        for m in ms:
            target = into.get(id(m), m)
            if all(target is not k for k in kept):
                kept.append(target)
        owners[sent] = kept
    return [m for m in mentions if id(m) not in into]


def _identity(value: object) -> object:
    return getattr(value, "geonameid", None) or getattr(value, "name", None) or value


def _add(values: list[SlotValue], value: object, sent: int, confidence: float, span: Span | None = None) -> None:
    """Append a value unless the slot already holds the same place, person or literal."""
    key = _identity(value)
    if all(_identity(v.value) != key for v in values):
        values.append(SlotValue(value, sent, confidence, span))


def _theme_sentences(doc: Document) -> set[int]:
    """Sentences that speak of cooperation fields: a field cue, or a list of THEME_LIST themes
    (the sentences reporting an agreement count too: what it is signed on is its fields)."""
    per_sentence: dict[int, set[str]] = {}
    for ref in doc.themes:
        per_sentence.setdefault(ref.sentence, set()).add(ref.theme)
    cued = {doc.sentence_of(start) for start, _ in cue_spans(doc, "field")}
    return {s for s, themes in per_sentence.items() if len(themes) >= THEME_LIST or s in cued}


def _theme_owners(ms: list[Mention]) -> list[Mention]:
    """Fields of cooperation in a sentence shared by several events are what an agreement among
    them covers ("the MOU covers trade and tourism" beside the visit that brought it)."""
    agreements = [m for m in ms if m.type == "agreement"]
    return agreements if len(ms) > 1 and agreements else ms


def _fill(doc: Document, mentions: list[Mention], owners: dict[int, list[Mention]]) -> None:
    """Step 5: copy each sentence's facts onto the mentions that own it."""
    anchors = {id(m): m.sentence for m in mentions}
    for ref in doc.places:
        for m in owners.get(ref.sentence, []):
            conf = 1.0 if ref.sentence == anchors[id(m)] else ATTACHED_CONFIDENCE
            _add(m.places, ref, ref.sentence, conf * ref.confidence, ref.span)
            _add(m.countries, ref.country, ref.sentence, conf, ref.span)
    for ref in doc.countries:
        for m in owners.get(ref.sentence, []):
            _add(m.countries, ref.code, ref.sentence, ATTACHED_CONFIDENCE, ref.span)
    for ref in doc.organizations:
        for m in owners.get(ref.sentence, []):
            _add(m.organizations, ref.name, ref.sentence, ATTACHED_CONFIDENCE, ref.span)
    places_by_name = {p.name: p for p in doc.places}
    for ref in doc.people:
        home = places_by_name.get(ref.of or "")
        for m in owners.get(ref.sentence, []):
            _add(m.people, ref, ref.sentence, ref.confidence, ref.span)
            if home is not None:  # the mayor of X taking part brings X in
                _add(m.places, home, ref.sentence, ATTACHED_CONFIDENCE * ref.confidence, ref.span)
                _add(m.countries, home.country, ref.sentence, ATTACHED_CONFIDENCE)
    theme_sentences = _theme_sentences(doc) | {s for m in mentions if m.type == "agreement" for s in m.seeds}
    for ref in doc.themes:
        if ref.sentence in theme_sentences:
            for m in _theme_owners(owners.get(ref.sentence, [])):
                _add(m.themes, ref.theme, ref.sentence, ATTACHED_CONFIDENCE, ref.span)
    for ref in doc.counts:
        for m in owners.get(ref.sentence, []):
            if ref.key in PEOPLE_COUNTS or m.type in GATHERING_TYPES:
                m.counts.setdefault(ref.key, SlotValue(ref.value, ref.sentence, ATTACHED_CONFIDENCE, ref.span))
    roles = place_roles(doc)
    owned: dict[int, set[int]] = {}
    for sent, ms in owners.items():
        for m in ms:
            owned.setdefault(id(m), set()).add(sent)
    for m in mentions:
        locate(doc, m, owned.get(id(m), set()), roles)
        if m.name is None:
            m.name = next((t.name for t in doc.triggers if t.sentence == m.sentence and t.type == m.type
                           and t.name), None)
    colocate(mentions)
    for m in mentions:
        m.date_span = next((d.span for d in doc.dates if d.sentence == m.date_sentence and d.start == m.start), None)


def run(doc: Document) -> Document:
    usable = usable_dates(doc)
    mentions, owners = _owners(doc, usable)
    refine_dates(mentions, owners, usable)
    contexts = inherit_context(mentions)
    mentions = _absorb(mentions, owners)
    _fill(doc, mentions, owners)
    for m in mentions:
        bilateral = m.type in ("agreement", "meeting") and not m.places
        host = contexts.get(id(m)) or (context_of(m, mentions) if bilateral else None)
        if host is not None and not m.places:  # "the two cities", "hai bên" are the visit's
            for slot in host.places:
                _add(m.places, slot.value, slot.sentence, slot.confidence * ATTACHED_CONFIDENCE, slot.span)
            for slot in host.countries:
                _add(m.countries, slot.value, slot.sentence, slot.confidence * ATTACHED_CONFIDENCE, slot.span)
    doc.mentions = [m for m in mentions if m.start or m.places or m.location]
    _link(doc.mentions, contexts)
    return doc
