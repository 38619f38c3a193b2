"""Story time: the date a reader gives an event that states none of its own.

A wire story reports the day's news. Its lead ("The EU accused Iran of supplying drones")
names no date because the publication date is the date; a lead that says "on Saturday"
sets the day the whole story is about, even when it only says so in its second paragraph.
Every event dataset (GDELT, ICEWS, POLECAT) falls back on the story's date the same way.

So an event's date is, in order:
1. its own expression (`date_basis` "text"): the one in its clause or a clause above it,
   never one bound to another noun ("its 2014 annexation") or inside another clause;
   "the previous day" is counted from the day the story has reached;
2. for a plan, a threat or a stance: when it was stated (the paragraph's date when that is
   not in the past of the article, else the story's day);
3. a well-known event the sentence places itself after ("after the invasion of Ukraine"):
   its year;
4. for a report in the past or present perfect: the date the paragraph has reached
   ("story");
5. the day of the story told by the opening ("story"), else the publication date
   ("published"). A pluperfect ("had cut ties") is earlier than that day: its month only.
Without a publication date, steps 5 and the anchored expressions have nothing to go on: an
event with "on Monday" stays undated with a warning, never taking a neighbour's date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from seismo.coding.dating import SentenceDates, clause_head, coarsen, known_events, likely_date
from seismo.coding.durations import began
from seismo.coding.lexicon import lexicon_of
from seismo.coding.retold import BEFORE, Tellings
from seismo.dates import TemporalExpression
from seismo.dates.relative import STORY_DAY, story_day_offset
from seismo.model import NO_DATE, Event, EventDate

# How far before the publication date the opening's day may lie ("signed ... Saturday" in a
# story printed the next Friday); later or earlier dates are not the day's news.
STORY_WINDOW = dt.timedelta(days=10)
# How far into the text the opening runs: the lead, and the paragraph after it
OPENING_PARAGRAPHS = 3
OPENING_SENTENCES = 4
MODAL_FUTURE = frozenset({"will", "shall", "would", "could", "might", "may", "should", "must"})
# the links of an infinitive to the clause or noun it serves ("sent troops to attack")
NONFINITE_DEPS = frozenset({"advcl", "xcomp", "acl"})
# tenses of a state that has lasted up to the story's time ("has occupied X for 50 years")
LASTING_TENSES = frozenset({"perfect", "pluperfect"})
NO_ANCHOR_WARNING = "no publication date to place {text!r} against"


def clause_tense(tok: Token) -> str | None:
    """The tense of the clause a trigger sits in: past, perfect, pluperfect, present,
    future (including modals), or None when the parse says nothing."""
    verb = clause_head(tok)
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for _ in range(3):  # "had sent troops to attack X": an infinitive has its governor's tense
        if verb.tag_ != "VB" or auxes != ["to"] or verb.dep_ not in NONFINITE_DEPS:
            break
        verb = clause_head(verb.head)
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "had" in auxes or ("'d" in auxes and verb.tag_ == "VBN"):
        speech = lexicon_of(tok.doc).words("reporting_verbs")  # grammar.yaml
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech:
            return "past"  # "said that Lula had met Xi": reported speech shifts the tense back
        return "pluperfect"
    if any(a in MODAL_FUTURE for a in auxes):
        return "future"
    if any(a in ("has", "have", "'s", "'ve") for a in auxes) and verb.tag_ == "VBN":
        return "perfect"
    if verb.tag_ == "VBD" or any(a in ("was", "were", "did") for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or any(a in ("is", "are", "am") for a in auxes):
        return "present"
    return None


def _after_clause(trigger: Token) -> bool:
    """Whether the trigger's clause is introduced by "after" ("... after X stormed Y")."""
    clause = clause_head(trigger)
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "after" for c in clause.children
    )


def _with_basis(date: EventDate, basis: str) -> EventDate:
    return replace(date, basis=basis) if date.value else date


