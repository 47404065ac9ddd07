"""sendmail -bt's /mx, /canon and $[ $] through a real resolver: dnsmasq on a
free loopback port answers for example.org (the SENDMAIL_NAMESERVER hook points
our resolver at it). The expected lines are what sendmail 8.17 prints against
the same records (run in a private network namespace with dnsmasq on port 53)."""
import os
import shutil
import unittest

from harness import Sandbox

DNSMASQ = shutil.which('dnsmasq') or '/usr/sbin/dnsmasq'

RECORDS = [
    '--host-record=a.example.org,192.0.2.1', '--host-record=six.example.org,2001:db8::6',
    '--host-record=target.example.org,192.0.2.5', '--cname=alias.example.org,target.example.org',
    '--cname=mxalias.example.org,mx.example.org',
    '--mx-host=mx.example.org,mail1.example.org,20', '--mx-host=mx.example.org,mail2.example.org,10',
    '--mx-host=mx.example.org,mail3.example.org,30',
    '--mx-host=eq3.example.org,q1.example.org,10', '--mx-host=eq3.example.org,q2.example.org,10',
    '--mx-host=eq3.example.org,q3.example.org,10', '--mx-host=eq3.example.org,q0.example.org,5',
    '--host-record=mail1.example.org,192.0.2.21', '--host-record=short.example.org,192.0.2.30',
    '--mx-host=shortmx.example.org,mail1.example.org,5', '--txt-record=txtonly.example.org,hi',
    '--mx-host=dotmx.example.org,a.example.org.,10',
]

CF = """V10/Berkeley
O OperatorChars=.:%@!^/[]+
Dmexample.com
Scanonify=3
R$* @ $+\t$: $1 < @ $2 >
R$* < @ $+ > $*\t$: $1 < @ $[ $2 $] > $3
Mlocal,\tP=/bin/true, F=lsDFM, A=true $u
"""


@unittest.skipUnless(os.path.exists(DNSMASQ), 'dnsmasq not installed')
class AddressTestDnsTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        port = self.sb.free_port()
        self.sb.start([DNSMASQ, '--keep-in-foreground', '--port=%d' % port, '--listen-address=127.0.0.1',
                       '--bind-interfaces', '--no-resolv', '--no-hosts', '--pid-file=', '--local=/example.org/']
                      + RECORDS, port=port)
        self.env = dict(os.environ, SENDMAIL_NAMESERVER='127.0.0.1:%d' % port,
                        SENDMAIL_RESOLV_CONF=self.sb.write('resolv.conf', 'search example.org\noptions ndots:1\n'))
        self.cf = self.sb.write('sendmail.cf', CF)
        self.switch = self.sb.write('service.switch', 'hosts files dns\naliases files\n')
        self.hosts = self.sb.write('hosts', '127.0.0.1 localhost\n192.0.2.77 filehost\n')

    def bt(self, *lines):
        r = self.sb.run([self.sb.program('sendmail/sendmail'), '-bt', '-C', self.cf, '-O', 'DontProbeInterfaces=true',
                         '-O', 'ServiceSwitchFile=' + self.switch, '-O', 'HostsFile=' + self.hosts],
                        input=''.join(l + '\n' for l in lines), env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        # Each answer follows a prompt at the start of a line; the banner and
        # the last prompt go.
        text = '\n' + r.stdout.decode().split('Enter <ruleset> <address>\n', 1)[1]
        return [part + '\n' for part in text.split('\n> ')[1:-1]]

    def test_mx_sorted_by_preference(self):
        self.assertEqual(self.bt('/mx mx.example.org', '/mx mxalias.example.org'), [
            'getmxrr(mx.example.org) returns 3 value(s):\n'
            '\tmail2.example.org.\n\tmail1.example.org.\n\tmail3.example.org.\n',
            'getmxrr(mxalias.example.org) returns 3 value(s):\n'
            '\tmail2.example.org.\n\tmail1.example.org.\n\tmail3.example.org.\n'])

    def test_equal_preferences_in_any_order(self):
        out = self.bt('/mx eq3.example.org')[0].split('\n')
        self.assertEqual(out[0:2], ['getmxrr(eq3.example.org) returns 4 value(s):', '\tq0.example.org.'])
        self.assertEqual(sorted(out[2:5]), ['\tq1.example.org.', '\tq2.example.org.', '\tq3.example.org.'])

    def test_host_without_mx_is_its_own_exchanger(self):
        self.assertEqual(self.bt('/mx a.example.org', '/mx a.example.org.', '/mx six.example.org', '/mx short'), [
            'getmxrr(a.example.org) returns 1 value(s):\n\ta.example.org.\n',
            'getmxrr(a.example.org.) returns 1 value(s):\n\ta.example.org.\n',
            'getmxrr(six.example.org) returns 1 value(s):\n\tsix.example.org.\n',
            'getmxrr(short) returns 1 value(s):\n\tshort.example.org.\n'])

    def test_no_exchanger(self):
        # No such name; a name without an address; an alias without MX records.
        self.assertEqual(self.bt('/mx nx.example.org', '/mx txtonly.example.org', '/mx alias.example.org'), [
            'getmxrr(nx.example.org) returns 0 value(s):\n',
            'getmxrr(txtonly.example.org) returns 0 value(s):\n',
            'getmxrr(alias.example.org) returns 0 value(s):\n'])

    def test_search_list_and_literal(self):
        self.assertEqual(self.bt('/mx shortmx', '/mx dotmx.example.org', '/mx [192.0.2.1]'), [
            'getmxrr(shortmx) returns 1 value(s):\n\tmail1.example.org.\n',
            'getmxrr(dotmx.example.org) returns 1 value(s):\n\ta.example.org.\n',
            'getmxrr([192.0.2.1]) returns 1 value(s):\n\t[192.0.2.1]\n'])

    def test_canon_follows_search_list_and_cnames(self):
        self.assertEqual(self.bt('/canon a', '/canon alias', '/canon alias.example.org', '/canon six',
                                 '/canon a.example.org.', '/canon nx', '/canon nx.example.org', '/canon txtonly'), [
            'getcanonname(a) returns a.example.org\n', 'getcanonname(alias) returns target.example.org\n',
            'getcanonname(alias.example.org) returns target.example.org\n',
            'getcanonname(six) returns six.example.org\n', 'getcanonname(a.example.org.) returns a.example.org\n',
            'getcanonname(nx) returns nx\n', 'getcanonname(nx.example.org) returns nx.example.org\n',
            'getcanonname(txtonly) returns txtonly\n'])

    def test_canon_hosts_file_first(self):
        self.assertEqual(self.bt('/canon filehost', '/canon localhost', '/canon [192.0.2.1]'), [
            'getcanonname(filehost) returns filehost.example.com\n',
            'getcanonname(localhost) returns localhost.example.com\n',
            'getcanonname([192.0.2.1]) returns [192.0.2.1]\n'])

    def test_host_lookup_in_rules(self):
        out = self.bt('3 user@alias', '3 user@six', '3 user@nx.example.org')
        self.assertEqual([o.splitlines()[-1] for o in out], [
            'canonify         returns: user < @ target . example . org . >',
            'canonify         returns: user < @ six . example . org . >',
            'canonify         returns: user < @ nx . example . org >'])


if __name__ == '__main__':
    unittest.main()
