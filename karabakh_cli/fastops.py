"""thinc ops whose dense layers multiply through numpy's BLAS.

thinc's NumpyOps multiplies with blis. On the machines kcli was measured on, numpy's
OpenBLAS did the same products ~25% faster for `ner`, with the same entities on the
TimeBank/AQUAINT benchmark. Imported only when a model is loaded (it imports thinc).
"""
from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class BlasOps(NumpyOps):
    """NumpyOps with `gemm` through numpy.matmul; everything else as thinc has it."""

    name = "kcli-numpy-blas"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        product = numpy.matmul(x.T if trans1 else x, y.T if trans2 else y)
        if out is None:
            return product
        out[...] = product
        return out
