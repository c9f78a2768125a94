"""No role meets a link it may not follow: from its start page, every workspace link a role is
shown (followed breadth-first, on a small municipality where it has its own work) opens for it.
"""

from __future__ import annotations

import re
from collections import deque
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maatwerk.commitments import services as commitments
from maatwerk.commitments.models import Party
from maatwerk.commitments.tests.factories import make_application
from maatwerk.contacts import services as contacts
from maatwerk.core.models import Role, Team
from maatwerk.core.roles import MATRIX
from maatwerk.dossiers.tests.factories import make_client, make_staff
from maatwerk.plans.tests.factories import ready_draft

pytestmark = pytest.mark.django_db

NOT_FOR_ROLE = "Deze pagina hoort niet bij uw werk"
MAX_PAGES = 120
# Links that leave the page's purpose: downloads and logging out.
SKIP = re.compile(r"/(pdf|bestand|luisteren|rapport)/|uitloggen|\.(css|js|svg|png)$")


def _links(page: str) -> set[str]:
    return {
        href.split("#")[0]
        for href in re.findall(r'href="(/werk/[^"]*)"', page)
        if not SKIP.search(href)
    }


@pytest.mark.parametrize("role", list(MATRIX))
def test_every_link_a_role_is_shown_opens_for_it(client, role):
    team = Team.objects.create(name="Noord")
    user = make_staff(role=role, team=team, username="wie")
    regisseur = user if role in (Role.CONSULTANT, Role.TEAM_LEAD) else make_staff(team=team)
    person = make_client(regisseur)
    commitments.promise(
        client=person,
        party=Party.MUNICIPALITY,
        description="Wij bellen u terug",
        due_at=timezone.now() + timedelta(days=3),
        actor=regisseur,
    )
    make_application(person, regisseur)
    contacts.request_callback(
        phone="06-99999999", subject="Vraag", requested_via="phone", actor=regisseur, client=person
    )
    ready_draft(person, regisseur)
    client.force_login(user)
    start = client.get(reverse("staff:start"))
    seen, queue = set(), deque([start.url])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        page = response.content.decode(errors="replace")
        assert NOT_FOR_ROLE not in page, (role, url)
        assert response.status_code in (200, 302), (role, url, response.status_code)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            queue.extend(_links(page) - seen)
    assert len(seen) >= 2, (role, seen)
