"""The BSN 11-proef (DOMAIN.md, "Identifiers"): pure, no Django.

A BSN has 9 digits (8 digits get a leading zero); 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be
divisible by 11 and the number may not be all zeros. Passing does not prove the number exists.
"""

from __future__ import annotations

import re

from stdnum.nl import bsn as stdnum_bsn

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def normalise_bsn(raw: str) -> str:
    """Strip spaces, dots and dashes people type, and pad 8 digits with a leading zero."""
    digits = re.sub(r"[\s.\-]", "", raw or "")
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits
    return digits


def is_valid_bsn(raw: str) -> bool:
    """The 11-proef through python-stdnum, which also refuses all zeros here."""
    digits = normalise_bsn(raw)
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    return bool(stdnum_bsn.is_valid(digits))


def looks_like_bsn(text: str) -> bool:
    """Whether a search term is meant as a BSN (8 or 9 digits), before checking it."""
    digits = re.sub(r"[\s.\-]", "", text or "")
    return digits.isdigit() and len(digits) in (8, 9)


def complete_bsn(first_eight: str) -> str | None:
    """The ninth digit that makes a valid BSN from eight digits, or None if none exists.

    Used by the demo and benchmark generators to make fictional numbers that pass the test.
    """
    total = sum(int(d) * w for d, w in zip(first_eight, _WEIGHTS[:8], strict=True))
    check = total % 11
    if check > 9:
        return None
    candidate = first_eight + str(check)
    return candidate if is_valid_bsn(candidate) else None
