"""Hand-written items of the development corpus (each sentence written individually, not template-expanded).

All people, villages below regency level, candidates and parties here are fictional; regency codes are real
(Kemendagri).  ``build_dev_corpus.py`` turns these tuples into corpus records and checks every evidence string
is a substring of its text.

P(family, who, source, date, region, text, evidence, note)  -> a violation
N(kind, who, source, date, region, text, note, near=None)    -> not a violation ("kind" says which sort of
                                                                 hard negative; "near" the family it imitates)
"""

from __future__ import annotations

# role key -> (role text, is_asn, bound_as).  is_asn is True for everyone bound by the neutrality rules this
# screener enforces: PNS, PPPK, and village heads / village officials / BPD members (bound_as = "village").
ROLES: dict[str | None, tuple[str | None, bool | None, str | None]] = {
    None: (None, None, None),
    "guru_sd": ("Guru SD Negeri", True, "PNS"),
    "guru_smp": ("Guru SMP Negeri", True, "PNS"),
    "guru_sma": ("Guru SMA Negeri", True, "PNS"),
    "guru_pppk": ("Guru PPPK", True, "PPPK"),
    "kepsek": ("Kepala Sekolah SD Negeri", True, "PNS"),
    "kepsek_smp": ("Kepala SMP Negeri", True, "PNS"),
    "camat": ("Camat", True, "PNS"),
    "sekcam": ("Sekretaris Camat", True, "PNS"),
    "lurah": ("Lurah", True, "PNS"),
    "kades": ("Kepala Desa", True, "village"),
    "sekdes": ("Sekretaris Desa", True, "village"),
    "perangkat": ("Perangkat Desa (Kaur Keuangan)", True, "village"),
    "kasi_pem": ("Perangkat Desa (Kasi Pemerintahan)", True, "village"),
    "kadus": ("Kepala Dusun", True, "village"),
    "bpd": ("Anggota BPD", True, "village"),
    "bidan_pppk": ("Bidan Desa (PPPK)", True, "PPPK"),
    "bidan": ("Bidan Puskesmas", True, "PNS"),
    "perawat": ("Perawat Puskesmas", True, "PNS"),
    "perawat_pppk": ("Perawat (PPPK)", True, "PPPK"),
    "dokter": ("Dokter RSUD", True, "PNS"),
    "kapus": ("Kepala Puskesmas", True, "PNS"),
    "dinkes": ("Staf Dinas Kesehatan", True, "PNS"),
    "dukcapil": ("Staf Disdukcapil", True, "PNS"),
    "satpolpp": ("Anggota Satpol PP", True, "PNS"),
    "penyuluh_pppk": ("Penyuluh Pertanian (PPPK)", True, "PPPK"),
    "penyuluh_kb": ("Penyuluh KB", True, "PNS"),
    "dosen": ("Dosen PNS", True, "PNS"),
    "kua": ("Penghulu KUA", True, "PNS"),
    "penyuluh_agama": ("Penyuluh Agama Islam", True, "PNS"),
    "staf_kec": ("Staf Kantor Kecamatan", True, "PNS"),
    "bpkad": ("Staf BPKAD", True, "PNS"),
    "bappeda": ("Staf Bappeda", True, "PNS"),
    "dishub": ("Staf Dinas Perhubungan", True, "PNS"),
    "dinsos": ("Staf Dinas Sosial", True, "PNS"),
    "pupr": ("Staf Dinas PUPR", True, "PNS"),
    "kabid_dik": ("Kepala Bidang Dinas Pendidikan", True, "PNS"),
    "kominfo": ("Staf Diskominfo", True, "PNS"),
    "bkpsdm": ("Staf BKPSDM", True, "PNS"),
    "umum": ("Staf Bagian Umum Setda", True, "PNS"),
    "humas_bawaslu": ("Staf Humas Sekretariat Bawaslu", True, "PNS"),
    # not bound by the neutrality rules
    "mhs": ("Mahasiswa", False, None),
    "pedagang": ("Pedagang pasar", False, None),
    "irt": ("Ibu rumah tangga", False, None),
    "ojol": ("Pengemudi ojek online", False, None),
    "petani": ("Petani", False, None),
    "karyawan": ("Karyawan swasta", False, None),
    "nelayan": ("Nelayan", False, None),
    "wiraswasta": ("Wiraswasta", False, None),
    "pensiunan": ("Pensiunan PNS", False, None),
    "kreator": ("Kreator konten", False, None),
    "buruh": ("Buruh pabrik", False, None),
    "guru_swasta": ("Guru madrasah swasta", False, None),
    "umkm": ("Pelaku UMKM", False, None),
    "relawan": ("Relawan pasangan calon", False, None),
    "timses": ("Tim kampanye pasangan calon", False, None),
    "caleg": ("Calon anggota DPRD", False, None),
    "kader": ("Kader partai", False, None),
    "saksi": ("Saksi pasangan calon", False, None),
    "jubir": ("Juru bicara tim kampanye", False, None),
    "calon": ("Calon kepala daerah", False, None),
    "calon_wakil": ("Calon wakil kepala daerah", False, None),
    "calon_perseorangan": ("Calon perseorangan", False, None),
    "caleg_dpr": ("Calon anggota DPR RI", False, None),
    "media": ("Redaksi media", False, None),
    "bawaslu": ("Akun resmi Bawaslu", False, None),
    "kpu": ("Akun resmi KPU", False, None),
}

HAND: list[tuple] = []


def P(family, who, source, date, region, text, evidence, note):
    HAND.append(("P", family, who, source, date, region, text, list(evidence), note))


def N(kind, who, source, date, region, text, note, near=None):
    HAND.append(("N", kind, who, source, date, region, text, near, note))


# ---------------------------------------------------------------------------------------------------------
# social_media positives
# ---------------------------------------------------------------------------------------------------------
SM = "social_media"
P(SM, "guru_sd", "post", "2024-10-12", "33.20",
  "Bismillah, sbg guru aku cuma bisa titip doa semoga Budi–Sari nomor urut 2 menang di Jepara 🤲✌️ #BudiSariJepara",
  ["Budi–Sari nomor urut 2 menang", "#BudiSariJepara"], "ASN author prays publicly for paslon 02 to win, support hashtag")
P(SM, "camat", "post", "2024-10-20", "33.18",
  "Mantappp acara jalan sehat tadi pagi, rame bgt. Salam dua jari utk Pati yg lebih maju ✌️✌️",
  ["Salam dua jari utk Pati yg lebih maju"], "camat posts the ballot-number hand greeting during the campaign")
P(SM, "bidan_pppk", "post", "2024-11-02", "64.02",
  "Ibu2 jgn lupa ya 27 November coblos no 3, Yusuf–Ratna peduli posyandu 💚 #Kukar03",
  ["coblos no 3", "#Kukar03"], "PPPK midwife calls mothers to vote no 3")
P(SM, "kades", "post", "2024-10-28", "33.19",
  "Warga desa yg sy cintai, mari kita kawal paslon 01 Hendra–Wulan sampai menang. Kades ikut bangga 👍",
  ["mari kita kawal paslon 01 Hendra–Wulan sampai menang", "Kades"], "village head calls villagers to back paslon 01")
P(SM, None, "post", "2024-10-15", "33.21",
  "Sebagai guru PNS saya dukung paslon 2, krn programnya jelas buat guru honorer. Gak usah takut bilang dukung!",
  ["Sebagai guru PNS", "saya dukung paslon 2"], "author unknown but says they are a PNS teacher supporting paslon 2")
P(SM, None, "post", "2024-11-05", "35.78",
  "NIP sy 19850312 201001 1 004, tp hak politik tetap dong. Pokoknya all in 01 Hendra–Wulan!!",
  ["NIP sy 19850312 201001 1 004", "all in 01 Hendra–Wulan"], "NIP in text marks a civil servant; open support for 01")
P(SM, "dinkes", "post", "2024-10-09", "32.73",
  "like & share yaa postingan tim pemenangan Budi–Sari ini, biar makin viral 🔥",
  ["like & share yaa postingan tim pemenangan Budi–Sari"], "ASN asks others to like and share the winning team's post")
P(SM, "perangkat", "post", "2024-10-18", "33.24",
  "Foto bareng calon bupati nomor urut 3 Pak Yusuf pas mampir ke warung kopi, sambil salam 3 jari 🤟 hehe",
  ["Foto bareng calon bupati nomor urut 3", "salam 3 jari"], "village official posts photo with candidate and hand sign")
P(SM, "penyuluh_pppk", "post", "2024-10-22", "35.09",
  "Petani butuh pemimpin yg ngerti sawah. Pilihanku jelas: paslon #2 👌 #TaniMaju02",
  ["Pilihanku jelas: paslon #2", "#TaniMaju02"], "PPPK extension worker declares choice paslon #2")
P(SM, "guru_pppk", "post", "2024-11-10", "35.07",
  "Status WA: Tgl 27 nanti jgn salah pilih ya rek, nomer siji Hendra–Wulan ☝️☝️",
  ["nomer siji Hendra–Wulan", "☝️☝️"], "WhatsApp status with Javanese 'number one' and one-finger sign")
P(SM, "lurah", "post", "2024-10-03", "73.71",
  "Terima kasih Pak Budi sdh hadir di kelurahan kami, semoga amanah & menang nomor urut 02 💪",
  ["semoga amanah & menang nomor urut 02"], "lurah wishes candidate 02 victory on social media")
P(SM, "dosen", "post", "2024-11-07", "34.04",
  "Debat semalam jelas bgt, paslon 03 paling siap. Udah fix pilih Yusuf–Ratna, yg lain cuma retorika",
  ["Udah fix pilih Yusuf–Ratna"], "PNS lecturer announces vote for 03")
P(SM, "satpolpp", "post", "2024-10-01", "33.74",
  "ganti foto profil pake twibbon Budi–Sari dulu ahh 😎 #LanjutkanBudiSari",
  ["ganti foto profil pake twibbon Budi–Sari", "#LanjutkanBudiSari"], "campaign twibbon as profile picture")
P(SM, None, "post", "2024-11-12", "33.22",
  "Aku ASN di Pemkab, tp hati ini tetep buat 01. Jangan bilang2 atasan ya 🤫☝️",
  ["Aku ASN di Pemkab", "hati ini tetep buat 01"], "self-declared ASN posts support for 01")
P(SM, "perawat", "post", "2024-01-08", "33.72",
  "Udh nonton debat capres? Makin mantep sama Darmawan–Kirana nomor 2 ✌️ #Kirana2024",
  ["Makin mantep sama Darmawan–Kirana nomor 2", "#Kirana2024"], "Pemilu 2024: ASN nurse backs presidential pair 2")
P(SM, "kepsek_smp", "post", "2024-10-25", "35.15",
  "Siap menangkan Hendra–Wulan Pak!! Keluarga besar sekolah kami solid 🔥 (komentar di IG @timhendrawulan)",
  ["Siap menangkan Hendra–Wulan Pak!!"], "head teacher comments support on the campaign team's account")
P(SM, "sekdes", "post", "2024-10-14", "33.20",
  "Repost dr grup relawan: 'Budi–Sari nomor urut 2, bukti bukan janji.' Setuju 100% 👍",
  ["Budi–Sari nomor urut 2, bukti bukan janji.", "Setuju 100%"], "village secretary reposts volunteer slogan and agrees")
P(SM, None, "post", "2024-11-16", "33.18",
  "Selaku kepala dusun saya ajak warga RT 03 & 04, pilih paslon nomor 3 yg sudah terbukti peduli",
  ["Selaku kepala dusun", "pilih paslon nomor 3"], "author identifies as kepala dusun and calls to vote 3")
P(SM, "dukcapil", "post", "2024-10-07", "32.04",
  "yg blm follow akun @budisari.official buruan follow gaes, kontennya edukatif bgt",
  ["yg blm follow akun @budisari.official buruan follow"], "ASN promotes following the candidate account")
P(SM, "guru_sd", "post", "2024-01-20", "35.73",
  "Anak2 muridku pasti paham, angka 1 itu angka juara 😁☝️ #Wirawan01 #pilpres2024",
  ["#Wirawan01", "☝️"], "Pemilu 2024: teacher's post pairs one-finger sign with candidate hashtag")
P(SM, None, "post", "2024-11-01", "91.71",
  "PNS jg manusia, boleh dong punya jagoan. Jagoanku tetap Yusuf–Ratna no 3, titik.",
  ["PNS jg manusia", "Jagoanku tetap Yusuf–Ratna no 3"], "author implies being PNS and names a favourite")
P(SM, "bidan_pppk", "post", "2024-10-30", "33.26",
  "Caption TikTok: gemoyy bgt calon wakil bupati kita Bu Sari 😍 nomor 2 pokoknya!! #fyp #BudiSari",
  ["nomor 2 pokoknya!!", "#BudiSari"], "TikTok caption praising the running mate and number 2")
P(SM, "kades", "post", "2024-10-11", "64.02",
  "Alhamdulillah Desa kami siap 100% menangkan calon gubernur Teguh–Maya nomor urut 2. Salam dua jari dari balai desa ✌️",
  ["siap 100% menangkan calon gubernur Teguh–Maya nomor urut 2", "Salam dua jari"], "village head pledges village to win 02")
P(SM, None, "post", "2024-09-24", "33.17",
  "Sebagai anggota BPD sy ucapkan selamat utk Hendra–Wulan yg dpt nomor urut 1, semoga jadi nomor 1 di hati warga ☝️",
  ["Sebagai anggota BPD", "semoga jadi nomor 1 di hati warga"], "BPD member congratulates and wishes victory to 01")
P(SM, "kua", "post", "2024-11-08", "35.26",
  "Yang gak pilih 02 nanti nyesel lho 😜✌️",
  ["Yang gak pilih 02 nanti nyesel"], "ASN urges voting 02 by warning others")
P(SM, "bpkad", "post", "2024-11-18", "33.74",
  "Sharing video orasi Pak Hendra di kampanye akbar kemarin. Merinding! Ayo menangkan 01 ☝️☝️",
  ["Ayo menangkan 01"], "shares campaign speech and calls to win 01")
P(SM, "guru_sma", "post", "2024-11-04", "32.09",
  "Paslon 01 omong doang, liat aja track recordnya. Mending pilih yg jelas kerja nyata, nomor 3 👌",
  ["Mending pilih yg jelas kerja nyata, nomor 3"], "attacks 01 and urges voting 3")
P(SM, "dinkes", "post", "2024-10-19", "73.71",
  "Like dulu postingan Pak Yusuf soal beasiswa, auto share ke grup alumni 👍 #YusufRatna03",
  ["auto share ke grup alumni", "#YusufRatna03"], "likes and shares candidate content")
P(SM, None, "post", "2024-11-20", "36.03",
  "Maaf bpk/ibu, sy PPPK guru tp tetep mau bilang: 27 Nov coblos Budi–Sari!! ✌️",
  ["sy PPPK guru", "27 Nov coblos Budi–Sari!!"], "self-declared PPPK teacher calls to vote")
P(SM, "pupr", "post", "2024-01-15", "33.74",
  "Sudah waktunya perubahan, pilih 01 Pak Wirawan! Salam satu jari ☝️",
  ["pilih 01 Pak Wirawan!", "Salam satu jari"], "Pemilu 2024: PUPR staff calls to vote 01")
P(SM, "kades", "post", "2024-02-03", "33.20",
  "Mohon doa & dukungan utk adik kami Bu Ningsih caleg DPRD dapil 3 Partai Karya Bangsa nomor urut 5. Coblos ya 🙏",
  ["Mohon doa & dukungan utk adik kami Bu Ningsih caleg DPRD", "Coblos ya"], "Pemilu 2024: village head campaigns for a legislative candidate")
P(SM, "perangkat", "post", "2024-10-27", "35.06",
  "Story IG: pake kaos Hendra–Wulan di acara jalan santai, pose ☝️ bareng timses",
  ["pake kaos Hendra–Wulan", "pose ☝️ bareng timses"], "story photo in campaign shirt with team and hand sign")
