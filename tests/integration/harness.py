"""Helpers for integration tests: the built programs, a private temporary
directory, free loopback ports, and servers started and stopped by PID.

    from harness import Sandbox
    class T(unittest.TestCase):
        def setUp(self):
            self.sb = Sandbox(self)            # removed (and its servers stopped) at cleanup
        def test_x(self):
            port = self.sb.free_port()
            srv = self.sb.start([self.sb.program('sendmail/sendmail'), '-bD', ...], port=port)
            r = self.sb.run([self.sb.program('makemap/makemap'), 'hash', 'access'], input=b'...')
            wait_for_text(self.sb.path('maillog'), 'stat=Sent')   # poll, never sleep

Also: require_built(self, 'pop3d/pop3d') and require_oracle(self) fail (never
skip) with a message naming what is missing; wait_until(predicate) polls.
TOP_SRCDIR and TOP_BUILDDIR differ in a VPATH build (distcheck): sources and
data come from the first, programs from the second.
"""
import atexit
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time

TOP_BUILDDIR = os.environ.get('top_builddir') or os.path.abspath(
    os.path.join(os.path.dirname(__file__), '..', '..'))
TOP_SRCDIR = os.environ.get('top_srcdir') or TOP_BUILDDIR
# configure --with-oracle sets it (make check exports ORACLE_DIR); by hand, the
# default place next to the checkout.
ORACLE = os.environ.get('ORACLE_DIR') or os.path.abspath(os.path.join(TOP_SRCDIR, '..', 'shared', 'oracle'))


def require_oracle(testcase):
    """Fails (never skips) with a clear message when the oracle is absent."""
    if not os.path.isfile(os.path.join(ORACLE, 'README.md')):
        testcase.fail(f'the sendmail oracle is not at {ORACLE}: '
                      'configure --with-oracle=DIR (or set ORACLE_DIR) to run this check')
    return ORACLE


def require_built(testcase, relpath):
    """Fails with a clear message when a program is not built."""
    p = program(relpath)
    if not os.access(p, os.X_OK):
        testcase.fail(f'{relpath} is not built (looked for {p})')
    return p


def program(relpath):
    """Absolute path of a built program, e.g. program('makemap/makemap')."""
    return os.path.join(TOP_BUILDDIR, relpath)


def source(relpath):
    return os.path.join(TOP_SRCDIR, relpath)


def free_port(host='127.0.0.1'):
    """A TCP port free on loopback right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET6 if ':' in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_for_port(port, host='127.0.0.1', timeout=10.0, proc=None):
    """Polls until something accepts on host:port; fails early if proc exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f'server exited with status {proc.returncode} before listening on {port}')
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(f'nothing listening on {host}:{port} after {timeout}s')


def wait_until(predicate, timeout=10.0, what='the condition'):
    """Polls predicate() until it is true (returns its value) or fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f'{what} not met after {timeout}s')
        time.sleep(0.02)


def wait_for_text(path, text, timeout=10.0):
    """Polls a file (a log, a mailbox) until it contains text; returns its content."""
    def content():
        try:
            with open(path, 'rb') as f:
                data = f.read().decode(errors='replace')
        except FileNotFoundError:
            return None
        return data if text in data else None
    return wait_until(content, timeout, f'{text!r} in {path}')


# Every server any Sandbox started, so that a test killed half-way (the suite's
# timeout sends SIGTERM, which tap_unittest.py turns into SystemExit) leaves nothing behind.
_LIVE = []


@atexit.register
def _stop_leftovers():
    for proc in list(_LIVE):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class Sandbox:
    """A temporary directory and the processes started in it; both cleaned up
    when the test case ends (registered with addCleanup)."""

    def __init__(self, testcase, prefix='mtatest-'):
        # Not below /tmp's sticky world-writable dir for files that sendmail-like
        # safety checks inspect: the directory itself is 0700 and ours.
        self.dir = tempfile.mkdtemp(prefix=prefix)
        os.chmod(self.dir, 0o755)
        self.procs = []
        testcase.addCleanup(self.close)

    program = staticmethod(program)
    source = staticmethod(source)
    free_port = staticmethod(free_port)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, name, text, mode=0o644):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(text.encode() if isinstance(text, str) else text)
        os.chmod(p, mode)
        return p

    def run(self, argv, input=b'', timeout=60, env=None, cwd=None):
        """Runs a program to completion; returns CompletedProcess (bytes)."""
        if isinstance(input, str):
            input = input.encode()
        return subprocess.run(argv, input=input, capture_output=True, timeout=timeout,
                              env=env, cwd=cwd or self.dir)

    def start(self, argv, port=None, host='127.0.0.1', env=None, timeout=10.0, stderr_name=None):
        """Starts a server in its own process group; waits for its port."""
        err = open(self.path(stderr_name or f'server{len(self.procs)}.stderr'), 'wb')
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                                env=env, cwd=self.dir, start_new_session=True)
        err.close()
        self.procs.append(proc)
        _LIVE.append(proc)
        if port is not None:
            wait_for_port(port, host, timeout, proc)
        return proc

    def stop(self, proc, sig=signal.SIGTERM, timeout=10.0):
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if proc in _LIVE:
            _LIVE.remove(proc)

    def close(self):
        for p in self.procs:
            self.stop(p)
        shutil.rmtree(self.dir, ignore_errors=True)
