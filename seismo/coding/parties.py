"""Who did it to whom: the source and target actors of one trigger.

The pattern says where to look (subject, object, "on X", "X's"); this module walks those
places in the parse, falls back on the clause around a nominal trigger ("during a meeting
with X"), and says how directly the parties were found ("direct", "clause", "object",
"inferred"), which the confidence of the event reflects.
"""

from __future__ import annotations

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import (
    RELATIVES,
    Phrase,
    children,
    companion_phrases,
    direct_object,
    is_passive,
    noun_slot_phrases,
    object_complement_controller,
    owned_by_pronoun,
    phrase,
    subject_of,
    verb_slot_phrases,
)
from seismo.coding.constructions import (
    condemned_object,
    in_background,
    reciprocal_slots,
    ruling_out_speaker,
    story_pair_dyad,
    story_pair_sides,
    story_pair_target,
)
from seismo.coding.crowds import place_public
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.coding.lexicon import lexicon_of
from seismo.coding.passives import agentless_force, agentless_source
from seismo.coding.places import geo_place_target, place_targets
from seismo.coding.triggers import Trigger
from seismo.model import Actor

# Prepositions of a topic ("spoke about X"): a closed class, kept in Python.
TOPIC_PREPS = ("from", "about", "over", "regarding", "concerning", "for", "on")


