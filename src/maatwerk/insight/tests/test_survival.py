"""Time to work (`rules.survival`): the analysis must find back effects that were put into
generated data, say plainly what it left out, never raise on thin data, and draw charts that
a screen reader can name. Pure functions, no database: these run in a few seconds."""

import math

import pytest

from maatwerk.insight.rules import survival

TRUTH = {"provision_training": 2.0, "obstacle_health": 0.5}
FACTORS = ["provision_training", "obstacle_health", "first_contact_in_person", "plain_letters"]


def _with(people, name, holders):
    """The same clients with one extra factor, held by the first `holders` of them."""
    return [
        survival.Subject(p.days, p.work, p.groups, {**p.factors, name: float(n < holders)})
        for n, p in enumerate(people)
    ]


# Fixed draws (other than test_insight_rules' seed 1): a 95% interval misses the truth in
# 1 of 20 draws by design. Over seeds 0-199 each interval held in 93-97% of draws, and all
# six checks below together in 83%, so a random seed would make this test fail now and then.
@pytest.mark.parametrize("seed", [2, 3])
def test_the_cox_model_recovers_true_effects_and_sees_none_where_there_is_none(seed):
    people = survival.synthetic(3000, seed, TRUTH)
    result = survival.cox(people, FACTORS)
    found = {r.factor: r for r in result.ratios}
    assert set(found) == set(FACTORS)
    for factor, truth in TRUTH.items():
        ratio = found[factor]
        assert ratio.low <= truth <= ratio.high
        assert abs(ratio.hazard_ratio - truth) / truth < 0.25
        assert ratio.n_with == sum(1 for p in people if p.factors[factor] != 0)
    for factor in ("first_contact_in_person", "plain_letters"):  # no true effect
        assert found[factor].low <= 1 <= found[factor].high
    hazard_ratios = [r.hazard_ratio for r in result.ratios]
    assert hazard_ratios == sorted(hazard_ratios, reverse=True)
    assert result.n == 3000 and result.events == sum(p.work for p in people)
    assert 0.5 < result.concordance < 1


def test_the_generator_follows_its_own_description():
    people = survival.synthetic(3000, 4, {})
    assert all(0 <= p.days <= 1000 for p in people)
    assert all(p.work or p.days == 1000 for p in people)  # censoring only at 1,000 days
    assert {p.groups["template"] for p in people} == {"Naar werk", "Eerst taal", "Zorg en werk"}
    health = sum(p.factors["obstacle_health"] for p in people) / len(people)
    assert abs(health - 0.3) < 0.04
    assert all(
        (p.groups["obstacle"] == "health") == bool(p.factors["obstacle_health"]) for p in people
    )
    assert survival.synthetic(50, 4, {}) == survival.synthetic(50, 4, {})  # reproducible


def test_kaplan_meier_median_matches_a_known_exponential_rate():
    # Only the health obstacle has an effect, so each obstacle group has one exact rate:
    # 1/400 per day without it, 1/800 with it; the median of an exponential is ln(2)/rate.
    people = survival.synthetic(3000, 3, {"obstacle_health": 0.5})
    curves = {c.label: c for c in survival.kaplan_meier(people, "obstacle")}
    for label, rate in (("geen", 1 / 400), ("health", 1 / 800)):
        curve = curves[label]
        expected = math.log(2) / rate
        assert curve.median_days is not None
        assert abs(curve.median_days - expected) / expected < 0.15
    assert sum(c.n for c in curves.values()) == 3000
    assert sum(c.events for c in curves.values()) == sum(p.work for p in people)
    for curve in curves.values():
        assert curve.points[0] == (0.0, 1.0)
        shares = [share for _day, share in curve.points]
        assert shares == sorted(shares, reverse=True)  # a share without work never goes up


def test_a_median_that_is_not_reached_is_none():
    people = [
        survival.Subject(p.days, False, p.groups, p.factors) for p in survival.synthetic(60, 1, {})
    ]
    curves = survival.kaplan_meier(people, "obstacle")
    assert curves and all(c.median_days is None and c.events == 0 for c in curves)


