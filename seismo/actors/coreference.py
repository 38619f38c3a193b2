"""Later, shorter mentions of a person named in full earlier in the same document.

News names a person in full once ("Foreign Minister Julie Bishop") and then by one part
of the name: "Ms Bishop said", "Bishop told reporters", "Wang added" (a Chinese name puts
the family name first). Our tables cannot list every surname as an alias: "Bishop" is also
a noun and "Ashton" is two people. Within one document, after the full name, a reader
takes the bare part to mean the person just named; this module does the same.
"""

from __future__ import annotations

from spacy.tokens import Doc

from seismo.actors.mentions import Mention

# Courtesy titles written before a surname; they join the mention ("Mr Correa").
HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "lady", "lord"})


def name_parts(entry_id: str) -> tuple[str, ...]:
    """The parts of a person's name that may stand alone: the first and the last word.

    A family name with a particle ("al-Bashir", "el-Sisi") also stands without it.
    """
    name = entry_id.partition(":")[2].partition("/")[0]
    words = [w for w in name.split() if w[:1].isalpha() and "." not in w]
    if len(words) < 2:
        return ()
    last = words[-1]
    if last[:1].islower() and "-" in last:
        last = last.rpartition("-")[2]
    parts = (words[0], last) if words[0][:1].isupper() else (last,)
    return tuple(dict.fromkeys(p for p in parts if p[:1].isupper()))


def later_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions of a bare name part that follows the person's full name in `doc`.

    Only a proper-noun token standing alone (no proper noun joined to it but a courtesy
    title) counts, and only if one person named so far owns that part: "Wang" after both
    Wang Yi and Wang Wenbin is left alone.
    """
    taken = bytearray(len(doc))
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    owners: dict[str, set[tuple[str, str]]] = {}
    named = sorted(
        ((m, parts) for m in mentions if (parts := _parts_named(doc, m))), key=lambda n: n[0].start
    )
    added: list[Mention] = []
    nxt = 0
    for tok in doc:
        while nxt < len(named) and named[nxt][0].end <= tok.i:
            m, parts = named[nxt]
            # a person of our tables is read on the later date; an office holder we do not
            # list keeps the office named with the name ("SOM/GOV")
            entry = m.entry_id.partition("/")[0] if m.kind == "person" else m.entry_id
            for part in parts:
                owners.setdefault(part, set()).add((entry, m.kind))
            nxt += 1
        if taken[tok.i] or tok.pos_ != "PROPN" or tok.text not in owners:
            continue
        if len(owners[tok.text]) != 1 or not _stands_alone(doc, tok.i):
            continue
        start = tok.i - 1 if tok.i >= 1 and doc[tok.i - 1].lower_ in HONORIFICS else tok.i
        entry, kind = next(iter(owners[tok.text]))
        span = doc[start : tok.i + 1]
        added.append(Mention(start, tok.i + 1, span.text, entry, kind, False, False))
    return added


def _parts_named(doc: Doc, m: Mention) -> tuple[str, ...]:
    """The name parts a mention introduces: a person of our tables ("person:Julie Bishop"),
    or the name spaCy reads as a person's at the end of an office ("Somalia's Information
    Minister Osman Dube", someone our tables do not list)."""
    if m.kind == "person":
        return name_parts(m.entry_id) if m.entry_id.startswith("person:") else ()
    if m.kind != "office_title":
        return ()
    name: list[str] = []
    for tok in reversed(doc[m.start : m.end]):
        if tok.pos_ != "PROPN" or tok.ent_type_ != "PERSON":
            break
        name.insert(0, tok.text)
    return name_parts("person:" + " ".join(name)) if len(name) >= 2 else ()


def _stands_alone(doc: Doc, i: int) -> bool:
    """No other proper noun is part of the same name ("Wang" in "Wang Wenbin" is not)."""
    before = doc[i - 1] if i >= 1 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper():
        return False
    if before is not None and before.pos_ == "PROPN" and before.lower_ not in HONORIFICS:
        return before.text[:1].islower()
    return True
