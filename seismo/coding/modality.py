"""Did it happen? Modality of a trigger: asserted, intended, hypothetical or negated.

Read from the auxiliaries and negation on the trigger and on the chain of words that govern
it: "will impose" is intended, "would make" hypothetical, "did not treat" negated, "did not
hesitate to impose" asserted, "has no intention of continuing" negated.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from seismo.coding.lexicon import Lexicon

# How far up the governing chain modality is inherited.
GOVERNING_DEPS = frozenset({"xcomp", "pcomp", "acl", "prep", "pobj", "dobj", "ccomp", "advcl"})


@dataclass(frozen=True)
class Modality:
    value: str  # asserted, intended, hypothetical, negated
    governor: str | None = None  # the word that set it ("refuse", "agree", "intention")
    kind: str | None = None  # "intent_expressed", "refused", or None


def is_negated(tok: Token) -> bool:
    """Negation on a verb ("not", "never") or on a noun ("no intention")."""
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
            return True
        if child.dep_ == "det" and child.lower_ in ("no", "neither"):
            return True
    return False


def _aux_modality(tok: Token, lex: Lexicon) -> str | None:
    for child in tok.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        if word in lex.words("intent_aux") or child.lemma_.lower() in lex.words("intent_aux"):
            return "intended"
        if word in lex.words("hypothetical_aux"):
            return "hypothetical"
        if word == "to" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
            return "intended"  # "is to define": a plan
    return None


def _conditional(tok: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ == "mark" and c.lower_ in lex.words("conditional_marks") for c in tok.children
    )


def _clause_verb(tok: Token) -> Token:
    """The verb a noun belongs to (the noun's own modality is its verb's)."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 8:
        tok = tok.head
        steps += 1
    return tok


def modality_of(trigger: Token, lex: Lexicon) -> Modality:
    """The modality of the event a trigger carries."""
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else _clause_verb(trigger)
    if tok is not trigger and is_negated(trigger) and trigger.pos_ == "NOUN":
        return Modality("negated")
    if is_negated(tok):
        return Modality("negated")
    if _conditional(tok, lex):
        return Modality("hypothetical")
    own = _aux_modality(tok, lex)
    if own == "hypothetical":
        gov = tok.head
        if tok.dep_ == "ccomp" and gov.lemma_.lower() in lex.words("reporting_verbs"):
            return Modality("intended", gov.lemma_)  # reported future: "said it would"
        return Modality("hypothetical")
    if own == "intended":
        return Modality("intended")
    # climb through the words that govern the trigger
    cur = tok
    for _ in range(6):
        if cur.dep_ not in GOVERNING_DEPS or cur.head.i == cur.i:
            break
        gov = cur.head
        lemma = gov.lemma_.lower()
        negated = is_negated(gov)
        if gov.pos_ == "NOUN" and lemma in lex.words("intent_nouns"):
            if negated or (gov.head.i != gov.i and is_negated(_clause_verb(gov))):
                return Modality("asserted", lemma, "refused")
            if lemma in lex.words("asserted_nouns"):
                return Modality("asserted", lemma)
            return Modality("asserted", lemma, "intent_expressed")
        if gov.pos_ in ("VERB", "AUX"):
            if lemma in lex.words("double_negative_governors"):
                return Modality("asserted", lemma)
            if lemma in lex.words("negating_governors"):
                return (
                    Modality("asserted", lemma, "refused")
                    if not negated
                    else Modality("asserted", lemma)
                )
            if negated:
                return Modality("negated", lemma)
            if _conditional(gov, lex):
                return Modality("hypothetical", lemma)
            aux = _aux_modality(gov, lex)
            if aux == "hypothetical":
                return Modality("hypothetical", lemma)
            if lemma in lex.words("intent_governors"):
                if lemma in ("agree", "promise", "pledge", "vow", "offer", "commit"):
                    return Modality("asserted", lemma, "intent_expressed")
                if lemma == "threaten":
                    return Modality("asserted", lemma, "threatened")
                return Modality("intended", lemma)
            if aux == "intended":
                return Modality("intended", lemma)
            if lemma in lex.words("asserted_governors"):
                cur = gov
                continue
            if cur.dep_ in ("ccomp", "advcl"):
                break  # a reported or adverbial clause keeps its own modality
        cur = gov
    return Modality("asserted")
