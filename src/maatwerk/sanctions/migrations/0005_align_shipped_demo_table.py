"""Bring the shipped demo table in existing databases in line with sanctions/table.json.

The first demo table (issue 18 started from it) had the same name and start date as the
current one, so ensure_table() never loads the corrected version where the old one exists.
Migration 0003 only filled in articles; the old rows kept their terms, and the row
'inlichtingen-medewerking' became 'Pw art. 17 lid 1' at 20%, which art. 18 lid 2 forbids.

Only the shipped demo table is changed: same name, start date, and one of the two sources it was
shipped with. A municipality's own table is never rewritten here; proposals.rule_for refuses an
information-duty row in any table. The information-duty row is removed only when no proposal
refers to it; otherwise it stays (the history needs it) and the check refuses it.

The rows below are a frozen copy of sanctions/table.json as it was when this migration was
written (a migration must not change when that file changes later).
"""

from datetime import date

from django.db import migrations

NAME = "Afstemmingsverordening Participatiewet Lindenburg 2026 (demo)"
STARTS_ON = date(2026, 1, 1)
OLD_SOURCE = "Fictional table for the demo municipality, after the model verordening of the VNG and Participatiewet art. 18 lid 4 (uniform obligations: 100% for 1 to 3 months)."
SOURCE = "Demo table for the fictional municipality Lindenburg. Modelled on the Afstemmingsverordening Participatiewet, IOAW en IOAZ gemeente Gennep 2022 (CVDR674104, in force from 11-03-2022 with effect from 01-01-2022), which follows the VNG model ordinance: behaviours in categories (1st: 5%, 2nd: 30%, 3rd: 100%, one month; a repeat within 12 months after the earlier reduction lasts two months), and the uniform work obligations of Pw art. 18 lid 4 at 100% (one month, two on the second breach; the third breach is three months by law, art. 18 lid 7). The 'Verordening' article numbers below are those of this demo ordinance. The information duty of Pw art. 17 lid 1 is not in this table: art. 18 lid 2 excludes it from reductions (suspension, art. 54, instead)."
RULES = [
    {
        "code": "inschrijving-uwv",
        "label": "Zich niet op tijd inschrijven als werkzoekende bij UWV",
        "article": "Pw art. 9 lid 1 onder a",
        "ordinance_article": "Verordening art. 9 lid 1 onder a (eerste categorie)",
        "category": "other",
        "percentage": 5,
        "months": 1,
        "repeat_percentage": 5,
        "repeat_months": 2,
    },
    {
        "code": "afspraak",
        "label": "Zonder goede reden niet naar een afspraak komen",
        "article": "Pw art. 17 lid 2",
        "ordinance_article": "Verordening art. 9 lid 1 onder b (eerste categorie)",
        "category": "appointment",
        "percentage": 5,
        "months": 1,
        "repeat_percentage": 5,
        "repeat_months": 2,
    },
    {
        "code": "sollicitaties",
        "label": "Geen bewijs inleveren van de sollicitaties die u moest doen",
        "article": "Pw art. 9 lid 1 onder a",
        "ordinance_article": "Verordening art. 9 lid 2 onder b (tweede categorie)",
        "category": "documents",
        "percentage": 30,
        "months": 1,
        "repeat_percentage": 30,
        "repeat_months": 2,
    },
    {
        "code": "plan-van-aanpak",
        "label": "Niet meewerken aan het plan van aanpak",
        "article": "Pw art. 44a",
        "ordinance_article": "Verordening art. 9 lid 2 onder a (tweede categorie)",
        "category": "work",
        "percentage": 30,
        "months": 1,
        "repeat_percentage": 30,
        "repeat_months": 2,
    },
    {
        "code": "arbeid-aanvaarden",
        "label": "Passend werk niet aannemen of niet houden",
        "article": "Pw art. 18 lid 4 onder a",
        "ordinance_article": "Verordening art. 8 (geüniformeerde verplichtingen)",
        "category": "work",
        "percentage": 100,
        "months": 1,
        "repeat_percentage": 100,
        "repeat_months": 2,
    },
    {
        "code": "uitzendbureau",
        "label": "Niet ingeschreven staan bij een uitzendbureau terwijl dat moest",
        "article": "Pw art. 18 lid 4 onder b",
        "ordinance_article": "Verordening art. 8 (geüniformeerde verplichtingen)",
        "category": "work",
        "percentage": 100,
        "months": 1,
        "repeat_percentage": 100,
        "repeat_months": 2,
    },
    {
        "code": "onderzoek-arbeidsmogelijkheden",
        "label": "Niet meewerken aan een onderzoek naar werkmogelijkheden",
        "article": "Pw art. 18 lid 4 onder h",
        "ordinance_article": "Verordening art. 8 (geüniformeerde verplichtingen)",
        "category": "appointment",
        "percentage": 100,
        "months": 1,
        "repeat_percentage": 100,
        "repeat_months": 2,
    },
]
INFORMATION_DUTY = "Pw art. 17 lid 1"


def align_demo_table(apps, schema_editor):
    table_model = apps.get_model("sanctions", "SanctionTable")
    rule_model = apps.get_model("sanctions", "SanctionRule")
    proposal_model = apps.get_model("sanctions", "Proposal")
    table = table_model.objects.filter(
        name=NAME, starts_on=STARTS_ON, source__in=(OLD_SOURCE, SOURCE)
    ).first()
    if table is None:
        return
    for row in RULES:
        values = {key: value for key, value in row.items() if key != "code"}
        values["uniform"] = row["article"].startswith("Pw art. 18 lid 4 ")
        rule_model.objects.update_or_create(table=table, code=row["code"], defaults=values)
    shipped = {row["code"] for row in RULES}
    for rule in rule_model.objects.filter(table=table).exclude(code__in=shipped):
        information_duty = rule.article.startswith(INFORMATION_DUTY)
        if information_duty and not proposal_model.objects.filter(rule=rule).exists():
            rule.delete()
    table.source = SOURCE
    table.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [
        ("sanctions", "0004_objection_terms"),
    ]

    operations = [
        migrations.RunPython(align_demo_table, migrations.RunPython.noop),
    ]