P(SM, None, "report", "2024-10-21", "33.18",
  "Pak Camat kami posting foto bareng calon bupati nomor 2 di FB pribadinya, caption 'lanjutkan!'",
  ["Pak Camat kami posting foto bareng calon bupati nomor 2", "lanjutkan!"], "report: camat posts partisan photo")
P(SM, None, "report", "2024-11-06", "35.07",
  "Lapor, ada guru PNS di salah satu SMP negeri yg tiap hari bikin status WA ajakan pilih paslon 01. Screenshot terlampir.",
  ["guru PNS", "bikin status WA ajakan pilih paslon 01"], "report: PNS teacher's WA status campaigning")
P(SM, None, "report", "2024-10-16", "32.05",
  "Kepala desa kami share poster Budi–Sari nomor urut 2 di grup WA warga, tulisannya 'wajib coblos'.",
  ["Kepala desa kami share poster Budi–Sari nomor urut 2", "wajib coblos"], "report: village head shares campaign poster")
P(SM, None, "report", "2024-11-09", "19.04",
  "Akun FB milik sekdes di desa kami jadi admin grup 'Relawan Yusuf–Ratna Menang', postingannya ajakan milih nomor 3 terus.",
  ["sekdes di desa kami jadi admin grup 'Relawan Yusuf–Ratna Menang'", "ajakan milih nomor 3"], "report: village secretary admins volunteer group")
P(SM, "bidan", "post", "2024-10-23", "64.71",
  "Yuk bu ibu, kita dukung calon gubernur perempuan Bu Maya nomor 2, biar kebijakan kesehatan ibu anak makin oke ✌️💕",
  ["kita dukung calon gubernur perempuan Bu Maya nomor 2"], "ASN midwife calls to support 02")
P(SM, "lurah", "post", "2023-12-12", "35.78",
  "Alhamdulillah, capres nomor 2 Pak Darmawan janji lanjutkan dana kelurahan. Wajib menang! ✌️",
  ["Wajib menang!", "capres nomor 2 Pak Darmawan"], "Pemilu 2024: lurah backs presidential candidate 2")
P(SM, "kapus", "post", "2024-10-29", "33.02",
  "hari ini ulang tahun Pak Hendra, calon bupati kita. Barakallah pak, semoga menang 27 November ☝️🎂",
  ["semoga menang 27 November"], "head of puskesmas wishes the candidate victory")
P(SM, "penyuluh_agama", "post", "2024-11-11", "35.11",
  "Retweet: 'Santri pilih 03 Yusuf–Ratna' 🔁 setuju bgt",
  ["'Santri pilih 03 Yusuf–Ratna'", "setuju bgt"], "retweets a call to vote 03 and agrees")
P(SM, "guru_pppk", "post", "2024-10-26", "33.28",
  "Duet maut Budi–Sari 🔥🔥 joget bareng anak2 kelas (ups) ✌️ #nomor2 #pilkada2024",
  ["Duet maut Budi–Sari", "#nomor2"], "TikTok-style support post with ballot hashtag")
P(SM, None, "post", "2024-11-13", "73.71",
  "Tdk ada larangan ASN milih kok, dan pilihan sy sbg abdi negara: paslon 02. Titik.",
  ["pilihan sy sbg abdi negara: paslon 02"], "'abdi negara' self-description with public choice")
P(SM, "staf_kec", "post", "2024-10-02", "33.15",
  "Pasang bingkai foto profil 'Saya Pilih 01' sampe tanggal 27 😁",
  ["'Saya Pilih 01'"], "profile frame declaring support")
P(SM, "kades", "post", "2024-11-03", "33.09",
  "Video call sama Pak Budi tadi, beliau titip salam ke warga. Ayo warga desa kita merapat ke 02 ✌️",
  ["Ayo warga desa kita merapat ke 02"], "village head calls villagers to 02")
P(SM, "kasi_pem", "post", "2024-10-17", "33.03",
  "Grup WA 'Perangkat Desa Se-Kecamatan': monggo rekan2, kita solid dukung Hendra–Wulan, share flyer ini ke warga masing2",
  ["kita solid dukung Hendra–Wulan", "share flyer ini ke warga masing2"], "village official spreads support in a WA group")
P(SM, "guru_smp", "post", "2024-01-29", "35.73",
  "Yg bilang 03 gak punya program, baca dulu nih thread-nya. Pilih Santoso–Melati 3️⃣ #03Menang",
  ["Pilih Santoso–Melati", "#03Menang"], "Pemilu 2024: PNS teacher campaigns for pair 03")
P(SM, "dosen", "post", "2024-11-14", "32.73",
  "Proud to endorse Hendra–Wulan (01) for a better Kota Bandung. Let's vote 01!",
  ["Proud to endorse Hendra–Wulan (01)", "Let's vote 01!"], "English-language endorsement by a PNS lecturer")
P(SM, "penyuluh_kb", "post", "2024-11-21", "33.16",
  "Hidup Budi–Sari!!! Gaspol nomor 2 sampe TPS 🚀",
  ["Hidup Budi–Sari!!!", "Gaspol nomor 2"], "cheer for 02")
P(SM, "perangkat", "post", "2024-11-17", "52.03",
  "Kata siapa nomor 3 lemah? Liat massa kampanye td sore, luber! Yusuf–Ratna menang!!",
  ["Yusuf–Ratna menang!!"], "village official cheers 03")
P(SM, "perawat_pppk", "post", "2024-11-19", "51.71",
  "Gak usah ragu, 27/11 coblos yg ke-1 ☝️ Hendra–Wulan utk kesehatan gratis",
  ["27/11 coblos yg ke-1", "Hendra–Wulan utk kesehatan gratis"], "PPPK nurse calls to vote 01")
P(SM, None, "post", "2024-10-24", "33.18",
  "Aku pegawai kecamatan, kemarin iseng like smua postingan paslon 2 wkwk, emg layak sih ✌️",
  ["Aku pegawai kecamatan", "like smua postingan paslon 2"], "self-declared sub-district employee likes campaign posts")
P(SM, None, "report", "2024-11-02", "33.20",
  "Di FB ada akun bidan desa PNS yg ganti cover jadi foto paslon 01 dgn tulisan 'Menang Satu Putaran'.",
  ["bidan desa PNS", "ganti cover jadi foto paslon 01"], "report: PNS midwife's cover photo campaigning")
P(SM, None, "report", "2024-01-25", "33.13",
  "Oknum guru PNS di SD negeri dekat rumah bikin video TikTok ngajak murid teriak 'nomor dua!' sambil salam dua jari.",
  ["Oknum guru PNS", "ngajak murid teriak 'nomor dua!' sambil salam dua jari"], "Pemilu 2024 report: teacher's TikTok with pupils")
P(SM, "kabid_dik", "post", "2024-10-31", "33.25",
  "Mohon maaf rekan2 guru, yg sy share di grup kemarin brosur visi misi paslon 3 ya, silakan dipelajari & diteruskan 🙏",
  ["sy share di grup kemarin brosur visi misi paslon 3", "silakan dipelajari & diteruskan"], "official shares campaign brochure to teachers")
P(SM, "guru_sd", "post", "2024-10-08", "33.27",
  "Jempol buat Pak Budi 👍 calon bupati nomor urut 2 yg paling merakyat. Share kalau setuju!",
  ["calon bupati nomor urut 2 yg paling merakyat", "Share kalau setuju!"], "praise plus share request")
P(SM, "dinsos", "post", "2024-10-13", "35.10",
  "Balasan komen di akun paslon 01: 'Siap Pak Hendra, kami ASN Dinsos doakan menang!'",
  ["kami ASN Dinsos doakan menang!"], "comment on candidate account")
P(SM, None, "post", "2024-11-15", "64.71",
  "Udah lama jadi PNS, baru kali ini yakin bgt sama calon: Teguh–Maya ✌️ gubernur kita selanjutnya",
  ["Udah lama jadi PNS", "Teguh–Maya ✌️ gubernur kita selanjutnya"], "self-declared PNS backs governor pair")
P(SM, "kades", "post", "2024-11-09", "33.23",
  "Live IG bareng Bu Wulan cawabup nomor 1, bahas UMKM desa. Yg blm vote, 27 Nov ingat ☝️",
  ["Yg blm vote, 27 Nov ingat ☝️", "Live IG bareng Bu Wulan cawabup nomor 1"], "village head hosts live stream with candidate")
P(SM, "guru_sd", "post", "2024-10-06", "33.10",
  "Kemarin foto di depan baliho Budi–Sari sambil acungin dua jari ✌️ buat kenang2an hehe",
  ["foto di depan baliho Budi–Sari sambil acungin dua jari"], "photo in front of a billboard with hand sign")
P(SM, "kepsek", "post", "2024-01-11", "35.07",
  "Anak muda pilih yg muda! Cawapres nomor 2 Kirana the best 💯 #Kirana2024",
  ["Cawapres nomor 2 Kirana the best", "#Kirana2024"], "Pemilu 2024: head teacher supports running mate 2")
P(SM, "bappeda", "post", "2023-12-02", "31.74",
  "Meme: 'Udah 10 tahun, saatnya ganti. 01!' 😂 share ke grup kantor",
  ["saatnya ganti. 01!", "share ke grup kantor"], "Pemilu 2024: partisan meme shared to office group")
P(SM, "sekcam", "post", "2024-10-05", "64.02",
  "Bangga bgt bisa salaman sama calon gubernur nomor 1 Pak Rahmat. Semoga menang ya pak ☝️ #RahmatLina",
  ["Semoga menang ya pak ☝️", "#RahmatLina"], "sub-district secretary wishes governor candidate victory")
P(SM, None, "post", "2024-10-22", "33.29",
  "Sbg aparatur desa, sy pribadi dukung penuh Budi–Sari. Gak ada paksaan, cuma ngajak 😊✌️",
  ["Sbg aparatur desa", "sy pribadi dukung penuh Budi–Sari"], "self-declared village official supports 02")
P(SM, "dokter", "post", "2024-11-12", "73.71",
  "Kesehatan gratis itu bukan mimpi, asal kita pilih yg tepat: nomor urut 3. Mari bergerak! 🩺",
  ["asal kita pilih yg tepat: nomor urut 3"], "ASN doctor calls to vote 3")
P(SM, "bappeda", "post", "2024-11-05", "71.71",
  "Ngereply tweet lawan: 'Sampean iri ya 02 unggul survei? 😂✌️'",
  ["Sampean iri ya 02 unggul survei?"], "partisan reply gloating for 02")
P(SM, "penyuluh_agama", "post", "2024-11-20", "35.28",
  "Insyaallah pilihan umat jatuh pada Hendra–Wulan. Sebarkan! ☝️",
  ["pilihan umat jatuh pada Hendra–Wulan", "Sebarkan!"], "religious extension officer spreads support")
P(SM, "guru_pppk", "post", "2024-11-25", "33.01",
  "Hari guru, terima kasih Pak Yusuf (paslon 3) udh janji naikin insentif guru. Kita balas dgn suara! 🤟",
  ["Kita balas dgn suara!", "(paslon 3)"], "teacher calls to repay the candidate with votes (posted in quiet period)")
P(SM, None, "report", "2024-10-30", "32.73",
  "Seorang lurah di Kota Bandung upload foto di IG pakai rompi tim pemenangan Teguh–Maya.",
  ["Seorang lurah", "upload foto di IG pakai rompi tim pemenangan Teguh–Maya"], "report: lurah posts photo in team vest")
P(SM, None, "post", "2024-11-03", "33.20",
  "Buat temen2 guru sertifikasi, inget ya jgn pilih 01, mereka mau hapus tunjangan. Pilih 02 aja ✌️ salam dari sesama guru negeri",
  ["sesama guru negeri", "Pilih 02 aja"], "author calls themselves a state teacher, campaigns for 02")
P(SM, "staf_kec", "post", "2024-10-10", "33.22",
  "Akhirnya join grup telegram 'Pasukan Budi–Sari Kab. Semarang' 🥳",
  ["join grup telegram 'Pasukan Budi–Sari"], "joins a winning-team channel")
P(SM, "dishub", "post", "2024-11-06", "36.04",
  "Pak Hendra pas kampanye td bilang mau benahi terminal. Nah gini dong, fix coblos 1",
  ["fix coblos 1"], "declares vote for 01")
P(SM, "perawat", "post", "2024-10-28", "33.11",
  "Yg komen negatif ttg Bu Sari, sini adu data sama saya. Beliau calon terbaik no 2!",
  ["Beliau calon terbaik no 2!"], "defends and promotes candidate 02")
P(SM, "kades", "post", "2024-02-09", "33.20",
  "Dari Desa untuk Indonesia: #SalamSatuJari menangkan Pak Wirawan 🙏☝️",
  ["#SalamSatuJari menangkan Pak Wirawan"], "Pemilu 2024: village head campaigns for 01")
P(SM, "bpd", "post", "2024-10-21", "33.14",
  "Pokoknya 2 periode desa kita maju, 2 juga pilihan kita di Pilkada ✌️ Budi–Sari!",
  ["2 juga pilihan kita di Pilkada ✌️ Budi–Sari!"], "BPD member's wordplay on number 2")
P(SM, "guru_sd", "post", "2024-11-27", "35.22",
  "Udh nyoblos dong 🤙 jari ungu, dan insyaallah Budi–Sari pasti menang ✌️",
  ["Budi–Sari pasti menang"], "inked-finger post that also names the candidate expected to win")
P(SM, "staf_kec", "post", "2024-10-12", "12.71",
  "Kmrn komen di live TikTok Bu Wulan: 'gass bu, Medan pilih nomor 1!' eh dibales beliau 😍",
  ["'gass bu, Medan pilih nomor 1!'"], "comment on a candidate's live stream")
P(SM, "guru_smp", "post", "2024-11-08", "13.71",
  "Ciee yg panik paslonnya kalah debat 🤭 udahlah ikut aja ke 02, salam dua jari ✌️",
  ["ikut aja ke 02, salam dua jari"], "mocks rivals and invites them to 02")
P(SM, "perangkat", "post", "2024-09-26", "16.71",
  "Baru aja follow IG @hendrawulan01 & subscribe YouTube-nya. Kontennya keren2, wajib ditonton 👍",
  ["follow IG @hendrawulan01", "wajib ditonton"], "follows and promotes candidate channels")
P(SM, None, "post", "2024-10-04", "14.71",
  "Kmi para PNS Pemprov jg punya pilihan: Teguh–Maya nomor 2 ✌️ tp ssst ya",
  ["Kmi para PNS Pemprov", "Teguh–Maya nomor 2"], "self-declared provincial PNS support")
P(SM, "lurah", "post", "2024-11-22", "61.71",
  "Terima kasih Pak Yusuf atas kunjungannya. Semoga paslon 03 diberi kemenangan 🤟🙏",
  ["Semoga paslon 03 diberi kemenangan"], "lurah prays for 03 victory")
P(SM, "bidan", "post", "2024-10-15", "63.71",
  "Kalender paslon 2 udh sy pajang di FB biar ibu2 hafal wajahnya 😁 Budi–Sari ✌️",
  ["Kalender paslon 2 udh sy pajang di FB"], "posts campaign calendar image")
P(SM, "kominfo", "post", "2024-11-01", "74.71",
  "Gak sengaja tapi sengaja 😂 repost video kampanye Hendra–Wulan di story. Keren soalnya",
  ["repost video kampanye Hendra–Wulan di story"], "reposts campaign video")
P(SM, "kades", "post", "2024-01-05", "35.09",
  "Desa kami kompak: 2024 coblos nomor 2 capres Darmawan–Kirana, insyaallah sejahtera ✌️",
  ["2024 coblos nomor 2 capres Darmawan–Kirana"], "Pemilu 2024: village head calls the village to vote 2")
