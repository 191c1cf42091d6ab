"""Training, corpus building and evaluation of the neutrality screener (outside the runtime package).

The runtime (``src/netra/screening``) ships only what it runs: code, lexicon and model weights. Everything that
builds or measures those lives here and is imported by ``netra model train`` / ``netra screen eval`` from a
source checkout, by ``bench/screening`` and by the tests.
"""

from lab.screening import evaluate, training  # noqa: F401
