from maatwerk.dossiers.errors import DossierError


class VoiceError(DossierError):
    """Feedback, a survey answer or a council action that cannot be saved as given."""
