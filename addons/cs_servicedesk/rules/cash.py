"""Counter cash: the blind count by CNY denominations and what the drawer
should hold (seed 003 5.2.15: the shift lead totals receipts and cash)."""

# Notes and coins in use, in yuan.
DENOMINATIONS = (100.0, 50.0, 20.0, 10.0, 5.0, 1.0, 0.5, 0.1)


def counted_total(counts):
    """Total of a count ``{denomination: pieces}``; refuses unknown notes and negative counts."""
    total = 0
    for denomination, pieces in counts.items():
        if float(denomination) not in DENOMINATIONS:
            raise ValueError(f"{denomination} is not a CNY denomination")
        if pieces < 0 or int(pieces) != pieces:
            raise ValueError("a count is a whole number of pieces")
        # Whole fen avoid float drift (0.1 * 3).
        total += round(float(denomination) * 100) * int(pieces)
    return total / 100


def expected_cash(opening_float, cash_sales, deposits_in, deposits_out):
    """Cash the drawer should hold: the float, cash sales and deposits taken,
    less deposits refunded."""
    return round(opening_float + cash_sales + deposits_in - deposits_out, 2)


def difference(counted, expected):
    """Counted minus expected: negative when the drawer is short, positive when over."""
    return round(counted - expected, 2)
