"""When an event happened: the date words nearest the trigger, carried where the text does.

The article's date is never an event's date by default. A sentence's own date expression
wins; the one in the trigger's clause beats one elsewhere in the sentence; a date bound to
another noun ("the declaration of October 19, 1956") is that noun's. A sentence without a
date continues the story of the paragraph (the last date given), and a sentence that names a
well-known event ("after the invasion of Ukraine") is placed in that event's year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from seismo.coding.lexicon import Lexicon, default_lexicon
from seismo.dates import TemporalExpression, find_temporal_expressions
from seismo.model import EventDate

KNOWN_EVENTS_FILE = Path(__file__).resolve().parent / "tables" / "known_events.yaml"


@dataclass(frozen=True)
class KnownEvent:
    name: str
    source: str | None
    target: str | None
    roots: tuple[str, ...]
    nouns: frozenset[str]
    pattern: re.Pattern[str]
    date: str
    valid_from: dt.date


@functools.cache
def known_events() -> tuple[KnownEvent, ...]:
    raw: list[dict[str, Any]] = yaml.safe_load(KNOWN_EVENTS_FILE.read_text(encoding="utf-8"))
    out = []
    for entry in raw:
        out.append(
            KnownEvent(
                name=entry["name"],
                source=entry.get("source"),
                target=entry.get("target"),
                roots=tuple(entry.get("roots", ())),
                nouns=frozenset(entry.get("nouns", ())),
                pattern=re.compile(entry["pattern"], re.IGNORECASE),
                date=str(entry["date"]),
                valid_from=dt.date.fromisoformat(str(entry["from"])),
            )
        )
    return tuple(out)


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def known_event_date(
    source: str | None, target: str | None, root: str, noun: str, anchor: dt.date | None
) -> EventDate | None:
    """The date of a well-known event that a nominal trigger refers to."""
    for known in known_events():
        if anchor is not None and anchor < known.valid_from:
            continue
        if known.source and known.source != source:
            continue
        if known.target and known.target != target:
            continue
        if root in known.roots and noun in known.nouns:
            return EventDate(known.date, _precision(known.date), known.name)
    return None


@functools.lru_cache(maxsize=8)
def _starting_with(words: frozenset[str]) -> re.Pattern[str]:
    """A pattern for any of `words` at the start of a word, longest first."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})" if words else r"(?!)", re.IGNORECASE)


def sentence_reference_date(
    text: str, anchor: dt.date | None, lex: Lexicon | None = None
) -> EventDate | None:
    """A well-known event named in the sentence: what the sentence tells is no earlier.

    Only the year is claimed, or the month where the text ties the two closely together
    ("at the same time as X", "on the eve of X": rules/words.yaml close_in_time_phrases).
    """
    if anchor is None:
        return None
    close = (lex or default_lexicon()).words("close_in_time_phrases")
    lowered = text.lower()
    for known in known_events():
        if anchor < known.valid_from:
            continue
        found = known.pattern.search(text)
        if found is None:
            continue
        lead = lowered[max(0, found.start() - 60) : found.start()]
        # "on the eve of X", "at the same time as X": the phrase stands right before X
        bare = re.sub(r"(?:\s+(?:the|a|an|its|their|this|that))+\s*$", "", lead.rstrip())
        tied = any(bare.endswith(p) for p in close)
        if tied or TEMPORAL_LEAD.search(text, max(0, found.start() - 60), found.start()):
            if any(p in lowered for p in close) and len(known.date) >= 7:
                return EventDate(known.date[:7], "month", known.name)
            return EventDate(known.date[:4], "year", known.name)
    return None


# the sentence places itself in time by the event: "after the invasion of Ukraine", "since
# the war in Ukraine began"; a passing mention ("fears the war could spill over") does not
TEMPORAL_LEAD = re.compile(
    r"\b(?:after|since|following|amid|during|before|until|in the wake of|in response to"
    r"|in reaction to|when|as a result of|on the eve of|at the same time as|simultaneous(?:ly)?"
    r" with|in the (?:first )?days? (?:of|after))\b"
    r"(?:(?!\b(?:and|but|that|which|who|could|would|will|might|may)\b)[^.;:]){0,32}$",
    re.IGNORECASE,
)


