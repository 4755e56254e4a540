"""The Virtual School workbench (``pepdocs serve``, docs/workbench.md): the term's work in a
browser over the PEP record. Server-rendered pages (Jinja2) on Starlette, served by uvicorn;
a thin layer over :mod:`pepdocs.store`, which holds every query and every change.
"""

from pepdocs.web.app import Workbench, create_app, sign_in_link
from pepdocs.web.security import ROLES, Principal

__all__ = ["ROLES", "Principal", "Workbench", "create_app", "sign_in_link"]
