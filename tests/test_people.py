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
    "Gyeonggi": ("Gyeonggi", "KR"), "칭다오": ("Qingdao", "CN"), "박닌": ("Bac Ninh", "VN"),
    "Chongqing": ("Chongqing", "CN"), "Iloilo": ("Iloilo", "PH"),
    "Ramon": ("Ramon", "US"), "Villanueva": ("Villanueva", "CO"),  # given name and surname the gazetteer knows
}
REGIONS = {"Gyeonggi"}  # places annotated as first-level regions; the others are cities
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
    doc.places = [PlaceRef(0, PLACES[s][0], PLACES[s][1], "region" if s in REGIONS else "city", s, Span(a, b),
                           doc.sentence_of(a))
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


def test_a_plural_title_covers_every_name_of_its_list():
    text = "Councillors Anna Berg, Tom Hale and Ruth Pike joined Mayor Tamati Reed in Lyon."
    assert found(text, "en") == [("Anna Berg", "councillor", None), ("Tom Hale", "councillor", None),
                                 ("Ruth Pike", "councillor", None), ("Tamati Reed", "mayor", None)]


def test_a_plural_title_after_a_singular_one():
    text = "The group had Deputy Mayor Tom Hale and councillors Anna Berg and Ruth Pike in it."
    assert found(text, "en") == [("Tom Hale", "deputy mayor", None), ("Anna Berg", "councillor", None),
                                 ("Ruth Pike", "councillor", None)]


def test_a_list_under_a_plural_title_may_hold_a_first_name_read_as_a_place():
    assert found("Councillors Anna Berg and Lyon Pike left.", "en") == [
        ("Anna Berg", "councillor", None), ("Lyon Pike", "councillor", None)]
    # where the word stands alone too, it is the place: the list ends there
    assert found("Councillors Anna Berg and Lyon Pike left. Lyon is calm.", "en") == [
        ("Anna Berg", "councillor", None)]


def test_untitled_names_in_a_list_of_titled_people():
    text = "Mayor Rosa Delgado, City Manager Tom Hale, Anna Berg and Ruth Pike led the group."
    assert found(text, "en") == [("Rosa Delgado", "mayor", None), ("Tom Hale", "city manager", None),
                                 ("Anna Berg", None, None), ("Ruth Pike", None, None)]


def test_lists_that_hold_no_untitled_people():
    # one title only: what follows "and" may be anything
    assert found("Mayor Rosa Delgado and First Lady Ruth Pike arrived.", "en") == [("Rosa Delgado", "mayor", None)]
    # a place's body, and a name that a link word continues, are organizations
    text = "Mayor Rosa Delgado, Deputy Mayor Tom Hale, Auckland Council and Harbour Board of Trade came."
    assert found(text, "en") == [("Rosa Delgado", "mayor", None), ("Tom Hale", "deputy mayor", None)]


def test_a_vietnamese_stop_word_may_end_a_name():
    # "Năm" (year) starts sentences, and is a given name
    text = "Theo ông Trần Văn Năm - Chủ tịch UBND TP Huế, hai bên đã ký. Năm nay trời mưa."
    assert found(text, "vi") == [("Trần Văn Năm", "chairman of the people's committee", "Hue")]


def test_an_english_stop_word_ends_a_title_case_name():
    assert found("Mayor Rosa Delgado At Forum", "en") == [("Rosa Delgado", "mayor", None)]


def test_a_possessive_ends_a_name():
    text = "Seoul Mayor Oh Se-hoon's visit ended. Mayor Oh's plan stands."
    assert found(text, "en") == [("Oh Se-hoon", "mayor", "Seoul"), ("Oh Se-hoon", "mayor", "Seoul")]


def test_a_place_the_gazetteer_does_not_know_between_title_and_name():
    text = ("The Mayor of Greater Riverside Borough, Tom Hale, and the Mayor of Auckland Harbour and "
            "Islands District, Tamati Reed, spoke.")
    assert found(text, "en") == [("Tom Hale", "mayor", None), ("Tamati Reed", "mayor", "Auckland")]


def test_a_possessive_between_a_name_and_its_title():
    assert found("Tom Hale, the festival's director, said so.", "en") == [("Tom Hale", "director", None)]
    text = "The council chose Anna Maria Berg, its Manager Records and Archives, for the trip."
    assert found(text, "en") == [("Anna Maria Berg", "manager", None)]


def test_the_last_words_of_a_longer_name_join_it():
    text = "The council chose Anna Maria Berg, its Manager Records, for the trip. Mrs Maria Berg leaves today."
    assert found(text, "en") == [("Anna Maria Berg", "manager", None), ("Anna Maria Berg", "manager", None)]


def test_a_title_with_its_place_inside():
    text = "Le Van Binh, Vice Chairman of the Hà Nội People's Committee, met Chairman of the Huế People's Council Tran Hoa."
    assert found(text, "en") == [("Le Van Binh", "vice chairman of the people's committee", "Hanoi"),
                                 ("Tran Hoa", "chairman of the people's council", "Hue")]


def test_an_acronym_of_a_body_named_after_a_place_stands_for_the_place():
    text = "Officials of the Lyon Metropolitan Council (LMC) met us. LMC Mayor Rosa Delgado spoke."
    assert found(text, "en") == [("Rosa Delgado", "mayor", "Lyon")]


def test_a_guessed_place_of_the_title_level():
    text = "Đoàn TP Incheon thuộc tỉnh Gyeonggi do Thị trưởng Yoo Jeong-bok dẫn đầu."
    assert found(text, "vi") == [("Yoo Jeong-bok", "mayor", "Incheon")]


def test_korean_name_in_parentheses_with_its_title():
    assert found("서울시(시장 오세훈)와 부산시가 협약을 맺었다.", "ko") == [("Oh Se-hoon", "mayor", "Seoul")]
    assert found("한 수협 조합장(김민수)이 참석했다.", "ko") == [
        ("Kim Min-soo", "head of the fisheries cooperative", None)]
    # a foreign name's Hangul spelling cannot give its Latin one
    assert found("대구시(시장 쿵판핑)와 만났다.", "ko") == []


def test_korean_latin_name_in_capitals():
    assert found("오이벡(OYBEK KARIMOV) 부산시 부시장이 왔다.", "ko") == [("Oybek Karimov", "vice mayor", "Busan")]


def test_korean_genitive_word_before_a_title_is_no_name():
    assert found("이날 여러 도시의 시장이 모였다.", "ko") == []


def test_korean_family_name_mention_takes_the_guessed_place():
    text = "서울시 대표단은 박민수 부시장이 이끌었다. 박 부시장은 웃었다."
    assert found(text, "ko") == [("Park Min-soo", "vice mayor", "Seoul"), ("Park Min-soo", "vice mayor", "Seoul")]


def test_names_with_middle_initials_are_whole_people_not_places():
    from cityties import pipeline
    from cityties.document import Document
    doc = pipeline.run(Document(raw="Iloilo City Mayor Ramon A. Villanueva met Mayor Jose Mari P. Espinosa "
                                    "in Manila on May 3, 2024.", source="t"))
    assert {p.name for p in doc.people} == {"Ramon A. Villanueva", "Jose Mari P. Espinosa"}
    assert {p.name for p in doc.places} == {"Iloilo", "Manila"}


def test_korean_photo_caption_positions_are_no_names():
    text = "오세훈 서울시장(오른쪽)과 박형준 부산시장(가운데)이 협약서를 들어 보이고 있다. 홍준표 대구시장(왼쪽)도 왔다."
    assert found(text, "ko") == [("Oh Se-hoon", "mayor", "Seoul"), ("Park Hyung-joon", "mayor", "Busan"),
                                 ("Hong Joon-pyo", "mayor", "Daegu")]


def test_korean_latin_form_in_parentheses_after_a_hangul_name_through_a_province():
    text = "박형준 부산시장과 레 꽝 민(Lê Quang Minh) 박닌성 인민위원장이 협약을 맺었다. 레 반 안(Lê Văn An) 부시장도 왔다."
    assert found(text, "ko") == [("Park Hyung-joon", "mayor", "Busan"),
                                 ("Lê Quang Minh", "chairman of the people's committee", "Bac Ninh"),
                                 ("Lê Văn An", "vice mayor", None)]


def test_korean_chinese_characters_are_no_latin_name_and_no_korean_romanization():
    # a Chinese official's Hangul name spells Mandarin sounds: no Korean romanization is made up
    text = "왕린(王林) 칭다오시 부시장과 왕지훈 칭다오시 부시장이 왔다. 오세훈(吳世勳) 서울시장도 참석했다."
    assert found(text, "ko") == [("Oh Se-hoon", "mayor", "Seoul")]


def test_english_appositive_title_of_an_organization():
    text = "Amina Diallo, deputy executive director of ASEAN, urged cities to act."
    assert found(text, "en") == [("Amina Diallo", "deputy executive director", "ASEAN")]


def test_english_place_title_and_hyphenated_korean_name_holding_a_trigger_word():
    assert found("The MOU was signed by Busan Mayor Kim Jae-won, who won praise.", "en") == [
        ("Kim Jae-won", "mayor", "Busan")]


def test_english_title_name_of_place():
    assert found("Deputy Mayor Anna Berg of Lyon arrived.", "en") == [("Anna Berg", "deputy mayor", "Lyon")]


def test_english_surname_alone_joins_the_one_full_name_with_it():
    text = ("Mayor Pieter van Dijk of Lyon met Mayor Sarah Whitfield of Auckland. The deal was signed by van Dijk. "
            "Whitfield will lead a delegation, Maria Whitfield said at Whitfield Gardens.")
    assert found(text, "en") == [("Pieter van Dijk", "mayor", "Lyon"), ("Sarah Whitfield", "mayor", "Auckland"),
                                 ("Pieter van Dijk", "mayor", "Lyon"), ("Sarah Whitfield", "mayor", "Auckland")]


def test_english_surname_alone_needs_an_earlier_full_name_and_only_one():
    text = ("Whitfield said. Mayor Anna Berg of Lyon and Mayor Tom Berg of Auckland met. Berg said it. "
            "Mayor Sarah Whitfield of Auckland came.")
    assert found(text, "en") == [("Anna Berg", "mayor", "Lyon"), ("Tom Berg", "mayor", "Auckland"),
                                 ("Sarah Whitfield", "mayor", "Auckland")]


def test_english_honorifics_abbreviated_given_names_and_initials():
    # "Ramon" and "Villanueva" are places of the gazetteer; "Ma." is the Filipino short form of Maria
    text = ("A delegation called on Hon. Ramon A. Villanueva, City Mayor of Iloilo. Also present were Vice Mayor "
            "Ma. Cristina L. Ganzon and H.E. Jose Mari P. Espinosa. Villanueva accepted the invitation.")
    assert found(text, "en") == [("Ramon A. Villanueva", "mayor", "Iloilo"), ("Ma. Cristina L. Ganzon", "vice mayor", None),
                                 ("Jose Mari P. Espinosa", None, None), ("Ramon A. Villanueva", "mayor", "Iloilo")]


def test_english_office_names_are_no_people():
    text = ("Ana Cruz, the Director of the Busan Water Resources Bureau, met the Chairman of the Lyon Tourism "
            "Committee, the Mayor of Bhubaneswar Municipal Corporation and Lyon Department of Tourism Director Tom Lee.")
    assert found(text, "en") == [("Ana Cruz", "director", "Busan"), ("Tom Lee", "director", None)]
    text = "Wang Hui, director of the Chongqing Foreign Affairs Office, spoke."
    assert found(text, "en") == [("Wang Hui", "director of the foreign affairs office", "Chongqing")]


def test_vietnamese_title_of_the_province_before_a_full_name():
    # "UBND tỉnh" (the province's committee) before a full name; an unknown place after "tỉnh" is no one
    text = ("Chủ tịch UBND tỉnh Trần Minh Khôi đã nhận lời và sẽ dẫn đoàn công tác của tỉnh sang thăm Busan. "
            "Chủ tịch UBND tỉnh Quảng Trị phát biểu.")
    assert found(text, "vi") == [("Trần Minh Khôi", "chairman of the people's committee", None)]