P(SM, None, "report", "2024-11-13", "34.02",
  "Screenshot terlampir: Kaur Pemerintahan desa kami komen 'pilih 03 biar desa maju' di postingan Pak Yusuf.",
  ["Kaur Pemerintahan desa kami komen 'pilih 03 biar desa maju'"], "report: village official comments support")

# ---------------------------------------------------------------------------------------------------------
# campaign positives (attending/joining campaigns, declarations, winning teams, speaking, mobilising)
# ---------------------------------------------------------------------------------------------------------
CA = "campaign"
P(CA, "camat", "post", "2024-10-09", "33.22",
  "Kemarin sempat ngopi bareng tim pemenangan Budi–Sari, diskusi strategi menang di kecamatan. Insyaallah menang telak 💪",
  ["ngopi bareng tim pemenangan Budi–Sari, diskusi strategi menang"], "camat joins a winning-team strategy meeting")
P(CA, None, "report", "2024-11-16", "35.09",
  "Saya lihat sendiri Pak Sekcam ikut naik panggung di kampanye akbar paslon 01 di lapangan kecamatan, ikut teriak 'Hendra–Wulan menang!'",
  ["Pak Sekcam ikut naik panggung di kampanye akbar paslon 01", "'Hendra–Wulan menang!'"], "report: sub-district secretary on campaign stage")
P(CA, None, "report", "2024-09-02", "33.18",
  "Kepala desa sebelah hadir di deklarasi relawan Yusuf–Ratna dan memberi sambutan dukungan.",
  ["Kepala desa sebelah hadir di deklarasi relawan Yusuf–Ratna dan memberi sambutan dukungan"], "report: village head speaks at a declaration")
P(CA, "kades", "post", "2024-09-28", "33.20",
  "Alhamdulillah td malam diamanahi jadi Ketua Tim Pemenangan tingkat desa utk Budi–Sari. Siap kerja keras! ✌️",
  ["diamanahi jadi Ketua Tim Pemenangan tingkat desa utk Budi–Sari"], "village head leads a winning team")
P(CA, None, "post", "2024-11-10", "33.19",
  "Bolos dulu hari ini, ikut kampanye akbar nomor 3 di alun2 bareng rekan2 guru PNS se-kecamatan. Seru!",
  ["ikut kampanye akbar nomor 3", "rekan2 guru PNS"], "author among PNS teachers attending a rally")
P(CA, None, "report", "2024-11-17", "33.21",
  "Perangkat desa Kaur Kesra mengkoordinir 2 truk warga buat ke kampanye paslon 02 di stadion, dikasih nasi bungkus.",
  ["Perangkat desa Kaur Kesra mengkoordinir 2 truk warga buat ke kampanye paslon 02"], "report: village official mobilises voters")
P(CA, "dishub", "post", "2024-01-21", "33.74",
  "Pertama kali jadi jurkam, deg2an tp lancar. Terima kasih warga yg hadir di kampanye caleg Partai Karya Bangsa 🙏",
  ["Pertama kali jadi jurkam", "kampanye caleg Partai Karya Bangsa"], "Pemilu 2024: ASN as campaign speaker")
P(CA, None, "report", "2024-10-06", "64.02",
  "Ada PNS dinas pertanian jadi MC di acara deklarasi dukungan petani untuk cagub Teguh–Maya.",
  ["PNS dinas pertanian jadi MC di acara deklarasi dukungan petani untuk cagub Teguh–Maya"], "report: PNS hosts a support declaration")
P(CA, None, "report", "2024-10-19", "35.11",
  "Istri calon bupati nomor 1 itu kan guru PNS, dia ikut kampanye suaminya keliling desa tiap hari, padahal katanya gak ambil cuti.",
  ["guru PNS", "ikut kampanye suaminya keliling desa tiap hari", "gak ambil cuti"], "report: ASN spouse campaigns without unpaid leave")
P(CA, None, "post", "2024-10-14", "35.24",
  "Hari ini aku, bidan desa PPPK, diajak tim sukses paslon 2 buat sosialisasi ke posyandu2. Siapp 💪",
  ["aku, bidan desa PPPK", "diajak tim sukses paslon 2 buat sosialisasi ke posyandu2. Siapp"], "PPPK midwife agrees to campaign for 02")
P(CA, None, "report", "2024-10-26", "73.71",
  "Lurah ikut rapat konsolidasi tim kampanye Hendra–Wulan di rumah makan Sabtu malam, fotonya beredar.",
  ["Lurah ikut rapat konsolidasi tim kampanye Hendra–Wulan"], "report: lurah at campaign consolidation")
P(CA, "kepsek", "post", "2024-10-20", "35.73",
  "Tadi diundang jadi pembicara di acara pengenalan program paslon nomor urut 3 buat guru2 honorer. Semoga bermanfaat",
  ["diundang jadi pembicara di acara pengenalan program paslon nomor urut 3"], "head teacher speaks at a candidate introduction event")
P(CA, None, "report", "2024-01-27", "35.07",
  "Seorang camat di Kabupaten Malang terlihat ikut kampanye terbuka capres nomor 1 dan mengangkat satu jari di atas panggung.",
  ["Seorang camat", "ikut kampanye terbuka capres nomor 1 dan mengangkat satu jari di atas panggung"], "Pemilu 2024 report: camat on a rally stage")
P(CA, "kades", "post", "2024-11-17", "33.28",
  "Rombongan warga desa kami berangkat ke kampanye akbar Budi–Sari, sy pimpin langsung ✌️🚌",
  ["Rombongan warga desa kami berangkat ke kampanye akbar Budi–Sari, sy pimpin langsung"], "village head leads villagers to a rally")
P(CA, None, "report", "2024-11-12", "33.19",
  "Dua guru PPPK dari SMK negeri ikut konvoi kampanye paslon 03 pakai kaos tim, terekam video warga.",
  ["Dua guru PPPK", "ikut konvoi kampanye paslon 03 pakai kaos tim"], "report: PPPK teachers in a campaign convoy")
P(CA, "dosen", "post", "2024-08-20", "34.71",
  "Resmi masuk tim ahli penyusun visi-misi pasangan Hendra–Wulan. Bismillah 🙏",
  ["Resmi masuk tim ahli penyusun visi-misi pasangan Hendra–Wulan"], "PNS lecturer joins the candidate's expert team")
P(CA, None, "report", "2024-10-01", "33.17",
  "Sekdes desa kami tercatat di SK tim kampanye paslon 02 sebagai koordinator desa.",
  ["Sekdes desa kami tercatat di SK tim kampanye paslon 02 sebagai koordinator desa"], "report: village secretary listed in campaign team")
P(CA, "guru_sd", "post", "2024-10-24", "33.74",
  "Ikut blusukan bareng Bu Wulan hari ini ke pasar, bantu bagi2 stiker ☝️ capek tp seneng",
  ["Ikut blusukan bareng Bu Wulan", "bantu bagi2 stiker"], "teacher campaigns door to door with the candidate")
P(CA, None, "report", "2024-01-10", "33.18",
  "Kepala dusun ikut menjadi tim pemenangan caleg DPRD dari Partai Amanah Rakyat, keliling rumah warga minta dukungan.",
  ["Kepala dusun ikut menjadi tim pemenangan caleg DPRD"], "Pemilu 2024 report: hamlet head in a winning team")
P(CA, None, "post", "2024-09-15", "33.20",
  "Tadi Pak Camat ikut deklarasi dukungan utk Budi–Sari di lapangan desa, keren! Beliau jg ikut orasi singkat",
  ["Pak Camat ikut deklarasi dukungan utk Budi–Sari", "ikut orasi singkat"], "citizen post says the camat joined a declaration")
P(CA, None, "report", "2024-11-22", "91.71",
  "Kepala kampung ikut kampanye dialogis paslon nomor 1 di Distrik, pegang mikrofon ajak warga pilih Hendra–Wulan.",
  ["Kepala kampung ikut kampanye dialogis paslon nomor 1", "ajak warga pilih Hendra–Wulan"], "report: village head (kampung) speaks at a campaign")

# ---------------------------------------------------------------------------------------------------------
# state_resources positives
# ---------------------------------------------------------------------------------------------------------
SR = "state_resources"
P(SR, None, "report", "2024-11-09", "33.74",
  "Mobil dinas plat merah Dinas PU dipakai antar jemput massa kampanye paslon 01 hari ini, nopol terlihat jelas.",
  ["Mobil dinas plat merah", "dipakai antar jemput massa kampanye paslon 01"], "report: official car used for a rally")
P(SR, None, "report", "2024-10-17", "33.18",
  "Aula kantor kecamatan dipakai rapat relawan Budi–Sari malam2, Pak Camat yg kasih kunci.",
  ["Aula kantor kecamatan dipakai rapat relawan Budi–Sari", "Pak Camat yg kasih kunci"], "report: office hall lent to volunteers")
P(SR, "kades", "post", "2024-09-27", "35.22",
  "Balai desa kami siap jadi posko pemenangan paslon 3, monggo relawan merapat 🙏",
  ["Balai desa kami siap jadi posko pemenangan paslon 3"], "village hall offered as campaign post")
P(SR, None, "report", "2024-10-23", "35.78",
  "Kepala sekolah SMPN pakai ruang kelas buat sosialisasi visi misi paslon nomor 2 ke wali murid saat rapat komite.",
  ["Kepala sekolah SMPN pakai ruang kelas buat sosialisasi visi misi paslon nomor 2"], "report: classroom used for campaigning")
P(SR, None, "report", "2024-10-29", "35.09",
  "Motor dinas penyuluh pertanian ditempel stiker Hendra–Wulan dan dipakai keliling bagi brosur.",
  ["Motor dinas penyuluh pertanian", "dipakai keliling bagi brosur"], "report: service motorbike used for campaign")
P(SR, None, "report", "2024-11-14", "64.02",
  "Ambulans desa dipakai ngangkut sound system kampanye calon gubernur nomor 1.",
  ["Ambulans desa dipakai ngangkut sound system kampanye calon gubernur nomor 1"], "report: village ambulance for campaign gear")
P(SR, None, "report", "2024-10-12", "33.21",
  "Dana desa dipakai beli kaos bergambar paslon 02 yg dibagikan di acara HUT desa, kata bendahara desa.",
  ["Dana desa dipakai beli kaos bergambar paslon 02"], "report: village funds for campaign shirts")
P(SR, "staf_kec", "post", "2024-10-30", "33.15",
  "Printer kantor lembur nih nyetak flyer Yusuf–Ratna 😅 mumpung tinta gratis",
  ["Printer kantor lembur nih nyetak flyer Yusuf–Ratna"], "office printer used for campaign flyers")
P(SR, None, "report", "2024-10-08", "32.04",
  "Gedung serbaguna milik Pemkab dipinjamkan gratis ke tim kampanye paslon 01 oleh kepala bagian umum, padahal paslon lain ditolak.",
  ["Gedung serbaguna milik Pemkab dipinjamkan gratis ke tim kampanye paslon 01 oleh kepala bagian umum"], "report: government building lent to one side")
P(SR, None, "report", "2024-11-04", "35.15",
  "Grup WA resmi dinas kesehatan (dikelola admin PNS) dipakai nyebar jadwal kampanye Budi–Sari.",
  ["Grup WA resmi dinas kesehatan", "dipakai nyebar jadwal kampanye Budi–Sari"], "report: official channel used for campaign")
P(SR, None, "report", "2024-11-18", "73.71",
  "Truk pengangkut sampah DLH yg dikemudikan pegawai DLH terlihat membawa massa ke kampanye paslon 3.",
  ["Truk pengangkut sampah DLH", "dikemudikan pegawai DLH", "membawa massa ke kampanye paslon 3"], "report: government truck carries rally crowd")
P(SR, "kades", "post", "2024-10-15", "64.71",
  "Laptop & proyektor desa sy pinjamkan ke relawan Teguh–Maya utk nobar debat + sosialisasi. Gpp lah buat kebaikan",
  ["Laptop & proyektor desa sy pinjamkan ke relawan Teguh–Maya"], "village equipment lent to volunteers")
P(SR, None, "report", "2024-01-18", "33.20",
  "Kendaraan dinas camat parkir di posko pemenangan caleg Partai Nusantara Maju tiap malam, sopirnya staf kecamatan.",
  ["Kendaraan dinas camat parkir di posko pemenangan caleg Partai Nusantara Maju"], "Pemilu 2024 report: camat's car at a campaign post")
P(SR, None, "report", "2024-10-25", "32.73",
  "Stempel dan kop surat kelurahan dipakai utk undangan acara silaturahmi bersama calon wali kota nomor 2.",
  ["Stempel dan kop surat kelurahan dipakai utk undangan acara silaturahmi bersama calon wali kota nomor 2"], "report: official letterhead for candidate event")
P(SR, None, "report", "2024-11-07", "33.27",
  "Halaman puskesmas dijadikan tempat pembagian sembako paslon 01 pas jam pelayanan, kepala puskesmas ada di situ.",
  ["Halaman puskesmas dijadikan tempat pembagian sembako paslon 01", "kepala puskesmas ada di situ"], "report: health centre grounds used")
P(SR, None, "post", "2024-11-01", "35.07",
  "Data wali murid dari Dapodik udh sy kirim ke tim paslon 3 buat dihubungi, sbg PNS operator sekolah sy bantu dikit lah",
  ["Data wali murid dari Dapodik udh sy kirim ke tim paslon 3", "sbg PNS operator sekolah"], "state data handed to a campaign")
P(SR, None, "report", "2024-10-21", "19.71",
  "Speaker dan tenda milik kantor kelurahan dipakai di panggung kampanye paslon nomor 2, masih ada tulisan inventaris kelurahan.",
  ["Speaker dan tenda milik kantor kelurahan dipakai di panggung kampanye paslon nomor 2"], "report: office inventory at a rally")

# ---------------------------------------------------------------------------------------------------------
# official_action positives (decisions, programmes, aid, transfers that benefit or harm a candidate)
# ---------------------------------------------------------------------------------------------------------
OA = "official_action"
P(OA, None, "report", "2024-11-05", "33.18",
  "Kades kami bilang warga yg gak pilih paslon 02 gak bakal dapat BLT tahun depan.",
  ["Kades kami bilang warga yg gak pilih paslon 02 gak bakal dapat BLT"], "report: aid conditioned on vote")
P(OA, None, "report", "2024-10-27", "35.78",
  "Bansos beras di kelurahan kami cuma dibagi ke warga yg terdaftar di relawan Hendra–Wulan, lurahnya yg atur daftarnya.",
  ["Bansos beras di kelurahan kami cuma dibagi ke warga yg terdaftar di relawan Hendra–Wulan", "lurahnya yg atur daftarnya"], "report: aid only to one side's volunteers")
P(OA, None, "report", "2024-10-02", "33.24",
  "Kepala dinas memutasi tiga staf ke kecamatan terpencil karena ketahuan dukung paslon 01, SK-nya keluar seminggu setelah penetapan calon.",
  ["Kepala dinas memutasi tiga staf ke kecamatan terpencil karena ketahuan dukung paslon 01"], "report: transfers punishing rival supporters")
P(OA, None, "report", "2024-10-18", "33.02",
  "Izin keramaian kampanye paslon 3 dipersulit di kecamatan, sementara paslon 1 langsung keluar. Camat bilang 'perintah atasan'.",
  ["Izin keramaian kampanye paslon 3 dipersulit di kecamatan, sementara paslon 1 langsung keluar"], "report: permits favour one candidate")
P(OA, "kades", "post", "2024-11-11", "33.29",
  "Pengumuman: pembangunan jalan dusun 3 ditunda dulu, warga sana kemarin mayoritas pasang baliho paslon sebelah 🙄",
  ["pembangunan jalan dusun 3 ditunda dulu, warga sana kemarin mayoritas pasang baliho paslon sebelah"], "village head delays works to punish rival supporters")
