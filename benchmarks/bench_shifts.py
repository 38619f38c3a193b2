"""How well `detect_shifts` finds planted changes of course in sparse, bursty, noisy event data.

Run: .venv/bin/python benchmarks/bench_shifts.py [--series 300] [--seed 7] [--tolerance 2]

Each synthetic dyad runs 120 months with 0 to 3 planted change points (at least 18 months
apart; the share of cooperative events moves by 0.4 to 0.9 at each, so the mean Goldstein
per event moves by about 4 to 10 points). Within a regime:
- events per month are Poisson with a rate drawn from 0.3, 1 or 3 (most months of a quiet
  regime have no event at all);
- one month in twelve is a burst (one long article: Poisson(6) more events from the
  same regime), the volume changes that a zero-filled series mistakes for shifts;
- each event is cooperative (Goldstein uniform in +1..+9) with the regime's share,
  otherwise conflictual (−10..−1); one in twenty is a neutral statement (0). Scores are
  spread over the whole scale, as in coded news, not around a tidy mean.

The whole path runs: events go into a DuckDB `events` table with the store's schema and
`detect_shifts` queries it, so the evidence rule (a shift needs agreeing events in its
window) is part of what is measured. A planted change counts as found when a detected
shift lies within `--tolerance` months after the first month with events on or after it
(the earliest a detector could see it) or before it by as much. Precision: detected shifts
that match a planted change; recall: planted changes matched; timing error: detected month
minus planted month, over matches.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402
import pyarrow as pa  # noqa: E402

from seismo.analytics.shifts import detect_shifts  # noqa: E402
from seismo.store.rows import EVENT_SCHEMA  # noqa: E402

MONTHS = 120
RATES = (0.5, 1.0, 3.0)
START = dt.date(2000, 1, 1)
SEEN = 3  # events of a new regime it may take to see it
DENSITY = [("under 8", 0, 7), ("8 to 19", 8, 19), ("20 or more", 20, 10**9)]


def month(index: int) -> dt.date:
    return dt.date(START.year + index // 12, 1 + index % 12, 1)


def index(day: dt.date) -> int:
    return (day.year - START.year) * 12 + day.month - 1


def plant(rng: np.random.Generator) -> list[int]:
    """0 to 3 change months, at least 18 apart and 12 from either end."""
    for _ in range(100):
        k = int(rng.integers(0, 4))
        cuts = sorted(int(c) for c in rng.choice(np.arange(12, MONTHS - 12), k, replace=False))
        if all(b - a >= 24 for a, b in zip(cuts, cuts[1:], strict=False)):
            return cuts
    return []


def levels(rng: np.random.Generator, n: int, min_change: float) -> list[float]:
    """Regime shares of cooperative events in [0.05, 0.95], each `min_change` or more from
    the one before."""
    shares = [float(rng.uniform(0.05, 0.95))]
    while len(shares) < n:
        low, high = shares[-1] - min_change, shares[-1] + min_change
        options = [(0.05, low)] if low >= 0.05 else []
        options += [(high, 0.95)] if high <= 0.95 else []
        if not options:  # a middle share has no room on either side: move to an edge
            options = [(0.05, 0.05), (0.95, 0.95)]
        a, b = options[int(rng.integers(len(options)))]
        shares.append(float(rng.uniform(a, b)))
    return shares


def score(rng: np.random.Generator, share: float) -> float:
    """One event's Goldstein score: cooperative (+1..+9) with probability `share`, else
    conflictual (−10..−1); a few neutral (0) statements mixed in."""
    if rng.random() < 0.05:
        return 0.0
    if rng.random() < share:
        return round(float(rng.uniform(1, 9)), 1)
    return round(float(rng.uniform(-10, -1)), 1)


def simulate(
    rng: np.random.Generator, dyad: int, min_change: float
) -> tuple[list[dict], list[int]]:
    """One dyad's events and its planted change months."""
    cuts = plant(rng)
    shares = levels(rng, len(cuts) + 1, min_change)
    rates = [float(rng.choice(RATES)) for _ in shares]
    rows: list[dict] = []
    regime = 0
    for m in range(MONTHS):
        while regime < len(cuts) and m >= cuts[regime]:
            regime += 1
        n = int(rng.poisson(rates[regime]))
        if rng.random() < 1 / 12:
            n += int(rng.poisson(6))
        for _ in range(n):
            day = month(m) + dt.timedelta(days=int(rng.integers(0, 28)))
            rows.append(event_row(dyad, len(rows), score(rng, shares[regime]), day))
    return rows, cuts


