# ruff: noqa: E501
# Letter texts are data: one sentence or sender per line reads better than wrapped strings.
"""One generator per document type in rules/classify.py TYPES: (rng, person, options) -> Letter.

Options say which identifiers the letter carries (`bsn`, `client_number`, `partner`); the
generators decide where and how, as the real senders of that kind of letter would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from letters import (
    FONTS,
    GEMEENTE,
    Letter,
    Person,
    address_block,
    bsn_text,
    client_letter,
    document,
    esc,
    house_text,
    meta_rows,
    money,
    nl_date,
    standard_letter,
)


@dataclass
class Options:
    bsn: bool = False
    client_number: bool = False
    partner: Person | None = None


def _font(rng: random.Random) -> tuple[str, float]:
    font, size = rng.choice(FONTS)
    return font, round(size + rng.uniform(-0.8, 0.8), 1)


def _org(rng: random.Random, choices: list[tuple[str, str, str, str, str]]) -> dict:
    name, tag, street, pc, city = rng.choice(choices)
    return {"name": name, "tag": tag, "street": street, "pc": pc, "city": city}


def _ids(person: Person, o: Options, rng: random.Random, bsn_label: str | None = None) -> list:
    rows: list[tuple[str, str]] = []
    if o.client_number and person.client_number:
        rows.append(
            (rng.choice(["Klantnummer", "Uw klantnummer", "Klantnr."]), person.client_number)
        )
    if o.bsn:
        label = bsn_label or rng.choice(["BSN", "Burgerservicenummer", "Uw BSN", "BSN-nummer"])
        rows.append((label, bsn_text(person.bsn, rng)))
    return rows


def _partner_rows(o: Options, rng: random.Random, label: str) -> list[tuple[str, str]]:
    if o.partner is None:
        return []
    p = o.partner
    return [
        (label, f"{p.initials} {p.family}"),
        (f"BSN {label.lower()}", bsn_text(p.bsn, rng)),
    ]


def _finish(rng, doc_type, pages, foot, person, o, **extra) -> Letter:
    font, size = _font(rng)
    clues = {
        "bsn": o.bsn,
        "client_number": bool(o.client_number and person.client_number),
        "partner_bsn": o.partner is not None,
        "font": font,
    }
    clues.update(extra)
    return Letter(doc_type, document(rng, pages, font, size, foot), clues)


# --- loonstrook -----------------------------------------------------------------------------

EMPLOYERS = [
    (
        "Bakkerij Van Dalen B.V.",
        "Brood en banket sinds 1962",
        "Industrieweg 14",
        "1098 PK",
        "Grootstad",
    ),
    ("Schoonmaakbedrijf Helder", "Facilitaire diensten", "Postbus 412", "3800 AK", "Amersfoort"),
    ("Distributiecentrum Noord B.V.", "Logistiek", "Havenstraat 3", "9723 BE", "Groningen"),
    ("Zorggroep De Linde", "Thuiszorg en wonen", "Lindelaan 80", "1061 RT", "Grootstad"),
    ("Uitzendbureau Flex & Co", "Werk dat past", "Stationsplein 9", "3511 ED", "Utrecht"),
    ("Supermarkt Dagvers Grootstad", "", "Marktplein 2", "1012 JS", "Grootstad"),
]


def loonstrook(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, EMPLOYERS)
    title = rng.choice(["Loonstrook", "Salarisstrook", "Loonspecificatie", "Salarisspecificatie"])
    month = rng.randrange(1, 11)
    bruto = rng.uniform(900, 2900)
    heffing = bruto * rng.uniform(0.05, 0.14)
    pension = bruto * 0.05
    netto = bruto - heffing - pension
    addr, _ = address_block(person, rng)
    bsn_label = rng.choice(["BSN", "Sofinummer", "Burgerservicenummer", "BSN/Sofi-nr"])
    rows = [
        ("Werknemer", f"{person.initials} {person.family}"),
        ("Personeelsnummer", str(rng.randrange(1000, 99999))),
        (
            "Functie",
            rng.choice(
                ["Medewerker productie", "Schoonmaker", "Orderpicker", "Helpende", "Vakkenvuller"]
            ),
        ),
        ("Datum in dienst", nl_date(rng, rng.randrange(2019, 2026))),
        ("Periode", f"{month:02d}-2026"),
    ]
    if o.bsn:
        rows.insert(1, (bsn_label, bsn_text(person.bsn, rng)))
    if o.client_number and person.client_number:
        rows.append(("Ref. gemeente", person.client_number))

    def amt(x: float) -> str:
        return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")

    lines = [
        ("Uren gewerkt", f"{rng.randrange(40, 160)},00", ""),
        (rng.choice(["Brutoloon", "Bruto loon", "Salaris bruto"]), "", amt(bruto)),
        ("Pensioenpremie werknemer", "", "-" + amt(pension)),
        ("Loonheffing", "", "-" + amt(heffing)),
        (rng.choice(["Netto loon", "Nettoloon"]), "", amt(netto)),
        ("Uit te betalen", "", amt(netto)),
    ]
    table = "".join(
        f"<tr><td>{esc(a)}</td><td class='num'>{b}</td><td class='num'>{c}</td></tr>"
        for a, b, c in lines
    )
    style = rng.choice(["lines", "grid"])
    first = (
        f"<div class='bar'><span class='logo'>{esc(org['name'])}</span></div>"
        f"<div class='small'>{esc(org['street'])}, {esc(org['pc'])} {esc(org['city'])}</div>"
        f"{addr}<h1>{title} {['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][month - 1]} 2026</h1>"
        f"{meta_rows(rows, rng)}"
        f"<table class='{style}'><tr><th>Omschrijving</th><th class='num'>Eenheden</th>"
        f"<th class='num'>Bedrag</th></tr>{table}</table>"
        f"<p class='small'>Het nettoloon wordt overgemaakt op rekening NL{rng.randrange(10, 99)}"
        f"BANK0{rng.randrange(100000000, 999999999)}. Cumulatief loon voor de loonheffing: "
        f"{money(rng, 3000, 25000)}. Vakantiegeld reservering 8%.</p>"
    )
    return _finish(rng, "loonstrook", [first], "", person, o)


# --- bankafschrift --------------------------------------------------------------------------

BANKS = [
    ("Spaarbank Nederland", "Betaalrekening", "Postbus 1800", "1000 BV", "Amsterdam"),
    ("Coöperatieve Dorpsbank", "Uw bank in de buurt", "Postbus 17100", "3500 HG", "Utrecht"),
    ("Noordelijke Bank N.V.", "", "Postbus 283", "9700 AG", "Groningen"),
]

TRANSACTIONS = [
    ("Gemeente Grootstad uitkering", True),
    ("Albert Markt Grootstad", False),
    ("Woonstichting Grootstad huur", False),
    ("Energie Noord termijnbedrag", False),
    ("Zorgverzekeraar Gezond & Wel premie", False),
    ("Belastingdienst zorgtoeslag", True),
    ("Belastingdienst huurtoeslag", True),
    ("Geldautomaat Centrum", False),
    ("Tele2Go abonnement", False),
    ("Overboeking spaarrekening", False),
    ("Kruidvat Grootstad", False),
    ("Jumbo Grootstad", False),
    ("Bibliotheek Grootstad", False),
    ("NS reizen", False),
]


def bankafschrift(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, BANKS)
    iban = f"NL{rng.randrange(10, 99)} {rng.choice(['SPNL', 'DRPB', 'NOBK'])} 0{rng.randrange(100, 999)} {rng.randrange(1000, 9999)} {rng.randrange(10, 99)}"
    addr, _ = address_block(person, rng)
    title = rng.choice(["Rekeningafschrift", "Bankafschrift", "Afschrift", "Dagafschrift"])
    month = rng.randrange(1, 11)
    balance = rng.uniform(-200, 900)
    n_pages = 2 if rng.random() < 0.45 else 1
    pages = []
    for pg in range(n_pages):
        rows = ""
        for _ in range(rng.randrange(9, 16)):
            desc, credit = rng.choice(TRANSACTIONS)
            amount = rng.uniform(5, 1300 if credit else 140)
            balance += amount if credit else -amount
            af, bij = (
                ("", f"{amount:.2f}".replace(".", ","))
                if credit
                else (f"{amount:.2f}".replace(".", ","), "")
            )
            rows += (
                f"<tr><td>{rng.randrange(1, 29):02d}-{month:02d}</td><td>{esc(desc)}</td>"
                f"<td class='num'>{af}</td><td class='num'>{bij}</td></tr>"
            )
        table = (
            f"<table class='{rng.choice(['lines', 'grid'])}'><tr><th>Datum</th><th>Omschrijving</th>"
            f"<th class='num'>Af</th><th class='num'>Bij</th></tr>{rows}</table>"
            f"<p>Nieuw saldo: € {balance:.2f}".replace(".", ",")
            + "</p>"
        )
        if pg == 0:
            who = f"{person.initials} {person.family}"
            pages.append(
                f"<div class='bar'><span class='logo'>{esc(org['name'])}</span></div>{addr}"
                f"<h1>{title} nr. {rng.randrange(1, 60)}</h1>"
                f"<p>Rekening: {iban} · t.n.v. {esc(who)}<br>Periode: {month:02d}-2026 · "
                f"Pagina 1 van {n_pages}<br>Vorig saldo: "
                + f"€ {rng.uniform(-100, 800):.2f}".replace(".", ",")
                + "</p>"
                + table
            )
        else:
            pages.append(
                f"<p class='small'>{esc(org['name'])} · {title} · rekening {iban} · Pagina {pg + 1} van {n_pages}</p>"
                + table
                + "<p class='small'>Controleer uw afschrift. Klopt er iets niet? Neem binnen 13 maanden contact op.</p>"
            )
    foot = f"{org['name']} · {org['street']} · {org['pc']} {org['city']}"
    return _finish(rng, "bankafschrift", pages, foot, person, o)


# --- huur -----------------------------------------------------------------------------------

LANDLORDS = [
    ("Woonstichting Grootstad", "Goed wonen in Grootstad", "Postbus 2020", "1001 GA", "Grootstad"),
    ("Woningcorporatie Thuis aan de Rivier", "", "Postbus 55", "1040 AB", "Grootstad"),
    ("Vastgoedbeheer Kroon B.V.", "Particuliere verhuur", "Kanaalkade 12", "2511 AL", "Den Haag"),
]


def huur(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, LANDLORDS)
    rent = rng.uniform(480, 940)
    rows = [("Huurdernummer", f"{rng.randrange(100000, 999999)}"), *_ids(person, o, rng)]
    addr_text = f"{person.street} {house_text(person.house_number, rng)} te {person.city}"
    variant = rng.randrange(3)
    if variant < 2:
        pct = rng.choice(["4,1", "5,0", "5,5", "3,8"])
        paras = [
            "Geachte huurder,",
            f"Per 1 juli 2027 verhogen wij de huur van uw woning aan {esc(addr_text)} met {pct}%. "
            f"Uw nieuwe kale huur wordt {money(rng, rent, rent)} per maand. De servicekosten blijven "
            "gelijk. In de bijlage ziet u hoe de nieuwe huurprijs is opgebouwd.",
            "Bent u het niet eens met de huurverhoging? Dan kunt u tot 1 juli bezwaar maken bij ons. "
            "Komen wij er samen niet uit, dan kunt u naar de Huurcommissie.",
            "Heeft u een laag inkomen? Misschien heeft u recht op huurtoeslag. Kijk voor meer "
            "informatie op de website van de Belastingdienst.",
        ]
        if variant == 1:
            paras = paras[:2] + paras[3:]
        pages, foot = standard_letter(
            rng,
            org,
            person,
            subject=rng.choice(["Huurverhoging per 1 juli 2027", "Uw nieuwe huurprijs"]),
            paragraphs=paras,
            rows=rows,
            closing=f"Met vriendelijke groet,<br>{esc(org['name'])}<br>Afdeling Verhuur",
        )
        return _finish(rng, "huur", pages, foot, person, o, layout="huurverhoging")
    # A tenancy agreement: the address appears inline, over two or three pages.
    bsn_part = f", BSN {bsn_text(person.bsn, rng)}" if o.bsn else ""
    partner = ""
    if o.partner is not None:
        p = o.partner
        partner = (
            f"<p>en {esc(p.given)} {esc(p.family)}, geboren op {p.birth}, hierna samen met de "
            f"huurder te noemen: de huurder (medehuurder, partner, BSN {bsn_text(p.bsn, rng)});</p>"
        )
    articles = [
        (
            "Het gehuurde",
            f"Verhuurder verhuurt aan huurder de woonruimte gelegen aan {esc(addr_text)}, {esc(person.postcode)}, hierna het gehuurde.",
        ),
        (
            "Duur",
            "Deze huurovereenkomst gaat in op 1 "
            + rng.choice(["maart", "mei", "september"])
            + " 2026 en is aangegaan voor onbepaalde tijd.",
        ),
        (
            "Huurprijs",
            f"De kale huur bedraagt bij aanvang {money(rng, rent, rent)} per maand. Daarnaast betaalt huurder een voorschot servicekosten van {money(rng, 20, 60)}.",
        ),
        (
            "Betaling",
            "De huurprijs moet vóór de eerste dag van de maand zijn betaald. Bij een betalingsachterstand kan verhuurder incassokosten in rekening brengen.",
        ),
        (
            "Gebruik",
            "Huurder gebruikt het gehuurde uitsluitend als woonruimte voor zichzelf en zijn huishouden. Onderverhuur is niet toegestaan.",
        ),
        (
            "Onderhoud",
            "Kleine herstellingen zijn voor rekening van huurder. Verhuurder zorgt voor groot onderhoud.",
        ),
        (
            "Huurverhoging",
            "De huurprijs kan jaarlijks per 1 juli worden aangepast volgens de wettelijke regels.",
        ),
        ("Einde", "Huurder kan de overeenkomst opzeggen met een termijn van één maand."),
        (
            "Algemene bepalingen",
            "Op deze overeenkomst zijn de Algemene Huurvoorwaarden van verhuurder van toepassing; huurder verklaart een exemplaar te hebben ontvangen.",
        ),
    ]
    split = rng.choice([4, 5])
    intro = (
        f"<h1>Huurovereenkomst woonruimte</h1><p>De ondergetekenden:</p>"
        f"<p>{esc(org['name'])}, gevestigd te {esc(org['city'])}, hierna te noemen: verhuurder;</p>"
        f"<p>en {esc(person.given)} {esc(person.family)}, wonende te {esc(addr_text)}, "
        f"{esc(person.postcode)}{bsn_part}, hierna te noemen: huurder;</p>{partner}"
        "<p>komen het volgende overeen:</p>"
    )

    def arts(items: list, start: int) -> str:
        return "".join(
            f"<h2>Artikel {start + i} – {t}</h2><p>{b}</p>" for i, (t, b) in enumerate(items)
        )

    pages = [intro + arts(articles[:split], 1)]
    rest = articles[split:]
    sign = (
        "<p class='sign'>Aldus opgemaakt en getekend in tweevoud te "
        f"{esc(org['city'])} op {nl_date(rng)}.</p><table><tr><td>Verhuurder</td><td>Huurder</td></tr>"
        "<tr><td><br><br>..................</td><td><br><br>..................</td></tr></table>"
    )
    if rng.random() < 0.5:
        pages.append(arts(rest, split + 1) + sign)
    else:
        mid = len(rest) // 2
        pages.append(arts(rest[:mid], split + 1))
        pages.append(arts(rest[mid:], split + 1 + mid) + sign)
    foot = f"Huurovereenkomst {org['name']} – paraaf huurder: ____"
    return _finish(
        rng, "huur", pages, foot, person, o, layout="huurovereenkomst", address_inline=True
    )


# --- toeslagen ------------------------------------------------------------------------------


def toeslagen(rng: random.Random, person: Person, o: Options) -> Letter:
    org = {
        "name": "Belastingdienst/Toeslagen",
        "tag": "",
        "street": "Postbus 8010",
        "pc": "6400 BT",
        "city": "Heerlen",
    }
    kind = rng.choice(["zorgtoeslag", "huurtoeslag", "kinderopvangtoeslag", "kindgebonden budget"])
    rows = _ids(person, o, rng, bsn_label=rng.choice(["Burgerservicenummer", "BSN"]))
    rows += _partner_rows(o, rng, rng.choice(["Toeslagpartner", "Partner"]))
    monthly = money(rng, 30, 420)
    what = rng.choice(["Voorlopige berekening", "Definitieve berekening", "Wijziging voorschot"])
    paras = [
        f"U krijgt in 2027 een voorschot {kind}. In deze beschikking leest u hoeveel u krijgt "
        f"en hoe wij dat hebben berekend. U krijgt {monthly} per maand.",
        f"Wij hebben uitgegaan van een geschat toetsingsinkomen van {money(rng, 11000, 32000)}. "
        "Verandert uw inkomen of uw situatie? Geef dit dan zo snel mogelijk door via Mijn toeslagen. "
        "Zo voorkomt u dat u moet terugbetalen.",
    ]
    if rng.random() < 0.7:
        paras.append(
            "Bent u het niet eens met deze beschikking? Dan kunt u binnen 6 weken na de datum "
            "van deze brief bezwaar maken."
        )
    closing = "Met vriendelijke groet,<br>Belastingdienst/Toeslagen"
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=f"{what} {kind} 2027",
        paragraphs=paras,
        rows=rows,
        closing=closing,
    )
    return _finish(rng, "toeslagen", pages, foot, person, o, layout=kind)


# --- zorgverzekering ------------------------------------------------------------------------

INSURERS = [
    ("Zorgverzekeraar Gezond & Wel", "Klantenservice", "Postbus 9000", "3800 DA", "Amersfoort"),
    ("Ziektekostenfonds Delta", "", "Postbus 4500", "6503 GA", "Nijmegen"),
    ("Zorg Samen Verzekeringen", "Samen gezond", "Postbus 120", "8000 AC", "Zwolle"),
]


def zorgverzekering(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, INSURERS)
    polis = f"{rng.randrange(10000000, 99999999)}"
    premium = rng.uniform(140, 175)
    rows = [("Polisnummer", polis), ("Relatienummer", str(rng.randrange(1000000, 9999999)))]
    insured = (
        f"<tr><td>{esc(person.initials)} {esc(person.family)}</td><td>Verzekeringnemer</td>"
        f"<td>{bsn_text(person.bsn, rng) if o.bsn else '-'}</td><td>Basisverzekering Budget</td>"
        f"<td class='num'>{money(rng, premium, premium)}</td></tr>"
    )
    if o.partner is not None:
        p = o.partner
        insured += (
            f"<tr><td>{esc(p.initials)} {esc(p.family)}</td><td>Partner</td>"
            f"<td>{bsn_text(p.bsn, rng)}</td><td>Basisverzekering Budget</td>"
            f"<td class='num'>{money(rng, 140, 175)}</td></tr>"
        )
    table = (
        "<h2>Verzekerden</h2><table class='lines'><tr><th>Naam</th><th>Rol</th><th>BSN</th>"
        f"<th>Dekking</th><th class='num'>Premie p/m</th></tr>{insured}</table>"
    )
    paras = [
        "Hierbij ontvangt u uw polisblad voor 2027. Op dit polisblad staat welke verzekeringen u "
        "bij ons heeft en wat u ervoor betaalt. Bewaar het goed.",
        "Het verplicht eigen risico is in 2027 € 385. U betaalt de premie maandelijks via "
        "automatische incasso.",
    ]
    if rng.random() < 0.5:
        paras.append("Heeft u een laag inkomen? Dan kunt u misschien zorgtoeslag krijgen.")
    more = []
    if rng.random() < 0.4:
        more = [
            "<h2>Overzicht vergoedingen basisverzekering</h2><table class='grid'>"
            + "".join(
                f"<tr><td>{a}</td><td>{b}</td></tr>"
                for a, b in [
                    ("Huisarts", "100%, geen eigen risico"),
                    ("Ziekenhuiszorg", "100% na eigen risico"),
                    ("Fysiotherapie", "vanaf de 21e behandeling bij chronische aandoening"),
                    ("Geneesmiddelen", "volgens geneesmiddelenvergoedingssysteem"),
                    ("Tandarts", "niet in de basisverzekering"),
                    ("Kraamzorg", "eigen bijdrage per uur"),
                ]
            )
            + "</table><p class='small'>Pagina 2 – polisnummer "
            + polis
            + "</p>"
        ]
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=rng.choice(["Uw polisblad zorgverzekering 2027", "Polisblad 2027"]),
        paragraphs=paras,
        rows=rows,
        closing=f"Met vriendelijke groet,<br>{esc(org['name'])}",
        extra=table,
        more_pages=more,
    )
    return _finish(rng, "zorgverzekering", pages, foot, person, o)


# --- energie --------------------------------------------------------------------------------

SUPPLIERS = [
    ("Energie Noord", "Stroom en gas", "Postbus 5010", "9700 KA", "Groningen"),
    ("GroenStroom Direct", "100% groene stroom", "Postbus 333", "5600 AH", "Eindhoven"),
    ("Stadsenergie Grootstad", "", "Postbus 700", "1000 CS", "Grootstad"),
]


def energie(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, SUPPLIERS)
    rows = [
        ("Klantnummer", str(rng.randrange(10000000, 99999999))),
        (
            "Leveringsadres",
            f"{person.street} {house_text(person.house_number, rng)}, {person.postcode} {person.city}",
        ),
        ("Factuurnummer", str(rng.randrange(100000000, 999999999))),
    ]
    kwh = rng.randrange(1100, 3600)
    m3 = rng.randrange(400, 1500)
    table = (
        f"<table class='{rng.choice(['lines', 'grid'])}'><tr><th>Omschrijving</th><th class='num'>Verbruik</th>"
        "<th class='num'>Bedrag</th></tr>"
        f"<tr><td>Elektriciteit normaaltarief</td><td class='num'>{kwh} kWh</td><td class='num'>{money(rng, 300, 900)}</td></tr>"
        f"<tr><td>Gas</td><td class='num'>{m3} m3</td><td class='num'>{money(rng, 500, 1600)}</td></tr>"
        f"<tr><td>Vaste leveringskosten</td><td></td><td class='num'>{money(rng, 60, 120)}</td></tr>"
        f"<tr><td>Netbeheerkosten</td><td></td><td class='num'>{money(rng, 300, 500)}</td></tr>"
        f"<tr><td>Vermindering energiebelasting</td><td></td><td class='num'>-{money(rng, 500, 630)}</td></tr>"
        f"<tr><td>Betaalde termijnbedragen</td><td></td><td class='num'>-{money(rng, 1000, 2200)}</td></tr>"
        "</table>"
    )
    paras = [
        f"Hierbij ontvangt u uw jaarafrekening over de periode 1 november 2025 tot en met 31 "
        f"oktober 2026. U {rng.choice(['krijgt', 'betaalt'])} {money(rng, 20, 400)} "
        f"{rng.choice(['terug', 'bij'])}.",
        f"Uw nieuwe termijnbedrag is {money(rng, 90, 240)} per maand. Dit bedrag schrijven wij "
        "rond de 25e van de maand af.",
    ]
    more = []
    if rng.random() < 0.3:
        more = [
            "<h2>Toelichting op uw jaarafrekening</h2><p>Het verbruik is berekend op basis van de "
            "meterstanden die uw slimme meter aan ons heeft doorgegeven. Elektriciteit meten wij in "
            "kilowattuur (kWh), gas in kubieke meters (m3).</p><p>Moeite met betalen? Neem op tijd "
            "contact met ons op, dan zoeken we samen naar een betalingsregeling.</p>"
        ]
    subject = rng.choice(["Uw jaarafrekening energie", "Jaarafrekening stroom en gas 2026"])
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=subject,
        paragraphs=paras,
        rows=rows,
        closing=f"Met vriendelijke groet,<br>{esc(org['name'])}",
        extra=table,
        more_pages=more,
    )
    return _finish(rng, "energie", pages, foot, person, o)


# --- medisch --------------------------------------------------------------------------------

PRACTICES = [
    ("Huisartsenpraktijk De Singel", "Huisartsen", "Singel 45", "1017 AZ", "Grootstad"),
    (
        "Medisch Centrum Grootstad",
        "Afdeling Orthopedie",
        "Ziekenhuislaan 1",
        "1066 CX",
        "Grootstad",
    ),
    ("Gezondheidscentrum Oost", "", "Oosterpark 8", "1092 AE", "Grootstad"),
]


def medisch(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, PRACTICES)
    rows = [("Geboortedatum", person.birth), *_ids(person, o, rng)]
    variant = rng.randrange(3)
    if variant == 0:
        subject = "Medische verklaring"
        paras = [
            "Geachte heer/mevrouw,",
            f"Hierbij verklaar ik dat bovengenoemde patiënt sinds {nl_date(rng, 2025)} bij mij "
            "onder behandeling is. Vanwege de klachten is patiënt op dit moment niet in staat om "
            "volledig te werken of te solliciteren.",
            "Naar verwachting duurt de behandeling nog enkele maanden. Voor nadere informatie "
            "kan, met toestemming van patiënt, contact worden opgenomen met de praktijk.",
        ]
        closing = f"Met vriendelijke groet,<br>dr. {rng.choice(['A.', 'M.', 'R.', 'S.'])} {rng.choice(['Bakker', 'Visser', 'Smit', 'Meijer'])}, huisarts"
    elif variant == 1:
        subject = "Uitnodiging polikliniek"
        paras = [
            f"U heeft een afspraak op de polikliniek op {nl_date(rng, 2026, (11, 12))} om "
            f"{rng.randrange(8, 16)}.{rng.choice(['00', '15', '30', '45'])} uur bij de specialist.",
            "Neem uw legitimatiebewijs, uw verzekeringspas en een lijst van uw medicijnen mee. "
            "Wilt u de afspraak verzetten? Bel dan minimaal 24 uur van tevoren.",
        ]
        closing = f"Met vriendelijke groet,<br>{esc(org['name'])}"
    else:
        subject = "Verslag consult"
        paras = [
            "Geachte collega,",
            f"Uw patiënt, geboren {person.birth}, bezocht op {nl_date(rng)} ons spreekuur. "
            "Diagnose: aanhoudende rugklachten zonder neurologische uitval. Beleid: fysiotherapie "
            "en pijnstilling, controle over zes weken.",
        ]
        closing = (
            "Met collegiale groet,<br>dr. "
            + rng.choice(["P. de Wit", "J. Mulder", "F. Aydin"])
            + ", specialist"
        )
    pages, foot = standard_letter(
        rng, org, person, subject=subject, paragraphs=paras, rows=rows, closing=closing
    )
    return _finish(rng, "medisch", pages, foot, person, o)


# --- identiteitsbewijs ----------------------------------------------------------------------


def identiteitsbewijs(rng: random.Random, person: Person, o: Options) -> Letter:
    """A copy of an identity card or residence document; no address, the BSN is the key."""
    dutch = person.script == "latin" and rng.random() < 0.75
    doc_no = (
        "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
        + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(6))
        + str(rng.randrange(10))
    )
    family = person.family.upper()
    label = rng.choice(["Persoonsnummer", "Persoonsnummer / Personal no.", "BSN"])
    bsn_line = f"{label}: {bsn_text(person.bsn, rng)}" if o.bsn else ""
    if dutch:
        title = rng.choice(["IDENTITEITSKAART", "PASPOORT", "RIJBEWIJS"])
        nat = "Nederlandse"
    else:
        title = "VERBLIJFSDOCUMENT"
        nat = rng.choice(["Oekraïense", "Eritrese", "Somalische", "Syrische", "Poolse"])
    card = (
        "<div class='card'><b>KONINKRIJK DER NEDERLANDEN</b><br>"
        f"<b>{title}</b><div class='photo'></div><div class='cardfields'>"
        f"Naam: {esc(family)}<br>Voornamen: {esc(person.given)}<br>"
        f"Nationaliteit: {nat}<br>Geboortedatum: {person.birth}<br>"
        f"Geboorteplaats: {rng.choice(['Grootstad', 'Utrecht', 'Kyiv', 'Asmara', 'Mogadishu', 'Rotterdam'])}<br>"
        f"Documentnummer: {doc_no}<br>Geldig tot: {rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(2027, 2035)}<br>"
        f"{bsn_line}</div></div>"
    )
    mrz_bsn = person.bsn if o.bsn else "<" * 9
    back = (
        "<div class='card'><div class='mrz'>"
        f"I&lt;NLD{doc_no}{rng.randrange(10)}{esc(mrz_bsn)}&lt;{rng.randrange(10)}<br>"
        f"{rng.randrange(600000, 999999)}{rng.randrange(10)}F{rng.randrange(2800000, 3499999)}NLD&lt;&lt;&lt;&lt;&lt;<br>"
        f"{esc(family.replace(' ', '<'))}&lt;&lt;{esc(person.given.upper())}&lt;&lt;&lt;&lt;&lt;&lt;</div></div>"
    )
    note = ""
    if o.client_number and person.client_number:
        note = f"<p style='margin-top:15mm'>Kopie voor de gemeente – klantnummer {person.client_number}</p>"
    content = card + (back if rng.random() < 0.6 else "") + note
    return _finish(
        rng, "identiteitsbewijs", [content], "", person, o, address=False, id_title=title
    )


# --- schulden -------------------------------------------------------------------------------

COLLECTORS = [
    (
        "Gerechtsdeurwaarderskantoor Van Buren",
        "Gerechtsdeurwaarders",
        "Postbus 3131",
        "3003 AC",
        "Rotterdam",
    ),
    (
        "Incassobureau Nedcollect",
        "Incasso en invordering",
        "Postbus 990",
        "5200 AZ",
        "'s-Hertogenbosch",
    ),
    ("Deurwaarders Noord-Holland", "", "Postbus 71", "2000 AB", "Haarlem"),
]
CREDITORS = [
    "Energie Noord",
    "Zorgverzekeraar Gezond & Wel",
    "Woonstichting Grootstad",
    "Tele2Go",
    "Webwinkel Alles.nl",
    "CJIB",
]


def schulden(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, COLLECTORS)
    creditor = rng.choice(CREDITORS)
    principal = rng.uniform(80, 2500)
    rows = [
        ("Dossiernummer", f"{rng.randrange(2024, 2027)}/{rng.randrange(10000, 99999)}"),
        ("Opdrachtgever", creditor),
        *_ids(person, o, rng),
    ]
    variant = rng.randrange(3)
    if variant == 0:
        subject = "Aanmaning – laatste herinnering"
        paras = [
            f"Ondanks eerdere herinneringen heeft u de vordering van onze opdrachtgever {esc(creditor)} "
            f"nog niet voldaan. Uw betalingsachterstand bedraagt {money(rng, principal, principal)}.",
            "Wij verzoeken u dringend het totale bedrag binnen 14 dagen over te maken. Betaalt u "
            "niet, dan gaan wij over tot gerechtelijke stappen. De kosten daarvan komen voor uw "
            "rekening.",
        ]
    elif variant == 1:
        subject = "Betekening dwangbevel"
        paras = [
            f"Hierbij betekenen wij u een dwangbevel namens {esc(creditor)}. Het verschuldigde "
            f"bedrag inclusief kosten is {money(rng, principal, principal * 1.4)}.",
            "Indien u niet binnen twee dagen betaalt, kan beslag worden gelegd op uw inkomen of "
            "uw roerende zaken.",
        ]
    else:
        subject = "Voorstel betalingsregeling"
        paras = [
            f"U heeft contact met ons opgenomen over de vordering van {esc(creditor)}. Wij gaan "
            f"akkoord met een betalingsregeling van {money(rng, 25, 90)} per maand.",
            "Komt u de regeling niet na, dan vervalt deze en is het volledige bedrag direct "
            "opeisbaar. Heeft u problemen met betalen? Schuldhulp van uw gemeente kan u helpen.",
        ]
    more = []
    if rng.random() < 0.25:
        more = [
            "<h2>Specificatie vordering</h2><table class='grid'>"
            f"<tr><td>Hoofdsom</td><td class='num'>{money(rng, principal, principal)}</td></tr>"
            f"<tr><td>Rente</td><td class='num'>{money(rng, 5, 80)}</td></tr>"
            f"<tr><td>Incassokosten</td><td class='num'>{money(rng, 40, 375)}</td></tr>"
            f"<tr><td>Totaal</td><td class='num'>{money(rng, principal, principal * 1.3)}</td></tr></table>"
        ]
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=subject,
        paragraphs=paras,
        rows=rows,
        closing=f"Hoogachtend,<br>{esc(org['name'])}",
        more_pages=more,
    )
    return _finish(rng, "schulden", pages, foot, person, o)


# --- sollicitaties --------------------------------------------------------------------------


def sollicitaties(rng: random.Random, person: Person, o: Options) -> Letter:
    variant = rng.randrange(3)
    if variant == 0:
        # The client's own overview for the municipality (a form with their client number).
        rows = [
            ("Naam", f"{person.given} {person.family}"),
            (
                "Adres",
                f"{person.street} {house_text(person.house_number, rng)}, {person.postcode} {person.city}",
            ),
        ]
        rows += _ids(person, o, rng)
        acts = ""
        for _ in range(rng.randrange(4, 8)):
            acts += (
                f"<tr><td>{rng.randrange(1, 29):02d}-{rng.randrange(9, 12):02d}-2026</td>"
                f"<td>{rng.choice(['Orderpicker', 'Kassamedewerker', 'Schoonmaker', 'Productiemedewerker', 'Chauffeur', 'Medewerker klantenservice'])}</td>"
                f"<td>{rng.choice(['Jumbo', 'PostNL', 'Randstad', 'Tempo-Team', 'Gemeente Grootstad', 'Bakkerij Van Dalen'])}</td>"
                f"<td>{rng.choice(['brief', 'e-mail', 'online', 'telefonisch'])}</td>"
                f"<td>{rng.choice(['afgewezen', 'wacht op reactie', 'gesprek gehad', ''])}</td></tr>"
            )
        content = (
            f"<div class='bar'><span class='logo'>{GEMEENTE['name']}</span><br>"
            f"<span class='small'>{GEMEENTE['dept']}</span></div>"
            "<h1>Overzicht sollicitatieactiviteiten</h1>"
            f"{meta_rows(rows, rng)}<p>Periode: {rng.choice(['oktober', 'november'])} 2026</p>"
            "<table class='grid'><tr><th>Datum</th><th>Vacature</th><th>Werkgever</th>"
            f"<th>Hoe</th><th>Resultaat</th></tr>{acts}</table>"
            "<p>Ik verklaar dit formulier naar waarheid te hebben ingevuld.</p>"
            f"<p>Handtekening: ____________ Datum: {nl_date(rng)}</p>"
        )
        return _finish(
            rng, "sollicitaties", [content], "", person, o, layout="overzicht", address_inline=True
        )
    org = _org(rng, EMPLOYERS)
    job = rng.choice(
        [
            "orderpicker",
            "medewerker schoonmaak",
            "helpende zorg",
            "vakkenvuller",
            "medewerker productie",
        ]
    )
    if variant == 1:
        subject = f"Uw sollicitatie naar de functie van {job}"
        paras = [
            f"Geachte {rng.choice(['heer', 'mevrouw'])} {esc(person.family)},",
            f"Hartelijk dank voor uw sollicitatie naar de vacature {job}. Wij hebben veel reacties "
            "ontvangen. Helaas moeten wij u laten weten dat wij u niet uitnodigen voor een gesprek.",
            "Wij wensen u veel succes met het vinden van een passende baan.",
        ]
    else:
        subject = "Uitnodiging voor een gesprek"
        paras = [
            f"Geachte {rng.choice(['heer', 'mevrouw'])} {esc(person.family)},",
            f"Naar aanleiding van uw sollicitatie voor de vacature {job} nodigen wij u graag uit "
            f"voor een kennismakingsgesprek op {nl_date(rng, 2026, (11, 12))}.",
            "Wilt u uw cv en een geldig legitimatiebewijs meenemen?",
        ]
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=subject,
        paragraphs=paras,
        rows=_ids(person, o, rng),
        closing=f"Met vriendelijke groet,<br>{esc(org['name'])}<br>Afdeling HR",
    )
    return _finish(rng, "sollicitaties", pages, foot, person, o, layout="werkgever")


# --- arbeidscontract ------------------------------------------------------------------------


def arbeidscontract(rng: random.Random, person: Person, o: Options) -> Letter:
    org = _org(rng, EMPLOYERS)
    job = rng.choice(
        [
            "Orderpicker",
            "Medewerker schoonmaak",
            "Helpende zorg",
            "Vakkenvuller",
            "Productiemedewerker",
        ]
    )
    bsn_part = f", BSN {bsn_text(person.bsn, rng)}" if o.bsn else ""
    addr = (
        f"{person.street} {house_text(person.house_number, rng)}, {person.postcode} {person.city}"
    )
    title = rng.choice(
        ["Arbeidsovereenkomst voor bepaalde tijd", "Arbeidscontract", "Arbeidsovereenkomst"]
    )
    intro = (
        f"<h1>{title}</h1><p>De ondergetekenden:</p><p>1. {esc(org['name'])}, gevestigd te "
        f"{esc(org['city'])}, hierna te noemen: de werkgever;</p><p>2. {esc(person.given)} "
        f"{esc(person.family)}, geboren op {person.birth}, wonende {esc(addr)}{bsn_part}, hierna te "
        "noemen: de werknemer;</p><p>verklaren te zijn overeengekomen als volgt:</p>"
    )
    hours = rng.choice([16, 24, 32, 38])
    articles = [
        (
            "Indiensttreding en duur",
            f"De werknemer treedt met ingang van 1 {rng.choice(['december', 'januari', 'februari'])} {rng.choice([2026, 2027])} in dienst van de werkgever voor de duur van {rng.choice(['zes', 'twaalf'])} maanden.",
        ),
        (
            "Functie",
            f"De werknemer wordt aangesteld in de functie van {job}. De werknemer verricht ook andere werkzaamheden die redelijkerwijs van hem of haar kunnen worden verlangd.",
        ),
        ("Proeftijd", "Er geldt een proeftijd van één maand."),
        ("Arbeidsduur", f"De arbeidsduur bedraagt {hours} uur per week, verdeeld volgens rooster."),
        (
            "Salaris",
            f"Het bruto salaris bedraagt {money(rng, 13.5, 16.5)} per uur. Het salaris wordt maandelijks na afloop van de maand betaald.",
        ),
        (
            "Vakantie",
            "De werknemer heeft recht op vakantiedagen volgens de cao en op 8% vakantietoeslag.",
        ),
        ("Ziekte", "Bij ziekte meldt de werknemer zich vóór 9.00 uur ziek bij de leidinggevende."),
        (
            "Cao",
            rng.choice(
                [
                    "Op deze arbeidsovereenkomst is de cao Schoonmaak van toepassing.",
                    "Op deze arbeidsovereenkomst is de cao Levensmiddelenindustrie van toepassing.",
                    "Op deze overeenkomst is de cao voor uitzendkrachten van toepassing.",
                ]
            ),
        ),
        (
            "Geheimhouding",
            "De werknemer is verplicht tot geheimhouding van alles wat hem of haar over het bedrijf bekend wordt.",
        ),
        (
            "Einde",
            "De arbeidsovereenkomst eindigt van rechtswege na afloop van de overeengekomen duur. De werkgever laat uiterlijk een maand van tevoren weten of de overeenkomst wordt voortgezet.",
        ),
    ]

    def arts(items: list, start: int) -> str:
        return "".join(
            f"<h2>Artikel {start + i}. {t}</h2><p>{b}</p>" for i, (t, b) in enumerate(items)
        )

    split = rng.choice([5, 6])
    sign = (
        f"<p class='sign'>Aldus overeengekomen en in tweevoud getekend te {esc(org['city'])} op "
        f"{nl_date(rng)}.</p><table><tr><td>De werkgever</td><td>De werknemer</td></tr>"
        "<tr><td><br><br>..................</td><td><br><br>..................</td></tr></table>"
    )
    pages = [intro + arts(articles[:split], 1), arts(articles[split:], split + 1) + sign]
    if rng.random() < 0.3:
        pages.append(
            "<h2>Bijlage: functieomschrijving</h2><p>"
            + esc(job)
            + " – de werknemer werkt onder leiding van de teamleider, volgt instructies over "
            "veiligheid en hygiëne op en houdt de werkplek schoon.</p>"
        )
    rows = _ids(person, o, rng) if o.client_number else []
    if rows:
        pages[0] = meta_rows(rows[:1], rng) + pages[0]
    foot = f"{org['name']} – arbeidsovereenkomst {person.initials} {person.family} – paraaf: ____"
    return _finish(rng, "arbeidscontract", pages, foot, person, o, address_inline=True)


# --- wijziging ------------------------------------------------------------------------------


def wijziging(rng: random.Random, person: Person, o: Options) -> Letter:
    rows = _ids(person, o, rng)
    if rng.random() < 0.5:
        # The municipality's change form, filled in by the client.
        what = rng.choice(["inkomsten", "verhuizing", "samenwonen", "vermogen"])
        checks = "".join(
            f"<tr><td>{'[X]' if k == what else '[ ]'}</td><td>{t}</td></tr>"
            for k, t in [
                ("inkomsten", "Ik heb inkomsten uit werk of een uitkering"),
                ("verhuizing", "Ik ga verhuizen / ik heb een nieuw adres"),
                ("samenwonen", "Ik ga samenwonen of iemand komt bij mij wonen"),
                ("vermogen", "Mijn vermogen is veranderd"),
            ]
        )
        details = {
            "inkomsten": f"Ik werk sinds {nl_date(rng)} {rng.randrange(8, 24)} uur per week als {rng.choice(['schoonmaker', 'vakkenvuller', 'chauffeur'])}. Loonstrook volgt.",
            "verhuizing": f"Mijn nieuwe adres is {rng.choice(['Dorpsstraat', 'Molenweg', 'Kerkplein'])} {rng.randrange(1, 90)}, {rng.randrange(1000, 1099)} {rng.choice(['AB', 'KL', 'RT'])} Grootstad, per {nl_date(rng, 2026, (12, 12))}.",
            "samenwonen": f"Per {nl_date(rng, 2026, (12, 12))} woont mijn partner bij mij.",
            "vermogen": "Ik heb een erfenis ontvangen van ongeveer € 3.000.",
        }[what]
        partner = ""
        if o.partner is not None:
            p = o.partner
            partner = (
                f"<h2>Gegevens partner</h2><table class='grid'><tr><td>Naam partner</td><td>{esc(p.given)} {esc(p.family)}</td></tr>"
                f"<tr><td>Geboortedatum</td><td>{p.birth}</td></tr><tr><td>BSN partner</td><td>{bsn_text(p.bsn, rng)}</td></tr></table>"
            )
        id_rows = [
            ("Naam", f"{person.given} {person.family}"),
            ("Adres", f"{person.street} {house_text(person.house_number, rng)}"),
            ("Postcode en woonplaats", f"{person.postcode} {person.city}"),
            *rows,
        ]
        content = (
            f"<div class='bar'><span class='logo'>{GEMEENTE['name']}</span><br><span class='small'>{GEMEENTE['dept']}</span></div>"
            f"<h1>{rng.choice(['Wijzigingsformulier', 'Formulier wijzigingen doorgeven', 'Wijzigingsformulier bijstand'])}</h1>"
            "<p>Geef veranderingen in uw situatie binnen een week door. Dan krijgt u het juiste bedrag.</p>"
            f"<h2>Uw gegevens</h2><table class='grid'>{''.join(f'<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>' for k, v in id_rows)}</table>"
            f"<h2>Wat verandert er?</h2><table>{checks}</table><p>Toelichting: {esc(details)}</p>{partner}"
            f"<p>Datum: {nl_date(rng)} &nbsp;&nbsp; Handtekening: ____________</p>"
        )
        return _finish(
            rng, "wijziging", [content], "", person, o, layout="formulier", address_inline=True
        )
    reason = rng.choice(
        [
            f"Ik wil een wijziging doorgeven. Vanaf {nl_date(rng, 2026, (12, 12))} ga ik samenwonen met mijn partner.",
            f"Hierbij geef ik door dat ik inkomsten heb. Ik werk sinds {nl_date(rng)} als oproepkracht.",
            "Ik wil graag een verandering doorgeven: mijn dochter is bij mij komen wonen.",
            f"Ik ga verhuizen. Mijn nieuwe adres wordt per {nl_date(rng, 2026, (12, 12))} Lindenlaan {rng.randrange(1, 80)} in Grootstad.",
        ]
    )
    paras = [reason]
    if o.partner is not None:
        p = o.partner
        paras.append(
            f"Gegevens van mijn partner: {esc(p.given)} {esc(p.family)}, geboren {p.birth}, BSN {bsn_text(p.bsn, rng)}."
        )
    paras.append("Wilt u laten weten wat dit betekent voor mijn uitkering?")
    pages = client_letter(
        rng,
        person,
        subject=rng.choice(["Wijziging doorgeven", "Betreft: wijziging in mijn situatie"]),
        paragraphs=paras,
        rows=rows,
    )
    return _finish(rng, "wijziging", pages, "", person, o, layout="brief", address_inline=True)


# --- bezwaar --------------------------------------------------------------------------------


def bezwaar(rng: random.Random, person: Person, o: Options) -> Letter:
    rows = _ids(person, o, rng)
    decision = rng.choice(
        [
            "de terugvordering van bijstand",
            "de afwijzing van mijn aanvraag bijzondere bijstand voor een koelkast",
            "de verlaging van mijn uitkering",
            "de afwijzing van mijn aanvraag voor de energietoeslag",
            "de maatregel wegens het niet nakomen van de sollicitatieplicht",
        ]
    )
    date = nl_date(rng)
    paras = [
        f"Hierbij maak ik bezwaar tegen het besluit van {date} over {decision}"
        + (f" (kenmerk {rng.randrange(100000, 999999)})." if rng.random() < 0.6 else "."),
        "Ik ben het niet eens met dit besluit, omdat "
        + rng.choice(
            [
                "mijn situatie niet goed is bekeken. Ik heb alle papieren op tijd ingeleverd.",
                "ik de brief niet heb ontvangen en dus niet kon reageren.",
                "ik door ziekte niet kon solliciteren; daarvan heb ik een verklaring.",
                "het bedrag veel te hoog is en ik het niet kan betalen.",
            ]
        ),
        "Ik vraag u het besluit te herzien. Ik wil graag worden gehoord.",
    ]
    if o.partner is not None:
        p = o.partner
        paras.append(
            f"Ik dien dit bezwaar ook in namens mijn echtgenote/partner {esc(p.given)} {esc(p.family)} (BSN {bsn_text(p.bsn, rng)})."
        )
    subject = rng.choice(
        ["Bezwaarschrift", "Betreft: bezwaar", f"Bezwaar tegen besluit van {date}"]
    )
    pages = client_letter(rng, person, subject=subject, paragraphs=paras, rows=rows)
    return _finish(rng, "bezwaar", pages, "", person, o, address_inline=True)


# --- overig ---------------------------------------------------------------------------------

OTHERS = [
    ("Basisschool De Regenboog", "", "Schoolstraat 4", "1031 KL", "Grootstad"),
    (
        "Sportvereniging Grootstad Vooruit",
        "Voetbal en atletiek",
        "Sportlaan 20",
        "1062 HN",
        "Grootstad",
    ),
    ("Bibliotheek Grootstad", "", "Stationsplein 1", "1012 AB", "Grootstad"),
    ("Stichting Voedselbank Grootstad", "", "Havenweg 7", "1094 KR", "Grootstad"),
]


def overig(rng: random.Random, person: Person, o: Options) -> Letter:
    variant = rng.randrange(4)
    if variant == 3:
        # A cover note from the client with the papers they send.
        paras = [
            rng.choice(
                [
                    "Hierbij stuur ik u de papieren die u bij mij heeft opgevraagd.",
                    "Zoals afgesproken met mijn consulent stuur ik hierbij de gevraagde stukken.",
                    "In de bijlage vindt u de kopieën waar u om vroeg. Ik hoop dat het zo compleet is.",
                ]
            ),
            "Als er nog iets ontbreekt, hoor ik het graag. Ik ben overdag bereikbaar op mijn mobiel.",
        ]
        pages = client_letter(
            rng, person, subject="Gevraagde papieren", paragraphs=paras, rows=_ids(person, o, rng)
        )
        return _finish(
            rng, "overig", pages, "", person, o, layout="begeleidende brief", address_inline=True
        )
    org = OTHERS[variant] if variant < 3 else rng.choice(OTHERS)
    org = {"name": org[0], "tag": org[1], "street": org[2], "pc": org[3], "city": org[4]}
    if variant == 0:
        subject = "Uitnodiging ouderavond"
        paras = [
            "Beste ouders en verzorgers,",
            f"Op {nl_date(rng, 2026, (12, 12))} houden wij een ouderavond in de aula van de school. "
            "U hoort dan hoe het gaat in de klas en wat de plannen zijn voor het nieuwe jaar.",
            "Aanmelden kan bij de leerkracht. Wij zorgen voor koffie en thee.",
        ]
    elif variant == 1:
        subject = "Contributie seizoen 2026-2027"
        paras = [
            "Beste lid,",
            f"De contributie voor het nieuwe seizoen is {money(rng, 120, 260)}. Kunt u dit niet in "
            "één keer betalen? Dan kunt u in vier termijnen betalen. Vraag ook naar het Jeugdfonds "
            "Sport en Cultuur, dat de contributie soms betaalt.",
            "Trainingen zijn op dinsdag en donderdag. Tot ziens op het veld!",
        ]
    else:
        subject = "Uw lidmaatschap"
        paras = [
            "Beste lezer,",
            "Welkom bij de bibliotheek. Met uw pas kunt u boeken lenen, gratis computers gebruiken "
            "en meedoen aan het Taalcafé op woensdagmiddag.",
            "Uw pas is een jaar geldig. U hoeft niets te betalen met de Stadspas.",
        ]
    pages, foot = standard_letter(
        rng,
        org,
        person,
        subject=subject,
        paragraphs=paras,
        rows=[],
        closing=f"Met vriendelijke groet,<br>{esc(org['name'])}",
    )
    return _finish(rng, "overig", pages, foot, person, o, layout=subject)


GENERATORS = {
    "loonstrook": loonstrook,
    "bankafschrift": bankafschrift,
    "huur": huur,
    "toeslagen": toeslagen,
    "zorgverzekering": zorgverzekering,
    "energie": energie,
    "medisch": medisch,
    "identiteitsbewijs": identiteitsbewijs,
    "schulden": schulden,
    "sollicitaties": sollicitaties,
    "arbeidscontract": arbeidscontract,
    "wijziging": wijziging,
    "bezwaar": bezwaar,
    "overig": overig,
}

# Which identifiers each kind of sender prints: (P(BSN), P(client number), P(partner BSN)).
IDENTIFIERS = {
    "loonstrook": (0.7, 0.05, 0.0),
    "bankafschrift": (0.0, 0.0, 0.0),
    "huur": (0.15, 0.0, 0.15),
    "toeslagen": (0.95, 0.0, 0.35),
    "zorgverzekering": (0.85, 0.0, 0.35),
    "energie": (0.0, 0.0, 0.0),
    "medisch": (0.6, 0.0, 0.0),
    "identiteitsbewijs": (0.85, 0.25, 0.0),
    "schulden": (0.3, 0.0, 0.0),
    "sollicitaties": (0.2, 0.6, 0.0),
    "arbeidscontract": (0.6, 0.1, 0.0),
    "wijziging": (0.5, 0.7, 0.4),
    "bezwaar": (0.4, 0.6, 0.2),
    "overig": (0.1, 0.3, 0.0),
}
