"""Letters of every document type, as HTML for WeasyPrint: fictional senders, realistic wording.

Each type has a few layouts and wordings. Real letters carry each other's words (a rent
increase mentions huurtoeslag, a toeslagen decision says how to make a bezwaar, a bank
statement lists rent and insurance payments); so do these, on purpose but in proportion.
Everything is made up: organisations, names, numbers.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

FONTS = [
    ("DejaVu Sans", 10.5),
    ("DejaVu Serif", 11),
    ("DejaVu Sans Mono", 9.5),
    ("DejaVu Sans Condensed", 10.5),
    ("Liberation Sans", 11),
    ("Liberation Serif", 11.5),
    ("Liberation Mono", 10),
    ("Liberation Sans Narrow", 11.5),
]

GEMEENTE = {
    "name": "Gemeente Grootstad",
    "dept": "Afdeling Werk en Inkomen",
    "street": "Postbus 100",
    "pc": "1000 AC",
    "city": "Grootstad",
}

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "je",
    "ж": "zj",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "ji",
    "й": "j",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "oe",
    "ф": "f",
    "х": "ch",
    "ц": "ts",
    "ч": "tsj",
    "ш": "sj",
    "щ": "sjtsj",
    "ь": "",
    "ю": "joe",
    "я": "ja",
    "'": "",
    "’": "",
}


def latin(name: str) -> str:
    """A Dutch transliteration of a Cyrillic name, as a Dutch sender would print it."""
    out = []
    for ch in name:
        low = ch.lower()
        if low in _CYRILLIC:
            t = _CYRILLIC[low]
            out.append(t.capitalize() if ch != low else t)
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Person:
    given: str
    family: str
    street: str
    house_number: str
    postcode: str
    city: str
    bsn: str
    client_number: str | None
    is_client: bool
    script: str = "latin"
    birth: str = ""

    @property
    def initials(self) -> str:
        return "".join(f"{p[0].upper()}." for p in self.given.split() if p)


@dataclass
class Letter:
    doc_type: str
    html: str
    clues: dict = field(default_factory=dict)


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def nl_date(rng: random.Random, year: int = 2026, months: tuple[int, int] = (1, 11)) -> str:
    return f"{rng.randrange(1, 29)} {MONTHS[rng.randrange(months[0], months[1] + 1) - 1]} {year}"


def money(rng: random.Random, lo: float, hi: float) -> str:
    value = rng.uniform(lo, hi)
    whole, cents = f"{value:.2f}".split(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"€ {whole},{cents}"


def bsn_text(bsn: str, rng: random.Random) -> str:
    style = rng.random()
    if style < 0.6:
        return bsn
    if style < 0.85:
        return f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    return f"{bsn[:4]} {bsn[4:6]} {bsn[6:]}"


def house_text(number: str, rng: random.Random) -> str:
    """Senders write house-number additions in their own way: 12A, 12a, 12 A, 12-2, 12 II."""
    if number[-1:].isalpha() and rng.random() < 0.3:
        return rng.choice([number[:-1] + number[-1].lower(), number[:-1] + " " + number[-1]])
    return number


def name_line(p: Person, rng: random.Random, formal: bool = True) -> str:
    r = rng.random()
    family = p.family[0].upper() + p.family[1:] if r < 0.1 else p.family
    if r < 0.45:
        core = f"{p.initials} {family}"
    elif r < 0.8:
        core = f"{p.given} {family}"
    elif r < 0.9:
        core = f"{p.initials} {family}".upper()
    else:
        core = f"{p.given} {p.family}".upper()
    if formal and rng.random() < 0.6:
        core = rng.choice(["De heer", "Mevrouw", "Dhr.", "Mw.", "T.a.v.", "Aan"]) + " " + core
    return core


def address_block(p: Person, rng: random.Random, formal: bool = True) -> tuple[str, dict]:
    city = p.city.upper() if rng.random() < 0.35 else p.city
    pc = p.postcode.replace(" ", "") if rng.random() < 0.15 else p.postcode
    sep = "&nbsp;&nbsp;" if rng.random() < 0.4 else " "
    lines = [name_line(p, rng, formal), f"{p.street} {house_text(p.house_number, rng)}"]
    lines.append(f"{pc}{sep}{city}")
    body = "<br>".join(esc(x).replace("&amp;nbsp;", "&nbsp;") for x in lines)
    return f'<div class="addr">{body}</div>', {"address": True, "name": True}


def sender_line(org: dict) -> str:
    return f"{org['name']}, {org['street']}, {org['pc']} {org['city']}"


def css(rng: random.Random, font: str, size: float) -> str:
    margin = rng.choice(["18mm 20mm", "22mm 25mm", "15mm 18mm 20mm 18mm", "25mm 22mm"])
    line = rng.choice([1.25, 1.35, 1.45])
    return f"""
