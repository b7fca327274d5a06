"""Face and person detection with two small ONNX networks run by onnxruntime (CPU).

Models (in ``resources/faces``, licences and origin in ``resources/faces/MODELS.txt``):

- **CenterFace** (MIT, 7.3 MB): anchor-free face detector (heat map of face centres, stride 4),
  finds turned, tilted, masked and dim faces down to ~20 px of the copy it sees. Run on a copy
  whose longest side is :data:`FACE_SIDE` px (smaller photos are enlarged to it), on a
  brightened copy as well when the photo is dark (:func:`brighten`), and on two copies turned
  by 90° either way at :data:`ROTATED_SIDE` px (a sideways upload without an EXIF orientation)
  with a stricter threshold. When the detector is given a larger copy (≥ :data:`FINE_MIN` px,
  up to ``faces.DETECT_SIDE``), the upright pass runs on a :data:`FINE_SIDE`-px copy instead,
  which also finds the faces too small for a 640-px copy (< 20 px there): those passers-by
  count only above a stricter threshold. (One pass instead of a 640-px pass plus a small-face
  pass on the larger copy: the same flags on both public face sets, ~30 ms less CPU a photo.)
  A smaller photo (< :data:`FINE_MIN` px, e.g. a 640-px traffic-camera frame) gets the 640-px
  pass and the same pass on a copy enlarged to :data:`FINE_SIDE` px: every photo is searched
  at 960 px, and a face of 12–20 px grows to the size CenterFace scores best (~120 ms more CPU
  for such a photo; one more of the 50 hard photos found, no new false alarm).
  The 960-px pass is gated: it searches only the regions around the peaks a 640-px pass scores
  ≥ :data:`GATE_THRESHOLD` (far below the face threshold), each grown by half its size and at
  least :data:`GATE_MARGIN` px, or the whole copy when they cover most of it. On both public
  face sets every photo keeps its flag (of 125 photos, one box more and one doubtful 9×23-px box
  less, each on a photo flagged anyway), at a third less CPU per photo; a photo without any
  face-like peak needs only the 640-px pass (~50 instead of ~130 ms).
- **YOLOX-nano** (Apache-2.0, 3.6 MB, COCO classes): only its ``person`` class is used, to
  flag people whose face is not visible (seen from behind, from the side, too small). A person
  box that holds a flagged face is dropped: the face box covers what identifies them.

Thresholds were chosen on half of the public hard face set (``bench/faces_quality.py``
prints both halves and the easy set). onnxruntime is imported on first use only, so the
photo CLI and the app pay for it only when a photo is checked for faces.
"""

from __future__ import annotations

import logging
import threading
from importlib.util import find_spec
from typing import Any

import numpy as np
from PIL import Image

from desktop.paths import resource_path
from desktop.privacy.image.boxes import merge_boxes
from desktop.privacy.image.hog import HogFaceDetector
from desktop.privacy.image.model import FaceBox

FACE_MODEL = "faces/centerface.onnx"
PERSON_MODEL = "faces/yolox_nano.onnx"

FACE_SIDE = 640  # longest side of the copy CenterFace sees
ROTATED_SIDE = 320  # the same for the two copies turned by 90° (faces ≥ ~10 px there)
FACE_THRESHOLD = 0.35  # CenterFace heat-map peak for a face
FINE_MIN = 900  # a copy at least this large gets the upright pass with small faces ...
FINE_SIDE = 960  # ... on a copy of this size (2.25× the pixels of a 640-px copy)
FINE_THRESHOLD = 0.6  # small faces of the large copy (grille textures reach 0.57)
FINE_MAX_FACE = 20  # ... whose box on the FACE_SIDE copy would be lower than this
ROTATED_THRESHOLD = 0.5  # stricter on turned copies: more passes, more chances of a false alarm
PERSON_THRESHOLD = 0.55  # YOLOX objectness × person probability
DARK_MEAN = 80  # mean luminance (0..255) below which a brightened copy is searched as well
PERSON_SIDE = 416  # YOLOX-nano's fixed input size
GATE_THRESHOLD = 0.1  # a FACE_SIDE peak this high may be a face the FINE_SIDE pass confirms
GATE_MARGIN = 32  # px around a candidate (at least half its size) searched at FINE_SIDE
GATE_CELL = 32  # regions are whole blocks of this many px (CenterFace pads to 32)
GATE_MAX_SHARE = 0.6  # candidates covering more of the copy: the whole copy is searched

