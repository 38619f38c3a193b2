"""Every core of one machine: `code_documents` in a pool of worker processes.

spaCy's small English model is single-threaded Python and Cython, so one process codes on
one core; the way to use more cores is more processes. Each worker loads the model and the
coder once (the pool's initializer: about a second and some 300 MB each), then codes chunks
of documents with the same `code_documents` the single-process path runs, so the events are
the same whichever path made them. Numeric libraries are pinned to one thread per worker:
N workers each starting N BLAS threads would fight over N cores.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from seismo.errors import Errors, Skips
from seismo.model import CodedDocument, Document, Skipped
from seismo.pipeline import BATCH_SIZE, chunks, code_documents
from seismo.scale.pool import ordered_map

if TYPE_CHECKING:
    from spacy.language import Language

    from seismo.coding.coder import Coder

# Environment variables that cap the threads of OpenMP, OpenBLAS, MKL and friends.
SINGLE_THREAD_ENV = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)

# Set in each worker by `_start_worker`: the model and coder it loaded once.
_worker_nlp: Language | None = None
_worker_coder: Coder | None = None
_worker_batch_size = BATCH_SIZE
# Why this worker could not load its model or coder: every chunk it gets then says so.
_worker_setup_error: str | None = None


class WorkerSetupError(RuntimeError):
    """A worker could not load the model or the dictionaries: the run cannot go on.

    Carries the catalogue message (code included) as a plain string, which pickles back to
    the parent whatever the original exception was.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def single_threaded_numerics() -> None:
    """One thread per numeric library in this process; call before numpy is imported."""
    for name in SINGLE_THREAD_ENV:
        os.environ[name] = "1"


def _start_worker(model: str | None, dictionaries: tuple[Path, ...], batch_size: int) -> None:
    """Pool initializer: load the pipeline and the coder once for the worker's lifetime.

    A failure is kept, not raised: an initializer that raises breaks the whole pool with a
    message that no longer says why; the first chunk reports it instead.
    """
    global _worker_nlp, _worker_coder, _worker_batch_size, _worker_setup_error
    single_threaded_numerics()
    from seismo.errors import SeismoError
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder

    _worker_batch_size = batch_size
    try:
        _worker_nlp = load_pipeline(model)
        _worker_coder = build_coder(dictionaries)
    except SeismoError as error:
        _worker_setup_error = str(error)
    except Exception as error:  # any failure to load: reported by the first chunk, not lost
        _worker_setup_error = Errors.E015.format(reason=f"{type(error).__name__}: {error}")


def _code_chunk(chunk: list[Document | Skipped]) -> list[CodedDocument | Skipped]:
    """Code one chunk in a worker with the model its initializer loaded."""
    if _worker_setup_error is not None:
        raise WorkerSetupError(_worker_setup_error)
    return list(code_documents(chunk, _worker_nlp, _worker_coder, _worker_batch_size))


def _chunk_failed(chunk: list[Document | Skipped], reason: str) -> list[CodedDocument | Skipped]:
    """A chunk lost to a dead or failing worker: each document becomes a Skipped saying so."""
    out: list[CodedDocument | Skipped] = []
    for item in chunk:
        if isinstance(item, Skipped):
            out.append(item)
        else:
            out.append(Skipped(item.path or item.doc_id, Skips.S010.format(reason=reason)))
    return out


def default_workers() -> int:
    """One worker per core this process may run on (the affinity mask, not the machine's
    total, so a container limited to 2 of 64 cores starts 2)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def code_in_parallel(
    docs: Iterable[Document | Skipped],
    workers: int = 0,
    model: str | None = None,
    dictionaries: Sequence[Path] = (),
    batch_size: int = BATCH_SIZE,
    queue_size: int = 0,
) -> Iterator[CodedDocument | Skipped]:
    """`code_documents` over `workers` processes (0: one per core), results in input order.

    Documents travel in chunks of `batch_size`; at most `queue_size` chunks (0: two per
    worker) are in flight, so memory stays bounded on any input. A worker that dies takes
    only its own chunk with it: those documents come back as `Skipped` with the reason.
    With one worker everything runs in this process, exactly as `code_documents` does.
    """
    from seismo.nlp import load_pipeline
    from seismo.pipeline import build_coder

    workers = workers or default_workers()
    if workers == 1:
        yield from code_documents(docs, load_pipeline(model), build_coder(dictionaries), batch_size)
        return
    results = ordered_map(
        _code_chunk,
        chunks(docs, batch_size),
        workers=workers,
        in_flight=queue_size or 2 * workers,
        on_failure=_chunk_failed,
        initializer=_start_worker,
        initargs=(model, tuple(Path(p) for p in dictionaries), batch_size),
        fatal=(WorkerSetupError,),
    )
    try:
        for chunk in results:
            yield from chunk
    except WorkerSetupError as error:
        from seismo.errors import SeismoError

        raise SeismoError(error.message) from None
