from cityties.textmatch import PhraseMatcher, fold, fold_key


def test_fold_keeps_length_and_strips_marks():
    text = "Thành phố Hồ Chí Minh, Đà Nẵng"
    assert len(fold(text)) == len(text)
    assert fold(text) == "thanh pho ho chi minh, da nang"


def test_fold_key_compares_spellings():
    assert fold_key("Oh Se-hoon") == fold_key("oh sehoon")


def test_longest_match_wins_and_offsets_point_into_original():
    m = PhraseMatcher([("hội nghị", "forum"), ("hội nghị thượng đỉnh", "summit"), ("hội", "x")])
    text = "Khai mạc Hội nghị Thượng đỉnh tại Hà Nội"
    found = list(m.find_all(text))
    assert [(text[f.start:f.end], f.payload) for f in found] == [("Hội nghị Thượng đỉnh", ["summit"])]


def test_word_boundaries_for_latin_but_particles_allowed_after_hangul():
    m = PhraseMatcher([("seoul", "S"), ("서울", "K")])
    assert [f.payload for f in m.find_all("Seoulite Seoul's")] == [["S"]]
    assert [f.payload for f in m.find_all("서울시는 발표했다")] == [["K"]]


def test_same_phrase_keeps_every_payload():
    m = PhraseMatcher([("paris", 1), ("Paris", 2)])
    assert [f.payload for f in m.find_all("in Paris")] == [[1, 2]]


def test_empty_matcher_finds_nothing():
    assert list(PhraseMatcher([]).find_all("anything")) == []


def test_inside_words_finds_phrases_in_hangul_compounds_and_before_particles():
    m = PhraseMatcher([("서울", "S"), ("시장", "M"), ("uclg", "U"), ("주년", "Y")])
    text = "서울시장은 UCLG는 25주년"
    found = [(text[f.start:f.end], f.payload) for f in m.find_all(text, inside_words=True)]
    assert found == [("서울", ["S"]), ("시장", ["M"]), ("UCLG", ["U"]), ("주년", ["Y"])]
    assert [f.payload for f in m.find_all(text)] == [["S"]]  # without it, only whole-word starts


def test_fold_is_remembered_and_keeps_offsets():
    text = "Đà Nẵng và 서울 " * 50
    assert fold(text) is fold(text) and len(fold(text)) == len(text)
