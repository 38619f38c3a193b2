"""Find the words that carry events in a sentence: verbs and event nouns from the patterns."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from seismo.coding.arguments import (
    children,
    complements,
    direct_object,
    issued_document,
    kind_named,
    object_complement_controller,
    phrase,
    predicate_words,
)
from seismo.coding.lexicon import Lexicon, Rule

# Verbs that only carry an event noun: "impose sanctions", "hold talks", "issue a declaration".
LIGHT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})


@dataclass
class Trigger:
    token: Token
    rule: Rule
    nominal: bool
    obj: Token | None = None  # verbs: the object the rule matched on
    light_verb: Token | None = None  # nouns: the verb that carries them
    comp: tuple[Token, ...] = ()  # verbs: the complements a `comp` rule matched on


def _forms(tok: Token) -> set[str]:
    """A noun's lemma and spelling, and the word it makes with a compound before it:
    spaCy splits "cease-fire" into a compound and "fire"."""
    forms = {tok.lemma_.lower(), tok.lower_}
    for child in tok.children:
        if child.dep_ == "compound" and child.i < tok.i:
            forms.add(child.lower_ + tok.lemma_.lower())
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).is_alpha:
        # "de-escalation", "re-election": spaCy may split off the prefix as a word of its own
        forms.add(f"{tok.nbor(-2).lower_}-{tok.lemma_.lower()}")
    return forms


def _prep_objects(tok: Token, words: frozenset[str] = frozenset()) -> list[Token]:
    """The objects of the prepositions a verb governs ("agreed to a truce", "out of X"),
    only those of `words` when given ("agreed on a deal", not "agreed at the summit")."""
    # spaCy reads the "to" of "sent troops to the border" as a dative: it counts as a prep
    return [
        o for p in children(tok, "prep", "dative") if not words or p.lower_ in words
        for o in children(p, "pobj") + [x for q in children(p, "prep") for x in children(q, "pobj")]
    ]  # fmt: skip


def _object_words(obj: Token | None, lex: Lexicon) -> set[str]:
    if obj is None:
        return set()
    words = _forms(obj)
    carried = _carried_noun(obj, lex)  # "50 tonnes of medical supplies" is about the supplies
    if carried:
        words.add(carried)
    for child in obj.children:
        if child.dep_ in ("compound", "amod", "nmod", "conj"):
            words.add(child.lemma_.lower())
        if child.dep_ == "compound":  # "a NUCLEAR weapons test": spaCy hangs it on "weapons"
            words |= {g.lemma_.lower() for g in children(child, "amod", "compound")}
    return words


def _carried_noun(obj: Token | None, lex: Lexicon) -> str | None:
    """The noun an object stands for: itself, or X in "a package of X" (rules/words.yaml:
    quantity_nouns)."""
    if obj is None:
        return None
    if obj.lemma_.lower() in lex.words("quantity_nouns"):
        for prep in children(obj, "prep"):
            if prep.lower_ == "of":
                for pobj in children(prep, "pobj"):
                    return pobj.lemma_.lower()
    return obj.lemma_.lower()


def _unconstrained(rule: Rule) -> bool:
    return not (
        rule.objects or rule.prt or rule.prep or rule.pobj or rule.comp or rule.agent
        or rule.verdict
    )  # fmt: skip


def _specificity(rule: Rule) -> int:
    """Rules with more constraints first: "sent troops to the BORDER" (object and place)
    before "sent troops" (object only)."""
    kinds = (rule.objects, rule.prt, rule.prep, rule.pobj, rule.comp, rule.agent, rule.verdict)
    return -sum(bool(c) for c in kinds)


def _agent_words(verb: Token, lex: Lexicon) -> set[str]:
    """The words of the verb's subject (or its conjunct head's): "Russian troops and tanks
    moved into X" -> troop, tank, and their modifiers."""
    subjects = children(verb, "nsubj")
    if not subjects and verb.dep_ == "conj":
        subjects = children(verb.head, "nsubj")
    issued = issued_document(verb) if not subjects else None
    if issued is not None:  # "a NOTE protesting X": the note speaks
        subjects = [issued[0]]
    words: set[str] = set()
    for subj in subjects:
        if subj.lower_ in ("he", "she", "they"):
            # "summoned the ambassador and said he had 72 hours to leave": the pronoun is
            # the last person the sentence named before it
            before = [t for t in subj.sent if t.i < subj.i and t.pos_ in ("NOUN", "PROPN")
                      and t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "appos")]  # fmt: skip
            subj = before[-1] if before else subj
        words |= _object_words(subj, lex)
    return words


