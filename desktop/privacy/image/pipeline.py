"""``scrub``: sniff, refuse, strip (allow-list), bake orientation, flag faces/documents, audit."""

from __future__ import annotations

import dataclasses
import io
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image

from desktop.privacy.image import render
from desktop.privacy.image.audit import find_metadata
from desktop.privacy.image.boxes import merge_boxes, scale_boxes
from desktop.privacy.image.containers import walk_gif, walk_png, walk_webp
from desktop.privacy.image.exif import parse_exif
from desktop.privacy.image.jpeg import MalformedImage, walk_jpeg
from desktop.privacy.image.model import (
    TRUNCATED_MESSAGE,
    FaceBox,
    ImageRejected,
    RemovedItem,
    ScrubResult,
    merge_removed,
    removed,
)
from desktop.privacy.image.sniff import GIF, HEIF, JPEG, PNG, WEBP, check_pixels, sniff

if TYPE_CHECKING:  # numpy and the detector are imported only when a photo is analysed
    from desktop.privacy.image.faces import FaceDetector

#: Default pixel limit checked on the declared size before decoding (a 108 MP phone fits).
DEFAULT_MAX_PIXELS = 120_000_000
DOC_SIDE = 1000
_SWAPS = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass
class _Job:
    """State of one scrub run."""

    fmt: str
    removed: list[RemovedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    orientation: int = 1
    icc: bytes | None = None
    subsampling: int = 2
    sampling: list[tuple[int, int]] = field(default_factory=list)  # JPEG (h, v) per component
    lossless: bytes | None = None  # stripped original, usable as output as is
    rotatable: bool = False  # complete JPEG with orientation != 1: try lossless DCT rotation
    declared: tuple[int, int] | None = None  # stored width/height from the header
    prefer_png: bool = False
    transparency: Any = None
    source: bytes = b""
    frames: list[tuple[Image.Image, int]] = field(default_factory=list)
    _t: float = field(default_factory=time.perf_counter)

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(self.timings.get(name, 0.0) + now - self._t, 4)
        self._t = now


def scrub(
    data: bytes,
    *,
    detect_faces: bool = True,
    blur_faces: bool = False,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    detect_documents: bool = True,
    max_side: int | None = None,
    max_output_bytes: int | None = None,
    detector: FaceDetector | None = None,
    blur_boxes: Sequence[FaceBox] = (),
    boxes_size: tuple[int, int] | None = None,
) -> ScrubResult:
    """Clean a photo for upload.

    Args:
        data: The file as read from disk (format sniffed from the bytes).
        detect_faces: Look for faces (advisory boxes, warning ``faces``).
        blur_faces: Pixelate every face found (implies detection).
        max_pixels: Refuse files declaring more pixels, before decoding.
        detect_documents: Look for a document / dense text (warning ``document``).
        max_side: Downscale so the longest side is at most this (None: keep size).
        max_output_bytes: Downscale until the file fits (server ``limits.max_image_bytes``).
        detector: Face detector to use (default: dlib HOG detector, loaded lazily).
        blur_boxes: Regions to make unrecognisable in any case (e.g. the boxes an earlier
            run flagged and the agent saw), besides the faces found when ``blur_faces``.
        boxes_size: Width and height of the image ``blur_boxes`` refer to (an earlier
            result's output size); default: this photo's upright full size.

    Returns:
        The cleaned JPEG or PNG and a report of what was removed and found.

    Raises:
        ImageRejected: With a stable ``code``; no other exception escapes.
    """
    try:
        return _scrub(
            data, detect_faces or blur_faces, blur_faces or bool(blur_boxes), max_pixels,
            detect_documents, max_side, max_output_bytes, detector, (list(blur_boxes), boxes_size),
        )  # fmt: skip
    except ImageRejected:
        raise
    except MemoryError as exc:
        raise ImageRejected("too-many-pixels") from exc
    except Exception as exc:
        raise ImageRejected("corrupt") from exc


def _scrub(
    data: bytes,
    faces_on: bool,
    blur: bool,
    max_pixels: int,
    docs_on: bool,
    max_side: int | None,
    max_bytes: int | None,
    detector: FaceDetector | None,
    given: tuple[list[FaceBox], tuple[int, int] | None] = ([], None),
) -> ScrubResult:
    start = time.perf_counter()
    job = _Job(sniff(data))
    declared = check_pixels(job.fmt, data, max_pixels)
    job.declared = declared
    _parse(job, data)
    job.lap("parse")
    if not (faces_on or docs_on or blur) and _strippable(job, max_side, max_bytes):
        return _stripped(job, job.lossless or b"", declared or (0, 0), start)
    # A re-encode (rotation bake, HEIC/WebP → JPEG ...) that does not wait for face boxes runs
    # on a pool thread while this thread decodes a small copy and looks for faces/documents:
    # Pillow and dlib release the GIL, so the two overlap on a second core.
    concurrent = job.lossless is None and not blur
    pending: Future[_Rendered] | None = None
    decoding: Future[Image.Image] | None = None
    img: Image.Image | None = None
    small: Image.Image | None = None
    if job.fmt == JPEG:
        # JPEGs are analysed on a reduced-scale DCT decode; the full decode (if any) is separate.
        if concurrent:
            pending = _pool().submit(_render, job, None, max_side, max_bytes)
        elif job.lossless is None:  # blurring a re-encoded JPEG: decode while faces are sought
            decoding = _pool().submit(_decode, job, full=True)
        if faces_on or docs_on or blur or declared is None:
            small, full = _jpeg_preview(job, declared)
        else:  # nothing looks at the pixels (a turned JPEG, strip only): no analysis copy
            w, h = declared
            full = (h, w) if job.orientation in _SWAPS else (w, h)
    else:
        img = _decode(job, full=True)
        full = img.size
        # The analysis copy is made before the render is submitted (both then only read `img`).
        small = render.to_rgb(render.shrink(img, DOC_SIDE))
        if concurrent:
            pending = _pool().submit(_render, job, img, max_side, max_bytes)
    job.lap("decode")
    faces: list[FaceBox] = []
    documents: list[FaceBox] = []
    if small is not None:
        faces, documents = _analyse(job, render.to_rgb(small), full, faces_on, docs_on, detector)
    regions = [*faces, *documents]  # what is blurred: every region found now and given
    if blur and given[0]:
        regions, merged = _with_given(regions, given[0], given[1] or full, full)
        faces = [box for box in merged if box.kind != "document"]
        documents = [box for box in merged if box.kind == "document"]
    if pending is None:
        needs_pixels = (blur and regions) or (max_side is not None and max(full) > max_side)
        if job.lossless is not None and needs_pixels:
            job.lossless = None
        if img is None and job.lossless is None:
            img = decoding.result() if decoding is not None else _decode(job, full=True)
            job.lap("decode")
        if img is not None and blur and regions:
            job.rotatable = False  # the pixels changed: they must be encoded
            img = _blur(img, regions)
            job.frames = []  # an animation is flattened to its blurred first frame
        rendered = _render(job, img, max_side, max_bytes)
    else:
        rendered = pending.result()
    job.warnings.extend(rendered.warnings)
    for name, seconds in rendered.timings.items():
        job.timings[name] = round(job.timings.get(name, 0.0) + seconds, 4)
    out, size = rendered.data, rendered.size
    if size != full:  # downscaled for upload: boxes follow the output pixels
        faces, documents = _scaled(faces, size, full), _scaled(documents, size, full)
    job.timings["total"] = round(time.perf_counter() - start, 4)  # wall time; stages overlap
    return ScrubResult(
        out, rendered.media_type, size[0], size[1], merge_removed(job.removed), job.warnings,
        faces, job.timings, documents,
    )  # fmt: skip


def _scaled(boxes: list[FaceBox], size: tuple[int, int], full: tuple[int, int]) -> list[FaceBox]:
    """Boxes in ``full``-size coordinates mapped to an output of ``size``."""
    if not boxes:
        return boxes
    return _keep_kinds(boxes, scale_boxes(boxes, size[0] / full[0], size))


def _strippable(job: _Job, max_side: int | None, max_bytes: int | None) -> bool:
    """An upright, complete JPEG that needs no pixels: no analysis, no downscale, fits."""
    if job.fmt != JPEG or job.lossless is None or job.declared is None:
        return False
    if max_side is not None and max(job.declared) > max_side:
        return False
    return max_bytes is None or len(job.lossless) <= max_bytes


def _stripped(job: _Job, out: bytes, size: tuple[int, int], start: float) -> ScrubResult:
    """The allow-list stripped JPEG ``out`` as it is, never decoded: its entropy-coded data is
    the input's, byte for byte; the output is audited like every other (without a decode:
    only the allow-list parser, which walked it already)."""
    _verify(out, decoded=True)
    job.lap("verify")
    job.timings["total"] = round(time.perf_counter() - start, 4)
    return ScrubResult(
        out, "image/jpeg", size[0], size[1], merge_removed(job.removed), job.warnings, [],
        job.timings,
    )  # fmt: skip


def _jpeg_preview(
    job: _Job, declared: tuple[int, int] | None
) -> tuple[Image.Image, tuple[int, int]]:
    """Upright reduced-scale decode of a JPEG for the detectors, and its full upright size."""
    img = render.open_image(job.lossless if job.lossless is not None else job.source)
    w, h = declared or img.size
    small = render.upright(render.draft_rgb(img, DOC_SIDE), job.orientation)
    return small, ((h, w) if job.orientation in _SWAPS else (w, h))


def _analyse(
    job: _Job,
    small: Image.Image,
    full: tuple[int, int],
    faces_on: bool,
    docs_on: bool,
    detector: FaceDetector | None,
) -> tuple[list[FaceBox], list[FaceBox]]:
    """Face/person boxes and document boxes (in full-size coordinates); the ``faces`` and
    ``document`` warnings."""
    faces: list[FaceBox] = []
    documents: list[FaceBox] = []
    if faces_on:
        faces = _faces(small, full, detector)
        job.lap("faces")
    if docs_on:
        # lazy heavy import: numpy and the document check only when a photo is analysed
        import numpy as np

        from desktop.privacy.image.document import document_region

        region = document_region(np.asarray(small))
        if region is not None:
            job.warnings.append("document")
            f = full[0] / small.width
            x, y, w, h = (round(v * f) for v in region)
            x, y = min(x, full[0] - 1), min(y, full[1] - 1)
            w, h = max(1, min(w, full[0] - x)), max(1, min(h, full[1] - y))
            documents.append(FaceBox(x, y, w, h, 1.0, "document"))
        job.lap("document")
    if faces:
        job.warnings.append("faces")
    return faces, documents


@dataclass
class _Rendered:
    """The output bytes of one scrub and the render stage's own warnings and timings."""

    data: bytes
    media_type: str
    size: tuple[int, int]
    warnings: list[str]
    timings: dict[str, float]


def _render(
    job: _Job, img: Image.Image | None, max_side: int | None, max_bytes: int | None
) -> _Rendered:
    """Decode (when ``img`` is None and pixels are needed), encode and verify the output.

    Runs on a pool thread next to the analysis: it only reads ``job`` and reports its warnings
    and timings separately (nothing here may touch the caller's lists).
    """
    t = time.perf_counter()
    timings: dict[str, float] = {}
    warnings: list[str] = []

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = round(timings.get(name, 0.0) + now - t, 4)
        t = now

    rotated = _rotate_lossless(job, max_side, max_bytes)
    if rotated is not None:
        lap("rotate")
        out, media_type, size = rotated, "image/jpeg", _size_of(rotated)
        # Audited by the allow-list parser, not decoded again: libjpeg wrote this entropy-coded
        # data from the coefficients it had just read whole, and its header says the upright
        # size (checked in _rotate_lossless); a decode would only repeat libjpeg's own work.
        _verify(out, decoded=True)
        lap("verify")
        return _Rendered(out, media_type, size, warnings, timings)
    if img is None and job.lossless is None:
        img = _decode(job, full=True)
        lap("decode")
    out, media_type, size = _output(job, img, max_side, max_bytes, warnings)
    lap("encode")
    _verify(out, decoded=out is job.lossless)
    lap("verify")
    return _Rendered(out, media_type, size, warnings, timings)


def _rotate_lossless(job: _Job, max_side: int | None, max_bytes: int | None) -> bytes | None:
    """The stripped JPEG turned upright in the DCT domain, or None (then it is re-encoded).

    Only when nothing else needs the pixels (no blur, no downscale) and the edges that move to
    the top/left are whole MCUs (see :mod:`desktop.privacy.image.lossless`). The result goes
    through the same allow-list walker as every input, so only JFIF, ICC and image data remain.
    """
    if not job.rotatable or job.fmt != JPEG or job.declared is None:
        return None
    if max_side is not None and max(job.declared) > max_side:
        return None
    from desktop.privacy.image import lossless  # lazy heavy import: jpeglib, rotated only

    w, h = job.declared
    if not lossless.fits(w, h, job.sampling, job.orientation):
        return None
    out = lossless.rotate(job.source, job.orientation, job.icc)
    if out is None:
        return None
    try:
        walk = walk_jpeg(out)
    except MalformedImage:
        return None
    if walk.truncated or walk.orientation != 1 or walk.removed:
        return None
    try:
        size = _size_of(walk.data)
    except ImageRejected:
        return None
    if size != ((h, w) if job.orientation in _SWAPS else (w, h)):
        return None
    if max_bytes is not None and len(walk.data) > max_bytes:
        return None
    return walk.data


_pool_lock = threading.Lock()
_pool_instance: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    """Threads for the re-encode that overlaps the analysis (created on first use)."""
    global _pool_instance
    with _pool_lock:
        if _pool_instance is None:
            _pool_instance = ThreadPoolExecutor(max_workers=2, thread_name_prefix="gv-image")
        return _pool_instance


def release_threads() -> None:
    """End the re-encode threads (the app's shutdown; a later photo starts new ones)."""
    global _pool_instance
    with _pool_lock:
        pool, _pool_instance = _pool_instance, None
    if pool is not None:
        pool.shutdown(wait=True)


def _parse(job: _Job, data: bytes) -> None:
    """Walk the container: removed items, orientation, ICC, and a lossless candidate."""
    if job.fmt == JPEG:
        jw = walk_jpeg(data)
        job.removed, job.orientation, job.icc = jw.removed, jw.orientation, jw.icc
        job.subsampling = jw.subsampling
        job.sampling = jw.components
        job.rotatable = job.orientation != 1 and not jw.truncated
        if jw.truncated:
            job.warnings.append("truncated")
        if job.orientation == 1 and not jw.truncated:
            job.lossless = jw.data
        job.source = jw.data  # decode from stripped bytes: Pillow never sees the EXIF
        return
    walkers = {PNG: walk_png, WEBP: walk_webp, GIF: walk_gif}
    if job.fmt in walkers:
        cw = walkers[job.fmt](data)
        job.removed, job.orientation, job.icc = cw.removed, cw.orientation, cw.icc
        if cw.truncated:
            raise ImageRejected("corrupt", TRUNCATED_MESSAGE)
        if job.fmt == PNG and job.orientation == 1:
            job.lossless = cw.data
        job.prefer_png = job.fmt != WEBP or cw.lossless or cw.alpha
        job.subsampling = 0  # lossy WebP is 4:2:0 already; do not subsample twice
        job.source = cw.data if job.fmt == PNG else data
        return
    job.source = data


def _decode(job: _Job, *, full: bool) -> Image.Image:
    """Pixels as they must be displayed (orientation applied)."""
    if job.fmt == HEIF:
        render.register_heif()
    img = render.open_image(job.lossless if job.lossless is not None else job.source)
    if job.fmt == HEIF:
        _heif_metadata(job, img)
    if job.fmt == GIF:
        job.frames = _gif_frames(img)
    if job.fmt in (GIF, PNG) and img.mode == "P":
        job.transparency = img.info.get("transparency")
    img = render.load(img) if full else render.draft_rgb(img, DOC_SIDE)
    return render.upright(img, job.orientation)


def _heif_metadata(job: _Job, img: Image.Image) -> None:
    """HEIF metadata as pi-heif exposes it; ``irot``/EXIF orientation already applied."""
    exif = img.info.get("exif")
    if exif:
        job.removed.extend(parse_exif(exif[6:] if exif.startswith(b"Exif\0") else exif).items)
    if img.info.get("xmp"):
        job.removed.append(removed("xmp"))
    job.icc = img.info.get("icc_profile") or None
    job.subsampling = 0  # 4:4:4: no second chroma loss on top of the HEVC 4:2:0 (+2.6 dB)


def _gif_frames(img: Image.Image) -> list[tuple[Image.Image, int]]:
    n_frames = int(getattr(img, "n_frames", 1))
    if n_frames <= 1:
        return []
    frames = []
    for i in range(n_frames):
        img.seek(i)
        frames.append((render.load(img).convert("RGBA"), int(img.info.get("duration", 100))))
    img.seek(0)
    return frames


def _faces(
    small: Image.Image, size: tuple[int, int], detector: FaceDetector | None
) -> list[FaceBox]:
    """Flagged regions (faces, persons) of an upright analysis copy, in ``size`` coordinates."""
    # lazy heavy import: numpy and the detectors only when a photo is analysed
    import numpy as np

    from desktop.privacy.image.faces import DETECT_SIDE, default_detector

    tiny = render.shrink(small, DETECT_SIDE)
    boxes = (detector or default_detector()).detect(np.asarray(tiny))
    return _keep_kinds(boxes, scale_boxes(boxes, size[0] / tiny.width, size))


def _keep_kinds(source: list[FaceBox], scaled: list[FaceBox]) -> list[FaceBox]:
    """``scaled`` (one box per ``source`` box, same order) with each source box's ``kind``."""
    return [
        dataclasses.replace(box, kind=orig.kind) if box.kind != orig.kind else box
        for orig, box in zip(source, scaled, strict=True)
    ]


def _with_given(
    found: list[FaceBox], given: list[FaceBox], given_size: tuple[int, int], full: tuple[int, int]
) -> tuple[list[FaceBox], list[FaceBox]]:
    """The regions to blur (those found now plus the given ones, mapped to ``full``) and the
    same with overlapping boxes merged (one per face or person, as reported)."""
    mapped = given
    if given_size != full and given_size[0] > 0:
        mapped = _keep_kinds(given, scale_boxes(given, full[0] / given_size[0], full))
    regions = [*mapped, *found]
    return regions, merge_boxes(regions)


def _blur(img: Image.Image, boxes: list[FaceBox]) -> Image.Image:
    """Copy of the full-resolution ``img`` with every flagged region made unrecognisable (the
    one place that names the blur of :mod:`desktop.privacy.image.faces`)."""
    from desktop.privacy.image.faces import blur_regions  # lazy heavy import: numpy

    return blur_regions(img, boxes)


def warm_up() -> ScrubResult:
    """Clean a tiny photo stored sideways, so that everything a first photo needs is loaded:
    numpy, Pillow's JPEG plugin, onnxruntime with both networks (and the memory of a 640-px
    pass), the document check, the lossless-rotation library and the pool thread that runs
    it. Call it on a worker ahead of time; a first photo then imports nothing more (imports
    hold the GIL that the GUI thread needs)."""
    img = Image.new("RGB", (32, 48), (120, 110, 100))  # whole MCUs: the lossless rotation path
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: turn clockwise
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif.tobytes())
    return scrub(buf.getvalue())


