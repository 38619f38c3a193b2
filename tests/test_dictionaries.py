"""User dictionaries: one `--dictionary` file reaches every table, and mistakes name file and line."""

from __future__ import annotations

import datetime as dt

import pytest

from seismo.errors import SeismoError

# One file teaching a verb, a stance word, a role noun and a territory (our own examples).
EVERYTHING = """\
verbs:
  upbraid: [{code: "111", target: [dobj]}]
stances:
  kinds: {nemesis: adversary}
roles:
  MIL: [rangers]
territories:
  - {country: NOR, names: [Jan Mayen]}
"""


@pytest.fixture(scope="module")
def overlay_coder(tmp_path_factory):
    from seismo.pipeline import build_coder

    path = tmp_path_factory.mktemp("dict") / "everything.yaml"
    path.write_text(EVERYTHING, encoding="utf-8")
    return build_coder([path])


def _code(coder, nlp, text):
    from seismo.model import Document

    doc = Document(doc_id="t", text=text, published=dt.date(2023, 5, 1))
    events, stances = coder.code(doc, nlp(text))
    triples = {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}
    return triples, {(s.holder.code, s.subject.code, s.stance) for s in stances}


@pytest.mark.parametrize(
    ("text", "event", "stance"),
    [
        ("In 2023, Norway upbraided Sweden.", ("NOR", "SWE", "111"), None),
        ("In 2023, Norway regards Sweden as a nemesis.", None, ("NOR", "SWE", "adversary")),
        ("In 2023, Norway's rangers attacked Sweden.", ("NORMIL", "SWE", "190"), None),
        ("In 2023, Sweden seized Jan Mayen.", ("SWE", "NOR", "1711"), None),
    ],
)
def test_one_dictionary_file_reaches_every_table(nlp, coder, overlay_coder, text, event, stance):
    before = _code(coder, nlp, text)
    after = _code(overlay_coder, nlp, text)
    if event is not None:
        assert event not in before[0] and event in after[0]
    if stance is not None:
        assert stance not in before[1] and stance in after[1]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('verbs:\n  upbraid:\n    - {code: "111",\n       objet: [envoy]}\n', 4, "objet"),
        ("stances:\n  kinds:\n    nemesis: archenemy\n", 2, "archenemy"),
        ("words:\n  quantity_nouns: [heap]\n  bare_role: [gendarmerie]\n", 3, "bare_role"),
        ('codes:\n  threat: {"16": "999"}\n', 2, "999"),
        (
            "territories:\n  - {country: NOR, names: [Jan Mayen]}\n  - {country: Norway}\n",
            3,
            "entry",
        ),
        ("verb:\n  upbraid: []\n", 1, "verb"),
        (  # a key given twice would silently drop the first entry
            'verbs:\n  upbraid: [{code: "111"}]\n  scold: [{code: "111"}]\n  upbraid: [{code: "112"}]\n',
            4,
            "twice",
        ),
        (
            "bodies:\n  - {id: jcg, country: JPN, sector: MIL, names: [JCG]}\n  - {id: x, countyr: JPN}\n",
            3,
            "countyr",
        ),
    ],
)
def test_check_reports_a_mistake_with_file_and_line(tmp_path, text, line, words):
    from seismo.coding.overlays import check_dictionary

    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    errors, _ = check_dictionary(path)
    assert errors, text
    assert any(str(path) in e and f"line {line}:" in e and words in e for e in errors), errors


def test_a_bad_overlay_stops_the_coder_with_file_and_line(tmp_path):
    from seismo.pipeline import build_coder

    path = tmp_path / "bad.yaml"
    path.write_text('verbs:\n  upbraid: [{code: "111", target: [elsewhere]}]\n', encoding="utf-8")
    with pytest.raises(SeismoError) as caught:
        build_coder([path])
    assert caught.value.code == "E005"
    assert str(path) in str(caught.value) and "line 2" in str(caught.value)


def test_overlay_words_add_to_ours(tmp_path):
    from seismo.coding.lexicon import default_lexicon, load_lexicon

    path = tmp_path / "words.yaml"
    path.write_text("words:\n  bare_roles: [gendarmerie]\n", encoding="utf-8")
    lex = load_lexicon([path])
    assert lex.words("bare_roles") == default_lexicon().words("bare_roles") | {"gendarmerie"}


def test_every_builtin_rule_file_is_checked():
    from seismo.coding.lexicon import rule_problems
    from seismo.coding.rulefiles import read_marked, rule_files

    names = {path.name for path, _ in rule_files()}
    assert {"patterns.yaml", "grammar.yaml", "words.yaml", "codes.yaml", "stances.yaml"} <= names
    assert "territories.yaml" in names
    for path, whole in rule_files():
        assert rule_problems(read_marked(path), None, whole) == [], path


def test_every_rule_name_is_documented():
    """Each word list, code table and stance table a user can extend is named in
    docs/dictionaries.md, and so is each key of a pattern rule."""
    from pathlib import Path

    from seismo.coding.lexicon import default_lexicon
    from seismo.coding.rulecheck import CODE_TABLES, RULE_KEYS, SLOT_KINDS, STANCE_TABLES

    docs = (Path(__file__).resolve().parents[1] / "docs" / "dictionaries.md").read_text()
    names = [*default_lexicon().grammar, *CODE_TABLES, *STANCE_TABLES, *RULE_KEYS, *SLOT_KINDS]
    assert [n for n in names if f"`{n}`" not in docs] == []
