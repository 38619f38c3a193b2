"""Roles and bodies named without their state: "the ministry", "the protesters", "the President".

A reader gives such a role the state the text ties it to: a place the role stands in ("rallied
in Tbilisi"), the same role named earlier with its owner ("Congolese protesters ... the
crowd"), the office holder the story named ("US President Joe Biden ... the President"),
the nearest state named before it, else the state the story is about. `RoleReader` does
the same for `Discourse.actors_of`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from seismo.actors import ActorBase, Mention
from seismo.actors.entries import ISO3
from seismo.coding.arguments import Phrase, children
from seismo.coding.constructions import role_words
from seismo.coding.lexicon import Lexicon, lexicon_of
from seismo.coding.organisations import OrganisationReader
from seismo.model import Actor

if TYPE_CHECKING:
    from seismo.coding.discourse import SentenceScope

PERSON_KINDS = frozenset({"person", "office_title"})
# Prepositions of place (a closed class of English, not knowledge a user extends).
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "over"})


class RoleReader:
    """Gives a role noun with no state named the state the text ties it to."""

    def __init__(self, kb: ActorBase, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex
        self.organisations = OrganisationReader(kb, lex)

    def owned(
        self,
        ph: Phrase,
        owner_of: Callable[[Phrase], list[Actor]],
        pair: tuple[Actor, Actor] | None = None,
    ) -> list[Actor] | None:
        """ "his foreign minister", "its army", "his country": the role or the state of the
        actor the pronoun stands for (`owner_of` resolves the pronoun; `pair` is the pair a
        sentence naming "both"/"two" speaks of, whom "their" stands for). None: not such a
        phrase. A counterpart or a neighbour is the other side, not the owner's."""
        head = ph.head
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in self.lex.words("owner_pronouns"):
            return None
        word = head.lemma_.lower()
        if (
            head.lower_ in self.lex.words("counterpart_nouns")
            or word not in self.lex.words("state_nouns")
            and not any(w in self.kb.tables.roles for w in role_words(head))
        ):
            return None
        if word in ("neighbor", "neighbour"):
            return None
        if word not in self.lex.words("state_nouns") and ph.via not in ("subject", "controller"):
            return None  # "recalled its ambassador to Israel": its own envoy, no target
        role = next(
            (self.kb.tables.roles[w] for w in role_words(head) if w in self.kb.tables.roles), None
        )
        sector = None if word in self.lex.words("state_nouns") or role is None else role.sector
        found = []
        owners = owner_of(Phrase(owner, [owner], "poss"))
        if owner.lower_ == "their" and pair is not None:
            owners = list(pair)  # "the two leaders agreed to instruct their ministries"
        for actor in owners:
            if actor.country is None or actor.country == "IGO" or len(actor.country) != 3:
                return [actor] if actor.country == "IGO" else None
            found.append(actor.in_sector(sector, text=head.text))
        return found or None

    def described_state(self, ph: Phrase, scope: SentenceScope) -> list[Actor] | None:
        """ "the South American nation", "the Asian nation's government": a state the story
        named, described instead of named again. It is the state last named before this
        sentence that does not act in it: the nearest named before the phrase, else in the
        story, that is not the clause's actor. None: not such a phrase."""
        newborn = self._newborn_state(ph, scope)
        if newborn is not None:
            return newborn
        holder = self._state_noun(ph)
        if holder is None:
            return None
        doc = ph.head.doc
        modifiers = [c for c in holder.children if c.dep_ in ("amod", "compound", "npadvmod")]
        if not modifiers or any(
            c.lower_ in self.lex.words("ordering_adjectives") or c.tag_ in ("CD", "JJS")
            for c in modifiers
        ):
            return None
        for m in scope.mentions_in(modifiers):
            actor = self.kb.resolve(m, scope.on)
            compass = m.start >= 1 and doc[m.start - 1].lower_ in self.lex.words("compass_words")
            if actor is not None and _is_state(actor.country) and not compass:
                return None  # "the Russian state": named, not described
        # the clause's actor is not the state it describes ("prompted Mexico to sever ties
        # with the South American nation"); with nobody named before the phrase, the story's
        # last actor is that actor
        first = min(t.i for t in ph.tokens)
        before = [m for m in scope.mentions if m.end <= first]
        acting = {
            a.country
            for m in before
            if _acts(doc[m.end - 1], self.lex) and (a := self.kb.resolve(m, scope.on)) is not None
        }
        if not before:
            acting |= {a.country for a in scope.ctx.last_sources}
        named = [a for m in reversed(before) if (a := self.kb.resolve(m, scope.on)) is not None]
        for actor in [*named, *(a for _, a in reversed(scope.ctx.recent))]:
            country = actor.country
            if _is_state(country) and country not in acting:
                role = next(
                    (
                        self.kb.tables.roles[w]
                        for w in role_words(ph.head)
                        if w in self.kb.tables.roles
                    ),
                    None,
                )
                sector = role.sector if role is not None and ph.head.i != holder.i else None
                return [actor.in_sector(sector, text=ph.head.text)]
        return None

    def _newborn_state(self, ph: Phrase, scope: SentenceScope) -> list[Actor] | None:
        """ "recognised the new state", "the breakaway region": the state the story last named
        as gaining independence, unless it acts in this sentence."""
        head = ph.head
        if head.lemma_.lower() not in self.lex.words("newborn_nouns") or head.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if not any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.lex.words("newborn_adjectives")
            for c in head.children
        ):
            return None
        doc = head.doc
        acting = {
            a.country
            for m in scope.mentions
            if _acts(doc[m.end - 1], self.lex) and (a := self.kb.resolve(m, scope.on)) is not None
        }
        for actor in reversed(scope.ctx.independent):
            if actor.country not in acting:
                return [replace(actor, text=head.text)]
        return None

    def _state_noun(self, ph: Phrase) -> Token | None:
        """The definite, singular state noun of a phrase, or the one that owns its head
        ("the Asian nation's government")."""
        nouns = self.lex.words("state_nouns")
        candidates = [ph.head, *(c for c in ph.head.children if c.dep_ == "poss")]
        for tok in candidates:
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            if tok.lemma_.lower() in nouns and tok.tag_ == "NN" and definite:
                return tok
        return None

    def role_in_context(self, ph: Phrase, scope: SentenceScope) -> list[Actor]:
        """ "The government", "the rebels", "police" with no state named: the state the
        sentence (or, failing that, the story) is about, with the role's sector."""
        head = ph.head
        if head.lemma_.lower() in self.lex.words("quantity_nouns"):  # "dozens of protesters"
            inner = [
                o for p in children(head, "prep") if p.lower_ == "of" for o in children(p, "pobj")
            ]
            head = inner[0] if inner else head
        roles = self.kb.tables.roles
        if not any(w in roles for w in role_words(head)):
            # "head of the Foreign Ministry's press bureau": the role inside the phrase
            head = next((t for t in ph.tokens if any(w in roles for w in role_words(t))), head)
        role = next((roles[w] for w in role_words(head) if w in roles), None)
        if role is None or head.pos_ not in ("NOUN", "PROPN"):
            return []
        # "the opposition leader": the article belongs to the head the role word compounds
        owner = ph.head if head.dep_ == "compound" and head.head.i == ph.head.i else head
        definite = any(
            c.dep_ == "det" and c.lower_ == "the" for c in (*head.children, *owner.children)
        )
        bare = self.lex.words("bare_roles") | self.lex.words("crowd_nouns")  # "a mob attacked"
        # "Rebels in Mali" opening a sentence is tagged a proper noun; in "opposition
        # groups" the role word is a compound of a plural head
        plural = head.tag_ in ("NNS", "NNPS") or ph.head.tag_ in ("NNS", "NNPS")
        plural = plural or bool(head.is_sent_start and head.lower_.endswith("s"))
        if not (plural or definite or head.lower_ in bare):
            return []  # "exchanged intelligence": a thing, not the intelligence services
        if any(c.dep_ == "poss" for c in head.children):
            return []  # "its army": the pronoun path decides
        if definite and head.tag_ in ("NN", "NNP"):
            holder = self._office_holder(head, scope)
            if holder is not None:  # "the President": the president the story named
                return [holder]
        court = self.organisations.last_of_sector(role.sector, head, scope)
        if court is not None and court.country == "IGO" and not scope.mentions_in(ph.tokens):
            return [replace(court, text=head.text)]  # "the ICC ... the judges"
        if definite and head.lemma_.lower() == "leader" and head.tag_ == "NNS":
            pair = scope.ctx.last_pair  # "the leaders": of the two states last acting together
            if pair and all(a.country != "IGO" for a in pair) and not scope.mentions_in(ph.tokens):
                return [replace(a, text=head.text) for a in pair]
        country = None
        # the place the role stands in ("protesters in Tbilisi"), else the nearest state
        # named before it, else the first named after it in the sentence
        sent_mentions = scope.mentions
        # a state named for its embassy ("outside the French Embassy") is not where a role
        # stands: the embassy is abroad
        sent_mentions = [m for m in sent_mentions if not names_a_mission(ph.head.doc, m)]
        # nor is the author of an act ("people killed in Israeli strikes" are not Israelis)
        sent_mentions = [m for m in sent_mentions if not _authors_an_act(ph.head.doc, m, self.lex)]
        # the place the role stands in: "rallied in Tbilisi"; not "accused Tajikistan"
        in_clause = [
            m
            for m in sent_mentions
            if m.is_place
            and _same_clause(ph.head, m)
            and _placed_at(_clause_of(ph.head), ph.head, ph.head.doc[m.start])
        ]
        before = [m for m in sent_mentions if m.end <= ph.head.i]
        after = [m for m in sent_mentions if m.start > ph.head.i]
        placed = False  # the role stands in a place this clause names
        for mention in in_clause:
            actor = self.kb.resolve(mention, scope.on)
            if actor is not None and actor.country not in (None, "IGO"):
                country, placed = actor, True
                break
        # the same role named earlier with its owner ("U.N. officials ... officials",
        # "Congolese protesters ... the crowd") before the nearest state named
        remembered = None if country is not None else self._named_role(head, before, scope)
        if remembered is None and country is None:
            for mention in reversed(before):
                actor = self.kb.resolve(mention, scope.on)
                if actor is not None and actor.country not in (None, "IGO"):
                    country = actor
                    break
        if remembered is not None:  # "the border service", "the court", named before
            if remembered.country == "IGO":
                return [replace(remembered, text=head.text)]
            return [remembered.in_sector(role.sector, text=head.text)]
        if country is None:
            # the story's state: who acted last, else who was named last; a state named
            # after the role comes last (after a subject it is most often the one acted on)
            story = [a for a in scope.ctx.last_sources] + [a for _, a in reversed(scope.ctx.recent)]
            resolved_after = [self.kb.resolve(m, scope.on) for m in after[:1]]
            for actor in [*story, *resolved_after]:
                if (
                    actor is not None
                    and actor.country not in (None, "IGO")
                    and len(actor.country) == 3
                ):
                    country = actor
                    break
        if country is None or country.country is None:
            return []
        found = country.in_sector(role.sector, text=head.text)
        if placed and head.dep_ in ("nsubj", "nsubjpass"):
            scope.ctx.roles.note(role_key(head, self.lex), found)  # "protesters in Kinshasa"
        return [found]

    def where_it_stands(
        self, ph: Phrase, mentions: list[Mention], scope: SentenceScope
    ) -> list[Actor]:
        """ "Opposition groups in Zimbabwe", "ethnic Albanians in Serbia": a public role, or
        a people named by its demonym, and the place it stands in: the place's state with
        the role's sector (a people: its civilians). Nothing when the phrase is not that."""
        roles = self.kb.tables.roles
        doc = ph.head.doc
        named = any(m.start <= ph.head.i < m.end and m.kind == "demonym" for m in mentions)
        # a public role: "the government in Kabul" is the capital's government already, and
        # "a camp inside Ecuador" is a place
        public = [
            roles[w] for t in (ph.head, *ph.head.children) for w in role_words(t) if w in roles
        ]
        if not named and not any(r.sector != "GOV" for r in public):
            return []
        placed = [m for m in mentions if in_locative(ph.head, doc[m.start])]
        others = [m for m in mentions if m not in placed]
        if not placed or not all(
            m.start <= ph.head.i < m.end and m.kind == "demonym" for m in others
        ):
            return []
        found = self.role_in_context(ph, scope)
        if found or not named:
            return found
        for m in placed:  # "ethnic Hungarians in Romania": Romania's civilians
            actor = self.kb.resolve(m, scope.on)
            if actor is not None and actor.country not in (None, "IGO"):
                return [actor.in_sector("CVL", text=ph.head.text)]
        return []

    def _office_holder(self, head: Token, scope: SentenceScope) -> Actor | None:
        """The person last named with this office ("US President Joe Biden ... the
        President"), in this sentence or before it."""
        word = head.lower_
        here = [m for m in scope.mentions if m.end <= head.i]
        named = [(m, self.kb.resolve(m, scope.on)) for m in reversed(here)]
        named += list(reversed(scope.ctx.recent))
        for mention, actor in named:
            if actor is None or mention.kind not in PERSON_KINDS:
                continue
            if word in mention.text.lower().split():
                return replace(actor, text=head.text)
        return None

    def _named_role(self, head: Token, before: list[Mention], scope: SentenceScope) -> Actor | None:
        """The actor a bare role word was tied to earlier: in this sentence ("U.N. officials
        said ... which officials charged"), else earlier in the story."""
        key = role_key(head, self.lex)
        for mention in reversed(before):
            if mention.kind in PERSON_KINDS:
                continue
            last = scope.sent.doc[mention.end - 1]
            if role_key(last, self.lex) == key and last.i != head.i:
                return self.kb.resolve(mention, scope.on)
        return scope.ctx.roles.actor_of(head) or scope.ctx.roles.actors.get(key)


