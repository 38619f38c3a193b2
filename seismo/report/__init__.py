"""Briefs: a self-contained HTML (and PDF) report on how relations between two actors moved.

`build_brief(con, a, b)` gathers the data, `render_brief(brief)` makes the HTML,
`write_pdf(html, path)` the PDF; `seismo brief` and the dashboard's /brief call the three.
"""

from seismo.report.brief import build_brief
from seismo.report.render import render_brief, write_pdf

__all__ = ["build_brief", "render_brief", "write_pdf"]
