"""Words before a name that say it does not name its own state acting.

"Western Cambodia" is a point of the compass in Cambodia, not the West; "Bosnian Croat
forces" and "Croatian Serb refugees" are communities of the first state; "ethnic Albanians
in Serbia" are people of Serbia, read as a role (CVL) of the state they live in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from seismo.actors.mentions import _Found

# A closed class of English: the word that makes a demonym a community, not a state.
_ETHNIC = {"ethnic"}


def drop_qualifiers(doc: Doc, found: list[_Found]) -> list[_Found]:
    """The name matches left once qualified names are taken out (see the module's doc)."""
    starts = {f.start for f in found if f.kind in ("state", "capital")}
    ends = {f.end: f.country for f in found if f.kind == "demonym" and f.country}
    return [
        f for f in found
        if not (f.kind == "demonym" and f.entry_id.startswith("org:") and f.end in starts)
        and not (f.kind == "demonym" and ends.get(f.start) not in (None, f.country))
        and not (f.kind == "demonym" and _ethnic(doc, f.start, f.end))
    ]  # fmt: skip


def _ethnic(doc: Doc, start: int, end: int) -> bool:
    """ "ethnic Albanians" with no place after them ("ethnic Hungarians in Romania" is read
    whole, the people standing in the place)."""
    if start == 0 or doc[start - 1].lower_ not in _ETHNIC:
        return False
    after = doc[end] if end < len(doc) else None
    return after is None or after.lower_ not in ("in", "of") or after.head.i != end - 1
