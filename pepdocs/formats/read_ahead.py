"""Reading many documents: each next one is loaded and parsed in a helper thread while the
current one is read.

Parsing a Word form's ``document.xml`` is a fifth of reading it, and lxml parses without
holding the GIL (so does zlib inflating the part, and the file read): with one helper thread
that work overlaps the Python work on the document before, on a second core. Only bytes
cross between the threads, and parsed packages that the helper never touches again.

``read_ahead`` is an optimisation only: whatever fails ahead (a damaged or hostile file) is
simply opened again when its turn comes, which raises exactly what reading it alone raises.
A package parsed ahead is found by ``WordPackage.open`` for the *same* bytes object and
name, for as long as its item is being worked on; detection and extraction of one form then
share one parse.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from pepdocs.formats.safe_open import sniff_kind
from pepdocs.formats.word.package import WordPackage, forget_parsed, keep_parsed

_T = TypeVar("_T")

#: documents loaded ahead of the one being read (each held in memory until its turn)
DEFAULT_AHEAD = 2


@dataclass(frozen=True, slots=True)
class Loaded(Generic[_T]):
    """One item and what loading it gave: its bytes and name, or the error to raise."""

    item: _T
    _data: bytes | None
    name: str
    _error: BaseException | None

    def data(self) -> bytes:
        """The item's bytes; raises what loading it raised (as loading it here would)."""
        if self._error is not None:
            raise self._error
        assert self._data is not None
        return self._data


def read_ahead(
    items: Iterable[_T],
    load: Callable[[_T], tuple[bytes, str]],
    *,
    ahead: int = DEFAULT_AHEAD,
) -> Iterator[Loaded[_T]]:
    """Each item with its loaded bytes, in order; ``load(item) -> (bytes, name)`` runs in a
    helper thread up to ``ahead`` items early, and a Word document's main part is parsed
    there too. The caller works on one ``Loaded`` at a time, in its own thread."""
    source = iter(items)
    pending: deque[Future[Loaded[_T]]] = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pepdocs-read-ahead") as helper:

        def submit() -> bool:
            for item in source:
                pending.append(helper.submit(_load, item, load))
                return True
            return False

        for _ in range(max(ahead, 1)):
            if not submit():
                break
        try:
            while pending:
                loaded = pending.popleft().result()
                submit()
                try:
                    yield loaded
                finally:
                    _forget(loaded)
        finally:
            for future in pending:
                future.cancel()
            for future in pending:
                if not future.cancelled():
                    _forget(future.result())


def _load(item: _T, load: Callable[[_T], tuple[bytes, str]]) -> Loaded[_T]:
    try:
        data, name = load(item)
    except Exception as error:  # handed to the reader's thread, raised there in turn
        return Loaded(item, None, str(item), error)
    try:
        if sniff_kind(data) == "docx":
            package = WordPackage.open(data, name)
            package.document()
            keep_parsed(package)
    except Exception:  # opened again in its turn, which reports the problem
        pass
    return Loaded(item, data, name, None)


def _forget(loaded: Loaded[_T]) -> None:
    if loaded._data is not None:
        forget_parsed(loaded._data, loaded.name)