def contradicted_year(
    date: EventDate, sentence: str, responds_to: list[EventDate], lex: Lexicon | None = None
) -> EventDate | None:
    """A printed date that comes before the acts its sentence answers (flag, don't change).

    `responds_to` are the dates of the earlier events, in the same document, by the target
    against the source. Returns the date with a `warning`, and the likely intended date in
    the warning text; the caller keeps the printed value.
    """
    responses = _starting_with((lex or default_lexicon()).words("response_words"))
    if not date.value or not responds_to or not responses.search(sentence):
        return None
    answered = [d for d in responds_to if d.value and d.value[:4] > date.value[:4]]
    if not answered:
        return None
    year = min(d.value[:4] for d in answered if d.value)
    likely = year + date.value[4:]
    warning = f"printed as {date.value}, before the {year} acts it responds to; probably {likely}"
    return EventDate(date.value, date.precision, date.text, warning, date.end, date.basis)


def likely_date(date: EventDate) -> EventDate:
    """The date a flagged one probably meant, for carrying the story on.

    The events that take it say so: their `date_text` is the printed words and their
    warning tells which date those words were read as.
    """
    if date.warning and "probably " in date.warning:
        value = date.warning.rsplit("probably ", 1)[1]
        warning = f"the story's date, printed as {date.value} in {date.text!r}, read as {value}"
        return EventDate(value, date.precision, date.text, warning)
    return date


# "BANGKOK, Jul 24 (Agency) -": the dateline gives the day the story was filed, which
# dates no act of its own (coding/storytime.py may take it as the story's day)
DATELINE_BEFORE = re.compile(r"^\W*[A-Z][A-Z .'/-]*(?:\([^)]*\))?,?\s*$")
DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[-\u2013\u2014:]")
# a date after a preposition dates the clause wherever the parser hangs it ("agreed at the
# summit in Vilnius on July 12"); "of" and "since" stay with their noun
PREPOSITIONAL = re.compile(
    r"^(?:on|in|at|during|between|from|until|till|by|before|after|around|early|late)\b",
    re.IGNORECASE,
)
# "after the 2019 [election]": an article before a bare year makes it an adjective
ARTICLE_YEAR = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+\d{4}$", re.IGNORECASE)
# expressions that date a noun and nothing else: "the 1956 declaration", "the deal of 2015"
ATTRIBUTIVE_START = re.compile(r"^(?:the\s|a\s|\d|[A-Z][a-z]+\s+\d{4}\b)", re.IGNORECASE)


def is_dateline(sentence: str, expr: TemporalExpression) -> bool:
    """Whether an expression is the dateline before a wire story's first words."""
    return bool(
        DATELINE_BEFORE.match(sentence[: expr.start]) and DATELINE_AFTER.match(sentence[expr.end :])
    )


def clause_head(tok: Token) -> Token:
    """The verb of the clause a token sits in (the root for a sentence without one)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def dominates(top: Token, tok: Token) -> bool:
    """Whether `top` is `tok` or one of its heads."""
    for _ in range(40):
        if tok.i == top.i:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _present(verb: Token) -> bool:
    """A verb in the simple present ("denies", "says"): in a relative clause, the time of
    writing, not the time of the clause around it."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# auxiliaries of a clause in the past ("had met", "has met", "was signed", "did not meet")
PAST_AUXES = frozenset({"had", "has", "have", "was", "were", "did", "'d"})
FRAME_PREPS = frozenset({"in", "at", "during", "through", "with"})


def _framing(clause: Token) -> Token:
    """The clause a participle sets the time of: "Speaking on May 3, Abe proposed ..." and
    "In a statement issued on May 3, Abe proposed ..." date "proposed"."""
    words = {c.dep_ for c in clause.children}
    if clause.tag_ not in ("VBG", "VBN") or words & {"nsubj", "nsubjpass", "mark"}:
        return clause
    if clause.dep_ == "advcl":
        return clause_head(clause.head)
    noun = clause.head
    if clause.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ in FRAME_PREPS:
        return clause_head(noun.head.head)  # not "despite a truce agreed last year"
    return clause