P(OA, None, "report", "2024-10-22", "32.01",
  "Kepala sekolah ngancam guru honorer gak diperpanjang kontraknya kalau gak ikut milih Budi–Sari.",
  ["Kepala sekolah ngancam guru honorer gak diperpanjang kontraknya kalau gak ikut milih Budi–Sari"], "report: contract renewal tied to vote")
P(OA, None, "report", "2024-11-01", "35.24",
  "Pencairan dana hibah masjid dipercepat khusus utk desa yg kadesnya deklarasi dukung paslon 01, kata staf Kesra.",
  ["Pencairan dana hibah masjid dipercepat khusus utk desa yg kadesnya deklarasi dukung paslon 01"], "report: grants favour supporting villages")
P(OA, "kades", "post", "2024-10-16", "33.16",
  "Bantuan pupuk dari desa tahun ini diprioritaskan utk kelompok tani yg sudah tanda tangan dukungan paslon 2.",
  ["Bantuan pupuk dari desa tahun ini diprioritaskan utk kelompok tani yg sudah tanda tangan dukungan paslon 2"], "aid prioritised for supporters")
P(OA, None, "report", "2024-11-08", "33.10",
  "PKH di RT kami dicoret 5 KK setelah mereka ketahuan ikut kampanye paslon lawan, pendamping (PPPK) yg input datanya.",
  ["PKH di RT kami dicoret 5 KK setelah mereka ketahuan ikut kampanye paslon lawan", "pendamping (PPPK)"], "report: welfare removed from rival supporters")
P(OA, None, "report", "2024-10-31", "35.10",
  "Program bedah rumah diumumkan camat di acara kampanye paslon 02, katanya 'kalau 02 menang, rumah bapak ibu dibedah semua'.",
  ["Program bedah rumah diumumkan camat di acara kampanye paslon 02"], "report: programme promised on candidate's win")
P(OA, None, "report", "2024-01-16", "31.75",
  "Lurah keluarkan surat edaran ke RT/RW agar mendata warga pendukung capres 01 utk dapat prioritas bantuan.",
  ["Lurah keluarkan surat edaran ke RT/RW agar mendata warga pendukung capres 01 utk dapat prioritas bantuan"], "Pemilu 2024 report: circular favouring supporters")
P(OA, None, "post", "2024-10-09", "33.74",
  "Sebagai kabid, sy sudah arahkan anggaran sosialisasi ke kegiatan yg 'nyambung' dgn program Pak Hendra. Paham kan maksudnya 😉",
  ["Sebagai kabid", "arahkan anggaran sosialisasi ke kegiatan yg 'nyambung' dgn program Pak Hendra"], "budget steered to a candidate's programme")
P(OA, None, "report", "2024-11-25", "33.20",
  "Kades menolak memberi surat keterangan domisili utk saksi paslon 3, tapi saksi paslon 1 langsung dilayani.",
  ["Kades menolak memberi surat keterangan domisili utk saksi paslon 3"], "report: unequal service to witnesses")
P(OA, None, "report", "2024-11-13", "35.14",
  "Pembagian sertifikat tanah program desa diundur sampai 'setelah 27 November, lihat dulu hasil 02 di TPS sini' kata perangkat desa.",
  ["Pembagian sertifikat tanah program desa diundur", "lihat dulu hasil 02 di TPS sini"], "report: programme tied to the result")
P(OA, None, "report", "2024-10-24", "33.12",
  "Kepala UPT pendidikan menunda pencairan tunjangan guru yg tdk hadir di acara paslon 01.",
  ["Kepala UPT pendidikan menunda pencairan tunjangan guru yg tdk hadir di acara paslon 01"], "report: allowance withheld")
P(OA, "kades", "post", "2024-11-19", "35.21",
  "Insyaallah kalo Budi–Sari menang, dana desa kita naik. Kalo kalah ya jangan salahkan sy kalau jalan gak diaspal 😅✌️",
  ["Kalo kalah ya jangan salahkan sy kalau jalan gak diaspal"], "village head ties village works to the result")
P(OA, None, "report", "2024-10-28", "33.09",
  "Petugas Disdukcapil (PNS) di kecamatan buka layanan KTP kilat khusus buat rombongan pendukung paslon 3 di posko mereka.",
  ["Petugas Disdukcapil (PNS)", "buka layanan KTP kilat khusus buat rombongan pendukung paslon 3"], "report: public service favouring supporters")
P(OA, None, "report", "2024-10-13", "35.13",
  "Kepala desa mengganti ketua RT yg menolak pasang baliho paslon 02 dengan orang timses.",
  ["Kepala desa mengganti ketua RT yg menolak pasang baliho paslon 02"], "report: replacement punishing refusal")

# ---------------------------------------------------------------------------------------------------------
# campaign_props positives
# ---------------------------------------------------------------------------------------------------------
CP = "campaign_props"
P(CP, None, "report", "2024-10-11", "33.26",
  "Guru PNS di SD negeri sebelah pasang spanduk Hendra–Wulan di pagar rumahnya, besar bgt.",
  ["Guru PNS", "pasang spanduk Hendra–Wulan"], "report: PNS teacher puts up a banner")
P(CP, "kades", "post", "2024-10-04", "33.20",
  "Baliho Budi–Sari udah terpasang di 10 titik desa, makasih perangkat desa yg bantu pasang ✌️",
  ["Baliho Budi–Sari udah terpasang di 10 titik desa", "perangkat desa yg bantu pasang"], "village head and officials put up billboards")
P(CP, None, "report", "2024-10-29", "35.06",
  "Di ruang guru SMPN ada kalender paslon 3 ditempel, yg bagiin kepala sekolah sendiri.",
  ["kalender paslon 3", "yg bagiin kepala sekolah sendiri"], "report: head teacher distributes campaign calendars")
P(CP, None, "report", "2024-11-04", "32.73",
  "Pegawai kantor kelurahan masuk kerja pakai pin bergambar calon wali kota nomor 1.",
  ["Pegawai kantor kelurahan masuk kerja pakai pin bergambar calon wali kota nomor 1"], "report: campaign pin at work")
P(CP, "perawat", "post", "2024-10-18", "73.71",
  "Stiker Yusuf–Ratna udh nempel di motor & helm 😁🤟",
  ["Stiker Yusuf–Ratna udh nempel di motor & helm"], "ASN nurse displays candidate stickers")
P(CP, None, "report", "2024-01-06", "33.21",
  "Perangkat desa malam2 pasang bendera partai dan poster caleg nomor 4 Partai Rakyat Sejahtera di sepanjang jalan desa.",
  ["Perangkat desa malam2 pasang bendera partai dan poster caleg nomor 4"], "Pemilu 2024 report: village official puts up posters")
P(CP, None, "post", "2024-10-07", "64.71",
  "Sebagai lurah sy cuma bantu titip umbul2 Teguh–Maya di gapura kelurahan, biar meriah ✌️",
  ["Sebagai lurah", "titip umbul2 Teguh–Maya di gapura kelurahan"], "self-declared lurah puts up campaign pennants")
P(CP, None, "report", "2024-10-20", "33.18",
  "Kepala dusun bagi2 kaos dan topi paslon 02 ke warga saat kerja bakti.",
  ["Kepala dusun bagi2 kaos dan topi paslon 02"], "report: hamlet head distributes attributes")
P(CP, "guru_pppk", "post", "2024-10-24", "35.78",
  "Seragam batik hari kamis, tapi masker-nya masker Hendra–Wulan ☝️ hihi",
  ["masker-nya masker Hendra–Wulan"], "teacher wears candidate mask at work")
P(CP, None, "report", "2024-11-06", "33.23",
  "Bidan desa PPPK memajang banner kecil paslon 3 di meja pelayanan posyandu.",
  ["Bidan desa PPPK memajang banner kecil paslon 3"], "report: banner at a service desk")
P(CP, "kades", "post", "2024-10-10", "35.09",
  "Desa siap! 50 bendera merah putih + 50 bendera Budi–Sari kita pasang sepanjang jalan utama 💪",
  ["50 bendera Budi–Sari kita pasang sepanjang jalan utama"], "village head puts up candidate flags")
P(CP, None, "report", "2024-01-30", "35.07",
  "Sekdes ikut tempel stiker capres nomor 2 di rumah2 warga bareng timses, door to door.",
  ["Sekdes ikut tempel stiker capres nomor 2 di rumah2 warga"], "Pemilu 2024 report: village secretary sticks posters")
P(CP, None, "report", "2024-11-12", "35.73",
  "Di mobil pribadi Kepala Seksi di Dinas Koperasi ada sticker besar 'Lanjutkan Hendra–Wulan 01', dipakai ke kantor tiap hari.",
  ["Kepala Seksi di Dinas Koperasi", "ada sticker besar 'Lanjutkan Hendra–Wulan 01'"], "report: campaign sticker on an official's car")
P(CP, None, "post", "2024-10-26", "33.22",
  "PNS Pemkab tp di rumah pasang baliho paslon 2 segede gaban wkwk, tetangga pada kaget ✌️",
  ["PNS Pemkab", "di rumah pasang baliho paslon 2"], "self-declared PNS puts up a billboard")
P(CP, None, "report", "2024-10-15", "64.02",
  "Kaur Perencanaan desa mencetak dan menempel poster cagub nomor 1 di papan pengumuman desa.",
  ["Kaur Perencanaan desa mencetak dan menempel poster cagub nomor 1 di papan pengumuman desa"], "report: poster on village notice board")
P(CP, "bpd", "post", "2024-11-02", "33.19",
  "Gantungan kunci & payung Yusuf–Ratna masih ada stok, yg mau ambil di rumah sy 😊",
  ["Gantungan kunci & payung Yusuf–Ratna masih ada stok"], "BPD member distributes merchandise")
P(CP, None, "report", "2024-11-15", "52.03",
  "Kepala desa memasang spanduk 'Desa Kami Pilih Nomor 3' di depan kantor desa.",
  ["Kepala desa memasang spanduk 'Desa Kami Pilih Nomor 3'"], "report: banner at the village office")

# ---------------------------------------------------------------------------------------------------------
# party positives (membership, party office, approaching parties, party events)
# ---------------------------------------------------------------------------------------------------------
PA = "party"
P(PA, None, "report", "2023-10-20", "33.18",
  "Seorang guru PNS tercatat di SIPOL sebagai anggota Partai Nusantara Maju, KTA-nya beredar.",
  ["guru PNS tercatat di SIPOL sebagai anggota Partai Nusantara Maju"], "report: PNS listed as party member")
P(PA, None, "post", "2023-11-03", "35.78",
  "Alhamdulillah KTA Partai Karya Bangsa sudah jadi 🥳 walau sy masih PNS, gpp yg penting hati",
  ["KTA Partai Karya Bangsa sudah jadi", "sy masih PNS"], "self-declared PNS shows a party card")
P(PA, None, "report", "2024-08-12", "33.20",
  "Kepala desa menjabat sebagai bendahara DPC Partai Rakyat Sejahtera, namanya ada di SK kepengurusan.",
  ["Kepala desa menjabat sebagai bendahara DPC Partai Rakyat Sejahtera"], "report: village head holds party office")
P(PA, "guru_sma", "post", "2024-08-25", "33.74",
  "Hadir di Musyawarah Cabang Partai Amanah Rakyat, dpt amanah jadi wakil sekretaris 🙏",
  ["dpt amanah jadi wakil sekretaris", "Musyawarah Cabang Partai Amanah Rakyat"], "PNS teacher takes a party post")
P(PA, None, "report", "2024-08-05", "33.19",
  "PNS Dinas Perindustrian ikut mendaftar penjaringan bakal calon wakil bupati di DPD Partai Nusantara Maju tanpa cuti di luar tanggungan negara.",
  ["PNS Dinas Perindustrian ikut mendaftar penjaringan bakal calon wakil bupati di DPD Partai Nusantara Maju"], "report: PNS approaches a party as bakal calon")
P(PA, None, "report", "2024-09-10", "73.71",
  "Lurah menghadiri rapat kerja cabang partai dan duduk di deretan pengurus pakai jaket partai.",
  ["Lurah menghadiri rapat kerja cabang partai", "pakai jaket partai"], "report: lurah at a party meeting in party jacket")
P(PA, "kadus", "post", "2024-08-18", "33.21",
  "Ulang tahun partai ke-10, potong tumpeng bareng kader Partai Rakyat Sejahtera ranting desa 🎉 sy sbg ketua ranting",
  ["sy sbg ketua ranting"], "hamlet head chairs a party branch")
P(PA, None, "report", "2024-07-30", "35.09",
  "Sekretaris camat ikut rapat tertutup dengan pengurus partai membahas rekomendasi calon bupati, dia sendiri yg mau direkomendasikan.",
  ["Sekretaris camat ikut rapat tertutup dengan pengurus partai membahas rekomendasi calon bupati"], "report: official lobbies a party for nomination")
P(PA, "dosen", "post", "2023-10-28", "34.04",
  "Diundang jadi narasumber di sekolah kader Partai Karya Bangsa, sekalian resmi pakai seragam kader 😁",
  ["resmi pakai seragam kader"], "PNS lecturer at a party cadre school in party uniform")
P(PA, None, "report", "2024-08-21", "35.10",
  "Bidan PPPK ikut jadi pengurus PAC Partai Amanah Rakyat bidang perempuan.",
  ["Bidan PPPK ikut jadi pengurus PAC Partai Amanah Rakyat"], "report: PPPK in party office")
P(PA, None, "post", "2024-09-04", "64.71",
  "ASN Pemprov jg bisa berpartai kok asal diem2, KTA sy udah 2 thn 😂",
  ["ASN Pemprov", "KTA sy udah 2 thn"], "self-declared ASN admits party membership")
P(PA, None, "report", "2024-08-29", "32.05",
  "Kades hadir di acara pelantikan pengurus partai tingkat kecamatan dan menyampaikan sambutan sebagai 'keluarga besar partai'.",
  ["Kades hadir di acara pelantikan pengurus partai tingkat kecamatan", "'keluarga besar partai'"], "report: village head at party inauguration")
P(PA, None, "report", "2023-10-11", "35.22",
  "Nama seorang penyuluh pertanian PNS masuk daftar pengurus partai yg diserahkan ke KPU.",
  ["penyuluh pertanian PNS masuk daftar pengurus partai"], "report: PNS in party management list")
P(PA, "staf_kec", "post", "2023-10-15", "33.15",
  "Mendaftar lagi jadi anggota Partai Nusantara Maju lewat aplikasi, gampang bgt 🤩",
  ["Mendaftar lagi jadi anggota Partai Nusantara Maju"], "ASN registers as party member")
P(PA, None, "report", "2024-08-14", "33.26",
  "Kepala SMP negeri mengantarkan berkas pendaftaran dirinya sebagai bakal calon wakil bupati ke kantor DPC partai, ikut foto bersama pengurus.",
  ["Kepala SMP negeri mengantarkan berkas pendaftaran dirinya sebagai bakal calon wakil bupati ke kantor DPC partai"], "report: head teacher approaches a party")
P(PA, None, "report", "2024-09-06", "52.01",
  "Anggota BPD merangkap ketua ranting partai di desa, masih aktif dua-duanya.",
  ["Anggota BPD merangkap ketua ranting partai"], "report: BPD member holds party office")
P(PA, "kades", "post", "2024-08-09", "19.01",
  "Hadir di Rakerda Partai Nusantara Maju sbg kader lama, pakai jaket kebanggaan 🔴 walau skrg jadi kades",
  ["Hadir di Rakerda Partai Nusantara Maju sbg kader lama", "pakai jaket kebanggaan"], "village head at a party congress as cadre")

# ---------------------------------------------------------------------------------------------------------
# candidacy positives (running or declaring without resigning / unpaid leave)
# ---------------------------------------------------------------------------------------------------------
CD = "candidacy"
P(CD, None, "report", "2024-07-22", "33.18",
  "Seorang kepala dinas sudah deklarasi maju calon bupati di depan pendukungnya, tapi belum mengundurkan diri dari ASN.",
  ["Seorang kepala dinas sudah deklarasi maju calon bupati", "belum mengundurkan diri dari ASN"], "report: ASN declares candidacy without resigning")
