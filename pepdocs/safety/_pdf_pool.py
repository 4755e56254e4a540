"""The PDF worker processes of this process (see ``pepdocs.safety.pdf``): started when
first needed, one request at a time each, ended with this process.

A :class:`Worker` is one ``_pdf_worker.py`` process (``python -I``) and its two pipes: a
request is a JSON header line and the PDF's bytes, the reply one JSON line. The
:data:`POOL` keeps the idle ones; a thread that finds none idle starts one. Workers belong
to the process that started them: after a fork the child lets go of their pipes (the
processes are its parent's) and starts its own; at exit they are stopped.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import select
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

_WORKER = Path(__file__).with_name("_pdf_worker.py")
#: how long a new worker may take to say it is ready (interpreter start, pypdf import)
_START_SECONDS = 60.0
#: idle workers kept per process (threads reading PDFs at once each take one)
_MAX_IDLE_WORKERS = 4


class WorkerLost(Exception):
    """The worker process ended (``gone``) or stopped answering (not the PDF's doing: it
    never parses one itself)."""

    def __init__(self, gone: bool = True) -> None:
        super().__init__()
        self.gone = gone


class NoPypdf(Exception):
    """The worker's Python cannot import pypdf: an installation problem."""


class Worker:
    """One long-lived ``_pdf_worker.py`` process and its two pipes (bytes in, JSON out)."""

    def __init__(self) -> None:
        # stderr is not kept: the worker reports everything on stdout, and its children
        # write nothing anywhere (a traceback from deep in pypdf could quote the document)
        self.process = subprocess.Popen(
            [sys.executable, "-I", str(_WORKER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self.owner = os.getpid()
        self._pending = b""
        try:
            hello = self._line(_START_SECONDS)
        except WorkerLost:
            self.kill()
            raise
        if not hello.get("ready"):
            self.stop()
            raise NoPypdf

    def ask(self, request: dict[str, Any], data: bytes, seconds: float) -> dict[str, Any]:
        """Send one request and wait for its reply at most ``seconds``."""
        stdin = self.process.stdin
        assert stdin is not None
        header = json.dumps({**request, "size": len(data)}).encode("ascii") + b"\n"
        try:
            stdin.write(header)
            stdin.write(data)
        except OSError:  # BrokenPipeError: the worker is gone
            raise WorkerLost from None
        return self._line(seconds)

    def _line(self, seconds: float) -> dict[str, Any]:
        stdout = self.process.stdout
        assert stdout is not None
        fd = stdout.fileno()
        deadline = time.monotonic() + seconds
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise WorkerLost(gone=False)
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise WorkerLost
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        try:
            reply = json.loads(line)
        except ValueError:
            raise WorkerLost from None
        if not isinstance(reply, dict):
            raise WorkerLost
        return reply

    def stop(self) -> None:
        """End the worker: its stdin closed (it exits at once between requests), killed if
        it has not gone within a second, and reaped."""
        with contextlib.suppress(OSError):
            if self.process.stdin is not None:
                self.process.stdin.close()
        try:
            self.process.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError):
            if self.process.stdout is not None:
                self.process.stdout.close()

    def kill(self) -> None:
        """Kill a worker in an unknown state (mid-request when the caller was interrupted,
        or past its own deadline) and reap it."""
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()

    def forget(self) -> None:
        """In a forked copy of the owner: let go of the pipes without touching the process,
        which belongs to the owner (its stdin then ends when the owner's does)."""
        for pipe in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if pipe is not None:
                    pipe.close()


class Pool:
    """This process's idle workers. A worker serves one request at a time; a thread that
    finds none idle starts one, so threads never wait for each other's PDFs. Workers belong
    to the process that started them: a forked process (a batch ``--jobs`` worker) lets go
    of its parent's and starts its own when it first reads a PDF."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.owner = os.getpid()
        self.idle: list[Worker] = []
        self.all: set[Worker] = set()

    def take(self) -> Worker:
        with self.lock:
            if self.idle:
                return self.idle.pop()
        worker = Worker()
        with self.lock:
            self.all.add(worker)
        return worker

    def give_back(self, worker: Worker) -> None:
        with self.lock:
            if worker.owner == self.owner and len(self.idle) < _MAX_IDLE_WORKERS:
                self.idle.append(worker)
                return
            self.all.discard(worker)
        worker.stop()

    def drop(self, worker: Worker) -> None:
        with self.lock:
            self.all.discard(worker)
        worker.kill()

    def stop(self) -> None:
        with self.lock:
            workers, self.idle, self.all = list(self.all), [], set()
        for worker in workers:
            if worker.owner == os.getpid():
                worker.stop()

    def after_fork(self) -> None:
        for worker in list(self.all):
            worker.forget()
        self.lock = threading.Lock()  # another thread may have held it at the fork
        self.owner = os.getpid()
        self.idle, self.all = [], set()


POOL = Pool()
atexit.register(POOL.stop)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=POOL.after_fork)