def flagged_regions(data: bytes, detector: FaceDetector | None = None) -> list[FaceBox]:
    """Faces and persons the photo check finds on an already cleaned, upright photo.

    The same analysis copy and detector as :func:`scrub` (no stripping, no encoding): the
    server's cheap re-check of an upload. Boxes are in the photo's pixel coordinates.

    Raises:
        ImageRejected: The bytes do not decode.
    """
    img = render.open_image(data)
    size = (int(img.width), int(img.height))
    small = render.to_rgb(render.draft_rgb(img, DOC_SIDE))
    return _faces(small, size, detector)


def _encode(
    job: _Job, img: Image.Image, frames: list[tuple[Image.Image, int]]
) -> tuple[bytes, str]:
    if frames:
        return render.encode_apng([f for f, _ in frames], [d for _, d in frames], 0), "image/png"
    if job.fmt in (JPEG, HEIF) or not job.prefer_png:
        return render.encode_jpeg(img, job.icc, job.subsampling), "image/jpeg"
    return render.encode_png(img, job.icc, job.transparency), "image/png"


def _output(
    job: _Job,
    img: Image.Image | None,
    max_side: int | None,
    max_bytes: int | None,
    warnings: list[str],
) -> tuple[bytes, str, tuple[int, int]]:
    if job.lossless is not None:
        out = job.lossless
        media = "image/jpeg" if job.fmt == JPEG else "image/png"
        if max_bytes is None or len(out) <= max_bytes:
            return out, media, _size_of(out)
    if img is None:
        img = _decode(job, full=True)
    frames = job.frames
    if max_side is not None and max(img.size) > max_side:
        img = render.shrink(img, max_side)
        warnings.append("downscaled")
    out, media = _encode(job, img, frames)
    for _ in range(6):
        if max_bytes is None or len(out) <= max_bytes:
            break
        f = max(0.3, min(0.9, (max_bytes / len(out)) ** 0.5 * 0.95))
        img = img.resize((max(1, round(img.width * f)), max(1, round(img.height * f))))
        frames = []
        if "downscaled" not in warnings:
            warnings.append("downscaled")
        out, media = _encode(job, img, frames)
    else:
        raise ImageRejected("too-large")
    return out, media, _size_of(out)


def _size_of(data: bytes) -> tuple[int, int]:
    size = render.open_image(data).size
    return int(size[0]), int(size[1])


def _verify(out: bytes, *, decoded: bool) -> None:
    """Re-audit the output with the allow-list parser; decode it unless that already happened."""
    try:
        leftover = find_metadata(out)
    except MalformedImage as exc:
        raise ImageRejected("unclean") from exc
    if leftover:
        raise ImageRejected("unclean")
    if not decoded:
        render.draft_rgb(render.open_image(out), 64)
