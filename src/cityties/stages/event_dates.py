"""Dates of event mentions: which dates can date an event, ties and anniversaries, the date of
a trigger, refinement to the most precise compatible date, and dates inherited from the visit
or forum an event happens within."""
from __future__ import annotations

import re
from datetime import date

from cityties.document import DateRef, Document, Mention, TriggerRef
from cityties.stages.lexmatch import find, lexicon_matcher

# Trigger type of standing relations, which date an agreement rather than report one.
TIE = "tie"
# Characters allowed between a "since" cue and its date (a space, a particle).
SINCE_GAP = 3
# A year written in a gathering's name ("Đối thoại Hữu nghị TP HCM 2022").
NAME_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# Event types whose name's year is the edition's ("Forum 2022"); a prize's year is its title's
# ("European Green Capital 2021" is awarded years before), so it only dates a prize the text
# dates no other way ("received the 2016 ... Prize").
NAMED_EDITIONS = frozenset({"forum"})
TITLED = frozenset({"award"})
# Visits and gatherings last days: two dates of one type this close are one trip (a week covers
# the longest delegation programmes in the samples); meetings and signings are single days.
TRIP_DAYS = 7
MULTI_DAY_TYPES = frozenset({"visit", "forum"})
# An anniversary count: "kỷ niệm 20 năm", "25th anniversary", "30주년".
ANNIVERSARY_NUMBER = re.compile(r"(?<!\d)(\d{1,3})(?!\d)(?:st|nd|rd|th)?")
# Characters around an anniversary cue searched for its number.
ANNIVERSARY_REACH = 16
# Occasions that other events happen within, and how many sentences after the last report of
# one an undated event may still be part of it: news of a visit keeps telling of it for a few
# paragraphs ("At the meeting, the two sides signed ..."). On the dev set 2 -> 4 gained one
# event and 6 one slot more; 6 (about three short paragraphs) was kept.
CONTEXT_TYPES = frozenset({"visit", "forum"})
CONTEXT_REACH = 6


