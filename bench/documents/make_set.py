"""Generate the document-intake bench set (issue 3): scanned letters for a fictional municipality.

    .venv/bin/python bench/documents/make_set.py [--seed 3] [--per-type 13] [--min-pages 200]

Creates (once) the PostgreSQL database maatwerk_bench_docs with `maatwerk bench generate
--clients 2000`, picks clients from it, writes letters of every document type in
rules/classify.py as HTML, renders them to PDF with WeasyPrint in varied fonts and layouts, and
"scans" them: pdftoppm -r 300 -gray, a small random skew (±3°), some pages turned 90/180°, paper
tone, blur and noise, some at 200 dpi, saved as image-only PDF, TIFF or JPEG (some multi-page).
About 5% are addressed to people who are not clients (expected client: null).

Output (not in the repository): /tmp/maatwerk-bench-docs/{files,clean}/ and manifest.json with,
per file: file, pages, expected client_number (or null), expected type, and how it was made.
The same seed gives the same set.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common

TYPES_ORDER = [
    "loonstrook",
    "bankafschrift",
    "huur",
    "toeslagen",
    "zorgverzekering",
    "energie",
    "medisch",
    "identiteitsbewijs",
    "schulden",
    "sollicitaties",
    "arbeidscontract",
    "wijziging",
    "bezwaar",
    "overig",
]
NON_CLIENT_SHARE = 0.05
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--per-type", type=int, default=13)
    parser.add_argument("--min-pages", type=int, default=200)
    parser.add_argument("--out", type=Path, default=common.SET_DIR)
    parser.add_argument("--clients", type=int, default=2000)
    args = parser.parse_args()

    common.ensure_database(args.clients)
    common.setup_django()
    from maatwerk.documents.rules.classify import TYPES

    assert set(TYPES_ORDER) == set(TYPES), "bench types out of step with rules/classify.py"
    import doctypes
    from letters import Person

    started = time.monotonic()
    rng = random.Random(args.seed)
    clients, client_bsns = load_clients()
    pool = rng.sample(clients, len(clients))
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    (out / "files").mkdir(parents=True)
    (out / "clean").mkdir()

    from faker import Faker

    fake = Faker("nl_NL")
    fake.seed_instance(args.seed)

    def stranger() -> Person:
        return Person(
            given=fake.first_name(),
            family=fake.last_name(),
            street=fake.street_name(),
            house_number=str(rng.randrange(1, 200)) + rng.choice(["", "", "", "A", "B"]),
            postcode=f"{1000 + rng.randrange(0, 99):04d} "
            f"{rng.choice(POSTCODE_LETTERS)}{rng.choice(POSTCODE_LETTERS)}",
            city="Grootstad",
            bsn=new_bsn(rng, client_bsns),
            client_number=None,
            is_client=False,
            birth=(
                f"{rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(1960, 2005)}"
            ),
        )

    manifest = []
    counts: Counter[str] = Counter()
    pages_total = 0
    index = 0
    while min(counts[t] for t in TYPES_ORDER) < args.per_type or pages_total < args.min_pages:
        doc_type = TYPES_ORDER[index % len(TYPES_ORDER)]
        index += 1
        is_client = rng.random() >= NON_CLIENT_SHARE
        person = person_from(pool.pop()) if is_client else stranger()
        p_bsn, p_number, p_partner = doctypes.IDENTIFIERS[doc_type]
        options = doctypes.Options(
            bsn=rng.random() < p_bsn,
            client_number=rng.random() < p_number,
        )
        partner_is_client = False
        if rng.random() < p_partner:
            partner_is_client = rng.random() < 1 / 3
            options.partner = person_from(pool.pop()) if partner_is_client else stranger()
        letter = doctypes.GENERATORS[doc_type](rng, person, options)
        stem = f"{index:03d}-{doc_type}"
        clean_pdf, n_pages = render(letter.html, out / "clean" / f"{stem}.pdf")
        letter.clues.update(printed_clues(clean_pdf, person, options.partner))
        scan = scan_pdf(clean_pdf, rng, n_pages, out / "files" / stem)
        counts[doc_type] += 1
        pages_total += n_pages
        manifest.append(
            {
                "file": f"files/{scan['file']}",
                "pages": n_pages,
                "expected_client_number": person.client_number,
                "expected_type": doc_type,
                "addressee_is_client": person.is_client,
                "name_script": person.script,
                "clues": letter.clues
                | {
                    "partner_is_client": partner_is_client if options.partner else None,
                    "partner_client_number": options.partner.client_number
                    if options.partner
                    else None,
                },
                "scan": {k: v for k, v in scan.items() if k != "file"},
            }
        )
        print(f"{stem}: {n_pages} page(s), {scan['format']}", flush=True)
    (out / "manifest.json").write_text(
        json.dumps(
            {
                "seed": args.seed,
                "database": common.DB_NAME,
                "files": len(manifest),
                "pages": pages_total,
                "types": dict(counts),
                "non_clients": sum(1 for m in manifest if m["expected_client_number"] is None),
                "items": manifest,
            },
            indent=1,
            ensure_ascii=False,
        )
    )
    print(
        f"{len(manifest)} files, {pages_total} pages in {out} "
        f"({time.monotonic() - started:.0f} s); types: {dict(counts)}"
    )


def load_clients() -> tuple[list, set[str]]:
    from maatwerk.dossiers.models import Client

    clients = list(Client.objects.order_by("pk"))
    return clients, {c.bsn for c in clients}


def new_bsn(rng: random.Random, taken: set[str]) -> str:
    from maatwerk.core.rules.bsn import complete_bsn

    while True:
        candidate = complete_bsn(f"{rng.randrange(10_000_000, 99_999_999):08d}")
        if candidate and candidate not in taken:
            taken.add(candidate)
            return candidate


def person_from(client):
    import re

    from letters import Person, latin

    name = client.given_names + client.family_name
    # The generator stores some names in Cyrillic or Arabic script; a Dutch sender prints Latin
    # letters: Cyrillic is transliterated, Arabic is printed as stored (OCR cannot read it).
    script = (
        "cyrillic"
        if re.search(r"[\u0400-\u04ff]", name)
        else "arabic"
        if re.search(r"[\u0600-\u06ff]", name)
        else "latin"
    )
    return Person(
        given=latin(client.given_names),
        family=latin(client.family_name),
        street=client.street,
        house_number=client.house_number,
        postcode=client.postcode,
        city=client.city,
        bsn=client.bsn,
        client_number=client.client_number,
        is_client=True,
        script=script,
        birth=client.birth_date.strftime("%d-%m-%Y"),
    )


def printed_clues(pdf: Path, person, partner) -> dict:
    """What the letter really shows, read back from the clean PDF's text layer."""
    import re

    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)
    joined = re.sub(r"(?<=\d)[ .](?=\d)", "", text)
    lowered = text.lower()
    return {
        "bsn": person.bsn in joined,
        "client_number": bool(person.client_number and person.client_number in text),
        "partner_bsn": bool(partner and partner.bsn in joined),
        "postcode": person.postcode in text or person.postcode.replace(" ", "") in text,
        "street": person.street.lower() in lowered,
        "family_name": person.family.lower() in lowered,
    }


