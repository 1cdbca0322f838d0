"""Counter cash arithmetic: the blind count and the expected drawer."""

import pytest


@pytest.fixture
def cash(rules):
    return rules("cs_servicedesk", "cash")


def test_count_adds_notes_and_coins_to_the_fen(cash):
    counts = {100: 3, 50: 1, 20: 2, 10: 0, 5: 1, 1: 4, 0.5: 1, 0.1: 3}
    assert cash.counted_total(counts) == 399.8


def test_count_refuses_a_note_that_does_not_exist(cash):
    with pytest.raises(ValueError):
        cash.counted_total({30: 1})


def test_count_refuses_negative_or_fractional_pieces(cash):
    with pytest.raises(ValueError):
        cash.counted_total({100: -1})
    with pytest.raises(ValueError):
        cash.counted_total({1: 1.5})


def test_expected_cash_is_float_plus_sales_plus_deposits_less_refunds(cash):
    assert cash.expected_cash(200.0, 37.5, 100.0, 50.0) == 287.5


def test_two_yuan_short_is_a_negative_difference(cash):
    assert cash.difference(285.5, 287.5) == -2.0


def test_exact_count_has_no_difference(cash):
    assert cash.difference(287.5, 287.5) == 0.0
