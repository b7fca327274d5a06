"""Photos the tests draw themselves (nothing from ../shared)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont


def contract_photo(path: Path) -> Path:
    """A JPEG of a printed contract on the dashboard: the document check flags it."""
    img = Image.new("RGB", (900, 700), (120, 110, 100))
    draw = ImageDraw.Draw(img)
    draw.rectangle((150, 80, 750, 640), fill=(245, 245, 240))
    font = ImageFont.load_default(size=16)
    for row in range(18):
        text = "Versicherungsschein Nr 12345 Muster GmbH" if row % 3 else "Vertrag"
        draw.text((180, 100 + row * 28), text, fill=(20, 20, 20), font=font)
    img.save(path, "JPEG", quality=92)
    return path
