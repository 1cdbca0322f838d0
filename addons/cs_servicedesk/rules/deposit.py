"""Settling a loan deposit (押金), seed 003 5.2.11.

The deposit is a liability while the item is out. On return it is refunded in
full; a damaged item is paid at its price out of the deposit, the rest
refunded; a lost item is paid at its replacement price: the deposit is kept and
the difference charged. Amounts are in the company currency.
"""

from collections import namedtuple

OUTCOMES = ("returned", "damaged", "lost")

Settlement = namedtuple("Settlement", "refund income charge")
Settlement.__doc__ = """refund: paid back to the borrower; income: kept out of the
deposit as income; charge: collected from the borrower on top of the deposit."""


def settle(deposit, price, outcome):
    """Split ``deposit`` for ``outcome``; ``price`` is what the damage or loss costs."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    if deposit < 0 or price < 0:
        raise ValueError("deposit and price cannot be negative")
    if outcome == "returned":
        return Settlement(refund=deposit, income=0.0, charge=0.0)
    kept = min(deposit, price)
    return Settlement(refund=deposit - kept, income=kept, charge=price - kept)
