"""Load and check the event patterns and grammar words (patterns.yaml, grammar.yaml).

Patterns are data so an analyst can disagree with a coding by editing a file; they are
checked on load against the CAMEO table so a typo in a code fails loudly, naming the file
and the entry, instead of coding nonsense.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from seismo.coding.cameo import lookup
from seismo.errors import Errors, SeismoError

HERE = Path(__file__).resolve().parent
PATTERNS_FILE = HERE / "patterns.yaml"
GRAMMAR_FILE = HERE / "grammar.yaml"

VERB_TARGETS = (
    "dobj", "pp:with", "pp:against", "pp:on", "pp:to", "pp:into",
    "obj_pp:on", "obj_pp:against", "obj_pp:to", "obj_pp:with", "obj_pp:of", "obj_pp:in",
)  # fmt: skip
NOUN_SOURCES = ("poss", "amod", "compound", "pp:by", "pp:from")
NOUN_TARGETS = (
    "pp:against", "pp:on", "pp:with", "pp:to", "pp:of", "pp:into", "pp:in", "pp:toward",
    "pp:towards",
)  # fmt: skip
SLOT_KINDS = ("dobj", "iobj", "attr", "poss", "amod", "compound", "poss_obj", "obj_tree",
              "clause_subject")  # fmt: skip
RULE_KEYS = {"code", "object", "prt", "prep", "target", "source", "symmetric", "copy",
             "requires", "light_only", "pobj", "comp"}  # fmt: skip


@dataclass(frozen=True)
class Rule:
    """One way a word can carry an event."""

    lemma: str
    code: str
    target: tuple[str, ...]
    source: tuple[str, ...] = NOUN_SOURCES
    objects: frozenset[str] = frozenset()
    prt: str | None = None
    prep: frozenset[str] = frozenset()  # one of these prepositions ("fired at", "fired into")
    pobj: frozenset[str] = frozenset()  # a prepositional object the verb must govern ("on a list")
    symmetric: bool = False
    copy: bool = False
    requires: frozenset[str] = frozenset()  # nouns: a modifier that must be present ("joint")
    light_only: bool = False  # nouns: coded only as the object of a verb ("signed a treaty")
    # verbs: a clausal complement the verb must govern ("threatened to USE force", "told the
    # envoy to LEAVE"); its object counts as the verb's for `object` and the target slots
    comp: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    verbs: dict[str, list[Rule]] = field(default_factory=dict)
    nouns: dict[str, Rule] = field(default_factory=dict)
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        return self.grammar.get(key, frozenset())


def _check_slot(slot: str, where: str) -> str:
    kind, _, prep = slot.partition(":")
    if kind in ("pp", "obj_pp") and prep:
        return slot
    if kind in SLOT_KINDS and not prep:
        return slot
    raise ValueError(f"{where}: unknown argument slot '{slot}'")


def _word(value: Any) -> Any:
    """YAML 1.1 reads a bare `on`/`off`/`yes`/`no` as a boolean: give the particle back."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return value


def _words(value: Any) -> frozenset[str]:
    """A word or a list of words (`prep: at` or `prep: [at, into]`)."""
    if value is None:
        return frozenset()
    values = value if isinstance(value, list) else [value]
    return frozenset(str(_word(v)).lower() for v in values)


def _rule(lemma: str, raw: dict[str, Any], where: str, noun: bool) -> Rule:
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    code = str(raw.get("code", "")).strip()
    if not code:
        raise ValueError(f"{where}: no code")
    try:
        lookup(code)
    except SeismoError as exc:
        raise ValueError(f"{where}: {exc}") from exc
    default_target = NOUN_TARGETS if noun else VERB_TARGETS
    target = tuple(_check_slot(s, where) for s in raw.get("target", default_target))
    source = tuple(_check_slot(s, where) for s in raw.get("source", NOUN_SOURCES))
    return Rule(
        lemma=lemma,
        code=code,
        target=target,
        source=source,
        objects=frozenset(str(_word(o)).lower() for o in raw.get("object", ())),
        prt=_word(raw.get("prt")),
        prep=_words(raw.get("prep")),
        pobj=frozenset(str(o).lower() for o in raw.get("pobj", ())),
        symmetric=bool(raw.get("symmetric", False)),
        copy=bool(raw.get("copy", False)),
        requires=frozenset(str(o).lower() for o in raw.get("requires", ())),
        light_only=bool(raw.get("light_only", False)),
        comp=frozenset(str(o).lower() for o in raw.get("comp", ())),
    )


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SeismoError("E006", Errors.E006.format(path=path, reason=exc)) from exc
    if not isinstance(data, dict):
        raise SeismoError("E006", Errors.E006.format(path=path, reason="expected a mapping"))
    return data


def _merge_patterns(lex: Lexicon, data: dict[str, Any], path: Path, extend: bool = False) -> None:
    """Add a file's patterns. Our own files extend each other's rules for a verb (tried in
    file order); a user's overlay replaces the rules of the verbs it names."""
    try:
        for lemma, rules in (data.get("verbs") or {}).items():
            if isinstance(rules, dict):
                rules = [rules]
            parsed = [
                _rule(str(lemma), r, f"verbs.{lemma}[{i}]", noun=False) for i, r in enumerate(rules)
            ]
            key = str(lemma)
            lex.verbs[key] = (lex.verbs.get(key, []) + parsed) if extend else parsed
        for lemma, raw in (data.get("nouns") or {}).items():
            if extend and str(lemma) in lex.nouns:
                continue  # the first of our files to define a noun keeps it
            lex.nouns[str(lemma)] = _rule(str(lemma), raw, f"nouns.{lemma}", noun=True)
        for key, words in (data.get("grammar") or {}).items():
            lex.grammar[str(key)] = frozenset(str(w).lower() for w in words)
    except (ValueError, TypeError, AttributeError) as exc:
        raise SeismoError("E006", Errors.E006.format(path=path, reason=exc)) from exc


def pattern_files() -> list[Path]:
    """patterns.yaml first, then the other patterns_*.yaml files in name order."""
    return [PATTERNS_FILE, *sorted(HERE.glob("patterns_*.yaml"))]


def load_lexicon(overlays: Sequence[Path] = ()) -> Lexicon:
    """Our patterns and grammar words, with the user's overlays merged over them."""
    lex = Lexicon()
    for path in pattern_files():
        _merge_patterns(lex, _read_yaml(path), path, extend=True)
    _merge_patterns(lex, {"grammar": _read_yaml(GRAMMAR_FILE)}, GRAMMAR_FILE)
    for path in overlays:
        _merge_patterns(lex, _read_yaml(Path(path)), Path(path))
    return lex


@functools.cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
