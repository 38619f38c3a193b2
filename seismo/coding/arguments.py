"""Who does what to whom: the source and target phrases of a trigger, and the actors in them.

A trigger's arguments are read off the dependency parse: the subject (or, in the passive,
the by-phrase) is the source; the slots a pattern names (`dobj`, `pp:on`, `obj_pp:to`...)
hold the target. Verbs without a subject of their own borrow one from the verb that
controls them ("Tokyo decided to suspend", "Beijing began ... and announced").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from seismo.coding.lexicon import Rule, lexicon_of

# Sub-clauses that describe something else: an actor inside them is not an argument.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "acl"})
# Pronouns and prepositions are closed classes of English grammar, not knowledge a user
# extends: they stay here. Open word lists are data (coding/rules/, docs/dictionaries.md).
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them", "him",
                      "itself", "we", "our", "us"})  # fmt: skip
RELATIVES = frozenset({"which", "who", "that", "whom", "whose"})
# How a verb without its own subject borrows one, by its dependency label.
CONTROL_DEPS = frozenset({"xcomp", "conj", "pcomp", "acl", "advcl", "ccomp", "relcl", "dep"})
# "accused Iran of supplying", "praised Japan for sending", "condemned X for carrying out":
# after a verb with an object, the object does what the "of"/"for" phrase says.
OBJECT_COMPLEMENT_PREPS = frozenset({"of", "for"})


@dataclass
class Phrase:
    """The tokens of one argument, with its head; `via` says how it was found."""

    head: Token
    tokens: list[Token]
    via: str  # "subject", "agent", "slot:<name>", "controller", "relative"

    @property
    def is_pronoun(self) -> bool:
        if self.head.text.isupper() and len(self.head.text) > 1:
            return False  # "US" is the United States, not "us"
        return self.head.lower_ in PRONOUNS or self.head.lower_ in RELATIVES


def phrase(head: Token, via: str) -> Phrase:
    """The noun phrase under `head`, without the clauses hanging off it."""
    tokens: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        for child in tok.children:
            if child.dep_ in CLAUSE_DEPS and not (
                # "officials associated with the Kremlin": the participle ties them to it
                child.dep_ == "acl"
                and child.lemma_.lower() in lexicon_of(head.doc).words("linking_participles")
            ):
                agentive = lexicon_of(head.doc).words("agent_participles")
                if child.dep_ == "acl" and child.lemma_.lower() in agentive:
                    stack.extend(a for a in children(child, "agent"))  # "... conducted by X"
                serving = lexicon_of(head.doc).words("serving_verbs")
                if child.dep_ == "relcl" and child.lemma_.lower() in serving:
                    # "an agent who spied for the US": whom the person serves
                    stack.extend(p for p in children(child, "prep") if p.lower_ == "for")
                continue
            if child.dep_ == "punct":
                continue
            stack.append(child)
    tokens.sort(key=lambda t: t.i)
    return Phrase(head, tokens, via)


def owned_by_pronoun(ph: Phrase) -> bool:
    """ "his kingdom", "its army": a phrase tied to an actor by a possessive pronoun."""
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in ph.head.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def direct_object(verb: Token) -> Token | None:
    """The thing acted on: the object, or the subject of a passive verb."""
    for dep in ("dobj", "obj", "nsubjpass"):
        found = children(verb, dep)
        if dep == "nsubjpass" and not is_passive(verb):
            continue
        if found:
            if found[0].lower_ in RELATIVES and verb.dep_ == "relcl":
                return verb.head  # "the accord, which was reached between ...": the accord
            return found[0]
    if is_passive(verb):
        if verb.dep_ == "acl":  # "the islands, captured by ..." - the noun is the object
            return verb.head
    return None


def object_complement_controller(tok: Token) -> Token | None:
    """The object that does what an "of"/"for" complement says: Iran in "accused Iran of
    supplying drones" or "condemned Iran for a drone strike" (`tok` is the verb or the event
    noun in the complement)."""
    if tok.dep_ not in ("pcomp", "pobj"):
        return None
    prep = tok.head
    # "warned Iran against attacking": Iran would attack (a clause, not "sanctions against X")
    against = prep.lower_ == "against" and tok.dep_ == "pcomp"
    if not (prep.lower_ in OBJECT_COMPLEMENT_PREPS or against) or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # "the jet was shot down for violating Turkish airspace": the passive subject did it
    objs = children(verb, "dobj") or children(verb, "nsubjpass")
    return objs[0] if objs else None


# Where a verb's clausal complement hangs: "threatened to use", "warned that X would face",
# "gave him 48 hours to leave", "warned Iran against attacking", "held X responsible".
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "oprd"})


def complements(verb: Token, lemmas: frozenset[str]) -> list[Token]:
    """The verb's clausal complements whose lemma is one of `lemmas` ("*": any verb), with
    their conjuncts ("threatened to cut ties and expel its diplomats")."""
    if not lemmas:
        return []
    if "*" in lemmas:
        return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    heads = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    heads += [c for p in children(verb, "prep") for c in children(p, "pcomp")]
    # "gave him / had 48 hours TO LEAVE": an infinitive on the verb's object is its complement
    heads += [c for o in children(verb, "dobj", "npadvmod") for c in children(o, "relcl", "acl")
              if any(a.lower_ == "to" for a in children(c, "aux"))]  # fmt: skip
    heads += [c for h in list(heads) for c in children(h, "conj") if c.pos_ in ("VERB", "AUX")]
    # "said X will HAVE TO pay a price", "is GOING TO pay": the verb after a semi-modal
    semi = lexicon_of(verb.doc).words("semi_modals")
    heads += [c for h in list(heads) if h.lemma_.lower() in semi for c in children(h, "xcomp")]
    # a modal counts as the complement's word too: "said that X MUST withdraw"; so does the
    # predicate of a linking verb: "said the test WAS A THREAT", "said it was ILLEGAL", and
    # what an object predicate calls its object: "called the raid an ODD move"
    return [
        h for h in heads
        if h.lemma_.lower() in lemmas
        or any(a.lemma_.lower() in lemmas for a in children(h, "aux"))
        or (h.dep_ == "oprd" and predicate_words(h) & lemmas and not _denied(h))
        or (
            h.lemma_ == "be" and not children(h, "neg")  # "said it was NOT illegal": no charge
            and any(
                predicate_words(p) & lemmas and not _denied(p)
                for p in children(h, "attr", "acomp")
            )
        )
    ]  # fmt: skip


def _denied(pred: Token) -> bool:
    """ "said the deal was NO milestone": a predicate noun under "no" says the opposite."""
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in pred.children)


def predicate_words(pred: Token) -> set[str]:
    """What a predicate calls its subject: its lemma, its conjuncts' ("illegal and a
    violation"), its adjectives' ("an ODD reaction", "a FLAGRANT violation") and, after a
    noun of kind (rules/words.yaml: kind_nouns), the noun it names ("an act of WAR")."""
    words: set[str] = set()
    kinds = lexicon_of(pred.doc).words("kind_nouns")
    for word in [pred, *children(pred, "conj")]:
        words.add(word.lemma_.lower())
        if word.pos_ in ("NOUN", "PROPN"):
            words |= {c.lemma_.lower() for c in children(word, "amod")}
        words |= kind_named(word, kinds)
    return words


def kind_named(noun: Token, kinds: frozenset[str] | None = None) -> set[str]:
    """The noun a noun of kind names: "an act of WAR", "a form of AGGRESSION" (none for a
    noun that is no noun of kind, rules/words.yaml: kind_nouns)."""
    if kinds is None:
        kinds = lexicon_of(noun.doc).words("kind_nouns")
    if noun.lemma_.lower() not in kinds:
        return set()
    return {
        o.lemma_.lower() for p in children(noun, "prep") if p.lower_ == "of"
        for o in children(p, "pobj")
    }  # fmt: skip


def _pp_objects(tok: Token, prep_word: str) -> list[Token]:
    found: list[Token] = []
    for prep in children(tok, "prep", "agent", "dative"):
        if prep.lower_ == prep_word or (prep_word == "by" and prep.dep_ == "agent"):
            found.extend(children(prep, "pobj", "pcomp"))
        elif not children(prep, "pobj"):
            # "pulled out of Kherson", "back from Kyiv": spaCy hangs the real preposition
            # under the first one
            for inner in children(prep, "prep"):
                if inner.lower_ == prep_word:
                    found.extend(children(inner, "pobj", "pcomp"))
    return found


# Prepositions of the place an act happens at, whose own phrase may name its sides
# ("fighting on the border between X and Y"): a closed class, kept in Python.
PLACE_PREPS = frozenset({"on", "along", "near", "at", "across", "over"})

# Partners that spaCy may hang off the object's topic rather than the object itself.
NESTED_PARTNER_PREPS = frozenset({"with", "against"})


def slot_heads(trigger: Token, slot: str, obj: Token | None) -> list[Token]:
    """The head tokens that fill one slot of a pattern."""
    kind, _, word = slot.partition(":")
    if kind == "dobj":
        return [obj] if obj is not None else []
    if kind == "iobj":
        return children(trigger, "dative", "iobj")
    if kind == "attr":
        return children(trigger, "attr", "oprd")
    if kind == "pp":
        return _pp_objects(trigger, word)
    if kind == "obj_pp":
        if obj is None:
            return []
        found = _pp_objects(obj, word)
        if not found and word in NESTED_PARTNER_PREPS:
            # "suspend negotiations on the dam with Ethiopia": the partner hangs off the topic
            found = [o for p in children(obj, "prep") for t in children(p, "pobj")
                     for o in _pp_objects(t, word)]  # fmt: skip
        return found
    if kind == "attr_pp":  # "called the raid an act of war BY X": the predicate's phrase
        return [o for a in children(trigger, "attr", "oprd") for o in _pp_objects(a, word)]
    if kind == "place_pp":  # "fighting on the border BETWEEN X and Y", "... WITH X"
        holders = [trigger]
        if trigger.dep_ == "nsubj" and trigger.head.pos_ in ("VERB", "AUX"):
            holders.append(trigger.head)  # "clashes erupted along the border with X"
        return [o for h in holders for p in children(h, "prep") if p.lower_ in PLACE_PREPS
                for place in children(p, "pobj") for o in _pp_objects(place, word)]  # fmt: skip
    if kind == "clause_subject":  # "demanded that the US cancel the sale" -> the US
        clauses = children(trigger, "ccomp", "xcomp") + [
            c for h in ([trigger, obj] if obj is not None else [trigger])
            for c in children(h, "advcl", "acl")
            if any(m.lower_ in ("for", "that") for m in children(c, "mark"))
        ]  # "set a deadline for X to leave", "its demand that X leave": X  # fmt: skip
        return [s for c in clauses for s in children(c, "nsubj")]
    if kind == "poss_obj":
        return children(obj, "poss") if obj is not None else []
    if kind == "poss":
        return children(trigger, "poss")
    if kind in ("amod", "compound"):
        return children(trigger, kind, "nmod")
    return []


def subject_of(verb: Token, depth: int = 0) -> Phrase | None:
    """The source phrase of a verb: its own subject, else the one that controls it."""
    if depth > 6:
        return None
    if is_passive(verb):
        agents = _pp_objects(verb, "by")
        if agents:
            return phrase(agents[0], "agent")
        if verb.dep_ != "acl":
            return None  # passive without agent: the coder may look in context
    subjects = children(verb, "nsubj", "csubj")
    if subjects:
        head = subjects[0]
        if len(subjects) > 1 and head.i == head.sent.start and head.nbor().text == ",":
            # "Recall, Ankara introduced visas": a word set off before the clause is
            # misread as a second subject; the clause's own comes next
            head = subjects[1]
        if head.lower_ in RELATIVES and verb.dep_ == "relcl":
            # "adopted a resolution which demanded": whoever adopted it demands
            issuer = _issuer(verb, depth)
            return issuer if issuer is not None else phrase(verb.head, "relative")
        return phrase(head, "subject")
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "acl" and not is_passive(verb) and not infinitive:
        # "issued a statement condemning X": who issued it condemns; "resolutions condemning
        # X" with nobody issuing them: the resolutions act
        issuer = _issuer(verb, depth)
        return issuer if issuer is not None else phrase(verb.head, "relative")
    controller = object_complement_controller(verb)
    if controller is not None:
        return phrase(controller, "controller")
    if verb.dep_ in CONTROL_DEPS and verb.head.i != verb.i:
        gov = verb.head
        # object control: "urged Japan to act", "invited X to speak"
        control = lexicon_of(verb.doc).words("object_control_verbs")
        if verb.dep_ == "xcomp" and gov.lemma_ in control:
            objs = children(gov, "dobj") or [
                o for p in children(gov, "prep") if p.lower_ == "on" for o in children(p, "pobj")
            ]  # "urged Japan to act", "called on Israel to allow"
            if objs:
                return phrase(objs[0], "controller")
        if gov.pos_ in ("NOUN", "ADP", "PROPN", "ADJ"):
            # "the decision to supply", "no intention of continuing": the noun's owner, or
            # the subject of the verb the noun belongs to
            owner = children(gov, "poss")
            if owner:
                return phrase(owner[0], "controller")
            while gov.pos_ in ("NOUN", "ADP", "PROPN", "ADJ") and gov.head.i != gov.i:
                gov = gov.head
            if gov.pos_ not in ("VERB", "AUX"):
                return None
        if verb.dep_ == "xcomp" and is_passive(gov) and not _pp_objects(gov, "by"):
            # "Biden is scheduled to meet", "Kenya was invited to join": the passive subject
            raised = children(gov, "nsubjpass")
            if raised and raised[0].lower_ not in RELATIVES:
                return phrase(raised[0], "controller")
        found = subject_of(gov, depth + 1)
        if found is not None and found.via != "agent":
            found.via = "controller"
        return found
    return None


def issued_document(verb: Token) -> tuple[Token, Token] | None:
    """The document `verb` speaks for, and the verb that issued it: "handed Tokyo a NOTE
    PROTESTING", "adopted a RESOLUTION which DEMANDED" (a document noun, the object of a
    verb); spaCy may hang the participle on the verb instead ("handed X a note, protesting")."""
    words = lexicon_of(verb.doc).words("document_nouns")
    head = verb.head
    if verb.dep_ in ("acl", "relcl"):
        if head.lemma_.lower() in words and head.dep_ in ("dobj", "nsubjpass"):
            if head.head.pos_ in ("VERB", "AUX"):
                return head, head.head
    elif verb.dep_ == "advcl" and verb.tag_ == "VBG" and not children(verb, "nsubj"):
        held = [o for o in children(head, "dobj") if o.lemma_.lower() in words]
        if held:
            return held[0], head
    return None


def _issuer(verb: Token, depth: int) -> Phrase | None:
    issued = issued_document(verb)
    return subject_of(issued[1], depth + 1) if issued is not None else None


def recipient_phrases(verb: Token) -> list[Phrase]:
    """Who a document was handed or sent to: "sent Japan a letter demanding X", "delivered
    a note to Japan protesting X" (the issuing verb's indirect object or "to" phrase)."""
    issued = issued_document(verb)
    if issued is None:
        return []
    heads = children(issued[1], "dative", "iobj") + _pp_objects(issued[1], "to")
    return [phrase(h, "slot:recipient") for h in heads if h.pos_ in ("PROPN", "NOUN")]


