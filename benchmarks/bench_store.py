"""The PEP record at scale: ``collect`` of 2,000 returned forms, and ``report`` over 60,000
stored PEPs (a national term). A script, not a test; ratios against baselines measured in
the same run, on the same files.

collect
    A roster of N fictional children (``pepdocs.samples``, each of a shipped authority and
    phase that has a form, so N forms are made) is batched into a SQLite store (each form
    carries its document id), and the forms are filled in as schools would
    (``pepdocs.batch.returns``; each with its document id, so every pass below reads each
    form the same way). Then, on the same files:

    * ``extract``: reading the form as one would without a store (``pepdocs.api.extract``:
      which form it is must be recognised, as nothing says which form was sent);
    * ``read``: what collect reads of each form: the file read, its document id, the form
      extracted as the authority form it was sent as (no recognition needed);
    * ``collect``: ``Collector.collect_file`` into each store (SQLite, and PostgreSQL with
      ``--postgres``): the same reading, then, for each batch the collector stores (50
      forms, ``--batch``; the forms grouped by kind, so a batch holds one kind), match,
      version, findings, field reports, audit, the documents kept, in one transaction; each
      batch's time is shared out among its forms (and taken off the ``collect_file`` call
      that filled the batch, so it is counted once); each pass starts from a collected
      heap (``gc.collect()``), so a collection Python starts by itself falls in none; the
      30-second limit of a batch is off (this script's other passes between two forms
      would cut batches short);
    * ``check``: ``check_pep`` on the version each store holds after the run, as collect
      itself checks it (the findings it keeps), taken off. The check's settings of every
      authority and phase are loaded before, with the reading's warm-up.

    ``overhead`` is (collect - read - check) / read per form: what the store adds, as a share
    of reading the form (target under 10%); ``overhead_vs_extract`` the same as a share of
    reading it without a store; per file kind and overall, per database, printed as a table
    at the end with the load average. ``batch_ms`` is the part measured directly (the
    batches' time less the check); the rest is collect_file's time less the read pass's, a
    difference of two reads of the same form (near zero, noisy under load).

report
    M PEPs are bulk-inserted (one version each); then ``load`` (every current PEP read back
    from the store) is timed against ``check_and_report`` (``check_pep`` on each and the
    cohort workbook written, from memory): ``load_share`` = load / check_and_report.

Usage::

    python benchmarks/bench_store.py                  # 2,000 forms, 60,000 PEPs
    python benchmarks/bench_store.py --quick          # 200 forms, 6,000 PEPs
    python benchmarks/bench_store.py --forms 500 --peps 0
    python benchmarks/bench_store.py --forms 800 --peps 0 --kinds docx,xlsx --postgres URL
    python benchmarks/bench_store.py --forms 400 --peps 0 --kinds docx,xlsx --profile 30
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import csv
import datetime as dt
import gc
import json
import os
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from pepdocs import api
from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.returns import make_returns
from pepdocs.binding import extract_form, read_document_id
from pepdocs.compliance import check_pep, cohort_report, load_settings
from pepdocs.formats import open_document
from pepdocs.mapping import list_authorities, resolve_form
from pepdocs.model.phases import list_phases
from pepdocs.safety.package import read_input
from pepdocs.samples import generate_peps
from pepdocs.store import Collector, StoreRecorder, open_store, returned_files
from pepdocs.store.records import data_sha256
from pepdocs.store.schema import Child, Document, Pep, PepVersion, utcnow

AS_OF = dt.date(2026, 4, 20)
MEETING = dt.date(2026, 5, 11)
_GENDERS = {"M": "Male", "F": "Female"}


def _with_forms(count: int) -> list[dict[str, Any]]:
    """``count`` fictional PEPs, each of an authority and phase that has a form (the samples
    draw phases every authority does not have a form for: batch would refuse those rows)."""
    covered = {(authority.name, phase) for authority in list_authorities()
               for form in authority.forms for phase in form.covers}
    peps: list[dict[str, Any]] = []
    for pep in generate_peps(count * 2 + 50, seed=5):
        if (pep["meta"]["authority"], pep["meta"]["phase"]) in covered:
            peps.append(pep)
            if len(peps) == count:
                return peps
    raise SystemExit(f"the samples gave only {len(peps)} PEPs with a form, not {count}")


def _roster(path: Path, count: int) -> None:
    """A case-management export of ``count`` fictional children (headers as the sample's),
    every one of an authority and phase with a form, so ``count`` forms are made."""
    headers = ["LA Child ID", "Forename", "Surname", "DOB", "Gender", "UPN", "Legal Status",
               "Date Became LAC", "School", "URN", "NCY", "Authority", "Phase"]
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headers)
        for number, pep in enumerate(_with_forms(count), start=1):
            child, care, education = pep["child"], pep.get("care", {}), pep.get("education", {})
            born = dt.date.fromisoformat(child["date_of_birth"])
            entered = care.get("date_became_looked_after")
            writer.writerow([
                f"B{number:06d}", child["first_name"], child["last_name"],
                born.strftime("%d/%m/%Y"), _GENDERS.get(child.get("gender", ""), ""),
                child.get("upn", ""), care.get("legal_status", ""),
                dt.date.fromisoformat(entered).strftime("%d/%m/%Y") if entered else "",
                education.get("setting_name", ""), education.get("urn", ""),
                education.get("ncy", ""), pep["meta"]["authority"], pep["meta"]["phase"],
            ])


#: the clock the collect passes are timed by: wall time, or with ``--clock cpu`` this
#: process's CPU time (steadier on a busy machine; it leaves out what the process waits
#: for: syncing files, the PostgreSQL server's work, a PDF worker's)
CLOCK = {"wall": time.perf_counter, "cpu": time.process_time}


def _timed(work: Any, clock: str = "wall") -> tuple[float, Any]:
    timer = CLOCK[clock]
    start = timer()
    result = work()
    return timer() - start, result


class _TimedCollector(Collector):
    """A collector that times each batch it stores and shares the time out among the batch's
    forms, by file kind. ``flushed`` is the time spent storing batches so far (a batch is
    stored inside the ``collect_file`` that fills it: that call's time less the batch's is
    what it spent on its own form). ``profile``: a ``cProfile.Profile`` run only while the
    batches are stored."""

    def __init__(
        self, *args: Any, profile: Any = None, clock: str = "wall", **options: Any
    ) -> None:
        super().__init__(*args, **options)
        self.flush_by_kind: dict[str, float] = {}
        self.batches = 0
        self.flushed = 0.0
        self.profile = profile
        self.clock = clock

    def _flush_profiled(self) -> None:
        if self.profile is None:
            super().flush()
            return
        self.profile.enable()
        try:
            super().flush()
        finally:
            self.profile.disable()

    def flush(self) -> None:
        kinds = [Path(name).suffix.lstrip(".") for name in self.waiting]
        took, _ = _timed(self._flush_profiled, self.clock)
        self.flushed += took
        if kinds:
            self.batches += 1
            for kind in kinds:
                self.flush_by_kind[kind] = self.flush_by_kind.get(kind, 0.0) + took / len(kinds)


def _postgres_database(server: str) -> tuple[str, Any]:
    """A new, empty database on the PostgreSQL ``server`` (as the tests make one); returns its
    URL and a function that drops it."""
    import uuid

    import sqlalchemy as sa

    name = f"pepdocs_bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE template0'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return sa.engine.make_url(server).set(database=name).render_as_string(False), drop


def bench_collect(
    work: Path,
    count: int,
    postgres: str | None = None,
    batch_forms: int | None = None,
    kinds: frozenset[str] | None = None,
    profile: int = 0,
    clock: str = "wall",
) -> dict[str, Any]:
    roster, batch, returned = work / "roster.csv", work / "term", work / "returned"
    _roster(roster, count)
    engines: dict[str, Any] = {"sqlite": open_store(work / "collect.db", user="bench")}
    drop = None
    if postgres:
        url, drop = _postgres_database(postgres)
        engines["postgresql"] = open_store(url, user="bench")
    made_s = 0.0
    for store in engines.values():  # the same forms (same document ids) sent from each store
        recorder = StoreRecorder(store, folder=str(batch))
        took, _ = _timed(lambda recorder=recorder: run_batch(
            roster, BatchOptions(out_dir=batch, today=AS_OF, document_ids=True),
            recorder=recorder,
        ))
        made_s = made_s or took
        recorder.finish()
    # every form filled in by its school; none without its document id, so every pass reads
    # each form the same way (a form recognised instead costs the recognition, not the store)
    returns_s, returns = _timed(
        lambda: make_returns(batch, returned, meeting=MEETING, every=0, stranger=False)
    )
    # grouped by kind, so that each batch holds one kind (but where two kinds meet) and its
    # time, shared out among its forms, is that kind's
    files = sorted(
        (path for path in returned_files(returned)
         if kinds is None or path.suffix.lstrip(".").lower() in kinds),
        key=lambda path: (path.suffix.lower(), str(path)),
    )
    first = next(iter(engines.values()))
    sent = {}
    with first.session() as session:
        for uid, authority, form in session.execute(
            select(Document.uid, Document.authority, Document.form)
        ):
            sent[uid] = (authority, form)
    forms: dict[tuple[str, str], Any] = {}

    def read(path: Path) -> Any:
        # as collect reads it: the document opened once, its id and its answers read from it
        data = open_document(read_input(path), path.name)
        authority, form = sent[str(read_document_id(data, path.name))]
        if (authority, form) not in forms:
            forms[authority, form] = resolve_form(authority, form=form)
        return extract_form(data, forms[authority, form], path.name)

    for path in files[:20]:  # warm: templates, fingerprints, the PDF worker's first start
        check_pep(read(path).pep, MEETING)
    # and the check's settings of every authority and phase (loaded once per process on
    # first use, about 80 ms each: a cost of the check, not of the store; without this the
    # batches holding each authority's first forms carried them)
    for authority in list_authorities():
        for phase in list_phases():
            load_settings(authority.name, phase=phase)
    # batches of ``batch_forms`` (50): the 30-second limit is off, as the passes this script
    # makes between two forms (extract, read, the other store) would otherwise cut short the
    # batches a collect that only reads fills
    profiles = {name: cProfile.Profile() for name in engines} if profile else {}
    collectors = {
        name: _TimedCollector(
            store, returned, MEETING, batch_forms=batch_forms, batch_seconds=float("inf"),
            profile=profiles.get(name), clock=clock,
        )
        for name, store in engines.items()
    }
    kinds = [path.suffix.lstrip(".") for path in files]
    reads: list[float] = []
    extracts: list[float] = []
    collects: dict[str, list[float]] = {name: [] for name in engines}
    children: list[str] = []
    start = time.perf_counter()
    for path in files:
        # the same form read without a store, read as collect reads it, then collected into
        # each store: one after the other, so whatever else the machine does weighs on all
        # each pass starts from a collected heap: a collection the garbage collector starts
        # by itself (several ms, when it comes) would otherwise fall in one pass or the other
        gc.collect()
        extract_s, _ = _timed(lambda path=path: api.extract(path), clock)
        gc.collect()
        read_s, extraction = _timed(lambda path=path: read(path), clock)
        extracts.append(extract_s)
        reads.append(read_s)
        children.append(str(extraction.pep["child"]["la_child_id"]))
        for name, collector in collectors.items():
            flushed = collector.flushed
            gc.collect()
            collect_s, _ = _timed(lambda path=path, c=collector: c.collect_file(path), clock)
            # a batch stored inside this call is counted below, shared out among its forms
            collects[name].append(collect_s - (collector.flushed - flushed))
    passes_s = time.perf_counter() - start
    results: dict[str, Any] = {
        "clock": clock,
        "returned_forms": len(files),
        "batch_with_store_s": round(made_s, 1),
        "returns_made_s": round(returns_s, 1),
        "passes_s": round(passes_s, 1),
        "returns": returns.summary(),
    }
    for name, collector in collectors.items():
        done = collector.finish()
        store = engines[name]
        # collect checks the version it stores (the return merged with what the form has no
        # place for): the same check, on the same data, timed here and taken off
        checks = []
        for child in children:
            stored = store.version_data(child)
            gc.collect()
            check_s, _ = _timed(lambda data=stored.data: check_pep(data, MEETING), clock)
            checks.append(check_s)
        by_kind: dict[str, list[float]] = {}
        for kind, read_s, check_s, collect_s, extract_s in zip(
            kinds, reads, checks, collects[name], extracts, strict=True
        ):
            row = by_kind.setdefault(kind, [0.0, 0.0, 0.0, 0.0, 0, 0.0])
            row[0] += read_s
            row[1] += collect_s - read_s - check_s
            row[2] += extract_s
            row[3] += check_s
            row[4] += 1
            row[5] -= check_s
        for kind, row in by_kind.items():
            row[1] += collector.flush_by_kind.get(kind, 0.0)
            row[5] += collector.flush_by_kind.get(kind, 0.0)
        total = [sum(row[i] for row in by_kind.values()) for i in range(6)]
        store.close()

        def figures(
            r: float, a: float, e: float, c: float, n: float, b: float
        ) -> dict[str, Any]:
            # batch_ms: the store's part measured directly (the batches' time shared out, the
            # check taken off); the rest of store_ms is collect_file's time less the read
            # pass's (a difference of two reads: noisy under load, near zero on average)
            return {"forms": int(n), "extract_ms": round(e / n * 1000, 1),
                    "read_ms": round(r / n * 1000, 1),
                    "check_ms": round(c / n * 1000, 1), "store_ms": round(a / n * 1000, 2),
                    "batch_ms": round(b / n * 1000, 2),
                    "overhead": round(a / r, 4), "overhead_vs_extract": round(a / e, 4)}

        results[name] = {
            "collected": done.collected,
            "batches": collector.batches,
            "forms_per_batch": collector.batch_forms,
            "extract_ms_per_form": round(total[2] / total[4] * 1000, 1),
            "overall": figures(*total),
            "by_kind": {kind: figures(*row) for kind, row in sorted(by_kind.items())},
        }
    if drop is not None:
        drop()
    for name, profiled in profiles.items():
        # where the store's time goes: every batch stored, both kinds, by own time and by
        # cumulative time (divide by the forms collected for a cost per form)
        print(f"\n{name}: the batches profiled ({len(files)} forms)", flush=True)
        for order in ("tottime", "cumulative"):
            pstats.Stats(profiled).sort_stats(order).print_stats(profile)
    return results


def print_store_costs(collect: dict[str, Any]) -> None:
    """Per database and file kind: read ms/form, store ms/form and the store as a share of
    reading the form (the target: under 10%)."""
    for name in ("sqlite", "postgresql"):
        if name not in collect:
            continue
        figures = collect[name]
        print(f"\n{name}: {figures['collected']} forms collected in {figures['batches']} "
              f"batches of {figures['forms_per_batch']} ({collect['clock']} time)")
        print(f"  {'kind':8} {'forms':>6} {'read ms/form':>13} {'store ms/form':>14} "
              f"{'store/read':>11} {'(in batches)':>13}")
        for kind, row in [*figures["by_kind"].items(), ("all", figures["overall"])]:
            print(f"  {kind:8} {row['forms']:>6} {row['read_ms']:>13.1f} {row['store_ms']:>14.2f} "
                  f"{row['overhead'] * 100:>10.1f}% {row['batch_ms']:>10.2f} ms")
    print(flush=True)


def _bulk(store: Any, count: int) -> None:
    """``count`` PEPs, one version each, inserted in chunks (as a migration from another
    system would load them)."""
    templates = list(generate_peps(min(count, 600), seed=9))
    chunk = 5_000
    for start in range(0, count, chunk):
        children, peps, versions = [], [], []
        datas = []
        for number in range(start, min(start + chunk, count)):
            data = copy.deepcopy(templates[number % len(templates)])
            data["child"]["la_child_id"] = f"N{number:07d}"
            data["child"].pop("upn", None)
            datas.append(data)
        with store.session() as session:
            now = utcnow()
            for data in datas:
                children.append({"authority": data["meta"]["authority"],
                                 "child_key": data["child"]["la_child_id"],
                                 "la_child_id": data["child"]["la_child_id"], "created_at": now})
            session.execute(insert(Child), children)
            ids = dict(session.execute(
                Child.__table__.select().with_only_columns(Child.child_key, Child.id)
                .where(Child.child_key.in_([c["child_key"] for c in children]))
            ).all())
            for data in datas:
                meta = data["meta"]
                peps.append({"child_id": ids[data["child"]["la_child_id"]],
                             "academic_year": meta["academic_year"], "term": meta["term"],
                             "state": "approved", "version": 1, "revision": 1,
                             "authority": meta["authority"], "form": meta["phase"],
                             "created_at": now, "updated_at": now})
            session.execute(insert(Pep), peps)
            pep_ids = dict(session.execute(
                Pep.__table__.select().with_only_columns(Pep.child_id, Pep.id)
                .where(Pep.child_id.in_(list(ids.values())))
            ).all())
            for data in datas:
                versions.append({"pep_id": pep_ids[ids[data["child"]["la_child_id"]]],
                                 "number": 1, "data": data, "data_sha256": data_sha256(data),
                                 "origin": "import", "created_at": now, "created_by": "bench"})
            session.execute(insert(PepVersion), versions)


def bench_report(work: Path, count: int) -> dict[str, Any]:
    store = open_store(work / "national.db", user="bench")
    insert_s, _ = _timed(lambda: _bulk(store, count))
    load_s, stored = _timed(lambda: [(s.label, s.data) for s in store.current()])
    peps = [data for _, data in stored]

    def check_and_report() -> None:
        results = [check_pep(pep, MEETING, source=label) for label, pep in stored]
        cohort_report(results, work / "national.xlsx", MEETING, force=True)

    report_s, _ = _timed(check_and_report)
    store.close()
    return {
        "peps": len(peps),
        "bulk_insert_s": round(insert_s, 1),
        "load_s": round(load_s, 1),
        "check_and_report_s": round(report_s, 1),
        "load_share": round(load_s / report_s, 3),
        "database_mb": round((work / "national.db").stat().st_size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 forms and 6,000 PEPs")
    parser.add_argument("--forms", type=int, default=None)
    parser.add_argument("--peps", type=int, default=None)
    parser.add_argument(
        "--postgres", default=os.environ.get("PEPDOCS_TEST_POSTGRES_URL"),
        help="a PostgreSQL server to collect into as well (a new database is made on it and "
        "dropped after); default PEPDOCS_TEST_POSTGRES_URL (.ci/postgres start)",
    )
    parser.add_argument("--batch", type=int, default=None, help="forms per transaction")
    parser.add_argument(
        "--kinds", default=None,
        help="collect only returns of these kinds (docx,xlsx: the PDF forms, slowest to read, "
        "left out of a shorter run)",
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N",
        help="profile the batches collect stores (cProfile) and print the N costliest "
        "functions per database",
    )
    parser.add_argument(
        "--clock", choices=sorted(CLOCK), default="wall",
        help="time the collect passes by wall time (default) or by this process's CPU time "
        "(steadier under load; leaves out file syncs and the PostgreSQL server's work)",
    )
    args = parser.parse_args()
    print(json.dumps({"load_average": os.getloadavg(), "cores": os.cpu_count()}), flush=True)
    forms = args.forms if args.forms is not None else (200 if args.quick else 2_000)
    peps = args.peps if args.peps is not None else (6_000 if args.quick else 60_000)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        work = Path(folder)
        if forms:
            (work / "c").mkdir()
            kinds = frozenset(args.kinds.split(",")) if args.kinds else None
            results["collect"] = bench_collect(
                work / "c", forms, args.postgres, args.batch, kinds, args.profile, args.clock
            )
            print(json.dumps({"collect": results["collect"]}, indent=2), flush=True)
            print_store_costs(results["collect"])
            print(json.dumps({"load_average": os.getloadavg()}), flush=True)
        if peps:
            (work / "r").mkdir()
            results["report"] = bench_report(work / "r", peps)
            print(json.dumps({"report": results["report"]}, indent=2), flush=True)


if __name__ == "__main__":
    main()
