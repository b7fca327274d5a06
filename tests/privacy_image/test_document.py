"""The document check's image primitives (numpy morphology, Otsu, dlib blob labelling)."""

from __future__ import annotations

import numpy as np

from desktop.privacy.image.document import _close, _components, _gray, _otsu, _saturation


def test_closing_fills_a_thin_dark_gap_and_keeps_a_flat_image() -> None:
    img = np.full((20, 30), 200, np.uint8)
    assert (_close(img, 9, 9) == img).all()
    img[10, 5:25] = 20  # a one-pixel dark stroke
    closed = _close(img, 9, 9)
    assert (closed == 200).all()
    blackhat = closed - img
    assert blackhat[10, 5:25].min() == 180
    assert int(blackhat.sum(dtype=np.int64)) == 180 * 20


def test_closing_of_a_mask_fuses_letters_of_a_line_but_not_lines() -> None:
    mask = np.zeros((20, 60), np.uint8)
    for x in range(5, 50, 8):  # letters 3 px wide, 5 px apart
        mask[5:9, x : x + 3] = 1
    mask[14:18, 5:40] = 1  # next line, 5 rows below
    lines = _close(mask, 3, 15)
    assert lines[5:9, 5:48].all()  # gaps between letters closed (last letter ends at 47)
    assert not lines[5:9, 48:].any()
    assert not lines[10:13].any()  # the line gap stays open
    assert len(_components(lines)) == 2


def test_otsu_splits_a_bimodal_image() -> None:
    img = np.array([10] * 60 + [12] * 20 + [200] * 30 + [205] * 10, np.uint8).reshape(8, 15)
    t = _otsu(img)
    assert 12 <= t < 200
    assert _otsu(np.full((4, 4), 7, np.uint8)) == 0  # flat: no split, nothing above it


def test_components_are_eight_connected_with_inclusive_boxes() -> None:
    mask = np.zeros((10, 10), np.uint8)
    mask[1, 1] = mask[2, 2] = 1  # diagonal neighbours: one blob
    mask[5:8, 4:9] = 1
    assert sorted(_components(mask)) == [(1, 1, 2, 2), (4, 5, 5, 3)]
    assert _components(np.zeros((4, 4), np.uint8)) == []


def test_gray_and_saturation_follow_bt601_and_hsv() -> None:
    rgb = np.array([[[255, 0, 0], [0, 255, 0], [0, 0, 255], [128, 128, 128], [0, 0, 0]]], np.uint8)
    assert _gray(rgb).tolist() == [[76, 150, 29, 128, 0]]
    assert _saturation(rgb).tolist() == [[255, 255, 255, 0, 0]]
