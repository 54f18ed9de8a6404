"""Only the optional C accelerator lives here; everything else is in pyproject.toml.

The extension hashes whole batches for the Merkle log (ftahub/transparency/_batchhash.c). It is optional: where it
cannot be compiled, the install goes on and the log uses its pure-Python path (same bytes, slower).
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "ftahub.transparency._batchhash",
            ["ftahub/transparency/_batchhash.c"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
