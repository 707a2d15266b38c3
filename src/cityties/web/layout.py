"""Where the network view and the world map draw things: pixel positions computed on the server, no layout engine."""
from __future__ import annotations

import math

from cityties.worldmap import partner_map

SIZE = 900  # the network view's square viewBox, in pixels
RING = 300  # radius of the circle the places sit on; the rest is room for their names
PULL = 0.35  # a tie bows towards the centre by this share of the way (a chord diagram's curve)
NODE_R_MIN, NODE_R_MAX = 3.0, 14.0  # radius of the place with fewest and with most events
EDGE_W_MIN, EDGE_W_MAX = 0.6, 6.0  # width of the weakest and the strongest tie
MAX_NODES = 120  # places drawn, most events first; past this a circle's names overlap
LABEL_GAP = 6  # pixels between a place's circle and its name


def _scaled(value: float, top: float, low: float, high: float) -> float:
    """Between low and high by the square root of value's share of top (areas track values)."""
    return round(low + (high - low) * math.sqrt(value / top), 1) if top > 0 else low


def circle(net: dict, max_nodes: int = MAX_NODES) -> dict:
    """The network on a circle, places grouped by country: nodes with x, y, r and label side; edges as curves."""
    kept = sorted(net["nodes"], key=lambda n: (-n["events"], n["name"]))[:max_nodes]
    kept.sort(key=lambda n: (n["country"], n["name"]))
    top_events = max((n["events"] for n in kept), default=0)
    centre = SIZE / 2
    nodes = {}
    for i, n in enumerate(kept):
        angle = 2 * math.pi * i / max(len(kept), 1) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        r = _scaled(n["events"], top_events, NODE_R_MIN, NODE_R_MAX)
        label_at = RING + r + LABEL_GAP
        nodes[n["geonameid"]] = n | {
            "x": round(centre + RING * cos, 1), "y": round(centre + RING * sin, 1), "r": r,
            "lx": round(centre + label_at * cos, 1), "ly": round(centre + label_at * sin, 1),
            # names point away from the centre, turned over on the left half so they never read upside down
            "rotate": round(math.degrees(angle) + (0 if cos >= 0 else 180), 1),
            "anchor": "start" if cos >= 0 else "end"}
    edges = [e for e in net["edges"] if e["source"] in nodes and e["target"] in nodes]
    top_weight = max((e["weight"] for e in edges), default=0.0)
    drawn = []
    for e in sorted(edges, key=lambda e: e["weight"]):  # strongest drawn last, on top
        a, b = nodes[e["source"]], nodes[e["target"]]
        mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
        cx, cy = mx + (centre - mx) * PULL, my + (centre - my) * PULL
        drawn.append(e | {"a": a, "b": b, "d": f"M{a['x']} {a['y']}Q{cx:.1f} {cy:.1f} {b['x']} {b['y']}",
                          "width": _scaled(e["weight"], top_weight, EDGE_W_MIN, EDGE_W_MAX)})
    return {"size": SIZE, "nodes": list(nodes.values()), "edges": drawn,
            "hidden": max(len(net["nodes"]) - len(kept), 0)}


def world(net: dict) -> dict:
    """The network on the bundled world map: every place sized by the summed weight of its ties."""
    strength: dict[int, float] = {}
    for e in net["edges"]:
        for end in (e["source"], e["target"]):
            strength[end] = strength.get(end, 0.0) + e["weight"]
    located = [n | {"weight": round(strength.get(n["geonameid"], 0.0), 3)} for n in net["nodes"]
               if n["lat"] is not None and n["lon"] is not None]
    located.sort(key=lambda n: (-n["weight"], n["name"]))
    return partner_map({"places": [], "partners": located, "ties": net["edges"]})
