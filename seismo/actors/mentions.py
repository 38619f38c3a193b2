"""Finding actor mentions in a spaCy Doc: the words, not yet what they stand for on a date.

Matching is driven by our tables through two PhraseMatchers built once per vocabulary:
one on exact spelling for names ("US" but not "us"), one ignoring case for role nouns
("navy", "Foreign Ministry"). The pieces are then joined the way news writes them:
"Russian" + "Foreign Minister" + "Sergei Lavrov", "the authorities in" + "Tokyo",
"Russian and Chinese" + "foreign ministers".
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from seismo.actors.entries import RoleNoun, Tables
from seismo.actors.qualifiers import drop_qualifiers

KINDS = (
    "state",
    "capital",
    "demonym",
    "demonym_role",
    "body",
    "collective",
    "person",
    "office_title",
)


@dataclass(frozen=True)
class Mention:
    """Words in a Doc that name an actor.

    `entry_id` keys the knowledge base: "JPN", "SUN" (a historical state), "body:kremlin",
    "org:NATO", "person:Shinzo Abe" or "alias:Bush" (a name several people bear); a role
    found with it is added after a slash: "RUS/MIL", "person:Joe Biden/GOV".
    Hyphenated pairs that spaCy keeps as one token ("Sino-Russian" in some tokenizers)
    give two mentions over the same token span; the coder reads both.
    """

    start: int  # token index in the Doc
    end: int  # exclusive
    text: str
    entry_id: str
    kind: str
    is_place: bool  # the words can also name a place: "in Tokyo" is a location
    former: bool  # "former"/"ex-" stands before it


@dataclass
class _Found:
    """A mention while it is being assembled."""

    start: int
    end: int
    kind: str
    entry_id: str
    country: str | None = None
    is_place: bool = False
    takes_article: bool = False
    role: RoleNoun | None = None  # the role noun that gave the sector
    used: bool = False


# Ties between matches of the same length: a state's name beats a person's surname.
_PRIORITY = {
    "state": 0,
    "collective": 1,
    "body": 2,
    "capital": 3,
    "person": 4,
    "demonym": 5,
    "prefix": 6,
}
_ADJECTIVAL = ("demonym", "prefix")
_COORDINATION = {",", "and", "or", "&"}
_POSSESSIVE = {"'s", "’s", "'"}
_FORMER = {"former", "ex", "ex-", "ousted", "deposed", "toppled"}  # no longer in office
# Roles that stand in a place without being its own: "troops in Ukraine", "agents in
# Iran", "refugees in Turkey". Other roles in a state are the state's ("protesters in
# Thailand", "rebels in Mali", "the authorities in Tokyo").
_FOREIGN_SECTORS = {"MIL", "SPY", "REF"}
_MISSIONS = {"embassy", "embassies", "consulate", "consulates", "mission", "missions"}
_MODIFIER_DEPS = {"amod", "compound", "npadvmod", "nmod"}
# "Iran-backed rebels", "pro-Russian separatists": the state backs the group or is backed by
# it; the group is not its part (armed groups take the state they fight in), so the name is
# no mention there. A closed class of English participles and prefixes.
_BACKING = {"backed", "supported", "sponsored", "funded", "armed", "trained", "allied",
            "aligned", "leaning", "friendly", "financed"}  # fmt: skip
_STANCE_PREFIXES = {"pro", "anti"}


class MentionFinder:
    """Finds mentions with matchers built from `tables`, once per spaCy vocabulary."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self._lock = threading.Lock()
        self._built: dict[int, tuple[Vocab, PhraseMatcher, PhraseMatcher, dict[int, tuple]]] = {}
        self._adjectival_words = {
            p.text: p.entry_id for p in tables.phrase_index.values() if p.kind in _ADJECTIVAL
        }
        self._state_words = {
            p.text: p.entry_id for p in tables.phrase_index.values() if p.kind == "state"
        }

    # ---------------------------------------------------------------- matchers
    def _matchers(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, tuple]]:
        built = self._built.get(id(vocab))
        if built is None or built[0] is not vocab:
            with self._lock:
                built = self._built.get(id(vocab))
                if built is None or built[0] is not vocab:
                    built = (vocab, *self._build(vocab))
                    self._built[id(vocab)] = built
        return built[1], built[2], built[3]

    def _build(self, vocab: Vocab) -> tuple[PhraseMatcher, PhraseMatcher, dict[int, tuple]]:
        # Patterns must share the Doc's vocabulary: a matcher built on another vocab
        # silently returns wrong spans.
        tokenizer: Any = spacy.blank("en", vocab=vocab).tokenizer
        names = PhraseMatcher(vocab, attr="ORTH")
        roles = PhraseMatcher(vocab, attr="LOWER")
        keys: dict[int, tuple] = {}
        groups: dict[str, list[str]] = {}
        for phrase in self.tables.phrase_index.values():
            key = f"{phrase.kind}|{phrase.entry_id}|{int(phrase.needs_article)}|{int(phrase.takes_article)}"
            groups.setdefault(key, []).append(phrase.text)
            keys[vocab.strings.add(key)] = (
                phrase.kind,
                phrase.entry_id,
                phrase.needs_article,
                phrase.takes_article,
            )
        for text, bearers in self.tables.person_names.items():
            entry_id = f"person:{bearers[0]}" if len(bearers) == 1 else f"alias:{text}"
            key = f"person|{entry_id}|0|0"
            groups.setdefault(key, []).append(text)
            keys[vocab.strings.add(key)] = ("person", entry_id, False, False)
        for key, texts in groups.items():
            variants = set(texts) | {t[0].upper() + t[1:] for t in texts if t[0].islower()}
            names.add(key, list(tokenizer.pipe(sorted(variants))))
        for word in self.tables.roles:
            key = f"role|{word}"
            keys[vocab.strings.add(key)] = ("role", word, False, False)
            roles.add(key, [tokenizer(word)])
        return names, roles, keys

    # ---------------------------------------------------------------- finding
    def find(self, doc: Doc) -> list[Mention]:
        names, roles, keys = self._matchers(doc.vocab)
        found = [f for f in self._names(doc, names, keys) if not _backer(doc, f)]
        found = drop_qualifiers(doc, found)
        role_at: dict[int, tuple[int, RoleNoun]] = {}
        for match_id, start, end in roles(doc):
            word = keys[match_id][1]
            if start not in role_at or role_at[start][0] < end:
                role_at[start] = (end, self.tables.roles[word])
        found = sorted(found + self._titled_names(doc, found, role_at), key=lambda f: f.start)
        by_start = {f.start: f for f in found}
        mentions = [*self._people(doc, found, by_start, role_at)]
        mentions += self._others(doc, found, by_start, role_at)
        _share_roles_across_coordination(doc, mentions)
        mentions = self._role_of_place(doc, mentions, role_at)
        mentions += _split_compound_tokens(doc, mentions, self._adjectival_words, self.tables)
        return sorted((self._finish(doc, f) for f in mentions), key=lambda m: (m.start, m.end))

    def _titled_names(self, doc: Doc, found: list[_Found], role_at) -> list[_Found]:
        """ "President Bush": a surname no alias lists, right after an office title, is
        whoever bore it in that office on the day (the resolver decides)."""
        taken = {i for f in found for i in range(f.start, f.end)}
        titled = []
        for _start, (end, role) in role_at.items():
            if not role.office or end >= len(doc) or end in taken:
                continue
            word = doc[end]
            full = end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN"  # "Minister Joseph Otieno"
            if word.pos_ == "PROPN" and not full and word.text in self.tables.titled_names:
                entry_id = f"titled:{role.office}:{word.text}"
                titled.append(_Found(end, end + 1, "person", entry_id))
                taken.add(end)
        return titled

    def _names(self, doc: Doc, matcher: PhraseMatcher, keys: dict[int, tuple]) -> list[_Found]:
        candidates = []
        for match_id, start, end in matcher(doc):
            kind, entry_id, needs_article, takes_article = keys[match_id]
            entry = self.tables.entries.get(entry_id)
            country = entry.country if entry else None
            if needs_article and not self._has_article(doc, start, country):
                continue
            is_place = bool(
                entry and entry.is_place and kind in ("state", "capital", "body", "collective")
            )
            candidates.append(_Found(start, end, kind, entry_id, country, is_place, takes_article))
        candidates.sort(key=lambda f: (f.start - f.end, _PRIORITY[f.kind], f.start))
        taken = bytearray(len(doc))
        chosen = []
        for cand in candidates:
            if any(taken[cand.start : cand.end]):
                continue
            if cand.kind == "prefix":  # "Sino" only before "-Russian"
                nxt = doc[cand.end].text if cand.end < len(doc) else ""
                after = doc[cand.end + 1].text if cand.end + 1 < len(doc) else ""
                if nxt != "-" or after not in self._adjectival_words:
                    continue
                cand.kind = "demonym"
            taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            chosen.append(cand)
        return sorted(chosen, key=lambda f: f.start)

    def _has_article(self, doc: Doc, start: int, country: str | None) -> bool:
        """ "the Diet", "the Japanese Diet", "Japan's Diet" — but not "a diet" or "Diet"."""
        if start == 0:
            return False
        before = doc[start - 1]
        if before.lower_ == "the":
            return True
        if country is None:
            return False
        word = doc[start - 2].text if before.text in _POSSESSIVE and start >= 2 else before.text
        entry_id = self._adjectival_words.get(word) or self._state_words.get(word)
        entry = self.tables.entries.get(entry_id or "")
        return entry is not None and entry.country == country

    def _people(self, doc, found, by_start, role_at) -> list[_Found]:
        """ "Russian President Vladimir Putin", "Prime Minister Kishida", "the Abe government"."""
        role_end_at: dict[int, tuple[int, RoleNoun]] = {}
        for start, (end, role) in sorted(role_at.items(), reverse=True):
            if role.office:  # the longest title ending here: "Prime Minister", not "Minister"
                role_end_at[end] = (start, role)
        people = []
        for person in found:
            if person.kind != "person":
                continue
            person.used = True
            title = role_end_at.get(person.start)
            if title and title[1].office:
                person.start = title[0]
                state = _adjective_before(doc, found, person.start)
                if state is not None:
                    state.used = True
                    person.start = state.start
                org = self._organisation_before(found, person.start)
                if org is not None:  # "AU mediator Thabo Mbeki" speaks for the AU
                    org.used = True
                    person.start, person.kind, person.entry_id = org.start, org.kind, org.entry_id
            after = person.end + (
                1 if person.end < len(doc) and doc[person.end].text in _POSSESSIVE else 0
            )
            role = role_at.get(after)
            if role and role[1].after_name:
                person.end, person.entry_id = role[0], f"{person.entry_id}/{role[1].sector}"
                person.role = role[1]
            people.append(person)
        return people

    def _organisation_before(self, found: list[_Found], start: int) -> _Found | None:
        """An international organisation named right before a title and a name."""
        for cand in found:
            entry = self.tables.entries.get(cand.entry_id)
            if cand.end == start and not cand.used and entry is not None and entry.igo:
                return cand
        return None

    def _others(self, doc, found, by_start, role_at) -> list[_Found]:
        result = []
        person_tokens = {i for f in found if f.kind == "person" for i in range(f.start, f.end)}
        ents = {e.start: e.end for e in doc.ents if e.label_ == "PERSON"}
        for cand in found:
            if cand.used:
                continue
            cand.used = True
            j = cand.end
            if cand.kind != "demonym" and j < len(doc) and doc[j].text in _POSSESSIVE:
                j += 1
            body = by_start.get(j)
            if (
                body is not None
                and body.kind == "body"
                and body.country == cand.country
                and not body.used
            ):
                body.used = True  # "the Japanese Diet", "Japan's Self-Defense Forces"
                cand.end, cand.kind, cand.entry_id = body.end, "body", body.entry_id
                cand.is_place = body.is_place
                result.append(cand)
                continue
            role_start = _skip_modifiers(doc, j, role_at, by_start)
            if role_start is None:
                result.append(cand)
                continue
            role_end, role = role_at[role_start]
            blocked = by_start.get(role_start)
            if blocked is not None and (blocked.used or blocked.end > role_end):
                result.append(cand)
                continue
            if blocked is not None:
                blocked.used = True  # "Russian Foreign Office": the role, not Britain's body
            if any(i in person_tokens for i in range(cand.end, role_end)):
                result.append(cand)  # the words belong to a person's title
                continue
            cand.end, cand.role = role_end, role
            if role.office and role_end in ents:
                cand.end = ents[role_end]  # "Chinese Foreign Minister Qin Gang", name unknown
            entry = self.tables.entries.get(cand.entry_id)
            if entry is not None and not entry.igo:
                cand.entry_id = f"{cand.entry_id}/{role.sector}"
                cand.kind = "office_title" if role.office else "demonym_role"
            cand.is_place = False
            result.append(cand)
        return result

    def _role_of_place(self, doc, mentions, role_at) -> list[_Found]:
        """ "the authorities in Tokyo", "protesters in Thailand", "the government of Fumio
        Kishida", "the army of Russia"."""
        taken = {i for f in mentions for i in range(f.start, f.end)}
        by_start = {f.start: f for f in mentions}
        for start, (end, role) in role_at.items():
            if start in taken or end >= len(doc) or end in taken:
                continue
            link = doc[end].lower_
            place = by_start.get(end + 1)
            if place is None or link not in ("of", "in") or place.role is not None:
                continue
            if place.kind not in ("state", "capital", "person") or "/" in place.entry_id:
                continue
            if link == "in" and (role.sector in _FOREIGN_SECTORS or place.kind == "person"):
                continue  # "troops in Ukraine" are not Ukraine's troops (but protesters are)
            if link == "in" and doc[end - 1].lower_ in _MISSIONS:
                continue  # "the embassy in Tehran" is another state's, standing in Tehran
            place.start, place.role, place.is_place = start, role, False
            place.entry_id = f"{place.entry_id}/{role.sector}"
            if place.kind != "person":
                place.kind = "office_title" if role.office else "demonym_role"
        return mentions

    def _finish(self, doc: Doc, found: _Found) -> Mention:
        start, former = found.start, False
        if start >= 1 and doc[start - 1].lower_ in _FORMER:
            start, former = start - 1, True
        elif start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "ex":
            start, former = start - 2, True
        # "the Czech Republic", "the Kremlin" keep their article; "the Japan of 1950" does not
        keeps_article = (
            found.kind not in ("state", "capital", "demonym")
            or found.takes_article
            or (found.kind == "state" and found.end - found.start > 1)
        )
        if start >= 1 and doc[start - 1].lower_ == "the" and (keeps_article or former):
            start -= 1
        span = doc[start : found.end]
        return Mention(
            start, found.end, span.text, found.entry_id, found.kind, found.is_place, former
        )