P(CD, None, "post", "2023-10-05", "33.20",
  "Bismillah, sy Sekdes yg insyaAllah maju di Pileg DPRD dapil 2. Mohon doa restu, sementara jabatan masih sy pegang.",
  ["sy Sekdes yg insyaAllah maju di Pileg DPRD dapil 2", "jabatan masih sy pegang"], "village secretary runs while in office")
P(CD, None, "report", "2024-06-18", "35.09",
  "Camat masang baliho dirinya sendiri bertuliskan 'Siap Maju Bupati 2024' padahal masih aktif menjabat.",
  ["Camat masang baliho dirinya sendiri bertuliskan 'Siap Maju Bupati 2024'", "masih aktif menjabat"], "report: camat promotes own candidacy")
P(CD, None, "report", "2023-12-04", "33.21",
  "Kepala desa terdaftar di DCT caleg DPRD kabupaten tapi masih aktif menandatangani surat2 desa.",
  ["Kepala desa terdaftar di DCT caleg DPRD kabupaten", "masih aktif menandatangani surat2 desa"], "report: village head on candidate list still in office")
P(CD, "guru_smp", "post", "2024-05-12", "73.71",
  "Bismillah, resmi daftar bakal calon wakil wali kota jalur perseorangan. Cuti? nanti aja kalau udah ditetapkan 😅",
  ["resmi daftar bakal calon wakil wali kota jalur perseorangan", "Cuti? nanti aja"], "PNS teacher registers without leave")
P(CD, None, "report", "2024-07-08", "35.11",
  "PNS Kemenag kabupaten mengumpulkan tokoh masyarakat dan memperkenalkan diri sebagai bakal calon bupati, belum ada CLTN.",
  ["PNS Kemenag kabupaten", "memperkenalkan diri sebagai bakal calon bupati", "belum ada CLTN"], "report: PNS introduces self as candidate without CLTN")
P(CD, None, "post", "2024-06-30", "64.02",
  "Mohon doa & dukungan, sebagai ASN aktif sy siap maju calon wakil bupati Pilkada 2024. Nanti mundurnya belakangan 😊",
  ["sebagai ASN aktif sy siap maju calon wakil bupati Pilkada 2024"], "active ASN declares candidacy")
P(CD, None, "report", "2024-08-02", "32.73",
  "Lurah membagikan kartu nama bertuliskan 'Bakal Calon Wali Kota' saat pelayanan di kantor kelurahan.",
  ["Lurah membagikan kartu nama bertuliskan 'Bakal Calon Wali Kota'"], "report: lurah campaigns for own candidacy at work")
P(CD, None, "report", "2023-11-20", "33.16",
  "Guru PPPK di SD negeri ikut jadi caleg DPRD Partai Karya Bangsa nomor urut 7 tanpa mundur, masih ngajar tiap hari.",
  ["Guru PPPK", "ikut jadi caleg DPRD Partai Karya Bangsa nomor urut 7 tanpa mundur"], "report: PPPK runs without resigning")
P(CD, "kades", "post", "2024-05-20", "33.28",
  "Terima kasih dukungan warga, insyaAllah sy maju calon bupati jalur independen. Jabatan kades tetap sy jalankan sampai penetapan.",
  ["sy maju calon bupati jalur independen", "Jabatan kades tetap sy jalankan"], "village head runs while in office")
P(CD, None, "report", "2024-07-15", "16.71",
  "Kepala Bidang di Bappeda sosialisasi diri sebagai bakal calon wakil gubernur lewat spanduk di jalan protokol, statusnya masih PNS aktif.",
  ["sosialisasi diri sebagai bakal calon wakil gubernur", "statusnya masih PNS aktif"], "report: PNS promotes candidacy")
P(CD, None, "post", "2023-10-30", "71.71",
  "Utk yg nanya, iya sy (NIP masih aktif) ikut seleksi calon anggota DPD. Doakan ya",
  ["NIP masih aktif", "ikut seleksi calon anggota DPD"], "active PNS runs for DPD")
P(CD, None, "report", "2023-12-18", "35.24",
  "Perangkat desa Kasi Kesra maju jadi caleg DPRD tanpa berhenti dari jabatannya, dia kampanye sambil tetap ngantor di desa.",
  ["Perangkat desa Kasi Kesra maju jadi caleg DPRD tanpa berhenti dari jabatannya"], "report: village official runs without leaving post")
P(CD, None, "report", "2024-08-29", "33.02",
  "Dokter PNS RSUD menyerahkan berkas pencalonan bupati ke KPU tapi surat pengunduran dirinya belum diproses, dia tetap praktik dan menerima tunjangan.",
  ["Dokter PNS RSUD menyerahkan berkas pencalonan bupati ke KPU", "surat pengunduran dirinya belum diproses"], "report: candidate still drawing ASN benefits")
P(CD, "camat", "post", "2024-06-05", "33.10",
  "Silaturahmi ke tokoh agama, sekalian pamit: insyaAllah tahun ini sy maju sebagai calon bupati. Mohon restu 🙏",
  ["insyaAllah tahun ini sy maju sebagai calon bupati"], "serving camat announces candidacy")
P(CD, None, "report", "2024-07-01", "35.29",
  "Sekdes memasang stiker 'Bakal Calon Bupati 2024' bergambar dirinya di kaca mobil pribadi dan tetap bertugas.",
  ["Sekdes memasang stiker 'Bakal Calon Bupati 2024' bergambar dirinya"], "report: village secretary promotes own candidacy")
P(CD, "penyuluh_pppk", "post", "2024-07-25", "52.04",
  "Resmi! Sy bakal calon wakil bupati dr jalur partai. Utk sementara ttp jadi penyuluh dulu, cari nafkah 😁",
  ["Sy bakal calon wakil bupati dr jalur partai", "ttp jadi penyuluh dulu"], "PPPK officer declares candidacy while working")

# ---------------------------------------------------------------------------------------------------------
# ktp_support positives (KTP copies / support letters for independent candidates)
# ---------------------------------------------------------------------------------------------------------
KT = "ktp_support"
P(KT, None, "report", "2024-05-08", "33.18",
  "Kades mengumpulkan fotokopi KTP warga untuk dukungan pasangan perseorangan Gunawan–Tari, katanya buat bantuan.",
  ["Kades mengumpulkan fotokopi KTP warga untuk dukungan pasangan perseorangan Gunawan–Tari"], "report: village head collects KTP copies")
P(KT, "guru_sd", "post", "2024-05-02", "33.20",
  "Rekan2 guru, yg mau bantu calon independen Gunawan–Tari kumpulin fotokopi KTP ke sy ya, sekalian tanda tangan surat dukungannya",
  ["kumpulin fotokopi KTP ke sy ya", "sekalian tanda tangan surat dukungannya"], "PNS teacher collects KTP copies")
P(KT, None, "report", "2024-05-20", "35.78",
  "Nama dan NIK seorang PNS Dinas Sosial muncul di daftar dukungan calon perseorangan, dia mengaku menyerahkan KTP sendiri.",
  ["PNS Dinas Sosial muncul di daftar dukungan calon perseorangan", "mengaku menyerahkan KTP sendiri"], "report: PNS gave own KTP")
P(KT, None, "report", "2024-04-25", "32.05",
  "Perangkat desa keliling minta KTP warga utk syarat dukungan bakal calon bupati jalur independen.",
  ["Perangkat desa keliling minta KTP warga utk syarat dukungan bakal calon bupati jalur independen"], "report: village official gathers KTP")
P(KT, "kades", "post", "2024-05-10", "33.21",
  "Alhamdulillah 450 KTP warga desa sudah terkumpul utk dukungan Gunawan–Tari, tinggal diserahkan ke LO 💪",
  ["450 KTP warga desa sudah terkumpul utk dukungan Gunawan–Tari"], "village head reports KTP collected")
P(KT, None, "report", "2024-05-03", "73.71",
  "Lurah memerintahkan ketua RT mengumpulkan salinan KTP warga, katanya utk pasangan perseorangan yg didukung pak lurah.",
  ["Lurah memerintahkan ketua RT mengumpulkan salinan KTP warga", "pasangan perseorangan yg didukung pak lurah"], "report: lurah orders KTP collection")
P(KT, None, "post", "2024-05-14", "35.09",
  "Sbg bidan PNS sy ikut tanda tangan form B.1-KWK dukungan buat calon perseorangan, demi perubahan ✊",
  ["Sbg bidan PNS", "ikut tanda tangan form B.1-KWK dukungan buat calon perseorangan"], "self-declared PNS signs support form")
P(KT, None, "report", "2024-04-30", "33.22",
  "Kepala sekolah meminta guru2 menyerahkan fotokopi KTP dan KK utk mendukung calon independen, ditagih di rapat dinas.",
  ["Kepala sekolah meminta guru2 menyerahkan fotokopi KTP dan KK utk mendukung calon independen"], "report: head teacher collects KTP")
P(KT, None, "report", "2024-05-11", "64.02",
  "Operator desa (perangkat) input NIK warga ke SILON utk dukungan paslon perseorangan tanpa sepengetahuan warga.",
  ["Operator desa (perangkat) input NIK warga ke SILON utk dukungan paslon perseorangan"], "report: village official enters NIKs for an independent")
P(KT, "staf_kec", "post", "2024-05-06", "33.19",
  "Yg KTP-nya sudah difotokopi buat dukungan Pak Gunawan, tolong tanda tangan di sini ya, sy tunggu di kantor kecamatan jam istirahat 🙏",
  ["KTP-nya sudah difotokopi buat dukungan Pak Gunawan", "tolong tanda tangan"], "ASN collects support signatures")
P(KT, None, "report", "2024-05-09", "35.26",
  "Kadus menukar beras 5 kg dengan fotokopi KTP warga utk dukungan calon perseorangan.",
  ["Kadus menukar beras 5 kg dengan fotokopi KTP warga utk dukungan calon perseorangan"], "report: KTP traded for rice")
P(KT, None, "report", "2024-05-22", "33.29",
  "Ditemukan 12 surat dukungan bakal calon perseorangan ditandatangani pegawai Puskesmas berstatus PNS.",
  ["surat dukungan bakal calon perseorangan ditandatangani pegawai Puskesmas berstatus PNS"], "report: PNS signed support letters")
P(KT, None, "post", "2024-05-05", "32.04",
  "Temen2 ASN, dukungan KTP utk calon independen Gunawan–Tari masih kurang 2 ribu, ayo bantu. Kirim foto KTP ke nomor ini",
  ["Temen2 ASN", "dukungan KTP utk calon independen Gunawan–Tari"], "author addresses fellow ASN to gather KTP (bound by the text)")
P(KT, None, "report", "2024-05-16", "33.24",
  "Sekdes menyimpan ratusan fotokopi KTP warga di kantor desa yg ternyata dipakai utk dukungan pasangan calon perseorangan.",
  ["Sekdes menyimpan ratusan fotokopi KTP warga", "dipakai utk dukungan pasangan calon perseorangan"], "report: village secretary holds KTP copies")
P(KT, None, "report", "2024-05-13", "74.71",
  "Guru PPPK mengisi surat pernyataan dukungan utk bakal calon wali kota jalur perseorangan dan melampirkan KTP-nya.",
  ["Guru PPPK mengisi surat pernyataan dukungan utk bakal calon wali kota jalur perseorangan"], "report: PPPK signs support statement")
P(KT, "bpd", "post", "2024-05-18", "19.03",
  "Bpk/ibu yg blm setor KTP utk pasangan independen Gunawan–Tari, sy ambil ke rumah besok pagi ya 🙏",
  ["yg blm setor KTP utk pasangan independen Gunawan–Tari, sy ambil ke rumah"], "BPD member collects KTP door to door")

# ---------------------------------------------------------------------------------------------------------
# partisan_event positives (meetings, gatherings, appeals, gifts favouring a candidate)
# ---------------------------------------------------------------------------------------------------------
PE = "partisan_event"
P(PE, None, "report", "2024-10-14", "33.74",
  "Kepala dinas mengumpulkan seluruh staf di aula, mengimbau memilih paslon 02 'demi keberlanjutan program dinas'.",
  ["Kepala dinas mengumpulkan seluruh staf di aula, mengimbau memilih paslon 02"], "report: head of agency appeals to staff")
P(PE, "kades", "post", "2024-11-15", "33.20",
  "Syukuran desa nanti malam sekalian doa bersama utk kemenangan Budi–Sari, warga wajib hadir ya 🙏",
  ["doa bersama utk kemenangan Budi–Sari", "warga wajib hadir"], "village head holds partisan prayer gathering")
P(PE, None, "report", "2024-11-10", "33.18",
  "Camat kirim pesan WA ke semua kades: 'Mohon arahkan warga ke nomor 1, ini arahan'.",
  ["Camat kirim pesan WA ke semua kades: 'Mohon arahkan warga ke nomor 1"], "report: camat instructs village heads")
P(PE, None, "report", "2024-11-03", "35.78",
  "Istri pak lurah dan pak lurah sendiri bagi2 amplop + stiker paslon 3 waktu pengajian ibu2.",
  ["pak lurah sendiri bagi2 amplop + stiker paslon 3"], "report: lurah gives gifts for 03")
P(PE, "kepsek", "post", "2024-11-08", "35.07",
  "Rapat guru hari ini sy tutup dgn pesan: pilihlah pemimpin yg peduli pendidikan, yaitu nomor urut 3. InsyaAllah berkah.",
  ["Rapat guru hari ini sy tutup dgn pesan", "yaitu nomor urut 3"], "head teacher appeals to staff in a meeting")
P(PE, None, "report", "2024-10-19", "33.17",
  "Kades mengundang warga makan2 di rumahnya dengan menghadirkan calon bupati nomor 2, ada pembagian sembako.",
  ["Kades mengundang warga makan2 di rumahnya dengan menghadirkan calon bupati nomor 2"], "report: village head hosts candidate with gifts")
P(PE, None, "report", "2024-10-25", "33.02",
  "Kepala Puskesmas mengumpulkan kader posyandu dan meminta mereka mengajak ibu2 memilih paslon 01.",
  ["Kepala Puskesmas mengumpulkan kader posyandu dan meminta mereka mengajak ibu2 memilih paslon 01"], "report: health-centre head mobilises cadres")
P(PE, None, "report", "2024-10-30", "33.28",
  "Sekdes menggelar arisan RT yang diisi sosialisasi program paslon 02 dan pembagian kaos.",
  ["Sekdes menggelar arisan RT yang diisi sosialisasi program paslon 02"], "report: village secretary's partisan gathering")
P(PE, "lurah", "post", "2024-11-20", "64.71",
  "Terima kasih ketua RT/RW yg sdh hadir di rumah dinas, titipan sy jelas ya: 27 Nov kita kompak ke Teguh–Maya ✌️",
  ["titipan sy jelas ya: 27 Nov kita kompak ke Teguh–Maya"], "lurah appeals to RT/RW heads")
P(PE, None, "report", "2024-01-24", "35.73",
  "Kepala sekolah membagikan surat edaran ke wali murid berisi ajakan memilih capres nomor 1.",
  ["Kepala sekolah membagikan surat edaran ke wali murid berisi ajakan memilih capres nomor 1"], "Pemilu 2024 report: circular with partisan appeal")
P(PE, None, "report", "2024-10-16", "33.20",
  "Pegawai BKPSDM mengadakan acara makan siang bersama pegawai dan mengundang calon bupati nomor 3 utk sambutan.",
  ["mengadakan acara makan siang bersama pegawai dan mengundang calon bupati nomor 3 utk sambutan"], "report: staff lunch with candidate speech")
P(PE, "kades", "post", "2024-11-04", "35.06",
  "Bagi2 sembako dari Pak Hendra (paslon 01) buat lansia di desa, sy antar langsung. Jangan lupa 27 Nov ya mbah ☝️",
  ["Bagi2 sembako dari Pak Hendra (paslon 01)", "sy antar langsung"], "village head distributes candidate's gifts")