def _verdict_words(clause: Token) -> set[str]:
    """What a copular clause calls its subject: "the raid was UNACCEPTABLE", "this is a
    flagrant VIOLATION of ..." (the attribute's or adjective's lemma and its modifiers).
    A denied verdict ("the dam was NOT illegal") calls it nothing."""
    words: set[str] = set()
    if any(c.dep_ == "neg" for c in clause.children):
        return words
    for word in children(clause, "attr", "acomp"):
        words |= predicate_words(word)  # "an act of AGGRESSION"
        words |= {c.lemma_.lower() for c in children(word, "amod", "compound")}
    return words


def match_verb(tok: Token, lex: Lexicon) -> Trigger | None:
    rules = lex.verbs.get(tok.lemma_.lower())
    if not rules or tok.pos_ not in ("VERB", "AUX"):
        return None
    obj = direct_object(tok)
    words = _object_words(obj, lex)
    for dative in children(tok, "dative", "iobj"):  # "gave the ENVOY 48 hours to leave"
        words |= _object_words(dative, lex)
    # the most specific rules first, whichever file they come from: "struck a deal" must
    # reach the agreement rule before the bare "strike" of an attack
    carried = _carried_noun(obj, lex)
    generic = lex.word_set("codes", "generic")  # "some cooperation": a telling noun wins
    for rule in sorted(rules, key=_specificity):
        if rule.code in generic and _unconstrained(rule) and carried in lex.nouns:
            continue  # "agreed a package of sanctions": the sanctions are the event
        comps = complements(tok, rule.comp)
        if rule.comp and not comps:
            continue
        comp_objs = [o for c in comps if (o := direct_object(c)) is not None]
        rule_words = words.union(*(_object_words(o, lex) for o in comp_objs))
        if rule.objects and not (rule_words & rule.objects):
            if not ("*" in rule.objects and (obj is not None or comp_objs)):
                continue  # `object: ["*"]`: any object will do, but there must be one
        if rule.agent and not (_agent_words(tok, lex) & rule.agent):
            continue
        if rule.verdict and not any(_verdict_words(c) & rule.verdict for c in comps):
            continue
        if rule.prt and not any(
            c.lower_ == rule.prt
            and (c.dep_ in ("prt", "prep") or c.lower_ in lex.words("elliptic_particles"))
            for c in tok.children
        ):  # spaCy reads the particle of "pulled out of" as a preposition, "moved in" as advmod
            continue
        if rule.prep and not any(c.lower_ in rule.prep for c in children(tok, "prep", "dative")):
            continue
        # a complement's prepositional objects count too: "warned that X's moves might
        # result in CONSEQUENCES"
        pobjs = _prep_objects(tok, rule.prep) + [o for c in comps for o in _prep_objects(c)]
        if rule.pobj and not any((_forms(o) | kind_named(o)) & rule.pobj for o in pobjs):
            continue  # "likened it to an act of PIRACY" (rules/words.yaml: kind_nouns)
        if rule.unless and (
            words & rule.unless or any(_forms(o) & rule.unless for o in _prep_objects(tok))
        ):
            continue
        controlled = [o for o in comp_objs if not children(o.head, "nsubj", "nsubjpass")]
        if rule.comp and obj is None and controlled:
            # "threatened to invade Taiwan": Taiwan is the target; in "said X would
            # destabilise Y" the clause's own subject is, and Y is not
            obj = controlled[0]
        return Trigger(tok, rule, nominal=False, obj=obj, comp=tuple(comps))
    return None


def _modifier_words(tok: Token) -> set[str]:
    """The words of a noun's own phrase ("increased activity by the Russian navy"), and the
    hyphenated words spaCy splits in three ("a cross-border raid": cross, -, border)."""
    tokens = phrase(tok, "noun").tokens
    words = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    doc = tok.doc
    for t in tokens:
        if t.text == "-" and 0 < t.i < len(doc) - 1 and not t.whitespace_:
            words.add(f"{doc[t.i - 1].lower_}-{doc[t.i + 1].lower_}")
    return words