def parties(
    trig: Trigger, scope: SentenceScope, discourse: Discourse
) -> tuple[list[Actor], list[Actor], str]:
    """The sources, the targets, and how they were found."""
    tok = trig.token
    lex = discourse.lex
    how = "direct"
    found: Phrase | None = None
    reattached = False  # a conjunct verb given the subject of the clause above its head

    def resolve_all(phrases: list[Phrase]) -> list[Actor]:
        nonlocal how
        found: list[Actor] = []
        for ph in phrases:
            for actor in discourse.actors_of(ph, scope):
                if all(a.code != actor.code for a in found):
                    found.append(actor)
            if found and (ph.is_pronoun or ph.via == "controller"):
                how = "inferred"
        return found

    if trig.nominal:
        src_phrases = noun_slot_phrases(tok, trig.rule.source)
        if trig.light_verb is not None:  # "X and Y held their talks": the subject names both
            src_phrases = [ph for ph in src_phrases if not ph.is_pronoun]
        sources = resolve_all(src_phrases)
        tgt_phrases = noun_slot_phrases(tok, trig.rule.target)
        if trig.light_verb is not None:
            if not tgt_phrases:
                tgt_phrases = verb_slot_phrases(trig.light_verb, trig.rule, None)
            if not sources:
                found = subject_of(trig.light_verb)
                sources = resolve_all([found] if found else [])
        if not sources:  # "exercises in which X and Y took part"
            for rel in children(tok, "relcl"):
                found = subject_of(rel)
                if found is not None and found.head.lower_ not in RELATIVES:
                    sources = resolve_all([found])
        if not sources and (found := ruling_out_speaker(tok)) is not None:
            sources = resolve_all([found])  # "there will be no talks, X said": X
        controller = object_complement_controller(tok) if not sources else None
        if controller is not None:  # "condemned Israel for an air strike": Israel struck
            sources = resolve_all([phrase(controller, "controller")])
        elif not sources and tok.dep_ == "pobj" and (trig.rule.symmetric or not in_background(tok)):
            # ("since the invasion of Ukraine" is background, not the subject's act; "after
            # talks in Minsk, the leaders agreed": talks are the subject's own)
            gov = tok.head
            for _ in range(6):  # "during a meeting with X", "no intention of continuing talks"
                if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                    break
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX"):
                found = subject_of(gov)
                sources = resolve_all([found] if found else [])
                how = "clause"
    else:
        found = subject_of(tok)
        sources = resolve_all([found] if found else [])
        tgt_phrases = verb_slot_phrases(tok, trig.rule, trig.obj)
        obj = trig.obj
        if (
            obj is not None
            and trig.rule.code[:2] in ("11", "12")
            and obj.lemma_.lower() in lex.nouns
            and obj.lemma_.lower() not in trig.rule.objects  # "lodged a protest with X"
        ):
            # "condemned the sanctions against X": the target is who imposed them, not X
            noun_rule = lex.nouns[obj.lemma_.lower()]
            named = [p for p in tgt_phrases if p.via.startswith("slot:attr_pp")]  # "... BY X"
            tgt_phrases = noun_slot_phrases(obj, noun_rule.source) + named
        companions = companion_phrases(tok)
        if sources and trig.rule.code in lex.word_set("codes", "travel_codes"):
            # "arrived in Banjul with Mauritania's president": who travels with the subject
            companions += [phrase(o, "companion") for p in children(tok, "prep")
                           if p.lower_ == "with" for o in children(p, "pobj")
                           if o.pos_ != "PRON"]  # fmt: skip
        if companions:
            extra = resolve_all(companions)
            if is_passive(tok):
                tgt_phrases = tgt_phrases + companions
            else:
                sources = sources + [a for a in extra if a not in sources]
        if (
            not sources
            and tok.dep_ == "conj"
            and tok.head.dep_ == "ccomp"
            and not children(tok, "nsubj", "nsubjpass")
            and trig.rule.code[:2] not in lex.word_set("codes", "force_roots")
        ):  # "complained that the raid violated X, and recalled its envoy": spaCy hangs the
            # second act under the complaint's clause; its subject is the complainer's (a
            # raid may kill, but it recalls no envoy)
            outer = subject_of(tok.head.head)
            sources = resolve_all([outer] if outer else [])
            reattached = bool(sources)
        if not sources and found is not None and found.head.lemma_.lower() in lex.nouns:
            # "Israeli air strikes killed 20 people": an attack noun's own source acts
            noun_rule = lex.nouns[found.head.lemma_.lower()]
            if noun_rule.code[:2] >= "18" and trig.rule.code[:2] >= "18":
                sources = resolve_all(noun_slot_phrases(found.head, noun_rule.source))
        if not sources and found is not None and found.via == "subject":
            # "a bomb dropped by an Israeli warplane destroyed ...": who dropped it acted
            agents = [o for acl in children(found.head, "acl") for a in children(acl, "agent")
                      for o in children(a, "pobj")]  # fmt: skip
            sources = resolve_all([phrase(agents[0], "agent")]) if agents else []
        if not sources and trig.rule.code[:2] in lex.word_set("codes", "owner_source_roots"):
            # "Syria's forces were withdrawn", "the order to recall its ambassador": the one
            # whose people are moved moves them
            moved = trig.obj if trig.obj is not None else (found.head if found else None)
            owner = next((c for c in children(moved, "poss")), None) if moved is not None else None
            if owner is not None and moved is not None and _is_role(moved, discourse):
                sources = resolve_all([phrase(owner, "controller")])
        if (
            not sources
            and found is None
            and is_passive(tok)
            and not (trig.rule.symmetric and _names_parties(tgt_phrases, scope, discourse))
        ):  # "a deal was reached between X and Y": the two named are the parties
            how = "inferred"
            if trig.rule.code[:2] in lex.word_set("codes", "story_attacker_roots"):
                sources, story_targets = agentless_force(tok, tgt_phrases, scope, discourse)
                if story_targets:  # "two soldiers were killed": the story's victims
                    return sources, story_targets, how
            else:
                sources = agentless_source(tok, tgt_phrases, scope, discourse)
    if not sources and trig.rule.code[:2] in lex.word_set("codes", "place_public_roots"):
        sources = place_public(tok, scope, discourse.actors_of)  # "protests erupted in Lima"
    if (
        trig.nominal
        and trig.rule.symmetric
        and trig.rule.code in lex.word_set("codes", "story_joint_codes")
        and not sources
        and not tgt_phrases
    ):
        # "the talks resumed", "the fighting flared": a joint act with nobody named is
        # between the two sides of the story's last dyad
        sides = story_pair_sides(scope.ctx.last_pair, [])
        if sides:
            return sides[:1], sides[1:], "inferred"
    targets: list[Actor] = []
    slot_found: str | None = None
    source_keys = frozenset(s.key for s in sources)
    counterpart = _counterpart(trig, sources, scope, discourse)
    if counterpart:  # "Uribe accused his opposite number": the other leader's state
        return sources, counterpart, "inferred"
    if len(sources) >= 2 and reciprocal_slots(trig.light_verb or tok):
        # "both sides blamed each other": each source is the other's target
        return sources, list(sources), "reciprocal"
    for ph in tgt_phrases:
        if slot_found is not None and ph.via != slot_found and ph.via != "companion":
            continue  # a slot further down the pattern's list: only companions join
        found_actors = discourse.actors_of(ph, scope)
        if ph.is_pronoun and found_actors and {a.key for a in found_actors} <= source_keys:
            # "severed ties with Qatar, accusing it of ...": "it" is not the accuser
            found_actors = discourse.pronoun_actors(ph, scope, exclude=source_keys)
        if owned_by_pronoun(ph):  # "ties between his kingdom and Israel": not a side
            found_actors = [
                a for a in found_actors if a.key not in source_keys or a.text != ph.head.text
            ]
        for actor in found_actors:
            if all(a.code != actor.code for a in targets):
                targets.append(actor)
                slot_found = slot_found or ph.via
    if not targets and not trig.nominal and trig.obj is not None:
        obj_phrase = phrase(trig.obj, "object")
        if not obj_phrase.is_pronoun:
            # "spoke about the deployment to Haiti": a topic is not a target
            kept = [
                t for t in obj_phrase.tokens
                if not any(_under_prep(t, obj_phrase.head, w) for w in TOPIC_PREPS)
            ]  # fmt: skip
            targets = discourse.actors_of(Phrase(obj_phrase.head, kept, "object"), scope)
        if targets:
            how = "object"
    if (
        not targets
        and not trig.nominal
        and not reattached  # the head verb is another clause's act, its object not ours
        and tok.dep_ == "conj"
        and tok.head.pos_ == "VERB"
    ):
        # "condemned the seizure of the tanker by Iran and demanded its release"
        first = direct_object(tok.head)
        if first is not None:
            targets = [
                a for a in discourse.actors_of(phrase(first, "slot:shared"), scope)
                if all(a.code != s.code for s in sources)
            ]  # fmt: skip
            if targets:
                how = "object"
    if (
        not trig.nominal and found is not None and len(sources) >= 2 and targets
        and {t.key for t in targets} <= source_keys and _names_the_pair(found, lex.words("pair_words"))
    ):  # fmt: skip
        # "both countries recalled their ambassadors": each from the other
        return sources, list(sources), "reciprocal"
    if not targets and sources and trig.rule.code[:2] == "11":
        targets = _author_of_condemned_act(trig, scope, source_keys)
        if targets:
            how = "inferred"
    if (
        not targets
        and sources
        and not trig.nominal  # an event noun names its own parties or none
        and trig.rule.code[:2] in lex.word_set("codes", "counterpart_roots")
    ):
        targets = _sole_other_state(scope, discourse, sources)
        if targets:
            how = "inferred"
    if (
        sources
        and trig.rule.code in lex.word_set("codes", "mediation_codes")
        and all(t.key in source_keys for t in targets)
    ):  # no sides named ("Qatar brokered the deal"), or only the host's own capital
        targets = _mediated_sides(scope, sources)
        if targets:
            how = "inferred"
    if not targets and trig.rule.code[:2] in lex.word_set("codes", "place_target_roots"):
        targets = place_targets(trig, scope, discourse, source_keys)
        if not targets and not trig.nominal:  # "struck the port of Odesa"
            targets = geo_place_target([tok], trig.obj, {s.country or "" for s in sources})
        if targets:
            how = "object"
    if (
        not targets
        # a guessed source gets no guessed target (one read off a controller is no guess)
        and (how != "inferred" or (found is not None and found.via == "controller"))
        and (dyad := story_pair_dyad(tok, trig.rule.code, scope.ctx.events, sources)) is not None
    ):
        targets = story_pair_target(dyad, sources)
        if targets:
            how = "inferred"
    return sources, targets, how


