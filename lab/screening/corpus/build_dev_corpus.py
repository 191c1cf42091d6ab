"""Build ``dev_corpus.jsonl``: the labelled development corpus for the neutrality screener.

Deterministic (fixed seed).  Two origins, recorded per item in ``origin`` and at the start of ``label_note``:

* ``hand``: sentences written one by one in ``hand_items.py``;
* ``template:<name>``: hand-written phrase lists below, combined by slot filling.

Labelling rule (applies to both): violation = the actor is bound by neutrality (ASN: PNS/PPPK, or a village
head / village official / BPD member; known from ``author.is_asn`` or stated in the text) AND the text shows a
prohibited act of one of the nine families.  Reporting, announcements, reminders and neutral civic messages
are never violations; neither is anything said by a citizen, volunteer, party cadre or candidate.

Run:  python lab/screening/corpus/build_dev_corpus.py   (writes dev_corpus.jsonl next to this file)
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from hand_items import HAND, ROLES  # noqa: E402

SEED = 20240927
OUT = HERE / "dev_corpus.jsonl"
FAMILIES = ("social_media", "campaign", "state_resources", "official_action", "campaign_props", "party",
            "candidacy", "ktp_support", "partisan_event")

# Real Kemendagri regency/city codes (src/netra/regions/data/regencies.csv) with the short name used in text.
REGIONS = [("33.20", "Jepara"), ("64.02", "Kukar"), ("33.18", "Pati"), ("19.71", "Pangkalpinang"),
           ("32.73", "Bandung"), ("73.71", "Makassar"), ("91.71", "Jayapura"), ("33.19", "Kudus"),
           ("33.21", "Demak"), ("33.74", "Semarang"), ("35.78", "Surabaya"), ("35.09", "Jember"),
           ("35.07", "Malang"), ("34.04", "Sleman"), ("32.04", "Kab. Bandung"), ("12.71", "Medan"),
           ("13.71", "Padang"), ("16.71", "Palembang"), ("64.71", "Balikpapan"), ("71.71", "Manado"),
           ("52.03", "Lombok Timur"), ("51.71", "Denpasar"), ("61.71", "Pontianak"), ("74.71", "Kendari"),
           ("63.71", "Banjarmasin"), ("33.72", "Solo"), ("36.03", "Tangerang"), ("19.01", "Bangka"),
           ("35.26", "Bangkalan"), ("81.71", "Ambon"), ("53.71", "Kupang"), ("11.71", "Banda Aceh")]

PILKADA = [
    dict(names=["Hendra–Wulan", "Hendra-Wulan", "Pak Hendra", "Bu Wulan"],
         refs=["paslon 01", "no 1", "nomor urut 1", "paslon #1", "nomer siji", "01", "nomor 1", "nomor urut 01"],
         signs=["☝️", "☝🏻"], salam=["salam satu jari", "salam 1 jari"],
         tags=["#HendraWulan", "#HendraWulan01", "#Menang01", "#SatuUntukSemua"]),
    dict(names=["Budi–Sari", "Budi-Sari", "Pak Budi", "Bu Sari"],
         refs=["paslon 02", "no 2", "nomor urut 2", "paslon #2", "nomer loro", "02", "nomor 2", "nomor urut 02"],
         signs=["✌️", "✌🏻"], salam=["salam dua jari", "salam 2 jari"],
         tags=["#BudiSari", "#BudiSari2024", "#Lanjut02"]),
    dict(names=["Yusuf–Ratna", "Yusuf-Ratna", "Pak Yusuf", "Bu Ratna"],
         refs=["paslon 03", "no 3", "nomor urut 3", "paslon #3", "nomer telu", "03", "nomor 3"],
         signs=["🤟", "👌"], salam=["salam tiga jari", "salam 3 jari"],
         tags=["#YusufRatna", "#YusufRatna03", "#Pasti03"]),
]
PEMILU = [
    dict(names=["Pak Wirawan", "Wirawan–Ayu"], refs=["capres 01", "no 1", "nomor urut 1", "01"],
         signs=["☝️"], salam=["salam satu jari"], tags=["#Wirawan01", "#WirawanAyu"]),
    dict(names=["Darmawan–Kirana", "Pak Darmawan"], refs=["capres 02", "no 2", "nomor urut 2", "02"],
         signs=["✌️"], salam=["salam dua jari"], tags=["#Kirana2024", "#Darmawan02"]),
    dict(names=["Santoso–Melati", "Pak Santoso"], refs=["capres 03", "no 3", "nomor urut 3", "03"],
         signs=["🤟"], salam=["salam tiga jari"], tags=["#03Menang", "#SantosoMelati"]),
]
PARTIES = ["Partai Nusantara Maju", "Partai Karya Bangsa", "Partai Rakyat Sejahtera", "Partai Amanah Rakyat"]
INDEPENDENT = ["Gunawan–Tari", "pasangan perseorangan Gunawan–Tari", "calon independen", "calon perseorangan"]

# --- phrase lists (hand-written; combined by the templates) ------------------------------------------------
SUPPORT = [  # {n}=name {r}=ballot reference {s}=hand sign {sa}=salam {t}=hashtag
    "pilih {r} {s}", "coblos {r} ya {s}", "dukung {n}", "{sa} {s}", "yukkk menangkan {n}", "all in {n}",
    "{n} menang satu putaran", "pokoknya {r}!", "{t}", "mantappp {r}, lanjutkan!", "jgn lupa coblos {r}",
    "gaspol {r} sampe TPS", "{n} pilihanku {s}", "fix pilih {n}", "ayo merapat ke {r} {s}", "{n} the best 💯",
    "hidup {n}!!", "udh yakin bgt sama {n}", "dukung penuh {r} {t}", "nomor {s} di hati, {n}",
]
OPENERS = ["", "Bismillah, ", "Gaes, ", "Udh mantep, ", "Yakin bgt, ", "Habis nonton debat, ", "Ngopi dulu ☕ ",
           "Tmn2, ", "Buat warga {reg}, ", "Pagi2 semangat! ", "Jujur aja ya, ", "Gak usah ragu, "]
TAILS = ["", " 🔥", " 💪", " yg lain lewat", " gak pake ragu", " utk {reg} lbh maju", " dgn hati gembira",
         " bgt pokoknya", " #{e}", " 🙏", " wkwk", " biar {reg} makin jaya", " ga usah banyak mikir"]
NULL_ACTORS = ["Sbg guru PNS", "Aku ASN", "Sy PNS kecamatan", "Selaku kades", "Sebagai perangkat desa",
               "Aku PPPK", "NIP sy 19880415 201101 2 003", "Sbg bidan desa PNS", "Kami ASN dinas",
               "Sy abdi negara", "Selaku lurah", "Sbg anggota BPD", "Aku guru P3K", "Sbg kepala sekolah negeri",
               "Walaupun sy kadus", "Sebagai ASN Pemprov"]
NULL_JOIN = [", ", " tp tetep ", " jg berhak dong: ", " nih, ", " bilang aja: "]
REPORT_OPEN = ["Lapor: ", "Mohon ditindak, ", "Sy mau lapor, ", "Info: ", "Tolong dicek, ", "Aduan warga: ",
               "Mohon Bawaslu cek, "]
REPORT_ACTORS = ["guru PNS di SD negeri", "Pak Kades", "Bu Lurah", "Sekdes kami", "perangkat desa (Kaur Umum)",
                 "seorang camat", "bidan PPPK di puskesmas", "staf Dinas Kesehatan", "Kepala Dusun",
                 "anggota BPD", "kepala sekolah SMPN", "pegawai kantor kecamatan", "Pak Sekcam",
                 "guru PPPK SMKN", "Kaur Kesra desa", "penyuluh pertanian PNS"]
# actors that can plausibly hold the keys, cars, budgets and decisions the act needs
OFFICE_ACTORS = ["Pak Kades", "Bu Lurah", "Sekdes kami", "seorang camat", "Pak Sekcam", "Kaur Kesra desa",
                 "perangkat desa (Kaur Umum)", "kepala sekolah SMPN", "Kepala Dusun"]
# reporters also complain about people who are NOT bound: same acts, no neutrality case
UNBOUND_REPORT_ACTORS = ["relawan paslon", "tetangga sy", "ketua tim sukses", "kader partai", "seorang caleg",
                         "seorang pedagang", "mantan kades yg sudah purna", "pensiunan guru", "anak Pak Camat",
                         "pengurus ormas", "mahasiswa relawan", "pemilik warung", "tokoh pemuda"]
UNBOUND_REPORT_ACTS = [
    ("campaign", "ikut kampanye akbar {r} di lapangan"), ("campaign", "ngajak warga naik truk ke kampanye {r}"),
    ("campaign", "ikut konvoi kampanye {r} pakai kaos tim"), ("campaign", "ikut rapat tim sukses {n} di posko"),
    ("campaign_props", "pasang baliho {n} di depan rumah"), ("campaign_props", "tempel stiker {r} di kaca mobil"),
    ("campaign_props", "bagi2 kaos {n} ke warga"), ("ktp_support", "kumpulin fotokopi KTP warga utk {i}"),
    ("ktp_support", "serahkan KTP sendiri buat dukungan {i}"),
    ("partisan_event", "gelar pengajian sekalian doa kemenangan {n}"),
    ("partisan_event", "bagi sembako titipan {n} ke warga"), ("partisan_event", "undang {n} ke acara arisan RT"),
    ("social_media", "posting ajakan pilih {r}"), ("social_media", "share poster {n} di grup warga"),
    ("social_media", "bikin video TikTok joget bareng tim {n}"),
    ("social_media", "upload foto pose {s} bareng calon {r}")]
REPORT_TAILS = ["", " Bukti foto ada.", " Screenshot terlampir.", " Kejadiannya kemarin sore.",
                " Sudah banyak warga yg lihat.", " Mohon segera ditindaklanjuti."]
SM_ACTS = ["posting ajakan pilih {r}", "bikin status WA dukung {n}", "share poster {n} di grup warga",
           "ganti foto profil pake twibbon {n}", "komen 'menang!' di postingan {n}",
           "upload foto pose {s} bareng calon {r}", "jadi admin grup relawan {n}", "like & share video kampanye {r}",
           "bikin video TikTok joget bareng tim {n}", "follow & repost akun tim pemenangan {n}"]

FAMILY_ACTS = {  # family -> (report acts, first-person acts)
    "campaign": (["ikut kampanye akbar {r} di lapangan", "hadir di deklarasi dukungan {n} dan ikut orasi",
                  "jadi koordinator tim pemenangan {n} tingkat desa", "ngajak warga naik truk ke kampanye {r}",
                  "ikut konvoi kampanye {r} pakai kaos tim", "jadi MC acara kampanye {n}",
                  "ikut rapat tim sukses {n} di posko"],
                 ["Td ikut kampanye akbar {r}, rame bgt {s}", "Alhamdulillah dipercaya jadi korcam tim pemenangan {n}",
                  "Habis deklarasi dukungan {n}, sy ikut orasi dikit hehe",
                  "Ngajak ibu2 PKK ikut kampanye {r} besok, bus sudah siap"]),
    "state_resources": (["pakai mobil dinas buat antar relawan {n}", "pinjamkan aula kantor utk rapat tim {r}",
                         "pakai balai desa jadi posko {n}", "pakai printer kantor cetak stiker {r}",
                         "bawa motor dinas ke kampanye {r}", "pakai dana desa buat konsumsi acara {n}",
                         "pakai grup WA resmi kantor nyebar jadwal kampanye {r}"],
                        ["Mobil dinas sy pinjamkan dulu buat jemput relawan {n}, besok balik kok",
                         "Aula kantor malam ini dipakai rapat tim {r}, sy yg bukain",
                         "Cetak brosur {n} pake printer kantor aja, hemat 😅"]),
    "official_action": (["ancam coret bansos warga yg gak pilih {r}", "cuma kasih bantuan ke warga pendukung {n}",
                         "mutasi staf yg dukung paslon lain, biar {r} aman", "persulit izin kampanye lawan {n}",
                         "janji percepat bantuan kalau {r} menang di TPS sini",
                         "prioritaskan perbaikan jalan di RT pendukung {r}"],
                        ["Bantuan tahun depan sy prioritaskan utk RT yg menangkan {r}, adil kan 😉",
                         "Yg gak dukung {n} jangan harap bansosnya lancar ya"]),
    "campaign_props": (["pasang baliho {n} di depan rumah", "tempel stiker {r} di kaca mobil", "bagi2 kaos {n} ke warga",
                        "pasang spanduk {r} di pagar kantor desa", "pakai pin {n} waktu kerja",
                        "bagikan kalender {r} di kantor"],
                       ["Baliho {n} udh berdiri di depan rumah {s}", "Stiker {r} nempel di helm & motor 😁",
                        "Kaos {n} sy bagi2 ke tetangga, masih ada stok"]),
    "party": (["tercatat sebagai anggota {p}", "jadi pengurus ranting {p}", "hadir di muscab {p} pakai jaket partai",
               "daftar penjaringan bakal calon di DPC {p}", "punya KTA {p}", "ikut rapat kerja {p} sebagai pengurus"],
              ["Alhamdulillah KTA {p} sudah di tangan", "Dilantik jadi pengurus ranting {p} malam ini 🙏",
               "Hadir di muscab {p}, pakai jaket kebanggaan"]),
    "candidacy": (["deklarasi maju calon bupati tapi belum mundur dari jabatannya",
                   "pasang baliho dirinya 'bakal calon wakil bupati' padahal masih aktif",
                   "daftar caleg DPRD tanpa mundur", "sosialisasi diri sbg bakal calon wali kota tanpa CLTN",
                   "maju lewat jalur perseorangan tapi masih ngantor"],
                  ["Bismillah sy maju calon wakil bupati, jabatan tetap jalan dulu",
                   "Mohon restu, sy daftar caleg DPRD tahun ini, status kepegawaian masih aktif"]),
    "ktp_support": (["kumpulin fotokopi KTP warga utk {i}", "minta KTP & KK staf utk dukungan {i}",
                     "tanda tangan surat dukungan {i}", "serahkan KTP sendiri buat dukungan {i}",
                     "input NIK warga ke SILON utk {i}"],
                    ["Yg mau dukung {i}, KTP-nya titip ke sy ya", "Fotokopi KTP utk {i} sudah terkumpul 200 lembar"]),
    "partisan_event": (["kumpulkan staf & ajak pilih {r}", "gelar pengajian sekalian doa kemenangan {n}",
                        "bagi sembako titipan {n} ke warga", "undang {n} ke acara arisan RT",
                        "arahkan para ketua RT agar menangkan {r}", "bikin lomba berhadiah dari tim {n}"],
                       ["Malam ini syukuran sekalian doa bersama utk kemenangan {n}, warga wajib hadir",
                        "Rapat staf td sy tutup dgn pesan: pilih {r} ya"]),
}
FAMILY_DATES = {"party": "pre", "candidacy": "pre", "ktp_support": "ktp"}

REMINDER_ACTS = ["pasang baliho paslon", "like & share postingan paslon", "pose jari bareng calon",
                 "ikut deklarasi dukungan", "pakai mobil dinas utk kampanye", "kumpulin KTP utk calon perseorangan",
                 "jadi pengurus partai", "bikin status WA dukung paslon", "pakai kaos paslon di kantor",
                 "ikut grup WA tim pemenangan", "bagi2 sembako titipan calon", "ganti foto profil pake twibbon paslon"]
REMINDER_FRAMES = ["Ingat rekan2, ASN dilarang {a}. Netral itu wajib 🙏",
                   "Pengingat buat perangkat desa: jangan {a} ya, sanksinya berat.",
                   "Sosialisasi hari ini: ASN gak boleh {a}, walau cuma iseng.",
                   "Noted dari Bawaslu: {a} itu pelanggaran netralitas ASN. Hati2 gaes",
                   "Teman2 PPPK, kita jg ASN, jadi dilarang {a}.",
                   "Kades & perangkat desa wajib netral: tidak {a}. Simpan pilihan di bilik suara."]
NEWS_FRAMES = ["Bawaslu {reg} menerima laporan dugaan {a} oleh {x}. Laporan sedang dikaji.",
               "Seorang {x} di {reg} diduga {a}; Bawaslu memanggilnya untuk klarifikasi.",
               "Bawaslu {reg} meneruskan temuan {x} yang {a} ke BKN.",
               "Warga {reg} melaporkan {x} yang diduga {a}. Bawaslu masih mengumpulkan bukti.",
               "BKN menjatuhkan sanksi kepada {x} di {reg} yang terbukti {a}."]
NEWS_ACTORS = ["kepala desa", "guru PNS", "camat", "lurah", "perangkat desa", "bidan PPPK", "pegawai dinas",
               "sekretaris desa", "kepala sekolah negeri", "pegawai kecamatan"]
NEWS_ACTS = ["ikut kampanye pasangan calon", "mengunggah dukungan di media sosial",
             "memasang alat peraga kampanye", "menggunakan mobil dinas untuk kampanye",
             "mengumpulkan KTP untuk calon perseorangan", "menjadi pengurus partai",
             "membagikan sembako berstiker pasangan calon", "berpose simbol jari bersama calon",
             "menghadiri deklarasi dukungan", "mengarahkan warga memilih pasangan calon tertentu"]
VOTED = ["Alhamdulillah sudah nyoblos 💜", "Jari ungu ✔️ tugas warga negara selesai", "Udh nyoblos dong 🤙💜",
         "Selesai nyoblos, lanjut kerja 🙏", "Sudah menggunakan hak pilih, pilihan tetap rahasia 🤫",
         "Nyoblos pagi2 biar gak antre 😄 jari ungu"]
VOTED_TAILS = ["", " Siapa pun yg menang, semoga amanah.", " #PilkadaDamai", " Ayo warga {reg} ke TPS!",
               " Semoga {reg} makin maju."]
CIVIC = ["Jangan golput ya warga {reg}, datang ke TPS tgl 27 November 🗳️", "Cek nama di DPT online sebelum hari H ya",
         "Ayo gunakan hak pilih, suara kita menentukan {reg} 5 th ke depan", "Pilih sesuai hati nurani, jangan karena amplop",
         "Tolak politik uang! Pilih berdasarkan visi misi, bukan sembako", "Pemilih pemula {reg}, yuk ke TPS, bawa KTP-el",
         "Lansia & difabel berhak dapat bantuan di TPS, jangan ragu datang"]
DUTY = ["Penyaluran BLT Dana Desa bulan ini sesuai jadwal, bawa KTP & KK ya", "Pelayanan KTP-el tetap buka selama masa kampanye",
        "Pembagian bantuan pangan beras 10 kg sesuai data Dinsos, mulai besok di kantor kelurahan",
        "Rapat koordinasi pengamanan TPS bersama PPK & Panwascam", "Distribusi logistik pemilu ke PPS aman terkendali",
        "Posyandu lansia tetap jalan minggu ini", "Jadwal vaksinasi anak di puskesmas tidak berubah selama pilkada",
        "Perbaikan jalan desa sesuai RKPDes dimulai Senin", "Kantor kecamatan melayani semua warga, termasuk tim kampanye semua paslon",
        "Simulasi pemungutan suara utk KPPS di balai desa hari ini"]
KPU = ["KPU {reg}: masa kampanye 25 September – 23 November 2024, masa tenang 24–26 November.",
       "KPU {reg} mengumumkan jadwal debat publik calon kepala daerah kedua.",
       "KPU {reg}: rekapitulasi tingkat kabupaten dijadwalkan awal Desember 2024.",
       "Pengundian nomor urut pasangan calon di KPU {reg}: nomor 1, 2 dan 3 sudah ditetapkan.",
       "KPU {reg} membuka pendaftaran KPPS Pilkada 2024.", "KPU {reg}: DPT Pilkada 2024 telah ditetapkan dalam rapat pleno."]

CITIZEN_ROLES = ["mhs", "pedagang", "irt", "ojol", "petani", "karyawan", "nelayan", "wiraswasta", "kreator",
                 "buruh", "umkm", "pensiunan", "guru_swasta"]
VOLUNTEER_ROLES = ["relawan", "timses", "kader", "saksi", "jubir"]
BOUND_ROLES = [k for k, v in ROLES.items() if v[1] is True and k != "humas_bawaslu"]


def _date(rng: random.Random, stage: str) -> str:
    spans = {"pilkada": ("2024-09-25", "2024-11-23"), "pemilu": ("2023-11-28", "2024-02-10"),
             "pre": ("2024-04-20", "2024-08-29"), "ktp": ("2024-04-20", "2024-06-10"),
             "vote_pilkada": ("2024-11-27", "2024-11-27"), "pilkada_all": ("2024-08-01", "2024-12-16")}
    a, b = (dt.date.fromisoformat(x) for x in spans[stage])
    return (a + dt.timedelta(days=rng.randint(0, (b - a).days))).isoformat()


def _fill(rng: random.Random, pattern: str, cand: dict, reg: str) -> str:
    election = "Pemilu2024" if cand in PEMILU else "Pilkada2024"
    return pattern.format(e=election, n=rng.choice(cand["names"]), r=rng.choice(cand["refs"]), s=rng.choice(cand["signs"]),
                          sa=rng.choice(cand["salam"]), t=rng.choice(cand["tags"]), reg=reg,
                          p=rng.choice(PARTIES), i=rng.choice(INDEPENDENT))


def _author(key):
    role, is_asn, bound = ROLES[key]
    return {"is_asn": is_asn, "role": role, "bound_as": bound}


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.items: list[dict] = []
        self.texts: set[str] = set()

    def add(self, *, text, source, author, created_at, region, violation, family, evidence, origin, note,
            negative_kind=None, hard_negative_of=None) -> bool:
        text = " ".join(text.split())
        if text in self.texts:
            return False
        for ev in evidence:
            if ev not in text:
                raise ValueError(f"evidence {ev!r} not in text {text!r}")
        if violation and not evidence:
            raise ValueError(f"positive without evidence: {text!r}")
        self.texts.add(text)
        self.items.append({
            "text": text, "source": source, "author": author, "created_at": created_at, "region": region,
            "violation": violation, "family": family, "rules": [], "evidence": evidence,
            "label_note": f"{origin}: {note}", "origin": origin,
            "negative_kind": negative_kind, "hard_negative_of": hard_negative_of,
        })
        return True

    def region(self):
        code, name = self.rng.choice(REGIONS)
        if self.rng.random() < 0.04:
            return None, name
        return code, name

    def maybe_date(self, stage):
        return None if self.rng.random() < 0.04 else _date(self.rng, stage)

    def election(self):
        if self.rng.random() < 0.25:
            return self.rng.choice(PEMILU), "pemilu"
        return self.rng.choice(PILKADA), "pilkada"

    def loop(self, n, make):
        made = tries = 0
        while made < n:
            tries += 1
            if tries > n * 200:
                raise RuntimeError(f"template exhausted after {made} of {n}")
            made += bool(make())

    # ---- templates -----------------------------------------------------------------------------------
    def support_phrase(self, cand, reg):
        return _fill(self.rng, self.rng.choice(SUPPORT), cand, reg).strip()

    def sm_asn_author(self, n):
        def make():
            cand, stage = self.election()
            code, reg = self.region()
            phrase = self.support_phrase(cand, reg)
            text = _fill(self.rng, self.rng.choice(OPENERS), cand, reg) + phrase + \
                _fill(self.rng, self.rng.choice(TAILS), cand, reg)
            return self.add(text=text, source="post", author=_author(self.rng.choice(BOUND_ROLES)),
                            created_at=self.maybe_date(stage), region=code, violation=True, family="social_media",
                            evidence=[phrase], origin="template:sm_asn_author",
                            note="bound author posts support for a candidate")
        self.loop(n, make)

    def sm_null_actor_in_text(self, n):
        def make():
            cand, stage = self.election()
            code, reg = self.region()
            actor = self.rng.choice(NULL_ACTORS)
            phrase = self.support_phrase(cand, reg)
            text = actor + self.rng.choice(NULL_JOIN) + phrase + _fill(self.rng, self.rng.choice(TAILS), cand, reg)
            return self.add(text=text, source="post", author=_author(None), created_at=self.maybe_date(stage),
                            region=code, violation=True, family="social_media", evidence=[actor, phrase],
                            origin="template:sm_null_actor_in_text",
                            note="author unknown but the text says they are bound; posts support")
        self.loop(n, make)

    def sm_report(self, n):
        def make():
            cand, stage = self.election()
            code, reg = self.region()
            actor = self.rng.choice(REPORT_ACTORS)
            act = _fill(self.rng, self.rng.choice(SM_ACTS), cand, reg)
            text = self.rng.choice(REPORT_OPEN) + actor + " " + act + "." + self.rng.choice(REPORT_TAILS)
            return self.add(text=text, source="report", author=_author(None), created_at=self.maybe_date(stage),
                            region=code, violation=True, family="social_media", evidence=[actor, act],
                            origin="template:sm_report", note="report of a bound actor campaigning online")
        self.loop(n, make)

    def family_templates(self, family, n_report, n_post):
        reports, firsts = FAMILY_ACTS[family]
        stage_kind = FAMILY_DATES.get(family)

        def stage_for(default):
            return {"pre": "pre", "ktp": "ktp"}.get(stage_kind, default)

        def make_report():
            cand, stage = self.election()
            code, reg = self.region()
            pool = OFFICE_ACTORS if family in ("state_resources", "official_action") else REPORT_ACTORS
            actor = self.rng.choice(pool)
            act = _fill(self.rng, self.rng.choice(reports), cand, reg)
            text = self.rng.choice(REPORT_OPEN) + actor + " " + act + "." + self.rng.choice(REPORT_TAILS)
            return self.add(text=text, source="report", author=_author(None),
                            created_at=self.maybe_date(stage_for(stage)), region=code, violation=True,
                            family=family, evidence=[actor, act], origin=f"template:{family}_report",
                            note=f"report of a bound actor: {family.replace('_', ' ')}")

        def make_post():
            cand, stage = self.election()
            code, reg = self.region()
            act = _fill(self.rng, self.rng.choice(firsts), cand, reg)
            text = act + _fill(self.rng, self.rng.choice(["", " 🙏", " 💪", " hehe", " bismillah", " ya {reg}"]),
                               cand, reg)
            return self.add(text=text, source="post", author=_author(self.rng.choice(BOUND_ROLES)),
                            created_at=self.maybe_date(stage_for(stage)), region=code, violation=True,
                            family=family, evidence=[act], origin=f"template:{family}_post",
                            note=f"bound author describes own act: {family.replace('_', ' ')}")
        self.loop(n_report, make_report)
        self.loop(n_post, make_post)

    # ---- negative templates --------------------------------------------------------------------------
    def neg_same_words(self, n, roles, kind, origin):
        def make():
            cand, stage = self.election()
            code, reg = self.region()
            phrase = self.support_phrase(cand, reg)
            text = _fill(self.rng, self.rng.choice(OPENERS), cand, reg) + phrase + \
                _fill(self.rng, self.rng.choice(TAILS), cand, reg)
            return self.add(text=text, source="post", author=_author(self.rng.choice(roles)),
                            created_at=self.maybe_date(stage), region=code, violation=False, family=None,
                            evidence=[], origin=origin, note="same partisan words, author not bound",
                            negative_kind=kind, hard_negative_of="social_media")
        self.loop(n, make)

    def neg_volunteer_acts(self, n):
        fams = ["campaign", "campaign_props", "ktp_support", "partisan_event", "party"]

        def make():
            fam = self.rng.choice(fams)
            cand, stage = self.election()
            code, reg = self.region()
            act = _fill(self.rng, self.rng.choice(FAMILY_ACTS[fam][1]), cand, reg)
            return self.add(text=act + self.rng.choice(["", " 💪", " ✊", " mantap"]), source="post",
                            author=_author(self.rng.choice(VOLUNTEER_ROLES)), created_at=self.maybe_date(stage),
                            region=code, violation=False, family=None, evidence=[],
                            origin="template:neg_volunteer_acts", note="campaign act by a volunteer or cadre",
                            negative_kind="volunteer", hard_negative_of=fam)
        self.loop(n, make)

    def neg_report_unbound(self, n):
        def make():
            fam, pattern = self.rng.choice(UNBOUND_REPORT_ACTS)
            cand, stage = self.election()
            code, reg = self.region()
            act = _fill(self.rng, pattern, cand, reg)
            text = self.rng.choice(REPORT_OPEN) + self.rng.choice(UNBOUND_REPORT_ACTORS) + " " + act + "." + \
                self.rng.choice(REPORT_TAILS)
            return self.add(text=text, source="report", author=_author(None),
                            created_at=self.maybe_date("ktp" if fam == "ktp_support" else stage), region=code,
                            violation=False, family=None, evidence=[], origin="template:neg_report_unbound",
                            note="report about someone who is not bound", negative_kind="report_unbound",
                            hard_negative_of=fam)
        self.loop(n, make)

    def neg_news(self, n):
        def make():
            code, reg = self.region()
            text = self.rng.choice(NEWS_FRAMES).format(reg=reg, x=self.rng.choice(NEWS_ACTORS),
                                                       a=self.rng.choice(NEWS_ACTS))
            return self.add(text=text, source="news", author=_author("media"),
                            created_at=self.maybe_date("pilkada_all"), region=code, violation=False, family=None,
                            evidence=[], origin="template:neg_news", note="news reporting someone else's case",
                            negative_kind="news")
        self.loop(n, make)

    def neg_simple(self, n, pool, kind, origin, roles, stage, source="post", tails=None, note=""):
        def make():
            code, reg = self.region()
            text = self.rng.choice(pool).format(reg=reg, a=self.rng.choice(REMINDER_ACTS))
            if tails:
                text += self.rng.choice(tails).format(reg=reg)
            return self.add(text=text, source=source, author=_author(self.rng.choice(roles)),
                            created_at=self.maybe_date(stage), region=code, violation=False, family=None,
                            evidence=[], origin=origin, note=note, negative_kind=kind)
        self.loop(n, make)

    # ---- hand items -----------------------------------------------------------------------------------
    def hand(self):
        for item in HAND:
            if item[0] == "P":
                _, family, who, source, date, region, text, evidence, note = item
                ok = self.add(text=text, source=source, author=_author(who), created_at=date, region=region,
                              violation=True, family=family, evidence=evidence, origin="hand", note=note)
            else:
                _, kind, who, source, date, region, text, near, note = item
                ok = self.add(text=text, source=source, author=_author(who), created_at=date, region=region,
                              violation=False, family=None, evidence=[], origin="hand", note=note,
                              negative_kind=kind, hard_negative_of=near)
            if not ok:
                raise ValueError(f"duplicate hand-written text: {text!r}")


def build() -> list[dict]:
    b = Builder()
    b.hand()
    b.sm_asn_author(95)
    b.sm_null_actor_in_text(45)
    b.sm_report(40)
    for fam in FAMILIES[1:]:
        b.family_templates(fam, n_report=14, n_post=6)
    b.neg_same_words(60, CITIZEN_ROLES, "citizen", "template:neg_citizen")
    b.neg_same_words(45, [None], "unbound_null", "template:neg_unbound_null")
    b.neg_volunteer_acts(30)
    b.neg_news(40)
    b.neg_report_unbound(50)
    bound_reminders = ["camat", "kades", "sekdes", "lurah", "guru_sd", "kepsek", "bkpsdm", "guru_pppk", "staf_kec"]
    b.neg_simple(30, REMINDER_FRAMES, "reminder", "template:neg_reminder", bound_reminders, "pilkada_all",
                 note="reminder of the neutrality rules")
    b.neg_simple(15, VOTED, "voted", "template:neg_voted", BOUND_ROLES, "vote_pilkada", tails=VOTED_TAILS,
                 note="voted post without a candidate")
    b.neg_simple(15, CIVIC, "civic", "template:neg_civic", BOUND_ROLES, "pilkada", note="neutral civic message")
    b.neg_simple(20, DUTY, "normal_duty", "template:neg_duty",
                 BOUND_ROLES, "pilkada_all", tails=["", ".", " 🙏", " Terima kasih."], note="routine duty")
    b.neg_simple(10, KPU, "kpu", "template:neg_kpu", ["kpu"], "pilkada_all", note="KPU schedule or announcement")

    items = b.items
    random.Random(SEED + 1).shuffle(items)
    out = []
    for i, item in enumerate(items, 1):
        out.append({"id": f"dev-{i:04d}", **item})
    return out


def main() -> None:
    items = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {OUT}")


if __name__ == "__main__":
    main()
