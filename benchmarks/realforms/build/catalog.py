"""Every layout of the corpus, in the order the manifest lists them (development set first)."""

from __future__ import annotations

from benchmarks.realforms.build.layouts import (
    cairnfell_ey,
    calderbrook_ey,
    chevington_ey,
    dewmarsh_ey,
    dewmarsh_school,
    dunholt_ey,
    eastsallow_post16,
    eastsallow_school,
    gatecliffe_pdf,
    glenmoor_school,
    hamblemouth_school,
    harrowfield_ehcp,
    harrowfield_ey,
    ledbridge_school,
    northmarsh_school,
    saxmere_school,
    sedgecombe_ey,
    sedgecombe_school,
    stanholme_post16,
    stanholme_school,
    westchurch_school,
    wychbourne_pdf,
    yarnbury_school,
)
from benchmarks.realforms.build.parts import Layout

LAYOUTS: tuple[Layout, ...] = (
    harrowfield_ey.LAYOUT,
    harrowfield_ehcp.LAYOUT,
    yarnbury_school.LAYOUT,
    glenmoor_school.LAYOUT,
    sedgecombe_school.LAYOUT,
    sedgecombe_ey.LAYOUT,
    cairnfell_ey.LAYOUT,
    stanholme_school.LAYOUT,
    stanholme_post16.LAYOUT,
    gatecliffe_pdf.POST16,
    gatecliffe_pdf.SCHOOL,
    ledbridge_school.LAYOUT,
    dunholt_ey.LAYOUT,
    calderbrook_ey.LAYOUT,
    hamblemouth_school.LAYOUT,
    # evaluation set: scored, never looked at for tuning
    dewmarsh_school.LAYOUT,
    dewmarsh_ey.LAYOUT,
    chevington_ey.LAYOUT,
    westchurch_school.LAYOUT,
    northmarsh_school.LAYOUT,
    eastsallow_school.LAYOUT,
    eastsallow_post16.LAYOUT,
    wychbourne_pdf.LAYOUT,
    saxmere_school.LAYOUT,
)
