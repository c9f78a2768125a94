"""Which channels a letter goes by, from the client's communication profile. Pure.

The portal always holds the letter. Beside it the preferred channel is used when it works;
otherwise the next one that does (e-mail, then post, then a call). A client who can be reached
by none of them and has no portal account is flagged to the regisseur: nothing is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

PORTAL, EMAIL, POST, PHONE = "portal", "email", "post", "phone"
_FALLBACK = (EMAIL, POST, PHONE)
# The profile's channel names (dossiers.models.Channel) mapped to delivery channels.
_PREFERRED = {"portal": EMAIL, "email": EMAIL, "letter": POST, "phone": PHONE}


@dataclass(frozen=True)
class Reach:
    """What is known about reaching the client."""

    preferred: str
    portal_account: bool
    email: bool
    address: bool
    phone: bool

    def works(self, channel: str) -> bool:
        return {EMAIL: self.email, POST: self.address, PHONE: self.phone}[channel]


def channels_for(reach: Reach) -> list[str]:
    """The delivery channels, portal first; just ["portal"] with no account means unreachable."""
    wanted = _PREFERRED.get(reach.preferred, EMAIL)
    chosen = [PORTAL]
    if reach.works(wanted):
        chosen.append(wanted)
    elif reach.preferred != "portal" or not reach.portal_account:
        chosen += [c for c in _FALLBACK if reach.works(c)][:1]
    if wanted == PHONE and reach.phone and reach.address:
        chosen.append(POST)  # phone first: the call explains the letter that follows on paper
    return chosen


def unreachable(reach: Reach, chosen: list[str]) -> bool:
    return chosen == [PORTAL] and not reach.portal_account
