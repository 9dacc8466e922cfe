"""`ita-report app`: notebooks/app.ipynb served by Voilà as a page of its own.

Voilà runs as a child process in a session of its own, on 127.0.0.1 at a free port unless told
otherwise; on any other address a token is made and required (the address printed carries it). The
page's kernels learn the app's folder and the shared store from the environment (page.ROOT_VARIABLE,
page.DB_VARIABLE). Stopping the command (Ctrl-C, SIGTERM) stops Voilà, which shuts its kernels down;
any kernel still alive after that is ended too, so no process outlives the command.
"""
from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ita_lib.errors import UsageError

START_SECONDS = 90  # Voilà answers within a few seconds; a loaded machine may take much longer
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Running:
    url: str  # what to open, with the token when one is required
    process: subprocess.Popen


def app_notebook() -> Path:
    from ita_lib.report.render import NOTEBOOKS

    return NOTEBOOKS / "app.ipynb"


def free_port(host: str) -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


# The package's own Voilà template ("ita": lab without remote style sheets), found through JUPYTER_PATH,
# and its configuration (upload size, kernels of closed pages): voila/config/voila.py.
TEMPLATES = Path(__file__).resolve().parent / "voila"
CONFIG = TEMPLATES / "config"


def voila_command(host: str, port: int, token: str) -> list[str]:
    return [sys.executable, "-m", "ita_lib.app.voila_child", str(app_notebook()), "--no-browser", f"--Voila.ip={host}",
            f"--port={port}", "--Voila.port_retries=0", f"--token={token}", "--template=ita", "--theme=light",
            f"--Voila.config_file_paths={CONFIG}",
            "--show_tracebacks=False", "--Voila.log_level=WARN"]


@contextlib.contextmanager
def running_app(*, root: Path, db: Path | None, host: str = "127.0.0.1", port: int | None = None,
                log: Path | None = None) -> Iterator[Running]:
    """Voilà serving the app until the block ends; UsageError when it cannot start."""
    import voila  # noqa: F401 - missing: the command says which extra to install
    from ita_lib.app.page import DB_VARIABLE, ROOT_VARIABLE

    port = port or free_port(host)
    token = "" if host in LOOPBACK else secrets.token_urlsafe(24)
    root.mkdir(parents=True, exist_ok=True)
    kernels = _own_kernelspec(root)
    jupyter_path = (str(kernels), str(TEMPLATES), os.environ.get("JUPYTER_PATH"))
    environment = {**os.environ, ROOT_VARIABLE: str(root.resolve()), "PYTHAINLP_OFFLINE": "1",
                   "JUPYTER_PATH": os.pathsep.join(p for p in jupyter_path if p)}
    environment.pop(DB_VARIABLE, None)
    environment["ITA_APP_PARENT"] = str(os.getpid())
    if db is not None:
        environment[DB_VARIABLE] = str(db.resolve())
    output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    process = subprocess.Popen(voila_command(host, port, token), env=environment, cwd=root,
                               stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               start_new_session=True)
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{port}/"
    try:
        _wait_until_answering(process, base, f"{shown_host}:{port}")
        yield Running(base + (f"?token={token}" if token else ""), process)
    finally:
        stop(process)
        if log:
            output.close()


def _own_kernelspec(root: Path) -> Path:
    """A Jupyter data folder whose "python3" is this interpreter's ipykernel, first on the page's
    JUPYTER_PATH: Voilà starts the kernel the notebook names, and another "python3" earlier on the
    path (a hub's, a conda base's) may have no ita_lib (report.kernels does the same for builds)."""
    from ita_lib.files import atomic_write
    from ita_lib.report.kernels import own_kernel_spec

    folder = root / ".jupyter"
    spec = {key: value for key, value in own_kernel_spec().to_dict().items() if value != ""}
    atomic_write(folder / "kernels" / "python3" / "kernel.json", json.dumps(spec, ensure_ascii=False, indent=1))
    return folder


def _wait_until_answering(process: subprocess.Popen, base: str, address: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        if process.poll() is not None:
            raise UsageError(f"the page's server stopped as it started (status {process.returncode}); "
                             "is the address or port in use?", path=address)
        try:
            urllib.request.urlopen(base + "voila/static/no-such-file", timeout=2)  # noqa: S310 - our own server
        except urllib.error.HTTPError:
            return  # any answer: it listens (a missing file costs no kernel)
        except OSError:
            if time.monotonic() > deadline:
                raise UsageError(f"the page's server did not answer within {START_SECONDS} s",
                                 path=address) from None
            time.sleep(0.2)


def stop(process: subprocess.Popen, grace: float = 15) -> None:
    """SIGTERM to Voilà (it shuts its kernels down), SIGKILL after `grace` seconds, then any of its
    kernels still alive (they run in sessions of their own)."""
    if process.poll() is not None:
        return
    kernels = _children(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            if hasattr(os, "killpg"):
                os.killpg(process.pid, signal.SIGKILL)
            else:  # Windows: no process groups of this kind
                process.kill()
        process.wait()
    if kernels:
        import psutil

        _, alive = psutil.wait_procs(kernels, timeout=5)
        for kernel in alive:
            with contextlib.suppress(psutil.Error):
                kernel.kill()


def _children(pid: int) -> list:
    try:
        import psutil

        return psutil.Process(pid).children(recursive=True)
    except Exception:  # noqa: BLE001 - without psutil, Voilà's own shutdown and the kernels' parent watch remain
        return []


def serve(*, root: Path, db: Path | None, host: str, port: int | None, open_browser: bool,
          say: Callable[[str], None]) -> None:
    """Serve the app until Ctrl-C or SIGTERM (KeyboardInterrupt, raised to the caller once stopped)."""
    with running_app(root=root, db=db, host=host, port=port) as app:
        from ita_lib.cli.say import PREFIX, line

        say(PREFIX + line("the page is at {url}", url=app.url))
        say(PREFIX + (line("stop it with Ctrl-C") if host in LOOPBACK else
                      line("stop it with Ctrl-C; anyone with the address above (its token) can use it")))
        if open_browser:
            import webbrowser

            with contextlib.suppress(Exception):
                webbrowser.open(app.url)
        app.process.wait()
