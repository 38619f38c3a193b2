"""Build the events of one trigger: code, date, parties, place and confidence put together.

Also the copies: "X joined them" repeats the last event with X as its source.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import subject_of
from seismo.coding.cameo import lookup
from seismo.coding.codes import code_for, confidence, keeps_without_target, own_forces
from seismo.coding.constructions import condition_subjects, place_entered_before
from seismo.coding.coups import coup_parties
from seismo.coding.dating import contradicted_year, known_event_date
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.coding.gapping import gapped_pairs
from seismo.coding.lexicon import lexicon_of
from seismo.coding.modality import Modality, is_negated, modality_of
from seismo.coding.parties import parties
from seismo.coding.triggers import Trigger
from seismo.model import NO_DATE, Actor, Event, EventDate

# Up to this many parties, a symmetric act is coded for every pair of them.
MAX_ALL_PAIRS = 3


def _all_pairs(actors: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    """Every pair of the parties of one symmetric act, each once: "China, Iran and Saudi
    Arabia signed a statement" is three dyads, not the first party with each of the others."""
    distinct: list[Actor] = []
    for actor in actors:
        if all(actor.key != seen.key for seen in distinct):
            distinct.append(actor)
    if len(distinct) > MAX_ALL_PAIRS:
        # a long list ("the G7 and the EU agreed") is a bloc acting together, not a web of
        # dyads among its members: keep the first with each of the others
        return [(distinct[0], b) for b in distinct[1:]]
    return [(a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :]]


