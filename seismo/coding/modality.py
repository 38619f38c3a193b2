"""Did it happen? Modality of a trigger: asserted, intended, hypothetical or negated.

Read along the chain of words from the trigger up to the clause that governs it: its own
auxiliaries and negation ("will impose" intended, "would make" hypothetical, "did not
treat" negated), then the words that govern it ("did not hesitate to impose" asserted,
"has no intention of continuing" refused, "agreed to accelerate" an expressed intent,
"plans to build" intended).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from seismo.coding.lexicon import Lexicon

# A clause of its own ends the chain: "X said that Y would ..." keeps Y's modality local.
CLAUSE_BOUNDARIES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "ROOT", "csubj"})


@dataclass(frozen=True)
class Modality:
    value: str  # asserted, intended, hypothetical, negated
    governor: str | None = None  # the word that set it ("refuse", "agree", "intention")
    kind: str | None = None  # "intent_expressed", "refused", "threatened", "denied" or None


ASSERTED = Modality("asserted")


def is_negated(tok: Token) -> bool:
    """Negation on a verb ("not", "never") or on a noun ("no intention")."""
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "not", "n't"):
            nxt = child.nbor(1) if child.i + 1 < len(child.doc) else None
            if nxt is not None and nxt.lower_ in ("only", "just", "merely"):
                continue  # "not only ... but also" adds, it does not deny
            return True
        if child.dep_ == "det" and child.lower_ in ("no", "neither"):
            return True
        if child.dep_ == "dobj" and tok.pos_ in ("VERB", "AUX"):
            # "met no resistance", "made no comment": the act did not take place
            if any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                return True
    return False


def _nor_conjunct(verb: Token) -> bool:
    """ "agreed not to use nor threaten force": a conjunct after "nor" shares the negation of
    the verb it is joined to."""
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return False
    joined = any(c.dep_ == "cc" and c.lower_ in ("nor", "neither") for c in verb.head.children)
    return joined and is_negated(verb.head)


def _aux(tok: Token, lex: Lexicon) -> str | None:
    for child in tok.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        if child.lower_ in lex.words("intent_aux") or child.lemma_.lower() in lex.words(
            "intent_aux"
        ):
            return "intended"
        if child.lower_ in lex.words("hypothetical_aux"):
            return "hypothetical"
        if child.lower_ in lex.words("obligation_aux"):
            return "obliged"
        if child.lower_ == "to" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
            return "intended"  # "is to define": a plan
    return None


def _awaited(clause: Token, lex: Lexicon) -> bool:
    """A time clause of an act still to come: "will withdraw once X SIGNS", "would return the
    islands only after a treaty HAD BEEN SIGNED". Its act is a condition, not a fact; a
    simple past ("would lift sanctions after X released them") may be told as done, so stays."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ != "VBD"
        and any(
            m.dep_ == "mark" and m.lower_ in lex.words("awaited_marks") for m in clause.children
        )
        and _aux(clause.head, lex) in ("intended", "hypothetical")
    )


def _conditional(tok: Token, lex: Lexicon) -> bool:
    marks = lex.words("conditional_marks")
    adverbs = lex.words("hypothetical_adverbs")
    return any(
        (c.dep_ == "mark" and c.lower_ in marks) or (c.dep_ == "advmod" and c.lower_ in adverbs)
        for c in tok.children
    )


def _condition_mark(verb: Token, lex: Lexicon) -> str | None:
    """The subordinator of a condition on a stated future act: "will withdraw its troops
    UNLESS the talks resume", "may halt its mediation IF the fighting goes on"."""
    for child in verb.children:
        if child.dep_ == "advcl":
            for mark in child.children:
                if mark.dep_ == "mark" and mark.lower_ in lex.words("threat_marks"):
                    return mark.lower_
    return None


def _shares_auxiliaries(verb: Token) -> Token | None:
    """ "will increase ... and strengthen": a conjunct without auxiliaries shares its head's.
    After "but" or "instead" it does not share the head's negation ("not X but Y")."""
    if verb.dep_ != "conj" or any(c.dep_ in ("aux", "neg") for c in verb.children):
        return None
    if verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB":
        return None  # "will leave ... and asked X": a finite verb of its own tense
    return verb.head


def _contrastive(verb: Token) -> bool:
    head = verb.head
    return any(c.dep_ == "cc" and c.lower_ in ("but", "yet", "instead") for c in head.children)


