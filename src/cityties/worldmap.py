"""The partner map of a dossier: bundled Natural Earth country outlines and the places, as SVG shapes.

Equirectangular projection of a 2:1 view fitted around the places; everything comes out in pixels.
Longitudes are taken next to the first place's (Sapporo is drawn west of Portland, across the
Pacific), and the world is repeated 360 degrees over where the view runs past the antimeridian.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

WORLD = "data/map/world_110m.json"  # built by scripts/build_world_map.py
WIDTH, HEIGHT = 960, 480  # pixels; 2:1 holds the whole world at one scale
PAD_DEG = 12.0  # degrees of margin around the outermost places
MIN_SPAN_DEG = 50.0  # the narrowest view in longitude, so neighbours still show their region
R_MIN, R_MAX = 4.0, 16.0  # circle radius (px) of the weakest partner and of the dossier's places
W_MIN, W_MAX = 1.0, 5.0  # line width (px) of the weakest and the strongest tie
BEND = 0.15  # a tie is drawn as an arc bowed by this share of its length
CHAR_W, FOCUS_CHAR_W, LABEL_H = 6.8, 8.6, 14  # rough label size (px) at the page's font sizes
DIGITS = 1  # decimals of pixel coordinates


@lru_cache(maxsize=1)
def countries() -> list[dict]:
    """The bundled country outlines: [{"id", "name", "rings": [[lon, lat, lon, lat, ...], ...]}]."""
    return json.loads(files("cityties").joinpath(WORLD).read_text(encoding="utf-8"))["countries"]


def near(lon: float, ref: float) -> float:
    """The longitude, moved by whole turns to lie within 180 degrees of ref."""
    return lon - 360 * round((lon - ref) / 360)


@dataclass
class View:
    """The part of the world shown: its west and north edges, in degrees, and pixels per degree."""

    west: float
    north: float
    scale: float

    @classmethod
    def around(cls, points: list[tuple[float, float]]) -> View:
        """The 2:1 view that holds the points with a margin (the whole world when there are none)."""
        if not points:
            return cls(-180.0, 90.0, WIDTH / 360.0)
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        span = max(max(lons) - min(lons) + 2 * PAD_DEG, 2 * (max(lats) - min(lats) + 2 * PAD_DEG), MIN_SPAN_DEG)
        span = min(span, 360.0)
        north = max(min((max(lats) + min(lats) + span / 2) / 2, 90.0), -90.0 + span / 2)
        return cls((max(lons) + min(lons) - span) / 2, north, WIDTH / span)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return round((lon - self.west) * self.scale, DIGITS), round((self.north - lat) * self.scale, DIGITS)

    def shifts(self) -> list[int]:
        """The copies of the world (in degrees east) that the view overlaps."""
        east = self.west + WIDTH / self.scale
        return [s for s in (-360, 0, 360) if s - 180 < east and self.west < s + 180]


def country_path(rings: list[list[float]], view: View) -> str:
    """One SVG path for a country's rings in every copy of the world in view (pairs after M are line-tos)."""
    parts = []
    for shift in view.shifts():
        for ring in rings:
            points = (view.xy(ring[i] + shift, ring[i + 1]) for i in range(0, len(ring), 2))
            coords = " ".join(f"{x:g} {y:g}" for x, y in points)
            parts.append(f"M{coords}Z")
    return "".join(parts)


def _scaled(value: float, top: float, low: float, high: float) -> float:
    """A size between low and high by the square root of value's share of top (areas track values)."""
    return round(low + (high - low) * math.sqrt(value / top), DIGITS) if top > 0 else low


def _arc(a: dict, b: dict) -> str:
    """A quadratic curve between two circles, bowed to one side."""
    mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
    cx, cy = mx - (b["y"] - a["y"]) * BEND, my + (b["x"] - a["x"]) * BEND
    return f"M{a['x']} {a['y']}Q{cx:.{DIGITS}f} {cy:.{DIGITS}f} {b['x']} {b['y']}"


def _place_labels(circles: list[dict]) -> None:
    """Give each circle, in order, the first label spot (right, left, above, below) in the frame that
    overlaps no circle and no earlier label; a circle with no free spot goes unlabelled (its name stays
    in its tooltip and the tables)."""
    taken = [(c["x"] - c["r"], c["y"] - c["r"], c["x"] + c["r"], c["y"] + c["r"]) for c in circles]
    for c in circles:
        w = len(c["name"]) * (FOCUS_CHAR_W if c["focus"] else CHAR_W)
        x, y, r = c["x"], c["y"], c["r"]
        spots = [(x + r + 3, y + 4, "start", x + r + 3), (x - r - 3, y + 4, "end", x - r - 3 - w),
                 (x, y - r - 5, "middle", x - w / 2), (x, y + r + LABEL_H, "middle", x - w / 2)]
        for tx, ty, anchor, left in spots:
            box = (left, ty - LABEL_H + 3, left + w, ty + 3)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT
            if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
                taken.append(box)
                c["label"] = {"x": round(tx, DIGITS), "y": round(ty, DIGITS), "anchor": anchor}
                break


def partner_map(dossier: dict) -> dict:
    """Country paths, tie arcs and place circles of a dossier: its places at full size, partners by tie strength."""
    focus = {p["geonameid"] for p in dossier["places"]}
    everyone = dossier["places"] + dossier.get("partners", [])  # the dossier's places first, then partners strongest first
    located = [p for p in everyone if p["lat"] is not None and p["lon"] is not None]
    ref = located[0]["lon"] if located else 0.0
    view = View.around([(near(p["lon"], ref), p["lat"]) for p in located])
    top = max((p["weight"] for p in located if p["geonameid"] not in focus), default=0.0)
    circles = []
    for p in located:
        x, y = view.xy(near(p["lon"], ref), p["lat"])
        is_focus = p["geonameid"] in focus
        circles.append({"geonameid": p["geonameid"], "name": p["name"], "country": p["country"], "x": x, "y": y,
                        "r": R_MAX if is_focus else _scaled(p["weight"], top, R_MIN, R_MAX),
                        "weight": p.get("weight"), "focus": is_focus, "label": None})
    _place_labels(circles)
    at = {c["geonameid"]: c for c in circles}
    top_tie = max((t["weight"] for t in dossier["ties"]), default=0.0)
    ties = [{"d": _arc(at[t["source"]], at[t["target"]]), "width": _scaled(t["weight"], top_tie, W_MIN, W_MAX),
             "title": f"{at[t['source']]['name']} – {at[t['target']]['name']}: tie strength {t['weight']}"}
            for t in dossier["ties"] if t["source"] in at and t["target"] in at]
    paths = [{"name": c["name"], "d": country_path(c["rings"], view)} for c in countries()]
    unplaced = [p["name"] for p in everyone if p not in located]
    return {"width": WIDTH, "height": HEIGHT, "countries": paths, "ties": ties, "places": circles, "unplaced": unplaced}
