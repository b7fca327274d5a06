"""Cheap metadata audit of finished image bytes (used on our output and by the server).

The same allow-list walkers that strip the files judge them: anything not on the allow-list is
reported by kind. No pixel decoding, stdlib only, linear in the file size.
"""

from __future__ import annotations

from desktop.privacy.image.containers import walk_gif, walk_png, walk_webp
from desktop.privacy.image.jpeg import MalformedImage, walk_jpeg

__all__ = ["MalformedImage", "find_metadata"]


def find_metadata(data: bytes) -> list[str]:
    """Kinds of metadata still present in ``data`` (sorted; ``[]`` means clean).

    Kinds are those of :class:`~desktop.privacy.image.model.RemovedItem` (``gps``,
    ``datetime``, ``exif``, ``xmp``, ``iptc``, ``comment``, ``text_chunk``, ``thumbnail``,
    ``trailer``, ``other`` ...). JPEG, PNG, WebP and GIF are understood.

    Raises:
        MalformedImage: (a ``ValueError``) for truncated or unparseable files and formats the
            walker does not understand (HEIF, unknown bytes).
    """
    if data[:3] == b"\xff\xd8\xff":
        walk = walk_jpeg(data)
        truncated, items = walk.truncated, walk.removed
    else:
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            cwalk = walk_png(data)
        elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            cwalk = walk_webp(data)
        elif data[:6] in (b"GIF87a", b"GIF89a"):
            cwalk = walk_gif(data)
        else:
            raise MalformedImage("unsupported or unknown format")
        truncated, items = cwalk.truncated, cwalk.removed
    if truncated:
        raise MalformedImage("truncated")
    return sorted({item.kind for item in items})
