"""The CAMEO code an event gets from its pattern and its modality, and how far to trust it.

A pattern codes what is done ("imposed sanctions": 16); what is said about doing it changes
the code the way CAMEO asks: a promise to do it is an intent (03), a refusal a rejection (12),
a threat a threat (13).
"""

from __future__ import annotations

from seismo.coding.constructions import announced_act
from seismo.coding.modality import Modality
from seismo.coding.triggers import Trigger
from seismo.model import EventDate

# A promise or agreement to do X is CAMEO's "express intent to X" (root 03) ...
INTENT_CODES = {"01": "030", "02": "030", "03": None, "04": "036", "05": "032", "06": "031",
                "07": "033", "08": "035"}  # fmt: skip
# ... a refusal of a cooperative act is a rejection (root 12) ...
REJECT_CODES = {"01": "120", "02": "120", "03": "120", "04": "125", "05": "120", "06": "121",
                "07": "122", "08": "124"}  # fmt: skip
# ... and a threat to do harm is a threat (root 13).
THREAT_CODES = {"16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}
# Roots where an event without a named target is still worth keeping ("condemned the raid").
TARGETLESS_ROOTS = frozenset({"11"})
# ... and, for a specific verb pattern ("fired a missile into the sea", "imposed a curfew",
# "released prisoners", "rallied"), acts with no other party: yield, reject, protest, force
# posture, coercion.
TARGETLESS_SPECIFIC_ROOTS = frozenset({"08", "12", "14", "15", "17"})
# Codes kept without a target whatever the pattern: a denial ("an accusation Doha denies")
# and a threat of force ("ECOWAS threatened to use force").
TARGETLESS_CODES = frozenset({"016", "138"})


def code_for(code: str, modality: Modality) -> tuple[str, str] | None:
    """The code and modality an event is stored with, from its pattern's code."""
    root = code[:2]
    if modality.kind == "intent_expressed":
        if root == "08" and modality.governor == "agree":
            return code, "asserted"  # "agreed to a ceasefire": the truce is agreed, declared
        if root in THREAT_CODES:
            if modality.governor == "vow":  # "vowed to retaliate": a threat
                return THREAT_CODES[root], "asserted"
            return code, "intended"  # "pledged to expel": a commitment, not yet done
        return (INTENT_CODES.get(root) or code), "asserted"
    if modality.kind == "refused":
        if root in REJECT_CODES:
            return REJECT_CODES[root], "asserted"
        return code, "negated"
    if modality.kind == "threatened":
        return THREAT_CODES.get(root, "130"), "asserted"
    if announced_act(root, modality.governor, modality.value):
        return code, "intended"  # "decided to expel", "will suspend talks, it said": the act
    if modality.value == "intended":
        # CAMEO codes a stated plan as the statement: "will send aid" is an intent to
        # cooperate (03), "wants to attack" a threat (13); the modality stays "intended"
        if root in INTENT_CODES:
            return (INTENT_CODES[root] or code), "intended"
        if root in THREAT_CODES:
            return THREAT_CODES[root], "intended"
    return code, modality.value


def keeps_without_target(code: str, trig: Trigger) -> bool:
    """Whether an event with a source and no target is still an event worth keeping."""
    rule = trig.rule
    return (
        code[:2] in TARGETLESS_ROOTS
        or code in TARGETLESS_CODES
        or (
            code[:2] in TARGETLESS_SPECIFIC_ROOTS
            and not trig.nominal
            and bool(rule.objects or rule.prt or rule.pobj)
        )
    )


def confidence(trig: Trigger, how: str, date: EventDate, n_targets: int, code: str) -> float:
    """How much to trust an event, from how directly its parts were found.

    Checked against gold data by benchmarks/bench_calibration.py: a verb pattern that
    names its object ("imposed sanctions") beats a bare verb, actors found in the
    clause beat actors taken from context, a generic code ("some cooperation") or an
    event with no target is shakier.
    """
    rule = trig.rule
    score = 0.55
    score += 0.15 if not trig.nominal else 0.05
    score += {"direct": 0.15, "clause": 0.0, "object": -0.05, "inferred": -0.1,
              "reciprocal": 0.0}[how]  # fmt: skip
    score += 0.05 if date.value and date.text and not date.text.startswith("(") else 0.0
    score += 0.05 if (rule.objects or rule.pobj or rule.prt) else 0.0
    score -= 0.1 if n_targets == 0 else 0.05 * max(0, n_targets - 2)
    score -= 0.1 if code.endswith("0") and len(code) == 3 else 0.0
    return max(0.05, min(0.99, score))
