"""A dossier as one self-contained HTML page: inline CSS and SVG, nothing fetched from anywhere."""
from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader

from cityties.timeline import color, timeline_chart
from cityties.worldmap import partner_map

TEMPLATE = "dossier.html.j2"


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(loader=PackageLoader("cityties", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["type_color"] = color
    return env


def render_html(dossier: dict) -> str:
    """The page of a dossier (from queries.dossier or queries.place_dossier)."""
    return _env().get_template(TEMPLATE).render(d=dossier, map=partner_map(dossier),
                                                timeline=timeline_chart(dossier["events"]))
