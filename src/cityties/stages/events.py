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
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from cityties.document import DateRef, Document, Mention, SlotValue, TriggerRef
from cityties.stages.lexmatch import find, lexicon_matcher

# A trigger must weigh at least this to start an event; weaker ones ("cooperation") only add
# confidence to an event already started. 0.6 sits between the lexicons' weak (~0.5) and
# strong (>= 0.7) trigger weights.
SEED_WEIGHT = 0.6
# A sentence reports a second event type only with a trigger this strong ("signed an MOU"
# beside "visit"); weaker ones there describe the first event ("talks" during a visit).
STRONG_WEIGHT = 0.95
# Trigger type of standing relations, which date an agreement rather than report one.
TIE = "tie"
# Weight of an agreement made from a dated tie: strong, as the year is stated.
TIE_WEIGHT = 0.9
# Confidence of a slot value found outside the mention's anchor sentences, against 1.0 inside:
# facts in following sentences are usually right but less certain.
ATTACHED_CONFIDENCE = 0.7
# How far (characters) a role word may stand from the place it governs: "đoàn công tác thành
# phố Kyoto" puts 10 characters between them; 30 leaves room for a title, not a clause.
ROLE_REACH = 30
# A role word written after the place (Korean 에서, 대표단) must follow it closely: only spaces
# or the place's own suffix (서울시 대표단) between them, so "서울시장의 방문" is no visit to Seoul.
ROLE_REACH_BEFORE = 3
ROLE_GAP_BEFORE = re.compile(r"[\s시도]*")
# Occasions that other events happen within, and how many sentences after the last report of
# one an undated event may still be part of it ("During the visit, ..." follows at once).
CONTEXT_TYPES = frozenset({"visit", "forum"})
CONTEXT_REACH = 2
# A year written in a gathering's name ("Đối thoại Hữu nghị TP HCM 2022").
NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Visits and gatherings last days: two dates of one type this close are one trip (a week covers
# the longest delegation programmes in the samples); meetings and signings are single days.
TRIP_DAYS = 7
MULTI_DAY_TYPES = frozenset({"visit", "forum"})
# Characters allowed between a "since" cue and its date (a space, a particle).
SINCE_GAP = 3
# Event types that happen somewhere; awards and memberships are often announced without a place.
LOCATED_TYPES = frozenset({"forum", "visit", "meeting", "agreement"})
# How many cities, countries or organizations take part is said of gatherings and networks; a
# visit or a signing is between two sides, so such a figure there describes something else
# ("the merger of 3 localities", "16 partner cities so far"); talks may be held with several
# cities at once. Delegates and businesses count anywhere.
GATHERING_TYPES = frozenset({"forum", "membership", "meeting"})
PEOPLE_COUNTS = frozenset({"delegates", "businesses"})
# A sentence naming this many cooperation fields is a list of them even without a cue word; two
# are often just description ("waste and air quality"). Chosen on the samples and dev pages.
THEME_LIST = 3
# An anniversary count: "kỷ niệm 20 năm", "25th anniversary", "30주년".
ANNIVERSARY_NUMBER = re.compile(r"(\d{1,3})(?:st|nd|rd|th)?")
# Characters around an anniversary cue searched for its number.
ANNIVERSARY_REACH = 16


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


def _cue_spans(doc: Document, kind: str) -> list[tuple[int, int]]:
    lang = doc.language or "en"
    return [(m.start, m.end) for m in find(lexicon_matcher(lang, "cues", kind), doc.text, lang)]


def _cued_dates(doc: Document, kind: str) -> set[int]:
    """Ids of dates a cue of this kind stands right before or after ("since 2012", "2012년부터";
    "10일 밝혔다": the day a report was given, not the day of the event)."""
    cues = _cue_spans(doc, kind)
    out = set()
    for d in doc.dates:
        for start, end in cues:
            leads = d.span.start - SINCE_GAP <= end <= d.span.end and start < d.span.start
            follows = 0 <= start - d.span.end <= SINCE_GAP
            if (leads and (end > d.span.start or not doc.text[end:d.span.start].strip())) \
                    or (follows and not doc.text[d.span.end:start].strip()):
                out.add(id(d))
    return out


def _anniversary_years(doc: Document) -> dict[int, str]:
    """Sentence -> the year an anniversary in it points back to ("kỷ niệm 20 năm" in 2024 -> 2004)."""
    base = doc.published.year if doc.published else None
    if base is None:
        years = [int(d.start[:4]) for d in doc.dates if d.start]
        base = max(years) if years else None
    out: dict[int, str] = {}
    if base is None:
        return out
    for start, end in _cue_spans(doc, "anniversary"):
        window = doc.text[max(0, start - ANNIVERSARY_REACH):end + ANNIVERSARY_REACH]
        numbers = [int(n) for n in ANNIVERSARY_NUMBER.findall(window) if 0 < int(n) < 200]
        if numbers:
            out[doc.sentence_of(start)] = str(base - numbers[0])
    return out


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


def _date_for(trig: TriggerRef, dates: list[DateRef]) -> tuple[str | None, str | None, bool]:
    """The date of the event a trigger reports: the year in its name ("Forum 2022") rules out
    other years; among the rest, the date nearest the trigger."""
    year = NAME_YEAR.search(trig.name or "")
    if year:
        dates = [d for d in dates if d.start.startswith(year.group(0))] or \
            [DateRef(year.group(0), year.group(0), year.group(0), trig.span, trig.sentence)]
    if not dates:
        return None, None, False
    best = min(dates, key=lambda d: min(abs(d.span.start - trig.span.end), abs(trig.span.start - d.span.end)))
    return best.start, best.end, best.planned


def _tie_dates(doc: Document) -> dict[int, tuple[str, str]]:
    """Sentence -> date of an agreement made from a dated tie (a year, or an anniversary): a day or
    month beside a tie is more often a later meeting of the partners than their founding."""
    tie_sentences = {t.sentence for t in doc.triggers if t.type == TIE}
    anniversaries = _anniversary_years(doc)
    out = {}
    for sent in tie_sentences:
        coarse = [d for d in doc.dates if d.sentence == sent and d.start and len(d.start) == 4]
        if sent in anniversaries:
            out[sent] = (anniversaries[sent], anniversaries[sent])
        elif coarse:
            out[sent] = (coarse[0].start, coarse[0].end or coarse[0].start)
    return out


def _same_trip(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Two days of one trip or gathering: both full dates, at most TRIP_DAYS apart."""
    if not (a[0] and b[0] and len(a[0]) == len(b[0]) == 10):
        return False
    first, second = sorted((a, b))
    gap = date.fromisoformat(second[0]) - date.fromisoformat(first[1] or first[0])
    return gap.days <= TRIP_DAYS


def _find_or_start(mentions: list[Mention], etype: str, sent: int, weight: float,
                   when: tuple[str | None, str | None], planned: bool) -> Mention:
    m = _continue_or_start(mentions, etype, sent, weight, when, planned)
    if sent not in m.seeds:
        m.seeds.append(sent)
    return m


def _continue_or_start(mentions: list[Mention], etype: str, sent: int, weight: float,
                       when: tuple[str | None, str | None], planned: bool) -> Mention:
    """The mention a seed continues (same type, compatible date), else a new one."""
    for m in reversed(mentions):
        if m.type == etype and etype in MULTI_DAY_TYPES and _same_trip((m.start, m.end), when):
            m.confidence = _combine(m.confidence, weight)
            m.start, m.end = min(m.start, when[0]), max(m.end or m.start, when[1] or when[0])
            return m
        if m.type == etype and _overlaps((m.start, m.end), when):
            m.confidence = _combine(m.confidence, weight)
            if not m.start and when[0]:
                m.start, m.end, m.date_sentence = when[0], when[1], sent
            return m
    m = Mention(type=etype, sentence=sent, confidence=weight, start=when[0], end=when[1],
                planned=planned, date_sentence=sent if when[0] else None)
    mentions.append(m)
    return m


def _usable_dates(doc: Document) -> dict[int, list[DateRef]]:
    """Sentence -> its dates that can date an event (not "since" or report dates, not empty)."""
    since = _cued_dates(doc, "since") | _cued_dates(doc, "report")
    out: dict[int, list[DateRef]] = {}
    for d in doc.dates:
        if d.start and id(d) not in since:
            out.setdefault(d.sentence, []).append(d)
    return out


def _owners(doc: Document, usable: dict[int, list[DateRef]]) -> tuple[list[Mention], dict[int, list[Mention]]]:
    """Steps 1-2: mentions, and for each sentence the mentions it speaks about."""
    seeds = _seed_types(doc)
    ties = _tie_dates(doc)
    weak = {}
    for trig in doc.triggers:
        if trig.type != TIE and trig.weight < SEED_WEIGHT:
            weak.setdefault(trig.sentence, {})[trig.type] = trig.weight
    mentions: list[Mention] = []
    owners: dict[int, list[Mention]] = {}
    waiting: list[int] = []
    current: list[Mention] = []
    for i in range(len(doc.sentences)):
        found = []
        for etype, trig in seeds.get(i, {}).items():
            start, end, planned = _date_for(trig, usable.get(i, []))
            found.append(_find_or_start(mentions, etype, i, trig.weight, (start, end), planned))
        if i in ties:
            tie = _find_or_start(mentions, "agreement", i, TIE_WEIGHT, ties[i], False)
            tie.from_tie = tie.from_tie or tie.seeds == [i]
            found.append(tie)
        if found:
            current = found
            for j in waiting:
                owners[j] = current
            waiting = []
        if current:
            owners[i] = current
            for t, w in weak.get(i, {}).items():
                for m in current:
                    if m.type == t:
                        m.confidence = _combine(m.confidence, w)
        else:
            waiting.append(i)
    return mentions, owners


def _refine_dates(mentions: list[Mention], owners: dict[int, list[Mention]],
                  usable: dict[int, list[DateRef]]) -> None:
    """Step 3: a mention dated only by year or month takes a precise date it owns in that period."""
    for sent in sorted(owners):
        for d in usable.get(sent, []):
            for m in owners[sent]:
                if not m.start:
                    m.start, m.end, m.date_sentence, m.planned = d.start, d.end, sent, d.planned
                elif (len(d.start) > len(m.start) and d.start.startswith(m.start)) or _widens(d, m):
                    m.start, m.end, m.date_sentence = d.start, d.end, sent


def _context_of(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated visit or forum an undated event is reported within: one reported in the same
    sentence, or the last one reported just before it ("During the visit, they signed ...")."""
    first = min(m.seeds)

    def encloses(o: Mention) -> bool:
        earlier = [s for s in o.seeds if s <= first]
        return bool(set(o.seeds) & set(m.seeds)) or (bool(earlier) and first - max(earlier) <= CONTEXT_REACH)

    hosts = [o for o in mentions if o is not m and o.start and o.type in CONTEXT_TYPES and encloses(o)]
    return hosts[-1] if hosts else None


def _inherit_context(mentions: list[Mention]) -> dict[int, Mention]:
    """Undated events take the date of the visit or forum they were part of: its day when it
    lasted one day, else its month (a partial date). Returns each one's context, for its places."""
    contexts = {}
    for m in mentions:
        if m.start or m.from_tie or m.type in CONTEXT_TYPES:
            continue
        host = _context_of(m, mentions)
        if host is not None:
            one_day = host.end in (None, host.start)
            m.start = host.start if one_day else host.start[:7]
            m.end = m.start
            contexts[id(m)] = host
    return contexts


def _link(mentions: list[Mention], contexts: dict[int, Mention]) -> None:
    """Mark each event held within a visit or forum of the same article (a signing during a trip,
    talks on a forum's side): two events, linked, never merged."""
    for m in mentions:
        if m.type in CONTEXT_TYPES:
            continue
        host = contexts.get(id(m)) or next(
            (o for o in mentions if o.type in CONTEXT_TYPES and o.start and m.start and len(m.start) == 10
             and _overlaps((m.start, m.end), (o.start, o.end))), None)
        if host is not None and any(host is o for o in mentions):
            m.during = next(i for i, o in enumerate(mentions) if o is host)


def _widens(d: DateRef, m: Mention) -> bool:
    """A range of days that contains the mention's single day ("from 2 to 5 December" for "on 3
    December"): the whole span of the event."""
    return (len(d.start) == len(m.start) == 10 and d.end and d.end != d.start
            and d.start <= m.start <= d.end and (m.end or m.start) <= d.end and (m.end or m.start) == m.start)


def _absorb(mentions: list[Mention], owners: dict[int, list[Mention]]) -> list[Mention]:
    """Step 4: meetings that are a visit's talks become the visit, and visits that are a forum's
    delegations become the forum; the sentences they owned go to the event that absorbed them."""
    def during(m: Mention, etype: str, among: list[Mention]) -> Mention | None:
        return next((o for o in among if o.type == etype and _overlaps((m.start, m.end), (o.start, o.end))), None)

    into: dict[int, Mention] = {}
    forums = [o for o in mentions if o.type == "forum"]
    for m in mentions:
        forum = during(m, "forum", forums) if m.type == "visit" else None
        if forum is not None and (not m.start or any(o.start for o in forums)):
            into[id(m)] = forum
    visits = [o for o in mentions if o.type == "visit" and id(o) not in into]
    for m in mentions:
        visit = during(m, "visit", visits) if m.type == "meeting" else None
        if visit is not None:
            into[id(m)] = visit
    for sent, ms in owners.items():
        kept: list[Mention] = []
        for m in ms:
            target = m
            target = into.get(id(m), m)
            if all(target is not k for k in kept):
                kept.append(target)
        owners[sent] = kept
    return [m for m in mentions if id(m) not in into]


@lru_cache(maxsize=None)
def _role_matcher(lang: str):
    return lexicon_matcher(lang, "place_roles")


def _place_roles(doc: Document) -> dict[int, str]:
    """id(place) -> location | origin | destination, from the role words next to it."""
    lang = doc.language or "en"
    cues = [(m.start, m.end, m.payload[0]) for m in find(_role_matcher(lang), doc.text, lang)]
    starts = sorted([p.span.start for p in doc.places] + [c.span.start for c in doc.countries])
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
    return roles


def _identity(value: object) -> object:
    return getattr(value, "geonameid", None) or getattr(value, "name", None) or value


def _add(values: list[SlotValue], value: object, sent: int, confidence: float) -> None:
    """Append a value unless the slot already holds the same place, person or literal."""
    key = _identity(value)
    if all(_identity(v.value) != key for v in values):
        values.append(SlotValue(value, sent, confidence))


def _theme_sentences(doc: Document) -> set[int]:
    """Sentences that speak of cooperation fields: a field cue, or a list of THEME_LIST themes
    (the sentences reporting an agreement count too: what it is signed on is its fields)."""
    per_sentence: dict[int, set[str]] = {}
    for ref in doc.themes:
        per_sentence.setdefault(ref.sentence, set()).add(ref.theme)
    cued = {doc.sentence_of(start) for start, _ in _cue_spans(doc, "field")}
    return {s for s, themes in per_sentence.items() if len(themes) >= THEME_LIST or s in cued}


def _theme_owners(ms: list[Mention]) -> list[Mention]:
    """Fields of cooperation in a sentence shared by several events are what an agreement among
    them covers ("the MOU covers trade and tourism" beside the visit that brought it)."""
    agreements = [m for m in ms if m.type == "agreement"]
    return agreements if len(ms) > 1 and agreements else ms


def _locate(doc: Document, m: Mention, owned: set[int], roles: dict[int, str]) -> None:
    """Location and hosts from the places' roles, looking first at the sentences that report the
    event, then at the rest it owns; a visit happens where its delegation went. A background
    agreement, an award or a membership is only located by an explicit word (in, tại, 에서)."""
    refs = [p for p in doc.places if p.sentence in owned]
    if m.type == "visit":
        order = ["destination", "location", ""]
    elif m.type in LOCATED_TYPES and not m.from_tie:
        order = ["location", "destination", ""]
    else:
        order = ["location"]
    for tier in ([p for p in refs if p.sentence in m.seeds], refs):
        for role in order:
            candidates = [p for p in tier if roles.get(id(p), "") == role]
            best = next((p for p in candidates if p.kind == "city"), candidates[0] if candidates else None)
            if best is not None:
                confidence = (1.0 if best.sentence in m.seeds else ATTACHED_CONFIDENCE) * (1.0 if role else 0.5)
                m.location = SlotValue(best, best.sentence, confidence)
                m.hosts = [SlotValue(best, best.sentence, confidence)]
                return


def _colocate(mentions: list[Mention]) -> None:
    """An event without an explicit place, held during a dated visit or forum, was held where
    that visit or forum was (talks and signings during a trip, a prize handed at a congress)."""
    for m in mentions:
        if m.type in ("visit", "forum") or not m.start or m.from_tie:
            continue
        if m.location is not None and m.location.confidence >= 1.0:
            continue
        host = next((o for o in mentions if o.type in ("visit", "forum") and o.location and o.start
                     and _overlaps((m.start, m.end), (o.start, o.end))), None)
        if host is not None:
            m.location = SlotValue(host.location.value, host.location.sentence, host.location.confidence)
            m.hosts = [SlotValue(host.location.value, host.location.sentence, host.location.confidence)]


def _fill(doc: Document, mentions: list[Mention], owners: dict[int, list[Mention]]) -> None:
    """Step 5: copy each sentence's facts onto the mentions that own it."""
    anchors = {id(m): m.sentence for m in mentions}
    for ref in doc.places:
        for m in owners.get(ref.sentence, []):
            conf = 1.0 if ref.sentence == anchors[id(m)] else ATTACHED_CONFIDENCE
            _add(m.places, ref, ref.sentence, conf * ref.confidence)
            _add(m.countries, ref.country, ref.sentence, conf)
    for ref in doc.countries:
        for m in owners.get(ref.sentence, []):
            _add(m.countries, ref.code, ref.sentence, ATTACHED_CONFIDENCE)
    for ref in doc.organizations:
        for m in owners.get(ref.sentence, []):
            _add(m.organizations, ref.name, ref.sentence, ATTACHED_CONFIDENCE)
    places_by_name = {p.name: p for p in doc.places}
    for ref in doc.people:
        home = places_by_name.get(ref.of or "")
        for m in owners.get(ref.sentence, []):
            _add(m.people, ref, ref.sentence, ref.confidence)
            if home is not None:  # the mayor of X taking part brings X in
                _add(m.places, home, ref.sentence, ATTACHED_CONFIDENCE * ref.confidence)
                _add(m.countries, home.country, ref.sentence, ATTACHED_CONFIDENCE)
    theme_sentences = _theme_sentences(doc) | {s for m in mentions if m.type == "agreement" for s in m.seeds}
    for ref in doc.themes:
        if ref.sentence in theme_sentences:
            for m in _theme_owners(owners.get(ref.sentence, [])):
                _add(m.themes, ref.theme, ref.sentence, ATTACHED_CONFIDENCE)
    for ref in doc.counts:
        for m in owners.get(ref.sentence, []):
            if ref.key in PEOPLE_COUNTS or m.type in GATHERING_TYPES:
                m.counts.setdefault(ref.key, SlotValue(ref.value, ref.sentence, ATTACHED_CONFIDENCE))
    roles = _place_roles(doc)
    owned: dict[int, set[int]] = {}
    for sent, ms in owners.items():
        for m in ms:
            owned.setdefault(id(m), set()).add(sent)
    for m in mentions:
        _locate(doc, m, owned.get(id(m), set()), roles)
        if m.name is None:
            m.name = next((t.name for t in doc.triggers if t.sentence == m.sentence and t.type == m.type
                           and t.name), None)
    _colocate(mentions)


def run(doc: Document) -> Document:
    usable = _usable_dates(doc)
    mentions, owners = _owners(doc, usable)
    _refine_dates(mentions, owners, usable)
    contexts = _inherit_context(mentions)
    mentions = _absorb(mentions, owners)
    _fill(doc, mentions, owners)
    for m in mentions:
        host = contexts.get(id(m))
        if host is not None and not m.places:  # "the two cities" are the visit's
            for slot in host.places:
                _add(m.places, slot.value, slot.sentence, slot.confidence * ATTACHED_CONFIDENCE)
            for slot in host.countries:
                _add(m.countries, slot.value, slot.sentence, slot.confidence * ATTACHED_CONFIDENCE)
    doc.mentions = [m for m in mentions if m.start or m.places or m.location]
    _link(doc.mentions, contexts)
    return doc
