"""The members map: Natural Earth country shapes (see geometry/), coloured by a
state's standing or by the decade it first joined, each member or observer a link.

The shapes are read once per process; a drawing is plain data for the template.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

GEOMETRY = Path(__file__).parent / "geometry" / "countries-110m.json"


@functools.cache
def geometry():
    with open(GEOMETRY, encoding="utf-8") as file:
        return json.load(file)


@dataclass
class Shape:
    path: str
    state: object = None  # a State with rows: None for a country with no spell
    css_class: str = "map-none"


@dataclass
class WorldMap:
    width: int
    height: int
    linked: list  # Shapes of states the site lists, drawn as links
    others: list  # Shapes of every other country
    off_map: list  # rows of states too small for this scale of map


def world_map(rows, colouring):
    """``rows`` are the members table's rows (state, standing, first year)."""
    data = geometry()
    shapes = data["countries"]
    by_numeric = {row.state.numeric: row for row in rows}
    linked, others = [], []
    for numeric, path in shapes.items():
        row = by_numeric.get(numeric)
        if row is None:
            others.append(Shape(path))
        else:
            linked.append(Shape(path, row, css_class(row, colouring)))
    off_map = [row for row in rows if row.state.numeric not in shapes]
    return WorldMap(data["width"], data["height"], linked, others, off_map)


def css_class(row, colouring):
    if colouring == "decade":
        return f"map-decade-{row.decade}" if row.decade else "map-undated"
    return "map-none" if row.standing == "undated" else f"map-{row.standing}"
