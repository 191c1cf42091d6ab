"""Supplement to the dev corpus: hand-written, FICTIONAL items about mentioning candidates without supporting them.

Written by the screening engineer (one sentence each, written individually) after the first measurement on the
real labelled texts showed that the dev corpus has almost no neutral mentions of candidate pairs (news
headlines, news shares with topical hashtags, criticism, questions, posts naming every pair) and few support
hashtags. No text was copied or adapted from the shared real data sets; names are the dev corpus's fictional
pairs and the demo registry's fictional Kukar pairs. Labels follow the dev corpus README's labelling rule;
``author.is_asn`` is true for most items, so a violation depends on the text alone.

Run ``python lab/screening/corpus/build_supplement.py`` to rewrite ``supplement.jsonl`` (deterministic).
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("supplement.jsonl")

ASN_ROLES = ["Guru SD Negeri", "Staf Dinas Kesehatan", "Guru PPPK", "Staf Kantor Kecamatan", "Perawat Puskesmas",
             "Dosen PNS", "Staf Bappeda", "Kepala Desa", "Sekretaris Desa", None]

# (text, negative kind) -- not violations even from a bound author: reporting, sharing news, criticism,
# questions, posts naming every pair, everyday uses of numbers and hand signs.
NEGATIVES: list[tuple[str, str]] = [
    ("Survei LKN: Elektabilitas Hendra–Wulan Teratas, Budi–Sari Membuntuti", "news"),
    ("Darmawan-Kirana Absen dalam Diskusi Publik soal Lingkungan, Ini Alasannya", "news"),
    ("Tim Pemenangan Santoso–Melati Laporkan Akun Penyebar Hoaks ke Polisi", "news"),
    ("Kubu Yusuf–Ratna Tanggapi Sindiran Soal Program Makan Gratis", "news"),
    ("Bawaslu Jepara Telusuri Dugaan Kampanye Terselubung Tim Budi-Sari", "news"),
    ("Wirawan Kunjungi Pasar Induk, Pedagang Curhat Harga Cabai", "news"),
    ("Hasil Hitung Cepat: Teguh–Maya Unggul Tipis di Kalimantan Timur", "news"),
    ("Debat Kedua Cagub: Rahmat-Lina dan Teguh-Maya Adu Gagasan Soal Tambang", "news"),
    ("Ini Daftar Program Unggulan Fajar–Nita untuk Kukar", "news"),
    ("Bayu-Indah Resmi Daftar ke KPU Kukar Diantar Ribuan Pendukung", "news"),
    ("Pengamat: Dukungan Ormas ke Darmawan–Kirana Belum Tentu Jadi Suara", "news"),
    ("Anggaran Program Susu Gratis Santoso–Melati Dipertanyakan Ekonom", "news"),
    ("Jadwal Kampanye Hari Ini: Hendra-Wulan di Kecamatan Mlonggo, Yusuf-Ratna di Bangsri", "news"),
    ("Relawan Wirawan Gelar Deklarasi di Semarang, Ribuan Orang Hadir", "news"),
    ("Elektabilitas Darmawan-Kirana Naik Usai Debat, Ini Kata Peneliti", "news"),
    ("Partai Karya Bangsa Resmi Usung Budi–Sari di Pilkada Jepara", "news"),
    ("Gunawan–Tari Serahkan 40 Ribu Dukungan KTP ke KPU", "news"),
    ("Viral Video Anak-anak Dilibatkan Kampanye Santoso–Melati, Bawaslu Turun Tangan", "news"),
    ("Tabloid Berisi Promosi Wirawan Beredar di Masjid, Panwascam Sita 300 Eksemplar", "news"),
    ("Camat di Kukar Diperiksa Bawaslu Usai Foto Bersama Bayu–Indah Viral", "news"),
    ("Kades se-Kabupaten Diundang Makan Malam Tim Hendra–Wulan, Bawaslu Lakukan Penelusuran", "news"),
    ("Soal Isu Mundur dari Jabatan, Begini Jawaban Tim Darto–Intan", "news"),
    ("Juru Bicara Teguh-Maya: Kami Tidak Pernah Libatkan ASN", "news"),
    ("Tiga Paslon Bupati Jepara Tandatangani Deklarasi Kampanye Damai", "news"),
    ("Pendukung Yusuf–Ratna dan Budi–Sari Sempat Bersitegang di Alun-alun", "news"),
    ("Guru PNS di Jepara Diperiksa Usai Unggah Foto Pose Dua Jari bersama Budi–Sari", "news"),
    ("Perangkat Desa Dukung Hendra–Wulan Dinilai Langgar Netralitas, Bawaslu Proses Laporan", "news"),
    ("ASN Hadiri Kampanye Santoso–Melati di Banjarbaru, Bawaslu Kumpulkan Bukti", "news"),
    ("Wirawan Siap Menang di NTB, Ketua Tim Sebut Target 60 Persen", "news"),
    ("Darmawan–Kirana Dinilai Unggul di Kalangan Pemilih Muda, Ini Analisisnya", "news"),
    ("Ribuan Nelayan Deklarasi Dukung Santoso–Melati di Pelabuhan Ratu", "news"),
    ("Mengenal Program Prioritas Teguh-Maya: Beasiswa, Jalan Desa dan Air Bersih", "news"),
    ("Santoso: Kami Akan Lanjutkan Program yang Sudah Baik", "news"),
    ("Survei terbaru: Darmawan-Kirana 41%, Santoso-Melati 30% https://t.co/abcd1234 #pilpres #berita #politik",
     "news_share"),
    ("Hendra–Wulan janjikan 1.000 beasiswa, simak selengkapnya https://t.co/x1y2z3 #pilkadajepara #news",
     "news_share"),
    ("Tim Wirawan bantah tudingan pakai fasilitas negara https://t.co/q9w8e7 #pemilu2024 #beritaterkini",
     "news_share"),
    ("Budi-Sari kampanye di pasar Pecangaan pagi ini - Kabar Jepara https://t.co/aaa111", "news_share"),
    ("Baca: rekam jejak Teguh–Maya sebelum maju cagub https://t.co/bbb222 #kaltim #pilkada2024 #teguhmaya "
     "#rahmatlina", "news_share"),
    ("#News #PilkadaKukar Fajar–Nita dan Bayu–Indah saling sindir soal jalan rusak https://t.co/ccc333",
     "news_share"),
    ("Live sekarang: debat publik ketiga capres Darmawan, Santoso, Wirawan https://t.co/ddd444 #debatcapres",
     "news_share"),
    ("Ekonom kritik skema pembiayaan program Santoso-Melati https://t.co/eee555 #ekonomi #pemilu2024",
     "news_share"),
    ("Bawaslu temukan 12 baliho Hendra–Wulan di pohon pelindung https://t.co/fff666 #pilkadajepara", "news_share"),
    ("Kabar Kukar: Darto-Intan resmi terima rekomendasi partai https://t.co/ggg777", "news_share"),
    ("Wawancara lengkap dengan Bu Kirana soal pendidikan anak https://t.co/hhh888 #darmawankirana #pemilu",
     "news_share"),
    ("Hendra–Wulan janji jalan mulus, tapi jalan desa sy masih kubangan kerbau. Kita lihat aja nanti.",
     "criticism"),
    ("Kok tim Budi-Sari diem aja ya soal hoaks yg disebar akun2 pendukungnya?", "criticism"),
    ("Debat semalam Yusuf–Ratna banyak ngeles, jujur kecewa sama jawabannya", "criticism"),
    ("Program Santoso-Melati itu duitnya dari mana sih? Penasaran aja", "criticism"),
    ("Wirawan–Ayu makin sering muncul di TV, iklannya di mana2 😅", "criticism"),
    ("Dulu benci, sekarang dukung. Politik memang lucu ya, lihat aja pendukung Darmawan–Kirana", "criticism"),
    ("Baliho Teguh–Maya sampe nutupin rambu jalan, tolong ditertibkan lah", "criticism"),
    ("Kalian yg dukung Budi–Sari kenapa sih baperan banget dikritik dikit", "criticism"),
    ("Aneh, kampanye Hendra–Wulan kemarin sepi tapi surveinya naik terus", "criticism"),
    ("Pendukung 01 vs pendukung 02 ribut lagi di grup RT, capek bacanya 🙄", "criticism"),
    ("Bosen liat timeline isinya Rahmat–Lina vs Teguh–Maya terus", "criticism"),
    ("Anak2 muda sekarang pada ngomongin Fajar-Nita, emang programnya apa aja sih?", "criticism"),
    ("Santoso–Melati gak datang di acara diskusi kampus. Kenapa ya?", "criticism"),
    ("Kadang mikir, yg bikin meme Darmawan itu timnya sendiri atau lawannya 🤣", "criticism"),
    ("Siapa pun yg menang, Budi–Sari atau Hendra–Wulan, tolong pasar Jepara dibenahi", "criticism"),
    ("Wirawan–Ayu seharusnya jelaskan dulu dari mana dana programnya sebelum janji macam2", "criticism"),
    ("Akun2 buzzer Santoso-Melati makin brutal, sampai ngatain orang yg cuma nanya", "criticism"),
    ("Ketiga paslon Hendra–Wulan, Budi–Sari, Yusuf–Ratna sama2 janji pendidikan gratis. Silakan nilai sendiri.",
     "all_pairs"),
    ("Visi misi Darmawan–Kirana, Santoso–Melati dan Wirawan–Ayu sudah bisa dibaca di situs KPU", "all_pairs"),
    ("#pilkadajepara #hendrawulan #budisari #yusufratna jadwal debat besok malam jam 19.00", "all_pairs"),
    ("Rekap nomor urut: 01 Hendra–Wulan, 02 Budi–Sari, 03 Yusuf–Ratna. Pilih sesuai hati ya.", "all_pairs"),
    ("Nonton debat bareng keluarga, seru adu gagasan Fajar–Nita vs Bayu–Indah 🍿", "all_pairs"),
    ("Mau 01, 02 atau 03 bebas, yg penting jangan golput dan jangan saling hujat", "all_pairs"),
    ("Peace ✌️ habis UTS langsung healing ke pantai", "not_election"),
    ("Dapat nomor antrean 02 di bank, lumayan cepet", "not_election"),
    ("Rapat koordinasi jam 02.00 siang di aula, mohon hadir tepat waktu", "not_election"),
    ("Alhamdulillah anak kedua lahir 02/11 jam 03.15, mohon doanya ✌️", "not_election"),
    ("Skor akhir 2-1, tim desa kami juara! ☝️", "not_election"),
]

# (text, family) -- violations when the author is bound: support hashtags, praise with a call, buzzer lines,
# campaigning against a pair.
POSITIVES: list[tuple[str, str]] = [
    ("Pagi yg cerah, makin yakin #HendraWulan2024 🔥", "social_media"),
    ("Bismillah #BudiSariMenang #JeparaMajuBareng", "social_media"),
    ("Gaspol sampai 27 November! #YusufRatnaSatuPutaran", "social_media"),
    ("Programnya jelas, orangnya jujur. #DarmawanKirana2024 #LanjutkanPerubahan", "social_media"),
    ("Gak ada yg bisa ngalahin Santoso–Melati, fix menang! #SantosoMelatiIstimewa", "social_media"),
    ("Generasi muda pilih Wirawan–Ayu 💪 #WirawanAyu2024 #AnakMudaBergerak", "social_media"),
    ("Kerja nyata, bukan janji. Teguh–Maya untuk Kaltim! #TeguhMaya2024", "social_media"),
    ("Salam dua jari ✌️ #BudiSari", "social_media"),
    ("Kalau mau Kukar maju, jawabannya Fajar–Nita. #FajarNitaMenang", "social_media"),
    ("Hidup Darmawan–Kirana!!! Presiden kita 2024 🇮🇩", "social_media"),
    ("Yakin Hendra–Wulan menang satu putaran, ayo kawal sampai TPS ☝️", "social_media"),
    ("Sudah saatnya Kukar dipimpin Bayu–Indah. Setuju? RT kalau setuju! #BayuIndahMenang", "social_media"),
    ("#SantosoMelati #SantosoPresiden #IndonesiaLebihBaik #MenangSatuPutaran #Santoso2024", "social_media"),
    ("Santoso–Melati itu paket komplit: tegas dan merakyat 😍 #SantosoMelati2024", "social_media"),
    ("Buat yg masih bingung, pilihan terbaik cuma satu: nomor 3 Yusuf–Ratna 🤟", "social_media"),
    ("Jangan pilih Budi–Sari, programnya cuma omon2. #TolakBudiSari", "social_media"),
    ("Asal bukan Darmawan! Cancel aja dia 🙅", "social_media"),
    ("Pemimpin muda yg merakyat, Wirawan layak jadi presiden! #WirawanPresiden", "social_media"),
    ("Terbukti kerja nyata, Teguh–Maya tuai dukungan nelayan. Kita menangkan bersama! #TeguhMaya",
     "social_media"),
    ("Kampanye akbar Hendra–Wulan hari ini luar biasa, ayo merapat semua 🔥 #HWMenang", "social_media"),
    ("Ramai2 kita coblos Darto–Intan, Kukar Hebat Merata! 🙌", "social_media"),
    ("#DarmawanKirana2024 #DarmawanKiranaMenang #CoblosNomor1 #IndonesiaMaju2045", "social_media"),
    ("Makin mantap dukung Santoso–Melati setelah nonton debat tadi malam 👏", "social_media"),
    ("Love banget sama Bu Wulan, pemimpin perempuan yg tegas 💕 #HendraWulan", "social_media"),
    ("Kalo bukan Yusuf–Ratna, siapa lagi? Gas terus! #YuRaMenang", "social_media"),
    ("Ayo dukung Budi–Sari demi Jepara yg maju bareng 🙏", "social_media"),
    ("Udah fix nomor 2! Santoso–Melati sat set 💪", "social_media"),
    ("Semangat relawan Wirawan–Ayu, tinggal 10 hari lagi, menangkan! ✊", "social_media"),
    ("Ini baru pemimpin, Darmawan–Kirana sat set bukan omon omon 🔥 #DarmawanKirana", "social_media"),
    ("Terima kasih Pak Hendra sudah perhatikan guru honorer, kami siap menangkan!", "social_media"),
    ("Santoso-Melati jelas paling pantas memimpin negeri ini #IndonesiaLebihBaik", "social_media"),
    ("Pilih yg sudah terbukti: Teguh–Maya, lanjutkan!", "social_media"),
    ("Ayo ramaikan tagar #BayuIndahUntukKukar, tunjukkan kekuatan kita!", "social_media"),
    ("Yang lain cuma janji, Darto–Intan sudah bukti. Coblos no 3!", "social_media"),
    ("Satu putaran saja! #FajarNitaSatuPutaran #KukarBangkitBersama", "social_media"),
    ("Pak Darmawan presidenku, gak ada obat 😍😍 #Darmawan2024", "social_media"),
    ("Makin cinta sama Santoso-Melati, semoga menang ya Allah 🤲 #SantosoMelati2024", "social_media"),
    ("Wirawan–Ayu the best, yg lain lewat 😎", "social_media"),
    ("Warga Muara Badak solid untuk Bayu–Indah! Menang! Menang! #BayuIndahMenang", "social_media"),
    ("Tinggal seminggu, jangan kasih kendor! Hendra–Wulan pasti menang ☝️☝️", "social_media"),
    ("Lihat sendiri, Santoso–Melati paling siap memimpin. Tonton sampai habis ya https://t.co/k1l2m3",
     "social_media"),
    ("Ayo menangkan Budi–Sari! Ini videonya, sebarkan ke grup keluarga https://t.co/n4o5p6 #BudiSariMenang",
     "social_media"),
    ("Programnya masuk akal semua, yakin pilih Darmawan–Kirana 👍 https://t.co/q7r8s9", "social_media"),
    ("Wajib nonton! Bukti Teguh–Maya kerja nyata untuk nelayan https://t.co/t1u2v3 #TeguhMaya2024",
     "social_media"),
    ("Fix no 2 ✌️ Santoso–Melati, dengerin orasinya di sini https://t.co/w4x5y6", "social_media"),
    ("Kita satu suara untuk Fajar–Nita, Kukar Bangkit Bersama! https://t.co/z7a8b9", "social_media"),
    ("Makin mantap dengan Wirawan–Ayu setelah baca visi misinya, kalian wajib baca https://t.co/c1d2e3",
     "social_media"),
    ("Warga desa kami sepakat, Yusuf–Ratna yang terbaik! 🤟 https://t.co/f4g5h6 #YuRaMenang", "social_media"),
]


def build() -> list[dict]:
    out = []
    n = 0
    for k, (text, kind) in enumerate(NEGATIVES):
        n += 1
        out.append(_item(n, text, False, None, kind, ASN_ROLES[k % len(ASN_ROLES)]))
    for k, (text, family) in enumerate(POSITIVES):
        n += 1
        out.append(_item(n, text, True, family, None, ASN_ROLES[(k + 3) % len(ASN_ROLES)]))
    return out


def _item(n: int, text: str, violation: bool, family: str | None, kind: str | None, role: str | None) -> dict:
    village = role in ("Kepala Desa", "Sekretaris Desa")
    return {
        "id": f"sup-{n:04d}", "text": text, "source": "post",
        "author": {"is_asn": True, "role": role, "bound_as": "village" if village else "PNS"},
        "created_at": None, "region": None, "violation": violation, "family": family, "rules": [],
        "evidence": [], "label_note": "hand (supplement)", "origin": "supplement",
        "negative_kind": kind, "hard_negative_of": None,
    }


def main() -> None:
    items = build()
    texts = [i["text"] for i in items]
    assert len(set(texts)) == len(texts), "duplicate text"
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {OUT}")


if __name__ == "__main__":
    main()
