"""The orchestrator: stage order matches its docstring, errors name the stage, output is complete."""
import pytest

from cityties import pipeline
from cityties.document import Document
from cityties.sources import read
from conftest import ARTICLES


def test_docstring_lists_the_stages_in_order():
    doc = pipeline.__doc__
    positions = [doc.index(f" {name} ") for name in pipeline.STAGE_NAMES]
    assert positions == sorted(positions)


def test_every_stage_module_exists_and_runs_in_order():
    assert [name for name, _ in pipeline.stages()] == list(pipeline.STAGE_NAMES)


def test_stage_returning_nothing_is_named(monkeypatch):
    monkeypatch.setattr(pipeline, "stages", lambda: [("broken", lambda doc: None)])
    with pytest.raises(pipeline.StageError, match="'broken' returned NoneType"):
        pipeline.run(Document(raw="x"))


def test_empty_text_after_cleaning_is_an_error():
    with pytest.raises(pipeline.StageError, match="no article text"):
        pipeline.run(Document(raw="   \n\n  "))


def test_full_run_fills_every_layer():
    (doc,) = read([str(ARTICLES / "vi_danang_fukuoka.txt")])
    doc = pipeline.run(doc)
    assert doc.language == "vi"
    assert "Đăng nhập" not in doc.text and "Ảnh 1" not in doc.text
    assert {p.name for p in doc.places} >= {"Da Nang", "Fukuoka"}
    assert doc.dates and doc.triggers and doc.people and doc.themes
    agreement = next(m for m in doc.mentions if m.type == "agreement")
    assert {"tourism", "education", "innovation"} <= {t.value for t in agreement.themes}
    assert {p.value.name for p in agreement.people} >= {"Lê Trung Chinh", "Takashima Soichiro"}
