"""Matching a claimant's description against a found item, seed 003 5.2.14.

The clerk asks for the quantity, the colour and the main features; the item is
handed over only when they agree with what was registered.
"""

import re

_SEPARATORS = re.compile(r"[\s,，、;；。.:：/]+")


def _tokens(text):
    return {t for t in _SEPARATORS.split((text or "").lower()) if t}


def _same_colour(registered, claimed):
    registered, claimed = (registered or "").strip().lower(), (claimed or "").strip().lower()
    return bool(registered and claimed) and (registered in claimed or claimed in registered)


def _features_agree(registered, claimed):
    """At least one claimed feature appears in the registered features."""
    wanted = _tokens(registered)
    text = (registered or "").lower()
    return any(token in wanted or token in text for token in _tokens(claimed))


def mismatches(item, claim):
    """The fields on which ``claim`` disagrees with ``item`` (dicts with
    ``quantity``, ``colour``, ``features``); an empty list is a match."""
    wrong = []
    if int(item.get("quantity") or 0) != int(claim.get("quantity") or 0):
        wrong.append("quantity")
    if not _same_colour(item.get("colour"), claim.get("colour")):
        wrong.append("colour")
    if not _features_agree(item.get("features"), claim.get("features")):
        wrong.append("features")
    return wrong
