"""Item-model results for Qt: ``None`` ("no data") without PySide's reference-count slip.

PySide6 6.12 on Python 3.11 releases one reference to ``None`` too many each time a Python
``data()`` or ``headerData()`` override returns ``None`` to C++ (a view painting, a proxy
model sorting). Every paint of a large audit list costs None thousands of references; at
exit the interpreter finds None's count at zero and aborts with ``Fatal Python error:
none_dealloc`` (seen with 1,000 audits and 20,000 findings). Returning ``None`` is still the
documented way to say "invalid QVariant", so every such override is wrapped with
:func:`variant_result`, which gives None one reference back whenever it is the result.

An extra reference to None is harmless (None is never freed; from Python 3.12 it is immortal
and the count is not even kept), so the wrapper is also safe when Python code calls
``data()`` directly, where no reference is lost.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable
from typing import Any, TypeVar

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

F = TypeVar("F", bound=Callable[..., Any])
WRAPPED = "__auditapp_variant_result__"


def variant_result(method: F) -> F:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = method(*args, **kwargs)
        if result is None:
            _incref(None)
        return result

    setattr(wrapper, WRAPPED, True)
    return wrapper  # type: ignore[return-value]
