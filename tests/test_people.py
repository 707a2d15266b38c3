import re

from cityties.document import CountryRef, Document, OrgRef, PlaceRef, Sentence, Span
from cityties.stages import people
from cityties.stages.romanize import romanize_name

PLACES = {  # surface -> (canonical name, country)
    "TP HCM": ("Ho Chi Minh City", "VN"), "Hà Nội": ("Hanoi", "VN"), "Viêng Chăn": ("Vientiane", "LA"),
    "Seoul": ("Seoul", "KR"), "New York City": ("New York City", "US"), "Busan": ("Busan", "KR"),
    "Đà Nẵng": ("Da Nang", "VN"), "Incheon": ("Incheon", "KR"), "Lyon": ("Lyon", "FR"),
    "Auckland": ("Auckland", "NZ"), "서울": ("Seoul", "KR"), "부산": ("Busan", "KR"),
    "리스본": ("Lisbon", "PT"), "대구": ("Daegu", "KR"), "Huế": ("Hue", "VN"),
}
ORGS = {"ASEAN": "ASEAN", "Metropolis": "Metropolis"}
COUNTRIES = {"Lào": "LA", "Campuchia": "KH"}


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in re.finditer(r"\. |$", text):
        out.append(Sentence(start, m.end(), text[start:m.end()]))
        start = m.end()
    return out


def _spans(text: str, surfaces) -> list[tuple[int, int, str]]:
    """Every occurrence of the surfaces, longest first where they overlap."""
    taken, found = set(), []
    for surface in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            if not taken & set(range(m.start(), m.end())):
                taken |= set(range(m.start(), m.end()))
                found.append((m.start(), m.end(), surface))
    return sorted(found)


def annotate(text: str, lang: str) -> Document:
    """A document with sentences, places, organizations and countries marked by hand."""
    doc = Document(raw=text, text=text, language=lang, sentences=_sentences(text))
    doc.places = [PlaceRef(0, PLACES[s][0], PLACES[s][1], "city", s, Span(a, b), doc.sentence_of(a))
                  for a, b, s in _spans(text, PLACES)]
    doc.organizations = [OrgRef(ORGS[s], s, Span(a, b), doc.sentence_of(a)) for a, b, s in _spans(text, ORGS)]
    doc.countries = [CountryRef(COUNTRIES[s], s, Span(a, b), doc.sentence_of(a)) for a, b, s in _spans(text, COUNTRIES)]
    return doc


def found(text: str, lang: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.of) for p in people.run(annotate(text, lang)).people]


def test_vietnamese_title_place_name():
    assert found("Chủ tịch UBND TP HCM Phan Văn Mãi phát biểu tại buổi lễ.", "vi") == [
        ("Phan Văn Mãi", "chairman of the people's committee", "Ho Chi Minh City")]


def test_vietnamese_rank_then_title_in_an_appositive_chain():
    text = ("Sáng nay, ông Nguyễn Văn Thọ - Ủy viên Ban Thường vụ Thành ủy, Phó Chủ tịch Thường trực HĐND "
            "TP HCM, đã tiếp đoàn.")
    assert found(text, "vi") == [
        ("Nguyễn Văn Thọ", "standing vice chairman of the people's council", "Ho Chi Minh City")]


def test_vietnamese_foreign_titles_org_and_country():
    text = ("Đô trưởng Thủ đô Viêng Chăn Atsaphangthong Siphandone gặp Tổng Thư ký ASEAN Kao Kim Hourn. "
            "Thủ tướng Chính phủ Lào Sonexay Siphandone dự lễ.")
    assert found(text, "vi") == [
        ("Atsaphangthong Siphandone", "mayor", "Vientiane"),
        ("Kao Kim Hourn", "secretary-general", "ASEAN"),
        ("Sonexay Siphandone", "prime minister", "Laos")]


