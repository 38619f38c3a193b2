"""The CAMEO tables: Goldstein values as GDELT publishes them, QuadClass, PLOVER 2021."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from seismo.coding import cameo
from seismo.coding.cameo import CameoInfo, all_codes, load_tables, lookup, plover_for, quad_class
from seismo.errors import SeismoError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_sanctions_are_coerce_restrict_at_minus_eight() -> None:
    info = lookup("163")
    assert isinstance(info, CameoInfo)
    assert info.name == "Impose embargo, boycott, or sanctions"
    assert info.root == "16"
    assert info.goldstein == -8.0
    assert info.quad_class == 4
    assert (info.plover_type, info.plover_mode) == ("COERCE", "restrict")
    assert plover_for("163") == {"event_type": "COERCE", "mode": "restrict"}


@pytest.mark.parametrize("code", ["010", "01", "0214", "028"])
def test_statements_and_appeals_have_no_plover_type(code: str) -> None:
    assert plover_for(code) == {"event_type": None, "mode": None}


@pytest.mark.parametrize(
    ("code", "goldstein", "plover_type"),
    [
        ("190", -10.0, "ASSAULT"),
        ("036", 4.0, "AGREE"),
        ("010", 0.0, None),
        ("020", 3.0, None),
        ("040", 1.0, "CONSULT"),
        ("0874", 10.0, "RETREAT"),
        ("130", -4.4, "THREATEN"),
        ("1823", -10.0, "ASSAULT"),
        ("057", 8.0, "SUPPORT"),
        ("112", -2.0, "ACCUSE"),
        ("100", -5.0, "REQUEST"),
        ("191", -9.5, "COERCE"),
    ],
)
def test_goldstein_and_plover_of_known_codes(
    code: str, goldstein: float, plover_type: str | None
) -> None:
    info = lookup(code)
    assert info.goldstein == goldstein
    assert info.plover_type == plover_type


def test_every_root_is_present_with_its_quad_class() -> None:
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for number in roots:
            root = f"{number:02d}"
            assert quad_class(root) == quad
            assert lookup(root).quad_class == quad
            assert lookup(root).root == root


def test_table_covers_the_codebook() -> None:
    codes = [info.code for info in all_codes()]
    assert len(codes) == len(set(codes))
    assert 290 <= len(codes) <= 320
    assert {"0311", "1385", "2042", "175", "0874"} <= set(codes)
    for info in all_codes():
        assert -10.0 <= info.goldstein <= 10.0
        assert info.quad_class == quad_class(info.root)
        assert info.plover_type is None or info.plover_type in cameo.PLOVER_TYPES
        # PLOVER keeps every root except the statement and appeal ones
        assert (info.plover_type is None) == (info.root in ("01", "02"))


def test_yield_splits_into_concede_and_retreat() -> None:
    assert lookup("082").plover_type == "CONCEDE"
    assert lookup("0871").plover == {"event_type": "RETREAT", "mode": "ceasefire"}
    assert lookup("0813").plover_type == "RETREAT"


def test_leading_zeros_are_kept_and_short_codes_padded() -> None:
    assert lookup("36").code == "036"
    assert lookup(" 043 ").code == "043"
    # a two-digit string that is a root stays the root
    assert lookup("16").name == "Reduce relations"
    assert lookup("16").code == "16"


@pytest.mark.parametrize("bad", ["999", "0999", "abc", "", "21a", "1234567"])
def test_unknown_code_is_a_clear_error(bad: str) -> None:
    with pytest.raises(SeismoError, match="Unknown CAMEO event code"):
        lookup(bad)


@pytest.mark.parametrize("bad", ["00", "21", "x"])
def test_quad_class_rejects_non_roots(bad: str) -> None:
    with pytest.raises(SeismoError):
        quad_class(bad)


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _copy_with(path: Path, source: Path, edit) -> Path:
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return _write(path, edit(rows))


def test_packaged_tables_load_from_explicit_paths() -> None:
    tables = load_tables(cameo.CAMEO_TABLE, cameo.PLOVER_TABLE)
    assert tables.lookup("163").goldstein == -8.0


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda rows: rows + [["163", "Duplicate", "-8.0"]], "163 appears twice"),
        (lambda rows: rows + [["2043", "Made up", "-11"]], "outside"),
        (lambda rows: rows + [["2043", "Made up", "minus ten"]], "not a number"),
        (lambda rows: rows + [["2143", "Made up", "-1"]], "no CAMEO root"),
        (lambda rows: rows + [["0x1", "Made up", "1"]], "not a CAMEO code"),
        (lambda rows: [r for r in rows if r[0] != "19"], "root code(s) 19"),
        (lambda rows: [["code", "label", "goldstein"]] + rows[1:], "missing column"),
    ],
)
def test_broken_cameo_table_names_file_and_problem(tmp_path: Path, edit, message: str) -> None:
    broken = _copy_with(tmp_path / "cameo.csv", cameo.CAMEO_TABLE, edit)
    with pytest.raises(SeismoError) as caught:
        load_tables(broken, cameo.PLOVER_TABLE)
    assert message in str(caught.value)
    assert str(broken) in str(caught.value)


def test_broken_row_reports_its_line(tmp_path: Path) -> None:
    broken = _write(
        tmp_path / "cameo.csv",
        [["code", "name", "goldstein"], ["01", "Statement", "0"], ["02", "Appeal", "12.5"]],
    )
    with pytest.raises(SeismoError, match=r"line 3\).*outside"):
        load_tables(broken, cameo.PLOVER_TABLE)


def test_crosswalk_rejects_types_outside_plover_2021(tmp_path: Path) -> None:
    broken = _copy_with(
        tmp_path / "plover.csv",
        cameo.PLOVER_TABLE,
        lambda rows: [r if r[0] != "111" else ["111", "DISAPPROVE", "", ""] for r in rows],
    )
    with pytest.raises(SeismoError, match="DISAPPROVE' is not a PLOVER 2021 event type") as caught:
        load_tables(cameo.CAMEO_TABLE, broken)
    assert "line" in str(caught.value)


def test_missing_table_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SeismoError, match="is invalid"):
        load_tables(tmp_path / "absent.csv", cameo.PLOVER_TABLE)


def test_missing_four_digit_rows_inherit_their_parent(tmp_path: Path) -> None:
    crosswalk = _copy_with(
        tmp_path / "plover.csv",
        cameo.PLOVER_TABLE,
        lambda rows: [r for r in rows if r[0] not in ("1661", "17", "170")],
    )
    tables = load_tables(cameo.CAMEO_TABLE, crosswalk)
    assert tables.lookup("1661").plover == {"event_type": "SANCTION", "mode": "expel"}
    # neither 170 nor 17 left: no type rather than a guess
    assert tables.lookup("170").plover_type is None
    assert tables.lookup("173").plover == {"event_type": "COERCE", "mode": "arrest"}


def test_peer_suite_plover_codes_are_known() -> None:
    """Every CAMEO code the PLOVER gold records use must be in our table."""
    suite = SHARED / "peer-suites" / "plover-gsr-cameo" / "plover-gsr-cameo.jsonl"
    if not suite.exists():
        pytest.skip(f"peer suite not found at {suite}")
    import json

    unknown = set()
    for line in suite.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for event in record.get("events", []):
            code = event.get("code")
            if code and event.get("root"):
                try:
                    lookup(code)
                except SeismoError:
                    unknown.add(code)
    assert not unknown, f"codes missing from cameo.csv: {sorted(unknown)}"
