"""The words of every notification, in Indonesian or English, as plain text and HTML.

What a message may hold: the case number, its region, its new state and the time (with WIB/WITA/WIT); for a
reporter also the public reason of the step. Never a name: not the reporter's (confidential or not), not the
reported person's, not an officer's, and never the officers' internal reasons, so no message can disclose more
than netra.accounts.policy lets its reader see. Links carry URL_MARK; the worker puts the configured public
address there when it sends, so a message queued before a change of address still points to the right place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from netra.cases import label
from netra.formatting import moment  # the one Babel formatter of dates and times (WIB/WITA/WIT)

URL_MARK = "[[netra-url]]"


@dataclass(frozen=True)
class Message:
    subject: str
    paragraphs: tuple[str, ...]
    link: str  # a path below the public address
    link_text: str

    @property
    def text(self) -> str:
        return "\n\n".join((*self.paragraphs, f"{self.link_text}: {URL_MARK}{self.link}")) + "\n"

    @property
    def html(self) -> str:
        body = "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs)
        href = escape(URL_MARK + self.link)
        return (f"<!doctype html><html><body>{body}<p><a href=\"{href}\">{escape(self.link_text)}</a></p>"
                f"</body></html>")


def _state(state: str, lang: str) -> str:
    return getattr(label(state), "en" if lang == "en" else "id")


ROLE_NAMES = {"bawaslu": "Bawaslu", "bkn": "BKN", "ppk": "PPK"}


def case_in_queue(case_id: int, state: str, role: str, region: str, zone: str, at: datetime, lang: str) -> Message:
    """To an officer whose role must act next on a case of their region."""
    name, when = _state(state, lang), moment(at, zone, lang)
    who = ROLE_NAMES.get(role, role)
    if lang == "en":
        return Message(f"Case #{case_id} awaits {who}: {name}",
                       (f"Case #{case_id} ({region}) is now \"{name}\" since {when}. The next step is for {who}.",),
                       f"/perkara/{case_id}", "Open the case")
    return Message(f"Perkara #{case_id} menunggu tindakan {who}: {name}",
                   (f"Perkara #{case_id} ({region}) berstatus \"{name}\" sejak {when}. "
                    f"Langkah berikutnya ada pada {who}.",),
                   f"/perkara/{case_id}", "Buka perkara")


def report_moved(code: str, state: str, public_reason: str, zone: str, at: datetime, lang: str) -> Message:
    """To a reporter who confirmed their email: the new state and the public reason only."""
    name, when = _state(state, lang), moment(at, zone, lang)
    if lang == "en":
        paragraphs = [f"Your report {code} is now \"{name}\" (since {when})."]
        paragraphs += [f"Reason: {public_reason}"] if public_reason else []
        paragraphs += ["Follow it with the tracking code and the secret you received when you reported. "
                       "You receive this email because you asked to be told of this report's progress."]
        return Message(f"Report {code}: {name}", tuple(paragraphs), "/lapor/status", "Report status")
    paragraphs = [f"Laporan Anda {code} kini berstatus \"{name}\" (sejak {when})."]
    paragraphs += [f"Alasan: {public_reason}"] if public_reason else []
    paragraphs += ["Ikuti perkembangannya dengan kode laporan dan kata sandi yang Anda terima saat melapor. "
                   "Email ini dikirim karena Anda meminta kabar perkembangan laporan ini."]
    return Message(f"Laporan {code}: {name}", tuple(paragraphs), "/lapor/status", "Status laporan")


def confirm_address(code: str, token: str, lang: str) -> Message:
    """The only message sent to an address before its owner confirms it."""
    if lang == "en":
        return Message(f"Confirm your email for report {code}",
                       (f"Someone gave this address to be told of the progress of report {code} at Netra. "
                        "Open the link to confirm; if it was not you, ignore this email and nothing more will come.",),
                       f"/lapor/email/{token}", "Confirm")
    return Message(f"Konfirmasi email untuk laporan {code}",
                   (f"Alamat ini diberikan untuk menerima kabar perkembangan laporan {code} di Netra. "
                    "Buka tautan untuk mengonfirmasi; bila bukan Anda, abaikan email ini dan tidak akan ada email lain.",),
                   f"/lapor/email/{token}", "Konfirmasi")
