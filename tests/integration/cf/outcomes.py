"""Outcome cases for .mc files: each tests/integration/cf/outcomes/NAME.mc has
a NAME.cases file with the maps and DNS records it needs and -bt inputs with
the outcome sendmail 8.17 gave for them (the final results of the top-level
rulesets and every line that is not a rule trace; how the rules get there is
not compared).  make check runs OUR sendmail on the cf OUR package makes of
the .mc; `outcomes.py check' also runs the real sendmail on the cf the real
package makes and on ours.

  outcomes.py record NAME...   rewrite NAME.cases from the real sendmail and
                               the real package (REAL_CF, REAL_SENDMAIL)
  outcomes.py check [NAME...]  real/real, real/ours and ours/ours against the
                               recorded outcomes, and the real sendmail reads
                               our cf without a word; prints the differences

NAME.cases: `map NAME' ... `end' (a hash map built with our makemap),
`file NAME' ... `end' (a plain file), `dns ARG' (a dnsmasq record option), `hosts LINE' (a line of the hosts file),
`socketmap PORT' ... `end' (lines `MAPNAME KEY<TAB>REPLY' that socketmapd.py
answers on 127.0.0.1:PORT), `m4 LINE' (a line the real package's m4 printed on
stderr for the .mc, recorded; our package must print the same), and
`case LINE ;; LINE' followed by its recorded outcome lines.  Every
sendmail runs in `unshare --mount --uts --net' with host name mx.example.com,
so results are the same on every machine and nothing touches the network."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, 'outcomes')
TOP_SRCDIR = os.environ.get('top_srcdir') or os.path.abspath(os.path.join(HERE, '..', '..', '..'))
TOP_BUILDDIR = os.environ.get('top_builddir') or TOP_SRCDIR
OUR_CF = os.path.join(TOP_SRCDIR, 'cf')
REAL_CF = os.environ.get('REAL_CF', '/usr/share/sendmail/cf')
SOCKETMAPD = os.path.join(HERE, 'socketmapd.py')
DNSMASQ = shutil.which('dnsmasq') or '/usr/sbin/dnsmasq'
HOSTS = '127.0.0.1\tlocalhost\n192.0.2.25\tmx.example.com mx\n'
ENV = {'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LANG': 'C', 'LC_ALL': 'C', 'TZ': 'UTC'}


class CaseFile:
    """One NAME.cases file: its maps, files, DNS records and cases."""

    def __init__(self, name):
        self.name = name
        self.mc = os.path.join(CASES_DIR, name + '.mc')
        self.path = os.path.join(CASES_DIR, name + '.cases')
        self.maps, self.files, self.dns, self.hosts, self.cases = {}, {}, [], [], []
        self.socketmaps = {}
        self.m4 = []
        self.parse()

    def parse(self):
        with open(self.path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        i = 0
        while i < len(lines):
            line = lines[i]
            i += 1
            word, _, rest = line.partition(' ')
            if word in ('map', 'file', 'socketmap'):
                body = []
                while i < len(lines) and lines[i] != 'end':
                    body.append(lines[i])
                    i += 1
                i += 1
                kind = {'map': self.maps, 'file': self.files, 'socketmap': self.socketmaps}[word]
                kind[rest] = ''.join(b + '\n' for b in body)
            elif word == 'dns':
                self.dns.append(rest)
            elif word == 'hosts':
                self.hosts.append(rest)
            elif word == 'm4':
                self.m4.append(rest)
            elif word == 'case':
                case = {'src': f'{self.name}.cases:{i}', 'lines': rest.split(' ;; '), 'expect': []}
                while i < len(lines) and lines[i].startswith('  '):
                    case['expect'].append(lines[i][2:])
                    i += 1
                self.cases.append(case)

    def rewrite(self, outcomes, m4_stderr):
        """Replaces each case's recorded outcome and the m4 lines (record
        mode)."""
        with open(self.path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        out, n = ['m4 ' + line for line in m4_stderr.splitlines()], 0
        for line in lines:
            if line.startswith('m4 '):
                continue
            if line.startswith('  ') and out and n:
                continue
            out.append(line)
            if line.startswith('case '):
                out.extend('  ' + o for o in outcomes[n].split('\n') if o)
                n += 1
        with open(self.path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(out))


TRACE = re.compile(r'^(\S+)\s+(input|returns):\s?(.*)$')


def outcome(text):
    """The top-level ruleset results and the non-trace lines of -bt output,
    blanks collapsed; the banner and the prompts dropped."""
    keep, depth = [], 0
    text = text.split('Enter <ruleset> <address>\n', 1)[-1]
    for line in text.split('\n'):
        while line.startswith('> '):
            line = line[2:]
        line = line.strip()
        if not line or line == '>':
            continue
        m = TRACE.match(line)
        if not m:
            keep.append(' '.join(line.split()))
        elif m.group(2) == 'input':
            depth += 1
        else:
            depth = max(0, depth - 1)
            if depth == 0:
                keep.append('returns: ' + ' '.join(m.group(3).split()))
    return '\n'.join(keep)


class Setup:
    """A directory with the maps and files of one case file, and the cf
    files each package makes of its .mc."""

    def __init__(self, cases, workdir):
        self.cases, self.dir = cases, workdir
        self.etc = os.path.join(workdir, 'etc')
        os.makedirs(self.etc, exist_ok=True)
        for name, text in cases.files.items():
            self.write(os.path.join(self.etc, name), text)
        makemap = os.environ.get('MAKEMAP') or os.path.join(TOP_BUILDDIR, 'makemap', 'makemap')
        for name, text in cases.maps.items():
            src = os.path.join(self.etc, name)
            self.write(src, text)
            subprocess.run([makemap, 'hash', src], input=text.encode(), check=True,
                           capture_output=True, timeout=60)
        hosts = 'files dns' if cases.dns else 'files'
        self.switch = self.write(os.path.join(workdir, 'service.switch'), f'hosts\t{hosts}\naliases\tfiles\n')
        self.hosts = self.write(os.path.join(workdir, 'hosts'),
                                HOSTS + ''.join(h + '\n' for h in cases.hosts))
        self.write(os.path.join(workdir, 'resolv.conf'), 'nameserver 127.0.0.1\n')

    @staticmethod
    def write(path, text):
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path

    def compile(self, cfdir, tag):
        """m4 with one package; returns (cf path, m4 rc, m4 stderr)."""
        r = subprocess.run(['m4', '-DCFDIR=' + cfdir, '-DMAPDIR=' + self.etc, self.cases.mc],
                           capture_output=True, timeout=60, cwd='/')
        cf = self.write(os.path.join(self.dir, tag + '.cf'), r.stdout.decode('latin-1'))
        return cf, r.returncode, r.stderr.decode('latin-1')

    def argv(self, sendmail, cf):
        return [sendmail, '-bt', '-C', cf, '-O', 'DontProbeInterfaces=true',
                '-O', 'ServiceSwitchFile=' + self.switch, '-O', 'HostsFile=' + self.hosts,
                '-O', 'DontBlameSendmail=MapInUnsafeDirPath,ClassFileInUnsafeDirPath']

    def run(self, sendmail, cf, case):
        """sendmail -bt in its own namespaces (the real one and ours alike):
        host mx.example.com, our hosts file, no network but loopback, and
        dnsmasq on port 53 when the cases need DNS records.  The run
        directory shows as RUNDIR."""
        text = self.run_bt(sendmail, cf, stdin(case)).stdout.decode('latin-1')
        # file names in messages (a missing map) name the fresh directory
        return outcome(text.replace(self.dir, 'RUNDIR'))

    def warnings(self, sendmail, cf):
        """What sendmail says on stderr while it reads the cf (nothing for a
        cf it takes as it is)."""
        return self.run_bt(sendmail, cf, b'').stderr.decode('latin-1')

    def run_bt(self, sendmail, cf, bt_input):
        d = self.dir
        script = ['set -e', 'hostname mx.example.com', f'mount --bind {d}/hosts /etc/hosts',
                  f'mount --bind {d}/resolv.conf /etc/resolv.conf']
        if os.path.exists('/etc/mail/service.switch'):
            script.append(f'mount --bind {d}/service.switch /etc/mail/service.switch')
        if self.cases.dns or self.cases.socketmaps:
            script.append('ip link set lo up')
        for port, text in self.cases.socketmaps.items():
            table = self.write(os.path.join(d, f'socketmap.{port}'), text)
            script.append(f"'{sys.executable}' '{SOCKETMAPD}' '{table}' {int(port)} "
                          f"'{d}/socketmap.{port}.pid'")
        if self.cases.dns:
            script += [
                       f'{DNSMASQ} --port=53 --listen-address=127.0.0.1 --bind-interfaces '
                       f'--no-resolv --no-hosts --pid-file={d}/dnsmasq.pid --user=root '
                       + ' '.join(f"'{r}'" for r in self.cases.dns)]
        script += ['set +e', ' '.join(f"'{a}'" for a in self.argv(sendmail, cf)) + f' < {d}/stdin',
                   f'[ -f {d}/dnsmasq.pid ] && kill $(cat {d}/dnsmasq.pid)']
        script += [f'kill $(cat {d}/socketmap.{int(p)}.pid)' for p in self.cases.socketmaps]
        script.append('exit 0')
        with open(os.path.join(d, 'stdin'), 'wb') as f:
            f.write(bt_input)
        return subprocess.run(['unshare', '--mount', '--uts', '--net', '--propagation', 'private',
                               '/bin/sh', '-c', '\n'.join(script)], capture_output=True, timeout=120,
                              env=dict(ENV, HOME=d), cwd=d)


def can_unshare():
    """Root and a working unshare: the cases need a private UTS and network."""
    if os.geteuid() != 0 or not shutil.which('unshare'):
        return False
    r = subprocess.run(['unshare', '--mount', '--uts', '--net', '/bin/true'], capture_output=True)
    return r.returncode == 0


def run_dir():
    """A fresh directory for one case file's maps and cf files.  Not below
    /tmp or /var/tmp: sendmail distrusts files under world-writable
    directories and says so in the middle of its -bt output."""
    base = os.path.join(TOP_BUILDDIR, 'tests', 'integration', 'cf')
    os.makedirs(base, exist_ok=True)
    d = tempfile.mkdtemp(prefix='outcomes-run.', dir=base)
    os.chmod(d, 0o755)
    return d


def stdin(case):
    return ('\n'.join(case['lines']) + '\n').encode()


def all_names():
    return sorted(f[:-6] for f in os.listdir(CASES_DIR) if f.endswith('.cases'))


def main(argv):
    mode, names = argv[0], argv[1:] or all_names()
    real = os.environ.get('REAL_SENDMAIL', '/usr/libexec/sendmail/sendmail')
    ours = os.path.join(TOP_BUILDDIR, 'sendmail', 'sendmail')
    bad = total = 0
    for name in names:
        cases = CaseFile(name)
        work = run_dir()
        try:
            s = Setup(cases, work)
            real_cf, rc, err = s.compile(REAL_CF, 'real')
            our_cf, orc, oerr = s.compile(OUR_CF, 'ours')
            if mode == 'check':
                for tag, said in (('real', err), ('ours', oerr)):
                    total += 1
                    if said.splitlines() != cases.m4:
                        bad += 1
                        print(f'{name}: m4 stderr of the {tag} package: {said!r}, '
                              f'recorded {cases.m4!r}')
            if mode == 'check':
                said = s.warnings(real, our_cf)
                total += 1
                if said:
                    bad += 1
                    print(f'{name}: the real sendmail on our cf says: {said!r}')
            if mode == 'record':
                cases.rewrite([s.run(real, real_cf, c) for c in cases.cases], err)
                print(f'{name}: recorded {len(cases.cases)} cases')
                continue
            for c in cases.cases:
                want = '\n'.join(c['expect'])
                got = {'real/real': s.run(real, real_cf, c),
                       'real/ours': s.run(real, our_cf, c), 'ours/ours': s.run(ours, our_cf, c)}
                total += 1
                wrong = {k: v for k, v in got.items() if v != want}
                if wrong:
                    bad += 1
                    print(f"{c['src']}: {' ;; '.join(c['lines'])}\n  want: {want!r}")
                    for k, v in wrong.items():
                        print(f'  {k}: {v!r}')
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if mode == 'check':
        print(f'cf-case-outcomes: {total - bad}/{total}')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
