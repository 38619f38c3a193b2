"""Organisations named again without their name: "the alliance", "the regional leaders",
"the judges" after "the ICC".

A reader takes such a phrase for the organisation the story last named: an organisation noun
("NATO ... the alliance"), a role with a regional adjective ("ECOWAS ... the regional
leaders"), or a role noun of the sector the organisation is ("the ICC ... the judges": a
court's judges, not the judiciary of the state the story is about).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from seismo.actors import ActorBase
from seismo.coding.arguments import Phrase
from seismo.coding.lexicon import Lexicon
from seismo.model import Actor

if TYPE_CHECKING:
    from seismo.coding.discourse import SentenceScope


class OrganisationReader:
    """Resolves phrases that take up an organisation named before."""

    def __init__(self, kb: ActorBase, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex
        # what an organisation is ("the ICC": JUD), for its bare role nouns ("the judges")
        self._org_sectors = {e.code: e.sector for e in kb.tables.entries.values() if e.igo}

    def named_body(self, ph: Phrase, scope: SentenceScope) -> list[Actor] | None:
        """ "NATO leaders met ... The alliance condemned", "the ICC ... the court": a definite
        organisation noun with nothing named in it is the organisation last named, in this
        sentence or before it. None: not such a phrase, or no organisation named."""
        head = ph.head
        if head.lower_ in self.lex.words("group_nouns"):
            return self._named_group(ph, scope)
        regional = head.lower_ in self.kb.tables.roles and any(
            c.dep_ == "amod" and c.lower_ in self.lex.words("regional_adjectives")
            for c in head.children
        )  # "the regional leaders", not "the regional power"
        if not regional and (
            head.lemma_.lower() not in self.lex.words("organisation_nouns") or head.tag_ != "NN"
        ):
            return None
        if head.dep_ == "poss":
            return None  # "at the alliance's summit": a host, not a party of the talks
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        members = {  # "the force, including troops from Ghana": the force and its members
            t.i
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in self.lex.words("member_preps")
            for t in c.subtree
        }
        if scope.mentions_in(t for t in ph.tokens if t.i not in members):
            return None
        listed = [
            self.kb.resolve(m, scope.on)
            for m in scope.mentions_in(head.doc[i] for i in sorted(members))
        ]
        here = [m for m in scope.mentions if m.end <= head.i]
        named = [self.kb.resolve(m, scope.on) for m in reversed(here)]
        named += [a for _, a in reversed(scope.ctx.recent)]
        for actor in named:
            if actor is not None and actor.country == "IGO":
                return [replace(actor, text=head.text), *(a for a in listed if a is not None)]
        # "the regional leaders" before any organisation is named: not the states last named
        return [] if regional else None

    def last_of_sector(self, sector: str, head: Token, scope: SentenceScope) -> Actor | None:
        """The actor of this sector the text named last (a court for "the judges"), if an
        organisation of that sector was named: states' courts are found the usual way."""
        if sector not in self._org_sectors.values():
            return None
        here = [self.kb.resolve(m, scope.on) for m in scope.mentions if m.end <= head.i]
        for actor in [*reversed(here), *(a for _, a in reversed(scope.ctx.recent))]:
            if actor is not None and sector in (actor.sector, self._org_sectors.get(actor.code)):
                return actor
        return None

    def _named_group(self, ph: Phrase, scope: SentenceScope) -> list[Actor] | None:
        """ "the group warned": the last group the story named, an armed group or opposition
        body (REB, SEP, OPP) or an organisation; states and people are not groups."""
        head = ph.head
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if scope.mentions_in(ph.tokens):
            return None
        here = [m for m in scope.mentions if m.end <= head.i]
        named = [self.kb.resolve(m, scope.on) for m in reversed(here)]
        named += [a for _, a in reversed(scope.ctx.recent)]
        for actor in named:
            if actor is None:
                continue
            if actor.country == "IGO" or actor.sector in ("REB", "SEP", "OPP"):
                return [replace(actor, text=head.text)]
        return None
