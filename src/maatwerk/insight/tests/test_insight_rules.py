"""The pure rules of insight: k-anonymous extracts with pseudonyms, and the survival analysis
finding back effects that were put into generated data."""

import statistics
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from maatwerk.insight.rules import anonymise, survival
from maatwerk.insight.rules.counting import median_of_counts


def _row(year, postcode, group, **extra):
    return {"birth_year": year, "postcode": postcode, "target_group": group, "key": "x", **extra}


def test_pseudonyms_are_stable_per_secret_and_unlinkable_across_exports():
    first, second = anonymise.new_secret(), anonymise.new_secret()
    assert anonymise.pseudonym(first, "abc") == anonymise.pseudonym(first, "abc")
    assert anonymise.pseudonym(first, "abc") != anonymise.pseudonym(second, "abc")
    assert "abc" not in anonymise.pseudonym(first, "abc")


def test_postcodes_and_age_bands():
    assert anonymise.postcode_digits("1234 AB") == "1234" == anonymise.postcode_digits("1234ab")
    assert anonymise.postcode_digits("abc") == "" == anonymise.postcode_digits("")
    assert anonymise.age_band(1990, 2026, 10) == "30-39"
    assert anonymise.age_band(1990, 2026, 20) == "20-39"
    assert anonymise.age_band(1990, 2026, 0) == "alle leeftijden"


def test_a_small_area_is_made_coarser_until_every_group_has_five():
    rows = [_row(1990, f"12{n % 10}0 AB", "bijstand") for n in range(20)]  # 2 per postcode
    result = anonymise.make_k_anonymous(rows, year=2026, k=5)
    assert result.level.postcode_digits in (2, 0) and result.suppressed <= 3
    assert all("birth_year" not in r and "postcode" not in r for r in result.rows)


def test_a_column_outside_the_codebook_is_named():
    assert anonymise.check_columns(["work", "bsn", "name"], {"work": "x"}) == ["bsn", "name"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1940, 2008),
            st.integers(1000, 9999),
            st.sampled_from(["bijstand", "wmo", "jeugdzorg", "schuldhulp"]),
            st.one_of(st.none(), st.sampled_from(["m", "v"])),
        ),
        min_size=1,
        max_size=200,
    )
)
def test_no_group_below_k_ever_leaves(people):
    rows = [
        {**_row(y, f"{p} AB", g, other=n), **({"sex": s} if s else {})}
        for n, (y, p, g, s) in enumerate(people)
    ]
    result = anonymise.make_k_anonymous(rows, year=2026, k=5)
    with_sex = any("sex" in r for r in rows)
    groups = Counter(
        (r["age_band"], r["postcode_area"], r["target_group"], r.get("sex") if with_sex else None)
        for r in result.rows
    )
    assert all(n >= 5 for n in groups.values())
    assert result.suppressed + len(result.rows) == len(rows)
    if result.level != anonymise.LEVELS[-1]:
        assert result.suppressed <= 0.05 * len(rows)
    assert sorted(r["other"] for r in result.rows) == sorted(
        r["other"] for r in rows if r["other"] in {x["other"] for x in result.rows}
    )


def test_the_cox_model_finds_back_the_true_effects():
    # A fixed draw: a 95% interval misses the truth in 1 of 20 draws by design.
    people = survival.synthetic(3000, 1, {"provision_training": 2.0, "obstacle_health": 0.5})
    result = survival.cox(
        people,
        ["provision_training", "obstacle_health", "first_contact_in_person", "plain_letters"],
    )
    found = {r.factor: r for r in result.ratios}
    for factor, truth in (("provision_training", 2.0), ("obstacle_health", 0.5)):
        ratio = found[factor]
        assert ratio.low <= truth <= ratio.high
        assert abs(ratio.hazard_ratio - truth) / truth < 0.25
    assert found["plain_letters"].low <= 1 <= found["plain_letters"].high
    assert "Samenhang is geen oorzaak" in " ".join(result.caveats)
    assert "keer zo snel werk" in found["provision_training"].plain(
        {"provision_training": "een opleiding"}
    )


def test_kaplan_meier_median_matches_the_exponential_rate():
    people = survival.synthetic(2000, 3, {})
    curves = survival.kaplan_meier(people, "template")
    expected = 400 * 0.6931
    for curve in curves:
        assert curve.median_days is not None and abs(curve.median_days - expected) / expected < 0.15


def test_rare_factors_are_left_out_and_named_and_no_data_is_said():
    people = survival.synthetic(300, 5, {})
    rare = [
        survival.Subject(p.days, p.work, p.groups, {**p.factors, "provision_rare": float(n < 5)})
        for n, p in enumerate(people)
    ]
    result = survival.cox(rare, ["provision_rare", "obstacle_health"])
    assert "provision_rare" not in {r.factor for r in result.ratios}
    assert "provision_rare" in " ".join(result.caveats)
    empty = survival.cox([], ["obstacle_health"])
    assert empty.ratios == [] and "geen gegevens" in " ".join(empty.caveats)
    assert survival.kaplan_meier([], "template") == []


def test_the_charts_are_accessible_svg():
    people = survival.synthetic(200, 1, {"provision_training": 2.0})
    svg = survival.curves_svg(survival.kaplan_meier(people, "template"), title="Tijd tot werk")
    assert svg.startswith("<svg") and 'aria-label="Tijd tot werk"' in svg


@given(st.dictionaries(st.integers(-1000, 5000), st.integers(1, 50), min_size=1))
def test_the_median_of_counted_values_is_the_median_of_the_values_listed(histogram):
    listed = [value for value, times in histogram.items() for _ in range(times)]
    assert median_of_counts(histogram) == statistics.median(listed)