def render(html: str, path: Path) -> tuple[Path, int]:
    from weasyprint import HTML

    doc = HTML(string=html, base_url=str(path.parent)).render()
    doc.write_pdf(path)
    return path, len(doc.pages)


def scan_pdf(pdf: Path, rng: random.Random, n_pages: int, stem: Path) -> dict:
    """Rasterise at 300 dpi gray and make it look scanned or photographed; save one file."""
    import numpy as np
    from PIL import Image, ImageFilter

    roll = rng.random()
    fmt = "pdf" if roll < 0.55 else "tiff" if roll < 0.8 else "jpeg"
    if fmt == "jpeg" and n_pages > 1:
        fmt = rng.choice(["pdf", "tiff"])
    turn = rng.choices([0, 90, 180, 270], weights=[86, 4, 6, 4])[0]
    dpi = 200 if rng.random() < 0.2 else 300
    noise_rng = np.random.default_rng(rng.randrange(2**32))
    images, skews = [], []
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as folder:
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), f"{folder}/p"], check=True
        )
        for png in sorted(Path(folder).glob("p-*.png")):
            image = Image.open(png).convert("L")
            skew = round(rng.uniform(-3, 3), 2)
            skews.append(skew)
            image = image.rotate(skew, resample=Image.BICUBIC, expand=True, fillcolor=255)
            if turn:
                image = image.rotate(turn, expand=True)
            image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.1)))
            a = np.asarray(image, dtype=np.float32) / 255.0
            paper, ink = rng.uniform(222, 250), rng.uniform(8, 55)
            a = ink + a * (paper - ink)
            if fmt == "jpeg":  # a phone photo: uneven light across the page
                h, w = a.shape
                gx = np.linspace(rng.uniform(0.8, 1.0), rng.uniform(0.9, 1.05), w, dtype=np.float32)
                gy = np.linspace(
                    rng.uniform(0.85, 1.0), rng.uniform(0.9, 1.05), h, dtype=np.float32
                )
                a = a * gy[:, None] * gx[None, :]
            a = a + noise_rng.normal(0, rng.uniform(3, 12), a.shape).astype(np.float32)
            specks = int(a.size * rng.uniform(0.00002, 0.0002))
            ys = noise_rng.integers(0, a.shape[0], specks)
            xs = noise_rng.integers(0, a.shape[1], specks)
            a[ys, xs] = noise_rng.uniform(0, 120, specks)
            image = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
            if dpi != 300:
                image = image.resize(
                    (round(image.width * dpi / 300), round(image.height * dpi / 300)),
                    Image.LANCZOS,
                )
            images.append(image)
    info: dict = {"format": fmt, "dpi": dpi, "turn": turn, "skews": skews}
    if fmt == "pdf":
        path = stem.with_suffix(".pdf")
        quality = rng.randrange(60, 90)
        frames = []
        for image in images:  # JPEG pages in a PDF, as office scanners make them
            buf = io.BytesIO()
            image.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
            frames.append(Image.open(io.BytesIO(buf.getvalue())))
        fixed = time.strptime("2026-11-26 09:00", "%Y-%m-%d %H:%M")  # the same seed, the same bytes
        frames[0].save(
            path,
            "PDF",
            save_all=True,
            append_images=frames[1:],
            resolution=dpi,
            creationDate=fixed,
            modDate=fixed,
            producer="bench scanner",
        )
        info["quality"] = quality
    elif fmt == "tiff":
        path = stem.with_suffix(".tif")
        if rng.random() < 0.5:
            threshold = rng.randrange(120, 170)
            frames = [
                im.point(lambda v, t=threshold: 255 if v > t else 0).convert("1") for im in images
            ]
            compression = "group4"
        else:
            frames, compression = images, "jpeg"
        frames[0].save(
            path,
            "TIFF",
            save_all=True,
            append_images=frames[1:],
            compression=compression,
            dpi=(dpi, dpi),
            **({"quality": rng.randrange(60, 90)} if compression == "jpeg" else {}),
        )
        info["compression"] = compression
    else:
        path = stem.with_suffix(".jpg")
        quality = rng.randrange(65, 92)
        images[0].save(path, "JPEG", quality=quality, dpi=(dpi, dpi))
        info["quality"] = quality
    info["file"] = path.name
    info["bytes"] = path.stat().st_size
    return info


if __name__ == "__main__":
    main()
