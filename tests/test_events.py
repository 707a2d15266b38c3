"""The events stage on hand-built documents: seeding, date separation, slot attachment."""
from cityties.document import DateRef, Document, PersonRef, PlaceRef, Span, TriggerRef
from cityties.stages import events
from cityties.stages.sentences import split


def make_doc(text, lang="en"):
    doc = Document(raw=text, text=text, language=lang)
    doc.sentences = split(text, lang)
    return doc


def at(doc, surface, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    return Span(start, start + len(surface)), doc.sentence_of(start)


def trigger(doc, surface, etype, weight=1.0):
    span, sent = at(doc, surface)
    doc.triggers.append(TriggerRef(etype, surface, span, sent, weight))


def place(doc, surface, name, country, gid, nth=0):
    span, sent = at(doc, surface, nth)
    doc.places.append(PlaceRef(gid, name, country, "city", surface, span, sent))


def date(doc, surface, start, end=None):
    span, sent = at(doc, surface)
    doc.dates.append(DateRef(start, end or start, surface, span, sent))


TEXT = ("Seoul Mayor Kim signed an MOU with Hanoi on May 14. "
        "The two cities will cooperate in tourism. "
        "Last year's forum in Busan was held on June 2, 2023.")


def build():
    doc = make_doc(TEXT)
    trigger(doc, "signed an MOU", "agreement")
    trigger(doc, "forum", "forum")
    place(doc, "Seoul", "Seoul", "KR", 1835848)
    place(doc, "Hanoi", "Hanoi", "VN", 1581130)
    place(doc, "Busan", "Busan", "KR", 1838524)
    date(doc, "May 14", "2024-05-14")
    date(doc, "June 2, 2023", "2023-06-02")
    span, sent = at(doc, "Kim")
    doc.people.append(PersonRef("Kim", "mayor", "Seoul", "Kim", span, sent))
    return events.run(doc)


def test_each_event_gets_its_own_date_and_places():
    doc = build()
    by_type = {m.type: m for m in doc.mentions}
    assert set(by_type) == {"agreement", "forum"}
    agreement, forum = by_type["agreement"], by_type["forum"]
    assert agreement.start == "2024-05-14"
    assert {p.value.name for p in agreement.places} == {"Seoul", "Hanoi"}
    assert forum.start == "2023-06-02"
    assert {p.value.name for p in forum.places} == {"Busan"}
    assert forum.location.value.name == "Busan"  # "in Busan"


def test_following_sentence_without_trigger_attaches_to_the_event_before():
    doc = build()
    agreement = next(m for m in doc.mentions if m.type == "agreement")
    assert [p.value.name for p in agreement.people] == ["Kim"]
    assert agreement.sentence == 0


def test_weak_trigger_alone_starts_nothing():
    doc = make_doc("The two cities discussed cooperation.")
    trigger(doc, "cooperation", "agreement", weight=0.3)
    assert events.run(doc).mentions == []


def test_same_type_with_other_date_is_another_event():
    doc = make_doc("Busan hosted a visit on May 2. Busan hosted another visit on Oct. 9.")
    trigger(doc, "visit", "visit")
    span, sent = at(doc, "visit", 1)
    doc.triggers.append(TriggerRef("visit", "visit", span, sent, 1.0))
    date(doc, "May 2", "2024-05-02")
    date(doc, "Oct. 9", "2024-10-09")
    assert [m.start for m in events.run(doc).mentions] == ["2024-05-02", "2024-10-09"]


def test_repeated_trigger_with_same_date_is_one_event_with_more_confidence():
    doc = make_doc("A delegation visited Hue on May 2. The visit ended well.")
    trigger(doc, "delegation visited", "visit", 0.7)
    date(doc, "May 2", "2024-05-02")
    span, sent = at(doc, "visit", 1)
    doc.triggers.append(TriggerRef("visit", "visit", span, sent, 0.7))
    mentions = events.run(doc).mentions
    assert len(mentions) == 1 and mentions[0].confidence > 0.7


def test_tie_without_a_date_is_context_with_a_year_is_an_agreement():
    doc = make_doc("The sister cities discussed tourism. They became sister cities in 2004.")
    for nth in (0, 1):
        span, sent = at(doc, "sister cities", nth)
        doc.triggers.append(TriggerRef(events.TIE, "sister cities", span, sent, 1.0))
    date(doc, "2004", "2004")
    assert [(m.type, m.start) for m in events.run(doc).mentions] == [("agreement", "2004")]


def test_anniversary_points_back_to_the_agreement_year():
    from datetime import date as day
    doc = make_doc("Hue and Kyoto marked the 20th anniversary of their sister city ties.")
    doc.published = day(2024, 5, 14)
    span, sent = at(doc, "sister city ties")
    doc.triggers.append(TriggerRef(events.TIE, "sister city ties", span, sent, 1.0))
    assert [(m.type, m.start) for m in events.run(doc).mentions] == [("agreement", "2004")]


def test_talks_during_a_visit_are_the_visit():
    doc = make_doc("A Busan delegation visited Hue on May 2. The two sides held talks.")
    trigger(doc, "delegation visited", "visit")
    trigger(doc, "held talks", "meeting", 0.9)
    date(doc, "May 2", "2024-05-02")
    assert [m.type for m in events.run(doc).mentions] == ["visit"]


def test_a_weaker_second_type_in_the_same_sentence_is_not_another_event():
    doc = make_doc("Seoul hosted delegations from 50 cities at the forum.")
    trigger(doc, "delegations", "visit", 0.8)
    trigger(doc, "forum", "forum", 1.0)
    place(doc, "Seoul", "Seoul", "KR", 1835848)
    assert [m.type for m in events.run(doc).mentions] == ["forum"]


def test_since_date_does_not_date_the_event():
    doc = make_doc("The forum, held every year since 2012, opened in Hanoi on Sept. 18.")
    trigger(doc, "forum", "forum")
    date(doc, "2012", "2012")
    date(doc, "Sept. 18", "2024-09-18")
    doc.language = "en"
    assert [m.start for m in events.run(doc).mentions] == ["2024-09-18"]


def test_visit_happens_where_the_delegation_went():
    doc = make_doc("A delegation from Busan visited Hue on May 2.")
    trigger(doc, "visited", "visit")
    place(doc, "Busan", "Busan", "KR", 1838524)
    place(doc, "Hue", "Hue", "VN", 1580240)
    date(doc, "May 2", "2024-05-02")
    (visit,) = events.run(doc).mentions
    assert visit.location.value.name == "Hue" and [h.value.name for h in visit.hosts] == ["Hue"]


def test_themes_only_from_sentences_about_cooperation():
    from cityties.document import ThemeRef
    doc = make_doc("Busan signed an MOU with Hue. They will cooperate in tourism. Lunch had culture.")
    trigger(doc, "signed an MOU", "agreement")
    place(doc, "Busan", "Busan", "KR", 1838524)
    for surface, theme in (("tourism", "tourism"), ("culture", "culture")):
        span, sent = at(doc, surface)
        doc.themes.append(ThemeRef(theme, surface, span, sent))
    (m,) = events.run(doc).mentions
    assert [t.value for t in m.themes] == ["tourism"]


def test_absorbed_visit_hands_its_sentences_to_the_forum():
    doc = make_doc("The forum opened in Seoul on Sept. 24. Delegations from Dublin and Odense met for talks.")
    trigger(doc, "forum", "forum")
    trigger(doc, "Delegations", "visit", 0.9)
    trigger(doc, "talks", "meeting", 0.9)
    date(doc, "Sept. 24", "2023-09-24")
    place(doc, "Seoul", "Seoul", "KR", 1835848)
    place(doc, "Dublin", "Dublin", "IE", 2964574)
    place(doc, "Odense", "Odense", "DK", 2615876)
    forum = next(m for m in events.run(doc).mentions if m.type == "forum")
    assert {p.value.name for p in forum.places} == {"Seoul", "Dublin", "Odense"}


def two_days(trigger_text, etype):
    doc = make_doc(f"They {trigger_text} on March 2. They {trigger_text} on March 5.")
    for nth, day in ((0, "02"), (1, "05")):
        span, sent = at(doc, trigger_text, nth)
        doc.triggers.append(TriggerRef(etype, trigger_text, span, sent, 1.0))
        span, sent = at(doc, f"March {int(day)}")
        doc.dates.append(DateRef(f"2014-03-{day}", f"2014-03-{day}", "March", span, sent))
    return [(m.start, m.end) for m in events.run(doc).mentions]


def test_days_of_one_trip_are_one_visit():
    assert two_days("visited Hue", "visit") == [("2014-03-02", "2014-03-05")]


def test_meetings_on_different_days_stay_apart():
    assert two_days("held talks", "meeting") == [("2014-03-02", "2014-03-02"), ("2014-03-05", "2014-03-05")]


def test_signing_during_a_visit_is_located_where_the_visit_went():
    doc = make_doc("A delegation from Busan visited Hue on May 2. Busan and Hue signed an MOU on May 2.")
    trigger(doc, "visited", "visit")
    trigger(doc, "signed an MOU", "agreement")
    place(doc, "Busan", "Busan", "KR", 1838524)
    place(doc, "Hue", "Hue", "VN", 1580240)
    place(doc, "Busan", "Busan", "KR", 1838524, nth=1)
    place(doc, "Hue", "Hue", "VN", 1580240, nth=1)
    date(doc, "May 2", "2024-05-02")
    span, sent = at(doc, "May 2", 1)
    doc.dates.append(DateRef("2024-05-02", "2024-05-02", "May 2", span, sent))
    by_type = {m.type: m for m in events.run(doc).mentions}
    assert by_type["agreement"].location.value.name == "Hue"


def test_background_tie_has_no_location_without_an_explicit_word():
    doc = make_doc("Busan and Hue became sister cities in 2004.")
    span, sent = at(doc, "sister cities")
    doc.triggers.append(TriggerRef(events.TIE, "sister cities", span, sent, 1.0))
    place(doc, "Busan", "Busan", "KR", 1838524)
    place(doc, "Hue", "Hue", "VN", 1580240)
    date(doc, "2004", "2004")
    (m,) = events.run(doc).mentions
    assert m.from_tie and m.location is None and len(m.places) == 2


def test_city_counts_belong_to_gatherings_not_to_visits():
    from cityties.document import CountRef
    doc = make_doc("A delegation visited Hue, one of 16 partner cities, bringing 12 delegates.")
    trigger(doc, "delegation visited", "visit")
    place(doc, "Hue", "Hue", "VN", 1580240)
    for surface, key, value in (("16 partner cities", "cities", 16), ("12 delegates", "delegates", 12)):
        span, sent = at(doc, surface)
        doc.counts.append(CountRef(key, value, surface, span, sent))
    (m,) = events.run(doc).mentions
    assert {k: v.value for k, v in m.counts.items()} == {"delegates": 12}


def test_undated_and_unplaced_mentions_are_dropped():
    doc = make_doc("Officials discussed a future visit.")
    trigger(doc, "visit", "visit")
    assert events.run(doc).mentions == []


def test_side_meeting_without_a_date_takes_the_month_of_the_forum_it_sits_in():
    doc = make_doc("The forum ran in Seoul on Sept. 24-26. On the forum's side, Seoul will hold talks with 8 cities.")
    trigger(doc, "forum", "forum")
    span, sent = at(doc, "forum", 1)
    doc.triggers.append(TriggerRef("forum", "forum", span, sent, 1.0))
    trigger(doc, "hold talks", "meeting", 1.0)
    date(doc, "Sept. 24-26", "2023-09-24", "2023-09-26")
    place(doc, "Seoul", "Seoul", "KR", 1835848)
    place(doc, "Seoul", "Seoul", "KR", 1835848, nth=1)
    meeting = next(m for m in events.run(doc).mentions if m.type == "meeting")
    assert (meeting.start, meeting.end) == ("2023-09", "2023-09")


def test_a_dated_tie_is_its_own_agreement_not_the_date_of_a_signing():
    doc = make_doc("A delegation visited Hue on May 2. The two sides signed a letter of intent. "
                   "They will establish sister city ties in 2026.")
    trigger(doc, "delegation visited", "visit")
    trigger(doc, "signed a letter of intent", "agreement")
    span, sent = at(doc, "sister city ties")
    doc.triggers.append(TriggerRef(events.TIE, "sister city ties", span, sent, 1.0))
    place(doc, "Hue", "Hue", "VN", 1580240)
    date(doc, "May 2", "2024-05-02")
    date(doc, "2026", "2026")
    agreements = sorted((m.start, m.from_tie) for m in events.run(doc).mentions if m.type == "agreement")
    assert agreements == [("2024-05-02", False), ("2026", True)]  # the letter is dated by the visit


def test_this_year_beside_a_tie_founds_nothing():
    doc = make_doc("Busan hosted its sister cities at the forum on Sept. 25. This year, Busan has 30 sister cities.")
    trigger(doc, "forum", "forum")
    span, sent = at(doc, "sister cities", 1)
    doc.triggers.append(TriggerRef(events.TIE, "sister cities", span, sent, 1.0))
    place(doc, "Busan", "Busan", "KR", 1838524)
    date(doc, "Sept. 25", "2023-09-25")
    date(doc, "This year", "2023")
    assert [m.type for m in events.run(doc).mentions] == ["forum"]


def test_a_term_of_years_does_not_date_an_election():
    doc = make_doc("Seoul was elected co-president in June. Seoul will lead the network from 2024 to 2026.")
    trigger(doc, "elected co-president", "membership")
    span, sent = at(doc, "lead the network")
    doc.triggers.append(TriggerRef("membership", "lead the network", span, sent, 1.0))
    date(doc, "in June", "2023-06")
    date(doc, "from 2024 to 2026", "2024", "2026")
    assert [(m.start, m.end) for m in events.run(doc).mentions] == [("2023-06", "2023-06")]


def test_a_background_event_keeps_to_its_own_sentence():
    from datetime import date as day
    doc = make_doc("Busan delegates visited Hue on May 2. The cities first met in 2019. "
                   "Mayor Kim praised the tourism ties.")
    doc.published = day(2024, 5, 3)
    trigger(doc, "delegates visited", "visit")
    span, sent = at(doc, "met")
    doc.triggers.append(TriggerRef("meeting", "met", span, sent, 1.0))
    place(doc, "Hue", "Hue", "VN", 1580240)
    date(doc, "May 2", "2024-05-02")
    date(doc, "in 2019", "2019")
    span, sent = at(doc, "Kim")
    doc.people.append(PersonRef("Kim", "mayor", "Busan", "Kim", span, sent))
    by_type = {m.type: m for m in events.run(doc).mentions}
    assert [p.value.name for p in by_type["visit"].people] == ["Kim"]
    assert by_type["meeting"].start == "2019" and by_type["meeting"].people == []


def test_a_year_then_a_day_in_it_is_one_event_with_the_day():
    doc = make_doc("The mayors met in 2019. They met in Seoul on May 14, 2019.")
    for nth in (0, 1):
        span, sent = at(doc, "met", nth)
        doc.triggers.append(TriggerRef("meeting", "met", span, sent, 1.0))
    date(doc, "in 2019", "2019")
    date(doc, "May 14, 2019", "2019-05-14")
    place(doc, "Seoul", "Seoul", "KR", 1835848)
    assert [m.start for m in events.run(doc).mentions] == ["2019-05-14"]


def test_two_cities_honoured_at_one_ceremony_are_two_awards():
    doc = make_doc("Lahti won the green capital award on June 20. Mechelen won the green leaf award on June 20.")
    for nth in (0, 1):
        span, sent = at(doc, "won", nth)
        doc.triggers.append(TriggerRef("award", "won", span, sent, 1.0))
    place(doc, "Lahti", "Lahti", "FI", 649360)
    place(doc, "Mechelen", "Mechelen", "BE", 2791537)
    date(doc, "June 20", "2019-06-20")
    span, sent = at(doc, "June 20", 1)
    doc.dates.append(DateRef("2019-06-20", "2019-06-20", "June 20", span, sent))
    awards = events.run(doc).mentions
    assert [[p.value.name for p in m.places] for m in awards] == [["Lahti"], ["Mechelen"]]


def test_a_forum_named_after_its_city_is_held_there():
    doc = make_doc("Deputy Mayor Lin invited Iloilo to the Kaohsiung Smart City Mayors' Forum in October.")
    span, sent = at(doc, "Forum")
    doc.triggers.append(TriggerRef("forum", "Forum", span, sent, 1.0, name="Kaohsiung Smart City Mayors' Forum"))
    place(doc, "Iloilo", "Iloilo", "PH", 1711005)
    place(doc, "Kaohsiung", "Kaohsiung", "TW", 1673820)
    date(doc, "in October", "2024-10")
    (forum,) = events.run(doc).mentions
    assert forum.location.value.name == "Kaohsiung"


def test_a_signing_at_an_anniversary_is_not_the_founding():
    from datetime import date as day
    doc = make_doc("Hamilton and Wuxi marked the 25th anniversary of their sister city ties. "
                   "The mayors signed a five-year action plan on Monday.")
    doc.published = day(2024, 10, 15)
    span, sent = at(doc, "sister city ties")
    doc.triggers.append(TriggerRef(events.TIE, "sister city ties", span, sent, 1.0))
    trigger(doc, "signed", "agreement", 0.8)
    place(doc, "Hamilton", "Hamilton", "NZ", 2190324)
    date(doc, "on Monday", "2024-10-14")
    agreements = sorted((m.start or "", m.from_tie) for m in events.run(doc).mentions)
    assert agreements == [("1999", True), ("2024-10-14", False)]


def test_an_anniversary_counts_back_from_the_year_written_beside_it():
    from datetime import date as day
    doc = make_doc("In 2019, the 15th anniversary of their sister city ties, Jeonju and Kanazawa met.")
    doc.published = day(2024, 5, 16)
    span, sent = at(doc, "sister city ties")
    doc.triggers.append(TriggerRef(events.TIE, "sister city ties", span, sent, 1.0))
    date(doc, "In 2019", "2019")
    assert [(m.type, m.start) for m in events.run(doc).mentions] == [("agreement", "2004")]
