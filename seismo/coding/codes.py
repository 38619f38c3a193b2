"""The CAMEO code an event gets from its pattern and its modality, and how far to trust it.

A pattern codes what is done ("imposed sanctions": 16); what is said about doing it changes
the code the way CAMEO asks: a promise to do it is an intent (03), a refusal a rejection (12),
a threat a threat (13). The tables are data: rules/codes.yaml.
"""

from __future__ import annotations

from seismo.coding.constructions import announced_act
from seismo.coding.lexicon import Lexicon
from seismo.coding.modality import Modality
from seismo.coding.triggers import Trigger
from seismo.model import Actor, EventDate


def code_for(code: str, modality: Modality, lex: Lexicon) -> tuple[str, str] | None:
    """The code and modality an event is stored with, from its pattern's code."""
    root = code[:2]
    if code in lex.word_set("codes", "mediation_codes") and (
        modality.value == "intended" and modality.governor in lex.words("effort_governors")
    ):
        return code, "asserted"  # "trying to mediate": a mediation is an effort under way
    intent = lex.table("codes", "intent")
    reject = lex.table("codes", "reject")
    threat = lex.table("codes", "threat")
    if modality.kind == "intent_expressed":
        if root == "08" and modality.governor == "agree":
            return code, "asserted"  # "agreed to a ceasefire": the truce is agreed, declared
        if root in threat:
            if modality.governor == "vow":  # "vowed to retaliate": a threat
                return threat[root] or code, "asserted"
            return code, "intended"  # "pledged to expel": a commitment, not yet done
        return (intent.get(root) or code), "asserted"
    if modality.kind == "refused":
        if root in reject:
            return reject[root] or code, "asserted"
        return code, "negated"
    if modality.kind == "conditioned":
        # the codebook's conditional threat: a harm stated as coming unless (or if) the other
        # side acts is a threat (13); "will send aid if asked" stays a promise
        unless = modality.governor == "unless"
        if root in threat or (unless and (root not in intent or root == "08")):
            return threat.get(root) or "130", "asserted"
        modality = Modality(modality.value, None)
    if modality.kind == "threatened":
        return threat.get(root) or "130", "asserted"
    if announced_act(root, modality, lex):
        return code, "intended"  # "decided to expel", "will suspend talks, it said": the act
    if modality.value == "intended":
        # CAMEO codes a stated plan as the statement: "will send aid" is an intent to
        # cooperate (03), "wants to attack" a threat (13); the modality stays "intended"
        if root in intent:
            return (intent[root] or code), "intended"
        if root in threat and root != "16":
            # ... but an announced cut in relations is the cut itself ("will expel two
            # diplomats, the ministry said": 16), as the team's gold codes it
            return threat[root] or code, "intended"
    return code, modality.value


def keeps_without_target(code: str, trig: Trigger, lex: Lexicon) -> bool:
    """Whether an event with a source and no target is still an event worth keeping."""
    rule = trig.rule
    # "said X's test was a threat", "said X interfered": the charge is against the clause's
    # subject; when that names nobody ("said the drought was a threat"), there is no charge
    charges_clause = bool(rule.comp) and tuple(rule.target) == ("clause_subject",)
    return (
        (code[:2] in lex.word_set("codes", "targetless_roots") and not charges_clause)
        or code in lex.word_set("codes", "targetless_codes")
        or (
            code[:2] in lex.word_set("codes", "targetless_specific_roots")
            and not trig.nominal
            # `object: ["*"]` only asks for an addressee ("warned X"): when X names nobody
            # ("warned a misstep could ..."), nothing tells what the act is
            and bool((rule.objects - {"*"}) or rule.prt or rule.pobj or rule.comp or rule.agent)
        )
    )


def own_forces(source: Actor, target: Actor, code: str, lex: Lexicon) -> bool:
    """Whether the target is only the source state's own apparatus, for roots where that
    reading is never the event (force posture, reduced relations)."""
    return (
        code[:2] in lex.word_set("codes", "own_forces_roots")
        and source.key == target.key
        and (target.sector or "GOV").lower() in lex.words("own_sectors")
        and (source.sector or "GOV").lower() in lex.words("own_sectors")
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
