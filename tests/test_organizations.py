import pytest

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
    assert names("Officials from UN-Habitat and the UNESCO Creative Cities Network", "en") == [
        "UN-Habitat", "UNESCO Creative Cities Network"]


def test_vietnamese_names_in_any_case():
    text = "Tổng Thư ký ASEAN phát biểu; Bắc Ninh gia nhập mạng lưới các thành phố sáng tạo của UNESCO."
    assert names(text, "vi") == ["ASEAN", "UNESCO Creative Cities Network"]


def test_korean_names_compounds_and_particles_after_latin():
    text = "서울시는 UCLG와 세계대도시협의회(메트로폴리스)의 회원이며 유네스코창의도시네트워크에 가입했다."
    assert names(text, "ko") == ["UCLG", "Metropolis", "Metropolis", "UNESCO Creative Cities Network"]


def test_unesco_networks_carry_its_name_in_every_language():
    for text, lang in [("Chuncheon joined the Creative Cities Network (UCCN).", "en"),
                       ("Chuncheon gia nhập Mạng lưới Thành phố sáng tạo UNESCO.", "vi"),
                       ("춘천시가 유네스코 창의도시 네트워크에 가입했다.", "ko")]:
        assert set(names(text, lang)) == {"UNESCO Creative Cities Network"}, text
    assert names("Hanoi joined the Global Network of Learning Cities.", "en") == ["UNESCO GNLC"]


@pytest.mark.parametrize("text, lang, found", [
    ("The Global Alliance of Port Towns (GAPT) met in Lisbon. GAPT later said it would grow.", "en",
     ["GAPT", "GAPT"]),
    ("Delegates of the Federation of River Cities and Basins (FRCB) signed.", "en", ["FRCB"]),
    ("Hiệp hội các thành phố ven biển toàn cầu (GCCA) tham dự.", "vi", ["GCCA"]),
    ("국제강변도시연맹(IRCF)이 참가했다.", "ko", ["IRCF"]),
    # a body organizations.tsv knows keeps its own name
    ("the United Nations Human Settlements Programme (UN-Habitat)", "en", ["UN-Habitat", "UN-Habitat"]),
    ("세계물위원회(WWC)와 함께", "ko", ["World Water Council", "World Water Council"]),
])
def test_a_body_the_text_names_with_its_acronym(text, lang, found):
    assert names(text, lang) == found


@pytest.mark.parametrize("text", [
    "Officials of the Busan Port Authority Council (BPAC) attended.",  # a place: a local body
    "The Mayors Forum of Port Cities (MFPC) opened on Monday.",  # a forum is a gathering
    "They signed a memorandum of understanding (MOU).",
])
def test_no_body_without_a_head_word_or_with_a_place(text):
    assert names(text, "en") == []


def test_run_fills_the_document_with_sentences():
    text = "Mayors met at OECD. Then ICLEI spoke."
    doc = Document(raw=text, text=text, language="en",
                   sentences=[Sentence(0, 19, text[:19]), Sentence(20, len(text), text[20:])])
    refs = organizations.run(doc).organizations
    assert [(r.name, r.surface, r.sentence) for r in refs] == [("OECD", "OECD", 0), ("ICLEI", "ICLEI", 1)]