U8 = np.ndarray[Any, np.dtype[np.uint8]]
F32 = np.ndarray[Any, np.dtype[np.float32]]

_log = logging.getLogger(__name__)


def runtime_available() -> bool:
    """onnxruntime is installed and both model files are there (nothing is imported)."""
    try:
        found = find_spec("onnxruntime") is not None
    except (ImportError, ValueError):
        found = False
    return found and all(resource_path(m).is_file() for m in (FACE_MODEL, PERSON_MODEL))


class _Sessions:
    """The two inference sessions, created once per process on first use (thread-safe:
    ``InferenceSession.run`` may be called from several threads at once)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.face: Any = None
        self.person: Any = None
        self.threads = 1  # intra-op threads of each session (see :func:`set_threads`)

    def load(self) -> None:
        with self._lock:
            if self.face is not None:
                return
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.log_severity_level = 3  # no warnings on stderr
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            # idle worker threads sleep instead of spinning (2 cores shared with Qt and Pillow)
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            # no memory pattern per input shape: the arena reuses freed blocks instead, and a
            # process touches ~60 MB less fresh memory (~10 % fewer page faults, ~0.08 s less
            # CPU for five photos in the CLI; same outputs)
            options.enable_mem_pattern = False

            def session(name: str) -> Any:
                data = resource_path(name).read_bytes()  # bytes: no path-encoding issues
                return ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])

            person = session(PERSON_MODEL)
            self.face, self.person = session(FACE_MODEL), person


_sessions = _Sessions()


def set_threads(threads: int) -> None:
    """Threads each network may use for one photo, before the sessions are loaded. 1 (the
    default) suits the app's and the CLI's two photo workers on two cores: no threads waiting
    for each other, ~10–15 % less CPU for five photos dropped at once; 2 gives a caller that
    checks a single photo on an otherwise idle machine the lowest latency."""
    with _sessions._lock:
        if _sessions.face is None:
            _sessions.threads = max(1, threads)


def preload() -> None:
    """Import onnxruntime and load both networks now (e.g. on a thread while the first photos
    are read); a failure is left to the first :meth:`NeuralDetector.detect` (HOG fallback)."""
    try:
        _sessions.load()
    except Exception:  # noqa: BLE001 - reported and handled where the detector is used
        return


class NeuralDetector:
    """CenterFace faces plus YOLOX-nano persons; dlib HOG if onnxruntime cannot be loaded.

    ``rotations`` adds the two turned passes, ``fine`` the small-face pass on a larger copy,
    ``persons`` the person detector (``fine=False``: the upright pass on a 640-px copy only).
    CPU per 12 MP photo (1000×750 copy, 1 thread): upright with small faces (640-px gate pass
    ~50 ms, plus the 960-px pass around its candidates: up to ~130 ms), turned ~30 ms, persons
    ~30 ms; a photo below FINE_MIN px adds the (gated) enlarged pass.
    """

    def __init__(self, *, persons: bool = True, rotations: bool = True, fine: bool = True) -> None:
        self.persons = persons
        self.rotations = rotations
        self.fine = fine
        self._fallback: HogFaceDetector | None = None

    def detect(self, rgb: U8) -> list[FaceBox]:
        """Faces (``kind="face"``) and persons without a face (``kind="person"``) in ``rgb``."""
        if self._fallback is None:
            try:
                _sessions.load()
            except Exception:  # noqa: BLE001 - a broken runtime must not stop the photo check
                _log.warning("onnxruntime unavailable, face check falls back to dlib HOG",
                             exc_info=True)  # fmt: skip
                self._fallback = HogFaceDetector()
        if self._fallback is not None:
            return self._fallback.detect(rgb)
        faces = find_faces(_sessions.face, rgb, rotations=self.rotations, fine=self.fine)
        if not self.persons:
            return faces
        people = [p for p in find_persons(_sessions.person, rgb) if not _holds_face(p, faces)]
        return faces + people


def find_faces(
    session: Any, rgb: U8, *, rotations: bool = True, fine: bool = True
) -> list[FaceBox]:
    """CenterFace boxes in ``rgb`` coordinates (upright incl. small faces, brightened when
    dark, and turned passes)."""
    height, width = rgb.shape[:2]
    found = []
    copy, factor = _resized(rgb, FACE_SIDE)
    if fine and max(height, width) >= FINE_MIN:
        # the 640-px copy only gates the 960-px pass: its peaks say where faces may be
        gate = _centerface(session, copy, GATE_THRESHOLD)
        large, boxes = _fine_pass(session, rgb, min(FINE_SIDE, max(height, width)), (gate, factor))
        found.append(boxes)
        dark = _mean_luminance(large) < DARK_MEAN
    else:
        rows = _centerface(session, copy, GATE_THRESHOLD if fine else FACE_THRESHOLD)
        boxes = rows[rows[:, 4] >= FACE_THRESHOLD]  # a copy: ``rows`` stay in copy pixels
        boxes[:, :4] /= factor
        found.append(boxes)
        dark = _mean_luminance(copy) < DARK_MEAN
        if fine:  # a small photo is searched enlarged as well: its small faces grow to ~20 px
            found.append(_fine_pass(session, rgb, FINE_SIDE, (rows, factor))[1])
    if dark:
        boxes = _centerface(session, brighten(copy), FACE_THRESHOLD)
        boxes[:, :4] /= factor
        found.append(boxes)
    if rotations:
        small, factor = _resized(rgb, ROTATED_SIDE)
        h, w = small.shape[:2]
        for turns in (1, 3):
            turned = np.ascontiguousarray(np.rot90(small, turns))
            b = _centerface(session, turned, ROTATED_THRESHOLD)
            x1, y1, x2, y2 = b[:, 0].copy(), b[:, 1].copy(), b[:, 2].copy(), b[:, 3].copy()
            if turns == 1:  # counter-clockwise: (x, y) -> (y, w - x)
                b[:, 0], b[:, 1], b[:, 2], b[:, 3] = w - y2, x1, w - y1, x2
            else:  # clockwise: (x, y) -> (h - y, x)
                b[:, 0], b[:, 1], b[:, 2], b[:, 3] = y1, h - x2, y2, h - x1
            b[:, :4] /= factor
            found.append(b)
    return merge_boxes(_to_boxes(np.concatenate(found), width, height, "face"))


def _fine_pass(
    session: Any, rgb: U8, side: int, gate: tuple[F32, float] | None = None
) -> tuple[U8, F32]:
    """The upright pass on a copy of ``side`` px (larger or smaller than ``rgb``) and its boxes
    in ``rgb`` pixels: faces that would be ≥ FINE_MAX_FACE px on the FACE_SIDE copy count at
    FACE_THRESHOLD, smaller ones at the stricter FINE_THRESHOLD.

    ``gate``: the rows a pass on a smaller copy found at :data:`GATE_THRESHOLD` and that copy's
    scale factor; only the regions around them are searched (see :func:`_gate_regions`)."""
    large, factor = _resized(rgb, side)
    regions = None
    if gate is not None:
        rows, gate_factor = gate
        regions = _gate_regions(rows[:, :4] * (factor / gate_factor), large.shape[:2])
    if regions is None:
        boxes = _centerface(session, large, FACE_THRESHOLD)
    else:
        parts = [np.zeros((0, 5), np.float32)]
        for x1, y1, x2, y2 in regions:
            part = _centerface(session, np.ascontiguousarray(large[y1:y2, x1:x2]), FACE_THRESHOLD)
            part[:, [0, 2]] += x1
            part[:, [1, 3]] += y1
            parts.append(part)
        boxes = np.concatenate(parts)
    tiny = boxes[:, 3] - boxes[:, 1] < FINE_MAX_FACE * max(large.shape[:2]) / FACE_SIDE
    boxes = boxes[~tiny | (boxes[:, 4] >= FINE_THRESHOLD)]
    boxes[:, :4] /= factor
    return large, boxes


def _gate_regions(
    candidates: F32, shape: tuple[int, ...]
) -> list[tuple[int, int, int, int]] | None:
    """Rectangles (x1, y1, x2, y2) of an image of ``shape`` that hold every candidate box
    (x1, y1, x2, y2 rows in its pixels) grown by half its size, at least GATE_MARGIN px, in
    whole GATE_CELL blocks (so a region's heat-map cells are those of the whole image); None
    when they would cover more than GATE_MAX_SHARE of it (then the whole image is searched)."""
    height, width = shape[:2]
    rows, cols = -(-height // GATE_CELL), -(-width // GATE_CELL)
    grid = np.zeros((rows, cols), bool)
    for x1, y1, x2, y2 in candidates.tolist():
        mx, my = max(GATE_MARGIN, (x2 - x1) / 2), max(GATE_MARGIN, (y2 - y1) / 2)
        r1, r2 = max(0, int((y1 - my) // GATE_CELL)), -int(-(y2 + my) // GATE_CELL)
        c1, c2 = max(0, int((x1 - mx) // GATE_CELL)), -int(-(x2 + mx) // GATE_CELL)
        grid[r1:r2, c1:c2] = True
    if grid.mean() > GATE_MAX_SHARE:
        return None
    regions = []
    seen = np.zeros_like(grid)
    for r, c in zip(*np.nonzero(grid), strict=True):  # bounding boxes of 8-connected blocks
        if seen[r, c]:
            continue
        seen[r, c] = True
        stack, top, bottom, left, right = [(int(r), int(c))], int(r), int(r), int(c), int(c)
        while stack:
            y, x = stack.pop()
            top, bottom, left, right = min(top, y), max(bottom, y), min(left, x), max(right, x)
            for ny in range(max(0, y - 1), min(rows, y + 2)):
                for nx in range(max(0, x - 1), min(cols, x + 2)):
                    if grid[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        regions.append((
            left * GATE_CELL, top * GATE_CELL,
            min(width, (right + 1) * GATE_CELL), min(height, (bottom + 1) * GATE_CELL),
        ))  # fmt: skip
    return regions


def find_persons(session: Any, rgb: U8) -> list[FaceBox]:
    """YOLOX-nano ``person`` boxes in ``rgb`` coordinates (letterboxed 416×416 input)."""
    height, width = rgb.shape[:2]
    ratio = min(PERSON_SIDE / height, PERSON_SIDE / width)
    size = (max(1, int(width * ratio)), max(1, int(height * ratio)))
    small = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
    padded = np.full((PERSON_SIDE, PERSON_SIDE, 3), 114, np.uint8)
    padded[: size[1], : size[0]] = small[:, :, ::-1]  # trained on BGR
    blob = padded.transpose(2, 0, 1)[None].astype(np.float32)
    out = session.run(None, {session.get_inputs()[0].name: blob})[0][0]
    grid, stride = _yolox_grid()
    score = out[:, 4] * out[:, 5]  # objectness × P(person), COCO class 0
    keep = score >= PERSON_THRESHOLD
    centre = (out[keep, :2] + grid[keep]) * stride[keep] / ratio
    half = np.exp(out[keep, 2:4]) * stride[keep] / ratio / 2
    boxes = np.concatenate([centre - half, centre + half, score[keep, None]], axis=1)
    return merge_boxes(_to_boxes(boxes, width, height, "person"), 0.45)


def brighten(rgb: U8) -> U8:
    """A dark photo stretched for detection: levels from the 0.5/99.5 % luminance percentiles,
    then a gamma that lifts the mean to ~45 % grey (never darkens)."""
    f = rgb.astype(np.float32)
    lum = f @ np.array([0.299, 0.587, 0.114], np.float32)
    lo, hi = (float(v) for v in np.percentile(lum, (0.5, 99.5)))
    hi = max(hi, lo + 1.0)
    stretched = np.clip((f - lo) / (hi - lo), 0.0, 1.0)
    mean = float(np.clip((lum - lo) / (hi - lo), 1e-3, 1.0).mean())
    gamma = min(1.0, max(0.3, float(np.log(0.45) / np.log(max(mean, 1e-3)))))
    out: U8 = (stretched**gamma * 255 + 0.5).astype(np.uint8)
    return out


def _centerface(session: Any, rgb: U8, threshold: float) -> F32:
    """Decoded CenterFace peaks as rows (x1, y1, x2, y2, score) in ``rgb`` pixels.

    The input is padded to multiples of 32; the four outputs are a face-centre heat map,
    log box sizes, sub-cell offsets and landmarks (unused), all at stride 4.
    """
    h, w = rgb.shape[:2]
    ph, pw = -(-h // 32) * 32, -(-w // 32) * 32
    blob = np.zeros((1, 3, ph, pw), np.float32)
    blob[0, :, :h, :w] = rgb.transpose(2, 0, 1)
    heat, scale, offset, _ = session.run(None, {"input.1": blob})
    ys, xs = np.nonzero(heat[0, 0] > threshold)
    score = heat[0, 0, ys, xs]
    bh, bw = np.exp(scale[0, 0, ys, xs]) * 4, np.exp(scale[0, 1, ys, xs]) * 4
    cy = (ys + offset[0, 0, ys, xs] + 0.5) * 4
    cx = (xs + offset[0, 1, ys, xs] + 0.5) * 4
    x1, y1 = np.maximum(0, cx - bw / 2), np.maximum(0, cy - bh / 2)
    rows = np.stack([x1, y1, np.minimum(x1 + bw, w), np.minimum(y1 + bh, h), score], axis=1)
    return rows.astype(np.float32).reshape(-1, 5)


def _to_boxes(rows: F32, width: int, height: int, kind: str) -> list[FaceBox]:
    out = []
    for x1, y1, x2, y2, score in rows.tolist():
        x, y = max(0, int(x1)), max(0, int(y1))
        w, h = min(width, int(np.ceil(x2))) - x, min(height, int(np.ceil(y2))) - y
        if w > 0 and h > 0:
            out.append(FaceBox(x, y, w, h, round(min(1.0, max(0.01, score)), 2), kind))
    return out


def _holds_face(person: FaceBox, faces: list[FaceBox]) -> bool:
    return any(
        person.x <= f.x + f.w / 2 <= person.x + person.w
        and person.y <= f.y + f.h / 2 <= person.y + person.h
        for f in faces
    )


def _resized(rgb: U8, side: int) -> tuple[U8, float]:
    """``rgb`` scaled so that its longest side is ``side`` (up or down) and the factor."""
    h, w = rgb.shape[:2]
    factor = side / max(h, w)
    if abs(factor - 1) < 1e-3:
        return rgb, 1.0
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    resample = Image.Resampling.BOX if factor < 1 else Image.Resampling.BILINEAR
    return np.asarray(Image.fromarray(rgb).resize(size, resample)), factor


def _mean_luminance(rgb: U8) -> float:
    return float((rgb.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)).mean())


_grid_cache: tuple[F32, F32] | None = None


def _yolox_grid() -> tuple[F32, F32]:
    """Cell coordinates and strides of YOLOX's 3549 outputs (strides 8, 16, 32 at 416 px)."""
    global _grid_cache
    if _grid_cache is None:
        cells, strides = [], []
        for stride in (8, 16, 32):
            n = PERSON_SIDE // stride
            xv, yv = np.meshgrid(np.arange(n), np.arange(n))
            cells.append(np.stack((xv, yv), 2).reshape(-1, 2))
            strides.append(np.full((n * n, 1), stride))
        _grid_cache = (
            np.concatenate(cells).astype(np.float32),
            np.concatenate(strides).astype(np.float32),
        )
    return _grid_cache
