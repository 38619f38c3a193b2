"""An ordered, bounded process pool that survives the death of a worker.

`concurrent.futures.ProcessPoolExecutor` alone has two habits a long coding run cannot
afford: `map` submits the whole input at once (a million articles in memory), and one worker
killed by the kernel (out of memory, a segfault in a C extension) breaks the pool and fails
every chunk in flight. `ordered_map` keeps at most `in_flight` chunks submitted, yields the
results in input order, and after a break retries the chunks that were in flight one at a
time on a fresh pool, so that only the chunk that really kills a worker is given up on, and
handed to `on_failure` instead of ending the run.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

Failure = Callable[[list[T], str], list[R]]


def pool_context() -> multiprocessing.context.BaseContext:
    """Forkserver where it exists: children start clean, without the parent's threads or locks
    (a forked copy of a process holding DuckDB or a progress-bar thread can deadlock), and far
    faster than spawn because the server has imported Python once."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Pool:
    """A ProcessPoolExecutor that can be replaced after it breaks."""

    def __init__(
        self, workers: int, initializer: Callable[..., None] | None, initargs: tuple
    ) -> None:
        self.workers = workers
        self.initializer = initializer
        self.initargs = initargs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=pool_context(),
            initializer=self.initializer,
            initargs=self.initargs,
        )

    def submit(self, func: Callable[[list[Any]], list[Any]], chunk: list[Any]) -> Future:
        return self.executor.submit(func, chunk)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._start()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def _describe(error: BaseException) -> str:
    if isinstance(error, BrokenProcessPool):
        return "a worker process died (killed, out of memory, or crashed in native code)"
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}"[:200] if message else type(error).__name__


def ordered_map(
    func: Callable[[list[T]], list[R]],
    chunks: Iterable[list[T]],
    *,
    workers: int,
    in_flight: int,
    on_failure: Failure[T, R],
    initializer: Callable[..., None] | None = None,
    initargs: tuple = (),
    fatal: tuple[type[BaseException], ...] = (),
) -> Iterator[list[R]]:
    """`func(chunk)` for every chunk, computed in `workers` processes, yielded in input order.

    At most `in_flight` chunks are submitted at a time, so memory holds that many chunks and
    their results whatever the input's size. A chunk whose worker dies or raises yields
    `on_failure(chunk, reason)` instead, except for the `fatal` exceptions (a worker that
    cannot start at all), which end the run.
    """
    pool = _Pool(workers, initializer, initargs)
    pending: deque[tuple[list[T], Future]] = deque()
    source = iter(chunks)
    try:
        while True:
            while len(pending) < in_flight and (chunk := next(source, None)) is not None:
                pending.append((chunk, pool.submit(func, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool:
                # Every chunk in flight failed with the pool; which one killed it is unknown.
                suspects = [chunk] + [c for c, _ in pending]
                pending.clear()
                pool.restart()
                yield from _isolate(pool, func, suspects, on_failure)
            except fatal:
                raise
            except Exception as error:  # the worker raised: lose this chunk, not the run
                yield on_failure(chunk, _describe(error))
    finally:
        pool.close()


def _isolate(
    pool: _Pool,
    func: Callable[[list[T]], list[R]],
    suspects: list[list[T]],
    on_failure: Failure[T, R],
) -> Iterator[list[R]]:
    """Run the chunks that were in flight when the pool broke one at a time, in order: a
    chunk that breaks a pool on its own is the culprit and is given up on."""
    for chunk in suspects:
        try:
            yield pool.submit(func, chunk).result()
        except BrokenProcessPool as error:
            pool.restart()
            yield on_failure(chunk, _describe(error))
        except Exception as error:
            yield on_failure(chunk, _describe(error))
