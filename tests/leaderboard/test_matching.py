"""The shared matching routine, on hand-checked spans."""

from newsdac.leaderboard.matching import (
    covered,
    exact_counts,
    overlap,
    overlap_counts,
    pair_greedily,
)


def test_overlap_and_union_coverage():
    assert overlap((0, 10), (5, 20)) == 5
    assert overlap((0, 5), (5, 9)) == 0
    assert covered((0, 10), [(2, 4), (3, 6), (8, 30)]) == 6


def test_exact_counts_ignore_duplicates_and_order():
    assert exact_counts([(0, 5), (6, 9), (0, 5)], [(6, 9), (10, 12)]) == (1, 2, 1, 2)
    assert exact_counts([(0, 5, "a")], [(0, 5, "b")]) == (0, 1, 0, 1)


def test_overlap_counts_give_proportional_credit_per_label():
    # pred (0,10) is half covered by gold (5,15); gold is half covered by pred
    assert overlap_counts([(0, 10)], [(5, 15)]) == (0.5, 1, 0.5, 1)
    assert overlap_counts([(0, 10, "x")], [(5, 15, "y")]) == (0, 1, 0, 1)


def test_pair_greedily_is_one_to_one_by_score():
    assert pair_greedily({(0, 0): 3, (0, 1): 5, (1, 1): 4, (1, 0): 1}) == [(0, 1), (1, 0)]
    assert pair_greedily({(0, 0): 0}) == []
