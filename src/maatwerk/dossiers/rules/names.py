# ruff: noqa: RUF002, RUF003  (this module is about letters that look alike in other scripts)
"""Name keys: find a client however their name was spelled or in which script. Pure, no Django.

A name reaches the register as the person wrote it, as a Ukrainian passport romanised it, as a
colleague typed it without accents, or in Arabic script. `name_key` turns each of these into
the same plain key, so a stored key can be searched by index:

1. Accents go, case goes: é→e, ü→u, ı→i, ß→ss, ø→o, ł→l (`strip_accents`, then casefold).
2. Cyrillic (Russian and Ukrainian) becomes Latin as in the passports: я→ia, ю→iu, є→ie,
   ж→zh, х→kh, ц→ts, ч→ch, ш→sh, щ→shch, й→i, ь and ъ vanish; г→h in a Ukrainian word (one
   with і, ї, є or ґ), otherwise g. Arabic script becomes its letters in Latin (محمد→mhmd):
   short vowels are not written in Arabic, so only the looser key below compares it well.
3. Spelling variants meet (`_SPELLING`): j and y are i (Ryaboshapka, Rjabosjapka and
   Riaboshapka all give riaboshapka), kh→h, ph→f, th→t, c→k (not in ch), w→v, x→ks, written-out
   umlauts ue/oe/ae→u/o/a (Mueller, Müller and Muller give muler), ou→u, a final ah loses
   its h (Abdullah/Abdulla), doubled letters collapse (Mohammed→mohamed).
4. Name particles (de, van, ter, al, el, ...) are left out unless the name is nothing else,
   so "de Vries" and "Vries" give the same key.

The looser key (`loose_key`) is the consonant skeleton of the key, with sh→s, ch→k, zh→z and
g→h folded first and a leading vowel kept as "a": Mohammed, Muhammad and محمد all give mhmd.
It finds romanisations that differ only in vowels, and names written in Arabic script; it is
compared whole, never as a prefix, because a short skeleton matches too much.

Known limits, chosen on purpose: Arabic س or ك followed by ه reads as ش or خ; Cyrillic е at the
start of a word is e, so Yelena and Елена meet only on the looser key; other scripts (Greek,
Chinese, ...) keep their letters as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A looser key of one letter (Li, Lee and Ly all give l) finds too much of the register: unused.
MIN_LOOSE_LENGTH = 2

_PARTICLES = frozenset(
    {
        # Dutch, German, French, Spanish, Portuguese and Italian tussenvoegsels; Arabic al/el.
        *("de", "der", "den", "het", "t", "s", "te", "ten", "ter", "van", "von"),
        *("la", "le", "du", "da", "das", "dos", "del", "di", "al", "el"),
    }
)

# Marks that sit inside a name and carry no sound (O'Brien, 't Hart, Ba'albaki), and the
# Arabic stretching stroke; they are removed, not treated as a space. (A spacing accent such
# as ´ decomposes into a space and an accent, so it separates words, as a space would.)
_SILENT = dict.fromkeys(map(ord, "'’‘ʼʻʿʾ`\u0640"), None)

# Latin letters that are not a letter plus an accent, so strip_accents leaves them. Others of
# their kind are read from their Unicode name ("LATIN SMALL LETTER B WITH STROKE" is b).
_SPECIAL_LETTERS = {"ð": "d", "þ": "th", "ı": "i", "ə": "e", "ŋ": "ng", "ĸ": "k"}
_LATIN_LETTER_NAME = re.compile(r"LATIN SMALL (?:LETTER|LIGATURE) ([A-Z]{1,2})(?: WITH .*)?")

_CYRILLIC = {
    **dict(zip("абвдезийклмнопрстуфыэ", "abvdeziiklmnoprstufye", strict=True)),
    **{"ґ": "g", "є": "ie", "і": "i", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh"},
    **{"щ": "shch", "ю": "iu", "я": "ia", "ъ": "", "ь": ""},
    # Serbian and Macedonian letters, so their names do not lose letters.
    **{"ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѕ": "dz"},
}
_UKRAINIAN_ONLY = frozenset("ієґ")

_ARABIC = {
    **{"ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d"},
    **{"ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t"},
    **{"ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n"},
    **{"ه": "h", "و": "u", "ي": "y", "ى": "a", "ة": "a", "ء": ""},
    # ع is usually written as a vowel, or not at all, in Latin (Ali, Omar, Saad).
    "ع": "a",
    # Persian and Urdu letters.
    **{"پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y"},
}
# The article al- written onto an Arabic name (العمراني): split off, so it is a particle.
_ARABIC_ARTICLE = re.compile(r"(?<![\u0600-\u06ff])ال(?=[\u0600-\u06ff]{3})")

# Applied in this order, and again until nothing changes, so that a key is its own key.
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        ("ij", "i"),  # Dutch ij is y: Dijkstra, Dykstra
        ("tsj", "ch"),  # Dutch romanisation of ч, ш, ж: Tsjernenko, Sjevtsjenko, Zjoekov
        ("sj", "sh"),
        ("zj", "zh"),
        ("sz", "sh"),  # Polish: Szewczyk
        ("cz", "ch"),
        ("kh", "h"),  # х and خ: Mikhail/Mihail, Khaled/Haled
        ("ph", "f"),  # Stephan/Stefan
        ("th", "t"),  # Thomas/Tomas, ث
        ("gh", "g"),  # غ: Ghassan/Gassan
        ("ck", "k"),
        ("c(?!h)", "k"),  # Carl/Karl, Nicolas/Nikolas
        ("q", "k"),  # ق: Qasim/Kasim
        ("x", "ks"),  # Alexei/Aleksei
        ("w", "v"),  # Wladimir/Vladimir, Iwanow/Ivanov
        ("tz", "ts"),
        ("[jy]", "i"),  # Yilmaz/Jilmaz, Ryaboshapka/Rjabosjapka/Riaboshapka, Aleksey/Aleksei
        ("ou", "u"),  # French spelling of u: Youssef/Yusef, Louis/Luis
        ("ue", "u"),  # umlauts written out: Mueller/Müller, Schroeder/Schröder
        ("oe", "o"),
        ("ae", "a"),
        # Abdullah/Abdulla, Fatimah/Fatima; only after a, so Oleh keeps its h (Олег).
        ("(?<=a)h$", ""),
        (r"(.)\1+", r"\1"),  # Mohammed/Mohamed, Janssen/Jansen
    )
)
_LOOSE_FOLDS = (("sh", "s"), ("ch", "k"), ("zh", "z"), ("g", "h"))
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class WordKey:
    """One word of a name as stored and searched: its key, and its looser skeleton."""

    key: str
    loose: str


def strip_accents(text: str) -> str:
    """Letters without their accents (é→e, ü→u, й→и); letters that are not a letter plus an
    accent (ø, ł, ı, ß) stay, `name_key` handles them."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def name_key(text: str) -> str:
    """The key of a name: its words' keys, without particles, separated by single spaces."""
    return " ".join(_without_particles(_word_keys(text)))


