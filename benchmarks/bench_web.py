"""The workbench's pages over a store of 2,000 children (one term): how long each takes to
answer, against the store's own queries measured in the same run. A script, not a test.

N PEPs of fictional children (``pepdocs.samples``) are bulk-inserted into a SQLite store, in
one term, spread over the workflow's states. The application is driven in-process (Starlette's
TestClient, signed in through a one-time link, no network), and each page is fetched R times;
the median is reported, beside:

* ``children_query`` (the baseline): ``pepdocs.store.workbench.children(store, term)``,
  the query the children page and the dashboard run (the name, school and URN of each PEP's
  latest version read inside the database);
* ``peps_query``: ``Store.peps(term)``, the store's plain list of the term's PEPs (ORM rows).

``dashboard_first`` is the first dashboard after start, timed once: it works out every
child's next PEP deadline, which the workbench then keeps child by child
(``pepdocs.web.deadlines``; ``pepdocs serve`` starts on it while it prints the sign-in link).
Most of that first time is loading every authority's form mappings (the authority's rules
name its form), once per process; ``deadlines_warm_rules`` times working every child's
deadline out again once that is done. ``dashboard_after_a_return`` is a
dashboard just after one child's PEP gained a version: only that child's deadline is redone.
``ratio`` is each median over ``children_query``'s. The issue's target is a page in under
200 ms on this machine; the script prints the figures, it asserts nothing.

Usage::

    python benchmarks/bench_web.py              # 2,000 children, 7 runs per page
    python benchmarks/bench_web.py --children 500 --runs 3
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from starlette.testclient import TestClient

from pepdocs.samples import generate_peps
from pepdocs.store import STATES, Store, TermKey, open_store
from pepdocs.store.records import data_sha256
from pepdocs.store.schema import Child, Pep, PepVersion, utcnow
from pepdocs.store.workbench import children, due_by_child
from pepdocs.web import Principal, create_app, sign_in_link

TERM = TermKey("2025-26", "summer")


def load(store: Store, count: int) -> None:
    """``count`` children with one PEP each in ``TERM``, states in turn."""
    templates = list(generate_peps(min(count, 400), seed=7))
    now = utcnow()
    datas = []
    for number in range(count):
        data = copy.deepcopy(templates[number % len(templates)])
        data["child"]["la_child_id"] = f"W{number:06d}"
        data["child"].pop("upn", None)
        data["meta"]["academic_year"], data["meta"]["term"] = TERM.academic_year, TERM.term
        datas.append(data)
    with store.session() as session:
        session.execute(insert(Child), [
            {"authority": d["meta"]["authority"], "child_key": d["child"]["la_child_id"],
             "la_child_id": d["child"]["la_child_id"], "created_at": now} for d in datas
        ])
        ids = dict(session.execute(
            Child.__table__.select().with_only_columns(Child.child_key, Child.id)
        ).all())
        session.execute(insert(Pep), [
            {"child_id": ids[d["child"]["la_child_id"]], "academic_year": TERM.academic_year,
             "term": TERM.term, "state": STATES[n % len(STATES)], "version": 1, "revision": 1,
             "authority": d["meta"]["authority"], "form": d["meta"]["phase"],
             "created_at": now, "updated_at": now} for n, d in enumerate(datas)
        ])
        peps = dict(session.execute(
            Pep.__table__.select().with_only_columns(Pep.child_id, Pep.id)
        ).all())
        session.execute(insert(PepVersion), [
            {"pep_id": peps[ids[d["child"]["la_child_id"]]], "number": 1, "data": d,
             "data_sha256": data_sha256(d), "origin": "import", "created_at": now,
             "created_by": "bench"} for d in datas
        ])


def median_ms(work: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--children", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        store = open_store(Path(folder) / "web.db", user="bench")
        load(store, args.children)
        app = create_app(store)
        client = TestClient(app)
        link = sign_in_link(app, "http://testserver", Principal("Bench Officer", "officer"))
        client.get(link.removeprefix("http://testserver"), follow_redirects=False)
        one = children(store, TERM)[args.children // 2].child_id
        query = f"?term={TERM.academic_year}+{TERM.term}"

        def page(path: str) -> Callable[[], None]:
            def fetch() -> None:
                answer = client.get(path)
                assert answer.status_code == 200, (path, answer.status_code)
            return fetch

        start = time.perf_counter()
        page(f"/{query}")()
        first = round((time.perf_counter() - start) * 1000, 1)
        today = dt.date.today()
        start = time.perf_counter()
        due_by_child(store, None, today)
        warm_rules = round((time.perf_counter() - start) * 1000, 1)
        someone = children(store, TERM)[0]

        def after_a_return() -> float:
            current = store.version_data(someone.ident, term=TERM)
            data = copy.deepcopy(current.data)
            data["child"]["preferred_name"] = f"Bench {current.number}"
            store.save_version(someone.ident, data, expected_version=current.number, term=TERM)
            begin = time.perf_counter()
            page(f"/{query}")()
            return time.perf_counter() - begin

        returned = round(statistics.median(after_a_return() for _ in range(args.runs)) * 1000, 1)
        figures = {
            "children_query": median_ms(lambda: children(store, TERM), args.runs),
            "peps_query": median_ms(lambda: store.peps(TERM), args.runs),
            "dashboard": median_ms(page(f"/{query}"), args.runs),
            "children_page": median_ms(page(f"/children{query}"), args.runs),
            "children_page_searched": median_ms(page(f"/children{query}&q=W0001"), args.runs),
            "children_page_overdue": median_ms(page(f"/children{query}&due=overdue"), args.runs),
            "audit_log_page": median_ms(page("/audit"), args.runs),
            "child_page": median_ms(page(f"/children/{one}"), args.runs),
        }
        baseline = figures["children_query"] or 0.1
        print(json.dumps({
            "children": args.children,
            "runs": args.runs,
            "dashboard_first_ms": first,
            "deadlines_warm_rules_ms": warm_rules,
            "dashboard_after_a_return_ms": returned,
            "median_ms": figures,
            "ratio_to_children_query": {
                name: round(ms / baseline, 1) for name, ms in figures.items()
            },
            "under_200_ms": {
                name: ms < 200 for name, ms in figures.items() if not name.endswith("query")
            },
            "load_average": [round(load, 2) for load in os.getloadavg()],
        }, indent=2))
        store.close()


if __name__ == "__main__":
    main()
