"""Issue 15, row A: with `pip install seismo` (no extras) every HTML input was skipped.

`lxml.html.clean`, which trafilatura needs, is a separate project since lxml 5.2 and came
only through an extra, so the HTML path failed on a plain install and no test noticed. Here:
every module the code imports is declared, and HTML reaches a document by every route (a
page, a JSONL `html` field, a feed entry, a WARC response). CI runs this file and the HTML,
feed and WARC tests again in a virtualenv made with plain `pip install .` (`make test-bare`).
"""

from __future__ import annotations

import ast
import gzip
import importlib.metadata as metadata
import io
import json
import re
import sys
from pathlib import Path

from seismo.ingest import read_inputs
from seismo.model import Document

ROOT = Path(__file__).resolve().parents[1]
# Imported only by the commands that need them, and declared as extras.
EXTRAS = {"pyspark": "spark", "weasyprint": "pdf"}
PAGE = (
    "<html><head><title>Talks</title></head><body><article><h1>Talks in Tokyo</h1>"
    + "<p>On 3 May 2022, Japan and Australia signed a defence agreement in Tokyo.</p>" * 4
    + "</article></body></html>"
)


def declared() -> tuple[set[str], dict[str, set[str]]]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")

    def names(block: str) -> set[str]:
        found = re.findall(r'"([A-Za-z0-9_.\-]+)', block)
        return {n.lower().replace("_", "-") for n in found}

    base = names(text.split("dependencies = [", 1)[1].split("]", 1)[0])
    extras_block = text.split("[project.optional-dependencies]", 1)[1].split("\n[", 1)[0]
    extras = {name: names(body) for name, body in re.findall(r"(\w+) = \[([^\]]*)\]", extras_block)}
    return base, extras


def imported_modules() -> set[str]:
    found = set()
    for path in (ROOT / "seismo").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "seismo"}


def test_every_imported_module_is_declared() -> None:
    base, extras = declared()
    owners = metadata.packages_distributions()
    missing = []
    for module in sorted(imported_modules()):
        dists = {d.lower().replace("_", "-") for d in owners.get(module, [module])}
        wanted = extras.get(EXTRAS[module], set()) if module in EXTRAS else base
        if not dists & wanted:
            missing.append(f"{module} ({', '.join(sorted(dists))})")
    assert not missing, f"imported but not declared: {missing}"


def test_html_cleaner_is_a_base_dependency() -> None:
    base, _ = declared()
    assert "lxml-html-clean" in base
    import lxml.html.clean  # noqa: F401  (what trafilatura imports)


def test_html_becomes_a_document_by_every_route(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(json.dumps({"id": "r1", "html": PAGE}) + "\n")
    entry = PAGE.replace("<", "&lt;").replace(">", "&gt;")
    (tmp_path / "feed.atom").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Wire</title><entry><id>urn:a1</id><title>Talks</title>"
        f'<link href="https://news.example/a1"/><content type="html">{entry}</content>'
        "</entry></feed>",
        encoding="utf-8",
    )
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/a2", "response", payload=io.BytesIO(PAGE.encode()),
            http_headers=headers,
        )
    )  # fmt: skip
    (tmp_path / "crawl.warc.gz").write_bytes(gzip.compress(buffer.getvalue()))
    found = list(read_inputs([str(tmp_path)]))
    assert all(isinstance(f, Document) for f in found), found
    assert len(found) == 4
    assert all("defence agreement" in f.text for f in found if isinstance(f, Document))
