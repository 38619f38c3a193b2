"""A brief as one self-contained HTML file, and as a PDF.

Self-contained means it opens offline from a file and can be mailed: the CSS is inline, the
chart is inline SVG, and there is no script. The same template serves the dashboard's
/brief page (with links into the dashboard) and the file written by `seismo brief`, so the
two never disagree. The PDF is that HTML laid out by WeasyPrint (the `pdf` extra).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from seismo.errors import Errors, SeismoError
from seismo.report.chart import COLOURS, period_label, trajectory_svg
from seismo.urls import web_url
from seismo.vocabulary import QUAD_CLASS_NAMES

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates"
TEMPLATE = "brief.html"


def _signed(value: Any, digits: int = 1) -> str:
    """+2.0 / −8.0 with a real minus sign; a dash when there is no value."""
    if value is None:
        return "–"
    number = round(float(value), digits) + 0.0  # no "−0.0"
    return f"{number:+.{digits}f}".replace("-", "−")


def _event_name(event: dict[str, Any]) -> str:
    """The CAMEO name of the event ("Impose embargo, boycott, or sanctions"), else its trigger."""
    from seismo.coding.cameo import lookup

    try:
        return lookup(str(event["cameo"])).name
    except (SeismoError, KeyError, ValueError):
        return (event.get("trigger") or "").strip() or f"CAMEO {event['cameo']}"


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["signed"] = _signed
    env.globals["QUAD_NAMES"] = QUAD_CLASS_NAMES
    env.filters["web_url"] = web_url
    env.globals["COLOURS"] = COLOURS
    env.globals["event_name"] = _event_name
    env.globals["period_label"] = period_label
    return env


def render_brief(brief: dict[str, Any], *, dashboard: bool = False) -> str:
    """The brief as HTML. `dashboard` links events to the dashboard's document pages and
    adds a bar back to the dashboard; without it every link points at the article's URL."""
    from markupsafe import Markup

    title = f"{brief['a_name']} – {brief['b_name']}"
    chart = trajectory_svg(
        brief["series"],
        brief["shifts"],
        brief["period"],
        f"Goldstein sum and events per {brief['period']}, {title}",
    )
    return str(
        _environment()
        .get_template(TEMPLATE)
        .render(brief=brief, title=title, chart=Markup(chart), dashboard=dashboard)
    )


def write_pdf(html: str, path: str | Path) -> Path:
    """Lay the brief's HTML out as a PDF with WeasyPrint (install seismo[pdf])."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the pango system library is missing
        reason = (
            "writing a PDF needs WeasyPrint and the pango library "
            f"({exc.__class__.__name__}: {str(exc).splitlines()[0][:120]}). Install them with "
            "`pip install 'seismo[pdf]'` and `apt-get install libpango-1.0-0 libpangoft2-1.0-0`."
        )
        raise SeismoError(Errors.E012.format(reason=reason)) from exc
    target = Path(path)
    try:
        HTML(string=html, base_url=str(TEMPLATES)).write_pdf(str(target))
    except OSError as exc:
        raise SeismoError(Errors.E012.format(reason=f"cannot write {target}: {exc}.")) from exc
    return target
