import pytest


@pytest.fixture(autouse=True)
def tallies_at_once(request, monkeypatch):
    """Most tests here run inside one transaction that never commits, where recounts "after the
    commit" would never happen: there they recount at once. Tests marked with a transactional
    database commit for real and take the after-commit path itself."""
    marker = request.node.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return
    from maatwerk.insight import aggregates

    monkeypatch.setattr(
        aggregates,
        "after_commit",
        lambda measure, days: aggregates.refresh(measure, days() if callable(days) else days),
    )
    monkeypatch.setattr(
        aggregates, "after_commit_clients", lambda ids: aggregates.refresh_clients(list(ids))
    )