# "along with", "together with", "alongside", "like": a closed class, see PRONOUNS.
COMPANION_PREPS = frozenset({"along", "together", "alongside", "like"})


def companion_phrases(verb: Token) -> list[Phrase]:
    """ "Japan, along with South Korea and Australia, was listed": actors that share the role
    of the subject, attached by spaCy to the verb."""
    found: list[Phrase] = []
    for prep in children(verb, "prep"):
        if prep.lower_ in COMPANION_PREPS:
            found.append(Phrase(prep, list(prep.subtree), "companion"))
    return found


def locative_phrases(verb: Token) -> list[Phrase]:
    """Where a passive act happened: "was invited to speak in the Diet" -> the Diet."""
    found: list[Phrase] = []
    for holder in [verb, *children(verb, "xcomp")]:
        for prep in children(holder, "prep"):
            if prep.lower_ in ("in", "at", "to", "before"):
                found.extend(phrase(o, "locative") for o in children(prep, "pobj"))
    return found


def noun_slot_phrases(noun: Token, slots: Iterable[str]) -> list[Phrase]:
    found: list[Phrase] = []
    for slot in slots:
        for head in slot_heads(noun, slot, None):
            found.append(phrase(head, f"slot:{slot}"))
    return found


def verb_slot_phrases(verb: Token, rule: Rule, obj: Token | None) -> list[Phrase]:
    """Every filled target slot, in the pattern's order of preference; the coder takes the
    first slot whose words name an actor ("killed 30 people in Gaza" falls through to Gaza)."""
    found: list[Phrase] = []
    # a complement's own phrases count as the verb's: "threatened to impose sanctions ON X"
    comps = complements(verb, rule.comp)
    holders = [verb, *comps]
    for slot in rule.target:
        if slot == "obj_tree":  # the whole object, clauses included ("conviction that X ...")
            if obj is not None:
                found.append(Phrase(obj, list(obj.subtree), "slot:obj_tree"))
            continue
        if slot == "clause_tree":  # "denied violating Polish airspace": who the clause names
            for clause in children(verb, "xcomp", "ccomp"):
                found.append(Phrase(clause, list(clause.subtree), "slot:clause_tree"))
            continue
        if slot == "comp_obj":  # "ordered forces to the region to assist GREECE"
            for comp in comps:
                helped = direct_object(comp)
                if helped is None:  # "to help protect LATVIA": the object of help's verb
                    inner = [direct_object(x) for x in children(comp, "xcomp")]
                    helped = next((o for o in inner if o is not None), None)
                if helped is not None:  # not the foe of "to support the war AGAINST X"
                    aside = {t.i for p in children(helped, "prep") for t in p.subtree}
                    kept = [t for t in phrase(helped, "x").tokens if t.i not in aside]
                    found.append(Phrase(helped, kept, "slot:comp_obj"))
            continue
        if slot == "clause_subject" and comps:  # the subject of the complement matched
            for comp in comps:
                subjects = children(comp, "nsubj")
                if (
                    not subjects
                    and comp.dep_ == "xcomp"
                    and comp.head.lemma_.lower() in lexicon_of(verb.doc).words("semi_modals")
                ):
                    subjects = children(comp.head, "nsubj")  # "X will have to pay": X
                found.extend(phrase(h, f"slot:{slot}") for h in subjects)
            continue
        for holder in holders:
            for head in slot_heads(holder, slot, obj):
                found.append(phrase(head, f"slot:{slot}"))
    return found + recipient_phrases(verb)  # last: a slot of the verb's own comes first