def _authors_an_act(doc: Doc, mention: Mention, lex: Lexicon) -> bool:
    """ "Israeli strikes", "Russia's shelling": the state named as an event noun's author."""
    tok = doc[mention.end - 1]
    if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
        return False
    return tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in lex.nouns


def role_key(tok: Token, lex: Lexicon) -> str:
    """The word a role is remembered by; a crowd is one whatever it is called ("the
    protesters", "the mob")."""
    word = tok.lower_
    return "crowd" if word in lex.words("crowd_nouns") else word


def in_locative(top: Token, tok: Token) -> bool:
    cur = tok
    for _ in range(8):
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in LOCATIVE_PREPS:
            return True
        cur = cur.head
    return False


def _placed_at(clause: Token, role: Token, tok: Token) -> bool:
    """ "protesters rallied in Tbilisi", "attacked the embassy in Tehran": a place in a phrase
    of place under the role's clause. "Over" is a place only on the verb or the role itself
    ("flew over Syria"); deeper it is a topic ("a dispute over Western Sahara")."""
    cur = tok
    for _ in range(8):
        if cur.i == clause.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in LOCATIVE_PREPS:
            return cur.lower_ != "over" or cur.head.i in (clause.i, role.i)
        cur = cur.head
    return False


def names_a_mission(doc: Doc, mention: Mention) -> bool:
    """ "the French Embassy", "Mexico's embassy in Quito": the state owns a building abroad."""
    missions = lexicon_of(doc).words("mission_nouns")
    tok = doc[mention.end - 1]
    if tok.lower_ in missions:  # "the US Embassy" read as one mention, USAGOV
        return True
    head = tok.head if tok.dep_ in ("amod", "compound", "poss", "nmod") else None
    return head is not None and head.lower_ in missions


def _clause_of(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _same_clause(tok: Token, mention: Mention) -> bool:
    """A place named in the same clause: "protesters rallied in Tbilisi"."""
    other = tok.doc[mention.start]
    return _clause_of(tok).i == _clause_of(other).i and other.i != tok.i


def _acts(tok: Token, lex: Lexicon) -> bool:
    """A mention that names who acts: a subject, or the object of "urged X to", "prompted X to"."""
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "France, Britain and Italy recognised ...": every conjunct acts
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex.words("object_control_verbs")


def _is_state(country: str | None) -> bool:
    """A state (ISO 3166 or Kosovo), not a region, a bloc or an organisation."""
    return country is not None and (country in ISO3 or country == "XKX")
