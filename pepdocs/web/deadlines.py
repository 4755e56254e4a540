"""Each child's next PEP deadline, kept between requests and redone child by child.

Working a deadline out needs the child's PEPs and the authority's rules (its form's mapping,
term dates, bank holidays): about a millisecond a child once those are loaded, but the first
time also loading every authority's form mappings (seconds). The dashboard's overdue list
and the children page's due-date filter need every child's, so :class:`Deadlines` keeps them
by the store's child id with the marker of the child's newest PEP version
(:func:`pepdocs.store.workbench.child_markers`, one grouped query): a request redoes only the
children whose PEPs gained a version since (a return collected, a correction), and all of
them when the day changes. When no PEP gained a version at all (``versions_marker``, one
aggregate) the whole answer is reused as it was.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pepdocs.store import workbench as records

if TYPE_CHECKING:
    from pepdocs.compliance import DueItem
    from pepdocs.store import Store

__all__ = ["Deadlines"]


@dataclass(slots=True)
class Deadlines:
    """The children's next deadlines as of a day, by child id (see the module docstring)."""

    _day: dt.date | None = None
    _kept: dict[int, tuple[int, DueItem | None]] = field(default_factory=dict)
    _whole: tuple[tuple[int, int], dict[int, DueItem]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def by_child(self, store: Store, as_of: dt.date) -> dict[int, DueItem]:
        with self._lock:
            # no PEP gained a version since (one aggregate): the answer as it was
            overall = records.versions_marker(store)
            if self._day == as_of and self._whole is not None and self._whole[0] == overall:
                return self._whole[1]
            markers = records.child_markers(store)
            if self._day != as_of:
                self._kept, self._day = {}, as_of
            stale = [
                child for child, marker in markers.items()
                if self._kept.get(child, (None, None))[0] != marker
            ]
            if stale:
                fresh = records.due_by_child(
                    store, None if len(stale) == len(markers) else stale, as_of
                )
                for child in stale:
                    self._kept[child] = (markers[child], fresh.get(child))
            for gone in self._kept.keys() - markers.keys():
                del self._kept[gone]
            found = {child: item for child, (_, item) in self._kept.items() if item is not None}
            self._whole = (overall, found)
            return found

    def overdue(self, store: Store, as_of: dt.date) -> list[tuple[int, DueItem]]:
        """(child id, deadline) of each child overdue a PEP, the longest overdue first."""
        found = [
            (child, item) for child, item in self.by_child(store, as_of).items()
            if item.status == "overdue"
        ]
        found.sort(key=lambda pair: (pair[1].due or dt.date.max, pair[1].la_child_id))
        return found