P(PE, None, "report", "2024-10-07", "33.21",
  "Ketua BPD mengumpulkan tokoh pemuda, meminta mereka membentuk relawan Budi–Sari di setiap dusun.",
  ["Ketua BPD mengumpulkan tokoh pemuda, meminta mereka membentuk relawan Budi–Sari"], "report: BPD chair organises volunteers")
P(PE, None, "report", "2024-10-22", "36.03",
  "Kabag di Setda mengadakan lomba voli antar-OPD berhadiah dari tim paslon 02 dan ada spanduk paslon di lapangan.",
  ["Kabag di Setda", "mengadakan lomba voli antar-OPD berhadiah dari tim paslon 02"], "report: official event sponsored by a campaign")
P(PE, "guru_sd", "post", "2024-10-27", "33.19",
  "Grup wali murid: Bapak/Ibu, besok ada pertemuan wali murid di rumah sy, sekalian silaturahmi dgn Bu Sari cawabup no 2 ya 🙏",
  ["pertemuan wali murid di rumah sy, sekalian silaturahmi dgn Bu Sari cawabup no 2"], "teacher hosts parents' meeting with candidate")
P(PE, None, "report", "2024-11-12", "33.26",
  "Penyuluh KB PNS memberi bingkisan ke akseptor KB dengan kartu ucapan dari paslon 3.",
  ["Penyuluh KB PNS memberi bingkisan ke akseptor KB dengan kartu ucapan dari paslon 3"], "report: gifts with candidate card")
P(PE, None, "report", "2024-10-21", "64.02",
  "Camat mengarahkan rapat minggon kecamatan agar tiap desa menargetkan 70% suara untuk calon gubernur nomor 1.",
  ["Camat mengarahkan rapat minggon kecamatan agar tiap desa menargetkan 70% suara untuk calon gubernur nomor 1"], "report: camat sets vote targets in an official meeting")
P(PE, "kades", "post", "2024-11-13", "33.18",
  "Pengajian akbar desa malam Jumat menghadirkan Pak Yusuf calon bupati no 3 sbg tamu kehormatan. Yuk warga datang, ada doorprize 🎁",
  ["menghadirkan Pak Yusuf calon bupati no 3 sbg tamu kehormatan"], "village head hosts candidate at village event")
P(PE, None, "report", "2024-01-31", "33.20",
  "Kades kumpulkan ketua RT di balai desa, minta tiap RT setor target 100 suara utk caleg Partai Rakyat Sejahtera nomor urut 1.",
  ["Kades kumpulkan ketua RT di balai desa, minta tiap RT setor target 100 suara"], "Pemilu 2024 report: village head sets vote targets")

# =========================================================================================================
# hard negatives
# =========================================================================================================
# --- citizens: the same partisan words, but the author is not bound --------------------------------------
N("citizen", "mhs", "post", "2024-10-12", "33.20",
  "Fix aku pilih Budi–Sari nomor 2, programnya buat anak muda masuk akal bgt ✌️ #BudiSari",
  "student (not bound) supports a candidate", SM)
N("citizen", "pedagang", "post", "2024-10-19", "33.18",
  "Pasar kita butuh dibenahi, makanya sy pilih paslon 01 Hendra–Wulan ☝️ yuk pedagang kompak!",
  "market trader (not bound) campaigns", SM)
N("citizen", "irt", "post", "2024-11-02", "64.02",
  "Mak2 sekomplek udah sepakat 27 Nov coblos no 3 yaa, Yusuf–Ratna peduli emak2 💚",
  "housewife (not bound) campaigns", SM)
N("citizen", "ojol", "post", "2024-11-10", "73.71",
  "Gasss poll 02!! ojol se-Makassar siap menangkan Budi–Sari ✌️🛵",
  "ojol driver (not bound) campaigns", SM)
N("citizen", "petani", "post", "2024-10-24", "35.09",
  "Salam tiga jari dr sawah 🤟 Pak Yusuf paham petani",
  "farmer (not bound) uses hand sign", SM)
N("citizen", "karyawan", "post", "2024-11-08", "32.73",
  "Debat td malam paslon 01 kalah telak. Udh lah pilih yg jelas aja: nomor 2!",
  "private employee (not bound) campaigns", SM)
N("citizen", "mhs", "post", "2024-10-30", "34.71",
  "Tolak paslon 02, dinasti politik harus dilawan! #Jangan02",
  "student campaigns against a candidate; not bound", SM)
N("citizen", "wiraswasta", "post", "2024-10-17", "33.19",
  "sy share flyer visi misi Hendra–Wulan, silakan dibaca sblm milih ☝️",
  "entrepreneur shares campaign flyer; not bound", SM)
N("citizen", "nelayan", "post", "2024-11-14", "64.02",
  "Nelayan Kukar solid dukung calon bupati nomor urut 3, jangan lupa 27 November!",
  "fisher (not bound) campaigns", SM)
N("citizen", "mhs", "post", "2024-01-12", "34.04",
  "Pilpres kali ini aku all in Darmawan–Kirana ✌️ anak muda harus bersuara!",
  "Pemilu 2024: student supports a pair; not bound", SM)
N("citizen", "karyawan", "post", "2024-02-01", "31.73",
  "Salam satu jari ☝️ Pak Wirawan pilihan keluarga kami",
  "Pemilu 2024: private employee uses hand sign; not bound", SM)
N("retired", "pensiunan", "post", "2024-10-20", "33.20",
  "Sdh pensiun dari PNS th lalu, skrg bebas bilang: sy dukung Budi–Sari nomor 2 ✌️",
  "retired civil servant is no longer bound", SM)
N("retired", "pensiunan", "post", "2024-11-06", "33.74",
  "Alhamdulillah purna tugas, skrg bisa ikut kampanye Pak Hendra tanpa beban ☝️",
  "retired civil servant joins campaign; not bound", CA)
N("citizen", "kreator", "post", "2024-11-04", "32.73",
  "Review jujur program 3 paslon: menurutku paling realistis nomor 3. Tapi pilihan kalian bebas ya",
  "content creator (not bound) states a preference", SM)
N("citizen", "buruh", "post", "2024-11-12", "33.19",
  "Buruh Kudus pilih 01! Upah layak harga mati ☝️✊",
  "worker (not bound) campaigns", SM)
N("citizen", "irt", "post", "2024-10-26", "33.22",
  "Suamiku PNS jadi gak boleh ikut2an, ya udah aku aja yg pasang stiker Budi–Sari di motor 😂✌️",
  "spouse of a PNS is not bound; the PNS does nothing partisan here", CP)
N("citizen", "guru_swasta", "post", "2024-11-09", "35.11",
  "Sbg guru ngaji & guru madrasah swasta, sy ajak wali santri pilih Yusuf–Ratna no 3",
  "private madrasah teacher is not ASN", SM)
N("citizen", "umkm", "post", "2024-10-23", "35.78",
  "Pelaku UMKM harus pilih pemimpin pro UMKM, dan itu cuma paslon 01. Titik.",
  "small-business owner (not bound) campaigns", SM)
N("citizen", "mhs", "post", "2024-10-09", "33.18",
  "Liat baliho Budi–Sari di perempatan, gede bgt, auto salam dua jari ✌️ wkwk",
  "student (not bound) hand sign", SM)
N("citizen", None, "post", "2024-10-31", "33.20",
  "ASN dilarang kampanye, tapi saya bukan ASN, jadi saya bebas bilang: pilih 01!",
  "text says the author is not an ASN", SM)
N("citizen", None, "post", "2024-11-03", "35.07",
  "Bapak saya PNS tp saya bukan, jadi saya yg share poster paslon 3 😂",
  "author's father is PNS, the author is not", SM)
N("citizen", "karyawan", "post", "2024-11-16", "12.71",
  "Yg kerja di swasta kyk aku bebas dong ya bilang dukung Teguh–Maya nomor 2 ✌️",
  "private-sector author (not bound)", SM)

# --- volunteers, campaign teams, party cadres, legislative candidates ------------------------------------
N("volunteer", "relawan", "post", "2024-10-15", "33.18",
  "Relawan Budi–Sari Kecamatan Tayu siap door to door, target 70% suara ✌️",
  "volunteer team (not bound)", CA)
N("volunteer", "timses", "post", "2024-10-22", "33.20",
  "Jadwal kampanye dialogis paslon 01 Hendra–Wulan hari ini: 09.00 Desa Sukamaju, 13.00 Pasar Baru. Hadiri ya ☝️",
  "campaign team schedule (not bound)", CA)
N("volunteer", "relawan", "post", "2024-10-05", "64.02",
  "Posko pemenangan Yusuf–Ratna sudah buka di Jl. Merdeka no 12, yg mau ambil kaos & stiker silakan mampir 🤟",
  "volunteer post office (not bound)", CP)
N("volunteer", "caleg", "post", "2024-02-02", "73.71",
  "Mohon doa restu, sy caleg DPRD Kota Makassar dapil 2 nomor urut 3 dari Partai Amanah Rakyat. Coblos ya 🙏",
  "Pemilu 2024: legislative candidate campaigns for self", CD)
N("volunteer", "timses", "post", "2024-09-29", "33.20",
  "Alhamdulillah deklarasi relawan milenial Budi–Sari di Jepara dihadiri 2.000 orang ✌️",
  "campaign team reports its declaration", CA)
N("volunteer", "relawan", "post", "2024-05-07", "33.20",
  "KTP dukungan utk calon perseorangan Gunawan–Tari masih dibuka ya, kirim ke posko kami",
  "volunteer collects KTP; volunteers are not bound", KT)
N("volunteer", "kader", "post", "2024-08-20", "33.74",
  "Rapat konsolidasi DPC Partai Nusantara Maju malam ini, seluruh kader wajib hadir!",
  "party cadre (not bound)", PA)
N("volunteer", "relawan", "post", "2024-10-12", "35.09",
  "Spanduk paslon 3 sudah terpasang di 20 titik, makasih teman2 relawan 💚",
  "volunteers put up banners (not bound)", CP)
N("volunteer", "timses", "post", "2024-10-31", "64.71",
  "Ayo ramaikan kampanye akbar Teguh–Maya nomor 2 di Stadion Minggu ini ✌️ gratis konser!",
  "campaign team invitation", CA)
N("volunteer", "jubir", "post", "2024-10-27", "33.74",
  "Paslon 01 siap adu gagasan di debat kedua, kami yakin Hendra–Wulan unggul ☝️",
  "campaign spokesperson", SM)
N("volunteer", "relawan", "post", "2024-01-14", "31.74",
  "Bagi2 stiker capres nomor 2 di car free day, respon warga positif ✌️",
  "Pemilu 2024 volunteer distributes stickers", CP)
N("volunteer", "saksi", "post", "2024-11-27", "33.18",
  "Sy saksi paslon 02 di TPS 05, hasil sementara unggul tipis, pantau terus ya",
  "candidate's polling witness (not bound)", SM)
N("volunteer", "kader", "post", "2024-10-18", "33.21",
  "Kader Partai Rakyat Sejahtera se-kecamatan siap menangkan paslon 01, instruksi DPC sudah turun 💪",
  "party cadres (not bound)", PE)

# --- candidates themselves --------------------------------------------------------------------------------
N("candidate", "calon", "post", "2024-10-08", "33.18",
  "Sy Budi, calon bupati nomor urut 2. Terima kasih warga Pati atas sambutannya hari ini. Salam dua jari ✌️",
  "candidate's own post", SM)
N("candidate", "calon_wakil", "post", "2024-10-13", "33.18",
  "Sari di sini 👋 besok kita ngobrol UMKM di Desa Karanganyar. Jangan lupa, nomor 2 ya!",
  "running mate's own post", SM)
N("candidate", "calon", "post", "2024-11-01", "32.73",
  "Hendra–Wulan nomor 1 berkomitmen gratiskan berobat. Coblos nomor 1 tanggal 27 November ☝️",
  "candidate's own call to vote", SM)
N("candidate", "calon", "post", "2024-10-28", "64.71",
  "Terima kasih relawan se-Kaltim. Teguh–Maya akan bekerja utk semua. Salam dua jari ✌️",
  "candidate thanks volunteers", SM)
N("candidate", "calon_perseorangan", "post", "2024-05-28", "33.20",
  "Terima kasih 35 ribu warga yg sudah menyerahkan KTP dukungan utk kami, Gunawan–Tari jalur perseorangan",
  "independent candidate thanks KTP supporters", KT)
N("candidate", "calon", "post", "2024-10-16", "35.09",
  "Sy Yusuf, paslon 3. Hari ini kampanye di pasar, pedagang curhat soal retribusi. Kami catat 🤟",
  "candidate's campaign diary", CA)
N("candidate", "caleg_dpr", "post", "2024-01-22", "33.74",
  "Mohon dukungan, caleg DPR RI nomor urut 1 Partai Karya Bangsa dapil Jateng II",
  "Pemilu 2024 legislative candidate", SM)
N("candidate", "calon", "post", "2024-10-03", "35.07",
  "Sy sudah resmi mundur dari PNS sejak Agustus, sekarang fokus sebagai calon bupati nomor 1. Mohon doanya 🙏",
  "former PNS who resigned before running: not bound any more", CD)

# --- news: reporting on rules, campaigns or someone else's violation ---------------------------------------
N("news", "media", "news", "2024-10-18", "33.20",
  "Bawaslu Kabupaten Jepara menemukan tiga ASN yang diduga mengunggah dukungan kepada salah satu pasangan calon di media sosial. Kasus tersebut telah diteruskan ke BKN.",
  "news reporting a violation", SM)
N("news", "media", "news", "2024-10-03", "33.18",
  "Seorang kepala desa di Kabupaten Pati dilaporkan ke Bawaslu karena diduga menghadiri deklarasi pasangan calon nomor urut 2. Bawaslu masih melakukan klarifikasi.",
  "news reporting an alleged violation", CA)
N("news", "media", "news", "2024-09-30", None,
  "BKN menegaskan ASN yang terbukti memberi like atau komentar pada akun kampanye pasangan calon dapat dijatuhi sanksi disiplin berat.",
  "news on the rules", SM)
N("news", "media", "news", "2024-09-23", "64.02",
  "Pemkab Kutai Kartanegara menggelar apel netralitas ASN menjelang Pilkada Serentak 2024. Seluruh pegawai diminta tidak memasang foto profil bernuansa kampanye.",
  "news on a neutrality assembly", SM)
N("news", "media", "news", "2024-12-10", None,
  "Kemendagri mencatat ribuan ASN diduga melanggar netralitas selama Pilkada 2024, sebagian besar terkait unggahan media sosial; banyak kasus masih menunggu tindak lanjut PPK.",
  "news on statistics", SM)
N("news", "media", "news", "2024-08-28", "73.71",
  "Camat dan lurah di Kota Makassar menandatangani pakta integritas netralitas ASN yang disaksikan Bawaslu dan KPU.",
  "news on a pledge", CA)
N("news", "media", "news", "2024-11-19", "33.19",
  "Bawaslu merekomendasikan sanksi kepada seorang guru PNS yang mengunggah foto bersama calon bupati sambil berpose dua jari. Rekomendasi telah dikirim ke BKN.",
  "news reporting someone else's violation", SM)
N("news", "media", "news", "2024-10-02", "19.71",
  "Pemkot Pangkalpinang mengingatkan ASN untuk tidak menggunakan kendaraan dinas dalam kegiatan kampanye pasangan calon mana pun.",
  "news on a reminder", SR)
N("news", "media", "news", "2024-11-07", "33.22",
  "Tim kampanye pasangan Budi–Sari melaporkan dugaan keterlibatan perangkat desa dalam kampanye paslon 01 ke Bawaslu Kabupaten Semarang.",
  "news on a complaint", CA)
N("news", "media", "news", "2024-09-22", "32.73",
  "KPU Kota Bandung menetapkan tiga pasangan calon wali kota dan wakil wali kota; pengundian nomor urut digelar esok hari.",
  "news on candidate determination", None)
