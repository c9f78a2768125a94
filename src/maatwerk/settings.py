"""Django settings for Maatwerk, read from environment variables in this one place.

See docs/operations.md for every variable. The defaults give a development setup: SQLite under
var/, debug on and public development keys. With MAATWERK_DEBUG off (production) every key must
be set, or start-up fails. The demo (`make demo`) runs with debug off like production, with
MAATWERK_DEMO=true (the development keys, on this machine only) and MAATWERK_DIGID_MOCK=true.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from maatwerk.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env_str("MAATWERK_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("MAATWERK_DEBUG", True)
# The demo municipality on this machine (`make demo`): debug off as in production, but with the
# public development keys, cookies over plain http and mail written to var/mail/. Only allowed
# while Maatwerk answers to local host names (checked below).
DEMO = env_bool("MAATWERK_DEMO", False)
_DEV_KEYS = DEBUG or DEMO
_DEV_SECRET = "dev-only-not-secret-maatwerk-0123456789abcdef"
SECRET_KEY = env_str("MAATWERK_SECRET_KEY", _DEV_SECRET if _DEV_KEYS else None)
# Key for encrypting sensitive fields (BSN) and for the keyed BSN digest used for exact search.
# 32 bytes, hex encoded. Keep it outside the database (docs/operations.md, "Keys").
FIELD_ENCRYPTION_KEY = env_str(
    "MAATWERK_FIELD_KEY",
    "6d6161747765726b2d6465762d6f6e6c792d6b65792d30313233343536373839" if _DEV_KEYS else None,
)
# Ed25519 private key (32-byte seed, hex) that signs receipts; its public key verifies them.
RECEIPT_SIGNING_KEY = env_str(
    "MAATWERK_RECEIPT_KEY",
    "6d6161747765726b2d64656d6f2d72656365697074732d6e6f742d7365637265" if _DEV_KEYS else None,
)
# AES-GCM key (32 bytes, hex) for documents at rest; separate from the field key.
DOCUMENT_ENCRYPTION_KEY = env_str(
    "MAATWERK_DOCUMENT_KEY",
    "6d6161747765726b2d64656d6f2d646f63756d656e74732d6e6f742d73656372" if _DEV_KEYS else None,
)
# The address people use to reach Maatwerk; printed in receipt QR codes.
PUBLIC_BASE_URL = env_str("MAATWERK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# The letterhead on letters (letters/rendering.py).
MUNICIPALITY_NAME = env_str("MAATWERK_MUNICIPALITY_NAME", "Gemeente Lindenburg")
MUNICIPALITY_ADDRESS = env_str(
    "MAATWERK_MUNICIPALITY_ADDRESS", "Postbus 100, 1234 AB Lindenburg · telefoon 14 0123"
)
ALLOWED_HOSTS = env_list("MAATWERK_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("MAATWERK_CSRF_TRUSTED_ORIGINS", [])
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]", "testserver"}
if DEMO and not set(ALLOWED_HOSTS) <= _LOCAL_HOSTS:
    # The development keys are public: the demo never answers to a name others can reach.
    raise ImproperlyConfigured(
        "MAATWERK_DEMO=true uses public keys and is only allowed with MAATWERK_ALLOWED_HOSTS "
        "on this machine (127.0.0.1, localhost)."
    )
# The DigiD mock is switched on by its own setting, never by debug alone.
DIGID_MOCK = env_bool("MAATWERK_DIGID_MOCK", False)
if DIGID_MOCK and not (DEBUG or DEMO):
    # The mock logs anyone in as any client by typing a BSN: never in production.
    raise ImproperlyConfigured(
        "MAATWERK_DIGID_MOCK=true is only allowed with MAATWERK_DEBUG=true or MAATWERK_DEMO=true."
    )
# How many proxies in front of Maatwerk append to X-Forwarded-For (0: use the peer address).
TRUSTED_PROXY_COUNT = env_int("MAATWERK_TRUSTED_PROXY_COUNT", 0)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
    "maatwerk.core",
    "maatwerk.dossiers",
    "maatwerk.documents",
    "maatwerk.commitments",
    "maatwerk.plans",
    "maatwerk.contacts",
    "maatwerk.letters",
    "maatwerk.sanctions",
    "maatwerk.voice",
    "maatwerk.insight",
    "maatwerk.demo",
]

MIDDLEWARE = [
    "maatwerk.voice.middleware.AnonymousPathMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "maatwerk.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "maatwerk.dossiers.web.RefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "maatwerk.urls"
WSGI_APPLICATION = "maatwerk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "maatwerk.dossiers.web.workspace_menu",
                "maatwerk.documents.context.queue_alert",
                "maatwerk.commitments.context.escalation_alert",
                "maatwerk.contacts.context.callback_queue_alert",
                "maatwerk.letters.context.letter_alert",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'maatwerk.sqlite3'}"),
        conn_max_age=env_int("MAATWERK_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker and the web server write without blocking each other's reads.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "maatwerk.dossiers.portal_auth.DigiDClientBackend",
]
LOGIN_URL = "staff:login"
LOGIN_REDIRECT_URL = "staff:start"
DIGID_MOCK_APP_TITLE = "Mijn Maatwerk"
DIGID_MOCK_RETURN_URL = "portal:home"
DIGID_MOCK_CANCEL_URL = "portal:login"
DIGID_MOCK_IDP_VALIDATE_CALLBACK_URLS = True

# Algemene termijnenwet art. 3 lid 3: the file with the decreed extra days off (empty: the file
# shipped with Maatwerk, core/rules/atw_decrees.json). `maatwerk calendar add-decree` writes it.
ATW_DECREES = env_str("MAATWERK_ATW_DECREES", "")

# Failed staff logins: after this many within the window the account is locked for the window.
LOGIN_FAILURE_LIMIT = env_int("MAATWERK_LOGIN_FAILURE_LIMIT", 5)
LOGIN_LOCKOUT_MINUTES = env_int("MAATWERK_LOGIN_LOCKOUT_MINUTES", 15)

SESSION_COOKIE_HTTPONLY = True
# The demo is served over plain http on this machine; everywhere else cookies need https.
SESSION_COOKIE_SECURE = not (DEBUG or DEMO)
CSRF_COOKIE_SECURE = not (DEBUG or DEMO)
SESSION_COOKIE_AGE = env_int("MAATWERK_SESSION_SECONDS", 8 * 3600)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if not DEBUG else None
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Original documents, encrypted; never under a public URL (documents/store.py).
    "documents": {
        "BACKEND": env_str(
            "MAATWERK_DOCUMENT_STORAGE", "maatwerk.documents.store.DurableFileSystemStorage"
        ),
        "OPTIONS": {"location": str(VAR_DIR / "documents")},
    },
    # Conversation recordings, encrypted, deleted when consent ends (contacts/recordings.py).
    "recordings": {
        "BACKEND": env_str(
            "MAATWERK_RECORDING_STORAGE", "maatwerk.documents.store.DurableFileSystemStorage"
        ),
        "OPTIONS": {"location": str(VAR_DIR / "recordings")},
    },
}
# Intake limits (issue 3): bigger files and images are refused with a message, and kept.
DOCUMENT_MAX_BYTES = env_int("MAATWERK_DOCUMENT_MAX_BYTES", 25 * 1024 * 1024)
DOCUMENT_MAX_PIXELS = env_int("MAATWERK_DOCUMENT_MAX_PIXELS", 60_000_000)
DOCUMENT_MAX_PAGES = env_int("MAATWERK_DOCUMENT_MAX_PAGES", 200)
# Norm for routing a document to its regisseur, in working days (DOMAIN.md "Service norms").
DOCUMENT_ROUTING_NORM_WORKING_DAYS = env_int("MAATWERK_DOCUMENT_ROUTING_NORM_DAYS", 1)
# Commitments (issue 4): the decision term when no law sets one (Awb 4:13 lid 2), and how long
# an overdue municipal promise waits with the consultant before it goes to the team lead.
DECISION_TERM_WEEKS = env_int("MAATWERK_DECISION_TERM_WEEKS", 8)
ESCALATION_GRACE_WORKING_DAYS = env_int("MAATWERK_ESCALATION_GRACE_WORKING_DAYS", 2)
# Service norm for callbacks (DOMAIN.md "Service norms"): within this many working days.
CALLBACK_NORM_WORKING_DAYS = env_int("MAATWERK_CALLBACK_NORM_WORKING_DAYS", 1)
# Text messages: a class with send(to=, text=); the console backend writes to var/sms/.
SMS_BACKEND = env_str("MAATWERK_SMS_BACKEND", "maatwerk.contacts.sms.ConsoleSmsBackend")
# Appointment reminders go out this many hours before the appointment.
REMINDER_HOURS = env_int("MAATWERK_REMINDER_HOURS", 48)
# Absences and sanctions (issue 8): the notice the municipality asks before a stay abroad (a
# warning, never a refusal), the days a client has to respond in the hearing, and how far back
# the evidence check looks before the missed obligation. The AOW age is not a setting: it
# follows from the date of birth (core/rules/aow.py).
ABSENCE_NOTICE_DAYS = env_int("MAATWERK_ABSENCE_NOTICE_DAYS", 21)
SANCTION_HEARING_DAYS = env_int("MAATWERK_SANCTION_HEARING_DAYS", 14)
SANCTION_PERIOD_DAYS = env_int("MAATWERK_SANCTION_PERIOD_DAYS", 30)
# Voice (issue 9): aggregates of anonymous feedback and surveys cover at least this many
# responses; a named survey answer averaging this or lower offers a callback; the owner of an
# improvement action answers a council question within this many working days.
VOICE_MIN_GROUP = env_int("MAATWERK_VOICE_MIN_GROUP", 5)
SURVEY_FOLLOW_UP_BELOW = env_int("MAATWERK_SURVEY_FOLLOW_UP_BELOW", 2)
COUNCIL_ANSWER_WORKING_DAYS = env_int("MAATWERK_COUNCIL_ANSWER_DAYS", 10)
# How often `maatwerk clock` (started by `maatwerk serve`) queues the periodic tasks.
CLOCK_SECONDS = env_int("MAATWERK_CLOCK_SECONDS", 300)
PERIODIC_TASKS = [
    "maatwerk.commitments.tasks.escalate_commitments",
    "maatwerk.contacts.tasks.send_due_notifications",
    "maatwerk.sanctions.tasks.excuse_during_absences",
    "maatwerk.voice.tasks.send_surveys",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_HOST = env_str("MAATWERK_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = env_int("MAATWERK_EMAIL_PORT", 1025)
# Seconds before a mail server that does not answer counts as down (the message is retried).
EMAIL_TIMEOUT = env_int("MAATWERK_EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("MAATWERK_FROM_EMAIL", "maatwerk@gemeente.example")
# In the demo, mail is written to var/mail/ so it can be read without a mail server.
EMAIL_BACKEND = env_str(
    "MAATWERK_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG or DEMO
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Application logs never carry a BSN: see core/logfilters.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_bsn": {"()": "maatwerk.core.logfilters.RedactBsnFilter"},
        "no_anonymous_paths": {"()": "maatwerk.voice.middleware.DropAnonymousPaths"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_bsn", "no_anonymous_paths"]},
    },
    "root": {"handlers": ["console"], "level": env_str("MAATWERK_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["console"], "propagate": False},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
