"""The timeline chart of a dossier: a lane per event type, a mark per dated event on a time axis, as SVG shapes."""
from __future__ import annotations

import math
from datetime import date

from cityties.document import EVENT_TYPES

# One color per event type (Okabe–Ito palette, readable with color blindness); later types get grey.
TYPE_COLORS = {"forum": "#0072B2", "visit": "#E69F00", "meeting": "#009E73", "agreement": "#D55E00",
               "award": "#CC79A7", "membership": "#56B4E9"}
OTHER_COLOR = "#888888"
WIDTH = 960  # pixels
LEFT, RIGHT = 100, 24  # room for the lane names, and a margin on the right
TOP, AXIS = 12, 36  # margin above the first lane, room for the axis under the last
MARK_R = 6  # radius of an event's mark
ROW = 2 * MARK_R + 4  # height of one row of marks; a lane grows by a row when its marks would touch
TICK_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)  # years between labelled ticks
MAX_TICKS = 12  # the smallest step with at most this many ticks is used
MONTH_TICKS_UP_TO = 3  # years: shorter spans also get a small tick per month, named each quarter
QUARTERS = {3: "Apr", 6: "Jul", 9: "Oct"}  # months (from 0) named on a short axis; January is the year


def when(day: str) -> float | None:
    """A YYYY[-MM[-DD]] date as a fractional year, at the middle of the period it names."""
    try:
        parts = [int(x) for x in day.split("-")]
        if len(parts) == 1:
            return parts[0] + 0.5
        if len(parts) == 2:
            return parts[0] + (parts[1] - 0.5) / 12
        d = date(*parts[:3])
        return d.year + (d.timetuple().tm_yday - 0.5) / (366 if d.year % 4 == 0 else 365)
    except (ValueError, TypeError):
        return None


def color(event_type: str) -> str:
    return TYPE_COLORS.get(event_type, OTHER_COLOR)


def _ticks(t0: int, t1: int) -> list[int]:
    """The labelled years: multiples of the smallest step that gives at most MAX_TICKS."""
    step = next((s for s in TICK_STEPS if (t1 - t0) / s <= MAX_TICKS), TICK_STEPS[-1])
    return list(range(math.ceil(t0 / step) * step, t1 + 1, step))


def _stack(xs: list[float]) -> list[int]:
    """The row of each mark (xs sorted): the first row whose last mark is far enough to the left."""
    last: list[float] = []
    rows = []
    for x in xs:
        row = next((i for i, prev in enumerate(last) if x - prev >= ROW), len(last))
        last[row:row + 1] = [x]
        rows.append(row)
    return rows


def timeline_chart(events: list[dict]) -> dict:
    """Lanes, marks, ticks and legend for the dated events; undated ones are counted, not drawn."""
    dated = []  # (start, end, event), oldest first
    for e in events:
        if (t := when(e["start"] or "")) is not None:
            dated.append((t, when(e["end"] or "") or t, e))
    dated.sort(key=lambda d: (d[0], d[2]["id"]))
    if not dated:
        return {"width": WIDTH, "height": 0, "lanes": [], "marks": [], "ticks": [], "minor": [],
                "undated": len(events)}
    t0 = math.floor(min(t for t, _, _ in dated))
    t1 = max(math.ceil(max(end for _, end, _ in dated)), t0 + 1)
    scale = (WIDTH - LEFT - RIGHT) / (t1 - t0)

    def x(t: float) -> float:
        return round(LEFT + (t - t0) * scale, 1)

    types = [t for t in EVENT_TYPES if any(e["type"] == t for _, _, e in dated)]
    types += sorted({e["type"] for _, _, e in dated} - set(types))
    lanes, marks, y = [], [], TOP
    for etype in types:
        mine = [(t, end, e) for t, end, e in dated if e["type"] == etype]
        rows = _stack([x(t) for t, _, _ in mine])
        height = (max(rows) + 1) * ROW + 4
        lanes.append({"type": etype, "color": color(etype), "y": y, "height": height})
        marks += [{"id": e["id"], "type": etype, "color": color(etype), "x": x(t), "x2": x(end),
                   "y": y + 2 + row * ROW + ROW / 2, "r": MARK_R, "title": _title(e)}
                  for (t, end, e), row in zip(mine, rows)]
        y += height
    months = range((t1 - t0) * 12 + 1) if t1 - t0 <= MONTH_TICKS_UP_TO else ()
    minor = [{"x": x(t0 + m / 12), "label": QUARTERS.get(m % 12, "")} for m in months]
    return {"width": WIDTH, "height": y + AXIS, "axis_y": y, "left": LEFT, "right": WIDTH - RIGHT,
            "lanes": lanes, "marks": marks, "ticks": [{"x": x(t), "label": str(t)} for t in _ticks(t0, t1)],
            "minor": minor, "undated": len(events) - len(dated)}


def _title(e: dict) -> str:
    span = e["start"] + (f" → {e['end']}" if e["end"] and e["end"] != e["start"] else "")
    return f"#{e['id']} {e['type']} {span}: {', '.join(e['places'])}"