N("news", "media", "news", "2024-11-11", "33.20",
  "Survei terbaru menunjukkan elektabilitas paslon nomor urut 2 Budi–Sari unggul tipis atas paslon 01 Hendra–Wulan di Kabupaten Jepara.",
  "news on a survey naming candidates and numbers", SM)
N("news", "media", "news", "2024-08-15", "33.20",
  "Sebanyak 45 kepala desa di Kabupaten Jepara mengikuti sosialisasi netralitas kepala desa dan perangkat desa yang digelar Bawaslu.",
  "news on socialisation", None)
N("news", "media", "news", "2024-10-30", "33.18",
  "Debat publik kedua calon bupati Pati berlangsung panas; paslon 03 menyoroti program pertanian, paslon 01 menyinggung infrastruktur.",
  "news on a debate", None)
N("news", "media", "news", "2024-11-21", None,
  "Kasus ASN Pemkab yang ikut kampanye pasangan calon diteruskan ke BKN. Ancaman sanksinya mulai penurunan jabatan hingga pemberhentian.",
  "news on a case and sanctions", CA)
N("news", "media", "news", "2024-11-16", "64.71",
  "Ratusan warga menghadiri kampanye akbar pasangan calon gubernur nomor urut 1 di Lapangan Merdeka. Aparat gabungan mengamankan jalannya kampanye.",
  "news on a rally", CA)
N("news", "media", "news", "2024-10-09", "64.02",
  "Bawaslu Kukar menertibkan 300 alat peraga kampanye yang dipasang di fasilitas pemerintah, termasuk di pagar sekolah dan kantor desa.",
  "news on enforcement against props", CP)
N("news", "media", "news", "2024-12-05", "91.71",
  "Seorang lurah di Kota Jayapura dijatuhi sanksi penundaan kenaikan pangkat setelah terbukti mengarahkan ketua RT memilih pasangan calon tertentu.",
  "news on a sanction", PE)
N("news", "media", "news", "2024-10-11", None,
  "Pengamat: larangan ASN memberi 'like' pada unggahan kampanye masih sering disalahpahami pegawai di daerah.",
  "news commentary on rules", SM)
N("news", "media", "news", "2024-10-08", "35.78",
  "Dinas Pendidikan mengimbau guru tidak mengajak murid berpose salam jari yang identik dengan nomor urut pasangan calon.",
  "news on an appeal", SM)
N("news", "media", "news", "2024-11-05", "73.71",
  "Bawaslu Makassar memanggil seorang camat untuk klarifikasi terkait video yang memperlihatkan dirinya di acara deklarasi relawan pasangan calon nomor urut 3.",
  "news on a clarification summons", CA)
N("news", "media", "news", "2024-01-19", None,
  "KASN mencatat ratusan laporan dugaan pelanggaran netralitas ASN menjelang Pemilu 2024, terbanyak berupa kampanye di media sosial.",
  "Pemilu 2024 news on statistics", SM)
N("news", "media", "news", "2024-05-15", "33.20",
  "KPU Jepara memverifikasi dukungan KTP bakal pasangan calon perseorangan; petugas menemukan sejumlah nama ganda.",
  "news on KTP verification", KT)
N("news", "media", "news", "2024-08-30", None,
  "Sejumlah kepala daerah mengajukan cuti di luar tanggungan negara sebelum mendaftar sebagai calon. Aturan serupa berlaku bagi ASN yang ingin maju.",
  "news on candidacy rules", CD)
N("news", "media", "news", "2024-10-24", "35.09",
  "Warga mengeluhkan bantuan sosial yang dibagikan bersamaan dengan stiker pasangan calon; Bawaslu Jember menelusuri siapa yang membagikannya.",
  "news on a complaint under investigation", OA)

# --- Bawaslu announcements ----------------------------------------------------------------------------------
N("bawaslu", "bawaslu", "post", "2024-09-25", "33.20",
  "📢 Ayo lapor! Jika menemukan ASN, kepala desa atau perangkat desa yang ikut kampanye, laporkan ke Bawaslu maksimal 7 hari sejak kejadian diketahui. #BawasluJepara",
  "Bawaslu call for reports", CA)
N("bawaslu", "humas_bawaslu", "post", "2024-10-01", "32.73",
  "Bawaslu Kota Bandung mengingatkan: ASN dilarang berfoto dengan pasangan calon sambil menunjukkan simbol jari yang identik dengan nomor urut. Jaga netralitas!",
  "Bawaslu reminder posted by an ASN; no support", SM)
N("bawaslu", "bawaslu", "post", "2024-11-23", None,
  "Pengumuman: Masa tenang Pilkada 2024 berlangsung 24–26 November. Seluruh APK wajib diturunkan oleh tim kampanye. Bawaslu akan melakukan patroli.",
  "Bawaslu announcement", CP)
N("bawaslu", "bawaslu", "post", "2024-10-28", "33.18",
  "Bawaslu Pati telah menerima 4 laporan dugaan pelanggaran netralitas ASN. Dua laporan telah diregistrasi dan sedang dalam kajian.",
  "Bawaslu status update", None)
N("bawaslu", "humas_bawaslu", "post", "2024-10-04", "64.02",
  "Infografis: bentuk pelanggaran netralitas ASN di media sosial — membuat unggahan, komentar, membagikan, menyukai, dan mengikuti akun pemenangan pasangan calon.",
  "Bawaslu infographic listing prohibited acts", SM)
N("bawaslu", "bawaslu", "post", "2024-10-10", None,
  "Bawaslu mengajak masyarakat menjadi pengawas partisipatif. Temukan pelanggaran? Lapor lewat SIGAP Lapor atau datang ke kantor Panwascam terdekat.",
  "Bawaslu invitation to report", None)
N("bawaslu", "bawaslu", "post", "2024-09-18", "64.02",
  "Sosialisasi pengawasan partisipatif bersama pemuda Kecamatan Tenggarong: kenali politik uang, kampanye di tempat ibadah, dan keterlibatan ASN.",
  "Bawaslu socialisation", None)
N("bawaslu", "bawaslu", "post", "2024-10-20", "19.71",
  "Bawaslu Provinsi Bangka Belitung melakukan patroli siber selama masa kampanye untuk memantau akun ASN yang terindikasi mendukung pasangan calon.",
  "Bawaslu cyber patrol announcement", SM)
N("bawaslu", "humas_bawaslu", "post", "2024-05-06", "33.20",
  "Bawaslu mengingatkan ASN, kepala desa dan perangkat desa tidak boleh memberikan fotokopi KTP sebagai dukungan bakal calon perseorangan.",
  "Bawaslu reminder on KTP support", KT)

# --- socialisation events and neutrality pledges (ASN authors) -----------------------------------------------
N("socialisation", "camat", "post", "2024-09-19", "33.18",
  "Hari ini seluruh kades se-kecamatan menandatangani ikrar netralitas. Kita berdiri di atas semua golongan 🇮🇩 #ASNNetral",
  "neutrality pledge", None)
N("socialisation", "guru_sd", "post", "2024-09-26", "33.20",
  "Ikut sosialisasi netralitas ASN di aula dinas pendidikan, ternyata nge-like postingan paslon aja udah pelanggaran ya 😮 noted!",
  "ASN learns the rules", SM)
N("socialisation", "lurah", "post", "2024-09-23", "73.71",
  "Apel pagi bersama staf kelurahan: komitmen netral di Pilkada 2024. Pelayanan tetap utk semua warga, apa pun pilihannya.",
  "neutrality commitment", None)
N("socialisation", "kades", "post", "2024-08-27", "33.18",
  "Perangkat desa kami siap netral! Tadi ikut sosialisasi Bawaslu ttg larangan kades ikut kampanye paslon mana pun 🙏",
  "village head reports neutrality socialisation", CA)
N("socialisation", "bkpsdm", "post", "2024-09-12", "33.74",
  "Materi sosialisasi netralitas ASN hari ini: jangan pose 1, 2, atau 3 jari saat foto bersama paslon, jangan pakai atribut, jangan share konten kampanye.",
  "socialisation material listing prohibited acts", SM)
N("socialisation", "kepsek", "post", "2024-09-30", "35.07",
  "Guru2 di sekolah kami sudah tanda tangan pakta integritas netralitas. Kami mendidik, bukan berkampanye.",
  "neutrality pledge at a school", None)
N("socialisation", "bidan_pppk", "post", "2024-10-03", "64.02",
  "PPPK juga ASN lho, jadi sama wajib netral. Td dpt briefing dr kepala puskesmas 👍",
  "PPPK reminder", None)
N("socialisation", "staf_kec", "post", "2023-11-15", "33.20",
  "Deklarasi ASN netral se-Kabupaten Jepara di alun2 pagi ini, ribuan pegawai hadir 🇮🇩",
  "Pemilu 2024: 'deklarasi' of neutrality, not of a candidate", CA)
N("socialisation", "sekdes", "post", "2024-09-21", "33.29",
  "Rapat desa: perangkat desa sepakat tidak memasang APK paslon mana pun di kantor dan fasilitas desa. Netral itu harga mati.",
  "village commitment not to put up props", CP)
N("socialisation", "kominfo", "post", "2024-11-18", "74.71",
  "Menjelang pencoblosan, kami di Diskominfo menggelar bimtek bagi admin medsos OPD agar tidak membagikan konten kampanye.",
  "training on neutrality", SM)
N("socialisation", "camat", "post", "2024-09-24", "35.09",
  "Ikrar netralitas ASN dan kepala desa se-Kecamatan, disaksikan Panwascam dan Forkopimcam. Mari jaga Pilkada damai.",
  "neutrality pledge", None)
N("socialisation", "guru_pppk", "post", "2024-10-02", "33.22",
  "Baru tau kalau cuma pasang twibbon paslon aja bisa kena sanksi. Makasih sosialisasinya Bawaslu 🙏",
  "ASN learns about twibbon rule", SM)

# --- reminders to stay neutral (ASN authors) ----------------------------------------------------------------
N("reminder", "guru_smp", "post", "2024-10-05", "33.19",
  "Rekan2 ASN, yuk jaga jempol. Jangan like/share konten paslon mana pun sampai Pilkada selesai 🙏",
  "reminder to stay neutral", SM)
N("reminder", "kades", "post", "2024-10-12", "33.21",
  "Pesan buat perangkat desa: kalian boleh punya pilihan, tapi simpan di bilik suara. Di medsos tetap netral ya.",
  "village head reminds officials", SM)
N("reminder", "staf_kec", "post", "2024-10-19", "35.78",
  "Grup alumni rame bahas paslon, aku diem aja ya gaes, ASN harus netral 🤐",
  "ASN abstains", SM)
N("reminder", "dosen", "post", "2024-10-23", "34.04",
  "Ngingetin mahasiswa boleh kampanye, dosen ASN gak boleh. Jadi jgn tag aku di postingan paslon ya 😅",
  "lecturer asks not to be tagged", SM)
N("reminder", "lurah", "post", "2024-11-02", "73.71",
  "Mohon maaf, sy hapus komen warga di postingan akun kelurahan yg isinya ajakan milih paslon. Akun ini milik semua warga.",
  "lurah removes partisan comments", SM)
N("reminder", "perawat", "post", "2024-10-29", "33.11",
  "Temen ngajak foto pake pose dua jari sama calon wakil bupati yg lagi periksa, sy tolak halus. ASN netral ✌️ eh... maksudnya damai 😂",
  "ASN refused a partisan pose; emoji means peace", SM)
N("reminder", "kepsek", "post", "2024-10-07", "35.73",
  "Mengingatkan guru: ruang kelas dan grup WA wali murid bukan tempat kampanye. Tegakkan netralitas.",
  "head teacher reminder", SR)
N("reminder", "dinsos", "post", "2024-10-14", "35.10",
  "Status WA pegawai bukan tempat nyebar poster paslon ya bapak ibu, ingat SKB 5 menteri.",
  "reminder citing the joint decree", SM)
N("reminder", "camat", "post", "2024-10-01", "33.02",
  "Pada kades: dana desa tidak boleh dipakai untuk kegiatan yang berbau kampanye. Bawaslu mengawasi, saya juga.",
  "camat reminder on village funds", SR)
N("reminder", "sekdes", "post", "2024-09-10", "33.24",
  "Perangkat desa yg mau jadi tim sukses silakan mundur dulu dari jabatannya. Aturannya jelas.",
  "village secretary reminder", CA)
N("reminder", "guru_sd", "post", "2024-01-09", "35.07",
  "Debat capres semalam seru, tapi aku gak bakal komen pilihan ya, ASN 🤐",
  "Pemilu 2024: ASN abstains from comment", SM)

# --- 'sudah nyoblos' posts ----------------------------------------------------------------------------------
N("voted", "guru_sd", "post", "2024-11-27", "33.20",
  "Alhamdulillah sudah nyoblos 💜 jari ungu check. Semoga Jepara makin maju siapa pun pemimpinnya 🙏",
  "inked-finger post without a candidate", SM)
N("voted", "bidan_pppk", "post", "2024-11-27", "64.02",
  "Nyoblos dulu sebelum dinas jaga di puskesmas 🤙 jari ungu",
  "inked-finger post", SM)
N("voted", "camat", "post", "2024-11-27", "33.18",
  "Sudah menggunakan hak pilih di TPS 07. Ayo warga, masih ada waktu sampai jam 13.00!",
  "voted, urges turnout", None)
N("voted", "kades", "post", "2024-02-14", "33.21",
  "5 surat suara beres dicoblos 😮‍💨 jari ungu bukti sy sudah memilih. Pemilu damai!",
  "Pemilu 2024 voted post", None)
N("voted", "lurah", "post", "2024-11-27", "73.71",
  "Sudah nyoblos bareng keluarga, lanjut pantau TPS di wilayah kelurahan 🙏",
  "voted post", None)
N("voted", "perawat", "post", "2024-11-27", "33.74",
  "Jari ungu ✔️ pilihan rahasia 🤫 yang penting partisipasi!",
  "voted post keeps the choice secret", SM)
N("voted", "guru_pppk", "post", "2024-11-27", "35.78",
  "Inked finger 💜 Pilkada 2024 done. Siapapun yg menang, semoga amanah",
  "voted post", SM)
N("voted", "dinkes", "post", "2024-11-27", "32.73",
  "Udah nyoblos? Aku udah dong 🤙💜 #PilkadaDamai",
  "voted post with civic hashtag", SM)

# --- urging to vote without naming a candidate ------------------------------------------------------------
N("civic", "kades", "post", "2024-11-25", "33.20",
  "Warga desa, 27 November datang ke TPS ya. Satu suara menentukan 5 tahun ke depan. Jangan golput! 🗳️",
  "turnout appeal without a candidate", SM)
N("civic", "guru_sma", "post", "2024-11-20", "32.09",
  "Buat murid2 kelas XII yg udh 17 thn: pertama kali nyoblos, cek nama di DPT online ya. Pilih sesuai hati nurani.",
  "first-time voter guidance", SM)
N("civic", "lurah", "post", "2024-11-26", "73.71",
  "Ayo gunakan hak pilih, TPS buka jam 07.00. Pilihan bebas, rahasia, yang penting datang.",
  "turnout appeal", SM)
N("civic", "penyuluh_pppk", "post", "2024-11-26", "35.09",
  "Petani2 jangan sampai lupa nyoblos ya, habis dari sawah mampir TPS 😊",
  "turnout appeal", SM)
N("civic", "camat", "post", "2024-11-22", "33.18",
  "Partisipasi pemilih di kecamatan kita tahun lalu 78%, tahun ini target 85%. Yuk ke TPS!",
  "turnout target", PE)
N("civic", "dukcapil", "post", "2024-11-15", "32.04",
  "KTP-el belum jadi? Layanan Disdukcapil buka Sabtu–Minggu jelang pencoblosan utk warga yg mau memilih.",
  "service announcement for voters", OA)
