"""Every operation of the OpenAPI schema, fed generated input in-process: never a 5xx.

Hand-written tests try the inputs we thought of; schemathesis derives them from the schema
the app publishes (bounds, patterns, path parameters) and then goes past them, so a query
parameter whose declared shape and real handling disagree shows up as a server error here.
The database holds the sample history, so queries reach real rows, not an empty table.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig

from seismo.api.app import create_app
from tests.browser.sample_data import write_sample_db

MAX_EXAMPLES = 30
# The write route is fuzzed too, with the token: bodies of generated JSONL are coded and stored.
TOKEN = "schemathesis-write-token"


def _app_over_sample_history():  # type: ignore[no-untyped-def]
    """The app over a fresh database file; built at import because schemathesis reads the
    schema at collection time (its fixture-based loader does not run on pytest 9)."""
    folder = Path(tempfile.mkdtemp(prefix="seismo-schemathesis-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return create_app(
        write_sample_db(folder), write_token=TOKEN, allowed_hosts=("testserver", "localhost")
    )


# The coverage phase adds ~600 boundary cases (about a minute here, each request opens the
# database); SEISMO_FUZZ_COVERAGE=1 turns it on for a thorough run.
_CONFIG = SchemathesisConfig.from_dict(
    {"phases": {"coverage": {"enabled": os.environ.get("SEISMO_FUZZ_COVERAGE") == "1"}}}
)


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: Any, value: Any) -> dict[str, Any]:
    """The ingest body: generated text as it is (mostly malformed lines), JSON as one line."""
    if isinstance(value, bytes):
        return {"data": value}
    text = value if isinstance(value, str) else json.dumps(value)
    return {"data": text.encode("utf-8", "surrogatepass")}


schema = schemathesis.openapi.from_asgi("/openapi.json", _app_over_sample_history(), config=_CONFIG)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_errors(case: schemathesis.Case) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
    case.call_and_validate(headers=headers, checks=[not_a_server_error])