def _backer(doc: Doc, found: _Found) -> bool:
    """ "Iran-backed", "pro-Russian": a name that only says who backs whom."""
    after = doc[found.end + 1].lower_ if found.end + 1 < len(doc) else ""
    if found.end < len(doc) and doc[found.end].text == "-" and after in _BACKING:
        return True
    before = doc[found.start - 2].lower_ if found.start >= 2 else ""
    return doc[found.start - 1].text == "-" and before in _STANCE_PREFIXES if found.start else False


def _adjective_before(doc: Doc, found: list[_Found], start: int) -> _Found | None:
    """The demonym or possessive state right before a title: "Russian" President, "Japan's" PM."""
    for cand in found:
        if cand.used or cand.kind == "person":
            continue
        if cand.end == start and cand.kind == "demonym":
            return cand
        if (
            cand.end == start - 1
            and cand.kind in ("state", "capital")
            and doc[start - 1].text in _POSSESSIVE
        ):
            return cand
    return None


def _skip_modifiers(doc: Doc, j: int, role_at, by_start, most: int = 3) -> int | None:
    """Where a role noun starts after `j`, past a few modifiers: "Japanese [energy] companies"."""
    for k in range(j, min(j + most + 1, len(doc))):
        if k in role_at:
            after = role_at[k][0]
            hyphenated = after < len(doc) and doc[after].text == "-"  # "state-owned" is no role
            adjective = after == k + 1 and doc[k].pos_ == "ADJ"  # "Moscow's official position"
            if not (hyphenated or adjective):
                return k
        if k in by_start and k != j:
            return None
        tok = doc[k]
        if not (tok.pos_ == "ADJ" or tok.dep_ in _MODIFIER_DEPS or tok.text == "-" or k in role_at):
            return None
    return None