def overlaps(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether two (start, end) ISO ranges, possibly partial, can be the same time."""
    if not a[0] or not b[0]:
        return True
    a_end, b_end = a[1] or a[0], b[1] or b[0]
    n = min(len(a[0]), len(b[0]), len(a_end), len(b_end))
    return a[0][:n] <= b_end[:n] and b[0][:n] <= a_end[:n]


def cue_spans(doc: Document, kind: str) -> list[tuple[int, int]]:
    """Spans of the cue words of one kind (data/lexicon/<lang>/cues.tsv) in the text."""
    lang = doc.language or "en"
    return [(m.start, m.end) for m in find(lexicon_matcher(lang, "cues", kind), doc.text, lang)]


def cued_dates(doc: Document, kind: str) -> set[int]:
    """Ids of dates a cue of this kind stands right before or after ("since 2012", "2012년부터";
    "10일 밝혔다": the day a report was given, not the day of the event)."""
    cues = cue_spans(doc, kind)
    out = set()
    for d in doc.dates:
        for start, end in cues:
            leads = d.span.start - SINCE_GAP <= end <= d.span.end and start < d.span.start
            follows = 0 <= start - d.span.end <= SINCE_GAP
            if (leads and (end > d.span.start or not doc.text[end:d.span.start].strip())) \
                    or (follows and not doc.text[d.span.end:start].strip()):
                out.add(id(d))
    return out


def anniversary_years(doc: Document) -> dict[int, str]:
    """Sentence -> the year an anniversary in it points back to ("kỷ niệm 20 năm" in 2024 -> 2004),
    counted from a year written in the sentence ("15주년이던 2019년") or else the article's year."""
    base = doc.published.year if doc.published else None
    if base is None:
        years = [int(d.start[:4]) for d in doc.dates if d.start]
        base = max(years) if years else None
    out: dict[int, str] = {}
    for start, end in cue_spans(doc, "anniversary"):
        sent = doc.sentence_of(start)
        written = [int(d.start[:4]) for d in doc.dates if d.sentence == sent and d.start and NAME_YEAR.search(d.surface)]
        year = written[0] if written else base
        window = doc.text[max(0, start - ANNIVERSARY_REACH):end + ANNIVERSARY_REACH]
        numbers = [int(n) for n in ANNIVERSARY_NUMBER.findall(window) if 0 < int(n) < 200]
        if numbers and year is not None:
            out[sent] = str(year - numbers[0])
    return out


def tie_dates(doc: Document) -> dict[int, tuple[str, str]]:
    """Sentence -> date of an agreement made from a dated tie (a year, or an anniversary): a day or
    month beside a tie is more often a later meeting of the partners than their founding."""
    tie_sentences = {t.sentence for t in doc.triggers if t.type == TIE}
    anniversaries = anniversary_years(doc)
    out = {}
    for sent in tie_sentences:
        coarse = [d for d in doc.dates if d.sentence == sent and d.start and len(d.start) == 4
                  and NAME_YEAR.search(d.surface)]  # a written year: "this year" founds nothing
        if sent in anniversaries:
            out[sent] = (anniversaries[sent], anniversaries[sent])
        elif coarse:
            out[sent] = (coarse[0].start, coarse[0].end or coarse[0].start)
    return out


def date_for(trig: TriggerRef, dates: list[DateRef]) -> tuple[str | None, str | None, bool]:
    """The date of the event a trigger reports: the year in a gathering's name ("Forum 2022")
    rules out other years; a prize's year ("the 2016 ... Prize") dates it only when nothing else
    does; otherwise the date nearest the trigger."""
    year = NAME_YEAR.search(trig.name or "")
    if year and (trig.type in NAMED_EDITIONS or (trig.type in TITLED and not dates)):
        dates = [d for d in dates if d.start.startswith(year.group(0))] or \
            [DateRef(year.group(0), year.group(0), year.group(0), trig.span, trig.sentence)]
    if not dates:
        return None, None, False
    best = min(dates, key=lambda d: min(abs(d.span.start - trig.span.end), abs(trig.span.start - d.span.end)))
    return best.start, best.end, best.planned


def same_trip(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Two days of one trip or gathering: both full dates, at most TRIP_DAYS apart."""
    if not (a[0] and b[0] and len(a[0]) == len(b[0]) == 10):
        return False
    first, second = sorted((a, b))
    gap = date.fromisoformat(second[0]) - date.fromisoformat(first[1] or first[0])
    return gap.days <= TRIP_DAYS


def usable_dates(doc: Document) -> dict[int, list[DateRef]]:
    """Sentence -> its dates that can date an event: not "since" or report dates, and not a term
    of several years ("from 2024 to 2026"), which is how long something lasts, not when it happened."""
    since = cued_dates(doc, "since") | cued_dates(doc, "report")
    out: dict[int, list[DateRef]] = {}
    for d in doc.dates:
        term = len(d.start or "") == 4 and d.end not in (None, d.start)
        if d.start and id(d) not in since and not term:
            out.setdefault(d.sentence, []).append(d)
    return out


def refine_dates(mentions: list[Mention], owners: dict[int, list[Mention]],
                  usable: dict[int, list[DateRef]]) -> None:
    """Step 3: a mention dated only by year or month takes a precise date it owns in that period."""
    for sent in sorted(owners):
        for d in usable.get(sent, []):
            for m in owners[sent]:
                if not m.start:
                    m.start, m.end, m.date_sentence, m.planned = d.start, d.end, sent, d.planned
                elif (len(d.start) > len(m.start) and d.start.startswith(m.start)) or widens(d, m):
                    m.start, m.end, m.date_sentence = d.start, d.end, sent


def widens(d: DateRef, m: Mention) -> bool:
    """A range of days that contains the mention's single day ("from 2 to 5 December" for "on 3
    December"): the whole span of the event."""
    return (len(d.start) == len(m.start) == 10 and d.end and d.end != d.start
            and d.start <= m.start <= d.end and (m.end or m.start) <= d.end and (m.end or m.start) == m.start)


def context_of(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The dated visit or forum an undated event is reported within: one reported in the same
    sentence, or the last one reported just before it ("During the visit, they signed ...")."""
    first = min(m.seeds)

    def encloses(o: Mention) -> bool:
        earlier = [s for s in o.seeds if s <= first]
        return bool(set(o.seeds) & set(m.seeds)) or (bool(earlier) and first - max(earlier) <= CONTEXT_REACH)

    hosts = [o for o in mentions if o is not m and o.start and o.type in CONTEXT_TYPES and encloses(o)]
    return hosts[-1] if hosts else None


def inherit_context(mentions: list[Mention]) -> dict[int, Mention]:
    """Undated events take the date of the visit or forum they were part of: its day when it
    lasted one day, else its month (a partial date). Returns each one's context, for its places."""
    contexts = {}
    for m in mentions:
        if m.start or m.from_tie or m.type in CONTEXT_TYPES:
            continue
        host = context_of(m, mentions)
        if host is not None:
            one_day = host.end in (None, host.start)
            m.start = host.start if one_day else host.start[:7]
            m.end = m.start
            contexts[id(m)] = host
    return contexts
