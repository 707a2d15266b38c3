from cityties.document import Document, Sentence
from cityties.stages import organizations
from cityties.stages.organizations import find_organizations


def names(text, lang):
    return [name for _, _, name in find_organizations(text, lang)]


def test_acronyms_and_full_names_in_english():
    text = "The mayor joined UCLG and the World Association of the Major Metropolises before C40 met."
    assert names(text, "en") == ["UCLG", "Metropolis", "C40"]


def test_acronyms_must_be_capitals_and_one_word_names_capitalized():
    assert names("un jour, a metropolis grew", "en") == []
    assert names("The UN and Metropolis", "en") == ["UN", "Metropolis"]


def test_longest_name_wins_over_the_acronym_inside_it():
    assert names("Officials from UN-Habitat and the UNESCO Creative Cities Network", "en") == ["UN-Habitat", "UCCN"]


def test_vietnamese_names_in_any_case():
    text = "Tổng Thư ký ASEAN phát biểu; Bắc Ninh gia nhập mạng lưới các thành phố sáng tạo của UNESCO."
    assert names(text, "vi") == ["ASEAN", "UCCN"]


def test_korean_names_compounds_and_particles_after_latin():
    text = "서울시는 UCLG와 세계대도시협의회(메트로폴리스)의 회원이며 유네스코창의도시네트워크에 가입했다."
    assert names(text, "ko") == ["UCLG", "Metropolis", "Metropolis", "UCCN"]


def test_run_fills_the_document_with_sentences():
    text = "Mayors met at OECD. Then ICLEI spoke."
    doc = Document(raw=text, text=text, language="en",
                   sentences=[Sentence(0, 19, text[:19]), Sentence(20, len(text), text[20:])])
    refs = organizations.run(doc).organizations
    assert [(r.name, r.surface, r.sentence) for r in refs] == [("OECD", "OECD", 0), ("ICLEI", "ICLEI", 1)]
