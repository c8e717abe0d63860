"""Tests for the New START counting rules and central limits: cases worked by hand."""

import pytest

from widgets.models.inputs import InputError
from widgets.models.new_start import (
    DELIVERY_VEHICLE_LIMIT,
    LAUNCHER_LIMIT,
    WARHEAD_LIMIT,
    ForceStructure,
    NewStartResult,
    assess,
)

# A force exactly at all three limits:
#   (a) deployed: 400 ICBMs + 240 SLBMs + 60 bombers = 700
#   (b) warheads: 400 + 1,090 + 60·1 = 1,550
#   (c) launchers: (400 + 50) + (240 + 40) + (60 + 10) = 800
AT_LIMITS = dict(
    deployed_icbms=400,
    icbm_warheads=400,
    deployed_slbms=240,
    slbm_warheads=1090,
    deployed_heavy_bombers=60,
    non_deployed_icbm_launchers=50,
    non_deployed_slbm_launchers=40,
    non_deployed_heavy_bombers=10,
)


def with_changes(**changes):
    return {**AT_LIMITS, **changes}


def test_limits_are_the_treaty_numbers():
    # Article II.1(a)-(c)
    assert (DELIVERY_VEHICLE_LIMIT, WARHEAD_LIMIT, LAUNCHER_LIMIT) == (700, 1550, 800)


def test_exactly_at_the_limits_complies():
    assert isinstance(assess(AT_LIMITS), NewStartResult)
    a = assess(AT_LIMITS)
    assert a.complies and a.broken == ()
    assert [c.counted for c in a.checks] == [700, 1550, 800]
    assert [c.headroom for c in a.checks] == [0, 0, 0]
    assert a.summary.startswith("Within all three")


def test_one_extra_non_deployed_launcher_breaks_only_the_launcher_limit():
    # (c) 800 + 1 = 801; (a) and (b) unchanged
    a = assess(with_changes(non_deployed_icbm_launchers=51))
    assert a.broken == (a.launchers.name,)
    assert a.launchers.counted == 801 and a.launchers.headroom == -1
    assert not a.delivery_vehicles.broken and not a.warheads.broken
    assert "Article II.1(c)" in a.summary and "1 over" in a.summary


def test_one_extra_warhead_breaks_only_the_warhead_limit():
    # (b) 400 + 1,091 + 60 = 1,551
    a = assess(with_changes(slbm_warheads=1091))
    assert a.broken == ("counted warheads",)
    assert a.warheads.counted == 1551 and a.warheads.headroom == -1
    assert "Article II.1(b)" in a.summary


def test_one_extra_deployed_missile_breaks_only_the_deployed_limit():
    # 401 ICBMs with 401 warheads, SLBM warheads cut to 1,089, one non-deployed ICBM
    # launcher fewer: (a) 401 + 240 + 60 = 701; (b) 401 + 1,089 + 60 = 1,550;
    # (c) (401 + 49) + (240 + 40) + (60 + 10) = 800
    a = assess(with_changes(deployed_icbms=401, icbm_warheads=401, slbm_warheads=1089, non_deployed_icbm_launchers=49))
    assert a.broken == (a.delivery_vehicles.name,)
    assert [c.counted for c in a.checks] == [701, 1550, 800]


def test_all_three_broken_listed_in_article_order():
    # +10 deployed SLBMs carrying 10 warheads: (a) 710, (b) 1,560, (c) 810
    a = assess(with_changes(deployed_slbms=250, slbm_warheads=1100))
    assert len(a.broken) == 3 and a.broken[1] == "counted warheads"
    assert a.summary.startswith("Breaks 3 of the 3")


def test_bombers_count_one_warhead_whatever_they_carry():
    # 60 bombers each able to carry 20 weapons = 1,200 weapons, still 60 counted warheads
    # (Article III.2(b)); 1,200 − 60 = 1,140 weapons go uncounted
    a = assess(with_changes(bomber_weapons=1200))
    assert a.complies and a.warheads.counted == 1550
    assert a.uncounted_bomber_weapons == 1140
    assert "1,140 weapons go uncounted" in a.summary


def test_small_force_headroom_by_hand():
    # 100 ICBMs/100 warheads, 50 SLBMs/200 warheads, 10 bombers, nothing non-deployed:
    # (a) 160 → 540 to spare; (b) 100 + 200 + 10 = 310 → 1,240; (c) 160 → 640
    a = assess(
        ForceStructure(
            deployed_icbms=100, icbm_warheads=100, deployed_slbms=50, slbm_warheads=200, deployed_heavy_bombers=10
        )
    )
    assert [c.counted for c in a.checks] == [160, 310, 160]
    assert [c.headroom for c in a.checks] == [540, 1240, 640]
    assert "1,240 to spare" in a.summary


def test_empty_force_complies():
    a = assess(ForceStructure())
    assert a.complies and [c.counted for c in a.checks] == [0, 0, 0]


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("deployed_icbms", -1, "deployed ICBMs cannot be negative"),
        ("non_deployed_slbm_launchers", 2.5, "non-deployed SLBM launchers must be a whole number"),
        ("deployed_heavy_bombers", "many", "deployed heavy bombers must be a number"),
        ("slbm_warheads", -3, "warheads on deployed SLBMs cannot be negative"),
    ],
)
def test_bad_counts_name_the_field(field, value, words):
    with pytest.raises(InputError, match=words):
        ForceStructure(**{field: value})


def test_whole_number_floats_accepted():
    assert ForceStructure(deployed_icbms=400.0, icbm_warheads=400).deployed_icbms == 400


def test_warheads_need_missiles_and_bomber_weapons_need_bombers():
    with pytest.raises(InputError, match="no deployed ICBMs"):
        ForceStructure(icbm_warheads=10)
    with pytest.raises(InputError, match="no deployed heavy bombers"):
        ForceStructure(bomber_weapons=10)


def test_warheads_are_a_total_not_per_missile():
    # 400 missiles with "1" warhead is almost surely a per-missile figure typed by mistake
    with pytest.raises(InputError, match="total over all deployed ICBMs"):
        ForceStructure(deployed_icbms=400, icbm_warheads=1)


def test_unknown_field_or_type_rejected():
    with pytest.raises(InputError, match="Unknown force field"):
        assess({"deployed_icbm": 5})
    with pytest.raises(InputError, match="ForceStructure"):
        assess([400, 400])