def test_small_groups_are_merged_into_overig():
    people = survival.synthetic(100, 6, {})
    regrouped = [
        survival.Subject(
            p.days, p.work, {"template": "A" if n < 70 else f"klein {n % 3}"}, p.factors
        )
        for n, p in enumerate(people)
    ]
    curves = survival.kaplan_meier(regrouped, "template")
    assert [(c.label, c.n) for c in curves] == [("A", 70), (survival.OTHER, 30)]
    missing_key = [survival.Subject(p.days, p.work, {}, p.factors) for p in people]
    assert [(c.label, c.n) for c in survival.kaplan_meier(missing_key, "template")] == [
        (survival.OTHER, 100)
    ]


def test_a_factor_below_min_group_is_left_out_and_named_in_the_caveats():
    people = survival.synthetic(300, 5, {})
    few = survival.MIN_GROUP - 1
    result = survival.cox(
        _with(_with(people, "provision_rare", few), "provision_just", survival.MIN_GROUP),
        ["provision_rare", "provision_just", "obstacle_health"],
    )
    kept = {r.factor for r in result.ratios}
    assert kept == {"provision_just", "obstacle_health"}
    left_out = " ".join(result.caveats)
    assert "provision_rare" in left_out and str(survival.MIN_GROUP) in left_out
    # A factor nobody has, or everybody has, says nothing either.
    constant = survival.cox(
        _with(people, "everyone", len(people)), ["everyone", "absent", "obstacle_health"]
    )
    assert {r.factor for r in constant.ratios} == {"obstacle_health"}
    assert "everyone" in " ".join(constant.caveats) and "absent" in " ".join(constant.caveats)


def test_no_data_gives_no_curves_and_a_plain_caveat_without_raising():
    assert survival.kaplan_meier([], "template") == []
    empty = survival.cox([], FACTORS)
    assert empty.ratios == [] and empty.n == 0 and empty.events == 0
    caveats = " ".join(empty.caveats)
    assert "geen gegevens" in caveats and "Samenhang is geen oorzaak" in caveats
    no_factors = survival.cox(survival.synthetic(100, 1, {}), [])
    assert no_factors.ratios == [] and no_factors.caveats


def test_the_caveats_always_say_association_and_choice_by_consultants():
    caveats = " ".join(survival.cox(survival.synthetic(500, 8, TRUTH), FACTORS).caveats)
    assert "Samenhang is geen oorzaak" in caveats and "Consulenten kiezen" in caveats


def test_a_ratio_reads_as_plain_dutch_with_a_decimal_comma():
    faster = survival.Ratio("provision_training", 1.84, 1.42, 2.31, 0.001, 420)
    assert faster.plain({"provision_training": "een opleiding"}) == (
        "Cliënten met een opleiding vonden 1,8 keer zo snel werk "
        "(95%-betrouwbaarheid 1,4 tot 2,3; 420 cliënten)."
    )
    slower = survival.Ratio("obstacle_health", 0.61, 0.5, 0.74, 0.001, 90)
    assert "0,6 keer zo snel werk (95%-betrouwbaarheid 0,5 tot 0,7; 90 cliënten)" in slower.plain(
        {}
    )
    assert "Cliënten met obstacle_health" in slower.plain({})  # no label: the name itself


def test_the_charts_are_svg_named_for_screen_readers_and_self_contained():
    people = survival.synthetic(300, 1, TRUTH)
    curves = survival.curves_svg(survival.kaplan_meier(people, "template"), title="Tijd tot werk")
    ratios = survival.ratios_svg(
        survival.cox(people, FACTORS), {"provision_training": "opleiding"}, title="Factoren & werk"
    )
    for svg, title in ((curves, "Tijd tot werk"), (ratios, "Factoren &amp; werk")):
        assert svg.startswith("<svg") and 'role="img"' in svg
        assert f'aria-label="{title}"' in svg
        assert 'href="http' not in svg  # nothing fetched from the network when shown
    assert "opleiding" in ratios
    assert survival.curves_svg([], title="Leeg").startswith("<svg")
