"""The letter texts Maatwerk ships, in B1 Dutch: one per purpose, with `{{ variables }}`.

Every text scores "goed" on the readability checker with sample values (tested). Functional
administrators change them in the workspace; these are the starting point.
"""

from __future__ import annotations

SHIPPED: dict[str, tuple[str, str]] = {
    "appointment_invitation": (
        "Uitnodiging voor een gesprek",
        "Beste {{ naam }},\n\nWij willen graag met u praten. U hebt een afspraak met {{ regisseur }}. "
        "De afspraak is op {{ datum }} om {{ tijd }}. U bent welkom in {{ plaats }}. "
        "We praten over {{ onderwerp }}. Neem uw paspoort of id-kaart mee. "
        "Kunt u niet komen? Laat het ons dan snel weten. Dat kan in Mijn Maatwerk. "
        "U kunt ook bellen. Dan maken we samen een nieuwe afspraak.\n\nMet vriendelijke groet,\n{{ regisseur }}",
    ),
    "reminder": (
        "Herinnering aan uw afspraak",
        "Beste {{ naam }},\n\nDit is een herinnering. U hebt een afspraak met {{ regisseur }}. "
        "De afspraak is op {{ datum }} om {{ tijd }} in {{ plaats }}. We praten over {{ onderwerp }}. "
        "Kunt u niet komen? Vraag dan een andere tijd in Mijn Maatwerk. U krijgt daarvan een bewijs. "
        "Dan weet u zeker dat wij het weten. Wij zien u graag.\n\nMet vriendelijke groet,\n{{ regisseur }}",
    ),
    "document_request": (
        "Wij hebben nog papieren van u nodig",
        "Beste {{ naam }},\n\nWij kijken naar uw aanvraag. Daarvoor hebben we nog iets van u nodig. "
        "Het gaat om: {{ documenten }}. Stuur dit uiterlijk op {{ uiterlijk }}. "
        "Dat kan in Mijn Maatwerk. U maakt dan een foto of stuurt een pdf. U krijgt meteen een bewijs. "
        "Lukt het niet op tijd? Laat het ons weten. Dan zoeken we samen een oplossing.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "receipt": (
        "Wij hebben uw post ontvangen",
        "Beste {{ naam }},\n\nWij hebben iets van u ontvangen op {{ datum }}. Het gaat om: {{ wat }}. "
        "Uw bewijs heeft nummer {{ nummer }}. Bewaar dit nummer goed. Zo kunt u altijd laten zien "
        "dat u het hebt gestuurd. Uw regisseur is {{ regisseur }}. Die kijkt er snel naar. "
        "Hebt u vragen? Bel of mail ons gerust.\n\nMet vriendelijke groet,\nWerk en Inkomen",
    ),
    "application_decision": (
        "Ons besluit over uw aanvraag",
        "Beste {{ naam }},\n\nU vroeg ons om {{ aanvraag }}. Wij hebben nu besloten. Ons besluit is: "
        "{{ besluit }}. Waarom? {{ uitleg }}\n\nBent u het niet eens met dit besluit? Dan kunt u "
        "bezwaar maken. Dat doet u binnen zes weken. Schrijf ons waarom u het niet eens bent. "
        "Dat kan in Mijn Maatwerk of met een brief. Hebt u hulp nodig? Bel dan {{ regisseur }}.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "extension_notice": (
        "Wij hebben meer tijd nodig",
        "Beste {{ naam }},\n\nU vroeg ons om {{ aanvraag }}. Wij hebben meer tijd nodig om te beslissen. "
        "De reden is: {{ reden }}. Wij beslissen uiterlijk op {{ nieuwe_datum }}. "
        "Beslissen wij dan nog niet? Dan kunt u ons een brief sturen dat wij te laat zijn. "
        "Dat kan ook in Mijn Maatwerk. Hebt u vragen? Bel dan {{ regisseur }}.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "notice_receipt": (
        "Wij hebben uw brief ontvangen: wij zijn te laat",
        "Beste {{ naam }},\n\nU liet ons weten dat wij te laat zijn met uw aanvraag: {{ aanvraag }}. "
        "Wij hebben uw brief ontvangen op {{ datum }}. Uw bewijs heeft nummer {{ nummer }}. "
        "Wij gaan nu snel beslissen. Zijn wij op {{ eerste_dag }} nog niet klaar? "
        "Dan krijgt u geld van ons voor elke dag dat wij te laat zijn. U hoeft daarvoor niets te doen.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "penalty_decision": (
        "U krijgt geld omdat wij te laat waren",
        "Beste {{ naam }},\n\nWij waren te laat met uw aanvraag: {{ aanvraag }}. U liet ons dat weten. "
        "Daarom krijgt u geld van ons. Het gaat om {{ dagen }} dagen. U krijgt {{ bedrag }}. "
        "Wij betalen dit binnen zes weken. Bent u het niet eens met dit bedrag? "
        "Dan kunt u bezwaar maken. Dat doet u binnen zes weken.\n\nMet vriendelijke groet,\n{{ regisseur }}",
    ),
    "sanction_intention": (
        "Wij willen met u praten over uw uitkering",
        "Beste {{ naam }},\n\nWij denken dat u iets niet hebt gedaan wat wel moest. Het gaat om: "
        "{{ verplichting }}. Dit is wat wij zagen: {{ feiten }}. Wij willen eerst uw kant horen. "
        "Misschien is er een goede reden. Vertel het ons uiterlijk op {{ gesprek }}. "
        "Dat kan in Mijn Maatwerk bij Maatregelen. U kunt ook bellen of langskomen. "
        "U mag iemand meenemen. Pas daarna besluiten wij. Hebt u vragen? Bel dan {{ regisseur }}.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "sanction_decision": (
        "Ons besluit over uw uitkering",
        "Beste {{ naam }},\n\nWij hebben met u gepraat over: {{ verplichting }}. Wij hebben nu besloten. "
        "Ons besluit is: {{ besluit }}. Waarom? {{ uitleg }}\n\nBent u het niet eens met dit besluit? "
        "Dan kunt u bezwaar maken. Dat doet u binnen zes weken. Wilt u hulp? Bel dan {{ regisseur }}.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "plan": (
        "Uw plan staat klaar",
        "Beste {{ naam }},\n\nU hebt met {{ regisseur }} een plan gemaakt. Dit is versie {{ versie }}. "
        "In het plan staan uw doelen. Er staat ook in wat u doet en wat wij doen. "
        "Lees het plan in Mijn Maatwerk. Bent u het eens? Klik dan op Ik ga akkoord. "
        "Klopt er iets niet? Schrijf dat dan in uw eigen woorden. Wij praten er samen over.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
    "report_notification": (
        "Het verslag van uw gesprek staat klaar",
        "Beste {{ naam }},\n\nU had op {{ gesprek }} een gesprek met {{ regisseur }}. "
        "Wij hebben opgeschreven waar u over sprak. Er staat ook in wat u samen afsprak. "
        "Lees het verslag in Mijn Maatwerk. Klopt er iets niet? Schrijf dan uw reactie. "
        "Uw reactie blijft bij het verslag. Wij passen niets aan zonder het u te laten weten.\n\n"
        "Met vriendelijke groet,\n{{ regisseur }}",
    ),
}

SAMPLE_VALUES = {
    "naam": "Fatima El Idrissi",
    "regisseur": "Sanne Bakker",
    "datum": "dinsdag 24 maart 2026",
    "tijd": "10:00",
    "plaats": "het Stadskantoor",
    "onderwerp": "uw plan",
    "documenten": "uw bankafschrift van maart",
    "uiterlijk": "vrijdag 3 april 2026",
    "nummer": "MW-2026-0000123",
    "wat": "uw loonstrook",
    "aanvraag": "bijzondere bijstand voor een koelkast",
    "besluit": "u krijgt het geld",
    "uitleg": "U hebt weinig geld en de koelkast is nodig.",
    "nieuwe_datum": "dinsdag 21 april 2026",
    "reden": "wij wachten op papieren van het UWV",
    "eerste_dag": "dinsdag 7 april 2026",
    "bedrag": "322 euro",
    "dagen": "14",
    "verplichting": "naar een gesprek komen",
    "feiten": "u kwam niet naar het gesprek van 3 maart",
    "gesprek": "dinsdag 24 maart 2026",
    "versie": "2",
}
