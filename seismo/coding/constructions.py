"""Constructions of wire copy that change who did what to whom, read off the parse.

The coder asks these when the plain reading (subject acts on object) would be wrong:

- "since the invasion of Ukraine", "after the 2014 annexation": an event noun in a
  background adverbial is not an act of the sentence's subject;
- "blamed each other": a reciprocal object names the subjects themselves, each the other's
  target;
- "an air strike near Damascus", "clashes in Goma": with no other target, the state a
  military act took place in is its target, and the place is a location, never a source;
- "the border service accused ...": a role named earlier with its state ("the Kyrgyz border
  service") keeps that state for the rest of the story;
- "decided to impose", "will suspend negotiations, the ministry said": an announced decision
  is coded as the act it announces, not as a threat or a wish.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from seismo.actors.entries import ISO3
from seismo.coding.arguments import Phrase, children, subject_of
from seismo.coding.lexicon import Lexicon, lexicon_of
from seismo.coding.modality import Modality
from seismo.model import Actor, Event

# Prepositions that put an event in the story's background: its actor is whoever the
# noun itself names ("Russia's invasion"), never the subject of the sentence around it.
BACKGROUND_PREPS = frozenset({"since", "after", "following", "amid", "before", "despite",
                              "until", "ahead", "prior"})  # fmt: skip
# Prepositions that say where a military act took place ("strikes near Damascus").
PLACE_PREPS = frozenset({"in", "near", "at", "inside", "around", "outside", "over", "across"})
# Prepositions of what an act is aimed at, whose object may stand in a place ("at targets in
# Lahore"): a closed class, kept in Python.
AIM_PREPS = frozenset({"at", "on", "against", "into"})


def in_background(noun: Token) -> bool:
    """Whether an event noun sits in a background adverbial ("since the invasion of X")
    on its way up to the verb of its clause."""
    nouns = lexicon_of(noun.doc).words("background_nouns")  # "on the eve of X"
    cur = noun
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in BACKGROUND_PREPS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ in BACKGROUND_PREPS:
            return True
        if cur.dep_ == "prep" and cur.lower_ == "of" and cur.head.lemma_.lower() in nouns:
            return True
        cur = cur.head
    return False


def is_reciprocal(ph: Phrase) -> bool:
    """ "each other", "one another": the phrase names the subjects themselves."""
    head = ph.head
    if head.lower_ == "other":
        return any(c.lower_ == "each" for c in head.children) or (
            head.i > 0 and head.doc[head.i - 1].lower_ == "each"
        )
    if head.lower_ == "another":
        return head.i > 0 and head.doc[head.i - 1].lower_ == "one"
    return False


def reciprocal_slots(trigger: Token) -> list[Phrase]:
    """The reciprocal words among a verb's own arguments: "accused each other", "clashed
    with one another", "open embassies in each other's capitals" (not inside a clause of
    their own)."""
    found = []
    for tok in trigger.subtree:
        ph = Phrase(tok, [tok], "reciprocal")
        if tok.i == trigger.i or not is_reciprocal(ph):
            continue
        cur = tok.head
        while cur.i != trigger.i and cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
            cur = cur.head
        if cur.i == trigger.i:
            found.append(ph)
    return found


def place_heads(*holders: Token) -> list[Token]:
    """The places a trigger (or the verb carrying it) happened in: "near Damascus",
    "in southern Lebanon" (the head nouns of those phrases, nearest first)."""
    found: list[Token] = []
    for holder in holders:
        for prep in children(holder, "prep"):
            if prep.lower_ in PLACE_PREPS:
                for obj in children(prep, "pobj"):
                    found.append(obj)
                    # "in the town of Batken", "in the north of Syria"
                    found.extend(o for p in children(obj, "prep") if p.lower_ == "of"
                                 for o in children(p, "pobj"))  # fmt: skip
            if prep.lower_ in AIM_PREPS:
                # "fired shells at targets IN Lahore", "struck positions NEAR X"
                found.extend(o for obj in children(prep, "pobj") for p in children(obj, "prep")
                             if p.lower_ in PLACE_PREPS for o in children(p, "pobj"))  # fmt: skip
    return found


def role_words(head: Token) -> list[str]:
    """The ways a role may be written with this head: "border service", "service"."""
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    words = []
    if compounds:
        words.append(" ".join([*(c.lower_ for c in compounds), head.lower_]))
    words.append(head.lower_)
    return words


@dataclass
class RoleMemory:
    """Roles the story has tied to an actor ("the Kyrgyz border service", "the International
    Criminal Court"), by their words, so that a later bare "the border service" or "the
    court" is the same one."""

    actors: dict[str, Actor] = field(default_factory=dict)  # role words -> actor

    def note(self, role_text: str, actor: Actor) -> None:
        words = role_text.lower().split()
        for n in range(1, len(words) + 1):
            self.actors[" ".join(words[-n:])] = actor

    def actor_of(self, head: Token) -> Actor | None:
        for words in role_words(head):
            if words in self.actors:
                return self.actors[words]
        return None


def story_dyad(
    events: list[Event],
    root: str,
    force_roots: frozenset[str],
    travel: frozenset[str] = frozenset(),
    travellers: frozenset[str | None] = frozenset(),
) -> tuple[Actor, Actor] | None:
    """The story's last dyad an act of this root continues: the last event with a target;
    for an act of force (rules/codes.yaml: force_roots), the last act of force, and none
    when the story has none yet ("Japan condemned Russia ... Moscow's attack" is not
    against Japan: a quarrel in words does not say whom a first shot is aimed at). The
    same holds for any family of roots passed as `force_roots` (acts of cooperation)."""
    # a trip names where its traveller went, not whom the traveller's later act is aimed
    # at ("Kishida, attending a summit in X, condemned the launch": not X); the host's
    # act may answer the trip ("Japan called the visit regrettable")
    dyads = [(e.source, e.target, e.root) for e in events
             if e.target is not None and e.modality == "asserted"
             and (e.cameo not in travel or e.root == root or e.source.country not in travellers)]  # fmt: skip
    if root in force_roots:
        fights = [d for d in dyads if d[2] in force_roots]
        dyads = fights
    return (dyads[-1][0], dyads[-1][1]) if dyads else None


def place_entered_before(events: list[Event], root: str, sources: list[Actor]) -> list[Actor]:
    """ "The force, including troops from A and B, moved in": a particle with its place left
    out ("in") takes up the target of the story's last act of the same root ("moved into
    Gambia"), a state none of the sources is."""
    own = {s.country for s in sources}
    for event in reversed(events):
        if event.root != root or event.target is None or event.modality != "asserted":
            continue
        target = event.target
        if target.country in own or target.country not in ISO3:
            return []
        return [target]
    return []


def story_pair_target(last_pair: tuple[Actor, Actor] | None, sources: list[Actor]) -> list[Actor]:
    """ "Pakistan recalled its ambassador", "the Thai assault went on": an act with no target
    named in its sentence, in a story about a dyad, is aimed at the other side of the
    story's last dyad when its source is one side of it (and the other side is a state)."""
    if last_pair is None or not sources:
        return []
    own = {s.country for s in sources}
    if len(own) != 1:
        return []  # "Greek and Turkish forces went on alert": the sources face each other
    sides = [a for a in last_pair if a.country is not None]
    if len(sides) != 2 or sides[0].country == sides[1].country:
        return []
    for mine, other in (sides, sides[::-1]):
        if mine.country in own and other.country not in own and other.country in ISO3:
            return [other.in_sector(None)]
    return []


def stated_act(verb: Token) -> bool:
    """Whether a verb states its act (done, or announced with "will") rather than one that
    is urged, owed or a purpose: only a stated act with no party named is taken to be
    between the story's two sides (rules/codes.yaml: story_pair_codes). "A proposal for
    signing", "an offer to sign" (grammar.yaml: intent_nouns) name an act not done."""
    lex = lexicon_of(verb.doc)
    if any(c.dep_ == "aux" and c.lower_ in lex.words("unstated_aux") for c in verb.children):
        return False
    head = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return head.lemma_.lower() not in lex.words("intent_nouns")


def story_pair_dyad(
    verb: Token, code: str, events: list[Event], sources: list[Actor] | None = None
) -> tuple[Actor, Actor] | None:
    """The dyad an act with no target named continues (rules/codes.yaml story_pair_roots),
    or None when its code is not read that way. Praise, restored ties and signings
    (story_pair_codes) continue the story's last act of cooperation, and only when the act
    is stated, not urged or proposed."""
    lex = lexicon_of(verb.doc)
    travel = lex.word_set("codes", "travel_codes")
    own = frozenset(s.country for s in sources or [])
    if code[:2] in lex.word_set("codes", "story_pair_roots"):
        return story_dyad(events, code[:2], lex.word_set("codes", "force_roots"), travel, own)
    if code in lex.word_set("codes", "story_pair_codes") and stated_act(verb):
        roots = lex.word_set("codes", "cooperation_roots")
        return story_dyad(events, code[:2], roots, travel, own)
    return None


def story_pair_sides(last_pair: tuple[Actor, Actor] | None, sources: list[Actor]) -> list[Actor]:
    """ "Qatar brokered the deal": a mediation with no parties named is between the two sides
    of the story's last dyad, neither of them the mediator; "the talks resumed": a joint
    act with no party named at all (no `sources`) is between those two sides."""
    if last_pair is None:
        return []
    own = {s.country for s in sources}
    sides = [
        a.in_sector(None)
        for a in last_pair
        if a.country is not None and a.country != "IGO" and a.country not in own
    ]
    return sides if len({a.country for a in sides}) == 2 else []


def announced_act(root: str, modality: Modality, lex: Lexicon) -> bool:
    """Whether an intended act is an announced decision to be coded as the act itself:
    "decided to sever ties", "ordered the release", "will suspend negotiations" (a reported
    plain future of a reduction of relations). The word lists are in grammar.yaml and
    rules/codes.yaml."""
    if modality.value != "intended":
        return False
    governor = modality.governor
    if root in lex.word_set("codes", "scheduled_roots") and governor in lex.words(
        "schedule_governors"
    ):
        return True  # "is scheduled to attend a summit in X": the visit on the calendar
    if root not in lex.word_set("codes", "announced_roots"):
        return False
    if governor in lex.words("decision_governors"):
        return True
    return root == "16" and (governor is None or governor in lex.words("plain_future_governors"))


# The marks of a condition set to the other side: "... unless X withdraws", "... if X attacks".
CONDITION_MARKS = frozenset({"unless", "if"})


def condition_subjects(verb: Token) -> list[Phrase]:
    """Who must meet a threat's condition: X in "threatened a strike unless X rescinds the
    law", "will boycott the vote unless X resigns" (the clause on the threat's verb, or on
    the verb it is the complement of: "said it will ... unless")."""
    holders = [verb, *children(verb, "xcomp", "ccomp")]  # "threatened to strike unless ..."
    if verb.dep_ in ("xcomp", "ccomp", "conj"):
        holders.append(verb.head)  # "said it will boycott the vote unless ..."
    found: list[Phrase] = []
    for holder in holders:
        for clause in children(holder, "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children):
                found.extend(
                    Phrase(s, [s, *s.subtree], "condition") for s in children(clause, "nsubj")
                )
    return found


def ruling_out_speaker(noun: Token) -> Phrase | None:
    """Who rules an act out: X in "there will be no negotiations with Y, X said" (an event
    noun under "there be no", whose speaker is the subject of the verb that reports it)."""
    be = noun.head
    if noun.dep_ != "attr" or not children(be, "expl"):
        return None
    if not any(c.lower_ == "no" for c in noun.children):
        return None
    return subject_of(be)


def condemned_object(verb: Token, obj: Token | None) -> Token | None:
    """The act a verb of condemnation is about: its object; "a move the White House called
    odd": the move; "condemned what they called the use of force": the use; "complained that
    Saturday's raid violated its sovereignty", "'these attacks are unacceptable,' he said":
    the subject of the clause."""
    if obj is not None and obj.lower_ != "what":
        return obj
    if obj is None and verb.dep_ == "relcl":
        return verb.head
    for clause in children(verb, "ccomp"):
        named = [p for c in children(clause, "dobj") if c.lower_ == "what"
                 for p in children(clause, "oprd")]  # fmt: skip
        if named:
            return named[0]
        subjects = children(clause, "nsubj")
        if subjects:
            return subjects[0]
    return None
