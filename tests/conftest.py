"""Shared fixtures: a fresh database per test, the bundled articles, a CLI runner."""
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cityties.settings import Settings
from cityties.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
SAMPLES = ROOT / "examples" / "articles"


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(db_url=f"sqlite:///{tmp_path / 'test.db'}")


@pytest.fixture
def store(settings) -> Store:
    return Store(settings)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def good_articles(tmp_path) -> Path:
    """The fixture articles without the corrupt one."""
    target = tmp_path / "good"
    target.mkdir()
    for f in ARTICLES.glob("*.txt"):
        if not f.name.startswith("zz_"):
            (target / f.name).write_bytes(f.read_bytes())
    return target
