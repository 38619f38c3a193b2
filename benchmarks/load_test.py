"""Load test: `seismo serve` under many concurrent clients, dashboard pages and API together.

Run: .venv/bin/python benchmarks/load_test.py [--seconds 60] [--clients 50] [--db PATH]
     .venv/bin/python benchmarks/load_test.py --seconds 20 --heavy 4
Target: zero errors at 50 clients (every answer a 200, no timeouts). With `--heavy N` the
clients run twice on the same server, alone and then beside N clients that ask for the
widest answers (a dyad series and a brief over since=0001-01-01&until=9999-12-31); the
target is then a p95 of the ordinary clients at most twice their p95 alone.

Without --db the script codes the bundled sample corpus through the pipeline into a fresh
database (real events, about 10 s with the model load), so the pages have data to draw.
It starts the real command on a free loopback port, waits for /api/v1/health, runs the
clients for a bounded time, prints requests/s, p50/p99 latency and the errors per path,
stops the server it started and exits non-zero if any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# What a dashboard user and a script do: pages (each opens the database several times)
# and API calls, weighted towards the cheap, frequent ones.
MIX: list[tuple[str, int]] = [
    ("/", 3),
    ("/events", 2),
    ("/dyad?a=JPN&b=RUS", 2),
    ("/network", 1),
    ("/actors/JPN", 1),
    ("/api/v1/summary", 4),
    ("/api/v1/health", 2),
    ("/api/v1/events?limit=50", 4),
    ("/api/v1/events?a=JPN&b=RUS&limit=100", 3),
    ("/api/v1/dyads/JPN/RUS/series", 2),
    ("/api/v1/network", 1),
    ("/api/v1/shifts?a=JPN&b=RUS", 1),
    ("/api/v1/movers", 1),
    ("/api/v1/stances", 1),
    ("/api/v1/actors?q=ja", 2),
]


def build_database(path: Path) -> None:
    """The sample corpus coded by the real pipeline and stored as `seismo ingest` would."""
    from seismo.data import sample_corpus_paths
    from seismo.ingest import read_inputs
    from seismo.model import CodedDocument
    from seismo.pipeline import code_documents
    from seismo.store import Store

    docs = read_inputs([str(p) for p in sample_corpus_paths()])
    coded = [c for c in code_documents(docs) if isinstance(c, CodedDocument)]
    with Store(path) as store:
        written = store.write(coded)
    print(f"built {path}: {written.documents} documents, {written.events} events")


# What a greedy or careless script asks for: everything, at the finest period.
HEAVY = [
    "/api/v1/dyads/JPN/RUS/series?since=0001-01-01&until=9999-12-31&period=month",
    "/api/v1/brief?a=JPN&b=RUS&since=0001-01-01&until=9999-12-31",
]
MAX_SLOWDOWN = 2.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SEISMO_WRITE_TOKEN", None)
    command = [sys.executable, "-c", "from seismo.cli import main; main()"]
    return subprocess.Popen(
        [*command, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


class Results:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def all_latencies(self) -> list[float]:
        return [t for times in self.latency.values() for t in times]


async def client(
    base: str, stop_at: float, seed: int, results: Results, mix: list[tuple[str, int]] = MIX
) -> None:
    rng = random.Random(seed)
    paths = [p for p, _ in mix]
    weights = [w for _, w in mix]
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < stop_at:
            path = rng.choices(paths, weights)[0]
            started = time.perf_counter()
            try:
                response = await http.get(path)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    results.errors[path].append(str(response.status_code))
                else:
                    results.latency[path].append(elapsed)
            except httpx.HTTPError as exc:
                results.errors[path].append(type(exc).__name__)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def report(results: Results, seconds: float, clients: int) -> int:
    times = results.all_latencies()
    errors = sum(len(e) for e in results.errors.values())
    total = len(times) + errors
    print(f"\n{clients} clients, {seconds:.0f} s: {total} requests, {total / seconds:.1f} req/s, "
          f"p50 {percentile(times, 0.5) * 1000:.0f} ms, p95 {percentile(times, 0.95) * 1000:.0f} ms, "
          f"p99 {percentile(times, 0.99) * 1000:.0f} ms, errors {errors}")  # fmt: skip
    print(f"{'path':42} {'n':>6} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for path, _ in MIX:
        lat = results.latency.get(path, [])
        errs = results.errors.get(path, [])
        print(f"{path:42} {len(lat):6} {percentile(lat, 0.5) * 1000:8.0f} "
              f"{percentile(lat, 0.99) * 1000:8.0f} {len(errs):7}")  # fmt: skip
        if errs:
            print(f"    {sorted(set(errs))}")
    if times:
        print(f"mean {statistics.fmean(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    return errors


async def run_clients(
    base: str, seconds: float, clients: int, heavy: int = 0
) -> tuple[Results, Results]:
    """(ordinary clients' results, heavy clients' results), run side by side."""
    results, greedy = Results(), Results()
    stop_at = time.monotonic() + seconds
    heavy_mix = [(path, 1) for path in HEAVY]
    await asyncio.gather(
        *(client(base, stop_at, seed, results) for seed in range(clients)),
        *(client(base, stop_at, 1000 + n, greedy, heavy_mix) for n in range(heavy)),
    )
    return results, greedy


def compare(alone: Results, beside: Results, greedy: Results, heavy: int) -> int:
    """Print the ordinary clients' p95 alone and beside the heavy ones; 1 if too slow."""
    p95_alone = percentile(alone.all_latencies(), 0.95)
    p95_beside = percentile(beside.all_latencies(), 0.95)
    ratio = p95_beside / p95_alone if p95_alone else float("inf")
    sizes = sum(len(v) for v in greedy.latency.values())
    greedy_errors = sum(len(e) for e in greedy.errors.values())
    print(f"\nheavy clients: {heavy}, {sizes} answers, p95 "
          f"{percentile(greedy.all_latencies(), 0.95) * 1000:.0f} ms, errors {greedy_errors}")  # fmt: skip
    print(f"ordinary clients' p95: {p95_alone * 1000:.0f} ms alone, "
          f"{p95_beside * 1000:.0f} ms beside the heavy clients ({ratio:.2f}x; target <= "
          f"{MAX_SLOWDOWN:g}x)")  # fmt: skip
    return 1 if ratio > MAX_SLOWDOWN or greedy_errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="How long the clients run.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent clients.")
    parser.add_argument("--db", type=Path, help="An existing seismo database to serve.")
    parser.add_argument(
        "--heavy", type=int, default=0, help="Also run beside this many widest-answer clients."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="seismo-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "load.duckdb"
            build_database(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port)
        try:
            wait_ready(base, server)
            started = time.monotonic()
            results, _ = asyncio.run(run_clients(base, args.seconds, args.clients))
            elapsed = time.monotonic() - started
            if args.heavy:
                beside, greedy = asyncio.run(
                    run_clients(base, args.seconds, args.clients, args.heavy)
                )
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    errors = report(results, elapsed, args.clients)
    if args.heavy:
        print(f"\n-- beside {args.heavy} heavy clients --")
        errors += report(beside, args.seconds, args.clients)
        errors += compare(results, beside, greedy, args.heavy)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
