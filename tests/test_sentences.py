from cityties.stages.sentences import split


def texts(text, lang="vi"):
    return [s.text for s in split(text, lang)]


def test_offsets_point_into_text():
    text = "Câu một. Câu hai!\n\nĐoạn mới? Có."
    for s in split(text, "vi"):
        assert text[s.start:s.end] == s.text


def test_missing_space_after_period_still_splits():
    assert texts("kể từ COVID-19.Sự kiện có 50 thành phố.") == ["kể từ COVID-19.", "Sự kiện có 50 thành phố."]


def test_abbreviations_initials_and_dotted_numbers_do_not_split():
    assert texts("Ông José I. Blandón đến TP.HCM ngày 18.9.2024. Sept. 24 là ngày họp.") == [
        "Ông José I. Blandón đến TP.HCM ngày 18.9.2024.", "Sept. 24 là ngày họp."]


def test_paragraphs_are_numbered():
    sents = split("A first one. A second.\n\n서울시는 발표했다. 다음 문장.", "ko")
    assert [s.paragraph for s in sents] == [0, 0, 1, 1]
