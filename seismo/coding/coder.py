"""Code a parsed document, sentence by sentence, into events and stances.

The work is split by job: `discourse` remembers the story and resolves what phrases refer
to, `parties` picks source and target, `codes` turns a pattern and its modality into a
CAMEO code, `events` builds the events; this module only walks the document.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from seismo.actors import ActorBase, Mention
from seismo.coding.dating import SentenceDates, sentence_reference_date
from seismo.coding.discourse import (
    Context,
    Discourse,
    SentenceScope,
    names_a_pair,
    paragraph_index,
    paragraph_starts,
)
from seismo.coding.events import drop_restatements, events_for
from seismo.coding.lexicon import LEXICON_KEY, Lexicon
from seismo.coding.retold import settle_bounds
from seismo.coding.shortnames import may_name_by_word
from seismo.coding.stances import StanceReader
from seismo.coding.storytime import (
    OPENING_PARAGRAPHS,
    OPENING_SENTENCES,
    StoryTime,
    first_body_paragraph,
    merge_headline,
)
from seismo.coding.triggers import find_triggers
from seismo.geo import place_events
from seismo.model import Document, Event, Stance


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
        self.discourse = Discourse(kb, lex)

    def code(self, doc: Document, sdoc: Doc) -> tuple[list[Event], list[Stance]]:
        """All events and stances of a parsed document."""
        discourse = self.discourse
        sdoc.user_data[LEXICON_KEY] = self.lex  # for the parse walkers (lexicon.lexicon_of)
        reader = StanceReader(discourse)
        stances: list[Stance] = []
        mentions = self.kb.find_mentions(sdoc)
        by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token.setdefault(i, m)
        starts = paragraph_starts(sdoc.text)
        ctx = Context()
        sentences = list(sdoc.sents)
        paragraphs = [paragraph_index(starts, sent.start_char) for sent in sentences]
        opening = [
            SentenceDates.find(sent, doc.published, _tense(sent))
            for si, sent in enumerate(sentences[:OPENING_SENTENCES])
            if paragraphs[si] < OPENING_PARAGRAPHS
        ]
        ctx.clock = StoryTime.open(doc.published, opening)
        # a title line's events are matched with the lead's at the end, not dropped here
        body = first_body_paragraph(sdoc.text.split("\n"))
        headline_seen: set[tuple[str, str | None, str, str | None, str]] = set()
        events: list[Event] = []
        seen: set[tuple[str, str | None, str, str | None, str]] = set()
        for si, sent in enumerate(sentences):
            ctx.enter_paragraph(paragraphs[si])
            sent_mentions = [m for m in mentions if sent.start <= m.start < sent.end]
            if not sent_mentions and not (ctx.last_pair and names_a_pair(sent)):
                if not ctx.recent or not (
                    any(t.lower_ in self.kb.tables.roles for t in sent)
                    or may_name_by_word(sent, self.lex.words("compass_words"))
                ):
                    continue  # nobody named, nobody to infer: nothing to code
            dates = SentenceDates.find(sent, doc.published, _tense(sent))
            reference = (
                None
                if dates.expressions
                else sentence_reference_date(sent.text, doc.published, self.lex)
            )
            scope = SentenceScope(
                doc, si, sent, by_token, sent_mentions, ctx, dates, reference, doc.published
            )
            sent_events: list[Event] = []
            words: dict[int, Token] = {}  # id(event) -> its trigger's word
            for trig in find_triggers(sent, self.lex):
                for event in events_for(trig, scope, discourse):
                    # the same act restated with its own date is one event; an act that
                    # only takes the story's date is told again only within one sentence
                    when = event.date.value if event.date.basis == "text" else f"s{si}"
                    key = (event.source.code, event.target.code if event.target else None,
                           event.cameo, when, event.modality)  # fmt: skip
                    keys = headline_seen if paragraphs[si] < body else seen
                    if key in keys:
                        continue
                    keys.add(key)
                    words[id(event)] = trig.token
                    sent_events.append(event)
                    ctx.events.append(event)
            kept = drop_restatements([(e, words[id(e)]) for e in sent_events])
            if len(kept) < len(sent_events):
                dropped = {id(e) for e in sent_events} - {id(e) for e in kept}
                ctx.events[:] = [e for e in ctx.events if id(e) not in dropped]
                sent_events = kept
            events.extend(sent_events)
            sentence_date = ctx.clock.stance_date(dates, sent.root)
            stances.extend(reader.read(scope, sentence_date, sent_events))
            discourse.read_sentence(scope, sent_events)
        settle_bounds(events)  # "after X stormed Y": the day another sentence gives it
        events = merge_headline(events, paragraphs, body)
        place_events(events, sdoc, doc.text)  # where each happened (seismo.geo)
        return events, stances
