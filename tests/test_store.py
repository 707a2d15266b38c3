"""The Store: migrations, idempotent ingestion, failures recorded, provenance spans, batching."""
from sqlalchemy import func, inspect, select

from cityties import pipeline
from cityties.document import Document
from cityties.sources import Failure, read
from cityties.store import Store
from cityties.store.models import Article, Event, Fact, Mention
from conftest import ARTICLES


def processed(name: str) -> Document:
    (doc,) = read([str(ARTICLES / name)])
    return pipeline.run(doc)


def count(store, model):
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_migrations_create_every_table(store):
    tables = set(inspect(store.engine).get_table_names())
    assert {"articles", "events", "mentions", "facts", "places", "people", "organizations",
            "alembic_version", "articles_fts", "events_fts"} <= tables


def test_reopening_a_migrated_database_is_harmless(settings):
    Store(settings)
    Store(settings)


def test_same_article_twice_is_stored_once(store):
    doc = processed("vi_danang_fukuoka.txt")
    assert [o.status for o in store.add_batch([doc])] == ["stored"]
    events_before = count(store, Event)
    again = processed("vi_danang_fukuoka.txt")
    assert [o.status for o in store.add_batch([again])] == ["unchanged"]
    assert count(store, Article) == 1 and count(store, Event) == events_before


def test_failure_is_recorded_and_does_not_spoil_the_batch(store):
    doc = processed("en_danang_fukuoka.txt")
    outcomes = store.add_batch([Failure("broken.txt", "cannot decode as UTF-8"), doc])
    assert [o.status for o in outcomes] == ["failed", "stored"]
    with store.session() as s:
        failed = s.scalars(select(Article).where(Article.status == "failed")).one()
    assert failed.source == "broken.txt" and "UTF-8" in failed.error


def test_every_fact_points_at_its_supporting_sentence(store):
    doc = processed("vi_danang_fukuoka.txt")
    store.add_batch([doc])
    with store.session() as s:
        facts = s.scalars(select(Fact)).all()
        assert facts
        for f in facts:
            sentence = doc.text[f.span_start:f.span_end]
            assert sentence in [x.text for x in doc.sentences]
            if f.field == "place":
                assert any(a.lower() in sentence.lower() for a in ("đà nẵng", "fukuoka"))


def test_two_languages_one_event_merge(store):
    store.add_batch([processed("vi_danang_fukuoka.txt"), processed("en_danang_fukuoka.txt")])
    with store.session() as s:
        agreements = s.scalars(select(Event).where(Event.type == "agreement")).all()
        assert len(agreements) == 1
        assert len({m.article_id for m in agreements[0].mentions}) == 2
        assert s.scalar(select(func.count()).select_from(Mention)) >= 2


def test_one_person_spelled_two_ways_in_two_languages_is_one_record(store):
    from cityties.store.models import Person
    from conftest import SAMPLES
    docs = [pipeline.run(d) for d in read([str(SAMPLES / "04_ko_incheon_brisbane_agreement.txt"),
                                           str(SAMPLES / "05_en_brisbane_incheon_friendship_city.txt")])]
    store.add_batch(docs)
    with store.session() as s:
        keys = {f.label: f.value for f in s.scalars(select(Fact).where(Fact.field == "person"))}
        han = s.scalars(select(Person).where(Person.name.like("Han J%"))).all()
    assert keys["Han Jung-woo"] == keys["Han Jeong-woo"]  # two spellings, one person
    assert len(han) == 1 and han[0].variants


def test_a_signing_during_a_visit_is_stored_as_two_linked_events(store):
    from cityties import queries
    from conftest import FIXTURES
    (doc,) = read([str(FIXTURES / "linked" / "en_kobe_danang_visit.txt")])
    store.add_batch([pipeline.run(doc)])
    with store.session() as s:
        (agreement,) = queries.list_events(s, queries.EventFilter(type="agreement"))
        assert agreement["start"] == "2025-03-04"
        detail = queries.event_detail(s, agreement["id"])
        visit = next(link["event"] for link in detail["links"] if link["relation"] == "during")
        assert visit["type"] == "visit"
        back = queries.event_detail(s, visit["id"])["links"]
    assert [(b["relation"], b["event"]["id"]) for b in back] == [("includes", agreement["id"])]


def test_facts_keep_the_words_that_say_their_value(store):
    doc = processed("vi_danang_fukuoka.txt")
    store.add_batch([doc])
    with store.session() as s:
        facts = s.scalars(select(Fact).where(Fact.value_start.is_not(None))).all()
    said = {(f.field, doc.text[f.value_start:f.value_end]) for f in facts}
    assert ("place", "Fukuoka") in said
    assert any(field == "start" and "14/5" in words for field, words in said)
    assert any(field == "type" and "ký kết" in words.lower() for field, words in said)
    assert all(f.span_start <= f.value_start < f.value_end <= f.span_end for f in facts)
