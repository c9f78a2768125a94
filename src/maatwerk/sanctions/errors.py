from maatwerk.dossiers.errors import DossierError


class SanctionError(DossierError):
    """An absence or a sanction step that cannot go ahead as asked; the message says why."""