def events_for(trig: Trigger, scope: SentenceScope, discourse: Discourse) -> list[Event]:
    """The events one trigger of the sentence codes (none, one, or one per pair of parties)."""
    doc, ctx, reference = scope.doc, scope.ctx, scope.reference
    modality = modality_of(trig.token, discourse.lex)
    if trig.nominal and trig.light_verb is None and modality.kind != "refused":
        # a named event ("the 1956 declaration", "Russia's invasion") is a reference to
        # something that happened, whatever the verb around it plans
        modality = Modality("negated") if is_negated(trig.token) else Modality("asserted")
        if any(c.dep_ == "det" and c.lower_ == "any" for c in trig.token.children):
            modality = Modality("hypothetical")  # "will respond to any attack": none happened
    coded = code_for(trig.rule.code, modality, discourse.lex)
    if coded is None:
        return []
    code, mod = coded
    if scope.dates is not None:
        date, carried = ctx.clock.date_for(trig.token, mod, scope.dates, reference)
    else:
        date, carried = NO_DATE, False
    scope = scope.at(date.start or doc.published)
    if trig.rule.copy:
        return _copy(trig, scope, discourse, date, mod)
    sources, targets, how = parties(trig, scope, discourse)
    sources, targets = coup_parties(trig.token, code, sources, targets, discourse.lex)
    if sources and not targets and trig.rule.prt in discourse.lex.words("elliptic_particles"):
        targets = place_entered_before(ctx.events, code[:2], sources)  # "the force moved in"
    if sources and not targets and code[:2] == "13":  # "threatened X unless Y ...": Y
        own = {s.key for s in sources}
        targets = [a for ph in condition_subjects(trig.token) for a in discourse.actors_of(ph, scope)
                   if a.key not in own]  # fmt: skip
    if not sources and not (trig.rule.symmetric and len(targets) >= 2):
        return []
    pairs: list[tuple[Actor, Actor | None]] = []
    if not sources:
        # "restored relations between both countries": the two are the parties
        pairs = _all_pairs(targets)
    elif targets:
        # co-actors are not each other's targets ("Russian and Chinese ships patrolled")
        # (unless the subject was "both sides", which names the target too)
        # Actors of one state with different roles may act on each other (rebels and
        # their government): compare full codes, not countries.
        source_codes = {s.code for s in sources} if how == "direct" else set()
        pairs = [
            (s, t) for s in sources for t in targets
            if t.code != s.code and t.code not in source_codes
            and not (_same_party(s, t, discourse) or (how != "reciprocal" and not trig.rule.symmetric
                                           and any(_same_party(o, t, discourse) for o in sources)))
            and not own_forces(s, t, code, discourse.lex)
        ]  # fmt: skip
    if not pairs and len(sources) >= 2 and trig.rule.symmetric:
        # "talks between Russia and Ukraine": one phrase names both parties
        pairs = _all_pairs(sources)
    if (
        not pairs
        and not targets
        and code in discourse.lex.word_set("codes", "mutual_codes")
        and len({s.country for s in sources}) >= 2
    ):
        # "Greek and Turkish forces went on alert": two states' alerts face each other
        pairs = [(s, t) for s in sources for t in sources if s.country != t.country]
    if not pairs and sources and {t.key for t in targets} <= {s.key for s in sources}:
        # "students staged a sit-in", "the government imposed a curfew": a domestic act
        # with no one else named (or only its own country: "a curfew in Haiti") is aimed at
        # the source's own state (rules/codes.yaml)
        pairs = _home_pairs(trig, sources, code, discourse)
    own = {s.key for s in sources}
    if (
        not pairs
        and sources
        and keeps_without_target(code, trig, discourse.lex)
        and (not targets or (code[:2] in ("13", "15") and all(t.key in own for t in targets)))
    ):  # no target, or only the source's own people ("threatened to withdraw ITS envoys")
        pairs = [(s, None) for s in sources]
    gapped = gapped_pairs(trig.token, scope, discourse) if pairs and not trig.nominal else []
    if gapped:  # "Poland will deploy a brigade in Latvia, Spain in Estonia": one verb, 2 acts
        remnants = {a.key for pair in gapped for a in pair}
        pairs = [p for p in pairs if p[1] is None or p[1].key not in remnants]
        pairs += gapped
    if not pairs:
        return []
    if trig.rule.reverse:  # "X's diplomats had 48 hours to leave Y": Y expels X's diplomats
        pairs = [(t, s) for s, t in pairs if t is not None]
    if trig.rule.both_ways:  # "swapped prisoners": each side released the other's people
        pairs += [(t, s) for s, t in pairs if t is not None and (t, s) not in pairs]
    if trig.nominal and (trig.light_verb is None or not date.value or carried):
        known = known_event_date(
            pairs[0][0].country, pairs[0][1].country if pairs[0][1] else None,
            code[:2], trig.token.lemma_.lower(), doc.published,
        )  # fmt: skip
        if known is not None:
            date, carried = replace(known, basis="text"), False
    if carried and mod in ("asserted", "negated"):
        retold = ctx.clock.tellings.day_of(trig.token, code[:2], pairs)
        if retold is not None:  # the same act told again lower down: its first day
            date = replace(retold, basis="story", warning=None)
    elif not carried and date.basis == "text" and not trig.nominal:
        # a named act ("over Tuesday's attack") has parties the text leaves to inference
        ctx.clock.tellings.note(trig.token, code[:2], pairs, date)
    if date.value and not carried and pairs[0][1] is not None:
        src, tgt = pairs[0][0].key, pairs[0][1].key
        answered = [e.date for e in ctx.events
                    if e.source.key == tgt and e.target is not None and e.target.key == src
                    and e.root in ("16", "17", "13", "11")]  # fmt: skip
        flagged = contradicted_year(date, scope.sent.text, answered, discourse.lex)
        if flagged is not None:
            date = flagged
            ctx.flagged = flagged
    if (
        (code[:2] in ("18", "19") or code == "1712")
        and code not in discourse.lex.word_set("codes", "weapon_codes")
        and (_crowd(pairs[0][0], discourse) or _crowd_subject(trig, discourse))
    ):
        # "protesters attacked the French embassy", "a protester tore down the statue": a
        # riot, not an assault or a state's destruction of property; a crowd that fires
        # rockets or missiles fights (the act decides the root)
        code = "145"
    info = lookup(code)
    trust = confidence(trig, how, date, len(targets), code)
    trigger_text = trig.token.text
    if trig.light_verb is not None:
        trigger_text = f"{trig.light_verb.text} {trig.token.text}"
    events = []
    for source, target in pairs:
        events.append(
            Event(
                doc_id=doc.doc_id,
                sentence_index=scope.index,
                sentence=" ".join(scope.sent.text.split()),
                source=source,
                target=target,
                cameo=code,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                plover={"event_type": info.plover_type, "mode": info.plover_mode},
                date=date,
                modality=mod,
                confidence=trust,
                trigger=trigger_text,
                content_hash=doc.content_hash,
            )
        )
    return events