def loose_key(text: str) -> str:
    """The looser key of a name: the skeleton of each word of `name_key`."""
    return " ".join(loose_word(word) for word in name_key(text).split())


def query_words(text: str) -> list[WordKey]:
    """The words a search for `text` looks for: every word of `name_key`."""
    return [WordKey(word, loose_word(word)) for word in name_key(text).split()]


def stored_words(family_name: str, given_names: str) -> set[WordKey]:
    """What to store for a client's name: every word, particles too (a search for only a
    particle, or for "Van" as a Vietnamese middle name, still finds it), and each name of
    several words written as one (a search for "DeVries" finds "de Vries")."""
    stored: set[str] = set()
    for part in (family_name, given_names):
        words = _word_keys(part)
        stored.update(words)
        if len(words) > 1:
            stored.add(_spelled("".join(words)))
    return {WordKey(word, loose_word(word)) for word in stored}


def word_matches(wanted: WordKey, stored: WordKey) -> str:
    """How a searched word matches a stored one: "key" (the stored key starts with the
    searched one), "alike" (the same skeleton), or "" (not at all). The database search in
    dossiers/register.py asks the same question of the stored keys."""
    if stored.key.startswith(wanted.key):
        return "key"
    if len(wanted.loose) >= MIN_LOOSE_LENGTH and stored.loose == wanted.loose:
        return "alike"
    return ""


def loose_word(word: str) -> str:
    """The skeleton of one key word: consonants, a leading vowel as "a", no doubles."""
    if not word:
        return ""
    for old, new in _LOOSE_FOLDS:
        word = word.replace(old, new)
    head = "a" if word[0] in _VOWELS else word[0]
    skeleton = head + "".join(ch for ch in word[1:] if ch not in _VOWELS)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def _word_keys(text: str) -> list[str]:
    folded = _folded(text)
    words = re.findall(r"[^\W\d_]+", _ARABIC_ARTICLE.sub("ال ", folded))
    keys = (_spelled(_transliterated(word)) for word in words)
    return [key for key in keys if key]


def _folded(text: str) -> str:
    """Without accents, case or silent marks. Casefolding can give letters with accents again
    (İ→i̇), hence a second strip."""
    text = strip_accents(strip_accents(text).casefold()).translate(_SILENT)
    return "".join(_plain_latin(ch) for ch in text)


def _plain_latin(ch: str) -> str:
    """ø→o, ł→l, æ→ae: the plain letters of a Latin letter with a stroke or a ligature."""
    if ch < "\u00c0" or not ch.isalpha():
        return ch
    if ch in _SPECIAL_LETTERS:
        return _SPECIAL_LETTERS[ch]
    named = _LATIN_LETTER_NAME.fullmatch(unicodedata.name(ch, ""))
    return named.group(1).lower() if named else ch


def _transliterated(word: str) -> str:
    ukrainian = not _UKRAINIAN_ONLY.isdisjoint(word)
    letters = []
    for index, ch in enumerate(word):
        if ch == "г":
            letters.append("h" if ukrainian else "g")
        elif ch in _CYRILLIC:
            letters.append(_CYRILLIC[ch])
        elif ch in _ARABIC:
            letters.append(_arabic_letter(word, index))
        else:
            letters.append(ch)
    return "".join(letters)


def _arabic_letter(word: str, index: int) -> str:
    ch = word[index]
    # و starts a word as the consonant w (Walid); inside one it is the vowel u/o (Yusuf).
    if ch == "و" and index == 0:
        return "w"
    # A final ه is rarely heard and often left out in Latin (Abdullah/Abdulla).
    if ch == "ه" and index == len(word) - 1 and index > 0:
        return ""
    return _ARABIC[ch]


def _spelled(word: str) -> str:
    """Apply the spelling rules until nothing changes (each rule shortens the word or removes
    a letter no rule brings back, so this ends)."""
    while True:
        before = word
        for pattern, replacement in _SPELLING:
            word = pattern.sub(replacement, word)
        if word == before:
            return word


def _without_particles(words: list[str]) -> list[str]:
    kept = [word for word in words if word not in _PARTICLES]
    return kept or words