def test_vietnamese_title_place_comma_honorific_name():
    assert found("Thị trưởng Seoul, ông Oh Se-hoon cho biết.", "vi") == [("Oh Se-hoon", "mayor", "Seoul")]


def test_vietnamese_short_mention_joins_the_full_name():
    text = "Bí thư Thành ủy Đà Nẵng Lê Minh Châu tiếp đoàn. Ông Châu cảm ơn khách."
    assert found(text, "vi") == [
        ("Lê Minh Châu", "secretary of the city party committee", "Da Nang"),
        ("Lê Minh Châu", "secretary of the city party committee", "Da Nang")]


def test_vietnamese_stop_words_keep_their_diacritics():
    # "Trọng" is a name syllable, "Trong" (in) a stop word; "Hải" a name, "Hai" (two) a stop word
    assert found("Phó Chủ tịch UBND TP Huế Võ Trọng Hải ký văn bản.", "vi") == [
        ("Võ Trọng Hải", "vice chairman of the people's committee", "Hue")]


def test_english_place_title_name_and_short_mention():
    text = "New York City Mayor Eric Adams met Busan officials. Mayor Adams praised the port."
    assert found(text, "en") == [("Eric Adams", "mayor", "New York City"), ("Eric Adams", "mayor", "New York City")]


def test_english_title_without_place_takes_it_from_another_mention():
    text = "Mayor Oh Se-hoon arrived on Monday. Oh Se-hoon, the mayor of Seoul, spoke."
    assert found(text, "en") == [("Oh Se-hoon", "mayor", "Seoul"), ("Oh Se-hoon", "mayor", "Seoul")]


def test_english_appositives():
    text = "Rosa Delgado, Mayor of Lyon, and Tamati Reed, the deputy mayor of Auckland, signed the MOU."
    assert found(text, "en") == [("Rosa Delgado", "mayor", "Lyon"), ("Tamati Reed", "deputy mayor", "Auckland")]


def test_a_title_alone_makes_no_person():
    assert found("The Mayor of Incheon welcomed guests. Mayor Kim smiled.", "en") == []


def test_korean_name_before_place_title():
    assert found("오세훈 서울시장은 이날 부산을 찾았다.", "ko") == [("Oh Se-hoon", "mayor", "Seoul")]


def test_korean_latin_name_in_parentheses_wins():
    text = "박형준 부산시장은 카를루스 모에다스(Carlos Moedas) 리스본시장과 만났다. 모에다스 리스본시장은 웃었다."
    assert found(text, "ko") == [("Park Hyung-joon", "mayor", "Busan"), ("Carlos Moedas", "mayor", "Lisbon"),
                                 ("Carlos Moedas", "mayor", "Lisbon")]


def test_korean_family_name_and_title_joins_the_full_name():
    text = "홍준표 대구시장이 협약에 서명했다. 홍 시장은 기대를 밝혔다."
    assert found(text, "ko") == [("Hong Joon-pyo", "mayor", "Daegu"), ("Hong Joon-pyo", "mayor", "Daegu")]


def test_korean_words_before_titles_that_are_no_names():
    assert found("이날 서울시장은 호남을 대표하는 기업을 찾았다.", "ko") == []


def test_romanize_korean_names():
    assert [romanize_name(n) for n in ("오세훈", "박원순", "이장우", "남궁민수", "블란돈", "이번에는")] == [
        "Oh Se-hoon", "Park Won-soon", "Lee Jang-woo", "Namgung Min-soo", None, None]


def test_person_refs_carry_span_and_sentence():
    doc = people.run(annotate("Hôm qua trời mưa. Chủ tịch UBND TP Hà Nội Trần Văn Bình phát biểu.", "vi"))
    [ref] = doc.people
    assert (ref.surface, ref.sentence, ref.confidence) == ("Trần Văn Bình", 1, people.FULL_CONFIDENCE)
    assert doc.text[ref.span.start:ref.span.end] == "Trần Văn Bình"
