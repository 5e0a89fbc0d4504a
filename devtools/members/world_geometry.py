"""Turn world-atlas's countries-110m.json (TopoJSON, Natural Earth 1:110m) into
the compact SVG path data the members map draws: run once, commit the result.

    npm install --prefix /tmp/atlas world-atlas@2.0.2
    .venv/bin/python -m devtools.members.world_geometry \
        /tmp/atlas/node_modules/world-atlas/countries-110m.json members/geometry/countries-110m.json

Equirectangular projection, Antarctica left out, coordinates rounded to whole
units of a 1000-wide view box (about a third of a degree): enough for a page-wide
map, and small (the map is inlined in the page).
"""

import json
import sys

WIDTH = 1000
NORTH, SOUTH = 84, -58
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE)
ANTARCTICA = "010"


def decode_arcs(topology):
    """Absolute lon/lat points of every arc (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def project(lon, lat):
    return round((lon + 180) * SCALE), round((NORTH - max(lat, SOUTH)) * SCALE)


def unwrapped(points):
    """A ring crossing the antimeridian (Russia's, Fiji's) kept in one piece:
    longitudes continued past ±180 rather than jumping across the map, then the
    ring moved by 360° to the side most of it is on; the map clips the rest."""
    result = []
    for lon, lat in points:
        if result:
            previous = result[-1][0]
            lon += 360 * round((previous - lon) / 360)
        result.append((lon, lat))
    middle = sum(lon for lon, _lat in result) / len(result)
    shift = -360 * round(middle / 360)
    return [(lon + shift, lat) for lon, lat in result]


def ring_path(points):
    """One closed ring as "M x y l dx dy ... z", repeated points dropped."""
    projected = []
    for lon, lat in unwrapped(points):
        point = project(lon, lat)
        if not projected or point != projected[-1]:
            projected.append(point)
    if len(projected) < 3:
        return ""
    (x, y), rest = projected[0], projected[1:]
    steps = []
    for nx, ny in rest:
        steps.append(f"{nx - x} {ny - y}")
        x, y = nx, ny
    return f"M{projected[0][0]} {projected[0][1]}l" + " ".join(steps) + "z"


def country_paths(topology):
    arcs = decode_arcs(topology)
    paths = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if not code or code == ANTARCTICA or geometry["type"] is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon]
        path = "".join(ring for ring in rings if ring)
        if path:
            paths[code] = paths.get(code, "") + path
    return dict(sorted(paths.items()))


def main(source, target):
    with open(source, encoding="utf-8") as file:
        topology = json.load(file)
    geometry = {
        "source": "world-atlas 2.0.2 countries-110m.json (Natural Earth 1:110m Admin 0)",
        "licence": "Natural Earth: public domain; world-atlas: ISC licence",
        "projection": "equirectangular, Antarctica left out",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": country_paths(topology),
    }
    with open(target, "w", encoding="utf-8") as file:
        json.dump(geometry, file, ensure_ascii=False, indent=0, separators=(",", ":"))
        file.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