def _home_pairs(
    trig: Trigger, sources: list[Actor], code: str, discourse: Discourse
) -> list[tuple[Actor, Actor | None]]:
    """CAMEO's home target: a protest by a state's public with no named target is aimed
    at its government ("workers blocked roads" -> the government), and a government's
    measure on its own territory (a curfew, martial law, their lifting) at its people."""
    lex = discourse.lex
    pairs: list[tuple[Actor, Actor | None]] = []
    measure = code in lex.word_set("codes", "home_target_codes")
    public = measure or code[:2] in lex.word_set("codes", "home_target_roots")
    own = lex.words("own_sectors")
    subject = subject_of(trig.light_verb if trig.light_verb is not None else trig.token)
    # "Bolivian miners" are Bolivia's public; "Japanese investments" are not anyone
    head = subject.head.lemma_.lower() if subject is not None else ""
    crowd = head in lex.words("public_nouns") or head in lex.words("crowd_nouns")

    def named(actor: Actor) -> bool:  # "Algerians blocked roads": the demonym is the subject
        return subject is not None and subject.head.text == actor.text

    for s in sources:
        if s.country is None or not (s.country in ISO3 or s.country == "XKX"):
            continue
        sector = (s.sector or "").lower()
        if (
            public
            and sector not in own
            and (sector or crowd or (_people_of(s, discourse) and named(s)))
        ):
            pairs.append((s, s.in_sector("GOV", text="")))
        elif measure and sector in ("gov", "") and not _people_of(s, discourse):
            pairs.append((s, s.in_sector(None, text="")))
    return pairs


def _people_of(actor: Actor, discourse: Discourse) -> bool:
    """ "Algerians", "Bolivian miners": a state's people (a demonym with no role), not the
    state ("Algeria") or its capital standing for its government ("Algiers")."""
    found = discourse.kb.tables.phrase_index.get((actor.text, actor.country or ""))
    return actor.sector is None and found is not None and found.kind == "demonym"


# Roles that fight or defy their own state: rebels, separatists, insurgents, the opposition.
INSURGENT_SECTORS = frozenset({"REB", "SEP", "INS", "OPP"})


def _crowd(source: Actor, discourse: Discourse) -> bool:
    """A crowd (protesters, a mob) rather than a force: its violence is a riot."""
    return source.sector == "OPP" and source.text.lower() in discourse.lex.words("crowd_nouns")


def _crowd_subject(trig: Trigger, discourse: Discourse) -> bool:
    """ "a Ukrainian protester tore down the statue": the subject's head is a crowd word
    though its actor is read off the demonym alone."""
    found = subject_of(trig.light_verb if trig.light_verb is not None else trig.token)
    return found is not None and found.head.lower_ in discourse.lex.words("crowd_nouns")


def _same_party(source: Actor, target: Actor, discourse: Discourse) -> bool:
    """A target that is one of the subjects themselves ("France, Britain and Italy
    recognised the new state", read as the French government): the same state where either
    side has no role. Two roles of one state may still act on each other (rebels and their
    government)."""
    if source.sector in INSURGENT_SECTORS or target.sector in INSURGENT_SECTORS:
        return False  # "M23 rebels continued their offensive in eastern Congo"
    if _people_of(source, discourse) and source.text.endswith("s") and target.sector is not None:
        return False  # "Georgians protested against the government": a people, not the state
    return target.key == source.key and (source.sector is None or target.sector is None)


def _copy(
    trig: Trigger, scope: SentenceScope, discourse: Discourse, date: EventDate, mod: str
) -> list[Event]:
    """ "X joined them": the last event again, with X as its source."""
    doc, si = scope.doc, scope.index
    recent = [e for e in scope.ctx.events if e.sentence_index >= si - 1]
    if not recent:
        return []
    # "joined them" after "imposed sanctions on X": the sanctions, not a noun in passing
    obj = trig.obj.lemma_.lower() if trig.obj is not None else ""
    preferred = [e for e in recent if e.root == "16"] if obj in trig.rule.objects else []
    model = (preferred or recent)[-1]
    found = subject_of(trig.token)
    if found is None:
        return []
    sources = discourse.actors_of(found, scope)
    out = []
    for source in sources:
        if model.target is not None and source.key == model.target.key:
            continue
        out.append(
            Event(
                doc_id=doc.doc_id, sentence_index=si, sentence=" ".join(scope.sent.text.split()),
                source=source, target=model.target, cameo=model.cameo,
                goldstein=model.goldstein, quad_class=model.quad_class, plover=model.plover,
                date=date if date.value else model.date, modality=mod,
                confidence=max(0.05, model.confidence - 0.15), trigger=trig.token.text,
                content_hash=doc.content_hash,
            )
        )  # fmt: skip
    return out