def _author_of_condemned_act(
    trig: Trigger, scope: SentenceScope, source_keys: frozenset[str]
) -> list[Actor]:
    """ "Lula condemned the operation", "Hague deplored the killings", "complained that the
    raid violated ...": the author of the violence the story last reported, when the object
    (or the subject of the complaint's clause) names such an act and nobody else."""
    obj = trig.obj if trig.nominal else condemned_object(trig.token, trig.obj)
    acts = scope.ctx.events
    if obj is None or obj.lemma_.lower() not in lexicon_of(obj.doc).words("condemned_acts"):
        return []
    done = [e for e in acts if e.modality == "asserted" and e.target is not None]
    lex = lexicon_of(obj.doc)
    # an attack before a show of force (rules/codes.yaml: assault_roots, violent_roots)
    for roots in (lex.word_set("codes", "assault_roots"), lex.word_set("codes", "violent_roots")):
        for event in reversed(done):
            if event.root not in roots:
                continue
            author = event.source
            if author.key in source_keys or author.country is None:
                return []
            code = author.code if author.country == "IGO" else author.country
            return [Actor(code=code, country=author.country, sector=None, name=author.name,
                          text=author.text)]  # fmt: skip
    return []


def _mediated_sides(scope: SentenceScope, sources: list[Actor]) -> list[Actor]:
    """ "Qatar brokered the deal", "Norway helped mediate": a mediation that names no sides
    is between the last two states the story had acting on each other, neither of them the
    mediator's: the story's last pair first, then its events' pairs, newest first."""
    pairs = [(e.source, e.target) for e in reversed(scope.ctx.events) if e.target is not None]
    if scope.ctx.last_pair is not None:
        pairs.insert(0, scope.ctx.last_pair)
    for pair in pairs:
        sides = story_pair_sides(pair, sources)
        if sides:
            return sides
    return []


