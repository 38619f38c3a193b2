"""The same act told twice: a later telling without a date keeps the day the first one gave.

Wire copy states an act with its day in the lead ("the leaders of Chad and Niger arrived
in the capital Friday") and tells it again lower down without one ("Chad's president
arrived with his Nigerien counterpart"), often after a sentence about another day ("the
cabinet was dissolved on Thursday"). Story time would give the retelling the day the
paragraph has reached; a reader gives it the day of the act it retells.

An act is retold when the same verb codes the same root against the same target state, by
the same source state or by a subject with the same head noun ("the regional force moved
into X on Thursday" ... "the regional force, with troops from A and B, moved in"). Words
that announce another occurrence ("again", "another": rules/words.yaml
another_time_words) keep the story's day.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from seismo.coding.arguments import subject_of
from seismo.coding.lexicon import lexicon_of
from seismo.model import Actor, Event, EventDate


@dataclass(frozen=True)
class Telling:
    """One act stated with a day of its own: what identifies it, and that day."""

    lemma: str
    root: str
    source: str | None
    target: str
    subject: str | None
    date: EventDate


def _subject_noun(trigger: Token) -> str | None:
    """The head noun of the trigger's subject when it is a common noun ("force")."""
    found = subject_of(trigger)
    if found is None or found.head.pos_ != "NOUN":
        return None
    return found.head.lemma_.lower()


def _countries(pairs: list[tuple[Actor, Actor | None]]) -> list[tuple[str | None, str]]:
    return [(s.country, t.country) for s, t in pairs if t is not None and t.country]


@dataclass
class Tellings:
    """The acts a document has dated to a day so far, in order."""

    told: list[Telling] = field(default_factory=list)

    def note(
        self, trigger: Token, root: str, pairs: list[tuple[Actor, Actor | None]], date: EventDate
    ) -> None:
        """Remember an act whose own words gave it a day."""
        if date.precision != "day" or not date.value:
            return
        subject = _subject_noun(trigger)
        for source, target in _countries(pairs):
            lemma = trigger.lemma_.lower()
            self.told.append(Telling(lemma, root, source, target, subject, date))

    def day_of(
        self, trigger: Token, root: str, pairs: list[tuple[Actor, Actor | None]]
    ) -> EventDate | None:
        """The day of the earlier telling this undated act repeats, if it repeats one."""
        if not self.told:
            return None
        another = lexicon_of(trigger.doc).words("another_time_words")  # rules/words.yaml
        if any(t.lower_ in another for t in trigger.sent):
            return None
        lemma, subject = trigger.lemma_.lower(), None
        wanted = _countries(pairs)
        for told in reversed(self.told):
            if told.lemma != lemma or told.root != root:
                continue
            for source, target in wanted:
                if target != told.target:
                    continue
                if subject is None:
                    subject = _subject_noun(trigger) or ""
                if source == told.source or (subject and subject == told.subject):
                    return told.date
        return None


# marks, until settle_bounds, a day that only bounds its act: "cut ties on Sunday after
# X stormed Y" (the storming is that day or earlier); never printed
BEFORE = "on or before the day of the clause above: "


def settle_bounds(events: list[Event]) -> None:
    """Give an act known only to precede a day ("after protesters stormed the embassy")
    the day another sentence gives the same act ("On Saturday, a mob attacked the
    embassy"): same root and the same pair of states, a day of its own before the bound.
    Without one it keeps the bound: news most often tells of the same day ("said on
    Tuesday, hours after jets bombed ...")."""
    for event in events:
        warning = event.date.warning or ""
        if not warning.startswith(BEFORE):
            continue
        bound = warning[len(BEFORE) :]
        event.date = replace(event.date, warning=None)
        if event.target is None:
            continue
        days = [
            other.date
            for other in events
            if other is not event
            and other.root == event.root
            and other.source.country == event.source.country
            and other.target is not None
            and other.target.country == event.target.country
            and other.date.basis == "text"
            and other.date.precision == "day"
            and (other.date.value or "") < bound
        ]
        if days:
            latest = max(days, key=lambda d: d.value or "")
            event.date = EventDate(latest.value, "day", latest.text, basis="story")


__all__ = ["BEFORE", "Tellings", "settle_bounds"]