def _own(verb: Token, lex: Lexicon) -> Modality | None:
    """What a clause's own verb says: its negation, condition and auxiliaries."""
    head = _shares_auxiliaries(verb)
    if head is not None and head.pos_ in ("VERB", "AUX"):
        found = _own(head, lex)
        if found is not None and not (found.value == "negated" and _contrastive(verb)):
            return found
    aux = _aux(verb, lex)
    if is_negated(verb) or _nor_conjunct(verb):
        if aux == "intended" or (aux == "hypothetical" and _reported(verb, lex)):
            # "will not attend the summit", "said it would not send troops": a refusal (12
            # for the cooperative roots, rules/codes.yaml reject; other acts stay negated)
            return Modality("asserted", "not", "refused")
        return Modality("negated")
    if _conditional(verb, lex):
        return Modality("hypothetical")
    if aux == "obliged":  # "X must withdraw": asked of X, not done nor planned by X
        return Modality("hypothetical", None, "obliged")
    if aux in ("hypothetical", "intended"):
        mark = _condition_mark(verb, lex)
        if mark is not None:  # "will cut aid unless X": a threat if the act is a harm
            return Modality(aux, mark, "conditioned")
    if aux == "hypothetical":
        if _reported(verb, lex):
            return Modality("intended", verb.head.lemma_)  # reported future: "said it would"
        return Modality("hypothetical")
    if aux == "intended":
        return Modality("intended")
    return None


def _governing_verb(gov: Token, lex: Lexicon) -> Modality | None:
    lemma = gov.lemma_.lower()
    negated = is_negated(gov) or _nor_conjunct(gov)
    if lemma in lex.words("denying_governors"):
        # "denied violating": not asserted; "did not deny violating": not asserted either
        return Modality("hypothetical", lemma) if negated else Modality("negated", lemma, "denied")
    if lemma in lex.words("double_negative_governors"):
        return Modality("asserted", lemma)
    if lemma in lex.words("negating_governors"):
        return Modality("asserted", lemma) if negated else Modality("asserted", lemma, "refused")
    if negated:
        return Modality("negated", lemma)
    if _conditional(gov, lex):
        return Modality("hypothetical", lemma)
    if lemma in lex.words("intent_governors"):
        if lemma in lex.words("expressed_intent_governors"):
            return Modality("asserted", lemma, "intent_expressed")
        if lemma == "threaten":
            return Modality("asserted", lemma, "threatened")
        return Modality("intended", lemma)
    aux = _aux(gov, lex)
    if aux == "hypothetical" and _reported(gov, lex):
        return Modality("intended", lemma)  # "said X would move to open": a reported future
    if aux is not None:
        return Modality(aux, lemma)
    return None


def _purpose_infinitive(verb: Token) -> bool:
    """A purpose infinitive ("is willing to send jets TO HELP defend X", "refused to send
    troops to help"): its act stands or falls with the act it serves."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
    )


def _requested(verb: Token, lex: Lexicon) -> Modality | None:
    """An act only asked for: "urged Tokyo to act", "wants Russia to attack", "was asked to
    mediate", "an ultimatum to X to halt attacks". The asker's appeal is the event; the act
    asked for is neither done nor pledged by the one asked (grammar.yaml request_governors,
    request_nouns). "wants to attack", with no one else asked, stays the subject's intent."""
    head = verb.head
    if head.i == verb.i:
        return None
    lemma = head.lemma_.lower()
    if verb.dep_ in ("acl", "relcl") and head.pos_ == "NOUN":
        mark = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if mark and lemma in lex.words("request_nouns"):
            return Modality("hypothetical", lemma, "requested")
        return None
    if verb.dep_ not in ("xcomp", "ccomp") or lemma not in lex.words("request_governors"):
        return None
    addressee = any(
        c.dep_ in ("dobj", "nsubjpass", "auxpass")
        or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "to") and any(g.dep_ == "pobj" for g in c.children))
        for c in head.children
    )  # fmt: skip
    if addressee or any(c.dep_ == "nsubj" for c in verb.children):
        return Modality("hypothetical", lemma, "requested")
    return None


