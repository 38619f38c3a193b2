"""The place an event's own clause names, read from the parse.

"Israeli jets struck targets near Damascus": the clause of "struck" names Damascus after a
locative preposition, so the event happened there. A place that is one of the event's
actors is not where it happened when it stands for a government: "Moscow said",
"Russia's strikes", "Japan protested to Beijing". A city that a material act falls on is:
"shelled Kharkiv" happened in Kharkiv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from seismo.coding.dating import dominates
from seismo.geo.gazetteer import Gazetteer, Place
from seismo.geo.story import Story

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "into", "over",
                            "off", "around", "along", "throughout", "within", "to", "from",
                            "through", "toward", "towards", "on", "onto", "between"})  # fmt: skip
# Dependencies that start another clause: its places are not this event's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl"})
# Prepositions after which a country's name says where, not who.
COUNTRY_PREPS = frozenset({"in", "at", "inside", "into", "across", "throughout", "within",
                           "near", "off", "over", "around", "outside", "through"})  # fmt: skip
# Prepositions of direction: a place only when they hang on the verb.
DIRECTIONAL_PREPS = frozenset({"to", "from", "toward", "towards", "onto", "on", "against"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj", "expl"})
COMPASS = frozenset({"southern", "northern", "eastern", "western", "central", "south", "north",
                     "east", "west", "northeastern", "northwestern", "southeastern",
                     "southwestern"})  # fmt: skip
# How much the story's favourite country adds to a place's importance (log10 units): enough
# for Lebanon's Tripoli in a Lebanese story, not enough for Paris, Texas over Paris.
STORY_BONUS = 1.5
ATTACK_VERBS = frozenset({"shell", "strike", "bomb", "attack", "hit", "raid", "storm", "besiege",
                          "capture", "seize", "occupy", "invade", "bombard", "shoot", "target"})  # fmt: skip
# Specificity: a city in the clause says more than the country it is in.
SPECIFICITY = {"city": 3, "region": 2, "sea": 2, "country": 1}


@dataclass(frozen=True)
class Named:
    """A place name found in a sentence, with every place it can stand for."""

    span: Span
    candidates: tuple[Place, ...]
    compass: str | None = None  # "southern" in "southern Lebanon"


def resolve(candidates: tuple[Place, ...] | list[Place], story: Story) -> Place | None:
    """The place a reader of this story takes the name for: importance plus the story's pull."""
    if not candidates:
        return None
    return max(candidates, key=lambda p: p.importance + STORY_BONUS * story.bonus(p.country))


def named_places(
    sent: Span, ents: list[Span], gazetteer: Gazetteer, curated: re.Pattern[str]
) -> list[Named]:
    """Place names of a sentence: the parser's place entities (`ents`, the document's
    entities inside the sentence: `Span.ents` rebuilds them all on every call) plus our
    table's names."""
    found: list[Named] = []
    taken: set[int] = set()
    doc = sent.doc
    for match in curated.finditer(sent.text):
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        found.append(Named(span, tuple(gazetteer.candidates(match.group(0)))))
        taken.update(range(span.start, span.end))
    for ent in [*ents, *_unlabelled_names(sent)]:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        if ent.label_ not in PLACE_LABELS and not _place_slot(ent.root):
            continue
        candidates = tuple(gazetteer.candidates(ent.text))
        span = ent
        if not candidates and ent[0].lower_ in COMPASS and len(ent) > 1:
            span = doc[ent.start + 1 : ent.end]  # "Southern Lebanon" as one entity
            candidates = tuple(gazetteer.candidates(span.text))
        if not candidates:
            continue
        before = doc[span.start - 1] if span.start > sent.start else None
        compass = span[0].lower_ if span is not ent else None
        if before is not None and before.lower_ in COMPASS:
            compass = before.lower_
        found.append(Named(span, candidates, compass))
    return _qualified(found, gazetteer)


