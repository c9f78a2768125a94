"""Receipts: numbered per year, signed, and verifiable by whoever holds one."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from maatwerk.core.models import Receipt
from maatwerk.core.receipts import (
    CODE_LENGTH,
    ReceiptItem,
    find_genuine,
    is_genuine,
    issue_receipt,
    next_number,
    payload,
    verification_code,
)

pytestmark = pytest.mark.django_db

CLIENT = uuid.UUID("0b6c4c1e-7a53-4a8e-9f55-3d1f7c2a9e10")
LOONSTROOK = ReceiptItem(name="loonstrook maart.pdf", sha256="ab" * 32, pages=2, size=81_234)
HUUR = ReceiptItem(name="huurcontract.pdf", sha256="cd" * 32, pages=5, size=402_112)


def issue(**overrides) -> Receipt:
    values = {
        "channel": "portal",
        "subject": "Documenten voor uw aanvraag bijstand",
        "items": [LOONSTROOK, HUUR],
        "recipient": "f.yilmaz@example.nl",
        "client_ref": CLIENT,
        "received_at": datetime(2026, 3, 12, 9, 15, 42, 123456, tzinfo=UTC),
    }
    values.update(overrides)
    return issue_receipt(**values)


def reloaded(receipt: Receipt) -> Receipt:
    return Receipt.objects.get(pk=receipt.pk)


def test_numbers_are_consecutive_within_a_year_and_restart_in_the_next():
    numbers = [next_number(2026), next_number(2026), next_number(2027), next_number(2026)]
    assert numbers == ["MW-2026-0000001", "MW-2026-0000002", "MW-2027-0000001", "MW-2026-0000003"]


def test_issued_receipts_get_consecutive_numbers_in_the_documented_form():
    first = issue()
    second = issue(items=[HUUR])
    assert first.number == "MW-2026-0000001"
    assert second.number == "MW-2026-0000002"


def test_the_year_comes_from_dutch_local_time_not_utc():
    # 23:30 UTC on New Year's Eve is 00:30 on 1 January in Amsterdam.
    receipt = issue(received_at=datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert receipt.number == "MW-2027-0000001"


def test_the_last_minute_of_the_year_in_amsterdam_is_still_numbered_in_that_year():
    receipt = issue(received_at=datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC))
    assert receipt.number == "MW-2026-0000001"


def test_an_issued_receipt_is_stored_and_verifies():
    receipt = issue()
    stored = reloaded(receipt)
    assert is_genuine(stored)
    assert stored.items[0] == {
        "name": "loonstrook maart.pdf",
        "sha256": "ab" * 32,
        "pages": 2,
        "size": 81_234,
    }
    assert stored.received_at == datetime(2026, 3, 12, 9, 15, 42, tzinfo=UTC)


def test_a_receipt_without_a_client_verifies_too():
    assert is_genuine(reloaded(issue(client_ref=None, channel="counter")))


def test_the_payload_names_everything_that_was_received():
    data = json.loads(payload(reloaded(issue())))
    assert data["number"] == "MW-2026-0000001"
    assert data["received_at"] == "2026-03-12T09:15:42+00:00"
    assert data["client"] == str(CLIENT)
    assert [i["name"] for i in data["items"]] == ["loonstrook maart.pdf", "huurcontract.pdf"]
    assert data["recipient"] == "f.yilmaz@example.nl"
    assert data["channel"] == "portal"


@pytest.mark.parametrize(
    "change",
    [
        {"items": [LOONSTROOK.__dict__]},
        {"items": [LOONSTROOK.__dict__, {**HUUR.__dict__, "sha256": "ef" * 32}]},
        {"items": [LOONSTROOK.__dict__, {**HUUR.__dict__, "pages": 4}]},
        {"recipient": "someone.else@example.nl"},
        {"received_at": datetime(2026, 3, 11, 9, 15, 42, tzinfo=UTC)},
        {"channel": "counter"},
        {"subject": "Iets anders"},
        {"client_ref": uuid.uuid4()},
        {"number": "MW-2026-0000099"},
    ],
    ids=[
        "item-removed",
        "item-hash",
        "item-pages",
        "recipient",
        "received_at",
        "channel",
        "subject",
        "client",
        "number",
    ],
)
def test_changing_a_signed_field_after_issue_breaks_the_receipt(change):
    receipt = issue()
    code = verification_code(receipt)
    Receipt.objects.filter(pk=receipt.pk).update(**change)
    altered = reloaded(receipt)
    assert not is_genuine(altered)
    assert find_genuine(altered.number, code) is None


def test_a_receipt_one_second_off_does_not_verify():
    receipt = issue()
    receipt.received_at += timedelta(seconds=1)
    assert not is_genuine(receipt)


def test_a_made_up_signature_does_not_verify():
    receipt = issue()
    Receipt.objects.filter(pk=receipt.pk).update(signature="bm90IGEgc2lnbmF0dXJl")
    assert not is_genuine(reloaded(receipt))
    Receipt.objects.filter(pk=receipt.pk).update(signature="!!! not base64 !!!")
    assert not is_genuine(reloaded(receipt))


def test_a_receipt_signed_with_another_key_does_not_verify(settings):
    settings.RECEIPT_SIGNING_KEY = "11" * 32
    forged = issue()
    settings.RECEIPT_SIGNING_KEY = "22" * 32
    assert not is_genuine(reloaded(forged))
    assert find_genuine(forged.number, verification_code(forged)) is None


def test_the_number_and_code_find_a_genuine_receipt():
    receipt = issue()
    code = verification_code(receipt)
    assert len(code) == CODE_LENGTH
    assert code.isalnum() and code == code.upper()
    assert find_genuine(receipt.number, code) == receipt


def test_a_wrong_code_finds_nothing():
    receipt = issue()
    other = issue(items=[HUUR])
    assert verification_code(receipt) != verification_code(other)
    assert find_genuine(receipt.number, verification_code(other)) is None
    assert find_genuine(receipt.number, "AAAAAAAAAA") is None
    assert find_genuine(receipt.number, "") is None


def test_an_unknown_number_finds_nothing():
    receipt = issue()
    assert find_genuine("MW-2026-0000999", verification_code(receipt)) is None


def test_codes_and_numbers_may_be_typed_in_lower_case_and_with_spaces():
    receipt = issue()
    code = verification_code(receipt)
    typed = f"  {code[:5].lower()} {code[5:].lower()} "
    assert find_genuine(f" {receipt.number.lower()} ", typed) == receipt
