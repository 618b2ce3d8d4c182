"""Where the leader's own view and the co-driver's differ: the start of their next talk."""

from __future__ import annotations

from core import texts
from core.gaps import gaps_table, rating_gaps


def _ids(bank):
    return [c.id for c in bank.competencies]


def test_only_gaps_of_one_point_or_more_are_listed_largest_first(bank):
    ids = _ids(bank)
    own = dict.fromkeys(ids, 3.0) | {ids[1]: 4.5, ids[4]: 1.0, ids[7]: 3.5}
    other = dict.fromkeys(ids, 3) | {ids[1]: 2, ids[4]: 4, ids[7]: 4}
    gaps = rating_gaps(bank, own, other)
    assert [(g.competency_id, g.difference) for g in gaps] == [(ids[4], 3.0), (ids[1], -2.5)]


def test_a_gap_of_exactly_one_counts_and_equal_gaps_keep_the_handbook_order(bank):
    ids = _ids(bank)
    own = dict.fromkeys(ids, 3.0)
    other = dict.fromkeys(ids, 3) | {ids[6]: 4, ids[2]: 2}
    assert [g.competency_id for g in rating_gaps(bank, own, other)] == [ids[2], ids[6]]


def test_a_competency_the_co_driver_did_not_rate_is_left_out(bank):
    ids = _ids(bank)
    own = dict.fromkeys(ids, 1.0)
    other = {ids[0]: 5}
    assert [g.competency_id for g in rating_gaps(bank, own, other)] == [ids[0]]


def test_the_table_shows_names_and_danish_signed_numbers(bank):
    ids = _ids(bank)
    own = dict.fromkeys(ids, 3.0) | {ids[0]: 4.5}
    other = dict.fromkeys(ids, 3) | {ids[0]: 2, ids[3]: 5}
    table = gaps_table(rating_gaps(bank, own, other))
    assert table.index.name == texts.GAP_COL_COMPETENCY
    assert list(table.columns) == [texts.GAP_COL_OWN, texts.GAP_COL_OTHER, texts.GAP_COL_DIFFERENCE]
    assert list(table.index) == [bank.competencies[0].name, bank.competencies[3].name]
    assert table.values.tolist() == [["4,5", "2,0", "−2,5"], ["3,0", "5,0", "+2,0"]]
