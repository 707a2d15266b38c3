"""Language identification: vi, en, ko, offline, restricted to the lexicon languages."""
import socket

import pytest

from cityties import lexicon
from cityties.document import Document
from cityties.stages import language

SENTENCES = {
    "vi": "Thành phố Đà Nẵng và thành phố Sakai đã ký biên bản ghi nhớ hợp tác về du lịch và giáo dục.",
    "en": "The mayor of Brisbane led a delegation to Incheon to sign a friendship city agreement.",
    "ko": "울산시는 베트남 하이퐁시와 조선 분야 협력 의향서를 체결했다고 밝혔다.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detects_each_language(lang):
    detected, confidence = language.detect(SENTENCES[lang])
    assert detected == lang
    assert 0.5 < confidence <= 1.0


def test_hangul_text_with_latin_acronyms_is_korean():
    assert language.detect("UCLG 총회에서 Daejeon 선언을 채택했다.")[0] == "ko"


def test_text_without_letters_is_undetermined():
    assert language.detect("2024-05-02 10:15 | 3,000") == ("und", 0.0)


def test_answers_only_languages_with_a_lexicon():
    assert language.detect("La ville de Lyon a signé un accord de coopération avec Hanoï.")[0] in lexicon.languages()


def test_run_uses_clean_text_then_raw():
    assert language.run(Document(raw="", text=SENTENCES["vi"])).language == "vi"
    assert language.run(Document(raw=SENTENCES["en"])).language == "en"
    assert language.run(Document(raw="12/10/2019")).language is None


def test_model_loads_without_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    language._identifier.cache_clear()
    assert language.detect(SENTENCES["en"])[0] == "en"
    assert language.detect(SENTENCES["vi"])[0] == "vi"
