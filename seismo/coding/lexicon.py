"""Load and check everything the coder knows: patterns, word lists, code tables, territories.

Knowledge is data so that an analyst can disagree with a coding by editing a file, or by
passing an overlay with `--dictionary`. Every file (`rulefiles.rule_files()`, then the
overlays) is checked against one schema (`rulecheck`) before it is used, so a typo in a
code or a key fails loudly with the file and the line, instead of coding nonsense.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from seismo.coding.rulecheck import NOUN_SOURCES, check_section
from seismo.coding.rulefiles import MarkedDict, line_of, read_marked, rule_files
from seismo.errors import Errors, SeismoError
from seismo.vocabulary import ACTOR_SECTIONS, RULE_SECTIONS


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
    # verbs: what the subject must be ("TROOPS moved into X", "TANKS rolled into X")
    agent: frozenset[str] = frozenset()
    # verbs: objects (direct or prepositional) that rule the reading out ("met no resistance")
    unless: frozenset[str] = frozenset()
    # verbs: what a copular complement clause calls its subject ("said the raid WAS
    # UNACCEPTABLE", "called it a VIOLATION"): the lemma of its attribute or its adjective
    verdict: frozenset[str] = frozenset()
    # a mutual act of two sides, each doing it to the other ("swapped prisoners"): one
    # event each way, where a symmetric act is one event for the pair
    both_ways: bool = False
    # verbs: the subject undergoes the act of the state its target slot names ("Iranian
    # diplomats had 48 hours to leave the kingdom": the kingdom expels Iran's diplomats)
    reverse: bool = False


@dataclass(frozen=True)
class Territory:
    """A place whose seizure is an act against a state ("the annexation of Crimea")."""

    pattern: re.Pattern[str]
    country: str
    name: str


@dataclass
class Lexicon:
    """The coder's knowledge, merged from our rule files and the user's overlays."""

    verbs: dict[str, list[Rule]] = field(default_factory=dict)
    nouns: dict[str, Rule] = field(default_factory=dict)
    # nouns a later file defines again with other `requires` words ("an exchange of fire",
    # "a prisoner exchange"): tried in file order when the first rule's words are missing
    noun_fallbacks: dict[str, list[Rule]] = field(default_factory=dict)
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)  # word lists by name
    lists: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    tables: dict[tuple[str, str], dict[str, str | None]] = field(default_factory=dict)
    territories: list[Territory] = field(default_factory=list)

    def words(self, key: str) -> frozenset[str]:
        """A word list of grammar.yaml or of a `words:` section ("light_verbs")."""
        return self.grammar.get(key, frozenset())

    def word_set(self, section: str, key: str) -> frozenset[str]:
        """A list of a `codes:` or `stances:` section ("codes", "generic")."""
        return self.lists.get((section, key), frozenset())

    def table(self, section: str, key: str) -> dict[str, str | None]:
        """A mapping of a `codes:` or `stances:` section ("codes", "intent")."""
        return self.tables.get((section, key), {})


def _word(value: Any) -> str:
    """YAML 1.1 reads a bare `on`/`off`/`yes`/`no` as a boolean: give the particle back."""
    if value is True:
        return "on"
    if value is False:
        return "off"
    return str(value)


def _words(value: Any) -> frozenset[str]:
    """A word or a list of words (`prep: at` or `prep: [at, into]`)."""
    if value is None:
        return frozenset()
    values = value if isinstance(value, list) else [value]
    return frozenset(str(_word(v)).lower() for v in values)


def _rule(lemma: str, raw: dict[str, Any], noun: bool) -> Rule:
    """A checked rule (see `rulecheck.check_rule`) as the coder uses it."""
    from seismo.coding.rulecheck import NOUN_TARGETS, VERB_TARGETS

    default_target = NOUN_TARGETS if noun else VERB_TARGETS
    prt, prep = raw.get("prt"), raw.get("prep")
    return Rule(
        lemma=lemma,
        code=str(raw["code"]).strip(),
        target=tuple(raw.get("target", default_target)),
        source=tuple(raw.get("source", NOUN_SOURCES)),
        objects=_words(raw.get("object")),
        prt=_word(prt) if prt is not None else None,
        prep=_words(prep),
        pobj=_words(raw.get("pobj")),
        symmetric=bool(raw.get("symmetric", False)),
        copy=bool(raw.get("copy", False)),
        requires=_words(raw.get("requires")),
        light_only=bool(raw.get("light_only", False)),
        unless=_words(raw.get("unless")),
        comp=_words(raw.get("comp")),
        agent=_words(raw.get("agent")),
        verdict=_words(raw.get("verdict")),
        both_ways=bool(raw.get("both_ways", False)),
        reverse=bool(raw.get("reverse", False)),
    )


def _merge(lex: Lexicon, section: str, data: Any, ours: bool) -> None:
    """Add one checked section. Our own files extend each other's rules for a verb (tried in
    file order) and the first to define a noun keeps it (a later definition with its own
    `requires` words is its fallback: "a prisoner exchange" beside "an exchange of fire"); an overlay replaces the rules of
    the words it names. Word lists grow; tables take the overlay's entries; an overlay's
    territories are tried before ours."""
    if section == "verbs":
        for lemma, rules in data.items():
            parsed = [_rule(str(lemma), r, noun=False) for r in _as_list(rules)]
            key = str(lemma)
            lex.verbs[key] = (lex.verbs.get(key, []) + parsed) if ours else parsed
    elif section == "nouns":
        for lemma, raw in data.items():
            if ours and str(lemma) in lex.nouns:
                if raw.get("requires"):
                    rule = _rule(str(lemma), raw, noun=True)
                    lex.noun_fallbacks.setdefault(str(lemma), []).append(rule)
                continue
            lex.nouns[str(lemma)] = _rule(str(lemma), raw, noun=True)
    elif section in ("grammar", "words"):
        for key, words in data.items():
            lex.grammar[str(key)] = lex.grammar.get(str(key), frozenset()) | _words(words)
    elif section in ("codes", "stances"):
        for key, value in data.items():
            if isinstance(value, dict):
                table = lex.tables.setdefault((section, str(key)), {})
                table.update({_key(k): None if v is None else str(v) for k, v in value.items()})
            else:
                old = lex.lists.get((section, str(key)), frozenset())
                lex.lists[(section, str(key))] = old | _words(value)
    elif section == "territories":
        found = [
            Territory(re.compile(rf"\b{re.escape(str(name))}\b"), str(entry["country"]), str(name))
            for entry in data
            for name in entry["names"]
        ]
        lex.territories = (lex.territories + found) if ours else (found + lex.territories)


def _key(value: Any) -> str:
    return _word(value).lower() if not isinstance(value, str) else value.lower()


def _as_list(rules: Any) -> list[Any]:
    return [rules] if isinstance(rules, dict) else list(rules)


def _sections(data: MarkedDict, whole: str | None) -> list[tuple[str, Any, int | None]]:
    if whole is not None:
        return [(whole, data, 1)]
    return [(str(k), v, line_of(data, k)) for k, v in data.items()]


def rule_problems(data: MarkedDict, known: Lexicon | None, whole: str | None = None) -> list[str]:
    """Every mistake in one file's rule sections, as "line N: where: what" (actor sections
    are left to the actor loader; a section neither knows is a mistake)."""
    problems: list[str] = []
    for section, value, line in _sections(data, whole):
        if section in ACTOR_SECTIONS:
            continue
        if section not in RULE_SECTIONS:
            allowed = ", ".join((*RULE_SECTIONS, *ACTOR_SECTIONS))
            problems.append(f"line {line}: unknown section '{section}'; use one of {allowed}")
            continue
        problems.extend(check_section(section, value, line, known))
    return problems


def _load_file(lex: Lexicon, path: Path, whole: str | None, ours: bool) -> None:
    data = read_marked(path, ours)
    problems = rule_problems(data, None if ours else lex, whole)
    if problems:
        more = len(problems) - 5
        shown = "; ".join(problems[:5]) + (f" (and {more} more)" if more > 0 else "")
        message = Errors.E006 if ours else Errors.E005
        raise SeismoError(message.format(path=path, reason=shown))
    for section, value, _ in _sections(data, whole):
        if section in RULE_SECTIONS and value:
            _merge(lex, section, value, ours)


def load_lexicon(overlays: Sequence[Path] = ()) -> Lexicon:
    """Our rule files, with the user's overlays merged over them (their rule sections; actor
    sections are read by the actor loader)."""
    lex = Lexicon()
    for path, whole in rule_files():
        _load_file(lex, path, whole, ours=True)
    for path in overlays:
        _load_file(lex, Path(path), None, ours=False)
    return lex


@functools.cache
def default_lexicon() -> Lexicon:
    return load_lexicon()


LEXICON_KEY = "seismo.lexicon"


def lexicon_of(doc: Any) -> Lexicon:
    """The lexicon a parsed document is being coded with (the coder stores it in the Doc's
    `user_data`), for the parse walkers that see only tokens; our own when coded elsewhere."""
    found = doc.user_data.get(LEXICON_KEY)
    return found if isinstance(found, Lexicon) else default_lexicon()
