"""Pseudonymising and generalising the research extract until it is k-anonymous. Pure.

Client keys become a keyed HMAC with a secret made for one export (so two exports cannot be
linked); birth years become age bands and postcodes their first digits. The quasi-identifiers
(age band, sex when present, postcode area, target group) are made coarser step by step
(`LEVELS`) until at most a small share of rows sits in a group under k; those rows are left
out. No group under k ever leaves.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections import Counter
from dataclasses import dataclass


def new_secret() -> bytes:
    return secrets.token_bytes(32)


def pseudonym(secret: bytes, key: str) -> str:
    return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()[:20]


def postcode_digits(postcode: str) -> str:
    found = re.match(r"\s*([1-9]\d{3})", postcode or "")
    return found.group(1) if found else ""


def age_band(birth_year: int, year: int, width: int) -> str:
    if width == 0:
        return "alle leeftijden"
    age = max(year - birth_year, 0)
    low = (age // width) * width
    return f"{low}-{low + width - 1}"


@dataclass(frozen=True)
class Level:
    age_width: int  # 10, 20, or 0 (no age)
    postcode_digits: int  # 4, 2, or 0 (no area)


LEVELS: tuple[Level, ...] = (Level(10, 4), Level(10, 2), Level(20, 2), Level(20, 0), Level(0, 0))


@dataclass(frozen=True)
class Result:
    rows: list[dict[str, object]]
    level: Level
    suppressed: int
    smallest_group: int
    k: int


def _generalise(row: dict[str, object], level: Level, year: int) -> dict[str, object]:
    out = {key: value for key, value in row.items() if key not in ("birth_year", "postcode")}
    out["age_band"] = age_band(int(row["birth_year"]), year, level.age_width)  # type: ignore[call-overload]
    digits = postcode_digits(str(row.get("postcode", "")))
    out["postcode_area"] = (
        digits[: level.postcode_digits] if level.postcode_digits and digits else "*"
    )
    return out


def _quasi(row: dict[str, object], with_sex: bool) -> tuple[object, ...]:
    key = (row["age_band"], row["postcode_area"], row.get("target_group"))
    return (*key, row.get("sex")) if with_sex else key


def make_k_anonymous(
    rows: list[dict[str, object]], *, year: int, k: int = 5, max_suppressed_share: float = 0.05
) -> Result:
    with_sex = any("sex" in row for row in rows)
    chosen: tuple[Level, list[dict[str, object]], list[bool]] | None = None
    for level in LEVELS:
        generalised = [_generalise(row, level, year) for row in rows]
        sizes = Counter(_quasi(row, with_sex) for row in generalised)
        small = [sizes[_quasi(row, with_sex)] < k for row in generalised]
        chosen = (level, generalised, small)
        if not rows or sum(small) / len(rows) <= max_suppressed_share:
            break
    assert chosen is not None
    level, generalised, small = chosen
    kept = [row for row, hide in zip(generalised, small, strict=True) if not hide]
    sizes = Counter(_quasi(row, with_sex) for row in kept)
    return Result(
        rows=kept,
        level=level,
        suppressed=len(rows) - len(kept),
        smallest_group=min(sizes.values()) if sizes else 0,
        k=k,
    )


def check_columns(asked: list[str], codebook: dict[str, str]) -> list[str]:
    return [column for column in asked if column not in codebook]
