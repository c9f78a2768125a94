"""The research export and the analysis page on the demo municipality: a safe extract with its
codebook, refusals for a missing purpose and an unknown column, and the analysis finding back
the effects the demo generator put in."""

import csv
import io
import zipfile

import pyarrow.parquet as pq
import pytest
from django.core.management import call_command
from django.urls import reverse

from maatwerk.core.models import Role
from maatwerk.dossiers.tests.factories import make_staff
from maatwerk.insight import analysis, research
from maatwerk.insight.demo import TRUE_EFFECTS
from maatwerk.insight.models import ExportLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo")


def test_the_export_is_pseudonymised_k_anonymous_with_a_codebook_and_logged(client, demo):
    researcher = make_staff(role=Role.RESEARCHER)
    client.force_login(researcher)
    response = client.post(
        reverse("staff_insight:export"),
        {
            "purpose": "Onderzoek naar wat helpt bij uitstroom naar werk",
            "columns": research.DEFAULT_COLUMNS,
        },
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {"extract.csv", "extract.parquet", "codebook.csv"}
    rows = list(csv.DictReader(io.StringIO(archive.read("extract.csv").decode())))
    table = pq.read_table(io.BytesIO(archive.read("extract.parquet")))
    assert table.num_rows == len(rows) > 0
    assert "birth_year" not in rows[0] and "postcode" not in rows[0] and "key" not in rows[0]
    from maatwerk.dossiers.models import Client

    numbers = set(Client.objects.values_list("client_number", flat=True))
    keys = {str(k) for k in Client.objects.values_list("public_id", flat=True)}
    text = archive.read("extract.csv").decode()
    assert not any(n in text for n in list(numbers)[:50]) and not any(
        k in text for k in list(keys)[:50]
    )
    from collections import Counter

    groups = Counter((r["age_band"], r["postcode_area"], r["target_group"]) for r in rows)
    assert min(groups.values()) >= 5
    log = ExportLog.objects.get()
    assert log.by == researcher and "uitstroom" in log.purpose and log.rows == len(rows)


def test_an_export_without_a_purpose_or_with_an_unknown_column_is_refused(client, demo):
    client.force_login(make_staff(role=Role.RESEARCHER))
    url = reverse("staff_insight:export")
    no_purpose = client.post(url, {"purpose": " ", "columns": ["work"]})
    assert no_purpose.status_code == 400 and "doel" in no_purpose.content.decode()
    unknown = client.post(
        url, {"purpose": "Onderzoek naar uitstroom en terugval", "columns": ["work", "bsn"]}
    )
    assert unknown.status_code == 400 and "bsn" in unknown.content.decode()
    assert "Onderzoek naar uitstroom en terugval" in unknown.content.decode()  # kept in the box
    assert not ExportLog.objects.exists()


def test_only_researchers_export(client, demo):
    client.force_login(make_staff(role=Role.TEAM_LEAD))
    assert client.get(reverse("staff_insight:export")).status_code == 403


def test_the_analysis_on_the_demo_finds_the_true_effects_in_the_right_direction(demo):
    result = analysis.analyse()
    found = {r.factor: r for r in result.cox.ratios}
    assert (
        found["provision_training"].hazard_ratio > 1 and found["obstacle_health"].hazard_ratio < 1
    )
    for factor, truth in TRUE_EFFECTS.items():
        assert found[factor].low <= truth <= found[factor].high
    assert result.by_template and result.template_svg.startswith("<svg")
