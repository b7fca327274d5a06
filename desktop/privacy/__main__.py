"""``python -m desktop.privacy text|image ...``: batch privacy checks, JSON in and out."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the text or image command line."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in {"text", "image"}:
        sys.stderr.write(
            "usage: python -m desktop.privacy text --jsonl | image --out DIR FILE...\n"
        )
        return 2
    # lazy: only the chosen command's modules load (the image one brings Pillow and numpy)
    if args[0] == "text":
        from desktop.privacy.text.cli import main as text_main

        return text_main(args[1:])
    from desktop.privacy.image.cli import main as image_main  # lazy, as above

    return image_main(args[1:])


if __name__ == "__main__":
    sys.exit(main())
