"""The embedded graph server: ArcadeDB with its Bolt plugin, from the `arcadedb-embedded` wheel.

When ``AKG_NEO4J_URI`` is unset the service talks Bolt to a local ArcadeDB server that it
starts itself (or reuses, when one is already running for the same data directory):

* the Java runtime and jars come from the ``arcadedb_embedded`` package (no system Java);
* it runs as its own process (``akg db start|stop|status``), so its data survives the API;
* it binds to 127.0.0.1 only, on free ports chosen at first start;
* the root password is generated once and kept in ``<data_dir>/graph/password`` (mode 0600);
* ``<data_dir>/graph/server.json`` records pid and ports; ``server.log`` its output.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import structlog

from service.errors import GraphServerError

log = structlog.get_logger(__name__)

DATABASE = "akg"
USER = "root"
START_TIMEOUT_S = 90.0


@dataclass(frozen=True)
class ServerInfo:
    pid: int
    bolt_port: int
    http_port: int
    started_at: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


class EmbeddedGraphServer:
    """Start, reuse, inspect and stop the ArcadeDB server of one data directory."""

    def __init__(self, data_dir: Path, heap: str = "1g") -> None:
        self.home = Path(data_dir) / "graph"
        self.heap = heap

    # -- files -------------------------------------------------------------------------
    @property
    def state_file(self) -> Path:
        return self.home / "server.json"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def log_file(self) -> Path:
        return self.home / "server.log"

    def password(self) -> str:
        """The root password, generated on first use and stored with mode 0600."""
        self.home.mkdir(parents=True, exist_ok=True)
        if not self.password_file.exists():
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_urlsafe(24))
        return self.password_file.read_text().strip()

    # -- lifecycle ---------------------------------------------------------------------
    def status(self) -> ServerInfo | None:
        """The running server, or None when none answers for this data directory."""
        info = self._read_state()
        if info is None or not _pid_alive(info.pid) or not _port_open(info.bolt_port):
            return None
        return info

    def kill(self) -> None:
        """Kill the server at once, as a crash would (tests of fault handling)."""
        info = self._read_state()
        if info is not None and _pid_alive(info.pid):
            os.kill(info.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(info.pid, 0)

    def start(self) -> ServerInfo:
        """Start the server unless it already runs; wait until Bolt answers."""
        self.home.mkdir(parents=True, exist_ok=True)
        with self._lock():
            running = self.status()
            if running is not None:
                log.info("graph_server.reuse", pid=running.pid, bolt_port=running.bolt_port)
                return running
            stale = self._read_state()
            if stale is not None and _pid_alive(stale.pid) and _is_our_server(stale.pid):
                # A process from an earlier start that is still booting or hung: wait for it.
                if _wait_for_port(stale.bolt_port, stale.pid, START_TIMEOUT_S):
                    return stale
                _terminate(stale.pid)
            return self._launch()

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server; True when one was running. The state file stays, so that the
        next start reuses the same ports."""
        info = self._read_state()
        if info is None or not _pid_alive(info.pid):
            return False
        _terminate(info.pid, timeout)
        log.info("graph_server.stopped", pid=info.pid)
        return True

    # -- internals ---------------------------------------------------------------------
    def _launch(self) -> ServerInfo:
        java, classpath = _java_runtime()
        # A restart keeps the ports of the last run when they are free, so that drivers
        # connected before the server died reconnect on their own.
        last = self._read_state()
        if last is not None and _port_free(last.bolt_port) and _port_free(last.http_port):
            bolt_port, http_port = last.bolt_port, last.http_port
        else:
            bolt_port, http_port = _free_port(), _free_port()
        root = self.home / "arcadedb"
        root.mkdir(parents=True, exist_ok=True)
        args = [
            str(java),
            f"-Xmx{self.heap}",
            # The client tier of the JIT only: the optimising tier's compiler threads kept working
            # long after each write and took the cores from the NER model (recognition between
            # writes: 123 ms a document with it, 54 ms without; the writes themselves as fast).
            "-XX:TieredStopAtLevel=1",
            "-Djava.awt.headless=true",
            f"-Darcadedb.server.rootPath={root}",
            f"-Darcadedb.server.rootPasswordPath={self.password_file}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={bolt_port}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={http_port}",
            f"-Darcadedb.server.defaultDatabases={DATABASE}[{USER}]",
            "-cp",
            classpath,
            "com.arcadedb.server.ArcadeDBServer",
        ]
        self.password()  # make sure the password file exists before the server reads it
        with self.log_file.open("ab") as out:
            proc = subprocess.Popen(
                args,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=root,
                start_new_session=True,  # survives the CLI that started it
            )
        info = ServerInfo(proc.pid, bolt_port, http_port, time.time())
        self.state_file.write_text(json.dumps(asdict(info)))
        log.info("graph_server.starting", pid=proc.pid, bolt_port=bolt_port, log=str(self.log_file))
        if not _wait_for_port(bolt_port, proc.pid, START_TIMEOUT_S):
            code = proc.poll()
            _terminate(proc.pid)
            self.state_file.unlink(missing_ok=True)
            raise GraphServerError(
                f"The embedded graph server did not start within {START_TIMEOUT_S:.0f}s "
                f"(exit code {code}). See {self.log_file} for its output; "
                "or set AKG_NEO4J_URI to use a Neo4j server instead."
            )
        log.info("graph_server.started", pid=proc.pid, bolt_port=bolt_port)
        return info

    def _read_state(self) -> ServerInfo | None:
        try:
            return ServerInfo(**json.loads(self.state_file.read_text()))
        except (OSError, ValueError, TypeError):
            return None

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with (self.home / "start.lock").open("w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def _java_runtime() -> tuple[Path, str]:
    try:
        import arcadedb_embedded
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise GraphServerError(
            "The package arcadedb-embedded is not installed: run `make install` "
            "or set AKG_NEO4J_URI to use a Neo4j server."
        ) from exc
    base = Path(arcadedb_embedded.__file__).parent
    java = base / "jre" / "bin" / "java"
    if not java.exists():
        raise GraphServerError(f"No Java runtime at {java}: reinstall arcadedb-embedded.")
    return java, str(base / "jars" / "*")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_free(port: int) -> bool:
    """Can a server listen on ``port``? (SO_REUSEADDR like the server: connections of a
    killed server linger in TIME_WAIT.)"""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child (exited, not reaped) is not alive.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _is_our_server(pid: int) -> bool:
    """The pid is an ArcadeDB server (pids are reused after a reboot)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return b"ArcadeDBServer" in fh.read()
    except OSError:
        return False


def _wait_for_port(port: int, pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _port_open(port):
            return True
        if not _pid_alive(pid):
            return False
        time.sleep(0.25)
    return False


def _terminate(pid: int, timeout: float = 30.0) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    if _pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