def event_row(dyad: int, i: int, goldstein: float, day: dt.date) -> dict:
    quad = 1 if goldstein >= 3 else 2 if goldstein >= 0 else 3 if goldstein > -5 else 4
    return {
        "event_id": f"d{dyad}-{i}",
        "doc_id": f"d{dyad}-doc{i // 4}",
        "sentence_index": i,
        "sentence": "A synthetic event.",
        "source_key": f"S{dyad:04d}",
        "source_code": f"S{dyad:04d}",
        "target_key": "TGT",
        "target_code": "TGT",
        "cameo": "010",
        "root": "01",
        "goldstein": goldstein,
        "quad_class": quad,
        "date": day.isoformat(),
        "date_precision": "day",
        "event_date": day,
        "modality": "asserted",
    }


def match(planted: list[int], event_months: list[int], found: list[int], tolerance: int):
    """Pairs (planted, found) matched one to one, nearest first.

    A detected shift matches a planted change when it is within `tolerance` months of it,
    or when fewer than SEEN events lie between the two: in a sparse stretch nobody can
    place a change more finely than the events around it, so the error is counted in
    events there, not in months.
    """
    pairs = []
    free = set(found)
    for cut in planted:

        def between(f: int, cut: int = cut) -> int:
            low, high = min(f, cut), max(f, cut)
            return sum(1 for m in event_months if low <= m < high)

        near = [f for f in free if abs(f - cut) <= tolerance or between(f) < SEEN]
        if near:
            best = min(near, key=lambda f: abs(f - cut))
            free.discard(best)
            pairs.append((cut, best))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--tolerance", type=int, default=2, help="months either side")
    parser.add_argument("--metric", default="balance", help="balance or goldstein")
    parser.add_argument(
        "--min-change", type=float, default=0.6, help="smallest move of the cooperative share"
    )
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    con = duckdb.connect()
    rows, truth = [], []
    for dyad in range(args.series):
        events, cuts = simulate(rng, dyad, args.min_change)
        rows += events
        truth.append((cuts, [index(e["event_date"]) for e in events]))
    synthetic = pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)  # noqa: F841 (DuckDB reads it)
    con.execute("CREATE TABLE events AS SELECT * FROM synthetic")
    planted = found_total = matched = 0
    errors: list[int] = []
    by_density: dict[str, list[int]] = {name: [0, 0] for name, _, _ in DENSITY}
    started = time.perf_counter()
    for dyad, (cuts, active) in enumerate(truth):
        shifts = detect_shifts(con, f"S{dyad:04d}", "TGT", period="month", metric=args.metric)
        found = [index(dt.date.fromisoformat(s["date"])) for s in shifts]
        pairs = match(cuts, active, found, args.tolerance)
        planted += len(cuts)
        found_total += len(found)
        matched += len(pairs)
        errors += [f - c for c, f in pairs]
        hits = {c for c, _ in pairs}
        for cut in cuts:
            year = sum(1 for m in active if cut <= m < cut + 12)
            name = next(n for n, lo, hi in DENSITY if lo <= year <= hi)
            by_density[name][0] += 1
            by_density[name][1] += cut in hits
    elapsed = time.perf_counter() - started
    precision = matched / found_total if found_total else 1.0
    recall = matched / planted if planted else 1.0
    print(
        f"metric {args.metric}, seed {args.seed}, changes of the cooperative share >= {args.min_change}"
    )
    print(f"series {args.series}, events {len(rows)}, planted changes {planted}, "
          f"detected {found_total}, matched {matched} (tolerance ±{args.tolerance} months)")  # fmt: skip
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    if errors:
        print(f"timing error (detected − planted, months): median {statistics.median(errors):+.1f}, "
              f"mean |error| {statistics.mean(abs(e) for e in errors):.2f}, "
              f"exact {sum(e == 0 for e in errors) / len(errors):.0%}")  # fmt: skip
    for name, (total, hit) in by_density.items():
        if total:
            print(f"  recall with {name} events in the year after the change: "
                  f"{hit / total:.3f} ({hit} of {total})")  # fmt: skip
    print(f"detect_shifts: {1000 * elapsed / args.series:.1f} ms per dyad")


if __name__ == "__main__":
    main()
