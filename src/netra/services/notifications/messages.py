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
        body = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in self.paragraphs)
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


def case_assigned(case_id: int, state: str, region: str, zone: str, at: datetime, lang: str) -> Message:
    """To the officer a case was assigned to (never who assigned it: names stay out of messages)."""
    name, when = _state(state, lang), moment(at, zone, lang)
    if lang == "en":
        return Message(f"Case #{case_id} was assigned to you",
                       (f"Case #{case_id} ({region}, \"{name}\") was assigned to you on {when}.",),
                       f"/perkara/{case_id}", "Open the case")
    return Message(f"Perkara #{case_id} ditugaskan kepada Anda",
                   (f"Perkara #{case_id} ({region}, \"{name}\") ditugaskan kepada Anda pada {when}.",),
                   f"/perkara/{case_id}", "Buka perkara")


def _clock_line(item: "ClockItem", lang: str) -> str:
    due = moment(item.due_at, item.zone, lang)
    label_ = item.clock_label.en if lang == "en" else item.clock_label.id
    if item.days_overdue:
        late = f"{item.days_overdue} day(s) late" if lang == "en" else f"lewat {item.days_overdue} hari"
        return f"- #{item.case_id} ({item.region}): {label_}, {'due' if lang == 'en' else 'tenggat'} {due}, {late}"
    return f"- #{item.case_id} ({item.region}): {label_}, {'due' if lang == 'en' else 'tenggat'} {due}"


@dataclass(frozen=True)
class ClockItem:
    """One case's running legal clock, as a warning or a digest line shows it."""

    case_id: int
    region: str
    zone: str
    clock_label: object  # netra.cases.Label (id, en)
    due_at: datetime
    days_overdue: int


def clock_warning(item: ClockItem, overdue: bool, lang: str) -> Message:
    """To the officers of the role that must act, when a clock is about to run out or has run out."""
    line = _clock_line(item, lang)[2:]
    if lang == "en":
        subject = f"Case #{item.case_id}: deadline {'passed' if overdue else 'approaching'}"
        return Message(subject, (("The legal deadline has passed: " if overdue else "The legal deadline is near: ")
                                 + line,), f"/perkara/{item.case_id}", "Open the case")
    subject = f"Perkara #{item.case_id}: tenggat {'terlewati' if overdue else 'segera berakhir'}"
    return Message(subject, (("Tenggat hukum terlewati: " if overdue else "Tenggat hukum segera berakhir: ") + line,),
                   f"/perkara/{item.case_id}", "Buka perkara")


def digest(day_text: str, overdue: list[ClockItem], today: list[ClockItem], soon: list[ClockItem],
           events: list[str], lang: str) -> Message:
    """The daily digest: clocks overdue, due today and due soon in the officer's scope, then what the officer chose
    to hear of in the digest since the last one (the notifications' titles)."""
    en = lang == "en"
    parts = [(("Overdue" if en else "Lewat tenggat"), overdue),
             (("Due today" if en else "Jatuh tempo hari ini"), today),
             (("Due soon" if en else "Segera jatuh tempo"), soon)]
    paragraphs = [f"{title} ({len(items)}):\n" + "\n".join(_clock_line(i, lang) for i in items)
                  for title, items in parts if items]
    if events:
        title = "Since the last digest" if en else "Pemberitahuan sejak ringkasan terakhir"
        paragraphs.append(f"{title} ({len(events)}):\n" + "\n".join(f"- {e}" for e in events))
    counts = (f"{len(overdue)} overdue, {len(today)} due today, {len(soon)} due soon" if en else
              f"{len(overdue)} lewat tenggat, {len(today)} jatuh tempo hari ini, {len(soon)} segera jatuh tempo")
    subject = f"{'Netra daily digest' if en else 'Ringkasan harian Netra'}, {day_text}: {counts}"
    return Message(subject, tuple(paragraphs), "/perkara", "Open the worklist" if en else "Buka daftar perkara")
