"""Sentence by sentence, turn triggers and their arguments into coded events.

The coder keeps a little memory of the document (`Context`): who was last named, the last
pair of actors that did something together, and the date the story has reached in the
current paragraph. That memory resolves "it", "they", "both sides" and undated sentences
the way a reader would, and nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from seismo.actors import ActorBase, Mention
from seismo.coding.arguments import (
    PRONOUNS,
    RELATIVES,
    Phrase,
    children,
    companion_phrases,
    direct_object,
    is_passive,
    locative_phrases,
    noun_slot_phrases,
    phrase,
    subject_of,
    verb_slot_phrases,
)
from seismo.coding.cameo import lookup
from seismo.coding.dating import (
    SentenceDates,
    contradicted_year,
    known_event_date,
    sentence_reference_date,
)
from seismo.coding.lexicon import Lexicon
from seismo.coding.modality import Modality, is_negated, modality_of
from seismo.coding.storytime import OPENING_PARAGRAPHS, StoryTime
from seismo.coding.triggers import QUANTITY_NOUNS, Trigger, find_triggers
from seismo.model import Actor, Document, Event, EventDate, Location, Stance

TERRITORIES_FILE = Path(__file__).resolve().parent / "tables" / "territories.yaml"


@functools.cache
def territories() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """Places whose seizure is an act against a state (tables/territories.yaml)."""
    raw = yaml.safe_load(TERRITORIES_FILE.read_text(encoding="utf-8")) or {}
    out = []
    for entry in raw.get("territories", []):
        for name in entry["names"]:
            out.append((re.compile(rf"\b{re.escape(name)}\b"), str(entry["country"]), name))
    return tuple(out)


# A promise or agreement to do X is CAMEO's "express intent to X" (root 03) ...
INTENT_CODES = {"01": "030", "02": "030", "03": None, "04": "036", "05": "032", "06": "031",
                "07": "033", "08": "035"}  # fmt: skip
# ... a refusal of a cooperative act is a rejection (root 12) ...
REJECT_CODES = {"01": "120", "02": "120", "03": "120", "04": "125", "05": "120", "06": "121",
                "07": "122", "08": "124"}  # fmt: skip
# ... and a threat to do harm is a threat (root 13).
THREAT_CODES = {"16": "1312", "17": "137", "18": "138", "19": "138", "20": "138"}
# Roots where an event without a named target is still worth keeping ("condemned the raid").
TARGETLESS_ROOTS = frozenset({"11"})
# ... and, for a specific verb pattern ("fired a missile into the sea", "imposed a curfew",
# "released prisoners", "rallied"), acts with no other party: yield, reject, protest, force
# posture, coercion.
TARGETLESS_SPECIFIC_ROOTS = frozenset({"08", "12", "14", "15", "17"})
# Roles that name a body of the state even without an article ("Police arrested ...").
BARE_ROLES = frozenset({"police", "government", "military", "army", "navy", "opposition",
                        "parliament", "junta", "regime", "congress", "cabinet"})  # fmt: skip
TOPIC_PREPS = ("from", "about", "over", "regarding", "concerning", "for", "on")
PERSON_KINDS = frozenset({"person", "office_title"})


@dataclass
class Context:
    """What a reader remembers while going through one document."""

    recent: list[tuple[Mention, Actor]] = field(default_factory=list)
    last_sources: list[Actor] = field(default_factory=list)
    last_pair: tuple[Actor, Actor] | None = None
    clock: StoryTime = field(default_factory=lambda: StoryTime(None))
    flagged: EventDate | None = None  # a printed date the text contradicts, in this sentence
    paragraph: int = -1
    events: list[Event] = field(default_factory=list)

    def remember(self, pairs: Iterable[tuple[Mention, Actor]]) -> None:
        self.recent.extend(pairs)
        del self.recent[:-30]


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _tense(sent: Span) -> str | None:
    root = sent.root
    if any(c.lower_ in ("will", "shall") for c in root.children if c.dep_ == "aux"):
        return "future"
    if root.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in root.children):
        return "past"
    return None


class Coder:
    """Codes one parsed document into events; the patterns and actors are loaded once."""

    def __init__(self, kb: ActorBase, lex: Lexicon) -> None:
        self.kb = kb
        self.lex = lex

    # -- actors -----------------------------------------------------------------------
    def _resolve(self, mention: Mention, on: dt.date | None) -> Actor | None:
        return self.kb.resolve(mention, on)

    def _mentions_in(self, tokens: list[Token], by_token: dict[int, Mention]) -> list[Mention]:
        seen: list[Mention] = []
        for tok in tokens:
            m = by_token.get(tok.i)
            if m is not None and m not in seen:
                seen.append(m)
        return seen

    def _pronoun_actors(
        self, ph: Phrase, sent_mentions: list[Mention], ctx: Context, on: dt.date | None
    ) -> list[Actor]:
        word = ph.head.lower_
        personal = word in ("he", "she", "his", "her", "him")
        before = [m for m in sent_mentions if m.end <= ph.head.i]
        if personal:
            before = [m for m in before if m.kind in PERSON_KINDS] or []
        else:
            # "it"/"they" most often take up the subject of the clause before them
            subjects = [m for m in before if _is_subject(ph.head.sent, m)]
            before = subjects or [m for m in before if m.kind not in PERSON_KINDS]
        for mention in reversed(before):
            actor = self._resolve(mention, on)
            if actor is not None:
                return [actor]
        if ctx.last_sources:
            return list(ctx.last_sources)
        for mention, actor in reversed(ctx.recent):
            if not personal or mention.kind in PERSON_KINDS:
                return [actor]
        return []

    def actors_of(
        self,
        ph: Phrase,
        by_token: dict[int, Mention],
        sent_mentions: list[Mention],
        ctx: Context,
        on: dt.date | None,
    ) -> list[Actor]:
        """The actors a phrase names, resolved as of the event's date."""
        if ph.head.lower_ in PRONOUNS and not self._mentions_in([ph.head], by_token):
            return self._pronoun_actors(ph, sent_mentions, ctx, on)
        if ph.head.lower_ in RELATIVES:
            antecedent = _antecedent(ph.head)
            if antecedent is None:
                return []
            return self.actors_of(phrase(antecedent, "relative"), by_token, sent_mentions, ctx, on)
        if ph.head.lemma_.lower() in self.lex.words("pair_words") and ctx.last_pair:
            quantified = any(c.lower_ in ("both", "two") for c in ph.head.children)
            if quantified and not self._mentions_in(ph.tokens, by_token):
                return list(ctx.last_pair)
        if ph.via in ("subject", "controller") and by_token.get(ph.head.i) is None:
            if ph.head.lemma_.lower() in self.lex.nouns:
                return []  # "Japan's sanctions met a reaction": the sanctions are the subject
        actors: list[Actor] = []
        mentions = self._mentions_in(ph.tokens, by_token)
        if len(mentions) > 1:
            # "the US commander in Iraq": a place inside the phrase is not a second actor
            kept = [m for m in mentions if not _in_locative(ph.head, ph.head.doc[m.start])]
            mentions = kept or mentions
        for mention in mentions:
            actor = self._resolve(mention, on)
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
            actors = _territory_actors(ph)
        if not actors:
            actors = self._role_in_context(ph, sent_mentions, ctx, on)
        return actors

    def _role_in_context(
        self, ph: Phrase, sent_mentions: list[Mention], ctx: Context, on: dt.date | None
    ) -> list[Actor]:
        """ "The government", "the rebels", "police" with no state named: the state the
        sentence (or, failing that, the story) is about, with the role's sector."""
        head = ph.head
        if head.lemma_.lower() in QUANTITY_NOUNS:  # "dozens of protesters"
            inner = [
                o for p in children(head, "prep") if p.lower_ == "of" for o in children(p, "pobj")
            ]
            head = inner[0] if inner else head
        role = self.kb.tables.roles.get(head.lower_)
        if role is None or head.pos_ not in ("NOUN", "PROPN"):
            return []
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if not (head.tag_ == "NNS" or definite or head.lower_ in BARE_ROLES):
            return []  # "exchanged intelligence": a thing, not the intelligence services
        if any(c.dep_ == "poss" for c in head.children):
            return []  # "its army": the pronoun path decides
        country = None
        # the place the role stands in ("protesters in Tbilisi"), else the nearest state
        # named before it, else the first named after it in the sentence
        in_clause = [m for m in sent_mentions if m.is_place and _same_clause(ph.head, m)]
        before = [m for m in sent_mentions if m.end <= ph.head.i]
        after = [m for m in sent_mentions if m.start > ph.head.i]
        for mention in [*in_clause, *reversed(before), *after[:1]]:
            actor = self._resolve(mention, on)
            if actor is not None and actor.country not in (None, "IGO"):
                country = actor
                break
        if country is None:
            for _, actor in reversed(ctx.recent):
                if actor.country not in (None, "IGO") and len(actor.country) == 3:
                    country = actor
                    break
        if country is None or country.country is None:
            return []
        code = f"{country.country}{role.sector}"
        return [Actor(code=code, country=country.country, sector=role.sector,
                      name=country.name, text=head.text)]  # fmt: skip

    # -- one trigger --------------------------------------------------------------------
    def _arguments(
        self, trig: Trigger, by_token: dict[int, Mention], sent_mentions: list[Mention],
        ctx: Context, on: dt.date | None,
    ) -> tuple[list[Actor], list[Actor], str]:  # fmt: skip
        tok = trig.token
        how = "direct"

        def resolve_all(phrases: list[Phrase]) -> list[Actor]:
            nonlocal how
            found: list[Actor] = []
            for ph in phrases:
                for actor in self.actors_of(ph, by_token, sent_mentions, ctx, on):
                    if all(a.code != actor.code for a in found):
                        found.append(actor)
                if found and (ph.is_pronoun or ph.via == "controller"):
                    how = "inferred"
            return found

        if trig.nominal:
            sources = resolve_all(noun_slot_phrases(tok, trig.rule.source))
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
            if not sources and tok.dep_ == "pobj":
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
                and obj.lemma_.lower() in self.lex.nouns
                and obj.lemma_.lower() not in trig.rule.objects  # "lodged a protest with X"
            ):
                # "condemned the sanctions against X": the target is who imposed them, not X
                noun_rule = self.lex.nouns[obj.lemma_.lower()]
                tgt_phrases = noun_slot_phrases(obj, noun_rule.source)
            companions = companion_phrases(tok)
            if companions:
                extra = resolve_all(companions)
                if is_passive(tok):
                    tgt_phrases = tgt_phrases + companions
                else:
                    sources = sources + [a for a in extra if a not in sources]
            if not sources and found is not None and found.head.lemma_.lower() in self.lex.nouns:
                # "Israeli air strikes killed 20 people": an attack noun's own source acts
                noun_rule = self.lex.nouns[found.head.lemma_.lower()]
                if noun_rule.code[:2] >= "18" and trig.rule.code[:2] >= "18":
                    sources = resolve_all(noun_slot_phrases(found.head, noun_rule.source))
            if not sources and found is None and is_passive(tok):
                sources = self._agentless_source(tok, tgt_phrases, by_token, sent_mentions, ctx, on)
                how = "inferred"
        targets: list[Actor] = []
        slot_found: str | None = None
        for ph in tgt_phrases:
            if slot_found is not None and ph.via != slot_found and ph.via != "companion":
                continue  # a slot further down the pattern's list: only companions join
            for actor in self.actors_of(ph, by_token, sent_mentions, ctx, on):
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
                targets = self.actors_of(
                    Phrase(obj_phrase.head, kept, "object"), by_token, sent_mentions, ctx, on
                )
            if targets:
                how = "object"
        if not targets and not trig.nominal and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            # "condemned the seizure of the tanker by Iran and demanded its release"
            first = direct_object(tok.head)
            if first is not None:
                targets = [
                    a for a in self.actors_of(phrase(first, "slot:shared"), by_token,
                                              sent_mentions, ctx, on)
                    if all(a.code != s.code for s in sources)
                ]  # fmt: skip
                if targets:
                    how = "object"
        return sources, targets, how

    def _agentless_source(
        self, verb: Token, tgt_phrases: list[Phrase], by_token: dict[int, Mention],
        sent_mentions: list[Mention], ctx: Context, on: dt.date | None,
    ) -> list[Actor]:  # fmt: skip
        """Who acted in a passive without "by": the host named by the place ("invited to
        speak in the Diet"), else the last actor named before that is not the target."""
        for ph in locative_phrases(verb):
            found = self.actors_of(ph, by_token, sent_mentions, ctx, on)
            if found:
                return found[:1]
        target_keys = set()
        for ph in tgt_phrases:
            target_keys |= {a.key for a in self.actors_of(ph, by_token, sent_mentions, ctx, on)}
        for mention, actor in reversed(ctx.recent):
            if actor.key not in target_keys and mention.kind not in PERSON_KINDS:
                return [actor]
        return []

    def _code_for(self, code: str, modality: Modality) -> tuple[str, str] | None:
        root = code[:2]
        if modality.kind == "intent_expressed":
            if root in THREAT_CODES:
                if modality.governor == "vow":  # "vowed to retaliate": a threat
                    return THREAT_CODES[root], "asserted"
                return code, "intended"  # "pledged to expel": a commitment, not yet done
            return (INTENT_CODES.get(root) or code), "asserted"
        if modality.kind == "refused":
            if root in REJECT_CODES:
                return REJECT_CODES[root], "asserted"
            return code, "negated"
        if modality.kind == "threatened":
            return THREAT_CODES.get(root, "130"), "asserted"
        if modality.value == "intended":
            # CAMEO codes a stated plan as the statement: "will send aid" is an intent to
            # cooperate (03), "wants to attack" a threat (13); the modality stays "intended"
            if root in INTENT_CODES:
                return (INTENT_CODES[root] or code), "intended"
            if root in THREAT_CODES:
                return THREAT_CODES[root], "intended"
        return code, modality.value

    def _location(self, trig: Trigger, by_token: dict[int, Mention]) -> Location | None:
        verb = trig.light_verb or trig.token
        for holder in (trig.token, verb):
            for prep in children(holder, "prep"):
                if prep.lower_ not in ("in", "at"):
                    continue
                for obj in children(prep, "pobj"):
                    if obj.ent_type_ in ("GPE", "LOC", "FAC"):
                        ent = next((e for e in obj.doc.ents if e.start <= obj.i < e.end), None)
                        name = ent.text if ent is not None else obj.text
                        mention = by_token.get(obj.i)
                        country = None
                        if mention is not None and mention.is_place:
                            actor = self.kb.resolve(mention, None)
                            country = actor.country if actor else None
                        return Location(name=name, country=country)
        return None

    def _confidence(
        self, trig: Trigger, how: str, date: EventDate, n_targets: int, code: str
    ) -> float:
        """How much to trust an event, from how directly its parts were found.

        Checked against gold data by benchmarks/bench_calibration.py: a verb pattern that
        names its object ("imposed sanctions") beats a bare verb, actors found in the
        clause beat actors taken from context, a generic code ("some cooperation") or an
        event with no target is shakier.
        """
        rule = trig.rule
        score = 0.55
        score += 0.15 if not trig.nominal else 0.05
        score += {"direct": 0.15, "clause": 0.0, "object": -0.05, "inferred": -0.1}[how]
        score += 0.05 if date.value and date.text and not date.text.startswith("(") else 0.0
        score += 0.05 if (rule.objects or rule.pobj or rule.prt) else 0.0
        score -= 0.1 if n_targets == 0 else 0.05 * max(0, n_targets - 2)
        score -= 0.1 if code.endswith("0") and len(code) == 3 else 0.0
        return max(0.05, min(0.99, score))

    def events_for(
        self, trig: Trigger, doc: Document, si: int, sent: Span, dates: SentenceDates,
        by_token: dict[int, Mention], sent_mentions: list[Mention], ctx: Context,
        reference: EventDate | None,
    ) -> list[Event]:  # fmt: skip
        modality = modality_of(trig.token, self.lex)
        if trig.nominal and trig.light_verb is None and modality.kind != "refused":
            # a named event ("the 1956 declaration", "Russia's invasion") is a reference to
            # something that happened, whatever the verb around it plans
            modality = Modality("negated") if is_negated(trig.token) else Modality("asserted")
        coded = self._code_for(trig.rule.code, modality)
        if coded is None:
            return []
        code, mod = coded
        date, carried = ctx.clock.date_for(trig.token, mod, dates, reference)
        on = date.start or doc.published
        if trig.rule.copy:
            return self._copy(trig, doc, si, sent, by_token, sent_mentions, ctx, date, mod, on)
        sources, targets, how = self._arguments(trig, by_token, sent_mentions, ctx, on)
        if not sources and not (trig.rule.symmetric and len(targets) >= 2):
            return []
        pairs: list[tuple[Actor, Actor | None]] = []
        if not sources:
            # "restored relations between both countries": the two are the parties
            pairs = [(targets[0], t) for t in targets[1:] if t.key != targets[0].key]
        elif targets:
            # co-actors are not each other's targets ("Russian and Chinese ships patrolled")
            # (unless the subject was "both sides", which names the target too)
            # Actors of one state with different roles may act on each other (rebels and
            # their government): compare full codes, not countries.
            source_codes = {s.code for s in sources} if how == "direct" else set()
            pairs = [
                (s, t) for s in sources for t in targets
                if t.code != s.code and t.code not in source_codes
                and not (t.key == s.key and (s.sector is None or t.sector is None))
            ]  # fmt: skip
        if not pairs and len(sources) >= 2 and trig.rule.symmetric:
            # "talks between Russia and Ukraine": one phrase names both parties
            pairs = [(sources[0], t) for t in sources[1:] if t.key != sources[0].key]
        if (
            not pairs
            and not targets
            and sources
            and (
                code[:2] in TARGETLESS_ROOTS
                or (
                    code[:2] in TARGETLESS_SPECIFIC_ROOTS
                    and not trig.nominal
                    and (trig.rule.objects or trig.rule.prt or trig.rule.pobj)
                )
            )
        ):
            pairs = [(s, None) for s in sources]
        if not pairs:
            return []
        if trig.nominal and (trig.light_verb is None or not date.value or carried):
            known = known_event_date(
                pairs[0][0].country, pairs[0][1].country if pairs[0][1] else None,
                code[:2], trig.token.lemma_.lower(), doc.published,
            )  # fmt: skip
            if known is not None:
                date, carried = replace(known, basis="text"), False
        if date.value and not carried and pairs[0][1] is not None:
            src, tgt = pairs[0][0].key, pairs[0][1].key
            answered = [e.date for e in ctx.events
                        if e.source.key == tgt and e.target is not None and e.target.key == src
                        and e.root in ("16", "17", "13", "11")]  # fmt: skip
            flagged = contradicted_year(date, sent.text, answered)
            if flagged is not None:
                date = flagged
                ctx.flagged = flagged
        info = lookup(code)
        location = self._location(trig, by_token)
        confidence = self._confidence(trig, how, date, len(targets), code)
        trigger_text = trig.token.text
        if trig.light_verb is not None:
            trigger_text = f"{trig.light_verb.text} {trig.token.text}"
        events = []
        for source, target in pairs:
            events.append(
                Event(
                    doc_id=doc.doc_id,
                    sentence_index=si,
                    sentence=" ".join(sent.text.split()),
                    source=source,
                    target=target,
                    cameo=code,
                    goldstein=info.goldstein,
                    quad_class=info.quad_class,
                    plover={"event_type": info.plover_type, "mode": info.plover_mode},
                    date=date,
                    modality=mod,
                    location=location,
                    confidence=confidence,
                    trigger=trigger_text,
                    content_hash=doc.content_hash,
                )
            )
        return events

    def _copy(
        self, trig: Trigger, doc: Document, si: int, sent: Span, by_token: dict[int, Mention],
        sent_mentions: list[Mention], ctx: Context, date: EventDate, mod: str, on: dt.date | None,
    ) -> list[Event]:  # fmt: skip
        """ "X joined them": the last event again, with X as its source."""
        recent = [e for e in ctx.events if e.sentence_index >= si - 1]
        if not recent:
            return []
        # "joined them" after "imposed sanctions on X": the sanctions, not a noun in passing
        obj = trig.obj.lemma_.lower() if trig.obj is not None else ""
        preferred = [e for e in recent if e.root == "16"] if obj in trig.rule.objects else []
        model = (preferred or recent)[-1]
        found = subject_of(trig.token)
        if found is None:
            return []
        sources = self.actors_of(found, by_token, sent_mentions, ctx, on)
        out = []
        for source in sources:
            if model.target is not None and source.key == model.target.key:
                continue
            out.append(
                Event(
                    doc_id=doc.doc_id, sentence_index=si, sentence=" ".join(sent.text.split()),
                    source=source, target=model.target, cameo=model.cameo,
                    goldstein=model.goldstein, quad_class=model.quad_class, plover=model.plover,
                    date=date if date.value else model.date, modality=mod,
                    confidence=max(0.05, model.confidence - 0.15), trigger=trig.token.text,
                    content_hash=doc.content_hash,
                )
            )  # fmt: skip
        return out

    # -- one document -------------------------------------------------------------------
    def code(self, doc: Document, sdoc: Doc) -> tuple[list[Event], list[Stance]]:
        """All events and stances of a parsed document."""
        from seismo.coding.stances import StanceReader

        reader = StanceReader(self)
        stances: list[Stance] = []
        mentions = self.kb.find_mentions(sdoc)
        by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token.setdefault(i, m)
        paragraph_starts = _paragraph_starts(sdoc.text)
        ctx = Context()
        events: list[Event] = []
        sentences = list(enumerate(sdoc.sents))
        opening = [
            SentenceDates.find(sent, doc.published, _tense(sent))
            for _, sent in sentences
            if _paragraph_index(paragraph_starts, sent.start_char) < OPENING_PARAGRAPHS
        ]
        ctx.clock = StoryTime.open(doc.published, opening)
        seen: set[tuple[str, str | None, str, str | None, str]] = set()
        for si, sent in sentences:
            para = _paragraph_index(paragraph_starts, sent.start_char)
            if para != ctx.paragraph:
                ctx.paragraph = para
                ctx.clock.enter(para)
            sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
            if not sent_mentions and not (ctx.last_pair and _names_a_pair(sent)):
                if not ctx.recent or not any(t.lower_ in self.kb.tables.roles for t in sent):
                    continue  # nobody named, nobody to infer: nothing to code
            dates = SentenceDates.find(sent, doc.published, _tense(sent))
            reference = (
                None if dates.expressions else sentence_reference_date(sent.text, doc.published)
            )
            sent_events: list[Event] = []
            for trig in find_triggers(sent, self.lex):
                for event in self.events_for(
                    trig, doc, si, sent, dates, by_token, sent_mentions, ctx, reference
                ):
                    key = (event.source.code, event.target.code if event.target else None,
                           event.cameo, event.date.value, event.modality)  # fmt: skip
                    if key in seen:
                        continue
                    seen.add(key)
                    sent_events.append(event)
                    ctx.events.append(event)
            events.extend(sent_events)
            sentence_date = ctx.clock.stance_date(dates, sent.root)
            stances.extend(
                reader.read(doc, si, sent, sentence_date, by_token, sent_mentions, ctx, sent_events)
            )
            self._update_context(ctx, sent, sent_mentions, sent_events, dates, reference, doc)
        return events, stances

    def _update_context(
        self, ctx: Context, sent: Span, sent_mentions: list[Mention], sent_events: list[Event],
        dates: SentenceDates, reference: EventDate | None, doc: Document,
    ) -> None:  # fmt: skip
        resolved = []
        for m in sent_mentions:
            actor = self._resolve(m, doc.published)
            if actor is not None:
                resolved.append((m, actor))
        ctx.remember(resolved)
        asserted = [e for e in sent_events if e.modality == "asserted"]
        if sent_events:
            ctx.last_sources = [sent_events[0].source]
        elif resolved:
            subj = [a for m, a in resolved if _is_subject(sent, m)]
            if subj:
                ctx.last_sources = subj[:1]
        for event in asserted or sent_events:  # the sentence's first pair is its main one
            if event.target is not None:
                ctx.last_pair = (event.source, event.target)
                break
        # carry what was meant, print what was said
        ctx.clock.after(dates, [e.date for e in sent_events], ctx.flagged, reference)
        ctx.flagged = None


LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across"})


def _in_locative(top: Token, tok: Token) -> bool:
    cur = tok
    for _ in range(8):
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ in LOCATIVE_PREPS:
            return True
        cur = cur.head
    return False


def _clause_of(tok: Token) -> Token:
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _same_clause(tok: Token, mention: Mention) -> bool:
    """A place named in the same clause: "protesters rallied in Tbilisi"."""
    other = tok.doc[mention.start]
    return _clause_of(tok).i == _clause_of(other).i and other.i != tok.i


def _names_a_pair(sent: Span) -> bool:
    """ "both countries", "the two sides": the sentence may speak of the last pair."""
    return any(t.lower_ in ("both", "two") for t in sent)


def _under_prep(tok: Token, top: Token, word: str) -> bool:
    """Whether `tok` sits under a "from ..." (or other) phrase below `top`."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ == word:
            return True
        cur = cur.head
    return False


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


def _territory_actors(ph: Phrase) -> list[Actor]:
    text = " ".join(t.text for t in ph.tokens)
    for pattern, country, name in territories():
        if pattern.search(text):
            return [Actor(code=country, country=country, sector=None, name=name, text=name)]
    return []


def _is_subject(sent: Span, mention: Mention) -> bool:
    tok = sent.doc[mention.start]
    while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _paragraph_index(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
