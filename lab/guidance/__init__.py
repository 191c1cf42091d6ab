"""Training and measurement of the learned reader of "Bolehkah?" (outside the runtime package): ``training`` (the
recipe of src/netra/guidance/data/reader.npz) and ``crossval`` (leave one question set out, with baselines)."""
