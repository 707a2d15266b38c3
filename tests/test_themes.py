from cityties.document import Document
from cityties.stages import themes
from cityties.stages.themes import find_themes


def found(text, lang):
    return [theme for _, _, theme in find_themes(text, lang)]


def test_vietnamese_fields():
    text = "Hai bên hợp tác về chuyển đổi số, đô thị thông minh, biến đổi khí hậu và giao lưu nhân dân."
    assert found(text, "vi") == ["digital", "smart_city", "climate", "people_exchange"]


def test_vietnamese_diacritics_tell_words_apart_wherever_the_tone_mark_sits():
    assert found("Mỗi trường học đều có", "vi") == []  # not "môi trường" (environment)
    assert found("chính sách hoà nhập", "vi") == ["inclusion"]  # "hòa nhập" with the old tone placement


def test_english_fields_longest_first():
    text = "They discussed public transport, carbon neutrality, affordable housing and youth exchanges."
    assert found(text, "en") == ["transport", "climate", "urban_planning", "people_exchange"]


def test_korean_fields_inside_compounds():
    assert found("두 도시는 해양수산분야와 스마트시티, 탄소중립에서 협력한다.", "ko") == ["agriculture", "smart_city", "climate"]


def test_korean_syllables_are_not_folded_to_their_first_consonant():
    # 기타 (etc.) has the same initial consonants as 교통 (transport)
    assert found("기타 사항", "ko") == []


def test_run_sets_theme_refs():
    text = "Cooperation in tourism."
    doc = themes.run(Document(raw=text, text=text, language="en"))
    assert [(t.theme, t.surface, t.span.start) for t in doc.themes] == [("tourism", "tourism", 15)]


def test_field_words_inside_proper_names_are_not_fields():
    found = find_themes("Ngày 2.10, tại Cung Văn hóa Hữu nghị, hai bên hợp tác về văn hóa và du lịch.", "vi")
    assert [t for _, _, t in found] == ["culture", "tourism"]
    assert found[0][0] > 30  # the second "văn hóa", not the palace's name
