"""A new content model gets the whole editorial engine from one registration line:
the proof (``tests/testapp/registry_proof.py``) runs with ``tests.testapp``
installed, in a process of its own, so that no other test sees the throwaway app."""

import os
import subprocess
import sys

from django.conf import settings


def test_a_registered_throwaway_model_gets_roles_history_review_updates_and_invalidation():
    proof = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/testapp/registry_proof.py",
            "--ds",
            "tests.testapp.settings",
            "-q",
            "-p",
            "no:cacheprovider",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.testapp.settings"},
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert proof.returncode == 0, proof.stdout[-3000:] + proof.stderr[-2000:]
    assert " passed" in proof.stdout and "failed" not in proof.stdout
