"""Converting a 903 export between its two forms, written independently of pepdocs' reader
(with the standard library's ElementTree and csv), so that tests can check that the CSV set
and the XML form of the same data give the same cohort.

The mapping is the XML form's own: CHILD holds HEADER (CHILDID for CHILD, the header columns,
UASC and DUC, the OC3 and AD1 columns, and AREVIEW, AMISSING, OC2, PERMANENCE, AD_PLACED
elements) and an EPISODE per episode, with PL for PLACE.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

COLUMNS = {
    "header": "CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB",
    "episodes": "CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE "
    "HOME_POST PL_POST URN",
    "reviews": "CHILD DOB REVIEW REVIEW_CODE",
    "uasc": "CHILD SEX DOB DUC",
    "oc2": "CHILD DOB SDQ_SCORE SDQ_REASON CONVICTED HEALTH_CHECK IMMUNISATIONS TEETH_CHECK "
    "HEALTH_ASSESSMENT SUBSTANCE_MISUSE INTERVENTION_RECEIVED INTERVENTION_OFFERED",
    "oc3": "CHILD DOB IN_TOUCH ACTIV ACCOM",
    "missing": "CHILD DOB MISSING MIS_START MIS_END",
    "ad1": "CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR",
    "placed_for_adoption": "CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED",
    "previous_permanence": "CHILD DOB PREV_PERM LA_PERM DATE_PERM",
}
#: tables nested under HEADER, one element per row
NESTED = {
    "reviews": "AREVIEW",
    "missing": "AMISSING",
    "oc2": "OC2",
    "previous_permanence": "PERMANENCE",
    "placed_for_adoption": "AD_PLACED",
}
#: tables whose columns sit in HEADER itself
FLAT = ("oc3", "ad1")


def _leaves(element: ET.Element) -> dict[str, str]:
    names = {"CHILDID": "CHILD", "PL": "PLACE"}
    return {
        names.get(node.tag, node.tag): (node.text or "").strip()
        for node in element
        if len(node) == 0
    }


def xml_to_csv(xml: Path, folder: Path) -> Path:
    """Write the XML form's tables as the CSV set (one file per table) in ``folder``."""
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for child in ET.parse(xml).getroot().iter("CHILD"):
        header = child.find("HEADER")
        assert header is not None
        head = _leaves(header)
        rows["header"].append(head)
        if head.get("UASC") == "1" or head.get("DUC"):
            rows["uasc"].append(head)
        if head.get("IN_TOUCH"):
            rows["oc3"].append(head)
        if head.get("DATE_INT"):
            rows["ad1"].append(head)
        for table, tag in NESTED.items():
            for node in header.iter(tag):
                rows[table].append({**head, **_leaves(node)})
        for node in child.iter("EPISODE"):
            rows["episodes"].append({"CHILD": head["CHILD"], **_leaves(node)})
    folder.mkdir(parents=True, exist_ok=True)
    for table, found in rows.items():
        columns = COLUMNS[table].split()
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(columns)
            for row in found:
                writer.writerow([row.get(column, "") for column in columns])
    return folder


def csv_to_xml(folder: Path, xml: Path) -> Path:
    """Write the CSV set in ``folder`` as the XML form (children as the header file lists
    them)."""
    tables: dict[str, dict[str, list[dict[str, str]]]] = {}
    for table in COLUMNS:
        by_child: dict[str, list[dict[str, str]]] = defaultdict(list)
        with (folder / f"{table}.csv").open(encoding="utf-8-sig", newline="") as stream:
            for row in csv.DictReader(stream):
                by_child[row["CHILD"]].append(row)
        tables[table] = by_child
    root = ET.Element("EXPSSDA903")

    def leaf(parent: ET.Element, tag: str, text: str | None) -> None:
        ET.SubElement(parent, tag).text = text or None

    for child_id, (head,) in tables["header"].items():
        child = ET.SubElement(root, "CHILD")
        header = ET.SubElement(child, "HEADER")
        leaf(header, "CHILDID", child_id)
        for column in ("UPN", "SEX", "DOB", "ETHNIC"):
            leaf(header, column, head[column])
        uasc = tables["uasc"].get(child_id)
        leaf(header, "UASC", "1" if uasc else "")
        if uasc:
            leaf(header, "DUC", uasc[0]["DUC"])
        for table in FLAT:
            for row in tables[table].get(child_id, ()):
                for column in COLUMNS[table].split()[2:]:
                    leaf(header, column, row[column])
        for table, tag in NESTED.items():
            for row in tables[table].get(child_id, ()):
                node = ET.SubElement(header, tag)
                for column in COLUMNS[table].split()[2:]:
                    leaf(node, column, row[column])
        leaf(header, "MOTHER", head["MOTHER"])
        leaf(header, "MC_DOB", head["MC_DOB"])
        for row in tables["episodes"].get(child_id, ()):
            node = ET.SubElement(child, "EPISODE")
            for column in COLUMNS["episodes"].split()[1:]:
                leaf(node, "PL" if column == "PLACE" else column, row[column])
    ET.ElementTree(root).write(xml, encoding="us-ascii", xml_declaration=True)
    return xml
