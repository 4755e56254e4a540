"""Worker processes for ``--jobs``: how they start, and results handed back in order.

Both jobs that spread over processes (making a batch's forms, :mod:`pepdocs.batch.runner`;
reading a folder of forms back, :mod:`pepdocs.batch.readback`) start their workers here, so
they share one answer to the questions that decide whether ``--jobs 2`` is worth two:

* **How workers start.** ``fork`` where it is safe, else ``spawn`` (:func:`pool_context`).
  A forked worker starts in milliseconds with pepdocs imported and whatever the parent has
  prepared (parsed mappings, prepared templates) already in memory; a spawned one re-imports
  pepdocs and prepares its forms again, about a second and a half of CPU before its first
  form.
* **No worker outlives the job.** Each worker asks the kernel to kill it when its parent dies
  (Linux, ``PR_SET_PDEATHSIG``, so even ``kill -9`` of the parent), and ignores Ctrl-C: the
  terminal sends SIGINT to the whole process group, and the parent alone answers it by
  stopping the pool (:func:`in_order`), rather than each worker printing a traceback.
  A worker that dies makes the pool stop its other workers and raises one error.
* **Results in order, memory flat.** Items go to the workers a few at a time, at most a
  bounded number of parts ahead of the results taken back, and come back in input order.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, TypeVar

from pepdocs.errors import PepdocsError

__all__ = ["WorkerStopped", "in_order", "pool_context", "start_pool", "worker_started"]

T = TypeVar("T")
R = TypeVar("R")


class WorkerStopped(PepdocsError):
    """A ``--jobs`` worker process died (killed, or out of memory): the job stops."""


def pool_context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is safe, else ``spawn``.

    Fork is only safe while this process has a single thread: a thread holding a lock at the
    fork leaves that lock held forever in the child (the workbench runs jobs beside its
    server's threads). Windows has no fork. Either way the output is the same: a worker's
    work depends only on its inputs.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def worker_started(parent: int) -> None:
    """What every worker does first: die with its parent, leave Ctrl-C to the parent."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the job's process dies (even by ``kill -9``),
    so no worker goes on writing for a job nobody is recording. Linux only
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere a worker finishes its current items and the
    pool's broken pipe stops it."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    pr_set_pdeathsig = 1  # <linux/prctl.h>
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if parent and os.getppid() != parent:
        os._exit(1)  # the parent died before the signal was asked for


def start_pool(
    jobs: int,
    context: multiprocessing.context.BaseContext,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
) -> ProcessPoolExecutor:
    """``jobs`` workers; ``initializer`` must call :func:`worker_started` first. A
    ProcessPoolExecutor, not a Pool: a worker that dies (or cannot start, as in a script
    without ``if __name__ == "__main__":`` under spawn) raises instead of hanging."""
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=initializer, initargs=initargs
    )


def _parts(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while part := list(islice(iterator, size)):
        yield part


def in_order(
    executor: ProcessPoolExecutor,
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    per_submit: int,
    ahead: int,
    stopped: str,
) -> Generator[R, None, None]:
    """``work`` over ``items`` on the pool, ``per_submit`` items a call, at most ``ahead``
    calls in flight; results yielded in the order of ``items``. The pool is shut down when
    the results end, when the consumer stops (an exception, Ctrl-C, ``close()``), and when a
    worker dies (:class:`WorkerStopped` with the message ``stopped``): the workers finish
    the items they hold, then exit; none is left behind."""
    pending: deque[Future[list[R]]] = deque()
    parts = _parts(items, per_submit)
    try:
        for part in islice(parts, ahead):
            pending.append(executor.submit(work, part))
    except BaseException:
        # the workers could not even start: nothing to wait for, and waiting can hang
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    try:
        while pending:
            try:
                results = pending.popleft().result()
            except BrokenProcessPool:
                raise WorkerStopped(stopped) from None
            for part in islice(parts, 1):
                pending.append(executor.submit(work, part))
            yield from results
        executor.shutdown()
    except BaseException:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
        raise
