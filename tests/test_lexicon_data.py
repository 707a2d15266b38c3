"""Every lexicon data file parses and holds only valid labels, without contradicting itself."""
import pytest

from cityties.document import COUNT_KEYS, EVENT_TYPES
from cityties.lexicon import languages, shared_table, table
from cityties.stages.counts import NOT_A_COUNT
from cityties.stages.lexmatch import DIACRITIC_LANGS, spelling
from cityties.stages.people import ROLE_SCOPES
from cityties.stages.themes import THEMES
from cityties.stages.events import TIE
from cityties.stages.triggers import BLOCKER
from cityties.textmatch import fold

CUE_KINDS = {"planned", "approx", "hypothetical", "anniversary", "past", "since", "field", "report"}
HONORIFIC_KINDS = {"person", "link", "particle", "stop", "ending"}
LANGS = ("vi", "en", "ko")


def _key(lang: str, phrase: str) -> str:
    """The form two phrases collide on when matched."""
    return spelling(phrase) if lang in DIACRITIC_LANGS else fold(phrase)


def _no_conflicts(lang: str, rows, label) -> None:
    seen: dict[str, object] = {}
    for row in rows:
        key = _key(lang, row[0])
        assert seen.setdefault(key, label(row)) == label(row), f"{lang}: {row[0]!r} has two labels"


def test_the_three_languages_have_lexicons():
    assert set(LANGS) <= set(languages())


@pytest.mark.parametrize("lang", LANGS)
def test_triggers(lang):
    rows = table(lang, "triggers")
    assert len(rows) > 150
    for phrase, etype, weight in rows:
        assert etype in EVENT_TYPES or etype in (BLOCKER, TIE), phrase
        assert (0 < float(weight) <= 1) if etype != BLOCKER else float(weight) == 0, phrase
    assert {etype for _, etype, _ in rows} >= set(EVENT_TYPES)
    _no_conflicts(lang, rows, lambda r: r[1])


@pytest.mark.parametrize("lang", LANGS)
def test_roles(lang):
    rows = table(lang, "roles")
    assert len(rows) > 50
    for phrase, role, scope in rows:
        assert scope in ROLE_SCOPES, phrase
        assert role == role.lower() and role.strip(), phrase
    _no_conflicts(lang, rows, lambda r: (r[1], r[2]))


@pytest.mark.parametrize("lang", LANGS)
def test_themes(lang):
    rows = table(lang, "themes")
    assert {theme for _, theme in rows} == set(THEMES)
    _no_conflicts(lang, rows, lambda r: r[1])


@pytest.mark.parametrize("lang", LANGS)
def test_counts_cues_honorifics(lang):
    counts, cues, words = table(lang, "counts"), table(lang, "cues"), table(lang, "honorifics")
    assert counts and all(key in COUNT_KEYS or key == NOT_A_COUNT for _, key in counts)
    assert {kind for _, kind in cues} == CUE_KINDS
    assert all(kind in HONORIFIC_KINDS for _, kind in words)
    for rows in (counts, cues, words):
        _no_conflicts(lang, rows, lambda r: r[1])


@pytest.mark.parametrize("lang", ("vi", "en"))
def test_number_words(lang):
    values = [int(value) for _, value in table(lang, "numbers")]
    assert values and all(2 <= v <= 20 for v in values)


def test_korean_romanization_tables():
    kinds = {kind for _, _, kind in table("ko", "romanization")}
    assert kinds == {"surname", "syllable", "initial", "medial", "final"}
    counts = {kind: sum(1 for *_, k in table("ko", "romanization") if k == kind) for kind in kinds}
    assert (counts["initial"], counts["medial"], counts["final"]) == (19, 21, 27)


def test_organizations():
    rows = shared_table("organizations")
    assert len(rows) > 200
    assert all(len(row) == 2 and all(row) for row in rows)
    aliases: dict[str, str] = {}
    for canonical, alias in rows:
        assert aliases.setdefault(fold(alias), canonical) == canonical, alias
    canonicals = {canonical for canonical, _ in rows}
    assert {"UCLG", "Metropolis", "C40", "ICLEI", "UN-Habitat", "UNESCO", "OECD", "ASEAN"} <= canonicals
    assert not {"WCS", "MGMAC", "Lee Kuan Yew World City Prize"} & canonicals  # events and prizes
