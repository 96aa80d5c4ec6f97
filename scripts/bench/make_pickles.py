"""Pickles for npm run bench:scan, made with Python's own pickle module (standard library only).

  make_pickles.py torch-data N_TENSORS NUMEL OUT   data.pkl of a PyTorch zip checkpoint: an OrderedDict
                                                   of N tensors (torch._utils._rebuild_tensor_v2 over
                                                   storages named by persistent id, as torch.save writes)
  make_pickles.py model SIZE_MB OUT                a model-like pickle: arrays as bytes (numpy's reduce),
                                                   a 50,000-word vocabulary, a config
  make_pickles.py dense SIZE_MB OUT                a worst case: millions of small records
"""
import os
import pickle
import sys
import tempfile
import textwrap
from collections import OrderedDict

stubs = tempfile.mkdtemp(prefix="budmodel-bench-stubs-")
for path, source in {
    "torch/__init__.py": "class BFloat16Storage: pass\n",
    "torch/_utils.py": "def _rebuild_tensor_v2(*args): pass\n",
    "numpy/__init__.py": textwrap.dedent("""
        from numpy.core.multiarray import _reconstruct
        class dtype:
            def __init__(self, code, align=False, copy=True): self.code = code
            def __reduce__(self): return (dtype, (self.code, False, True), (3, '<', None, None, None, -1, -1, 0))
            def __setstate__(self, state): pass
        class ndarray:
            def __init__(self, shape, payload): self.shape, self.payload = shape, payload
            def __reduce__(self): return (_reconstruct, (ndarray, (0,), b'b'), (1, self.shape, dtype('f4'), False, self.payload))
            def __setstate__(self, state): pass
    """),
    "numpy/core/__init__.py": "",
    "numpy/core/multiarray.py": "def _reconstruct(cls, shape, code): return cls.__new__(cls)\n",
}.items():
    full = os.path.join(stubs, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as f:
        f.write(source)
sys.path.insert(0, stubs)
import numpy  # noqa: E402  (the stand-in)
import torch  # noqa: E402
import torch._utils  # noqa: E402

kind, out = sys.argv[1], sys.argv[-1]

if kind == "torch-data":
    count, numel = int(sys.argv[2]), int(sys.argv[3])

    class Storage:
        def __init__(self, key): self.key = key

    class Tensor:
        def __init__(self, key): self.key = key
        def __reduce__(self):
            return (torch._utils._rebuild_tensor_v2, (Storage(self.key), 0, (numel,), (1,), False, OrderedDict()))

    class TorchPickler(pickle.Pickler):
        def persistent_id(self, obj):
            return ("storage", torch.BFloat16Storage, obj.key, "cpu", numel) if isinstance(obj, Storage) else None

    with open(out, "wb") as f:
        TorchPickler(f, protocol=2).dump(OrderedDict((f"model.layers.{i}.weight", Tensor(str(i))) for i in range(count)))
elif kind == "model":
    target = int(sys.argv[2]) * 1000 * 1000
    # Each layer's bytes are their own object (one shared object would be pickled once and memoized).
    layers = [{"name": f"layer{i}", "weight": numpy.ndarray((512, 512), os.urandom(1 << 20)), "bias": numpy.ndarray((512,), os.urandom(2048))} for i in range(max(1, target // ((1 << 20) + 2048)))]
    obj = {"vocab": {f"tok{i}": i for i in range(50_000)}, "layers": layers, "config": {"hidden": 512, "lr": 0.001}}
    with open(out, "wb") as f:
        pickle.dump(obj, f, protocol=4)
elif kind == "dense":
    target = int(sys.argv[2]) * 1000 * 1000
    rows = [{"id": i, "name": f"token_{i}", "score": i * 0.5, "tags": ("a", "b"), "ids": [i, i + 1, i + 2]} for i in range(target // 64)]
    with open(out, "wb") as f:
        pickle.dump(rows, f, protocol=4)
else:
    sys.exit(f"unknown kind {kind}")