@dataclass
class StoryTime:
    """The dates a reader keeps in mind through one document."""

    published: dt.date | None
    story: EventDate | None = None  # the day the opening says the story happened
    ref: EventDate | None = None  # the date the current paragraph has reached
    paragraph: int = -1
    tellings: Tellings = field(default_factory=Tellings)  # acts dated to a day, to retell

    @classmethod
    def open(cls, published: dt.date | None, opening: list[SentenceDates]) -> StoryTime:
        """Read the story's day off the opening sentences (the first free day expression
        no more than STORY_WINDOW before the publication date), else off a dateline."""
        clock = cls(published)
        if published is None:
            return clock
        for dates in opening[:OPENING_SENTENCES]:
            if len(dates.sent.text.strip()) < 40:
                continue  # a date line under the title ("30 April 2022") is the publication's
            for expr in dates.free():
                day = expr.date.start
                if (
                    expr.date.precision != "day"
                    or day is None
                    or expr.kind
                    not in (
                        "point",
                        "relative",
                    )
                ):
                    continue
                if published - STORY_WINDOW <= day <= published:
                    clock.story = EventDate(expr.date.value, "day", expr.date.text, basis="story")
                    return clock
        # no day in the lead: a wire dateline's day ("ACCRA, May 9 (Reuters) -") is the day
        # the story was filed, which a later web copy's publication date may not be
        for dates in opening[:OPENING_SENTENCES]:
            line = dates.dateline
            day = line.date.start if line is not None else None
            if line is not None and day is not None and line.date.precision == "day":
                if published - STORY_WINDOW <= day < published:
                    clock.story = EventDate(line.date.value, "day", line.date.text, basis="story")
                return clock
        return clock

    def enter(self, paragraph: int) -> None:
        """A new paragraph starts from the story's day again."""
        if paragraph != self.paragraph:
            self.paragraph, self.ref = paragraph, None

    def now(self) -> EventDate:
        """The story's day, else the publication date, else no date."""
        if self.story is not None:
            return self.story
        if self.published is not None:
            value = self.published.isoformat()
            return EventDate(value, "day", None, basis="published")
        return NO_DATE

    def _story_day(self, own: EventDate) -> EventDate:
        """ "the previous day": counted from the paragraph's day, else the story's."""
        offset = story_day_offset(own.text or "")
        base = self.ref if self.ref is not None and self.ref.precision == "day" else self.now()
        if offset is None or base.start is None:
            return replace(own, warning=NO_ANCHOR_WARNING.format(text=own.text))
        day = base.start + dt.timedelta(days=offset)
        return EventDate(day.isoformat(), "day", own.text, base.warning, basis="text")

    def own_date(self, dates: SentenceDates, trigger: Token) -> EventDate | None:
        """The trigger's own expression, placed; None when it has none."""
        own = dates.for_trigger(trigger)
        if own is None:
            return None
        if own.value and own.precision == "day" and _after_clause(trigger):
            if not dates.dates_own_clause(trigger):
                # "cut ties on Sunday after protesters stormed its embassy": the storming
                # is on Sunday or before; coding/retold.py looks for a day given to it
                warning = f"{BEFORE}{own.value}"
                return EventDate(own.value, "day", own.text, warning, basis="text")
        if own.value:
            return _with_basis(own, "text")
        if own.warning == STORY_DAY:
            return self._story_day(own)
        # "on Monday" with no publication date: say so, borrow nothing
        return replace(own, warning=NO_ANCHOR_WARNING.format(text=own.text))

    def date_for(
        self,
        trigger: Token,
        modality: str,
        dates: SentenceDates,
        reference: EventDate | None,
    ) -> tuple[EventDate, bool]:
        """The event's date and whether it was carried (not its own expression)."""
        if modality in ("asserted", "negated") and clause_tense(trigger) in LASTING_TENSES:
            now = self.ref if self.ref is not None and self.ref.start else self.now()
            start = began(clause_head(trigger), now.start) if now.start else None
            if start is not None:  # "had been imprisoned for five years": when it began
                return start, True
        own = self.own_date(dates, trigger)
        if own is not None and not (modality in ("asserted", "negated") and self._ahead(own)):
            return own, False
        return self.carried(trigger, modality, reference), True

    def _ahead(self, own: EventDate) -> bool:
        """A date wholly after the publication. A plan keeps it ("will send tanks in 2025"),
        but an act read as done cannot have happened after the report ("the next step will
        be for the ministers to meet next month"): it is the plan, dated when stated."""
        if self.published is None or not own.value:
            return False
        return own.value > self.published.isoformat()[: len(own.value)]

    def carried(self, trigger: Token, modality: str, reference: EventDate | None) -> EventDate:
        """The date of an event whose own words give none (steps 2 to 5 above)."""
        tense = clause_tense(trigger)
        if modality in ("intended", "hypothetical") or tense == "future":
            return self.stated()
        if reference is not None:
            return _with_basis(reference, "story")
        if tense == "pluperfect":
            # earlier than the story's day: the month of the news, when there is news
            now = self.now()
            return coarsen(now, "month") if now.value and self.published else NO_DATE
        if self.ref is not None and tense in ("past", "perfect", None):
            return self.ref
        return self.now()

    def stance_date(self, dates: SentenceDates, verb: Token) -> EventDate:
        """A stance is dated when it was stated: its verb's own date, else as a plan."""
        own = self.own_date(dates, verb)
        if own is not None and own.value:
            return own
        return self.stated()

    def stated(self) -> EventDate:
        """When a plan or a view was stated: the paragraph's date if it is not in the
        article's past ("will strengthen ..." after a paragraph about 1960), else now."""
        if self.ref is not None and self.ref.start is not None:
            if self.published is None or self.ref.start.year >= self.published.year:
                return self.ref
        return self.now()

    @staticmethod
    def _pluperfect(dates: SentenceDates, expr: TemporalExpression) -> bool:
        """Whether an expression dates a flashback: a pluperfect clause that is not a
        temporal clause ("seized the islands after Japan had signed on September 2" moves
        the story on to September 2)."""
        anchor = dates.anchor_token(expr)
        if anchor is None or clause_tense(anchor) != "pluperfect":
            return False
        marks = {c.lower_ for c in clause_head(anchor).children if c.dep_ == "mark"}
        return not marks & lexicon_of(anchor.doc).words("temporal_conjunctions")

    def _not_ahead(self, date: EventDate) -> bool:
        """Whether a date can be the story's time: not after the day the story was published."""
        return self.published is None or date.start is None or date.start <= self.published

    def after(self, dates: SentenceDates, dated: list[EventDate], flagged: EventDate | None,
              reference: EventDate | None) -> None:  # fmt: skip
        """Move the paragraph's time on: the corrected date of a flagged statement, else
        the last date the sentence states that is free or dates one of its acts."""
        if flagged is not None:
            self.ref = _with_basis(likely_date(flagged), "story")
            return
        # a flashback ("On Monday, X had summoned Y") tells what came before the story's
        # time; the story goes on where it was (the next act is not Monday's)
        flashback = [e for e in dates.expressions if self._pluperfect(dates, e)]
        back = {(e.date.value, e.date.text) for e in flashback}
        own = [d for d in dated if d.value and d.basis == "text" and (d.value, d.text) not in back]
        used = {(d.value, d.text) for d in own}
        free = {id(e) for e in dates.free()} - {id(e) for e in flashback}
        # the last date the sentence states, free or dating one of its acts: "... the joint
        # declaration of October 19, 1956. The document ended ..." goes on in 1956
        stated = [
            e.date for e in dates.expressions
            if e.date.value and (id(e) in free or (e.date.value, e.date.text) in used)
            and self._not_ahead(e.date)  # "by 2027" is a deadline, not the story's time
        ]  # fmt: skip
        # a deadline ahead ("by 2027") or a well-known background event ("Russia's invasion
        # of Ukraine had violated ...") dates its own act, never the story's time
        background = {k.name for k in known_events()}
        own = [
            d
            for d in own
            if self._not_ahead(d)
            and d.text not in background
            and not (d.text or "").startswith("for ")
        ]  # a state's start ("for 5 years")
        unplaced = [e for e in dates.free() if not e.date.value and e.date.warning != STORY_DAY]
        if unplaced and not stated:
            self.ref = None  # "On Monday" with no publication date: the story's time is lost
        elif stated:
            self.ref = _with_basis(stated[-1], "story")
        elif own:
            self.ref = _with_basis(own[-1], "story")
        elif reference is not None:
            self.ref = _with_basis(reference, "story")


