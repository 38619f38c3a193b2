"""CAMEO event codes with their Goldstein values, QuadClass and PLOVER category.

The knowledge lives in two data files next to this module, so an analyst who disagrees
with a value edits a CSV, not code:

- `tables/cameo.csv` (`code,name,goldstein`): every code of the CAMEO 1.1b3 codebook as
  GDELT uses it, with the Goldstein value of GDELT's public CAMEO Goldstein lookup (tables
  differ between projects: 163 is -8.0 in GDELT's, -6.5 in Phoenix's; we follow GDELT's).
  GDELT's lookup lacks 1213 and 1214 (reject judicial / intelligence cooperation), which the
  codebook, ICEWS and the PLOVER crosswalk have: they carry their parent 121's -4.0.
- `tables/plover.csv` (`cameo,event_type,mode,context`): the PLOVER project's 2021
  CAMEO-to-PLOVER crosswalk (CAMEO2PLOVER-2021, PLOVER draft 0.8). A code the crosswalk does
  not list takes its 3-digit parent's row, then its root's. Roots 01 and 02 (statements and
  appeals) have no PLOVER type at all: PLOVER dropped them.

Both files are read once per process and checked on load; a broken row is reported with
the file and line so the user can fix it.
"""

from __future__ import annotations

import csv
import functools
import math
from dataclasses import dataclass
from pathlib import Path

from seismo.errors import Errors, SeismoError

TABLES_DIR = Path(__file__).resolve().parent / "tables"
CAMEO_TABLE = TABLES_DIR / "cameo.csv"
PLOVER_TABLE = TABLES_DIR / "plover.csv"

# The 16 event types of PLOVER 2021 (manual draft 0.8). DEMAND, DISAPPROVE, INVESTIGATE and
# FIGHT of earlier drafts were folded into REQUEST, ACCUSE and ASSAULT.
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)

ROOTS = tuple(f"{n:02d}" for n in range(1, 21))


