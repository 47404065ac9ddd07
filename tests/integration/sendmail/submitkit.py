"""Shared setup for the submission and queue tests: a private directory with
a small sendmail.cf (options, H lines, trusted users, class w), an aliases
file and a queue directory, plus readers for the queue files written."""
import os
import re
import signal
import socket
import subprocess
import time

from harness import Sandbox

CF_TEMPLATE = """V10/Berkeley
Cwlocalhost mx.example.com example.com
Troot
DnMAILER-DAEMON
O AliasFile={dir}/aliases
O QueueDirectory={dir}/queue
O DeliveryMode=background
O DefaultUser=8:12
O PrivacyOptions=authwarnings
# the test directory lies below /tmp, which map file safety would refuse
O DontBlameSendmail=MapInUnsafeDirPath
O Timeout.queuereturn=5d
O Timeout.queuewarn=4h
Pbulk=-60
Pjunk=-100
H?P?Return-Path: <$g>
HReceived: $?sfrom $s $.$?_($?s$|from $.$_)
	$.by $j ($v/$Z)$?r with $r$. id $i$?u
	for $u; $|;
	$.$b
H?D?Resent-Date: $a
H?D?Date: $a
H?F?Resent-From: $?x$x <$g>$|$g$.
H?F?From: $?x$x <$g>$|$g$.
H?x?Full-Name: $x
H?M?Resent-Message-Id: <$t.$i@$j>
H?M?Message-Id: <$t.$i@$j>
Mlocal,	P=/bin/true, F=lsDFMAw5:/|@qPn9, A=local $u
Mprog,	P=/bin/sh, F=lsDFMoqeu9, A=sh -c $u
Mesmtp,	P=[IPC], F=mDFMuXa, L=990, A=TCP $h
S3
R$* < $* > $*		$2
R$+ @ $+		$@ $1 < @ $2 >
S4
R$* < @ $+ > $*	$@ $1 @ $2 $3
S0
R< @ $+ > : $*		$#esmtp $@ $1 $: $2
R| $*			$#prog $: | $1
R$* < @ $=w > 		$#local $: $1
R$* < @ $+ >		$#esmtp $@ $2 $: $1 < @ $2 >
R$+			$#local $: $1
"""

ALIASES = """postmaster: root
daemon: daemon, root
sales+*: carol@example.org
staff: root, mail, bob@remote.example.net
team: carol@example.org
loop1: loop2
loop2: loop1
"""


def _can_bind_mount():
    """Whether this process may give a child its own /etc/passwd (root and
    unshare(1) with mount namespaces)."""
    if os.geteuid() != 0:
        return False
    try:
        return subprocess.run(['unshare', '--mount', 'true'], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


PRIVATE_PASSWD = _can_bind_mount()


class SubmitEnv:
    def __init__(self, testcase, extra_cf=''):
        self.testcase = testcase
        self.sb = Sandbox(testcase)
        self.sendmail = self.sb.program('sendmail/sendmail')
        self.queue = self.sb.path('queue')
        os.makedirs(self.queue, mode=0o700)
        self.sb.write('aliases', ALIASES)
        self.cf = self.sb.write('sendmail.cf', CF_TEMPLATE.format(dir=self.sb.dir) + extra_cf)
        self.env = {'PATH': '/usr/bin:/bin', 'TZ': 'UTC', 'LANG': 'C',
                    'HOME': self.sb.dir}
        # sendmail writes dead.letter into the sender's password-file home:
        # root's is a directory of the sandbox here, never the real /root.
        self.root_home = self.sb.path('root-home')
        os.makedirs(self.root_home, mode=0o700)
        self.extra_users = []
        self.write_passwd()
        # Background runs and -odb children end before the directory goes
        # (cleanups run last-registered first: after a test's own kills).
        testcase.addCleanup(self.settle)

    def write_passwd(self):
        """The password file the programs see: the system's, root's home in
        the sandbox, plus extra_users (name, uid, home) lines."""
        out = []
        with open('/etc/passwd') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) == 7 and fields[0] == 'root':
                    fields[5] = self.root_home
                out.append(':'.join(fields) + '\n')
        for name, uid, home in self.extra_users:
            out.append('%s:x:%d:%d:%s:%s:/bin/sh\n' % (name, uid, uid, name.capitalize(), home))
        self.passwd = self.sb.write('passwd', ''.join(out))

    def add_user(self, name, uid, home):
        self.extra_users.append((name, uid, home))
        self.write_passwd()

    def wrap(self, argv):
        """argv run with the sandbox's password file, when that can be done."""
        if not PRIVATE_PASSWD:
            return list(argv)
        return ['unshare', '--mount', '--propagation', 'private', '/bin/sh', '-c',
                'mount --bind "$0" /etc/passwd && exec "$@"', self.passwd] + list(argv)

    def dead_letter(self, home=None):
        """The dead.letter in `home` (root's by default), or None."""
        try:
            with open(os.path.join(home or self.root_home, 'dead.letter'), 'rb') as f:
                return f.read()
        except FileNotFoundError:
            return None

    def catch_syslog(self):
        """Points the programs' syslog lines at a datagram socket of ours
        (SENDMAIL_SYSLOG_SOCKET); syslog_lines() returns what arrived."""
        path = self.sb.path('log.sock')
        self.log_sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.log_sock.bind(path)
        self.log_sock.setblocking(False)
        self.testcase.addCleanup(self.log_sock.close)
        self.env['SENDMAIL_SYSLOG_SOCKET'] = path
        self.logged = []

    def syslog_lines(self):
        """Lines logged so far, without the "<pri>Mmm dd hh:mm:ss " prefix,
        with the pid replaced by PID: (priority, 'sendmail[PID]: text')."""
        while True:
            try:
                d = self.log_sock.recv(65536).decode('latin-1')
            except BlockingIOError:
                break
            m = re.match(r'<(\d+)>\w{3} [ \d]\d \d\d:\d\d:\d\d (\S+?)\[\d+\]: (.*)', d, re.S)
            self.logged.append((int(m.group(1)), '%s[PID]: %s' % (m.group(2), m.group(3))))
        return self.logged

    def submit(self, args, message, extra_opts=()):
        argv = [self.sendmail, '-C', self.cf, '-odq', '-Mjmx.example.com'] + list(extra_opts) + list(args)
        return self.sb.run(self.wrap(argv), input=message, env=self.env)

    def mode(self, args):
        return self.sb.run(self.wrap([self.sendmail, '-C', self.cf, '-Mjmx.example.com'] + list(args)), env=self.env)

    def run_queue(self, args=('-q',)):
        """A one-shot queue run (-q, -qG..., -qR...): sendmail returns at once
        and runs the queue in the background; this waits for it to end."""
        r = self.mode(list(args))
        self.testcase.assertTrue(self.settle(), 'the queue run did not end')
        return r

    def settle(self, timeout=20.0):
        """True once no process started in this sandbox (those with its HOME
        in their environment: background runners and -odb children) is left."""
        return poll(lambda: not background_processes(self.sb.dir), timeout)

    def files(self, prefix):
        return sorted(f for f in os.listdir(self.queue) if f.startswith(prefix))

    def qfs(self):
        """Every qf file's text by queue id."""
        out = {}
        for name in self.files('qf'):
            with open(os.path.join(self.queue, name), 'rb') as f:
                out[name[2:]] = f.read().decode('latin-1')
        return out

    def only_qf(self):
        qfs = self.files('qf')
        assert len(qfs) == 1, qfs
        with open(os.path.join(self.queue, qfs[0]), 'rb') as f:
            return f.read().decode('latin-1'), qfs[0][2:]

    def df(self, qid):
        with open(os.path.join(self.queue, 'df' + qid), 'rb') as f:
            return f.read()


