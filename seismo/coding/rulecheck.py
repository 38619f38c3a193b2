"""The schema of the rule files, checked entry by entry with the line of each mistake.

One function per kind of section (docs/dictionaries.md describes every key). Each returns
readable problems ("line 12: verbs.lambast[0]: unknown key 'objet'; ...") and never raises,
so that `seismo dictionary check` can list them all at once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from seismo.coding.cameo import lookup
from seismo.coding.rulefiles import line_of
from seismo.errors import SeismoError
from seismo.vocabulary import STANCE_KINDS

if TYPE_CHECKING:
    from seismo.coding.lexicon import Lexicon

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
              "clause_subject", "clause_tree", "comp_obj")  # fmt: skip
RULE_KEYS = ("code", "object", "prt", "prep", "target", "source", "symmetric", "copy",
             "requires", "light_only", "pobj", "unless", "comp", "agent", "verdict",
             "both_ways", "reverse")  # fmt: skip
WORD_LIST_KEYS = ("object", "pobj", "requires", "target", "source", "unless", "comp", "agent",
                  "verdict")  # fmt: skip
FLAG_KEYS = ("symmetric", "copy", "light_only", "both_ways", "reverse")

# The fixed tables of `codes:` and `stances:`: what kind of value each name holds.
CODE_TABLES = {"intent": "code_map", "reject": "code_map", "threat": "code_map",
               "targetless_roots": "roots", "targetless_specific_roots": "roots",
               "targetless_codes": "codes", "generic": "codes", "announced_roots": "roots",
               "place_target_roots": "roots", "violent_roots": "roots",
               "assault_roots": "roots", "mutual_codes": "codes",
               "counterpart_roots": "roots", "own_forces_roots": "roots",
               "story_pair_roots": "roots", "story_pair_codes": "codes", "cooperation_roots": "roots", "mediation_codes": "codes", "owner_source_roots": "roots", "travel_codes": "codes",
               "force_roots": "roots", "story_joint_codes": "codes",
               "home_target_roots": "roots", "home_target_codes": "codes",
               "story_attacker_roots": "roots", "place_public_roots": "roots",
               "coup_codes": "codes", "retold_roots": "roots", "weapon_codes": "codes",
               "scheduled_roots": "roots"}  # fmt: skip
STANCE_TABLES = {"regard_verbs": "words", "kinds": "kind_map", "relation_nouns": "kind_map",
                 "friendship_words": "words", "unfriendly_words": "words"}  # fmt: skip
ISO3 = re.compile(r"^[A-Z]{3}$")


def _at(line: int | None, where: str, problem: str) -> str:
    return f"line {line}: {where}: {problem}" if line is not None else f"{where}: {problem}"


def _bad_code(value: Any) -> str | None:
    try:
        lookup(str(value).strip())
    except SeismoError as exc:
        return str(exc)
    return None


def check_slot(slot: Any) -> str | None:
    kind, _, prep = str(slot).partition(":")
    if kind in ("pp", "obj_pp", "attr_pp", "place_pp") and prep:
        return None
    if kind in SLOT_KINDS and not prep:
        return None
    return (
        f"unknown argument slot '{slot}'; use one of {', '.join(SLOT_KINDS)}, "
        "pp:<preposition>, obj_pp:<preposition>, attr_pp:<preposition> or place_pp:<preposition>"
    )


def check_rule(raw: Any, line: int | None, where: str) -> list[str]:
    """One pattern rule: its keys, its CAMEO code, its slots and word lists."""
    if not isinstance(raw, dict):
        return [_at(line, where, 'a rule is a mapping such as {code: "111", target: [dobj]}')]
    problems = []
    for key in raw:
        if key not in RULE_KEYS:
            problems.append(
                _at(line_of(raw, key), where, f"unknown key '{key}'; use {', '.join(RULE_KEYS)}")
            )
    code = str(raw.get("code", "") or "").strip()
    if not code:
        problems.append(_at(line, where, "no code"))
    elif (bad := _bad_code(code)) is not None:
        problems.append(_at(line_of(raw, "code"), where, bad))
    for key in WORD_LIST_KEYS:
        if key in raw and not isinstance(raw[key], list):
            problems.append(_at(line_of(raw, key), where, f"'{key}' must be a list"))
    for key in ("target", "source"):
        slots = raw.get(key)
        for slot in slots if isinstance(slots, list) else []:
            if (bad := check_slot(slot)) is not None:
                problems.append(_at(line_of(raw, key), where, bad))
    for key in FLAG_KEYS:
        if key in raw and not isinstance(raw[key], bool):
            problems.append(_at(line_of(raw, key), where, f"'{key}' must be true or false"))
    return problems


def _patterns(section: str, data: dict[Any, Any]) -> list[str]:
    problems = []
    for lemma, rules in data.items():
        line = line_of(data, lemma)
        if section == "nouns":
            problems += check_rule(rules, line, f"nouns.{lemma}")
            continue
        items = [rules] if isinstance(rules, dict) else rules
        if not isinstance(items, list):
            problems.append(_at(line, f"verbs.{lemma}", "expected a list of rules"))
            continue
        for i, rule in enumerate(items):
            item_line = line_of(items, i) if items is rules else line
            problems += check_rule(rule, item_line, f"verbs.{lemma}[{i}]")
    return problems


def _word_lists(section: str, data: dict[Any, Any], known: Lexicon | None) -> list[str]:
    problems = []
    for key, words in data.items():
        where, line = f"{section}.{key}", line_of(data, key)
        if known is not None and str(key) not in known.grammar:
            names = ", ".join(sorted(known.grammar))
            problems.append(_at(line, where, f"unknown word list; use one of {names}"))
        elif not isinstance(words, list):
            problems.append(_at(line, where, "expected a list of words"))
    return problems


def _value_problems(kind: str, value: Any) -> str | None:
    """What is wrong with one value of a `codes:`/`stances:` table, if anything."""
    if kind in ("words", "roots", "codes"):
        if not isinstance(value, list):
            return "expected a list"
        if kind == "roots":
            bad = [v for v in value if not re.fullmatch(r"0[1-9]|1[0-9]|20", str(v))]
            return f'not CAMEO roots (quote them: "08"): {bad}' if bad else None
        if kind == "codes":
            return next((b for v in value if (b := _bad_code(v)) is not None), None)
        return None
    if not isinstance(value, dict):
        return "expected a mapping"
    if kind == "code_map":
        roots = [k for k in value if not re.fullmatch(r"0[1-9]|1[0-9]|20", str(k))]
        if roots:
            return f'keys must be CAMEO roots (quote them: "08"): {roots}'
        return next(
            (b for v in value.values() if v is not None and (b := _bad_code(v)) is not None), None
        )
    bad = [v for v in value.values() if v not in STANCE_KINDS]
    return f"unknown stance kinds {bad}; use {', '.join(STANCE_KINDS)}" if bad else None


def _tables(section: str, data: dict[Any, Any]) -> list[str]:
    kinds = CODE_TABLES if section == "codes" else STANCE_TABLES
    problems = []
    for key, value in data.items():
        where, line = f"{section}.{key}", line_of(data, key)
        if key not in kinds:
            problems.append(_at(line, where, f"unknown table; use one of {', '.join(kinds)}"))
        elif (bad := _value_problems(kinds[key], value)) is not None:
            problems.append(_at(line, where, bad))
    return problems


def _territories(data: Any, line: int | None) -> list[str]:
    if not isinstance(data, list):
        return [_at(line, "territories", "expected a list of {country, names} entries")]
    problems = []
    for i, entry in enumerate(data):
        where, at = f"territories[{i}]", line_of(data, i)
        if not isinstance(entry, dict) or set(entry) != {"country", "names"}:
            problems.append(_at(at, where, "an entry is {country: ISO3 code, names: [...]}"))
        elif not ISO3.match(str(entry["country"])):
            problems.append(_at(at, where, f"country '{entry['country']}' is not an ISO3 code"))
        elif not isinstance(entry["names"], list) or not entry["names"]:
            problems.append(_at(at, where, "names must be a non-empty list"))
    return problems


def check_section(section: str, data: Any, line: int | None, known: Lexicon | None) -> list[str]:
    """The problems of one rule section. `known` is the lexicon an overlay is laid over (it
    may only add to the word lists that exist); None for our own files."""
    if data is None:
        return []
    if section == "territories":
        return _territories(data, line)
    if not isinstance(data, dict):
        return [_at(line, section, "expected a mapping")]
    if section in ("verbs", "nouns"):
        return _patterns(section, data)
    if section in ("grammar", "words"):
        return _word_lists(section, data, known)
    return _tables(section, data)
