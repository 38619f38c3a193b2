"""Stances: how one state says it sees another ("Japan now calls Russia a challenge").

Three shapes carry a stance:
- a verb of regarding with a complement: "regards X as a threat", "X was considered a
  challenge", "called X an ally", "did not treat X as a threat but as a partner";
- a relation noun with a partner: "its alliance with X", "with which it has an alliance";
- a designation: "put X on its list of unfriendly countries" (read from the event coded there),
  and a joint declaration of friendship or partnership (both ways).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from seismo.coding.arguments import RELATIVES, children, direct_object, phrase, subject_of
from seismo.coding.discourse import Discourse, SentenceScope
from seismo.coding.lexicon import Lexicon
from seismo.coding.modality import is_negated, modality_of
from seismo.model import Actor, Event, EventDate, Stance


def _kind(tok: Token, lex: Lexicon) -> str | None:
    """The stance a complement states ("a threat", "an unfriendly country"), from
    rules/stances.yaml."""
    kind = lex.table("stances", "kinds").get(tok.lemma_.lower())
    if kind is None:
        unfriendly = lex.word_set("stances", "unfriendly_words")
        for child in tok.children:
            if child.dep_ == "amod" and child.lemma_.lower() in unfriendly:
                return "unfriendly"
    return kind


def _complements(verb: Token) -> list[tuple[Token, bool]]:
    """The complements of a regard verb, each with whether it is denied."""
    found: list[tuple[Token, bool]] = []
    negated = is_negated(verb)
    for prep in children(verb, "prep"):
        if prep.lower_ != "as":
            continue
        first = True
        for obj in children(prep, "pobj"):
            found.append((obj, negated and first))
        for conj in children(prep, "conj"):  # "not as a threat but as a partner"
            for obj in children(conj, "pobj"):
                found.append((obj, False))
            first = False
    for conj in children(verb, "conj"):  # spaCy may hang "but as a partner" on the verb
        if conj.lower_ == "as":
            for obj in children(conj, "pobj"):
                found.append((obj, False))
    for comp in children(verb, "oprd", "attr", "xcomp", "ccomp"):
        head = comp
        if comp.pos_ in ("VERB", "AUX"):  # "considered to be a challenge"
            attrs = children(comp, "attr")
            if not attrs:
                continue
            head = attrs[0]
        found.append((head, negated))
    objs = children(verb, "dobj")
    if objs:  # "called X a threat": spaCy often hangs the second noun on the first
        for child in children(objs[0], "appos", "npadvmod", "attr", "oprd"):
            found.append((child, negated))
    return found


class StanceReader:
    """Finds stances in a sentence using the document's actors and memory."""

    def __init__(self, discourse: Discourse) -> None:
        self.discourse = discourse
        self.holders: list[Actor] = []

    def _actors(self, head: Token, scope: SentenceScope) -> list[Actor]:
        if head.lower_ in RELATIVES and head.dep_ == "pobj":
            # "Washington, with which it has an alliance": the actor just before "with which"
            prep = head.head
            before = [m for m in scope.mentions if prep.i - 3 <= m.end - 1 < prep.i]
            if before:
                actor = self.discourse.resolve(before[-1], scope.on)
                return [actor] if actor is not None else []
        if head.lower_ in RELATIVES:
            head = head.head.head if head.head.dep_ == "prep" else head.head
            while head.dep_ == "relcl":
                head = head.head
            # "X, with which it has an alliance": the relative stands for the noun before
            if head.pos_ in ("VERB", "AUX") and head.dep_ == "relcl":
                head = head.head
        return self.discourse.actors_of(phrase(head, "stance"), scope)

    def _holder(self, verb: Token, scope: SentenceScope) -> list[Actor]:
        """The subject, else the state that has voiced most stances in this document so far
        (analyses follow one state's view: "the strategy listed X as a threat")."""
        found = subject_of(verb)
        holders = self.discourse.actors_of(found, scope) if found else []
        if not holders and self.holders:
            counts = Counter(a.key for a in self.holders)
            key = counts.most_common(1)[0][0]
            holders = [next(a for a in reversed(self.holders) if a.key == key)]
        return holders

    def read(self, scope: SentenceScope, date: EventDate, events: list[Event]) -> list[Stance]:
        """The stances of a sentence dated `date`, given the events coded in it."""
        doc, si, sent = scope.doc, scope.index, scope.sent
        scope = scope.at(date.start or doc.published)
        out: list[Stance] = []
        lex = self.discourse.lex
        regard_verbs = lex.word_set("stances", "regard_verbs")
        relation_nouns = {k: v for k, v in lex.table("stances", "relation_nouns").items() if v}

        def add(holder: Actor, subject: Actor, kind: str, modality: str, evidence: str) -> None:
            if holder.key == subject.key:
                return
            out.append(
                Stance(
                    doc.doc_id,
                    si,
                    " ".join(sent.text.split()),
                    holder,
                    subject,
                    kind,
                    date,
                    modality,
                    evidence,
                    doc.content_hash,
                )  # fmt: skip
            )
            self.holders.append(holder)

        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") and lemma in regard_verbs:
                obj = direct_object(tok)
                if obj is None:
                    continue
                subjects = self._actors(obj, scope)
                if not subjects:
                    continue
                holders = self._holder(tok, scope)
                modality = modality_of(tok, lex).value
                for comp, denied in _complements(tok):
                    kind = _kind(comp, lex)
                    if kind is None:
                        continue
                    if denied:
                        mod = "negated"
                    elif is_negated(tok):
                        mod = "asserted"  # "not as a threat but as a partner"
                    else:
                        mod = modality
                    for holder in holders:
                        for subject in subjects:
                            add(holder, subject, kind, mod, f"{tok.text} … {comp.text}")
            elif tok.pos_ == "NOUN" and lemma in relation_nouns:
                for prep in children(tok, "prep"):
                    if prep.lower_ != "with":
                        continue
                    for obj in children(prep, "pobj"):
                        subjects = self._actors(obj, scope)
                        owner = children(tok, "poss")
                        if owner:
                            holders = self.discourse.actors_of(phrase(owner[0], "stance"), scope)
                        else:
                            holders = self._holder(tok.head, scope)
                        for holder in holders:
                            for subject in subjects:
                                add(holder, subject, relation_nouns[lemma], "asserted", tok.text)
                relative = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with"]
                if tok.dep_ == "dobj" and relative and not children(tok, "prep"):
                    for obj in children(relative[0], "pobj"):
                        if obj.lower_ not in RELATIVES:
                            continue
                        subjects = self._actors(obj, scope)
                        holders = self._holder(tok.head, scope)
                        for holder in holders:
                            for subject in subjects:
                                add(holder, subject, relation_nouns[lemma], "asserted", tok.text)
        text = sent.text.lower()
        unfriendly = lex.word_set("stances", "unfriendly_words")
        friendship = lex.word_set("stances", "friendship_words")
        for event in events:
            if event.target is None or event.modality != "asserted":
                continue
            if event.root == "16" and any(w in text for w in unfriendly):
                add(event.source, event.target, "unfriendly", "asserted", event.trigger)
            if event.root in ("03", "05") and any(w in text for w in friendship):
                add(event.source, event.target, "partner", "asserted", event.trigger)
                add(event.target, event.source, "partner", "asserted", event.trigger)
        return _unique(out)


def _unique(stances: list[Stance]) -> list[Stance]:
    seen: set[str] = set()
    out = []
    for stance in stances:
        if stance.stance_id not in seen:
            seen.add(stance.stance_id)
            out.append(stance)
    return out