@dataclass
class SentenceDates:
    """The date expressions of one sentence, found once and shared by its triggers.

    A dateline is set aside: it dates the story, not an act. An expression belongs to a
    trigger when it sits in the trigger's clause or in a clause above it ("In 2014, when
    the West imposed sanctions, Japan joined them" dates both); one inside another clause
    ("the US, with which it signed a treaty in 1960") or bound to another noun ("the
    declaration of October 19, 1956", "its 2014 annexation") dates that, not the trigger.
    """

    sent: Span
    expressions: list[TemporalExpression]
    # the day of a wire dateline ("ACCRA, May 9 (Reuters) -"): the day the story was filed
    dateline: TemporalExpression | None = None

    @classmethod
    def find(cls, sent: Span, anchor: dt.date | None, tense: str | None) -> SentenceDates:
        found = find_temporal_expressions(sent.text, anchor, tense)
        dates = cls(sent, [e for e in found if not is_dateline(sent.text, e)])
        dates.dateline = next((e for e in found if is_dateline(sent.text, e)), None)
        if anchor is not None and dates.expressions:
            dates.expressions = dates._by_own_tense(anchor, tense)
        return dates

    def _by_own_tense(self, anchor: dt.date, tense: str | None) -> list[TemporalExpression]:
        """Expressions whose reading depends on tense ("in April", "on Tuesday"), read by
        the tense of their own clause, not the sentence's: "the deal will prevent a return
        of the fighting that broke out in April" means the April before, not the next."""
        readings = {
            t: {(e.start, e.end): e for e in find_temporal_expressions(self.sent.text, anchor, t)}
            for t in ("past", "future")
        }
        out = []
        for expr in self.expressions:
            span = (expr.start, expr.end)
            past, future = readings["past"].get(span), readings["future"].get(span)
            if past is None or future is None or past.date.value == future.date.value:
                out.append(expr)
                continue
            own = self._clause_tense(expr)
            out.append(past if own == "past" else future if own == "future" else expr)
        return out

    def _clause_tense(self, expr: TemporalExpression) -> str | None:
        """ "past" or "future" for the finite clause an expression hangs from; None when it
        is present or the parse does not say (the sentence's tense then stands)."""
        tok = self.anchor_token(expr)
        for _ in range(4):
            if tok is None:
                return None
            verb = clause_head(tok)
            auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if auxes & {"will", "shall", "'ll"}:
                return "future"
            if verb.tag_ == "VBD" or auxes & PAST_AUXES:
                return "past"
            if verb.tag_ in ("VBZ", "VBP") or auxes & {"is", "are", "am", "'s", "'re"}:
                return None
            if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
                return None  # "agreed to meet in May": ahead of "agreed", not known how far
            tok = verb.head  # "Speaking in May, he said": the tense of "said"
        return None

    def _token_at(self, char: int) -> Token | None:
        span = self.sent.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _inside(self, expr: TemporalExpression, tok: Token) -> bool:
        return self.sent.start_char + expr.start <= tok.idx < self.sent.start_char + expr.end

    def _bound_noun(self, expr: TemporalExpression) -> Token | None:
        """The noun a date is attached to ("the declaration of October 19, 1956").

        A date after a preposition other than "of"/"since" is taken as the clause's.
        "Friday", "yesterday" are adverbs of the clause wherever the parser
        hangs them ("arrived in the capital Friday"), unless possessive ("Sunday's vote").
        """
        attributive = ARTICLE_YEAR.search(expr.text) is not None
        if PREPOSITIONAL.match(expr.text) and not attributive:
            return None  # "at the summit on July 12": the parser's attachment is a guess
        after = self.sent.text[expr.end : expr.end + 2]
        if expr.kind == "relative" and expr.date.precision == "day" and after not in ("'s", "’s"):
            return None
        tok = self._token_at(expr.end - 1 if attributive else expr.start)
        if tok is None:
            return None
        head = tok
        for _ in range(4):
            if head.head.i == head.i:
                return None
            head = head.head
            if self._inside(expr, head):
                continue
            if head.pos_ in ("VERB", "AUX"):
                return None
            if head.pos_ == "NOUN":
                return head
            if head.pos_ == "PROPN" and ATTRIBUTIVE_START.match(expr.text):
                return head  # "the 1966 Geneva Agreement"
        return None

    def anchor_token(self, expr: TemporalExpression) -> Token | None:
        """The first token outside the expression that it hangs from."""
        tok = self._token_at(expr.start)
        for _ in range(6):
            if tok is None or tok.head.i == tok.i:
                return tok
            if not self._inside(expr, tok):
                return tok
            tok = tok.head
        return tok

    def belongs_to(self, expr: TemporalExpression, trigger: Token) -> bool:
        """Whether an expression may date this trigger (see the class docstring)."""
        bound = self._bound_noun(expr)
        clause = clause_head(trigger)
        if bound is not None and clause.dep_ == "relcl" and clause.head.i == bound.i:
            return True  # "last month's coup, which overthrew the president"
        anchor = self.anchor_token(expr)
        if anchor is not None and expr.kind == "since":
            held = clause_head(anchor)
            if held.dep_ in ("relcl", "acl") and held.head.i == trigger.i:
                return True  # "sanctions that have been in place since the 2006 coup"
        if bound is not None and bound.i != trigger.i:
            prepositional = not ATTRIBUTIVE_START.match(expr.text) and not (
                expr.text.lower().startswith(("of ", "since "))
            )
            # "signed an agreement on Monday": the parser may hang the day on the object
            if not (prepositional and bound.dep_ == "dobj" and bound.head.i == clause.i):
                return False
        if anchor is None:
            return True
        own_clause = clause_head(anchor)
        if own_clause.dep_ in ("relcl", "acl") and own_clause.head.i == trigger.i:
            return True  # "the exercises that took place in February"
        framing = _framing(own_clause)
        if framing.i != clause.i and clause.dep_ == "relcl" and _present(clause):
            return False  # "In 2017 they cut ties over a charge that Doha denies"
        return dominates(framing, clause)

    def for_trigger(self, trigger: Token) -> EventDate | None:
        """The date expression that belongs to this trigger, if the sentence has one.

        May return an expression with no value (a relative one without a publication
        date): the caller keeps its warning instead of borrowing a neighbour's date.
        """
        pos = trigger.idx - self.sent.start_char
        clause = clause_head(trigger)
        best: tuple[tuple[bool, float], TemporalExpression] | None = None
        for expr in self.expressions:
            if not self.belongs_to(expr, trigger):
                continue
            # the trigger's own clause before a clause above it, then the nearest: "will
            # send troops in May, after Chad attacked in March" dates the attack March
            anchor = self.anchor_token(expr)
            above = anchor is not None and clause_head(anchor).i != clause.i
            score = (above, float(min(abs(expr.start - pos), abs(expr.end - pos))))
            if best is None or score < best[0]:
                best = (score, expr)
        return best[1].date if best is not None else None

    def dates_own_clause(self, trigger: Token) -> bool:
        """Whether an expression of the sentence hangs in the trigger's own clause."""
        clause = clause_head(trigger)
        for expr in self.expressions:
            anchor = self.anchor_token(expr)
            if anchor is not None and clause_head(anchor).i == clause.i:
                return True
        return False

    def free(self) -> list[TemporalExpression]:
        """The expressions not bound to a noun: the ones that move the story's time."""
        return [e for e in self.expressions if self._bound_noun(e) is None]

    def last(self) -> EventDate | None:
        return self.expressions[-1].date if self.expressions else None


def coarsen(date: EventDate, precision: str) -> EventDate:
    """The same date at a coarser precision (carried dates for plans keep only the year)."""
    if not date.value:
        return date
    size = {"year": 4, "month": 7, "day": 10}[precision]
    if len(date.value) <= size:
        return date
    return EventDate(date.value[:size], precision, date.text, date.warning, basis=date.basis)


__all__ = ["SentenceDates", "coarsen", "known_event_date", "sentence_reference_date"]
