"""Actors: who a mention in the text stands for, as of the event's date.

`default_actor_base().find_mentions(doc)` gives the mentions in a spaCy Doc;
`resolve(mention, on=event_date)` the `seismo.model.Actor` each stands for then.
"""

from seismo.actors.mentions import KINDS, Mention
from seismo.actors.overlays import check_overlay
from seismo.actors.resolver import ActorBase, default_actor_base

__all__ = ["KINDS", "ActorBase", "Mention", "check_overlay", "default_actor_base"]