def lines(qf, kind):
    """Logical qf lines of one type, without the type letter."""
    out = []
    for l in re.split(r'\n(?![ \t])', qf):
        if l.startswith(kind):
            out.append(l[len(kind):])
    return out


def headers(qf):
    res = []
    for h in lines(qf, 'H'):
        m = re.match(r'\?([^?]*)\?([^:]*):(.*)', h, re.S)
        res.append((m.group(1), m.group(2), m.group(3)))
    return res


def poll(cond, timeout=10.0):
    """True once cond() holds, False if it never did within timeout (for assertTrue with a message)."""
    end = time.time() + timeout
    while time.time() < end:
        if cond():
            return True
        time.sleep(0.05)
    return False


def kill_quietly(pid):
    """SIGKILL for a runner a test started; one already gone is fine (a cleanup)."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def make_group_dirs(env, *names):
    """The queue group directories under env's queue, as paths, in order."""
    paths = [os.path.join(env.queue, n) for n in names]
    for p in paths:
        os.makedirs(p, mode=0o700)
    return paths


def use_slow_and_fast_groups(env, prog_fast=False, slow_opts='', fast_opts=''):
    """Queue groups slow and fast (directories under env's queue) in env's cf,
    esmtp's mail in slow and, with prog_fast, prog's in fast; their paths."""
    slow, fast = make_group_dirs(env, 'slow', 'fast')
    with open(env.cf) as f:
        cf = f.read()
    cf = cf.replace('Mesmtp,\tP=[IPC], F=mDFMuXa, L=990,', 'Mesmtp,\tP=[IPC], F=mDFMuXa, L=990, Q=slow,')
    if prog_fast:
        cf = cf.replace('Mprog,\tP=/bin/sh, F=lsDFMoqeu9,', 'Mprog,\tP=/bin/sh, F=lsDFMoqeu9, Q=fast,')
    cf = cf.replace('O Timeout.queuereturn=5d\n', 'O Timeout.queuereturn=5d\n'
                    'Qslow, Path=%s%s\nQfast, Path=%s%s\n' % (slow, slow_opts, fast, fast_opts))
    with open(env.cf, 'w') as f:
        f.write(cf)
    return slow, fast


def process_title(pid):
    """What ps shows for pid (its rewritten command line), or '' once gone."""
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as f:
            return f.read().rstrip(b'\0').decode('latin-1')
    except OSError:
        return ''


def background_processes(home):
    """Pids of live processes whose environment has HOME=home: what a test's
    sendmail left running after it returned."""
    mark = b'HOME=' + home.encode() + b'\0'
    pids = []
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            with open('/proc/%s/environ' % p, 'rb') as f:
                if mark not in f.read() + b'\0':
                    continue
            with open('/proc/%s/stat' % p) as f:
                if f.read().rsplit(') ', 1)[1][0] == 'Z':
                    continue
        except (OSError, IndexError):
            continue
        pids.append(int(p))
    return pids
