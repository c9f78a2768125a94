"""Plans as two-sided agreements: drafting, agreement, disagreement, reviews, and bad input."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maatwerk.commitments.models import Commitment, Origin, Status
from maatwerk.plans import agreement, drafts, reviews
from maatwerk.plans.errors import DraftConflict, OutdatedVersion, PlanError
from maatwerk.plans.models import ClientView, VersionStatus
from maatwerk.plans.reviews import NoteInput
from maatwerk.plans.tests.factories import client_and_regisseur, ready_draft, template

pytestmark = pytest.mark.django_db


def _agreed(client, regisseur):
    draft = ready_draft(client, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    return agreement.agree(version=draft, client=client, revision=draft.revision)


def test_a_template_prefills_steps_but_never_the_clients_words():
    client, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=client, actor=regisseur, template=template(regisseur))
    assert draft.steps.count() == 2
    assert not draft.goals.exists() and draft.strengths == "" and draft.wishes == ""


def test_a_plan_with_no_goals_cannot_be_put_to_the_client():
    client, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=client, actor=regisseur)
    with pytest.raises(PlanError) as error:
        drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    assert "doel" in error.value.message


def test_a_step_without_party_or_due_date_is_refused():
    client, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=client, actor=regisseur)
    with pytest.raises(PlanError) as error:
        drafts.add_step(
            version=draft,
            revision=draft.revision,
            party="",
            description="Iets",
            due_on=timezone.localdate(),
        )
    assert "wie" in error.value.message.lower()
    with pytest.raises(PlanError) as error:
        drafts.add_step(
            version=draft, revision=draft.revision, party="client", description="Iets", due_on=None
        )
    assert "wanneer" in error.value.message


def test_a_review_date_in_the_past_is_refused():
    client, regisseur = client_and_regisseur()
    draft = ready_draft(client, regisseur)
    drafts.update_details(
        version=draft,
        revision=draft.revision,
        strengths="",
        wishes="",
        contact_frequency="monthly",
        contact_channel="phone",
        next_review_on=timezone.localdate() - timedelta(days=1),
    )
    draft.refresh_from_db()
    with pytest.raises(PlanError) as error:
        drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    assert "na vandaag" in error.value.message


def test_two_people_editing_one_draft_the_second_gets_a_conflict_and_nothing_is_overwritten():
    client, regisseur = client_and_regisseur()
    draft = drafts.start_draft(client=client, actor=regisseur)
    seen = draft.revision
    drafts.add_goal(version=draft, revision=seen, text="Eerste doel", success="", timeframe="")
    with pytest.raises(DraftConflict) as error:
        drafts.add_goal(version=draft, revision=seen, text="Tweede doel", success="", timeframe="")
    assert "collega" in error.value.message
    assert list(draft.goals.values_list("text", flat=True)) == ["Eerste doel"]


def test_agreeing_brings_the_plan_into_force_with_a_receipt_and_steps_as_commitments():
    client, regisseur = client_and_regisseur()
    version = _agreed(client, regisseur)
    assert version.status == VersionStatus.ACTIVE and version.agreement_receipt is not None
    assert drafts.plan_of(client).active == version
    steps = Commitment.objects.filter(client=client, origin=Origin.PLAN_STEP)
    assert steps.count() == 2 and set(steps.values_list("party", flat=True)) == {
        "client",
        "municipality",
    }
    assert (
        Commitment.objects.filter(
            client=client, origin=Origin.PLAN_REVIEW, status=Status.OPEN
        ).count()
        == 1
    )


def test_agreeing_to_an_outdated_version_is_refused_and_the_newest_is_shown():
    client, regisseur = client_and_regisseur()
    draft = ready_draft(client, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    shown = draft.revision
    newer = drafts.take_back(version=draft, actor=regisseur)
    with pytest.raises(OutdatedVersion) as error:
        agreement.agree(version=draft, client=client, revision=shown)
    assert "nieuwste" in error.value.message
    assert newer.status == VersionStatus.DRAFT


def test_a_client_disagrees_with_one_step_in_their_own_words_and_the_view_stays():
    client, regisseur = client_and_regisseur()
    draft = ready_draft(client, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    step = draft.steps.get(party="client")
    agreement.disagree(
        version=draft,
        client=client,
        revision=draft.revision,
        text="",
        steps={step.pk: "Een cv maken lukt mij niet alleen, ik wil hulp."},
    )
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DISAGREED
    view = ClientView.objects.get(version=draft)
    assert view.step == step and view.text.startswith("Een cv maken")
    newer = drafts.take_back(version=draft, actor=regisseur)
    assert newer.based_on == draft and newer.goals.get().text == "Ik wil weer werken in de zorg"


def test_disagreeing_without_words_asks_for_them():
    client, regisseur = client_and_regisseur()
    draft = ready_draft(client, regisseur)
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    with pytest.raises(PlanError):
        agreement.disagree(version=draft, client=client, revision=draft.revision, text=" ")


def test_a_new_version_withdraws_steps_that_left_and_keeps_the_rest():
    client, regisseur = client_and_regisseur()
    first = _agreed(client, regisseur)
    draft = drafts.start_draft(client=client, actor=regisseur)
    gone = draft.steps.get(party="client")
    drafts.remove_item(version=draft, revision=draft.revision, kind="step", item_id=gone.pk)
    draft.refresh_from_db()
    drafts.update_details(
        version=draft,
        revision=draft.revision,
        strengths="",
        wishes="",
        contact_frequency="monthly",
        contact_channel="phone",
        next_review_on=timezone.localdate() + timedelta(weeks=6),
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    draft.refresh_from_db()
    agreement.agree(version=draft, client=client, revision=draft.revision)
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert gone.commitment.status == Status.WITHDRAWN
    kept = draft.steps.get()
    assert kept.commitment.status == Status.OPEN


def test_a_review_records_progress_the_ladder_and_the_next_talk():
    client, regisseur = client_and_regisseur()
    version = _agreed(client, regisseur)
    step = version.steps.get(party="client")
    review = reviews.record_review(
        plan=drafts.plan_of(client),
        actor=regisseur,
        held_on=timezone.localdate(),
        notes=[NoteInput(progress="done", step=step, note="Cv is klaar")],
        changes="We zoeken nu vacatures",
        rung=3,
        next_review_on=timezone.localdate() + timedelta(weeks=6),
    )
    step.commitment.refresh_from_db()
    assert step.commitment.status == Status.FULFILLED
    assert client.ladder.get().rung == 3
    promises = Commitment.objects.filter(client=client, origin=Origin.PLAN_REVIEW)
    assert promises.filter(status=Status.FULFILLED).count() == 1
    assert promises.filter(status=Status.OPEN).count() == 1
    with pytest.raises(PlanError):
        reviews.record_review(
            plan=drafts.plan_of(client),
            actor=regisseur,
            held_on=timezone.localdate(),
            notes=[],
            changes="",
            rung=None,
            next_review_on=timezone.localdate() - timedelta(days=3),
        )
    assert review.notes.count() == 1


def test_a_talk_saved_twice_on_one_day_is_refused_and_the_next_promise_stays():
    client, regisseur = client_and_regisseur()
    _agreed(client, regisseur)
    plan = drafts.plan_of(client)
    args = dict(
        plan=plan,
        actor=regisseur,
        held_on=timezone.localdate(),
        notes=[],
        changes="",
        rung=2,
        next_review_on=timezone.localdate() + timedelta(weeks=6),
    )
    reviews.record_review(**args)
    with pytest.raises(PlanError):
        reviews.record_review(**args)
    assert (
        Commitment.objects.filter(
            client=client, origin=Origin.PLAN_REVIEW, status=Status.OPEN
        ).count()
        == 1
    )


def test_a_step_with_a_date_that_passed_must_get_a_new_date_before_proposing():
    client, regisseur = client_and_regisseur()
    draft = ready_draft(client, regisseur)
    step = draft.steps.first()
    step.due_on = timezone.localdate() - timedelta(days=2)
    step.save()
    with pytest.raises(PlanError):
        drafts.propose(version=draft, revision=draft.revision, actor=regisseur)
    drafts.update_step(
        version=draft,
        revision=draft.revision,
        step_id=step.pk,
        due_on=timezone.localdate() + timedelta(days=7),
        provision_status="",
        budget=None,
    )
    draft.refresh_from_db()
    drafts.propose(version=draft, revision=draft.revision, actor=regisseur)


def test_the_client_proposes_a_new_goal_and_the_consultant_takes_it_word_for_word():
    client, regisseur = client_and_regisseur()
    _agreed(client, regisseur)
    proposal = reviews.propose_goal(
        plan=drafts.plan_of(client), client=client, text="Ik wil ook leren autorijden", success=""
    )
    draft = drafts.start_draft(client=client, actor=regisseur)
    goal = drafts.take_proposal(version=draft, revision=draft.revision, proposal=proposal)
    assert goal.text == "Ik wil ook leren autorijden"
