"""Pure rules of the plans app: template lines, comparing versions, the ladder chart."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from maatwerk.plans.rules.compare import Item, compare
from maatwerk.plans.rules.ladder import Point, ladder_svg
from maatwerk.plans.rules.templates import TemplateStep, parse_steps


def test_template_lines_give_steps_and_problems_with_line_numbers():
    steps, problems = parse_steps(
        "gemeente | Wij zoeken een taalcursus | 2\n# opmerking\ncliënt | U gaat naar de les | 6\n"
        "iemand | Wat | 1\ncliënt | Zonder weken\ncliënt | Te lang | 500\n"
    )
    assert steps == [
        TemplateStep("municipality", "Wij zoeken een taalcursus", 2),
        TemplateStep("client", "U gaat naar de les", 6),
    ]
    assert [(p.line, p.code) for p in problems] == [(4, "party"), (5, "columns"), (6, "weeks")]


def test_an_empty_template_is_a_problem():
    assert parse_steps("\n# niets\n")[1][0].code == "empty"


def test_compare_shows_added_removed_and_changed_items_by_key():
    before = [Item("a", "goal", "Werk in de zorg"), Item("b", "step", "Cv maken")]
    after = [Item("a", "goal", "Werk in de zorg, 20 uur"), Item("c", "step", "Sollicitatie")]
    changes = compare(before, after)
    assert [(c.kind, c.change) for c in changes] == [
        ("goal", "changed"),
        ("step", "added"),
        ("step", "removed"),
    ]


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), st.integers(1, 6)
        ),
        max_size=80,
    )
)
def test_the_ladder_chart_has_one_point_per_measurement(points):
    svg = ladder_svg([Point(d, r) for d, r in points], title="Ladder")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<circle") == len(points)
    assert '<title id="ladder-title">Ladder</title>' in svg
