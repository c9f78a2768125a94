"""Finding details in free text that could identify someone: pure, no Django.

Anonymous feedback must stay anonymous. Before a text is stored it is scanned for a BSN, a
phone number, an e-mail address, an IBAN, a postcode, a street address and names from the
client register. The submitter sees what was found (the Dutch `label`, in plain language) and
may remove it; what stays flagged is hidden until a reviewer has taken it out.

The rules lean towards flagging: a false alarm costs a reviewer a minute, a miss can cost
someone their privacy. They still avoid the common look-alikes in Dutch text (dates, amounts,
"9 dagen", a 9-digit number that fails the 11-proef), because a form that flags every number
teaches people to click the warning away.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from maatwerk.core.rules.bsn import is_valid_bsn

# What the submitter is told was found, in B1 Dutch ("In uw tekst staat een telefoonnummer").
# The order is also the preference when two details of the same length cover the same text.
LABELS: dict[str, str] = {
    "bsn": "een burgerservicenummer (BSN)",
    "iban": "een bankrekeningnummer (IBAN)",
    "email": "een e-mailadres",
    "phone": "een telefoonnummer",
    "address": "een adres",
    "postcode": "een postcode",
    "name": "een naam",
}

# What replaces a detail in the text: "[telefoonnummer weggehaald]". Lower case and without
# digits, so that a redacted text scanned again does not flag its own placeholders.
SHORT: dict[str, str] = {
    "bsn": "BSN",
    "iban": "bankrekeningnummer",
    "email": "e-mailadres",
    "phone": "telefoonnummer",
    "address": "adres",
    "postcode": "postcode",
    "name": "naam",
}

_PRIORITY = {kind: rank for rank, kind in enumerate(LABELS)}


@dataclass(frozen=True)
class Detail:
    """One thing in the text that could identify someone, kept by position so that it can be
    shown to the submitter and cut out without touching the rest of the text."""

    kind: str
    start: int
    end: int
    text: str
    label: str


def scan(text: str, names: NameIndex | None = None) -> list[Detail]:
    """Every identifying detail in `text`, sorted by position and never overlapping.

    Where two rules claim the same characters the longest match wins: an IBAN contains digits
    that look like a phone number, an e-mail address may contain a name, and the whole is what
    has to go.
    """
    found: list[Detail] = [
        *_bsns(text),
        *_ibans(text),
        *_emails(text),
        *_phones(text),
        *_addresses(text),
        *_postcodes(text),
    ]
    if names is not None:
        found.extend(names.find(text))
    return _without_overlaps(found)


def redact(text: str, details: Iterable[Detail]) -> str:
    """The text with each detail replaced by "[naam weggehaald]" and the like.

    Details must come from scanning this very text: one that does not match raises ValueError,
    because silently skipping it would store the detail it was meant to remove. Overlapping
    details are removed as one stretch.
    """
    parts: list[str] = []
    position = 0
    for detail in sorted(details, key=lambda d: (d.start, -d.end)):
        if not 0 <= detail.start < detail.end <= len(text) or (
            text[detail.start : detail.end] != detail.text
        ):
            raise ValueError(f"detail {detail.kind} at {detail.start} does not match the text")
        if detail.start < position:
            # Overlaps the stretch already replaced: widen that stretch instead.
            position = max(position, detail.end)
            continue
        parts.append(text[position : detail.start])
        parts.append(f"[{SHORT.get(detail.kind, 'gegeven')} weggehaald]")
        position = detail.end
    parts.append(text[position:])
    return "".join(parts)


def _detail(kind: str, text: str, start: int, end: int) -> Detail:
    return Detail(kind, start, end, text[start:end], LABELS[kind])


def _without_overlaps(details: Iterable[Detail]) -> list[Detail]:
    """Longest first (then by kind, then leftmost); a detail overlapping a kept one is dropped.

    Only the overlapping part is dropped, though: what sticks out on either side is kept as a
    detail of its own kind when it holds a letter or digit. So everything any rule flagged stays
    flagged, and redacting never leaves half a postcode behind.
    """
    kept_starts: list[int] = []
    kept: list[Detail] = []
    ranked = sorted(
        (d for d in details if d.end > d.start),
        key=lambda d: (d.start - d.end, _PRIORITY.get(d.kind, len(_PRIORITY)), d.start),
    )
    for detail in ranked:
        for start, end in _uncovered(detail, kept, kept_starts):
            piece = detail
            if (start, end) != (detail.start, detail.end):
                piece = Detail(
                    detail.kind,
                    start,
                    end,
                    detail.text[start - detail.start : end - detail.start],
                    detail.label,
                )
            index = bisect_left(kept_starts, start)
            kept_starts.insert(index, start)
            kept.insert(index, piece)
    return kept


def _uncovered(
    detail: Detail, kept: list[Detail], kept_starts: list[int]
) -> Iterator[tuple[int, int]]:
    """The stretches of `detail` that no kept detail covers; cut-off pieces are trimmed to
    letters and digits ("3901 " of "3901 AB" becomes "3901")."""
    index = bisect_left(kept_starts, detail.start)
    # Kept details do not overlap, so only one that starts before can reach into this one.
    if index > 0:
        index -= 1
    position = detail.start
    gaps: list[tuple[int, int]] = []
    for other in kept[index:]:
        if other.start >= detail.end:
            break
        if other.end <= position:
            continue
        gaps.append((position, other.start))
        position = other.end
    gaps.append((position, detail.end))
    if gaps == [(detail.start, detail.end)]:
        yield detail.start, detail.end
        return
    for start, end in gaps:
        while start < end and not detail.text[start - detail.start].isalnum():
            start += 1
        while end > start and not detail.text[end - 1 - detail.start].isalnum():
            end -= 1
        if start < end:
            yield start, end


def _search(
    pattern: re.Pattern[str], text: str, accept: Callable[[re.Match[str]], tuple[int, int] | None]
) -> Iterator[tuple[int, int]]:
    """Matches that `accept` takes, as spans. After a refused match the search goes on from the
    next character rather than from its end, so a refused look-alike cannot hide a real detail
    that starts inside it."""
    position = 0
    while position <= len(text):
        match = pattern.search(text, position)
        if match is None:
            return
        span = accept(match)
        if span is None:
            position = match.start() + 1
        else:
            yield span
            position = max(span[1], match.start() + 1)


def _ascii_digits(raw: str) -> str:
    # `\d` also matches other scripts' digits (Arabic-Indic, for instance); compare as 0-9.
    return "".join(str(int(ch)) for ch in raw if ch.isdecimal())


def _after_currency(text: str, start: int) -> bool:
    """An amount, not an identifier: "€ 123.456.782" or "EUR 0612345678"."""
    before = text[max(0, start - 4) : start].rstrip().upper()
    return before.endswith(("€", "EUR"))


# --- BSN -------------------------------------------------------------------------------------

# Nine digits together, or in groups of 3-3-3 or 4-2-3 with one kind of separator. Not part of a
# longer number ("1.234.567.890", "123.456.789,00").
_BSN = re.compile(
    r"(?<!\d)(?<!\d[.,])"
    r"(?:\d{9}|\d{3}([. ])\d{3}\1\d{3}|\d{4}([. ])\d{2}\2\d{3})"
    r"(?!\d)(?![.,]\d)"
)


def _bsns(text: str) -> Iterator[Detail]:
    def accept(match: re.Match[str]) -> tuple[int, int] | None:
        # The 11-proef: nine random digits pass it once in eleven, so most numbers that are not
        # a BSN (order numbers, amounts) are left alone.
        if _after_currency(text, match.start()) or not is_valid_bsn(_ascii_digits(match[0])):
            return None
        return match.span()

    for start, end in _search(_BSN, text, accept):
        yield _detail("bsn", text, start, end)


# --- Phone -----------------------------------------------------------------------------------

_SEP = r"[ \t\u00a0.\-/()]{0,2}"
_TRUNK = r"[ \t\u00a0.\-]{0,2}(?:\(0\)[ \t\u00a0.\-]{0,2})?"
_PHONE = re.compile(
    rf"""
    (?<![\w+])(?<!\d[.,\-/])               # not inside a word or a longer number
    (?:
        (?P<dutch>(?:\+|00)[ ]?31{_TRUNK}[1-9](?:{_SEP}\d){{8}})      # +31 6 12345678, 0031 20..
      | (?P<foreign>\+[1-9]\d{{0,2}}(?:{_SEP}\d){{6,12}})             # +32 ..., +49 ...
      | (?P<service>0(?:800|900|906|909)(?:{_SEP}\d){{4}}(?:(?:{_SEP}\d){{3}})?)  # 0800-1234
      | (?P<national>\(?0(?:{_SEP}\d){{9}})                           # 06-12345678, 010 1234567
    )
    (?![.,]?\d)
    """,
    re.VERBOSE,
)

# A date such as 03-12-2026 followed by a time can add up to ten digits starting with a 0.
# Three parts only: "06-12-34-56-78" is a phone number, not a date.
_DATE = re.compile(
    r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})"
    r"(?!\d)(?![-./]\d)"
)


def _phones(text: str) -> Iterator[Detail]:
    dates = [m.span() for m in _DATE.finditer(text)]

    def accept(match: re.Match[str]) -> tuple[int, int] | None:
        start, end = match.span()
        if _after_currency(text, start):
            return None
        if any(s < end and start < e for s, e in dates):
            return None
        if match["foreign"] is not None and not 8 <= len(_ascii_digits(match[0])) <= 15:
            return None
        if match["national"] is not None:
            digits = _ascii_digits(match[0])
            if digits[1] == "0":
                # "00..." is the international prefix; a national number has an area code.
                return None
            if match[0].startswith("(") and ")" not in match[0]:
                # "(0612345678)": the bracket belongs to the sentence, not to the number.
                start += 1
        return start, end

    for start, end in _search(_PHONE, text, accept):
        yield _detail("phone", text, start, end)


# --- E-mail ----------------------------------------------------------------------------------

# Starts only at the beginning of a run of address characters, so a long word without "@" is
# not tried again at every letter.
_EMAIL = re.compile(r"(?<![\w.%+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")


def _emails(text: str) -> Iterator[Detail]:
    for match in _EMAIL.finditer(text):
        yield _detail("email", text, *match.span())


# --- IBAN ------------------------------------------------------------------------------------

# Length of the IBAN per country (SWIFT IBAN registry); a Dutch IBAN has 18 characters.
_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RU": 33, "RS": 22, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip

# Country code and check digits, then characters with at most one space between them (groups
# of four as printed on a bank card). Deliberately greedy: the country's length decides where
# the IBAN ends, so "NL91ABNA0417164300 de" is cut after its 18 characters.
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[ \u00a0]?[0-9]{2}(?:[ \u00a0]?[A-Z0-9]){11,30}",
    re.IGNORECASE | re.ASCII,
)


def iban_is_valid(compact: str) -> bool:
    """Length for the country and the mod-97 check (ISO 13616): one in 97 typing errors slips
    through, and a random string that looks like an IBAN almost never passes."""
    if _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact[2:4].isdigit():
        return False
    if not compact.isascii() or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _ibans(text: str) -> Iterator[Detail]:
    def accept(match: re.Match[str]) -> tuple[int, int] | None:
        candidate = match[0]
        length = _IBAN_LENGTHS.get(candidate[:2].upper())
        positions = [i for i, ch in enumerate(candidate) if ch.isalnum()]
        if length is None or len(positions) < length:
            return None
        end = match.start() + positions[length - 1] + 1
        if end < len(text) and text[end].isalnum():
            return None  # the IBAN would end inside a word
        compact = "".join(candidate[i] for i in positions[:length]).upper()
        return (match.start(), end) if iban_is_valid(compact) else None

    for start, end in _search(_IBAN, text, accept):
        yield _detail("iban", text, start, end)


# --- Postcode --------------------------------------------------------------------------------

# 1234 AB or 1234AB; lower case only without a space ("1234ab"), because "2026 en" is a year.
# SA, SD and SS are never given out as postcode letters.
_POSTCODE = re.compile(
    r"(?<!\w)(?<!\d[.,])[1-9][0-9]{3}"
    r"(?:[ \u00a0]?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)(?P<lower>[a-z]{2}))(?!\w)"
)
# Units that follow a number the same way: "1500km", "2000kg".
_UNITS = frozenset({"km", "kg", "cm", "mm", "ml", "mg", "kb", "mb", "gb", "tb", "kw", "mw", "gr"})


def _postcodes(text: str) -> Iterator[Detail]:
    for match in _POSTCODE.finditer(text):
        if match["lower"] is not None and match["lower"] in _UNITS:
            continue
        yield _detail("postcode", text, *match.span())


# --- Address ---------------------------------------------------------------------------------

_STREET_SUFFIXES = (
    "straatweg|straat|laan|weg|plein|singel|gracht|kade|dijk|hof|pad|dreef|steeg|markt|park|"
    "plantsoen|ring|baan|burg|veld"
)
_CAP = "[A-ZÀ-ÖØ-Þ]"
_LETTER = r"(?:[^\W\d_]|['’\-])"
_LOWER = r"(?:[a-zß-öø-ÿ]|['’\-])"
# A word before the street name: "Lange", "Van", "Burgemeester", or a short abbreviation
# ("Dr.", "Burg."). Not a word in capitals ("AB" of a postcode) and not a word ending a
# sentence ("Lindenburg. Ook ...").
_LEAD = rf"(?:{_CAP}{_LOWER}{{0,4}}\.|{_CAP}{_LOWER}+)"
_SPACE = r"[ \t\u00a0]"
_PARTICLES = "van|de|der|den|het|'t|ter|ten|te|op|aan|in|la|le|du"
_ADDRESS = re.compile(
    rf"""
    (?<![\w'’\-])
    (?P<lead>(?:{_LEAD}{_SPACE}+(?:(?:{_PARTICLES}){_SPACE}+)*){{0,4}})
    (?P<street>{_CAP}{_LETTER}*(?:{_STREET_SUFFIXES}))
    {_SPACE}+(?:(?:nr|nummer|no)\.?{_SPACE}*)?
    [0-9]{{1,5}}                                    # house number
    (?:[ \-]?[A-Za-z](?!\w))?                       # 3a, 12 A
    (?:-[0-9]{{1,4}}|-[A-Za-z]{{1,3}}(?!\w))?       # 14-2, 12-bis
    (?![0-9])(?![.,][0-9])
    """,
    re.VERBOSE,
)
# Capitalised words that start a sentence rather than a street name ("Bij de Dorpsstraat 12").
_NOT_STREET = frozenset(
    {
        "ik", "wij", "we", "jij", "je", "hij", "zij", "ze", "u", "in", "op", "aan", "bij",
        "naar", "mijn", "onze", "ons", "uw", "zijn", "haar", "hun", "het", "een", "en", "of",
        "maar", "dat", "die", "dit", "deze", "via", "vanaf", "tot", "tegenover", "richting",
        "adres", "woonadres", "gisteren", "vandaag", "morgen", "toen", "nu", "ook", "wel",
        "niet", "daar", "hier", "langs", "over", "voor", "achter", "naast", "om", "hoek",
    }
)  # fmt: skip
_PARTICLE_SET = frozenset(_PARTICLES.split("|"))
_LEAD_WORD = re.compile(r"\S+")


def _addresses(text: str) -> Iterator[Detail]:
    for match in _ADDRESS.finditer(text):
        street = match["street"].casefold()
        if re.search(r"[aeiou]ring$", street):
            # "Uitkering 2", "Vergadering 3": nouns, while streets end in "-rring" or "-nring".
            continue
        # Leading words like "Bij" or "In" are dropped.
        start = match.start("street")
        dropped = False
        for word in _LEAD_WORD.finditer(match["lead"]):
            key = word[0].rstrip(".").casefold()
            # A lower-case particle after a dropped word goes too; "Van" in capitals is part
            # of the street name ("Ook Van Goghlaan 3").
            if key in _NOT_STREET or (dropped and word[0] in _PARTICLE_SET):
                dropped = True
                continue
            start = match.start() + word.start()
            break
        yield _detail("address", text, start, match.end())


# --- Names -----------------------------------------------------------------------------------

# Words as letter runs, with an apostrophe inside a name ("D'Souza", "O'Brien").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NAME_GAP = re.compile(r"\s{1,3}['’]?")  # "Kees 't Hart"
_FAMILY_GAP = re.compile(r"\s{1,3}|\s?-\s?")
_INITIAL_GAP = re.compile(r"\.\s{0,2}")
# Parts of a family name that are written in lower case after a given name ("Jan de Vries").
_NAME_PREFIXES = frozenset(
    {
        "van", "de", "der", "den", "het", "t", "ten", "ter", "te", "op", "in", "la", "le", "du",
        "da", "di", "del", "della", "des", "dos", "das", "von", "zu", "el", "al",
    }
)  # fmt: skip
# Capitalised words that are not worth flagging on their own even if someone is called that.
_NOT_A_NAME = frozenset(
    {
        "de", "van", "het", "een", "mijn", "gemeente", "januari", "februari", "maart", "april",
        "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "nederland", "nederlands", "engels", "duits", "frans", "turks", "pools", "arabisch",
        "spaans", "koning", "god", "heer", "pasen", "pinksteren", "kerst", "kerstmis",
        "sinterklaas",
    }
)  # fmt: skip
# A full stop after these does not end a sentence: "dhr. Jansen", "mw. De Vries".
_ABBREVIATIONS = frozenset(
    {
        "dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "prof", "st", "mej", "fam", "ds",
        "wed",
    }
)  # fmt: skip
_OPENERS = " \t\u00a0\"'“”‘’„«»([-–—*•"


def _key(word: str) -> str:
    return word.casefold().replace("’", "'")


@dataclass
class _Family:
    """The people in the register with one family name: only what matching needs."""

    given: set[str]
    initials: set[str]


class NameIndex:
    """Names from the client register, to find them in free text without a database query per
    word.

    Built once from (given_names, family_name) pairs as sets and dicts, so that `find` costs a
    few dictionary look-ups per word of text whether the register holds ten people or 100,000.
    A name is found as a given name (or initials) followed by a family name of the register;
    a family name alone only where it is clearly used as a name (see `find`).
    """

    def __init__(self, people: Iterable[tuple[str, str]]) -> None:
        self._families: dict[tuple[str, ...], _Family] = {}
        self._first_words: set[str] = set()
        lengths: set[int] = set()
        for given_names, family_name in people:
            family = tuple(_key(w) for w in _WORD.findall(family_name or ""))
            if not family:
                continue
            given = [_key(w) for w in _WORD.findall(given_names or "")]
            entry = self._families.setdefault(family, _Family(set(), set()))
            entry.given.update(g for g in given if len(g) > 1)
            entry.initials.update(g[0] for g in given)
            self._first_words.add(family[0])
            lengths.add(len(family))
        # Longest family names first: "van der Berg" before "Berg".
        self._lengths = sorted(lengths, reverse=True)

    def __len__(self) -> int:
        return len(self._families)

    def find(self, text: str) -> list[Detail]:
        """Names of the register in `text`, sorted and not overlapping.

        The family name must start with a capital in the text ("de Boer" the farmer is not
        "De Boer"); given names and prefixes may be in any case. A family name alone counts
        when it has at least four letters, is not a common word, and does not start a
        sentence, where every word has a capital.
        """
        words = [(m.start(), m.end(), _key(m[0])) for m in _WORD.finditer(text)]
        keys = [key for _, _, key in words]
        found: list[Detail] = []
        for i, key in enumerate(keys):
            if key not in self._first_words:
                continue
            for length in self._lengths:
                end = i + length
                if end > len(words):
                    continue
                family = self._families.get(tuple(keys[i:end]))
                if family is None or not self._joined(text, words, i, end):
                    continue
                detail = self._match(text, words, i, end, family)
                if detail is not None:
                    found.append(detail)
                    break
        return _without_overlaps(found)

    @staticmethod
    def _joined(text: str, words: list[tuple[int, int, str]], first: int, end: int) -> bool:
        """The words of a family name stand together: spaces or a hyphen between them."""
        return all(
            _FAMILY_GAP.fullmatch(text[words[k - 1][1] : words[k][0]]) is not None
            for k in range(first + 1, end)
        )

    def _match(
        self, text: str, words: list[tuple[int, int, str]], first: int, end: int, family: _Family
    ) -> Detail | None:
        core = next((k for k in range(first, end) if words[k][2] not in _NAME_PREFIXES), end - 1)
        if text[words[core][0]].islower():
            return None  # caseless scripts (Arabic, for instance) pass: they have no capitals
        # Walk back over given names and initials of people with this family name.
        start = first
        while start > 0:
            before_start, before_end, before = words[start - 1]
            gap = text[before_end : words[start][0]]
            given_name = before in family.given and _NAME_GAP.fullmatch(gap) is not None
            initial = (
                len(before) == 1
                and before in family.initials
                and text[before_start].isupper()
                and _INITIAL_GAP.fullmatch(gap) is not None
            )
            if not (given_name or initial):
                break
            start -= 1
        if start == first and not self._alone_is_a_name(text, words, first, end):
            return None
        begin = words[start][0]
        if start == first and begin > 0 and text[begin - 1] in "'’" and words[first][2] == "t":
            begin -= 1  # "'t Hart"
        return _detail("name", text, begin, words[end - 1][1])

    @staticmethod
    def _alone_is_a_name(
        text: str, words: list[tuple[int, int, str]], first: int, end: int
    ) -> bool:
        own = [words[k][2] for k in range(first, end) if words[k][2] not in _NAME_PREFIXES]
        own = own or [words[end - 1][2]]
        if sum(len(w) for w in own) < 4 or any(w in _NOT_A_NAME for w in own):
            return False
        return not _starts_sentence(text, words, first)


def _starts_sentence(text: str, words: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the word opens a sentence or a line, where a capital says nothing about names."""
    k = words[index][0] - 1
    while k >= 0 and text[k] in _OPENERS:
        k -= 1
    if k < 0:
        return True
    if text[k] in "\r\n":
        while k >= 0 and text[k].isspace():
            k -= 1
        # "Met vriendelijke groet,\nJansen": a comma before the line break goes on with it.
        return k < 0 or text[k] != ","
    if text[k] in "!?…":
        return True
    if text[k] == ".":
        if index > 0 and words[index - 1][1] == k:
            previous = words[index - 1][2]
            if len(previous) == 1 or previous in _ABBREVIATIONS:
                return False  # "J. Jansen", "dhr. Jansen"
        return True
    return False