def _scene_words(tok: Token) -> set[str]:
    """The words of the place where a subject noun happens, when its verb only says that it
    happened ("fighting broke out ON THE BORDER between X and Y"): no object, no clause."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or children(verb, "dobj", "ccomp", "xcomp"):
        return set()
    return {t.lemma_.lower() for p in children(verb, "prep") for t in p.subtree}


def match_noun(tok: Token, lex: Lexicon) -> Trigger | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if (
        tok.lemma_.lower() in lex.words("reason_nouns")  # "recalled its envoy in protest"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and not any(c.dep_ in ("det", "poss") for c in tok.children)
    ):
        return None
    if any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
        return None  # "will respond to any attack on its vessel": no act, a hypothesis
    rule = lex.nouns.get(tok.lemma_.lower())
    if rule is None:  # "cease-fire": the noun the compound and its head spell together
        rule = next((lex.nouns[f] for f in sorted(_forms(tok)) if f in lex.nouns), None)
    if rule is None:
        return None
    noun = tok
    if rule.requires:
        words = _modifier_words(tok) | _scene_words(tok)
        candidates = [rule, *lex.noun_fallbacks.get(rule.lemma, [])]
        rule = next((r for r in candidates if not r.requires or words & r.requires), None)
        if rule is None:
            return None
    head = tok.head
    light = None
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in lex.words("quantity_nouns")
    ):
        tok, head = head.head, head.head.head  # "imposed a new round of sanctions"
    existential = head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    if tok.dep_ in LIGHT_DEPS and head.pos_ in ("VERB", "AUX") and not existential:
        if head.lemma_.lower() in lex.words("light_verbs"):
            light = head
        elif not (_names_both_actors(noun) or _names_both_actors(tok)):
            return None  # "barred new investment": the verb, not the noun, is the event
    if rule.light_only and light is None:
        return None
    return Trigger(noun, rule, nominal=True, light_verb=light)


def _names_both_actors(noun: Token) -> bool:
    """The noun carries its own source and target words ("Japan's investment in Russia")."""
    preps = [c for c in noun.children if c.dep_ == "prep"]
    has_source = any(
        c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "ADJ") for c in noun.children
    ) or any(p.lower_ == "by" for p in preps)
    has_target = any(p.lower_ != "by" for p in preps)
    return has_source and has_target


def _names_own_author(noun: Token, lex: Lexicon) -> bool:
    """ "condemned the nuclear test CONDUCTED BY X", "denounced the attack BY X on Y": an act
    noun that names its own author is that author's event, besides the verb's."""
    if any(p.lower_ == "by" for p in children(noun, "prep")):
        return True
    agentive = lex.words("agent_participles")
    return any(
        acl.lemma_.lower() in agentive and children(acl, "agent") for acl in children(noun, "acl")
    )


# Prepositions that set the scene of another act: "during a meeting with X, they agreed"
SCENE_PREPS = frozenset({"during", "at", "after", "before", "since", "amid", "despite",
                         "following", "ahead", "in", "on", "until", "throughout"})  # fmt: skip


def _under_verb_trigger(tok: Token, verbs: dict[int, Trigger]) -> bool:
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("pobj", "prep") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in SCENE_PREPS:
            return False
        cur = cur.head
        if cur.i in verbs:
            return True
    return False


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """Verb triggers first; an event noun governed by a verb trigger is that verb's object."""
    verbs: dict[int, Trigger] = {}
    for tok in sent:
        found = match_verb(tok, lex)
        if found is not None:
            verbs[tok.i] = found
    # a threatened, refused or ordered act is not an event of its own ("threatened to
    # invade"); a reported one with its own subject ("said that X violated Y") stays
    for trig in list(verbs.values()):
        for comp in trig.comp:
            if not children(comp, "nsubj", "nsubjpass"):
                verbs.pop(comp.i, None)
    # a demanded act is not an event either, whoever is to do it ("demanded that Israel
    # ease the restrictions", "its demand that X leave": rules/words.yaml directive_words)
    directive = lex.words("directive_words")
    for i, trig in list(verbs.items()):
        gov = trig.token.head
        marks = {m.lower_ for m in children(trig.token, "mark", "aux")}
        if gov.lemma_.lower() in directive and (
            (trig.token.dep_ in ("ccomp", "acl") and "that" in marks)
            or (trig.token.dep_ == "acl" and gov.pos_ == "NOUN" and "to" in marks)
        ):  # "an appeal from X to lay down their arms": the arms are not laid down
            verbs.pop(i)
    found_all = list(verbs.values())
    for tok in sent:
        noun = match_noun(tok, lex)
        if noun is None:
            continue
        if noun.light_verb is not None and noun.light_verb.i in verbs:
            continue  # "condemned the sanctions", "imposed sanctions": the verb codes it
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "suspended food aid and talks": the talks are suspended too
        if (
            first.head.i in verbs
            and first.dep_ in ("dobj", "pobj", "nsubjpass")
            and not _names_own_author(tok, lex)
        ):
            continue
        if _under_verb_trigger(tok, verbs) and object_complement_controller(tok) is None:
            # "pulled out of the talks": the verb codes the talks' end; but in "condemned
            # Israel for an air strike" the strike is Israel's act, an event of its own
            continue
        found_all.append(noun)
    found_all.sort(key=lambda t: t.token.i)
    return found_all
