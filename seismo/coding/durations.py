"""When a state that has lasted began: "had been imprisoned for five years" in 2014 is 2009.

A perfect or pluperfect clause with "for N years" tells how long a state has held up to
the time of the story ("has occupied the islands for 50 years", "had been detained for
eight months"); the act that began it (the arrest, the occupation) lies that long before.
A simple past ("jailed him for five years") is a sentence's length, not a start, and is
left alone; so are days and weeks, which would claim a day the text does not give, and
approximate lengths ("more than 50 years"), whose start the text does not fix.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from seismo.dates.calendar import add_months, format_value
from seismo.dates.lexicon import MONTHS_PER_UNIT, NUMBER_WORDS
from seismo.model import EventDate


def _amount(noun: Token) -> int | None:
    for child in noun.children:
        if child.dep_ == "nummod":
            if any(True for _ in child.children) or any(c.dep_ == "amod" for c in noun.children):
                return None  # "more than 50 years", "nearly five years": no start to claim
            text = child.lower_
            if text.isdigit():
                return int(text)
            return NUMBER_WORDS.get(text)
    return None


def began(verb: Token, now: dt.date) -> EventDate | None:
    """The start of the state `verb` (a perfect clause's verb) has been in up to `now`."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for noun in prep.children:
            months = MONTHS_PER_UNIT.get(noun.lemma_.lower())
            amount = _amount(noun) if noun.dep_ == "pobj" else None
            if months is None or amount is None or amount < 1:
                continue
            text = verb.doc[prep.i : noun.i + 1].text
            if months >= 12:
                year = now.year - amount * months // 12
                return EventDate(format_value(year), "year", text, basis="text")
            year, month = add_months(now.year, now.month, -amount)
            return EventDate(format_value(year, month), "month", text, basis="text")
    return None


__all__ = ["began"]
