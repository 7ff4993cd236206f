"""Low-level pieces the compiled kernel needs and Numba does not offer: raw data pointers
(and a way to keep their arrays alive) and the bit casts between a double and a uint64."""

from __future__ import annotations

import numba
from llvmlite import ir
from numba.core import types
from numba.extending import intrinsic


@intrinsic
def data_pointer(typingctx, array):
    """Raw pointer to a C-contiguous array's data, indexable like a 1-d array.

    Every call of a compiled helper that takes an array pays an atomic increment and
    decrement of the array owner's reference count; the draws go through chains of small
    helpers, and these atomics were about 70% of a sweep's time (perf). Pointers are not
    reference counted. The caller keeps the arrays alive while their pointers are in use
    (`keep_alive`).
    """
    signature = types.CPointer(array.dtype)(array)

    def codegen(context, builder, sig, args):
        return context.make_array(sig.args[0])(context, builder, args[0]).data

    return signature, codegen


@numba.njit(cache=True)
def keep_alive(*arrays) -> None:
    """A use of arrays whose raw pointers were in use until here (see `data_pointer`):
    Numba frees an array after its last use by name."""
    return None


@intrinsic
def float_bits(typingctx, x):
    """The 64 bits of a double, as uint64 (to keep a double in a uint64 state array)."""

    def codegen(context, builder, sig, args):
        return builder.bitcast(args[0], ir.IntType(64))

    return types.uint64(types.float64), codegen


@intrinsic
def bits_float(typingctx, bits):
    """The double whose 64 bits are `bits` (inverse of `float_bits`)."""

    def codegen(context, builder, sig, args):
        return builder.bitcast(args[0], ir.DoubleType())

    return types.float64(types.uint64), codegen
