from cityties.document import Document
from cityties.stages import triggers
from cityties.stages.triggers import find_triggers


def found(text, lang):
    return [(text[t.start:t.end], t.type) for t in find_triggers(text, lang)]


def names(text, lang):
    return [t.name for t in find_triggers(text, lang) if t.name]


def test_vietnamese_triggers_and_weights():
    hits = find_triggers("Chủ tịch UBND tiếp đoàn công tác và ký kết biên bản ghi nhớ.", "vi")
    assert [(t.type, t.weight) for t in hits] == [("visit", 1.0), ("agreement", 1.0), ("agreement", 1.0)]


def test_vietnamese_blockers_and_diacritics():
    text = "Đại biểu tiếp tục tham gia kỳ họp tại Hoa Kỳ và thẩm định dự án."
    assert found(text, "vi") == []


def test_english_inflections():
    text = "The mayor visited Busan, paid a courtesy call and signed an MOU; the city hosted a trade mission."
    assert found(text, "en") == [("visited", "visit"), ("paid a courtesy call", "visit"), ("signed", "agreement"),
                                 ("MOU", "agreement"), ("hosted", "visit"), ("trade mission", "visit")]


def test_korean_triggers_inside_compounds_and_before_particles():
    text = "시장은 공식방문 중 업무협약을 체결하고 자매결연 25주년을 기념했다. 방문객이 많았다."
    assert found(text, "ko") == [("공식방문", "visit"), ("업무협약", "agreement"), ("체결", "agreement"),
                                 ("자매결연", "tie"), ("주년", "agreement")]


def test_english_name_of_a_gathering():
    text = "Leaders gathered at the Global Mayors Summit 2019 in Lisbon. Summit talks went on."
    assert names(text, "en") == ["Global Mayors Summit 2019"]


def test_vietnamese_name_starts_with_its_head_noun():
    text = "Lãnh đạo Cần Thơ dự Diễn đàn Thị trưởng ASEAN lần thứ 3 tại Jakarta."
    assert names(text, "vi") == ["Diễn đàn Thị trưởng ASEAN lần thứ 3"]


def test_korean_compound_and_quoted_names():
    text = "제주시는 2022 국제평화도시포럼에 참석했다. 이어 '아시아 청년 기후 회의'에서 연설했다."
    assert names(text, "ko") == ["2022 국제평화도시포럼", "아시아 청년 기후 회의"]


def test_quoted_speech_is_no_name():
    assert names("그는 \"회의하고 쉬기를 거듭했다\"고 말했다.", "ko") == []


def test_a_trigger_inside_a_named_gathering_is_dropped():
    assert found("세계우호도시포럼이 열렸다.", "ko") == [("포럼", "forum")]


def test_run_sets_trigger_refs():
    text = "The Asia Pacific Cities Summit opened."
    refs = triggers.run(Document(raw=text, text=text, language="en")).triggers
    assert [(t.type, t.surface, t.name) for t in refs] == [("forum", "Summit", "Asia Pacific Cities Summit")]
