"""Documents per second with 1 and 2 worker processes and with Spark local mode, and what a
million documents would cost.

Run: .venv/bin/python benchmarks/bench_scale.py [--copies 3] [--seed-copies 10] [--no-spark]
Target (issue "every core"): 2 workers >= 1.7x the documents/s of one.

Each path codes the same documents (the sample corpus `--copies` times plus the seed article
`--seed-copies` times, read from ../shared at run time). Reported per path: the wall time
with start-up (model loads, JVM), the steady rate from a quarter of the way in (workers) or of a
second, warm run (Spark: its Python workers keep the model), and the CPU seconds spent, which
load from other processes on the machine does not inflate. The projection for a million
documents uses the steady rate in words/s (all cores busy), at `--price` per core-hour.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_coder import bench_documents, words  # noqa: E402

from seismo.model import CodedDocument, Document  # noqa: E402

# On-demand price of one vCPU-hour on a compute-optimised cloud VM (c7i class, us-east,
# 2 vCPU for about $0.09/h). An assumption: pass --price for yours.
PRICE_PER_CORE_HOUR = 0.045
PROJECTED_DOCS = 1_000_000
# A typical news or analysis article; the sample briefs are much shorter.
ARTICLE_WORDS = 600


@dataclass
class Run:
    name: str
    docs: int
    words: int
    wall_s: float  # start-up included
    steady_docs_s: float  # documents of this corpus' average length per second
    cpu_s: float  # every process of the path, start-up included

    def line(self) -> str:
        return (
            f"{self.name:<22} wall {self.wall_s:7.1f} s  total {self.docs / self.wall_s:6.1f} docs/s  "
            f"steady {self.steady_docs_s:6.1f} docs/s ({self.steady_docs_s * self.words / self.docs:6.0f} words/s)  "
            f"CPU {self.cpu_s:6.1f} s"
        )


class Descendants:
    """CPU seconds and peak memory of this process's descendants, sampled while they live.

    Workers of a forkserver pool are children of the server, not of this process, so
    `getrusage(RUSAGE_CHILDREN)` never sees them; psutil does, while they run.
    """

    def __init__(self) -> None:
        import psutil

        self.psutil = psutil
        self.cpu: dict[int, float] = {}
        self.rss: dict[int, int] = {}
        self.last = 0.0

    def sample(self, every: float = 0.5) -> None:
        now = time.perf_counter()
        if now - self.last < every:
            return
        self.last = now
        for proc in self.psutil.Process().children(recursive=True):
            try:
                times = proc.cpu_times()
                self.cpu[proc.pid] = times.user + times.system
                self.rss[proc.pid] = max(self.rss.get(proc.pid, 0), proc.memory_info().rss)
            except self.psutil.Error:
                continue

    def total_cpu(self) -> float:
        return sum(self.cpu.values())

    def peak_rss_mb(self) -> float:
        return max(self.rss.values(), default=0) / 2**20


def run_workers(docs: list[Document], workers: int) -> tuple[Run, float]:
    """One pass of `code_in_parallel`; the largest worker's peak RSS (MB) with it."""
    from seismo.scale import code_in_parallel

    watch = Descendants()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    stamps: list[tuple[float, int]] = []  # (time, words coded so far) after each result
    done = 0
    for item in code_in_parallel(docs, workers=workers):
        done += len(item.document.text.split()) if isinstance(item, CodedDocument) else 0
        stamps.append((time.perf_counter(), done))
        watch.sample()
    end = time.perf_counter()
    cpu = time.process_time() - cpu0 + watch.total_cpu()
    # The rate once models are loaded and the pipeline is full: from the result a quarter of
    # the way in to the last one (the first results arrive in a burst, chunks in parallel).
    t_q, w_q = stamps[len(stamps) // 4]
    steady_words = (done - w_q) / (end - t_q) if end > t_q else 0.0
    steady = steady_words * len(docs) / max(done, 1)
    n = len(stamps)
    if workers == 1:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    else:
        rss = watch.peak_rss_mb()
    return Run(f"{workers} worker(s)", n, words(docs), end - t0, steady, cpu), rss


def descendants_cpu() -> float:
    watch = Descendants()
    watch.sample(every=0)
    return watch.total_cpu()


def run_spark(docs: list[Document], master: str) -> list[Run]:
    """A cold run (JVM and model loads included) and a warm one in the same session."""
    from seismo.scale.spark import run_spark_job, spark_session

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for d in docs:
                out.write(
                    json.dumps({"id": d.doc_id, "text": d.text, "published": str(d.published)})
                    + "\n"
                )
        cpu0 = time.process_time() + descendants_cpu()
        t0 = time.perf_counter()
        spark = spark_session(master)
        try:
            for label in ("cold", "warm"):
                t = time.perf_counter()
                result = run_spark_job([str(path)], Path(tmp) / label, spark=spark)
                job_s = time.perf_counter() - t
                cpu = time.process_time() + descendants_cpu() - cpu0
                wall = time.perf_counter() - t0
                runs.append(
                    Run(
                        f"spark {master} {label}",
                        result.documents,
                        words(docs),
                        wall,
                        result.documents / job_s,
                        cpu,
                    )
                )
                cpu0 = time.process_time() + descendants_cpu()
                t0 = time.perf_counter()
        finally:
            spark.stop()
    return runs


def projection(run: Run, cores: int, price: float) -> None:
    """A million documents at this path's steady rate and CPU cost per word."""
    words_per_s = run.steady_docs_s * run.words / run.docs
    for label, total_words in (
        (
            f"{PROJECTED_DOCS:,} docs like these ({run.words / run.docs:.0f} words each)",
            PROJECTED_DOCS * run.words / run.docs,
        ),
        (f"{PROJECTED_DOCS:,} articles of {ARTICLE_WORDS} words", PROJECTED_DOCS * ARTICLE_WORDS),
    ):
        hours = total_words / words_per_s / 3600
        core_hours = hours * cores  # the machine is booked, busy or not
        print(
            f"  {label}: {hours:6.1f} h on this machine ({cores} cores, {run.name}), "
            f"{core_hours:7.1f} core-hours, ${core_hours * price:8.2f} at ${price}/core-hour"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="times the sample corpus is coded")
    parser.add_argument("--seed-copies", type=int, default=10)
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--price", type=float, default=PRICE_PER_CORE_HOUR)
    args = parser.parse_args()

    base = bench_documents(args.seed_copies)
    seed = [d for d in base if d.doc_id.startswith("seed-")]
    sample = [d for d in base if not d.doc_id.startswith("seed-")]
    docs = seed + [
        Document(doc_id=f"{d.doc_id}#{i}", text=d.text, published=d.published, path=d.path)
        for i in range(args.copies)
        for d in sample
    ]
    # Long and short documents spread evenly over the chunks (a fixed order, for repeats).
    random.Random(0).shuffle(docs)
    print(
        f"{len(docs)} documents, {words(docs)} words; load: {os.getloadavg()[0]:.2f} (1 min), cores: {os.cpu_count()}"
    )

    one, rss1 = run_workers(docs, 1)
    print(one.line(), f" peak RSS {rss1:.0f} MB")
    two, rss2 = run_workers(docs, 2)
    print(two.line(), f" peak RSS per worker {rss2:.0f} MB")
    print(
        f"2 workers / 1 worker, steady docs/s: {two.steady_docs_s / one.steady_docs_s:.2f}x (target >= 1.7x); "
        f"with start-up: {one.wall_s / two.wall_s:.2f}x; CPU per document: {two.cpu_s / one.cpu_s:.2f}x"
    )
    best = two if two.steady_docs_s > one.steady_docs_s else one
    if not args.no_spark:
        for run in run_spark(docs, args.master):
            print(run.line())
            if run.name.endswith("warm"):
                print(
                    f"spark warm / best local path, docs/s: {run.steady_docs_s / best.steady_docs_s:.2f}x"
                )
    print(f"load after: {os.getloadavg()[0]:.2f} (1 min)")
    print("projection:")
    projection(best, os.cpu_count() or 1, args.price)


if __name__ == "__main__":
    main()
