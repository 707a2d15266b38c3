"""Loads the data files under cityties/data once: per-language lexicons and shared tables."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("cityties") / "data"))
LEXICON = DATA / "lexicon"


def languages() -> tuple[str, ...]:
    """Languages that have a lexicon folder: adding a language means adding one."""
    return tuple(sorted(p.name for p in LEXICON.iterdir() if p.is_dir()))


def read_rows(path: Path) -> list[list[str]]:
    """Rows of a tab-separated data file, skipping blank lines and '#' comments."""
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@lru_cache(maxsize=None)
def table(lang: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """The rows of data/lexicon/<lang>/<kind>.tsv (empty when the language has none)."""
    return tuple(tuple(r) for r in read_rows(LEXICON / lang / f"{kind}.tsv"))


@lru_cache(maxsize=None)
def shared_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a language-independent file data/<name>.tsv."""
    return tuple(tuple(r) for r in read_rows(DATA / f"{name}.tsv"))
