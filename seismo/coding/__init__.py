"""From a sentence to CAMEO/PLOVER events: code tables, predicates, arguments, modality."""
