"""Bytes to text, keeping bad UTF-8 visible so only the rows that hold it are refused."""

import codecs

# A byte that is not UTF-8 survives decoding as one of these lone surrogates.
_BAD_BYTE_RANGE = ("\udc80", "\udcff")


def decode(data: bytes | str) -> str:
    """UTF-8 (with or without BOM; UTF-16 when its BOM says so), bad bytes kept as surrogates."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace").removeprefix("\ufeff")
    return data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")


def has_bad_bytes(*texts: str) -> bool:
    low, high = _BAD_BYTE_RANGE
    return any(low <= char <= high for text in texts if text for char in text)


def printable(text: str, limit: int = 80) -> str:
    """The start of a row for a report, with undecodable bytes shown as �."""
    text = "".join("\ufffd" if _BAD_BYTE_RANGE[0] <= c <= _BAD_BYTE_RANGE[1] else c for c in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