@page {{ size: A4; margin: {margin}; }}
body {{ font-family: '{font}'; font-size: {size}pt; line-height: {line}; color: #111; }}
.addr {{ margin: 18mm 0 12mm 0; }}
.addr.right {{ margin-left: 95mm; }}
.small {{ font-size: 0.8em; color: #333; }}
.muted {{ color: #444; }}
.head {{ display: flex; justify-content: space-between; }}
.logo {{ font-weight: bold; font-size: 1.5em; }}
.bar {{ border-bottom: 2px solid #333; padding-bottom: 3mm; margin-bottom: 4mm; }}
.box {{ border: 1px solid #555; padding: 2mm 3mm; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ padding: 1.2mm 2mm; text-align: left; vertical-align: top; }}
table.lines td, table.lines th {{ border-bottom: 0.5px solid #777; }}
table.grid td, table.grid th {{ border: 0.5px solid #555; }}
.num {{ text-align: right; }}
h1 {{ font-size: 1.45em; margin: 2mm 0 3mm 0; }}
h2 {{ font-size: 1.15em; margin: 4mm 0 2mm 0; }}
.page {{ page-break-after: always; }}
.page:last-child {{ page-break-after: auto; }}
.foot {{ position: fixed; bottom: -8mm; left: 0; right: 0; font-size: 0.75em; color: #444; }}
.sign {{ margin-top: 12mm; }}
.card {{ width: 86mm; height: 54mm; border: 1px solid #333; border-radius: 3mm; padding: 3mm;
        background: #e8e8e8; font-size: 7.5pt; line-height: 1.25; position: relative;
        margin: 10mm 0; }}
.photo {{ position: absolute; left: 3mm; top: 11mm; width: 22mm; height: 29mm;
         background: #999; }}
.cardfields {{ margin-left: 26mm; }}
.mrz {{ font-family: 'DejaVu Sans Mono'; font-size: 8pt; letter-spacing: 0.5pt; }}
"""


def page(html_body: str) -> str:
    return f'<div class="page">{html_body}</div>'


def document(rng: random.Random, pages: list[str], font: str, size: float, foot: str = "") -> str:
    footer = f'<div class="foot">{esc(foot)}</div>' if foot else ""
    return (
        f"<html><head><meta charset='utf-8'><style>{css(rng, font, size)}</style></head>"
        f"<body>{footer}{''.join(page(p) for p in pages)}</body></html>"
    )


def meta_rows(rows: list[tuple[str, str]], rng: random.Random) -> str:
    if not rows:
        return ""
    if rng.random() < 0.5:
        cells = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
        width = rng.choice(["60%", "75%", "100%"])
        return f'<table style="width:{width}" class="small">{cells}</table>'
    return "<p class='small'>" + "<br>".join(f"{esc(k)}: {esc(v)}" for k, v in rows) + "</p>"


def standard_letter(
    rng: random.Random,
    org: dict,
    person: Person,
    *,
    subject: str,
    paragraphs: list[str],
    rows: list[tuple[str, str]],
    closing: str,
    extra: str = "",
    more_pages: list[str] | None = None,
) -> tuple[list[str], str]:
    """An organisation's letter in a window envelope; returns pages and footer text."""
    addr, _ = address_block(person, rng)
    layout = rng.randrange(3)
    date = f"{org['city']}, {nl_date(rng)}" if rng.random() < 0.5 else nl_date(rng)
    if layout == 0:
        head = (
            f'<div class="bar"><span class="logo">{esc(org["name"])}</span><br>'
            f'<span class="small">{esc(org.get("tag", ""))}</span></div>'
            f'<div class="small muted">{esc(sender_line(org))}</div>'
        )
        addr_html = addr
    elif layout == 1:
        head = (
            f'<div style="text-align:right"><span class="logo">{esc(org["name"])}</span><br>'
            f'<span class="small">{esc(org["street"])}<br>{esc(org["pc"])} {esc(org["city"])}'
            "</span></div>"
        )
        addr_html = addr
    else:
        head = (
            f'<div class="logo" style="letter-spacing:1pt">{esc(org["name"].upper())}</div>'
            f'<div class="small">{esc(org.get("tag", ""))}</div>'
        )
        addr_html = addr.replace('class="addr"', 'class="addr right"')
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    first = (
        f"{head}{addr_html}{meta_rows(rows, rng)}<p>{esc(date)}</p>"
        f"<p><b>{esc(subject)}</b></p>{body}{extra}"
        f"<p class='sign'>{closing}</p>"
    )
    foot = f"{org['name']} · {org['street']} · {org['pc']} {org['city']}"
    if rng.random() < 0.5:
        foot += f" · KvK {rng.randrange(10000000, 99999999)}"
    return [first, *(more_pages or [])], foot


def client_letter(
    rng: random.Random,
    person: Person,
    *,
    subject: str,
    paragraphs: list[str],
    rows: list[tuple[str, str]],
    to: dict = GEMEENTE,
) -> list[str]:
    """A letter the client writes to the municipality: their address is the sender."""
    name = (
        f"{person.given} {person.family}"
        if rng.random() < 0.7
        else f"{person.initials} {person.family}"
    )
    sender = (
        f"<p>{esc(name)}<br>{esc(person.street)} {esc(house_text(person.house_number, rng))}<br>"
        f"{esc(person.postcode)} {esc(person.city)}</p>"
    )
    to_html = (
        f"<div class='addr'>{esc(to['name'])}<br>{esc(to.get('dept', ''))}<br>"
        f"{esc(to['street'])}<br>{esc(to['pc'])} {esc(to['city'])}</div>"
    )
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    closing = rng.choice(["Met vriendelijke groet,", "Met vriendelijke groeten,", "Hoogachtend,"])
    return [
        f"{sender}{to_html}<p>{esc(person.city)}, {nl_date(rng)}</p>{meta_rows(rows, rng)}"
        f"<p><b>{esc(subject)}</b></p><p>Geachte heer/mevrouw,</p>{body}"
        f"<p class='sign'>{closing}<br><br><br>{esc(name)}</p>"
    ]
