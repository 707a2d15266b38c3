"""Builds src/cityties/data/map/world_110m.json: country outlines for the dossier's partner map.

Run from the repository root: .venv/bin/python scripts/build_world_map.py
It installs the npm package `world-atlas` (Mike Bostock's TopoJSON of Natural Earth, ISC licence;
the Natural Earth shapes themselves are public domain) into a temporary directory, decodes
countries-110m.json from TopoJSON into plain rings of longitude/latitude, and writes them rounded
to COORD_DIGITS decimals, so the runtime only reads coordinates. Same package version, same bytes.

The TopoJSON is spherical: a ring crossing the antimeridian (Fiji, Chukotka) jumps from 180 to -180,
which a flat map would draw as a line across the world. Such a ring is made continuous (longitudes
past 180) and written twice, 360 degrees apart; the map's frame clips what lies outside the world.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "cityties" / "data" / "map" / "world_110m.json"
PACKAGE = "world-atlas@2.0.2"  # pinned so a rebuild gives the same file
SOURCE = "countries-110m.json"
COORD_DIGITS = 2  # about 1 km, far finer than the 1:110m shapes


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (lon, lat) points (undoing quantization and delta coding)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[float]:
    """One closed ring from its arc indexes (~i is arc i reversed), flat [lon, lat, lon, lat, ...]."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    flat: list[float] = []
    for lon, lat in points:
        flat += [round(lon, COORD_DIGITS), round(lat, COORD_DIGITS)]
    return flat


def unwrapped(flat: list[float]) -> list[float]:
    """The ring with each longitude moved by 360 degrees where that keeps it next to the one before."""
    out = flat[:2]
    for i in range(2, len(flat), 2):
        lon = flat[i] - 360 * round((flat[i] - out[-2]) / 360)
        out += [round(lon, COORD_DIGITS), flat[i + 1]]
    return out


def flat_rings(flat: list[float]) -> list[list[float]]:
    """A ring as a flat map draws it: continuous, plus a copy 360 degrees over if it crosses the antimeridian."""
    ring = unwrapped(flat)
    lons = ring[0::2]
    if abs(lons[-1] - lons[0]) > 180 or -180 <= min(lons) <= max(lons) <= 180:
        return [flat]  # round the pole (Antarctica: the jump runs along the map's edge) or not crossing
    shift = -360 if max(lons) > 180 else 360
    return [ring, [round(v + shift, COORD_DIGITS) if i % 2 == 0 else v for i, v in enumerate(ring)]]


def countries(topo: dict) -> list[dict]:
    """Each country with its outer and inner rings."""
    arcs = decode_arcs(topo)
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geom.get("arcs", [])], "MultiPolygon": geom.get("arcs", [])}.get(geom["type"], [])
        rings = [part for polygon in polygons for r in polygon for part in flat_rings(ring(r, arcs))]
        if rings:
            out.append({"id": geom.get("id"), "name": geom["properties"]["name"], "rings": rings})
    return sorted(out, key=lambda c: (c["name"], c["id"] or ""))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", tmp, PACKAGE],
                       check=True)
        package = Path(tmp) / "node_modules" / "world-atlas"
        topo = json.loads((package / SOURCE).read_text())
        version = json.loads((package / "package.json").read_text())["version"]
    data = {"source": f"npm world-atlas {version} {SOURCE}: Natural Earth 1:110m admin-0 countries",
            "license": "Natural Earth: public domain; world-atlas: ISC",
            "countries": countries(topo)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['countries'])} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
