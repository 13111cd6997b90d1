"""Hypothesis profiles: quick locally, more examples with a fixed seed in CI (``CI=true``)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
# 500 examples per property, derandomized so a CI run is reproducible from its log.
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# The plugin fixture is a package of its own, installed by tests/test_plugin.py.
collect_ignore_glob = ["fixtures/*"]