def _reported(verb: Token, lex: Lexicon) -> bool:
    """A clause reported by a verb of saying ("said it would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.words("reporting_verbs")


def _governing_noun(noun: Token, lex: Lexicon) -> Modality | None:
    lemma = noun.lemma_.lower()
    if lemma in lex.words("refusal_nouns"):  # "its refusal to recognise X": 12, not 03
        return Modality("asserted", lemma, "refused")
    if lemma not in lex.words("intent_nouns"):
        return None
    if is_negated(noun):
        return Modality("asserted", lemma, "refused")
    if lemma in lex.words("asserted_nouns"):
        return Modality("asserted", lemma)
    return Modality("asserted", lemma, "intent_expressed")


def _goal_clause(verb: Token, lex: Lexicon) -> bool:
    """ "moved ships in order to strengthen its forces", "so as to deter": a goal, not an
    act done (unlike a bare purpose infinitive, `_purpose`, whose act stands or falls with
    the act it serves)."""
    head = verb.head
    if verb.dep_ == "acl" and head.lemma_.lower() in lex.words("purpose_nouns"):
        return head.dep_ == "pobj" and head.head.lower_ == "in"
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lex.words("purpose_marks") for c in verb.children
    )


def _asked_above(trigger: Token, lex: Lexicon) -> Modality | None:
    """An act inside a clause that is itself only asked for or owed: "demanded that X refuse
    to recognise Y", "said the US must be ready to mediate". Climbs complements (not
    adverbial or relative clauses, which are acts of their own) to the asking verb."""
    tok = trigger
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX"):
            if _goal_clause(tok, lex):
                return Modality("hypothetical", "purpose", "purpose")
            if tok.i != trigger.i and _aux(tok, lex) == "obliged":
                return Modality("hypothetical", None, "obliged")
            asked = _requested(tok, lex)
            if asked is not None:
                return asked
        if tok.dep_ == "relcl" and _generic_description(tok):
            return Modality("hypothetical", None, "generic")
        if tok.dep_ in ("advcl", "relcl", "parataxis", "ROOT", "csubj") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _generic_description(verb: Token) -> bool:
    """A relative clause in the simple present on a bare or quantified plural: "states WHICH
    RECOGNISE its independence", "settlers who refuse to leave". It says what a kind of
    party does or holds, not that an act took place."""
    if verb.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    noun = verb.head
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    dets = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "poss", "nummod")}
    return not dets or dets <= {"all", "any", "every", "those", "some", "many", "most"}


def _ruled_out(noun: Token, lex: Lexicon) -> bool:
    """ "There will be no negotiations with X", "there can be no talks": an act ruled out
    for the future is refused (CAMEO 12), not merely absent ("there were no talks")."""
    be = noun.head
    return (
        noun.dep_ == "attr"
        and be.lemma_ == "be"
        and any(c.dep_ == "expl" for c in be.children)
        and any(
            c.dep_ == "aux"
            and (c.lower_ in lex.words("intent_aux") or c.lower_ in ("can", "could"))
            for c in be.children
        )
    )


def modality_of(trigger: Token, lex: Lexicon) -> Modality:
    """The modality of the event a trigger carries."""
    found = _modality_of(trigger, lex)
    if found.value in ("asserted", "intended") and found.kind != "requested":
        asked = _asked_above(trigger, lex)
        if asked is not None:
            return asked
    return found


def _modality_of(trigger: Token, lex: Lexicon) -> Modality:
    tok = trigger
    own_seen = False
    skip_own = False
    in_noun = False  # the walk came up through a noun ("to identify victims KILLED by")
    for _ in range(12):
        if (
            tok.i == trigger.i
            and tok.dep_ == "acl"
            and tok.tag_ == "VBN"
            and any(c.dep_ == "agent" for c in tok.children)
        ):  # "demanded the return of sailors SEIZED BY Iran": a participle with its agent
            # that describes the noun tells a done act, whatever governs the noun
            return _own(tok, lex) or ASSERTED
        in_noun = in_noun or (tok.i != trigger.i and tok.pos_ in ("NOUN", "PROPN"))
        if tok.pos_ in ("VERB", "AUX"):
            if not own_seen:
                own_seen = True
                if not skip_own:
                    found = _own(tok, lex)
                    if found is not None:
                        return found
            else:
                found = _governing_verb(tok, lex)
                if found is not None:
                    return found
            asked = _requested(tok, lex)
            if asked is not None:
                return asked
            if tok.dep_ == "conj" and tok.head.i != tok.i:
                tok, skip_own, own_seen = tok.head, True, False  # shares its first conjunct's
                continue
            if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in lex.words("denying_governors"):
                # "denied that its troops were fighting": the denied clause is not asserted
                if not (is_negated(tok.head) or _nor_conjunct(tok.head)):
                    return Modality("negated", tok.head.lemma_.lower(), "denied")
            if _awaited(tok, lex):
                return Modality("hypothetical", None, "awaited")
            if tok.dep_ in CLAUSE_BOUNDARIES and not (_purpose_infinitive(tok) and not in_noun):
                break
        elif (
            tok.i != trigger.i
            and tok.pos_ == "ADJ"
            and tok.lemma_.lower() in lex.words("intent_adjectives")
        ):
            if is_negated(tok) or is_negated(tok.head):
                return Modality("asserted", tok.lemma_, "refused")
            return Modality("asserted", tok.lemma_, "intent_expressed")  # "is ready to send"
        elif tok.i != trigger.i and tok.pos_ == "NOUN":
            found = _governing_noun(tok, lex)
            if found is not None:
                return found
        elif tok.i == trigger.i and tok.pos_ in ("NOUN", "PROPN") and is_negated(tok):
            if _ruled_out(tok, lex):
                return Modality("asserted", "be", "refused")
            return Modality("negated")
        if tok.head.i == tok.i:
            break
        tok = tok.head
        skip_own = False if tok.pos_ in ("VERB", "AUX") and own_seen else skip_own
    return ASSERTED
