"""Settings for the test suite: settings.py as the environment configures it, with the DigiD mock.

The mock is switched on by MAATWERK_DIGID_MOCK only (never by debug); the tests log clients in
through it, so it is on here whatever the environment says.
"""

from maatwerk.settings import *  # noqa: F403

DIGID_MOCK = True
