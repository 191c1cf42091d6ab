"""A few thousand fictional cases in real regions, so the worklists and statistics show something meaningful.

Every reported person is "Terlapor Fiktif NNNN": no real name ever stands next to an alleged violation. Each case
walks the real workflow (netra.cases.apply validates every step) with delays drawn around the legal clocks, and the
outcome mix leaves the follow-up gap visible, as in Pilkada 2024 (many recommended, few sanctioned).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func, select

from netra.accounts.model import Account
from netra.accounts.roles import Role
from netra.cases import CaseState, ReportedPerson, apply, open_case
from netra.elections import load_elections
from netra.intake.tracking import new_tracking_code, secret_hash
from netra.regions.model import TimeZone
from netra.rulebook import load_rulebook
from netra.services.unit_of_work import unit_of_work
from netra.storage.case_repository import LoadedCase, NewCase
from netra.storage.database import Database
from netra.storage.db import resync_id_sequences
from netra.storage.tables import AuditRow, CaseRow, RegionRow

MARKER = "demo:cases"
REGIONS = ["33.20", "33.18", "33.19", "33.21", "33.74", "64.02", "64.72", "64.71", "73.71", "73.06", "12.71",
           "12.07", "32.73", "32.04", "32.01", "35.78", "35.15", "19.71", "19.01", "91.71", "52.71", "52.01",
           "61.71", "18.71", "51.71"]
# Shares follow KASN's Pilkada 2020 breakdown (social media 30.4%, partisan activities 22.4%, photos 12.6%,
# declarations 10.9%), with the rest spread over the other families.
FAMILIES = {"social_media": 43, "partisan_event": 22, "campaign": 14, "state_resources": 6, "official_action": 5,
            "campaign_props": 4, "party": 3, "ktp_support": 2, "candidacy": 1}
POSITIONS = [("Guru SD Negeri", "Dinas Pendidikan"), ("Guru SMP Negeri", "Dinas Pendidikan"),
             ("Perawat Puskesmas", "Dinas Kesehatan"), ("Kepala Dinas", "Pemerintah Kabupaten"),
             ("Kepala Bidang", "Bappeda"), ("Camat", "Kecamatan"), ("Lurah", "Kelurahan"),
             ("Kepala Desa", "Pemerintah Desa"), ("Sekretaris Desa", "Pemerintah Desa"),
             ("Staf Pelaksana", "Sekretariat Daerah"), ("Penyuluh Pertanian", "Dinas Pertanian"),
             ("Kepala Sekolah", "Dinas Pendidikan")]
DEMO_TODAY = datetime(2024, 12, 20, 10, 0, tzinfo=timezone.utc)


def _at(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(1, 9), rng.randint(0, 59)), tzinfo=timezone.utc)


def _demo(role: Role) -> Account:
    return Account(id=0, username=f"demo.{role.value}", full_name=f"Demo {role.value.upper()}", role=role)


def _walk(rng: random.Random, state: CaseState, rules_by_family, family, opened: datetime, today: datetime):
    """Yield (state, record) pairs along one realistic path, stopping at `today`."""
    bawaslu, bkn, ppk = _demo(Role.BAWASLU), _demo(Role.BKN), _demo(Role.PPK)
    rule_id = rng.choice(rules_by_family[family])
    at = opened
    plan = []
    if state.state.value == "received":
        plan.append((bawaslu, "register", {}, "", rng.randint(0, 3)))
    plan.append((bawaslu, "start_review", {}, "", rng.randint(0, 2)))
    roll = rng.random()
    if state.state.value == "received" and roll < 0.06:
        plan = [(bawaslu, "refuse_registration", {}, "Melewati batas 7 hari pelaporan.", rng.randint(1, 3)),
                (bawaslu, "close", {}, "", rng.randint(1, 5))]
    elif roll < 0.14:
        plan += [(bawaslu, "dismiss", {}, "Tidak terbukti dari klarifikasi.", rng.randint(2, 6)),
                 (bawaslu, "close", {}, "", rng.randint(1, 4))]
    elif roll < 0.19:
        plan += [(bawaslu, "forward", {"destination": "Gakkumdu"}, "Dugaan tindak pidana pemilihan.", rng.randint(2, 5)),
                 (bawaslu, "close", {}, "", rng.randint(1, 4))]
    else:
        plan += [(bawaslu, "recommend", {"rule_ids": [rule_id]}, "Terbukti dari klarifikasi.", rng.randint(2, 7)),
                 (bkn, "verify", {}, "", rng.randint(2, 12)),
                 (bawaslu, "validate", {}, "", rng.randint(1, 5)),
                 (bkn, "send_to_ppk", {"ppk": "Bupati/Wali Kota (demo)"}, "", rng.randint(1, 10))]
        if rng.random() < 0.35:
            level = rules_by_family[("level", rule_id)]
            plan += [(ppk, "impose_sanction", {"rule_id": rule_id, "sanction": {
                        "kind": "discipline", "level": level, "description": f"Hukuman disiplin {level} (demo)"}},
                      "Sanksi dijatuhkan.", rng.randint(3, 40)),
                     (bkn, "close", {}, "", rng.randint(1, 10))]
        else:
            plan += [(bkn, "mark_not_followed_up", {}, "", rng.randint(11, 25))]
            if rng.random() < 0.4:
                plan.append((bkn, "block_personnel_data", {}, "PPK tidak menindaklanjuti rekomendasi.", rng.randint(3, 20)))
    for actor, action, payload, reason, days in plan:
        at = at + timedelta(days=days, minutes=rng.randint(0, 600))
        if at > today:
            return
        state, record = apply(state, action, actor, at, reason=reason, payload=payload, expected_version=state.version)
        yield state, record


def ensure_demo_cases(db: Database, count: int = 3000, seed: int = 2024, today: datetime | None = None) -> int:
    """Create the demo cases once; returns how many were added (0 when they already exist)."""
    # The demo stands on 20 December 2024, after Pilkada counting, when (as Kemendagri reported) hundreds of
    # recommendations were still waiting for BKN and the PPKs: cases in progress then are in progress here.
    today = today or DEMO_TODAY
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity == MARKER)):
            return 0
        zones = dict(session.execute(select(RegionRow.code, RegionRow.timezone).where(RegionRow.code.in_(REGIONS))).all())
        first_id = (session.scalar(select(func.max(CaseRow.id))) or 0) + 1
    rng = random.Random(seed)
    rulebook = load_rulebook()
    rules_by_family: dict = {}
    for rule in rulebook:
        if rule.id.startswith("skb2022.disiplin."):
            rules_by_family.setdefault(rule.family.value, []).append(rule.id)
            rules_by_family[("level", rule.id)] = rule.sanction.level.value
    elections = {e.id: e for e in load_elections()}
    families = [f for f in FAMILIES if f in rules_by_family]
    weights = [FAMILIES[f] for f in families]
    loaded = []
    for n in range(count):
        case_id = first_id + n
        election = elections["pilkada2024"] if rng.random() < 0.75 else elections["pemilu2024"]
        start, end = election.stages[0].start, election.last_day
        span = (end - start).days
        event_day = start + timedelta(days=int(rng.triangular(0, span, span * 0.6)))
        region = rng.choice(REGIONS)
        family = rng.choices(families, weights)[0]
        position, agency = rng.choice(POSITIONS)
        origin = "report" if rng.random() < 0.7 else "finding"
        opened = _at(event_day + timedelta(days=rng.randint(0, 6)), rng)
        if opened > today:
            continue
        actor = _demo(Role.BAWASLU) if origin == "finding" else None
        # A fictional NIP (born 1900: no real civil servant's) so the demo's recommendations pass the substance gate.
        person = ReportedPerson(f"190001012000011{case_id % 1000:03d}", f"Terlapor Fiktif {case_id:05d}", agency,
                                position, "pns")
        state, record = open_case(origin, opened, election.kind, TimeZone(zones[region]).zoneinfo.key, case_id=case_id,
                                  actor=actor, event_date=event_day, subject=person)
        history = [(state, record)] + list(_walk(rng, state, rules_by_family, family, opened, today))
        final, decided = history[-1][0], any(r.action == "recommend" for _, r in history)
        report = None
        if origin == "report":
            report = dict(
                tracking_code=new_tracking_code(), submission_token=f"demo-{case_id}",
                secret_hash=secret_hash(f"demo-{rng.random()}"), reporter_name=f"Warga Fiktif {case_id:05d}",
                reporter_address="Alamat fiktif", reporter_contact="", reporter_id_number="",
                confidential=rng.random() < 0.6, reported_name=f"Terlapor Fiktif {case_id:05d}", reported_nip="",
                reported_position=position, reported_agency=agency, region_code=region, election_id=election.id,
                event_date=event_day, event_place="", known_date=event_day,
                description=f"Data demo: dugaan pelanggaran netralitas ({family}) oleh {position.lower()}.",
                links=[], declaration=True, submitted_at=opened)
        loaded.append(LoadedCase(case_id, NewCase(
            origin=origin, region_code=region, election_id=election.id,
            reported_name=person.name, reported_nip=person.nip, reported_position=position, reported_agency=agency,
            reported_status=person.status, event_date=event_day, family=family if decided else None,
            channel="social_media" if family == "social_media" else "offline"),
            final, [r for _, r in history], report))
    with unit_of_work(db) as uow:
        added = uow.cases.load(loaded, MARKER, {"cases": len(loaded), "seed": seed})
        resync_id_sequences(uow.session, [CaseRow.__table__])
    return added
