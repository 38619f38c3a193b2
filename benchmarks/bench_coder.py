"""How much the coder costs on top of parsing: words/s of bare `nlp.pipe` and of `code_documents`.

Run: .venv/bin/python benchmarks/bench_coder.py [--repeats 5] [--seed-copies 20] [--profile]
Target (issue "every core"): full coding at >= 0.8 of bare spaCy's words/s.

Both measurements use the same loaded pipeline, the same texts and the same batch size, in
the same run, interleaved repeat by repeat so that load from other processes hits both
alike; the median of the repeats is reported, after a warm-up. The texts are the seed
article (read at run time from ../shared/seed, never copied into the repository) repeated,
plus seismo's sample corpus. `--profile` adds a cProfile of the coder alone (on documents
parsed beforehand), listing where the coder's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seismo.data import sample_corpus_paths  # noqa: E402
from seismo.ingest import read_inputs  # noqa: E402
from seismo.model import Document  # noqa: E402

SEED = ROOT.parent / "shared" / "seed" / "japan-awakening.txt"
BATCH_SIZE = 32


def bench_documents(seed_copies: int) -> list[Document]:
    """The seed article `seed_copies` times (as distinct documents), then the sample corpus."""
    docs: list[Document] = []
    if SEED.exists() and seed_copies:
        text = SEED.read_text(encoding="utf-8")
        published = dt.date(2023, 1, 15)
        docs += [
            Document(doc_id=f"seed-{i}", text=text, published=published, path=str(SEED))
            for i in range(seed_copies)
        ]
    docs += [
        d for d in read_inputs([str(p) for p in sample_corpus_paths()]) if isinstance(d, Document)
    ]
    return docs


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed-copies", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--profile", action="store_true", help="cProfile the coder alone")
    args = parser.parse_args()

    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder, code_documents, coded_part

    t0 = time.perf_counter()
    nlp = load_pipeline()
    coder = build_coder()
    load_s = time.perf_counter() - t0
    docs = bench_documents(args.seed_copies)
    texts = [coded_part(d) for d in docs]
    n_words = words(docs)
    print(f"documents: {len(docs)} ({args.seed_copies} x seed article, rest sample corpus)")
    print(
        f"words: {n_words}; batch size {args.batch_size}; model and coder loaded in {load_s:.1f} s"
    )

    # Warm-up: first batches fill caches (vectors, lexeme table, regexes) for both paths.
    for _ in code_documents(docs[:8] + docs[-32:], nlp, coder, args.batch_size):
        pass

    bare: list[float] = []
    full: list[float] = []
    for _ in range(args.repeats):
        t = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        bare.append(n_words / (time.perf_counter() - t))
        t = time.perf_counter()
        for _ in code_documents(docs, nlp, coder, args.batch_size):
            pass
        full.append(n_words / (time.perf_counter() - t))

    bare_m, full_m = statistics.median(bare), statistics.median(full)
    print(
        f"bare nlp.pipe:    {bare_m:8.0f} words/s  (repeats: {', '.join(f'{x:.0f}' for x in bare)})"
    )
    print(
        f"code_documents:   {full_m:8.0f} words/s  (repeats: {', '.join(f'{x:.0f}' for x in full)})"
    )
    print(f"ratio coded/bare: {full_m / bare_m:.2f}  (target >= 0.8)")
    print(f"peak RSS of this one-worker process: {peak_rss_mb():.0f} MB")

    if args.profile:
        profile_coder(nlp, coder, docs, texts, args.batch_size)


def profile_coder(nlp, coder, docs: list[Document], texts: list[str], batch_size: int) -> None:
    """Where the coder spends its time, parsing excluded."""
    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    t = time.perf_counter()
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        coder.code(doc, spacy_doc)
    coder_s = time.perf_counter() - t
    print(f"\ncoder alone: {coder_s:.2f} s for {len(docs)} parsed documents")
    profiler = cProfile.Profile()
    profiler.enable()
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        coder.code(doc, spacy_doc)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("tottime")
    stats.print_stats(20)
    print(out.getvalue())


if __name__ == "__main__":
    main()
