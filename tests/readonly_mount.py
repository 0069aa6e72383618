"""Whether this machine lets a test mount a folder read-only (in a user namespace), checked once."""

from __future__ import annotations

import functools
import shutil
import subprocess


@functools.cache
def read_only_mounts_work() -> bool:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs none /mnt 2>/dev/null || exit 1"],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0