@dataclass(frozen=True)
class CameoInfo:
    """What seismo knows about one CAMEO code: its meaning, weight and PLOVER category."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None = None

    @property
    def plover(self) -> dict[str, str | None]:
        """The `plover` field of an event record (EVENT-SCHEMA.md)."""
        return {"event_type": self.plover_type, "mode": self.plover_mode}


@dataclass(frozen=True)
class CameoTables:
    """The loaded, validated tables: one `CameoInfo` per CAMEO code, in codebook order."""

    by_code: dict[str, CameoInfo]

    def lookup(self, code: str) -> CameoInfo:
        """The entry for `code`; a code shorter than 3 digits that is not a root is zero-padded.

        "16" is the root REDUCE RELATIONS, not "016" (deny responsibility): two-digit strings
        are roots when they are one, and only otherwise padded ("36" → "036"), which repairs
        codes that lost their leading zero in a spreadsheet.
        """
        text = str(code).strip() if code is not None else ""
        info = self.by_code.get(text)
        if info is None and text.isdigit() and len(text) < 3:
            info = self.by_code.get(text.zfill(3))
        if info is None:
            raise SeismoError(Errors.E011.format(value=code))
        return info

    def all_codes(self) -> list[CameoInfo]:
        return list(self.by_code.values())


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root: 1 verbal and 2 material cooperation, 3 verbal and
    4 material conflict (roots 01-05, 06-08, 09-13, 14-20)."""
    text = str(root).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise SeismoError(Errors.E011.format(value=root))
    number = int(text)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def _invalid(path: Path, line: int | None, reason: str) -> SeismoError:
    where = f"{path} (line {line})" if line is not None else str(path)
    return SeismoError(Errors.E006.format(path=where, reason=reason))


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV with the given header, each with its line number for error messages."""
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            header = tuple(reader.fieldnames or ())
            missing = [c for c in columns if c not in header]
            if missing:
                raise _invalid(path, 1, f"missing column(s) {', '.join(missing)}")
            rows = []
            for row in reader:
                if None in row:
                    raise _invalid(path, reader.line_num, "more fields than the header has")
                rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
            return rows
    except OSError as exc:
        raise _invalid(path, None, exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _invalid(path, None, f"not UTF-8 text ({exc.reason})") from exc


def _check_code(path: Path, line: int, code: str) -> None:
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise _invalid(path, line, f"'{code}' is not a CAMEO code of 2 to 4 digits")
    if code[:2] not in ROOTS:
        raise _invalid(path, line, f"'{code}' has no CAMEO root (roots run from 01 to 20)")


def _read_goldstein_table(path: Path) -> dict[str, tuple[str, float]]:
    """code → (name, Goldstein value), in file order."""
    entries: dict[str, tuple[str, float]] = {}
    for line, row in _read_rows(path, ("code", "name", "goldstein")):
        code = row["code"]
        _check_code(path, line, code)
        if code in entries:
            raise _invalid(path, line, f"code {code} appears twice")
        if not row["name"]:
            raise _invalid(path, line, f"code {code} has no name")
        try:
            value = float(row["goldstein"])
        except ValueError:
            raise _invalid(
                path, line, f"Goldstein value '{row['goldstein']}' of {code} is not a number"
            ) from None
        if math.isnan(value) or not -10.0 <= value <= 10.0:
            raise _invalid(path, line, f"Goldstein value {value} of {code} is outside [-10, 10]")
        entries[code] = (row["name"], value)
    missing_roots = [root for root in ROOTS if root not in entries]
    if missing_roots:
        raise _invalid(path, None, f"root code(s) {', '.join(missing_roots)} are missing")
    for code in entries:
        if len(code) == 4 and code[:3] not in entries:
            raise _invalid(path, None, f"code {code} has no parent {code[:3]}")
    return entries


def _read_crosswalk(path: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """CAMEO code → (PLOVER event type, mode, context); empty cells become None."""
    crosswalk: dict[str, tuple[str | None, str | None, str | None]] = {}
    for line, row in _read_rows(path, ("cameo", "event_type", "mode")):
        code = row["cameo"]
        _check_code(path, line, code)
        if code in crosswalk:
            raise _invalid(path, line, f"code {code} appears twice")
        event_type = row["event_type"] or None
        if event_type is not None and event_type not in PLOVER_TYPES:
            raise _invalid(
                path,
                line,
                f"'{event_type}' is not a PLOVER 2021 event type "
                f"(one of {', '.join(sorted(PLOVER_TYPES))})",
            )
        crosswalk[code] = (event_type, row["mode"] or None, row.get("context") or None)
    return crosswalk


def _crosswalk_row(
    code: str, crosswalk: dict[str, tuple[str | None, str | None, str | None]]
) -> tuple[str | None, str | None, str | None]:
    """The crosswalk row for a code: its own, else its 3-digit parent's, else its root's."""
    for key in (code, code[:3], code[:2]):
        if key in crosswalk:
            return crosswalk[key]
    return (None, None, None)


@functools.cache
def load_tables(cameo_path: Path | None = None, plover_path: Path | None = None) -> CameoTables:
    """Read and check the CAMEO and PLOVER tables once per process (per pair of paths)."""
    cameo_file = Path(cameo_path) if cameo_path is not None else CAMEO_TABLE
    plover_file = Path(plover_path) if plover_path is not None else PLOVER_TABLE
    entries = _read_goldstein_table(cameo_file)
    crosswalk = _read_crosswalk(plover_file)
    by_code = {}
    for code, (name, goldstein) in entries.items():
        event_type, mode, context = _crosswalk_row(code, crosswalk)
        by_code[code] = CameoInfo(
            code=code,
            name=name,
            root=code[:2],
            goldstein=goldstein,
            quad_class=quad_class(code[:2]),
            plover_type=event_type,
            plover_mode=mode,
            plover_context=context,
        )
    return CameoTables(by_code=by_code)


def lookup(code: str) -> CameoInfo:
    """The entry for a CAMEO code ("163", "0311", "16"); raises SeismoError if unknown."""
    return load_tables().lookup(code)


def all_codes() -> list[CameoInfo]:
    """Every CAMEO code, in codebook order."""
    return load_tables().all_codes()


def plover_for(code: str) -> dict[str, str | None]:
    """The PLOVER category of a CAMEO code as the event record carries it: event_type, mode."""
    return lookup(code).plover
