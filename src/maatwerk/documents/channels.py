"""Channels that feed the intake service: a watched scanner folder and an SMTP receiver.

Both keep the original until intake has stored it (encrypted), and then remove the plain copy:
a scanned file is deleted after intake (an empty one moves to `fout/`); an e-mail is spooled to
disk (fsynced) on arrival, taken apart, and removed from the spool only after its body and
every attachment are stored. Leftovers from a crash are taken in again at start-up; a message
that cannot be taken apart moves to `intake-mail/fout/` for the functional administrator.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import logging
import os
import time
import uuid
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Protocol

import weasyprint
from django.conf import settings
from django.core.mail import send_mail
from django.db import close_old_connections
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from maatwerk.core.models import ReceiptChannel
from maatwerk.documents.intake import IncomingFile, IntakeResult, receive

FAILED_FOLDER = "fout"


logger = logging.getLogger(__name__)


class Output(Protocol):
    def write(self, text: str) -> Any: ...


# --- scanner folder -------------------------------------------------------------------------


def watch_folder(folder: Path, *, interval: float, out: Output, once: bool = False) -> None:
    """Take in every file that appears in `folder`, once its size has stopped changing."""
    failed = folder / FAILED_FOLDER
    failed.mkdir(parents=True, exist_ok=True)
    sizes: dict[Path, int] = {}
    while True:
        for path in sorted(
            p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
        ):
            size = path.stat().st_size
            if sizes.get(path) != size and not once:
                sizes[path] = size  # still being written by the scanner: look again next round
                continue
            result = take_in_scan(path)
            if result.receipt is not None:
                path.unlink()  # stored encrypted now; no plain copy stays behind
            else:
                path.replace(failed / f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}")
            sizes.pop(path, None)
            out.write(_describe(path.name, result) + "\n")
        if once:
            return
        close_old_connections()
        time.sleep(interval)


def take_in_scan(path: Path) -> IntakeResult:
    return receive(
        files=[IncomingFile(name=path.name, data=path.read_bytes())],
        channel=ReceiptChannel.POST,
        source=f"scanner:{path.name}",
    )


def _describe(name: str, result: IntakeResult) -> str:
    number = result.receipt.number if result.receipt else "-"
    problems = " ".join(result.problems)
    return f"{name}: {number} {problems}".strip()


# --- e-mail ---------------------------------------------------------------------------------


def spool_folder() -> Path:
    folder = Path(settings.VAR_DIR) / "intake-mail"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def spool(raw: bytes) -> Path:
    """Keep the original message durably before anything else happens to it."""
    path = spool_folder() / f"{uuid.uuid4().hex}.eml"
    temp = path.with_suffix(".tmp")
    with open(temp, "wb") as handle:
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
    return path


def take_in_mail(path: Path) -> IntakeResult:
    """Take in a spooled message: its body as a PDF and every attachment; then unspool it."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    sender = email.utils.parseaddr(str(message.get("From", "")))[1]
    attachments = list(_attachments(message))
    body = IncomingFile(name="e-mail.pdf", data=_body_as_pdf(message, sender))
    # The From header proves nothing: the client is found from the content, as for post.
    result = receive(
        files=[body, *attachments],
        channel=ReceiptChannel.EMAIL,
        source=f"email:{message.get('Message-ID', '')}",
    )
    if sender:
        _reply(sender, result, had_attachments=bool(attachments))
    path.unlink()
    return result


def _attachments(message: EmailMessage) -> Any:
    """Every file in the message, also inside nested parts and forwarded messages."""
    body = message.get_body(preferencelist=("plain", "html"))
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload(0)
            if isinstance(inner, EmailMessage):
                sender = email.utils.parseaddr(str(inner.get("From", "")))[1]
                yield IncomingFile(
                    name="doorgestuurd-bericht.pdf", data=_body_as_pdf(inner, sender)
                )
            continue
        if part.is_multipart() or part is body:
            continue
        if part.get_filename() or part.get_content_maintype() in ("application", "image"):
            data = _payload(part)
            if data:
                yield IncomingFile(name=part.get_filename() or "bijlage", data=data)


def _payload(part: Any) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def take_in_spooled() -> list[IntakeResult]:
    """Messages left in the spool by a crash are taken in again; one that fails moves aside."""
    results = []
    for path in sorted(spool_folder().glob("*.eml")):
        result = take_in_or_set_aside(path)
        if result is not None:
            results.append(result)
    return results


def take_in_or_set_aside(path: Path) -> IntakeResult | None:
    try:
        return take_in_mail(path)
    except Exception:
        logger.exception("an intake e-mail could not be taken apart; kept in %s", FAILED_FOLDER)
        failed = spool_folder() / FAILED_FOLDER
        failed.mkdir(exist_ok=True)
        path.replace(failed / path.name)
        return None


def _body_as_pdf(message: EmailMessage, sender: str) -> bytes:
    part = message.get_body(preferencelist=("plain", "html"))
    try:
        text = part.get_content() if part is not None else ""
    except (LookupError, UnicodeError):  # an unknown or wrong charset: keep what can be read
        raw = part.get_payload(decode=True) if part is not None else b""
        text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else ""
    html = render_to_string(
        "documents/email_body.html",
        {
            "sender": sender,
            "subject": message.get("Subject", ""),
            "date": message.get("Date", ""),
            "text": text,
        },
    )
    return bytes(weasyprint.HTML(string=html).write_pdf())


def _reply(address: str, result: IntakeResult, *, had_attachments: bool) -> None:
    lines = [_("We received your e-mail.")]
    if result.receipt:
        lines.append(_("Your receipt number is %(number)s.") % {"number": result.receipt.number})
    if not had_attachments:
        lines.append(
            _(
                "Your e-mail had no attachment. Did you want to send a document? Send it again "
                "with the document attached, or upload it in Mijn Maatwerk."
            )
        )
    lines.extend(result.problems)
    send_mail(
        _("Receipt of your e-mail"), "\n\n".join(lines), settings.DEFAULT_FROM_EMAIL, [address]
    )


class IntakeMailHandler:
    """aiosmtpd handler: spool, then take in; the SMTP answer comes only once spooled."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        from asgiref.sync import sync_to_async

        path = spool(envelope.original_content or envelope.content)
        # Once spooled the message is safe: accept it, even if taking it apart fails.
        await sync_to_async(take_in_or_set_aside, thread_sensitive=True)(path)
        return "250 Message accepted"


def run_smtp_receiver(host: str, port: int, *, out: Output) -> None:
    from aiosmtpd.controller import Controller

    for result in take_in_spooled():
        out.write(_describe("spool", result) + "\n")
    controller = Controller(IntakeMailHandler(), hostname=host, port=port)
    controller.start()
    out.write(f"SMTP intake on {host}:{port}\n")
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()
