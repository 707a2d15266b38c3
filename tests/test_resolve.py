from cityties.resolve import MERGE_SCORE, Summary, best_match, cluster, dates_compatible, score


def s(etype="forum", start="2023-09-24", end="2023-09-26", **kw):
    return Summary(type=etype, start=start, end=end, **kw)


def test_same_event_from_two_reports_merges():
    a = s(location="1835848", places={"1835848", "2964574"})
    b = s(start="2023-09-25", end="2023-09-25", location="1835848")
    assert score(a, b) >= MERGE_SCORE
    assert best_match(b, {7: a}) == 7


def test_other_edition_of_a_yearly_forum_stays_apart():
    a = s(location="1835848")
    b = s(start="2025-09-24", end="2025-09-26", location="1835848")
    assert best_match(b, {1: a}) is None


def test_other_type_or_a_lone_shared_city_is_not_enough():
    a = s(places={"1835848"})
    assert score(s(etype="meeting", places={"1835848"}), a) == 0
    assert best_match(s(places={"1835848"}), {1: a}) is None


def test_bare_years_and_undated_never_merge():
    assert not dates_compatible(s(start="2018", end="2018"), s(start="2018", end="2018"))
    assert not dates_compatible(s(start=None, end=None), s())


def test_month_precision_overlaps_a_day_in_it():
    assert dates_compatible(s(start="2023-09", end="2023-09"), s())


def test_cluster_joins_reports_from_other_articles_only():
    a = s(location="1", places={"1", "2"})
    ids = cluster([("x", a), ("y", s(location="1")), ("x", s(location="1")), ("z", s(start="2025-01-01"))])
    assert ids[0] == ids[1]
    assert ids[2] != ids[0]  # same article: the extractor already kept them apart
    assert ids[3] not in ids[:3]


def test_cluster_is_deterministic():
    items = [(str(i), s(location="1")) for i in range(4)]
    assert cluster(items) == cluster(items) == [0, 0, 0, 0]


def test_same_person_across_spellings_but_not_across_family_members():
    from cityties.resolve import same_person
    assert same_person("Han Jung-woo", "Han Jeong-woo")
    assert same_person("Oh Se-hoon", "oh sehoon")
    assert same_person("Lê Trung Chinh", "Le Trung Chinh")
    assert not same_person("Kim Min-su", "Kim Jin-ho")
    assert not same_person("Eric Adams", "Eric Garcetti")


def test_reports_naming_one_person_differently_still_merge():
    a = s(people={"Han Jung-woo"})
    b = s(people={"Han Jeong-woo"})
    assert score(a, b) >= MERGE_SCORE
