"""Language identification with py3langid, restricted to the languages cityties has a lexicon for."""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from cityties import lexicon
from cityties.document import Document

UNDETERMINED = "und"  # ISO 639-2 code for "undetermined", also what py3langid abstains with
# Korean is the only language written in Hangul: when over half the letters are Hangul syllables
# (Korean news keeps Latin acronyms and names well below that) the model need not be asked.
HANGUL_SHARE = 0.5


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The model, loaded once from the py3langid wheel (no network) and restricted to lexicon languages."""
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    known = [lang for lang in lexicon.languages() if lang in identifier.labels]
    if known:
        identifier.set_languages(known)
    return identifier


def _hangul_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\uac00" <= c <= "\ud7a3" for c in letters) / len(letters) if letters else 0.0


def detect(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and a confidence in [0, 1]; 'und' without letters."""
    if not any(c.isalpha() for c in text):
        return UNDETERMINED, 0.0
    share = _hangul_share(text)
    if share > HANGUL_SHARE and "ko" in lexicon.languages():
        return "ko", share
    lang, confidence = _identifier().classify(text)
    return lang, float(confidence)


def run(doc: Document) -> Document:
    """Set doc.language from the clean text (the raw text before cleaning), None when undetermined."""
    lang, _ = detect(doc.text or doc.raw)
    doc.language = None if lang == UNDETERMINED else lang
    return doc
