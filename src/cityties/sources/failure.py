"""What reading one input yields when it cannot give a document."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Failure:
    """An input (path, URL or record) that could not be read, and why, in words for a person."""

    source: str
    reason: str