def _share_roles_across_coordination(doc: Doc, mentions: list[_Found]) -> None:
    """ "Russian and Chinese foreign ministers": each demonym takes the role noun after the last."""
    ordered = sorted(mentions, key=lambda f: f.start)
    for left, right in zip(reversed(ordered[:-1]), reversed(ordered[1:]), strict=True):
        # "US and Japanese officials": a state's name used as an adjective shares it too
        if left.kind not in ("demonym", "state") or left.role is not None or right.role is None:
            continue
        if right.kind not in ("demonym_role", "office_title"):
            continue
        between = [t.lower_ for t in doc[left.end : right.start]]
        if not between or not all(w in _COORDINATION for w in between):
            continue
        left.role, left.kind = right.role, right.kind
        left.entry_id = f"{left.entry_id}/{right.role.sector}"


def _split_compound_tokens(
    doc: Doc, mentions: list[_Found], adjectival: dict[str, str], tables: Tables
) -> list[_Found]:
    """One token "Sino-Russian" (when a tokenizer keeps it whole) gives both demonyms."""
    # Look at each distinct word once rather than at every token: this runs on every Doc.
    orths = doc.to_array(ORTH)
    taken = {i for f in mentions for i in range(f.start, f.end)}
    extra = []
    for orth in set(orths.tolist()):
        parts = doc.vocab.strings[orth].split("-")
        if len(parts) < 2 or not all(p in adjectival for p in parts):
            continue
        for i in (orths == orth).nonzero()[0].tolist():
            if i in taken:
                continue
            for part in parts:
                entry = tables.entries.get(adjectival[part])
                country = entry.country if entry else None
                extra.append(_Found(i, i + 1, "demonym", adjectival[part], country))
    return extra