N("civic", "bidan", "post", "2024-11-25", "63.71",
  "Ibu hamil tetap bisa nyoblos ya, TPS wajib ramah ibu hamil & lansia 🙏",
  "civic info", None)
N("civic", "dishub", "post", "2024-02-12", "31.75",
  "Pemilu 14 Februari, jangan golput! Cek DPT di cekdptonline.kpu.go.id",
  "Pemilu 2024 turnout appeal", None)

# --- KPU schedules and announcements ------------------------------------------------------------------------
N("kpu", "kpu", "post", "2024-09-24", "33.18",
  "KPU Kabupaten Pati: masa kampanye Pilkada 2024 berlangsung 25 September hingga 23 November, dilanjutkan masa tenang 24–26 November.",
  "KPU schedule", None)
N("kpu", "kpu", "post", "2024-11-05", "73.71",
  "Jadwal debat publik kedua calon wali kota Makassar: Sabtu, 9 November 2024 pukul 19.00 WITA, disiarkan langsung televisi lokal.",
  "KPU debate schedule", None)
N("kpu", "kpu", "post", "2024-09-23", "33.20",
  "KPU mengumumkan hasil pengundian nomor urut: nomor 1 Hendra–Wulan, nomor 2 Budi–Sari, nomor 3 Yusuf–Ratna.",
  "ballot-number draw result naming all pairs", SM)
N("kpu", "kpu", "post", "2024-11-27", None,
  "Rekapitulasi hasil penghitungan suara tingkat kecamatan dimulai 28 November hingga 2 Desember 2024.",
  "KPU schedule", None)
N("kpu", "kpu", "post", "2024-08-20", None,
  "Pendaftaran pasangan calon kepala daerah dibuka 27–29 Agustus 2024 di kantor KPU kabupaten/kota.",
  "KPU registration schedule", CD)
N("kpu", "kpu", "post", "2024-10-08", "64.02",
  "KPU Kukar membuka rekrutmen KPPS untuk Pilkada 2024, pendaftaran hingga 20 Oktober.",
  "KPU recruitment", None)
N("kpu", "kpu", "post", "2024-02-10", None,
  "Pemungutan suara Pemilu 2024 dilaksanakan 14 Februari; TPS dibuka pukul 07.00 sampai 13.00 waktu setempat.",
  "Pemilu 2024 KPU info", None)

# --- ASN doing their normal job ---------------------------------------------------------------------------------
N("normal_duty", "kades", "post", "2024-10-21", "33.20",
  "Penyaluran BLT Dana Desa tahap IV hari ini di balai desa sesuai jadwal, 86 KPM. Mohon bawa KTP & KK.",
  "regular aid on schedule, no candidate", OA)
N("normal_duty", "lurah", "post", "2024-10-14", "73.71",
  "Pembagian beras bantuan pangan CBP 10 kg bulan Oktober dimulai besok sesuai data dari Dinsos.",
  "regular aid distribution", OA)
N("normal_duty", "camat", "post", "2024-11-20", "64.02",
  "Rapat koordinasi persiapan logistik Pilkada bersama PPK dan Panwascam. Gudang logistik aman.",
  "election logistics coordination", None)
N("normal_duty", "guru_sd", "post", "2024-10-10", "33.19",
  "Hari ini belajar tentang pemilu di kelas 5: anak2 simulasi pemilihan ketua kelas pakai kotak suara kardus 😄",
  "civic lesson", None)
N("normal_duty", "satpolpp", "post", "2024-10-15", "33.74",
  "Tim gabungan menertibkan APK yang melanggar aturan di taman kota bersama Bawaslu. Semua paslon diperlakukan sama.",
  "enforcement duty", CP)
N("normal_duty", "dinkes", "post", "2024-09-01", "33.18",
  "Pemeriksaan kesehatan calon kepala daerah selesai di RSUD sesuai jadwal KPU.",
  "official election-related duty", None)
N("normal_duty", "kades", "post", "2024-11-20", "35.09",
  "Kantor desa melayani pembuatan surat keterangan domisili utk semua warga, termasuk tim saksi dari paslon mana pun.",
  "equal service", OA)
N("normal_duty", "perangkat", "post", "2024-10-28", "33.29",
  "Pembangunan jalan dusun 3 dimulai Senin sesuai RKPDes 2024 yg disepakati musdes Januari lalu.",
  "planned works, no candidate", OA)
N("normal_duty", "dukcapil", "post", "2024-09-17", "33.21",
  "Perekaman KTP-el utk pemilih pemula di SMA negeri 1, jemput bola jelang Pilkada.",
  "ID registration service", KT)
N("normal_duty", "guru_smp", "post", "2024-11-27", "33.22",
  "Bertugas sebagai anggota KPPS di TPS 12 hari ini, mohon maaf kalau antrean panjang 🙏",
  "serving as polling officer", None)
N("normal_duty", "bidan", "post", "2024-11-10", "33.16",
  "Posyandu bulan ini tetap jalan tgl 12, ada pemberian vitamin A.",
  "regular service", None)
N("normal_duty", "umum", "post", "2024-09-26", "32.04",
  "Gedung serbaguna Pemkab bisa dipinjam semua pihak sesuai aturan, silakan ajukan surat ke Bagian Umum.",
  "facility available equally to all", SR)
N("normal_duty", "camat", "post", "2024-10-30", "33.18",
  "Menghadiri debat publik calon bupati yg digelar KPU sebagai undangan resmi Forkopimda.",
  "attending the official KPU debate as invited official (not a campaign event)", CA)
N("normal_duty", "kapus", "post", "2024-10-18", "33.02",
  "Puskesmas tetap melayani semua pasien seperti biasa selama masa kampanye, termasuk tim kampanye yg sakit 😊",
  "equal service", None)

# --- author unknown, nothing says they are bound ------------------------------------------------------------
N("unbound_null", None, "post", "2024-11-18", "33.20",
  "27 November jangan lupa coblos no 2 Budi–Sari ✌️✌️ #BudiSari", "no binding signal", SM)
N("unbound_null", None, "post", "2024-11-03", "33.74",
  "Paslon 01 Hendra–Wulan paling siap, yg lain cuma janji ☝️", "no binding signal", SM)
N("unbound_null", None, "post", "2024-11-14", "73.71",
  "Salam 3 jari 🤟 Yusuf–Ratna menang satu putaran!", "no binding signal", SM)
N("unbound_null", None, "post", "2024-10-25", "64.71",
  "Like & share kalau kamu juga dukung Teguh–Maya ✌️", "no binding signal", SM)
N("unbound_null", None, "post", "2024-10-06", "33.18",
  "Udah liat baliho paslon 02? Keren ya desainnya hahaha", "no binding signal", CP)
N("unbound_null", None, "post", "2024-11-09", "35.78",
  "Gak ada yg bisa ngalahin 01! Mantappp ☝️☝️", "no binding signal", SM)
N("unbound_null", None, "post", "2024-01-26", None,
  "Pilih capres nomor 2 biar lanjut! ✌️ #Kirana2024", "Pemilu 2024, no binding signal", SM)
N("unbound_null", None, "post", "2024-11-08", "32.73",
  "Kalo menurut kalian gimana debat tadi? aku sih condong ke nomor 3", "no binding signal", SM)
N("unbound_null", None, "post", "2024-11-15", "33.20",
  "Ayo merapat ke kampanye akbar Budi–Sari besok, ada konser dangdut gratis!", "no binding signal", CA)
N("unbound_null", None, "post", "2024-10-22", "33.74",
  "Foto bareng Bu Wulan td di pasar, orangnya ramah bgt ☝️", "no binding signal", SM)
N("unbound_null", None, "post", "2024-11-02", "33.22",
  "Yg ngaku pendukung 02 jgn toxic dong, biasa aja", "no support, no binding signal", None)
N("unbound_null", None, "post", "2024-10-20", "33.74",
  "Kaos Hendra–Wulan dpt dr posko, bahannya adem 👍", "no binding signal", CP)

# --- look-alikes that are not elections at all --------------------------------------------------------------
N("not_election", "guru_sd", "post", "2024-10-14", "33.20",
  "Pemilihan ketua OSIS besok, anak2 jangan lupa coblos sesuai pilihan ya. Calon nomor 2 baru pertama kali nyalon, semangat!",
  "school OSIS election, not Pemilu/Pilkada", SM)
N("not_election", "staf_kec", "post", "2024-10-19", "33.18",
  "Liburan keluarga ke pantai ✌️😎 #weekend", "peace-sign emoji in a holiday post", SM)
N("not_election", "guru_sd", "post", "2024-11-12", "35.07",
  "Juara 2 lomba baca puisi tingkat kecamatan! Bangga sama murid2ku ✌️🥈", "second place in a contest", SM)
N("not_election", "dukcapil", "post", "2024-10-22", "33.74",
  "Antrean nomor 2 di loket pelayanan KTP sudah dipanggil, silakan yg nomor 3 bersiap.", "queue numbers", None)
N("not_election", "perawat", "post", "2024-11-01", "73.71",
  "Salam dari ruang IGD ✌️ shift malam lancar", "peace-sign greeting", SM)
N("not_election", "camat", "post", "2024-08-17", "33.18",
  "Lomba voli antar desa: juara 1 Desa Sukamaju, juara 2 Desa Mekarsari, juara 3 Desa Tirtomulyo. Selamat! 🏐",
  "sports results with numbers", None)
N("not_election", "guru_smp", "post", "2024-09-05", "33.19",
  "Pemilihan ketua kelas 7B: nomor urut 1 Dimas, nomor urut 2 Salsa. Yang menang Salsa 👏 demokrasi sejak dini",
  "class election", SM)
N("not_election", "lurah", "post", "2024-10-06", "35.78",
  "Program 'Kelurahan Nomor 1 Bersih' diluncurkan hari ini! Ayo jaga kebersihan lingkungan ☝️",
  "'nomor 1' and one-finger emoji in a cleanliness campaign", SM)
N("not_election", "kades", "post", "2024-10-04", "33.20",
  "Tahap 2 pembangunan masjid desa rampung, terima kasih swadaya warga 🙏", "village works, no election", None)
N("not_election", "dosen", "post", "2024-10-15", "34.04",
  "Kampanye gerakan kampus bebas sampah plastik dimulai hari ini. Ayo dukung, salam lestari! 🌱",
  "'kampanye' and 'dukung' about an environmental drive", CA)

# --- ASN reporting a violation, or neutral discussion ------------------------------------------------------------
N("reporting", "guru_sd", "post", "2024-10-16", "33.19",
  "Di pagar sekolah kami ada baliho paslon, sudah sy laporkan ke Panwascam karena sekolah fasilitas pendidikan.",
  "ASN reports a prop to supervisors", CP)
N("reporting", "perangkat", "post", "2024-10-25", "33.21",
  "Ada yg nempel stiker paslon di kantor desa malam2, sudah kami copot & lapor Bawaslu.",
  "village official removes props and reports", CP)
N("reporting", "dinsos", "post", "2024-11-04", "35.10",
  "Dapat broadcast dari atasan yg ajak pilih paslon tertentu. Gak sy teruskan, sy simpan buat lapor.",
  "ASN refuses to forward and will report", PE)
N("neutral_discussion", "dosen", "post", "2024-11-06", "34.04",
  "Kajian akademik: ketiga paslon punya program pendidikan gratis, bedanya di skema pembiayaan. Silakan warga menilai sendiri.",
  "neutral analysis of all candidates", SM)
N("neutral_discussion", "guru_sma", "post", "2024-10-28", "32.09",
  "Visi misi semua paslon bisa dibaca di website KPU ya, biar milih berdasarkan program, bukan baliho.",
  "neutral voter education", SM)
N("neutral_discussion", "staf_kec", "post", "2024-10-17", "33.22",
  "Aneh ya, tiap pilkada jalan diaspal. Semoga siapa pun yg menang gak cuma janji.",
  "general remark without a side", None)
N("neutral_discussion", "guru_sd", "post", "2024-11-28", "33.20",
  "Selamat utk paslon yg unggul versi hitung cepat. Mari kita kawal rekapitulasi sampai selesai dgn damai.",
  "post-election remark without naming a candidate", SM)

# --- reports (complaints/tips) that do not show a bound actor breaking the rules -----------------------------
N("report_unbound", None, "report", "2024-10-12", "33.20",
  "Lapor: ada relawan paslon 02 pasang spanduk di tiang listrik depan pasar.",
  "report about volunteers; not a neutrality case", CP)
N("report_unbound", None, "report", "2024-10-19", "35.78",
  "Mohon dicek, tetangga sy (pedagang) bagi2 stiker paslon 01 di gang.",
  "report about a citizen", CP)
N("report_unknown_actor", None, "report", "2024-11-02", "33.18",
  "Info: ada akun anonim di FB yg terus posting ajakan pilih Yusuf–Ratna, gak tau siapa orangnya.",
  "anonymous account; nothing says the poster is bound", SM)
N("report_unbound", None, "report", "2024-10-26", "33.18",
  "Lapor: calon bupati nomor 2 sendiri yg bagi2 kaos di pasar pagi ini.",
  "the candidate himself; not a neutrality case", CP)
N("report_normal_duty", None, "report", "2024-10-22", "33.21",
  "Aduan: Pak Kades membagikan BLT Dana Desa tahap 3 hari ini, tapi antreannya panjang bgt.",
  "complaint about a queue at a regular aid distribution", OA)
N("report_unbound", None, "report", "2024-11-09", "33.22",
  "Tolong dicek, ada ibu2 PKK foto bareng Bu Sari sambil salam dua jari di acara arisan.",
  "PKK members are not bound", SM)
N("report_normal_duty", None, "report", "2024-11-20", "64.02",
  "Lapor: kantor desa tutup hari ini, katanya semua perangkat ikut bimtek KPPS.",
  "service complaint, no partisan act", None)
N("report_unknown_actor", None, "report", "2024-10-15", "33.74",
  "Mohon Bawaslu cek, ada baliho paslon 01 di depan kantor kecamatan, gak tau siapa yg pasang.",
  "prop on a public site but no bound actor shown", CP)
N("report_unbound", None, "report", "2024-10-30", "32.73",
  "Info: anak Pak Camat (mahasiswa) aktif jadi relawan Hendra–Wulan di kampus.",
  "the camat's child is not bound", CA)
N("report_unbound", None, "report", "2024-10-08", "33.19",
  "Lapor: mantan kades (sudah purna tugas) jadi ketua tim pemenangan paslon 02 di desa kami.",
  "former village head, no longer bound", CA)
N("report_unbound", None, "report", "2024-11-13", "35.09",
  "Aduan warga: pensiunan guru ikut orasi di kampanye paslon 3.",
  "retired teacher, not bound", CA)
N("report_unbound", None, "report", "2024-01-23", "33.20",
  "Sy mau lapor, caleg Partai Karya Bangsa bagi2 kalender di masjid.",
  "Pemilu 2024: a legislative candidate, not bound (venue issue is not a neutrality case)", CP)
N("report_normal_duty", None, "report", "2024-10-31", "73.71",
  "Tolong dicek, Pak Lurah datang ke acara debat KPU dan duduk di kursi undangan.",
  "invited official at the KPU debate", CA)
N("report_normal_duty", None, "report", "2024-11-06", "35.07",
  "Lapor: guru di sekolah anak sy ngajarin materi pemilu dan simulasi nyoblos pakai gambar buah, bukan paslon.",
  "civic lesson without candidates", SM)
N("report_unbound", None, "report", "2024-05-12", "33.18",
  "Mohon ditindak, relawan Gunawan–Tari keliling minta fotokopi KTP warga utk dukungan perseorangan.",
  "volunteers collecting KTP; not bound", KT)
N("report_unknown_actor", None, "report", "2024-11-17", "19.71",
  "Info: di grup WA komplek ada yg share jadwal kampanye Teguh–Maya tiap hari, nomornya gak dikenal.",
  "unknown sender; nothing says bound", SM)
