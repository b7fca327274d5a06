"""Entry point of the PyInstaller bundle (see build.spec): runs the GUI app.

``glasvermittler --check-bundle`` (also from source: ``python tools/bundle_entry.py
--check-bundle``) checks that the data files made it into the bundle: the English translation
loads and translates, the privacy lexicons flag a health detail, the plate district codes
load, the face/person detector (onnxruntime with the ONNX models) and dlib's fallback
detector and blob labelling run, a photo's GPS data is removed (JPEG, and
HEIC through pi-heif's libheif/libde265), and a rotated JPEG is turned upright losslessly
(jpeglib's libjpeg).
Prints one line per check; exit code 1 if one fails.
"""

from __future__ import annotations

import base64
import io
import multiprocessing
import sys
from collections.abc import Callable


def _translation() -> bool:
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import install_translators

    app = QCoreApplication.instance() or QCoreApplication([])
    install_translators(app, "en")
    source = "Datenschutz bei der Vermittlung"
    return QCoreApplication.translate("PrivacyPage", source) not in ("", source)


def _lexicons() -> bool:
    from desktop.privacy.text import check

    return any(f.category == "health" for f in check("Kunde ist schwerhörig", "bemerkungen"))


def _district_codes() -> bool:
    from desktop.validation.districts import district_place

    return district_place("HH") is not None and district_place("K") is not None


def _face_detector() -> bool:
    """The default detector is the neural one: onnxruntime (bundled extension) loads both ONNX
    models from resources/faces and runs them (CenterFace answers one heat-map value per 4×4
    cell); dlib loads its HOG detector (the fallback) and labels blobs."""
    import numpy as np

    from desktop.privacy.image import HogFaceDetector, neural
    from desktop.privacy.image.document import _components
    from desktop.privacy.image.faces import default_detector

    blank = np.full((96, 96, 3), 200, np.uint8)
    detector = default_detector()
    if not isinstance(detector, neural.NeuralDetector) or detector.detect(blank) != []:
        return False
    neural._sessions.load()  # raises with the cause if the runtime or a model is missing
    cells = neural._centerface(neural._sessions.face, blank, -1.0)
    persons = neural.find_persons(neural._sessions.person, blank)
    mask = np.zeros((8, 8), np.uint8)
    mask[1:3, 1:4] = mask[5:7, 5:7] = 1
    return (
        len(cells) == (96 // 4) ** 2
        and persons == []
        and HogFaceDetector().detect(blank) == []
        and len(_components(mask)) == 2
    )


def _photo_metadata() -> bool:
    from PIL import Image

    from desktop.privacy.image import scrub

    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (50.0, 56.0, 21.0), 3: "E", 4: (6.0, 57.0, 30.0)}
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 160)).save(buf, "JPEG", exif=exif)
    result = scrub(buf.getvalue(), detect_faces=True)
    return any(item.kind == "gps" for item in result.removed)


# A 64x48 HEIC with an EXIF GPS position (644 bytes), encoded once with pillow-heif at
# development time: the bundle has only pi-heif's decoder (no x265 encoder) and cannot make one.
HEIC_SAMPLE = (
    "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAb5tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAA"
    "AAAAAAAAADRpbG9jAAAAAERAAAIAAQAAAAAB4gABAAAAAAAAABgAAgAAAAAB+gABAAAAAAAAAIoAAAA4aWluZgAAAAAA"
    "AgAAABVpbmZlAgAAAAABAABodmMxAAAAABVpbmZlAgAAAQACAABFeGlmAAAAAA5waXRtAAAAAAABAAAA/WlwcnAAAADd"
    "aXBjbwAAAHZodmNDAQNwAAAAkAAAAAAAHvAA/P34+AAADwNgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQGEAAQAq"
    "QgEBA3AAAAMAkAAAAwAAAwAeoCCBBZbq5Ka5uAhoMCAAAAMDIAAAAwAhYgABAAZEAcFzwIkAAAATY29scm5jbHgAAQAN"
    "AAaAAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAoY2xhcAAAAEAAAAABAAAAMAAAAAEAAAAAAAAAAv////AAAAACAAAAEHBp"
    "eGkAAAAAAwgICAAAABhpcG1hAAAAAAAAAAEAAQWBAgMFhAAAABppcmVmAAAAAAAAAA5jZHNjAAIAAQABAAAAqm1kYXQA"
    "AAAUKAGvC2D15YOv/8jFbmCj47U/1DgAAAAGRXhpZgAATU0AKgAAAAgAAYglAAQAAAABAAAAGgAAAAAABAABAAIAAAAC"
    "TgAAAAACAAUAAAADAAAAUAADAAIAAAACRQAAAAAEAAUAAAADAAAAaAAAAAAAAAAyAAAAAQAAADgAAAABAAAAFQAAAAEA"
    "AAAGAAAAAQAAADkAAAABAAAAHgAAAAE="
)


def _heic_photo() -> bool:
    """An iPhone-style HEIC photo is read (pi-heif's bundled libraries) and cleaned to JPEG."""
    from desktop.privacy.image import scrub

    result = scrub(base64.b64decode("".join(HEIC_SAMPLE)), detect_faces=False)
    return (
        result.media_type == "image/jpeg"
        and (result.width, result.height) == (64, 48)
        and any(item.kind == "gps" for item in result.removed)
    )


def _photo_rotation() -> bool:
    """A rotated, MCU-aligned JPEG is turned upright losslessly (jpeglib's bundled libjpeg)."""
    from PIL import Image

    from desktop.privacy.image import lossless, scrub

    lossless._lib()  # loads jpeglib's libjpeg: a failure is printed with its cause
    exif = Image.Exif()
    exif[0x0112] = 6
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (90, 120, 160)).save(buf, "JPEG", exif=exif)
    result = scrub(buf.getvalue(), detect_faces=False)
    return "rotate" in result.timings and (result.width, result.height) == (48, 64)


CHECKS: dict[str, Callable[[], bool]] = {
    "translation": _translation,
    "lexicons": _lexicons,
    "district-codes": _district_codes,
    "face-detector": _face_detector,
    "photo-metadata": _photo_metadata,
    "heic-photo": _heic_photo,
    "photo-rotation": _photo_rotation,
}


def check_bundle() -> int:
    """Run :data:`CHECKS`; 0 when all pass."""
    failed = 0
    for name, check in CHECKS.items():
        try:
            ok = check()
        except Exception as exc:  # noqa: BLE001 - reported, never hides a failure
            ok = False
            print(f"{name}: error {type(exc).__name__}: {exc}", flush=True)
        print(f"{name}: {'ok' if ok else 'FAILED'}", flush=True)
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a dependency spawns processes
    if sys.argv[1:] == ["--check-bundle"]:
        sys.exit(check_bundle())
    from desktop.launch import run

    sys.exit(run())
