"""A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, a Unix socket, no
network. Uses the server binaries from Debian's postgresql package (.ci/run installs them).
Runs as the 'postgres' system user when the tests run as root, since postgres refuses root.
An already running server can be used instead by setting VALIDATOR903_PG_DSN."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path:
        return path
    raise PostgresUnavailable(f"{name} not found: install Debian's postgresql package (.ci/run does)")


class TempCluster:
    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="v903pg_"))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.port = 54329
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *cmd: str) -> None:
        p = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True)
        if p.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(cmd[:2])} failed: {(p.stderr or p.stdout).strip()[-300:]}")

    def start(self) -> str:
        self.sock.mkdir(parents=True)
        if self.as_user:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
        self._run(_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "v903", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.root / "log"), "-o",
                  f"-p {self.port} -k {self.sock} -c listen_addresses='' -c fsync=off", "start")
        return f"host={self.sock} port={self.port} user=v903 dbname=postgres"

    def stop(self) -> None:
        try:
            self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
