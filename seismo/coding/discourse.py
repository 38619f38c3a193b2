"""The document's memory: who was last named, the story's date, and what a phrase refers to.

A reader going through a story remembers who was last named, the last pair of actors that
did something together, and the date the story has reached in the current paragraph. That
memory (`Context`) resolves "it", "they", "both sides", "the government" and undated
sentences the way a reader would, and nothing else. `SentenceScope` is one sentence seen
through that memory: everything a rule needs to know to name the actors of a phrase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from seismo.actors import ActorBase, Mention
from seismo.coding.arguments import PRONOUNS, RELATIVES, Phrase, phrase
from seismo.coding.constructions import RoleMemory
from seismo.coding.dating import SentenceDates
from seismo.coding.lexicon import Lexicon
from seismo.coding.roles import PERSON_KINDS, RoleReader, in_locative, names_a_mission, role_key
from seismo.coding.shortnames import state_by_name_word
from seismo.coding.storytime import StoryTime
from seismo.model import Actor, Document, Event, EventDate


@dataclass
class Context:
    """What a reader remembers while going through one document."""

    recent: list[tuple[Mention, Actor]] = field(default_factory=list)
    last_sources: list[Actor] = field(default_factory=list)
    last_pair: tuple[Actor, Actor] | None = None
    # the dates the story has reached (seismo/coding/storytime.py)
    clock: StoryTime = field(default_factory=lambda: StoryTime(None))
    flagged: EventDate | None = None  # a printed date the text contradicts, in this sentence
    paragraph: int = -1
    events: list[Event] = field(default_factory=list)
    roles: RoleMemory = field(default_factory=RoleMemory)  # "the Kyrgyz border service"
    # states the story named as newly independent ("X declared independence"), whom "the new
    # state" stands for
    independent: list[Actor] = field(default_factory=list)

    def remember(self, pairs: Iterable[tuple[Mention, Actor]]) -> None:
        self.recent.extend(pairs)
        del self.recent[:-30]

    def enter_paragraph(self, paragraph: int) -> None:
        """A new paragraph starts a new stretch of the story: its date is not carried."""
        if paragraph != self.paragraph:
            self.paragraph = paragraph
            self.clock.enter(paragraph)


@dataclass(frozen=True)
class SentenceScope:
    """One sentence of a document, with the document's memory and the day actors are read on.

    `on` is the date an actor is resolved as of ("the president" in a 2014 sentence); the
    coder narrows it per event with `at`.
    """

    doc: Document
    index: int
    sent: Span
    by_token: dict[int, Mention]
    mentions: list[Mention]
    ctx: Context
    dates: SentenceDates | None = None
    reference: EventDate | None = None
    on: dt.date | None = None

    def at(self, on: dt.date | None) -> SentenceScope:
        """The same sentence, with actors read as of `on`."""
        return replace(self, on=on)

    def mentions_in(self, tokens: Iterable[Token]) -> list[Mention]:
        seen: list[Mention] = []
        for tok in tokens:
            m = self.by_token.get(tok.i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen


class Discourse:
    """Resolves what phrases refer to, with the actor tables and the document's memory."""

    def __init__(self, kb: ActorBase, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex
        self.roles = RoleReader(kb, lex)

    def resolve(self, mention: Mention, on: dt.date | None) -> Actor | None:
        return self.kb.resolve(mention, on)

    def pronoun_actors(
        self, ph: Phrase, scope: SentenceScope, exclude: frozenset[str] = frozenset()
    ) -> list[Actor]:
        """Who a pronoun stands for. `exclude` names actors it cannot be (the subject of
        the verb whose object it is: "accusing it of" is not the accuser)."""
        word = ph.head.lower_
        personal = word in ("he", "she", "his", "her", "him")
        before = [m for m in scope.mentions if m.end <= ph.head.i]
        if personal:
            before = [m for m in before if m.kind in PERSON_KINDS] or []
        elif word in ("we", "our", "us"):
            # a quoted "our airspace": the speaker's side, most often the subject named first
            before = [m for m in before if is_subject(ph.head.sent, m)] or before
            before = [m for m in before if self.resolve(m, scope.on) is not None][:1]
        elif not exclude:
            # "it"/"they" most often take up the subject of the clause before them
            subjects = [m for m in before if is_subject(ph.head.sent, m)]
            before = subjects or [m for m in before if m.kind not in PERSON_KINDS]
        else:  # an object pronoun: the nearest actor named before that is not the subject
            before = [m for m in before if m.kind not in PERSON_KINDS]
        for mention in reversed(before):
            actor = self.resolve(mention, scope.on)
            if actor is not None and actor.key not in exclude:
                return [actor]
        ctx = scope.ctx
        if ctx.last_sources and not exclude:
            return list(ctx.last_sources)
        for mention, actor in reversed(ctx.recent):
            if (not personal or mention.kind in PERSON_KINDS) and actor.key not in exclude:
                return [actor]
        return []

    def actors_of(self, ph: Phrase, scope: SentenceScope) -> list[Actor]:
        """The actors a phrase names, resolved as of the event's date."""
        ctx = scope.ctx
        if ph.head.lower_ in PRONOUNS and not scope.mentions_in([ph.head]):
            return self.pronoun_actors(ph, scope)
        if ph.head.lower_ in RELATIVES:
            antecedent = _antecedent(ph.head)
            if antecedent is None:
                return []
            return self.actors_of(phrase(antecedent, "relative"), scope)
        pair = ctx.last_pair if names_a_pair(scope.sent) else None
        owned = self.roles.owned(ph, lambda owner: self.pronoun_actors(owner, scope), pair)
        if owned is not None:  # "his foreign minister", "its army", "his country"
            return owned
        body = self.roles.organisations.named_body(ph, scope)
        if body is not None:  # "the alliance", "the court"
            return body
        described = self.roles.described_state(ph, scope)
        if described is not None:  # "the South American nation"
            return described
        if not scope.mentions_in([ph.head]):  # "Sudan and South Sudan ... the South"
            named = [self.resolve(m, scope.on) for m in reversed(scope.mentions)]
            named += [a for _, a in reversed(ctx.recent)]
            short = state_by_name_word(
                ph.head, [a for a in named if a is not None], self.lex.words("compass_words")
            )
            if short is not None:
                return [short]
        if ctx.last_pair and _names_last_pair(ph, self.lex.words("pair_words")):
            if not scope.mentions_in(ph.tokens):
                return list(ctx.last_pair)
        if ph.via in ("subject", "controller") and scope.by_token.get(ph.head.i) is None:
            if ph.head.lemma_.lower() in self.lex.nouns:
                return []  # "Japan's sanctions met a reaction": the sanctions are the subject
        actors: list[Actor] = []
        mentions = scope.mentions_in(ph.tokens)
        # "the protesters outside the US Embassy": the embassy's state is where they stand,
        # not who they are
        # ("its embassy in Tehran": the city is where the embassy is, not whose it is)
        mentions = [
            m for m in mentions
            if not ((names_a_mission(ph.head.doc, m) or ph.head.lower_ in self.lex.words("mission_nouns"))
                    and in_locative(ph.head, ph.head.doc[m.start]))
        ]  # fmt: skip
        if mentions:
            # "opposition groups in Zimbabwe", "ethnic Albanians in Serbia": a role (or a
            # people) and the place it stands in
            standing = self.roles.where_it_stands(ph, mentions, scope)
            if standing:
                return standing
        if len(mentions) > 1:
            # "the US commander in Iraq": a place inside the phrase is not a second actor
            kept = [m for m in mentions if not in_locative(ph.head, ph.head.doc[m.start])]
            mentions = kept or mentions
        for mention in mentions:
            actor = self.resolve(mention, scope.on)
            if actor is None or any(a.code == actor.code for a in actors):
                continue
            same = [i for i, a in enumerate(actors) if a.key == actor.key]
            if same:
                # "United States President Joe Biden": one actor, the most specific reading
                if actors[same[0]].sector is None and actor.sector is not None:
                    actors[same[0]] = actor
                continue
            actors.append(actor)
        if not actors and ph.via.startswith("slot:"):
            actors = _territory_actors(ph, self.lex)
        if not actors:
            actors = self.roles.role_in_context(ph, scope)
        return actors

    def read_sentence(self, scope: SentenceScope, sent_events: list[Event]) -> None:
        """Remember what a coded sentence said: who it named, who acted, the date reached."""
        ctx, sent, doc = scope.ctx, scope.sent, scope.doc
        doc_tokens = sent.doc
        resolved = []
        for m in scope.mentions:
            actor = self.resolve(m, doc.published)
            if actor is not None:
                resolved.append((m, actor))
        ctx.remember(resolved)
        for m, actor in resolved:
            if m.kind not in PERSON_KINDS and ("/" in m.entry_id or actor.country == "IGO"):
                ctx.roles.note(m.text, actor)  # "Egypt's Foreign Ministry", "the ICC"
                ctx.roles.note(role_key(doc_tokens[m.end - 1], self.lex), actor)
            if _gains_independence(doc_tokens[m.end - 1], self.lex.words("independence_nouns")):
                ctx.independent.append(actor)
        asserted = [e for e in sent_events if e.modality == "asserted"]
        if sent_events:
            ctx.last_sources = [sent_events[0].source]
        elif resolved:
            subj = [a for m, a in resolved if is_subject(sent, m)]
            if subj:
                ctx.last_sources = subj[:1]
        for event in asserted or sent_events:  # the sentence's first pair is its main one
            if event.target is not None:
                ctx.last_pair = (event.source, event.target)
                break
        if scope.dates is not None:
            # carry what was meant, print what was said
            dated = [e.date for e in sent_events]
            ctx.clock.after(scope.dates, dated, ctx.flagged, scope.reference)
        ctx.flagged = None


def _gains_independence(tok: Token, nouns: frozenset[str]) -> bool:
    """ "Kosovo's independence", "Kosovo declared independence", "the secession of Kosovo": a
    mention of the state the independence is of (the owner, the subject, the "of" object)."""
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "of":
        gov = gov.head
    elif tok.dep_ in ("nsubj", "nsubjpass"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in gov.children)
    elif tok.dep_ != "poss":
        return False
    return gov.lemma_.lower() in nouns


def _names_last_pair(ph: Phrase, pair_words: frozenset[str]) -> bool:
    """ "both sides", "the two leaders", and their officials: "the defence ministers of both
    countries", "the two countries' security chiefs"."""
    holders = [ph.head] + [
        t for t in ph.tokens
        if t.dep_ in ("pobj", "poss") and t.head.i in (ph.head.i, *[c.i for c in ph.head.children])
    ]  # fmt: skip
    return any(
        t.lemma_.lower() in pair_words and any(c.lower_ in ("both", "two") for c in t.children)
        for t in holders
    )


def names_a_pair(sent: Span) -> bool:
    """ "both countries", "the two sides": the sentence may speak of the last pair."""
    return any(t.lower_ in ("both", "two") for t in sent)


def _antecedent(relative: Token) -> Token | None:
    """The noun a relative pronoun stands for: "the US, with which Tokyo signed ..."."""
    tok = relative
    for _ in range(4):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _territory_actors(ph: Phrase, lex: Lexicon) -> list[Actor]:
    """A seized place stands for the state it was taken from (rules/territories.yaml)."""
    text = " ".join(t.text for t in ph.tokens)
    for place in lex.territories:
        if place.pattern.search(text):
            name, country = place.name, place.country
            return [Actor(code=country, country=country, sector=None, name=name, text=name)]
    return []


def is_subject(sent: Span, mention: Mention) -> bool:
    tok = sent.doc[mention.start]
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def paragraph_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