HEADLINE_END = re.compile(r"[.!?;:][\"'”’)]*\s*$")
HEADLINE_MAX = 160


def is_headline(paragraph: str) -> bool:
    """A title line: short, one line, no closing full stop ("Iran expels two envoys")."""
    text = paragraph.strip()
    return (
        0 < len(text) <= HEADLINE_MAX
        and "\n" not in text
        and len(text.split()) >= 2
        and not HEADLINE_END.search(text)
    )


def first_body_paragraph(texts: list[str]) -> int:
    """The paragraph where the story starts, after its title lines (0 when it has none)."""
    for index, text in enumerate(texts):
        if text.strip() and not is_headline(text):
            return index
    return 0


def merge_headline(events: list[Event], paragraphs: list[int], body: int) -> list[Event]:
    """Drop a headline's events that the lead repeats (same dyad and root): one event, dated
    by the lead. `paragraphs[i]` is the paragraph of sentence i, `body` the lead's."""
    if body == 0:
        return events

    def pair(e: Event) -> tuple[str, str | None, str]:
        return e.source.key, e.target.key if e.target else None, e.root

    lead = {pair(e) for e in events if paragraphs[e.sentence_index] == body}
    return [e for e in events if not (paragraphs[e.sentence_index] < body and pair(e) in lead)]


__all__ = ["StoryTime", "clause_tense", "first_body_paragraph", "is_headline", "merge_headline"]
