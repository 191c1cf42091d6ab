"""Copies of evidence files without the metadata that can identify a reporter (issue 14, finding 2).

A phone photo carries the owner's name (EXIF Artist, XMP creator), the camera's serial number and where it was
taken (GPS). Bawaslu keeps and serves the original byte for byte: it is legal evidence, cited by its SHA-256. Every
other role gets a copy made here, which keeps the picture (or film) and drops everything else: EXIF, XMP, IPTC,
comments, text chunks, timestamps, and any data after the end of the image.

Each format is rewritten at the level of its container (segments, chunks, boxes), never decoded: the pixels are
the same bytes, and no image decoder ever sees an attacker's file. Formats without such a safe rewrite here (PDF,
WebM/Matroska) have no copy: strip() returns None and those files stay with Bawaslu.
"""

from __future__ import annotations

import struct


class Malformed(ValueError):
    """The file does not have the structure its type requires; no safe copy can be made."""


def strip(content: bytes, media_type: str) -> bytes | None:
    """The file without identifying metadata, or None when this type has no safe copy. Raises Malformed."""
    rewrite = {"image/jpeg": _jpeg, "image/png": _png, "image/gif": _gif, "image/webp": _webp,
               "video/mp4": _mp4}.get(media_type)
    return rewrite(content) if rewrite else None


# ------------------------------------------------------------------------------------------------------------ JPEG
_KEEP_APP = {0xE0: (b"JFIF\x00", b"JFXX\x00"), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}  # colour, not who


def _jpeg(data: bytes) -> bytes:
    if not data.startswith(b"\xff\xd8"):
        raise Malformed("no JPEG start")
    out, i, n = bytearray(b"\xff\xd8"), 2, len(data)
    while i < n:
        if data[i] != 0xFF:
            raise Malformed("expected a marker")
        while i < n and data[i] == 0xFF:  # fill bytes
            i += 1
        if i >= n:
            raise Malformed("truncated")
        marker = data[i]
        i += 1
        if marker == 0xD9:  # end of image: whatever follows (trailers, appended files) is dropped
            out += b"\xff\xd9"
            return bytes(out)
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += bytes((0xFF, marker))
            continue
        if i + 2 > n:
            raise Malformed("truncated segment")
        length = struct.unpack(">H", data[i:i + 2])[0]
        if length < 2 or i + length > n:
            raise Malformed("bad segment length")
        segment = data[i - 2:i + length]
        i += length
        if 0xE0 <= marker <= 0xEF:
            allowed = _KEEP_APP.get(marker)
            if not allowed or not data[i - length + 2:i].startswith(allowed):
                continue  # EXIF, XMP, IPTC/Photoshop, maker notes, ...
        elif marker == 0xFE:
            continue  # comment
        out += segment
        if marker == 0xDA:  # start of scan: entropy-coded data runs to the next marker that is not a stuffed 00/RST
            start = i
            while i < n:
                if data[i] == 0xFF and i + 1 < n and data[i + 1] != 0x00 and not 0xD0 <= data[i + 1] <= 0xD7:
                    break
                i += 1
            out += data[start:i]
    raise Malformed("no end of image")


# ------------------------------------------------------------------------------------------------------------- PNG
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD",
             b"pHYs", b"hIST", b"acTL", b"fcTL", b"fdAT"}  # pixels, colour and animation; no text, time or EXIF


def _png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise Malformed("no PNG signature")
    out, i = bytearray(_PNG_SIGNATURE), 8
    while i + 12 <= len(data):
        length = struct.unpack(">I", data[i:i + 4])[0]
        kind = data[i + 4:i + 8]
        end = i + 12 + length
        if end > len(data):
            raise Malformed("truncated chunk")
        if kind in _PNG_KEEP:
            out += data[i:end]
        i = end
        if kind == b"IEND":
            return bytes(out)
    raise Malformed("no IEND")


# ------------------------------------------------------------------------------------------------------------- GIF
def _gif(data: bytes) -> bytes:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise Malformed("no GIF header")
    flags = data[10]
    i = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = bytearray(data[:i])
    while i < len(data):
        block = data[i]
        if block == 0x3B:  # trailer
            out.append(0x3B)
            return bytes(out)
        if block == 0x21:  # extension: keep graphic control and the looping application block only
            if i + 2 > len(data):
                raise Malformed("truncated extension")
            label, end = data[i + 1], _sub_blocks(data, i + 2)
            keep = label == 0xF9 or (label == 0xFF and data[i + 2:i + 14] in (b"\x0bNETSCAPE2.0", b"\x0bANIMEXTS1.0"))
            if keep:
                out += data[i:end]
            i = end
        elif block == 0x2C:  # image: descriptor, local colour table, LZW minimum code size, data
            if i + 10 > len(data):
                raise Malformed("truncated image")
            local = data[i + 9]
            start, i = i, i + 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            i = _sub_blocks(data, i)
            out += data[start:i]
        else:
            raise Malformed("unknown block")
    raise Malformed("no trailer")


def _sub_blocks(data: bytes, i: int) -> int:
    while True:
        if i >= len(data):
            raise Malformed("truncated sub-blocks")
        size = data[i]
        i += 1 + size
        if size == 0:
            return i


# ------------------------------------------------------------------------------------------------------------ WebP
def _webp(data: bytes) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise Malformed("no WebP header")
    end = min(len(data), 8 + struct.unpack("<I", data[4:8])[0])
    chunks, i = [], 12
    while i + 8 <= end:
        kind, size = data[i:i + 4], struct.unpack("<I", data[i + 4:i + 8])[0]
        stop = i + 8 + size + (size & 1)
        if stop > end:
            raise Malformed("truncated chunk")
        if kind not in (b"EXIF", b"XMP "):
            chunk = bytearray(data[i:stop])
            if kind == b"VP8X" and size >= 1:
                chunk[8] &= ~0x0C & 0xFF  # no EXIF (0x08) and no XMP (0x04) any more
            chunks.append(bytes(chunk))
        i = stop
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# ------------------------------------------------------------------------------------------------------ MP4 / MOV
_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf", b"mvex", b"moof", b"traf"}
_BLANK = {b"udta", b"meta", b"uuid", b"XMP_"}  # user data (©xyz GPS, ©ART), metadata (keys/ilst), XMP


def _mp4(data: bytes) -> bytes:
    """Metadata boxes become `free` boxes of the same size filled with zeros: players skip them, and no offset in
    the file (chunk offsets point into mdat) moves."""
    out = bytearray(data)
    _blank_boxes(out, 0, len(out), top=True)
    return bytes(out)


def _blank_boxes(buf: bytearray, start: int, end: int, top: bool = False) -> None:
    i = start
    while i + 8 <= end:
        size, kind = struct.unpack(">I", buf[i:i + 4])[0], bytes(buf[i + 4:i + 8])
        header = 8
        if size == 1:
            if i + 16 > end:
                raise Malformed("truncated box")
            size, header = struct.unpack(">Q", buf[i + 8:i + 16])[0], 16
        elif size == 0:
            size = end - i
        if size < header or i + size > end:
            raise Malformed("bad box size")
        if kind in _BLANK:
            buf[i + 4:i + 8] = b"free"
            buf[i + header:i + size] = bytes(size - header)
        elif kind in _CONTAINERS:
            _blank_boxes(buf, i + header, i + size)
        i += size
    if top and i != end:
        raise Malformed("data after the last box")
