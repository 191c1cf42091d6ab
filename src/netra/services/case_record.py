"""A case's record as people read it: Indonesian labels, officers' names, dates in Indonesian and times in the
case region's zone; never program values. The case page and the PDF documents both render these lines, so what an
officer reads on screen is what the letter says."""

from __future__ import annotations

from datetime import date
from typing import Any

from netra import formatting
from netra.cases import AMENDABLE_FIELDS, CHANNELS, FACTS, STATUSES, label, sanction_text
from netra.rulebook import Rulebook
from netra.services.case_queries import CaseDetail, HistoryView

NONE = "—"


def rule_text(rule_id: str, rulebook: Rulebook) -> str:
    """'skb2022.disiplin.2 — Memberikan dukungan ... (SKB 2022 Lampiran II, ...)': the id, its title, its basis."""
    rule = rulebook.get(rule_id)
    if rule is None:
        return rule_id
    basis = "; ".join(rule.legal_basis)
    return f"{rule.id} — {rule.title.id}" + (f" ({basis})" if basis else "")


def fact_value(field: str, value: Any) -> str:
    """One fact of the case as shown: dates in Indonesian, status and channel by their names."""
    if value in (None, ""):
        return NONE
    if field in ("event_date", "known_date"):
        return formatting.day(value if isinstance(value, date) else date.fromisoformat(str(value)))
    if field == "reported_status":
        found = STATUSES.get(str(value))
        return found.id if found else str(value)
    if field == "channel":
        found = CHANNELS.get(str(value))
        return found.id if found else str(value)
    return str(value)


def fact_rows(detail: CaseDetail) -> list[tuple[str, str, str]]:
    """(field, Indonesian name, shown value) for every fact, in the form's order."""
    return [(f, name, fact_value(f, detail.facts.get(f))) for f, (name, _) in AMENDABLE_FIELDS.items()]


def checklist(detail: CaseDetail) -> list[tuple[str, bool]]:
    """What a recommendation and a letter need, each with whether the case has it."""
    status = detail.facts.get("reported_status")
    wanted = ["name", "status"] + (["nip", "position", "agency"] if status in ("pns", "pppk") else [])
    return [(FACTS[k].id[0].upper() + FACTS[k].id[1:], k not in detail.missing) for k in wanted]


def step_lines(h: HistoryView, rulebook: Rulebook) -> list[str]:
    """The details of one history entry, one readable line each (entries the role may not read are absent)."""
    p, lines = h.payload or {}, []
    if p.get("rule_ids"):
        lines += [f"Ketentuan: {rule_text(r, rulebook)}" for r in p["rule_ids"]]
    if p.get("rule_id"):
        lines.append(f"Dasar sanksi: {rule_text(p['rule_id'], rulebook)}")
    if isinstance(p.get("sanction"), dict):
        s = p["sanction"]
        lines.append(f"Sanksi: {sanction_text(s.get('kind', ''), s.get('level', ''))}"
                     + (f" — {s['description']}" if s.get("description") else ""))
    if p.get("destination"):
        lines.append(f"Instansi tujuan: {label(p['destination']).id}")
    if p.get("ppk"):
        lines.append(f"PPK tujuan: {p['ppk']}")
    if p.get("linked_case"):
        lines.append(f"Digabungkan dengan perkara {p['linked_case']}; perkara yang dilanjutkan: {p.get('survivor')}")
    if isinstance(p.get("changes"), dict):
        for f, pair in p["changes"].items():
            old, new = (list(pair) + [None, None])[:2]
            name = AMENDABLE_FIELDS[f][0] if f in AMENDABLE_FIELDS else f
            lines.append(f"{name}: {fact_value(f, old)} → {fact_value(f, new)}")
    if p.get("screened_item"):
        lines.append(f"Dari antrean pemantauan (butir {p['screened_item']})")
        if p.get("rules"):
            lines.append("Ketentuan yang ditandai penyaring: " + ", ".join(str(r) for r in p["rules"]))
    if p.get("nip") or p.get("nama"):
        lines.append(f"Daftar pegawai: {p.get('nama') or NONE}, NIP {p.get('nip') or NONE}")
    if p.get("tindakan"):
        on = p.get("tanggal")
        lines.append(f"Tindakan: {p['tindakan']}" + (f", tanggal {formatting.day(on)}" if on else "")
                     + (f", nomor {p['nomor']}" if p.get("nomor") else ""))
    return lines


def when(detail: CaseDetail, moment) -> str:
    """A time of this case, in its region's zone."""
    return formatting.moment(moment, detail.zone)