def _is_role(tok: Token, discourse: Discourse) -> bool:
    """A noun our tables list as a role of a state ("ambassador", "forces")."""
    roles = discourse.kb.tables.roles
    return tok.lower_ in roles or tok.lemma_.lower() in roles


def _names_parties(phrases: list[Phrase], scope: SentenceScope, discourse: Discourse) -> bool:
    """Whether the target phrases of a joint act name two parties or more."""
    return len({a.key for ph in phrases for a in discourse.actors_of(ph, scope)}) >= 2


def _counterpart(
    trig: Trigger, sources: list[Actor], scope: SentenceScope, discourse: Discourse
) -> list[Actor]:
    """ "his counterpart", "his opposite number" with no state named: the state of the
    other side, the nearest state named before that is not the source's."""
    obj = trig.obj if not trig.nominal else None
    if obj is None or not sources or obj.lower_ not in discourse.lex.words("counterpart_nouns"):
        return []
    if obj.lower_ == "number" and not any(c.lower_ == "opposite" for c in obj.children):
        return []
    modifiers = [obj, *(c for c in obj.children if c.dep_ in ("amod", "compound", "nmod"))]
    if scope.mentions_in(modifiers):
        return []  # "his Colombian counterpart": the phrase names the state
    own = {s.key for s in sources}
    before = [m for m in scope.mentions if m.end <= obj.i]
    candidates = [discourse.resolve(m, scope.on) for m in reversed(before)]
    candidates += [a for _, a in reversed(scope.ctx.recent)]
    for actor in candidates:
        if actor is not None and actor.key not in own and actor.country not in (None, "IGO"):
            return [actor.in_sector(None, text=obj.text)]
    return []


def _names_the_pair(subject: Phrase, pair_words: frozenset[str]) -> bool:
    """ "both countries", "the two sides": a subject that names two parties at once."""
    head = subject.head
    return head.lemma_.lower() in pair_words and any(
        c.lower_ in ("both", "two") for c in head.children
    )


def _is_state(country: str) -> bool:
    """Whether a country code is a state (ISO 3166 or Kosovo's XKX), not a region or IGO."""
    return country in ISO3 or country == "XKX"


def _sole_other_state(
    scope: SentenceScope, discourse: Discourse, sources: list[Actor]
) -> list[Actor]:
    """ "Kenya recalled its ambassador after Mogadishu auctioned the blocks": a cut in
    relations with no named target is aimed at the one other state the sentence names;
    with none or several, nothing is guessed."""
    own = {s.country for s in sources}
    others: dict[str, Actor] = {}
    for mention in scope.mentions:
        actor = discourse.resolve(mention, scope.on)
        if actor is None or actor.country is None or not _is_state(actor.country):
            continue  # organisations and regions ("Europe") are not a dyad's other state
        if actor.country not in own:
            others.setdefault(actor.country, actor)
    if len(others) != 1:
        return []
    country, actor = next(iter(others.items()))
    return [Actor(code=country, country=country, sector=None, name=actor.name, text=actor.text)]


def _under_prep(tok: Token, top: Token, word: str) -> bool:
    """Whether `tok` sits under a "from ..." (or other) phrase below `top`."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ == word:
            return True
        cur = cur.head
    return False
