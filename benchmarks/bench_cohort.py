"""903 read + cohort speed on a large authority's export, against a plain csv read of it.

A script, not a test (timings belong in docs/ssda903.md, not in assertions). It generates a
fictional SSDA903 export the size of a large English authority's (about 2,000 children,
15,000 episodes, 20,000 reviews: the CSV set, and the same data as the XML form), then on one
core, in one run:

1. the baseline: every CSV file read with ``csv.DictReader`` and nothing else (no dates, no
   codes, no chaining): the floor any Python reader of these files stands on;
2. ``pepdocs.ssda903.load_903`` (every value checked) + ``pepdocs.cohort.looked_after_on``
   (every child's episodes chained into periods of care, the cohort on a date), from the CSV
   set and from the XML form.

Each is the fastest of three passes (timeit's advice on a shared machine). Prints seconds
(wall and CPU), ``ratio_vs_dictreader`` and whether the 2 s target is met.

Usage::

    python benchmarks/bench_cohort.py              # 2,000 children
    python benchmarks/bench_cohort.py --children 500
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

AS_OF = dt.date(2026, 1, 5)
TARGET_SECONDS = 2.0
LEGAL = ("C1", "C2", "E1", "V2", "J1", "J2", "J3", "L1", "L2", "L3", "V3", "V4")
PLACEMENTS = ("U1", "U3", "U4", "U6", "K2", "K1", "P1", "R1", "R5", "S1", "T1", "A5", "K3")
LEAVING = ("E4A", "E4B", "E13", "E41", "E45", "E8", "E11")
ETHNIC = ("WBRI", "WOTH", "MWBC", "AIND", "BAFR", "BCRB", "CHNE", "OOTH")
EPISODE_COLUMNS = [
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
]


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _child_episodes(child: str, born: dt.date, rng: random.Random, wanted: int) -> list[list[str]]:
    """About ``wanted`` episodes in one or two periods of care, the last usually open."""
    rows: list[list[str]] = []
    start = max(born, AS_OF - dt.timedelta(days=rng.randint(30, 3000)))
    legal, place = rng.choice(LEGAL[:8]), rng.choice(PLACEMENTS)
    reason = "S"
    for number in range(wanted):
        last = number == wanted - 1
        step = dt.timedelta(days=rng.randint(20, 200))
        end = start + step
        if last or end >= AS_OF:
            open_now = rng.random() < 0.8
            ended = "" if open_now else _d(min(end, AS_OF))
            rows.append(
                [
                    child,
                    _d(start),
                    reason,
                    legal,
                    "N1",
                    place,
                    "PR1",
                    ended,
                    "" if open_now else rng.choice(LEAVING),
                    "",
                    "",
                    "",
                    "SC100001",
                ]
            )
            break
        restart = rng.random() < 0.06
        rows.append(
            [
                child,
                _d(start),
                reason,
                legal,
                "N1",
                place,
                "PR1",
                _d(end),
                rng.choice(LEAVING) if restart else "X1",
                "CARPL" if not restart else "",
                "",
                "",
                "SC100001",
            ]
        )
        if restart:
            start, reason = end + dt.timedelta(days=rng.randint(30, 200)), "S"
            legal, place = rng.choice(LEGAL[:8]), rng.choice(PLACEMENTS)
            if start >= AS_OF:
                break
            continue
        reason = rng.choice("PPPLLTBU")
        if reason in "LBU":
            legal = rng.choice(LEGAL[:8])
        if reason in "PTBU":
            place = rng.choice(PLACEMENTS)
        start = end
    return rows


def generate(folder: Path, children: int, seed: int = 903) -> dict[str, int]:
    """The CSV set and the XML form of a fictional export (same data) in ``folder``."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    headers: list[list[str]] = []
    episodes: list[list[str]] = []
    reviews: list[list[str]] = []
    uasc: list[list[str]] = []
    for number in range(children):
        child = str(100000 + number * 7)
        born = AS_OF - dt.timedelta(days=rng.randint(365, 17 * 365))
        headers.append([child, rng.choice("12"), _d(born), rng.choice(ETHNIC), "UN1", "", ""])
        found = _child_episodes(child, born, rng, rng.randint(6, 12))
        episodes.extend(found)
        first = dt.datetime.strptime(found[0][1], "%d/%m/%Y").date()
        for review in range(rng.randint(7, 13)):
            day = min(first + dt.timedelta(days=20 + 120 * review), AS_OF)
            reviews.append([child, _d(born), _d(day), rng.choice(("PN1", "PN2", "PN5"))])
        if rng.random() < 0.06:
            uasc.append([child, headers[-1][1], _d(born), _d(born.replace(year=born.year + 18))])
    tables = {
        "header": (["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"], headers),
        "episodes": (EPISODE_COLUMNS, episodes),
        "reviews": (["CHILD", "DOB", "REVIEW", "REVIEW_CODE"], reviews),
        "uasc": (["CHILD", "SEX", "DOB", "DUC"], uasc),
    }
    csv_folder = folder / "csv"
    csv_folder.mkdir(exist_ok=True)
    for name, (columns, rows) in tables.items():
        with (csv_folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(columns)
            writer.writerows(rows)
    _write_xml(folder / "return.xml", headers, episodes, reviews, uasc)
    return {"children": len(headers), "episodes": len(episodes), "reviews": len(reviews)}


def _write_xml(
    path: Path,
    headers: list[list[str]],
    episodes: list[list[str]],
    reviews: list[list[str]],
    uasc: list[list[str]],
) -> None:
    by_child: dict[str, list[list[str]]] = {}
    for row in episodes:
        by_child.setdefault(row[0], []).append(row)
    reviewed: dict[str, list[list[str]]] = {}
    for row in reviews:
        reviewed.setdefault(row[0], []).append(row)
    unaccompanied = {row[0]: row[3] for row in uasc}
    root = ET.Element("EXPSSDA903")
    for child, sex, born, ethnic, upn, _, _ in headers:
        node = ET.SubElement(root, "CHILD")
        header = ET.SubElement(node, "HEADER")
        for tag, text in (
            ("CHILDID", child),
            ("UPN", upn),
            ("SEX", sex),
            ("DOB", born),
            ("ETHNIC", ethnic),
            ("UASC", "1" if child in unaccompanied else ""),
        ):
            ET.SubElement(header, tag).text = text or None
        if child in unaccompanied:
            ET.SubElement(header, "DUC").text = unaccompanied[child]
        for _, _, day, code in reviewed.get(child, ()):
            review = ET.SubElement(header, "AREVIEW")
            ET.SubElement(review, "REVIEW").text = day
            ET.SubElement(review, "REVIEW_CODE").text = code
        for row in by_child.get(child, ()):
            episode = ET.SubElement(node, "EPISODE")
            for column, text in zip(EPISODE_COLUMNS[1:], row[1:], strict=True):
                ET.SubElement(episode, "PL" if column == "PLACE" else column).text = text or None
    ET.ElementTree(root).write(path, encoding="us-ascii", xml_declaration=True)


def _fastest(run: Callable[[], object], passes: int = 3) -> tuple[float, float, object]:
    best = (float("inf"), float("inf"), None)
    for _ in range(passes):
        started, cpu = time.perf_counter(), time.process_time()
        result = run()
        elapsed, used = time.perf_counter() - started, time.process_time() - cpu
        if elapsed < best[0]:
            best = (elapsed, used, result)
    return best


def _dictreader(folder: Path) -> int:
    rows = 0
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as stream:
            for _ in csv.DictReader(stream):
                rows += 1
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--children", type=int, default=2000)
    arguments = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    from pepdocs.cohort import looked_after_on
    from pepdocs.ssda903 import load_903

    with tempfile.TemporaryDirectory(prefix="bench-cohort-") as scratch:
        folder = Path(scratch)
        sizes = generate(folder, arguments.children)
        csv_kb = sum(path.stat().st_size for path in (folder / "csv").iterdir()) // 1024
        xml_kb = (folder / "return.xml").stat().st_size // 1024
        print(
            f"export: {sizes['children']} children, {sizes['episodes']} episodes, "
            f"{sizes['reviews']} reviews (CSV {csv_kb} KB, XML {xml_kb} KB)"
        )
        base, base_cpu, rows = _fastest(lambda: _dictreader(folder / "csv"))
        print(
            f"baseline_dictreader_s: {base:.3f} (cpu {base_cpu:.3f}; {rows} rows, no values read)"
        )
        for form, source in (("csv", folder / "csv"), ("xml", folder / "return.xml")):
            elapsed, cpu, cohort = _fastest(
                lambda source=source: looked_after_on(load_903(source), AS_OF)
            )
            children = len(cohort)  # type: ignore[arg-type]
            verdict = "met" if elapsed < TARGET_SECONDS else "NOT met"
            print(
                f"read_and_cohort_{form}_s: {elapsed:.3f} (cpu {cpu:.3f}; {children} looked "
                f"after on {AS_OF.isoformat()}); ratio_vs_dictreader: {elapsed / base:.1f}; "
                f"target < {TARGET_SECONDS:g} s: {verdict}"
            )


if __name__ == "__main__":
    sys.exit(main())
