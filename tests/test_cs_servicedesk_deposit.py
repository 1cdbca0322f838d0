"""Deposit settlement and lost-and-found matching, as the seed states them."""

import pytest


@pytest.fixture
def deposit(rules):
    return rules("cs_servicedesk", "deposit")


@pytest.fixture
def lost_found(rules):
    return rules("cs_servicedesk", "lost_found")


def test_normal_return_refunds_the_whole_deposit(deposit):
    assert deposit.settle(50.0, 35.0, "returned") == (50.0, 0.0, 0.0)


def test_damaged_umbrella_keeps_its_price_and_refunds_the_rest(deposit):
    assert deposit.settle(50.0, 35.0, "damaged") == (15.0, 35.0, 0.0)


def test_lost_umbrella_keeps_the_deposit_and_charges_the_difference(deposit):
    assert deposit.settle(50.0, 80.0, "lost") == (0.0, 50.0, 30.0)


def test_damage_costing_exactly_the_deposit_refunds_nothing_and_charges_nothing(deposit):
    assert deposit.settle(50.0, 50.0, "damaged") == (0.0, 50.0, 0.0)


def test_free_item_lost_is_charged_at_its_price(deposit):
    assert deposit.settle(0.0, 300.0, "lost") == (0.0, 0.0, 300.0)


def test_settlement_refuses_unknown_outcomes_and_negative_amounts(deposit):
    with pytest.raises(ValueError):
        deposit.settle(50.0, 0.0, "stolen")
    with pytest.raises(ValueError):
        deposit.settle(-1.0, 0.0, "returned")


ITEM = {"quantity": 1, "colour": "黑色", "features": "钱包，内有身份证，皮质"}


def test_claim_matching_quantity_colour_and_a_feature_is_accepted(lost_found):
    claim = {"quantity": 1, "colour": "黑", "features": "皮质"}
    assert lost_found.mismatches(ITEM, claim) == []


def test_claim_with_wrong_quantity_is_refused(lost_found):
    claim = {"quantity": 2, "colour": "黑色", "features": "皮质"}
    assert lost_found.mismatches(ITEM, claim) == ["quantity"]


def test_claim_with_wrong_colour_and_features_lists_both(lost_found):
    claim = {"quantity": 1, "colour": "红色", "features": "帆布"}
    assert lost_found.mismatches(ITEM, claim) == ["colour", "features"]


def test_claim_without_description_matches_nothing(lost_found):
    assert lost_found.mismatches(ITEM, {}) == ["quantity", "colour", "features"]
