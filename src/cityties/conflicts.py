"""Which value of a single-valued field an event shows when its sources disagree, and why.

The rule, in order: a curated value wins; else the value the most articles state; among those,
the most specific (a full date over a month, a month over a year); among those, the value of the
most recently published source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Fields an event has one value of; every other field (places, people, themes...) is a set.
SINGLE_FIELDS = ("name", "start", "end", "location")
COUNT_PREFIX = "count:"


def is_single(field_name: str) -> bool:
    return field_name in SINGLE_FIELDS or field_name.startswith(COUNT_PREFIX)


@dataclass
class Claim:
    """One value of a field as one source states it."""

    value: str
    label: str
    article_id: str | None
    published: date | None
    origin: str = "extracted"
    sentence: str | None = None


@dataclass
class Resolution:
    """A field's chosen value, the rule that chose it, and every value with its supporters."""

    field: str
    value: str
    label: str
    rule: str
    values: list[dict] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return len(self.values) > 1


def resolve(field_name: str, claims: list[Claim]) -> Resolution | None:
    """Choose a value for one field from its claims (None when there are none)."""
    if not claims:
        return None
    by_value: dict[str, list[Claim]] = {}
    for c in claims:
        by_value.setdefault(c.value, []).append(c)
    values = [{"value": v, "label": cs[0].label, "articles": sorted({c.article_id for c in cs if c.article_id}),
               "sentences": [c.sentence for c in cs if c.sentence],
               "origin": "curated" if any(c.origin == "curated" for c in cs) else "extracted"}
              for v, cs in by_value.items()]
    curated = [c for c in claims if c.origin == "curated"]
    if curated:
        chosen, rule = curated[-1].value, "curated"
    else:
        chosen, rule = _by_rule(by_value)
    label = by_value[chosen][0].label
    values.sort(key=lambda v: (v["value"] != chosen, -len(v["articles"])))
    return Resolution(field_name, chosen, label, rule, values)


def _by_rule(by_value: dict[str, list[Claim]]) -> tuple[str, str]:
    support = {v: len({c.article_id for c in cs}) for v, cs in by_value.items()}
    best = max(support.values())
    tied = [v for v in by_value if support[v] == best]
    if len(tied) == 1:
        return tied[0], "only value" if len(by_value) == 1 else "majority of sources"
    most_specific = max(len(v) for v in tied)
    specific = [v for v in tied if len(v) == most_specific]
    if len(specific) == 1 and _is_date(specific[0]):
        return specific[0], "most specific"

    def newest(v: str) -> date:
        return max((c.published or date.min) for c in by_value[v])

    return max(specific, key=lambda v: (newest(v), v)), "most recent source"


def _is_date(value: str) -> bool:
    return len(value) in (4, 7, 10) and value[:4].isdigit()