def _unlabelled_names(sent: Span) -> list[Span]:
    """Proper names the tagger left out of its place entities: "in Timbuktu", or "Kharkiv"
    taken for a person. Only kept where a place goes (`_place_slot`)."""
    out = []
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.ent_type_ not in PLACE_LABELS and tok.dep_ != "compound":
            start = min((c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"),
                        default=tok.i)  # fmt: skip
            if not tok.ent_type_ or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
                out.append(sent.doc[start : tok.i + 1])
    return out


def _place_slot(tok: Token) -> bool:
    """Whether a name sits where only a place can: after "in"/"near"/..., or as the object
    of a verb of attack ("struck Kiev")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in (
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
    ):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into") and tok.head.head.pos_ == "VERB":
        return True  # "deployed troops to Timbuktu"
    return tok.dep_ == "dobj" and tok.head.lemma_ in ATTACK_VERBS


def _qualified(found: list[Named], gazetteer: Gazetteer) -> list[Named]:
    """ "Paris, Texas", "London, Ontario": the second name says which first one is meant,
    and is not a place of its own."""
    by_start = {n.span.start: n for n in found}
    out: list[Named] = []
    skip: set[int] = set()
    for item in sorted(found, key=lambda n: n.span.start):
        if item.span.start in skip:
            continue
        end = item.span.end
        after = by_start.get(end + 1)
        doc = item.span.doc
        if after is not None and end < len(doc) and doc[end].text == ",":
            within = [p for p in after.candidates if p.feature in ("country", "region")]
            admin = {p.admin1 for p in within if p.admin1}
            countries = {p.country for p in within}
            narrowed = tuple(
                p for p in item.candidates
                if p.feature == "city" and p.country in countries
                and (not admin or p.country != "USA" or p.admin1 in admin)
            )  # fmt: skip
            if narrowed:
                item = Named(item.span, narrowed, item.compass)
                skip.add(after.span.start)
        out.append(item)
    return out


def clause_head(tok: Token) -> Token:
    """The verb whose clause `tok` belongs to (a noun trigger climbs to its verb)."""
    cur = tok
    for _ in range(12):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def in_clause(tok: Token, head: Token) -> bool:
    """Whether `tok` hangs from `head` without crossing into another clause."""
    cur = tok
    for _ in range(30):
        if cur.i == head.i:
            return True
        if cur.dep_ in CLAUSE_DEPS or cur.head.i == cur.i:
            return False
        if cur.dep_ == "conj" and cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return False


def _preposition(tok: Token, head: Token) -> str | None:
    """The preposition between `tok` and the clause's verb, if any ("near" in "near Damascus")."""
    cur = tok
    for _ in range(10):
        if cur.i == head.i or cur.head.i == cur.i:
            return None
        if cur.dep_ == "pobj" and cur.head.dep_ in ("prep", "dative", "agent"):
            return cur.head.lower_
        cur = cur.head
    return None


def clause_place(
    named: list[Named], trigger: Token, actor_texts: set[str], material: bool, story: Story
) -> tuple[Named, Place] | None:
    """The most specific place the trigger's clause names, that is not an actor standing for
    a government.

    A place said where a governing clause happened also holds for the clauses under it:
    "In Geneva, the envoy urged both sides to sign" puts the signing in Geneva too.
    """
    heads = _clause_chain(clause_head(trigger))
    nominal = trigger.pos_ in ("NOUN", "PROPN")
    best: tuple[tuple[int, int, int, int], Named, Place] | None = None
    for item in named:
        root = item.span.root
        own = nominal and dominates(trigger, root)  # "the annexation of Crimea"
        depth = -1 if own else next((d for d, h in enumerate(heads) if in_clause(root, h)), None)
        if depth is None:
            continue
        place = resolve(item.candidates, story)
        if place is None:
            continue
        top = trigger if own else heads[depth]
        if _aside(root, top):
            continue
        prep = _preposition(root, top)
        locative = prep in LOCATIVE_PREPS or (own and material and prep == "of")
        if depth > 0 and not locative:
            continue  # only "in/at/near X" carries down to an embedded clause
        if not (own and locative) and _stands_for_actor(
            item, place, root, prep, actor_texts, material
        ):
            continue
        if item.compass and place.feature == "country":
            place = Place(f"{item.compass} {place.name}", "region", place.country,
                          place.lat, place.lon, place.importance)  # fmt: skip
        rank = (-depth, int(locative), SPECIFICITY[place.feature], -abs(root.i - trigger.i))
        if best is None or rank > best[0]:
            best = (rank, item, place)
    return None if best is None else (best[1], best[2])


# Words that open a reason or a time: a place under them is another event's ("sanctions on
# Russia due to its annexation of Crimea", "after the strikes in Gaza").
ASIDE_WORDS = frozenset({"due", "because", "after", "before", "since", "following", "amid",
                         "despite", "over", "about", "regarding", "concerning"})  # fmt: skip


def _aside(tok: Token, top: Token) -> bool:
    """Whether `tok` hangs from `top` through a word that opens a reason or a time."""
    cur = tok.head
    for _ in range(12):
        if cur.i == top.i or cur.head.i == cur.i:
            return False
        if cur.lower_ in ASIDE_WORDS and cur.dep_ in ("prep", "amod", "mark", "advmod", "pcomp"):
            return True
        cur = cur.head
    return False


def _clause_chain(head: Token) -> list[Token]:
    """The clause's verb, then the verbs of the clauses it sits in, up to the sentence's root."""
    chain = [head]
    cur = head
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        cur = clause_head(cur.head)
        if cur.i == chain[-1].i:
            break
        chain.append(cur)
    return chain


def _stands_for_actor(
    item: Named, place: Place, root: Token, prep: str | None, actor_texts: set[str], material: bool
) -> bool:
    """Whether the name stands for a government (or a party) rather than for where it happened.

    A subject always does ("Moscow said", "Russia's strikes"). After a locative preposition
    a name says where ("talks in Doha", "troops in Mali"); "to"/"from" do so only on a verb
    ("deployed to Poland", but "its ambassador to Colombia", "a proposal from Moscow"). A
    bare country name elsewhere is a party ("talks with Iran", "the presidents of Ecuador").
    A city as the object of a physical act is where it fell ("shelled Kharkiv"), but not as
    the object of words or sanctions ("imposed sanctions on Tehran", "criticised Beijing").
    A sea or region that is named is always a place ("closed the Bosphorus").
    """
    if _is_subject(root):
        return True
    if prep in DIRECTIONAL_PREPS:
        # "deployed to Poland", "struck targets on Kyiv"; not "protested to Beijing",
        # "sanctions on Tehran", "a proposal from Moscow"
        return not material or root.head.head.pos_ not in ("VERB", "AUX", "NOUN")
    if place.feature == "country" and item.compass is None:
        return prep not in COUNTRY_PREPS
    if prep in LOCATIVE_PREPS:
        return False
    if place.feature in ("sea", "region"):
        return False
    return not (material and root.dep_ in ("dobj", "pobj", "appos", "compound"))


def _is_subject(tok: Token) -> bool:
    cur = tok
    for _ in range(4):
        if cur.dep_ in SUBJECT_DEPS:
            return True
        if cur.dep_ not in ("compound", "amod", "appos", "conj", "cc"):
            return False
        cur = cur.head
    return False
