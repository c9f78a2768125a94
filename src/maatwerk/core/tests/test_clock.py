"""`maatwerk clock --once` queues every periodic task, for a worker to run."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


@pytest.mark.django_db
def test_the_clock_queues_the_periodic_tasks_once():
    call_command("clock", "--once")
    queued = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert sorted(queued) == sorted(settings.PERIODIC_TASKS)