def drop_restatements(events: list[tuple[Event, Token]]) -> list[Event]:
    """One sentence's events (each with its trigger's word) without an act said twice.

    "Iran and Saudi Arabia agreed to resume relations" yields "agreed" (030, intent to
    cooperate) and "resume relations" (032) for one act: a generic code goes when its
    trigger governs a trigger of a more specific code of the same root, for the same pair of
    states and modality. Acts side by side stay ("canceled visa-free travel and abandoned
    the talks": 160 and 164; "recalled its envoy and shut the border").
    An act inside the complement of an act of the same root, for the same pair, is that act
    told again ("signed an agreement to establish relations": one 05). An act of force told
    again by its adjunct goes too ("stormed the embassy, setting fire
    to cars": one riot; "killed ten in an attack": one attack).
    """

    def pair(e: Event) -> tuple[str | None, str | None, str]:
        target = (e.target.country or e.target.code) if e.target else None
        return (e.source.country or e.source.code, target, e.modality)

    kept: list[Event] = []
    force = lexicon_of(events[0][1].doc).word_set("codes", "retold_roots") if events else set()
    for event, token in events:
        if event.root in force and any(
            other.root in force
            and other.target is not None
            and other.source.country == event.source.country
            and (event.target is None or event.target.country == other.target.country)
            and _elaborates(token, word)
            for other, word in events
        ):
            continue  # ", setting fire to ...", "in a coordinated assault": the same act told again
        if any(
            other is not event
            and other.source.country == event.source.country
            and _setting(token, word)
            for other, word in events
        ):
            continue  # "shook hands at a summit": the meeting is where the act took place
        if event.cameo == event.root + "0" and any(
            other.root == event.root
            and other.cameo != event.cameo
            and pair(other) == pair(event)
            and _governs(token, word)
            for other, word in events
        ):
            continue  # the generic restatement of a specific act it governs
        if any(
            other.root == event.root
            and word.i != token.i
            and pair(other) == pair(event)
            and not (other.cameo == other.root + "0" and event.cameo != other.cameo)
            and _governs(word, token)
            and not _participle_between(token, word)
            for other, word in events
        ):
            continue  # "signed a deal to establish ties", "summoned X to complain": one act
        kept.append(event)
    return kept


def _elaborates(word: Token, head: Token) -> bool:
    """Whether `word` only describes how or with what effect `head`'s act was done: a
    participle of its own with no subject ("stormed the embassy, setting fire to cars";
    "shelled the town, killing ten") or an event noun after "in" ("captured two soldiers
    in a raid"), rather than a new act."""
    if word.i == head.i:
        return False
    if word.dep_ == "advcl" and word.head.i == head.i and word.tag_ == "VBG":
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children)
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in ("in", "during")
        and prep.head.i == head.i
    )


def _setting(word: Token, head: Token) -> bool:
    """Whether the event noun `word` is only where `head`'s act took place: "shook hands AT
    a regional summit", "clashed at the opening OF the summit"."""
    node = word
    for _ in range(2):
        prep = node.head
        if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == node.i:
            return False
        if prep.lower_ == "at" and prep.head.i == head.i:
            return word.pos_ == "NOUN"
        if prep.lower_ != "of":
            return False
        node = prep.head  # "the opening of the summit": climb to "opening"
    return False


def _participle_between(word: Token, head: Token) -> bool:
    """ "signed a treaty, establishing ties": a participle clause tells a further act."""
    node = word
    while node.i != head.i and node.i != node.head.i:
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            return True
        node = node.head
    return False


def _governs(head: Token, word: Token) -> bool:
    """Whether `word` is `head` or hangs under it other than as a coordinated act of its own."""
    if word.i == head.i:
        return True
    node = word
    while node.i != node.head.i:
        if node.dep_ == "conj":
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False
