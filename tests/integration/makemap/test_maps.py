"""Map classes end to end through the maplookup driver (K lines in a file,
"/map name key" on stdin, sendmail -bt's output): maps built by our makemap,
regex, text, program and sequence maps, a socketmap served by a small
python server on loopback, and dns/host/bestmx maps answered by dnsmasq
on a free loopback port."""
import os
import shutil
import socket
import threading
import unittest

from harness import Sandbox


def netstring(s):
    b = s.encode()
    return b'%d:%s,' % (len(b), b)


class SocketmapServer:
    """Answers "name key" queries from a dict; 'slow' never answers. Each
    connection is served by its own thread and counted."""

    def __init__(self, table):
        self.table = table
        self.sock = socket.socket()
        self.sock.bind(('127.0.0.1', 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.queries = []
        self.connections = 0
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    def answer(self, conn):
        with conn:
            buf = b''
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                buf += data
                while b':' in buf:
                    n, rest = buf.split(b':', 1)
                    if len(rest) < int(n) + 1:
                        break
                    q, buf = rest[:int(n)].decode(), rest[int(n) + 1:]
                    self.queries.append(q)
                    key = q.split(' ', 1)[1]
                    reply = self.table.get(key, 'NOTFOUND ')
                    if reply == 'BAD':
                        conn.sendall(b'nonsense')
                    elif reply != 'SLOW':
                        conn.sendall(netstring(reply))

    def close(self):
        self.sock.close()


class MapLookupTest(unittest.TestCase):
    def setUp(self):
        self.sb = Sandbox(self)
        self.driver = self.sb.program('tests/integration/makemap/maplookup')

    def lookup(self, cf_text, queries, extra=()):
        cf = self.sb.write('m.cf', cf_text)
        r = self.sb.run([self.driver] + list(extra) + [cf], input=''.join('/map %s\n' % q for q in queries))
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode()

    def test_hash_and_btree_built_by_makemap(self):
        mm = self.sb.program('makemap/makemap')
        for typ in ('hash', 'btree'):
            self.sb.run([mm, typ, 'acc-' + typ], input='Connect:127.0.0.1 RELAY\nTo:bad@example.com REJECT\n')
        self.sb.run([mm, '-N', '-t:', 'hash', 'al'], input='root: admin\n')
        out = self.lookup('Kh hash %s\nKb btree -T<TMPF> %s\nKn hash -N %s\n' % (
            self.sb.path('acc-hash'), self.sb.path('acc-btree'), self.sb.path('al')),
            ['h connect:127.0.0.1', 'h CONNECT:127.0.0.1', 'b To:bad@example.com', 'b nosuch', 'n root'],
            extra=['-O', 'DontBlameSendmail=MapInUnsafeDirPath'])  # the sandbox may be below /tmp
        self.assertEqual(out, 'map_lookup: h (connect:127.0.0.1) returns RELAY (0)\n'
                              'map_lookup: h (CONNECT:127.0.0.1) returns RELAY (0)\n'
                              'map_lookup: b (To:bad@example.com) returns REJECT (0)\n'
                              'map_lookup: b (nosuch) no match (0)\n'
                              'map_lookup: n (root) returns  admin (0)\n')

    def test_map_below_writable_directory_is_refused(self):
        os.mkdir(self.sb.path('gw'))
        os.chmod(self.sb.path('gw'), 0o777)
        self.sb.run([self.sb.program('makemap/makemap'), 'hash', 'gw/m'], input='k v\n')
        out = self.lookup('Km hash %s\n' % self.sb.path('gw/m'), ['m k'])
        self.assertRegex(out, r'^hash map "m": unsafe map file .*gw/m\.db: (World|Group) writable directory\n'
                              r'map_lookup: m \(k\) no match \(75\)\n$')

    def test_missing_and_optional_files(self):
        out = self.lookup('Kx hash %s\nKo hash -o %s\n' % (self.sb.path('none'), self.sb.path('none')),
                          ['x key', 'o key'])
        # As sendmail prints it: the open failure first, then the result line.
        self.assertEqual(out, 'hash map "x": missing map file %s.db: No such file or directory\n'
                              'map_lookup: x (key) no match (75)\nMap named "o" not open\n' % self.sb.path('none'))

    def test_regex_text_program_sequence(self):
        self.sb.write('pw', 'root:x:0\nUser:y:1\n')
        out = self.lookup('Kr regex -s1 -a! ^(a+)(b+)$\nKt text -k0 -v1 -z: %s\nKp program /bin/echo\n'
                          'Kq sequence r t\nKl ldap -k uid=%%0\n' % self.sb.path('pw'),
                          ['r aabb', 'r xx', 't USER', 't nosuch', 'p hello', 'q root'])
        self.assertEqual(out, self.sb.path('m.cf') + ': line 5: map l: class ldap is not supported by this mail system\n'
                              'map_lookup: r (aabb) returns aa! (0)\n'
                              'map_lookup: r (xx) no match (0)\n'
                              'map_lookup: t (USER) returns y (0)\n'
                              'map_lookup: t (nosuch) no match (68)\n'
                              'map_lookup: p (hello) returns hello (0)\n'
                              'map_lookup: q (root) returns x (0)\n')

    def test_socketmap_over_inet(self):
        srv = SocketmapServer({'alice@example.com': 'OK alice@mailhost', 'tmp': 'TEMP try later',
                               'bad': 'BAD', 'slow': 'SLOW'})
        self.addCleanup(srv.close)
        out = self.lookup('Kvirt socket -d1 inet:%d@127.0.0.1\n' % srv.port,
                          ['virt alice@example.com', 'virt nobody', 'virt tmp', 'virt bad', 'virt slow',
                           'virt alice@example.com'])
        # Like sendmail, the reasons of failures go to the log, not to -bt's output.
        self.assertEqual(out.splitlines(), [
            'map_lookup: virt (alice@example.com) returns alice@mailhost (0)',
            'map_lookup: virt (nobody) no match (68)',
            'map_lookup: virt (tmp) no match (75)',
            'map_lookup: virt (bad) no match (75)',
            'map_lookup: virt (slow) no match (75)',
            'map_lookup: virt (alice@example.com) returns alice@mailhost (0)'])
        self.assertEqual(srv.queries[0], 'virt alice@example.com')

    def test_socketmaps_with_one_specification_share_a_connection(self):
        # sendmail keeps one connection per socket specification as written,
        # across K lines: a and b share one, c (the same address written
        # another way) has its own.
        srv = SocketmapServer({'k1': 'OK v1', 'k2': 'OK v2', 'k3': 'OK v3'})
        self.addCleanup(srv.close)
        spec = 'inet:%d@127.0.0.1' % srv.port
        out = self.lookup('Ka socket -d2 %s\nKb socket -d2 %s\nKc socket -d2 inet:%d@[127.0.0.1]\n'
                          % (spec, spec, srv.port), ['a k1', 'b k2', 'a k1', 'c k3'])
        self.assertEqual(out.splitlines(), [
            'map_lookup: a (k1) returns v1 (0)',
            'map_lookup: b (k2) returns v2 (0)',
            'map_lookup: a (k1) returns v1 (0)',
            'map_lookup: c (k3) returns v3 (0)'])
        self.assertEqual(srv.queries, ['a k1', 'b k2', 'a k1', 'c k3'])
        self.assertEqual(srv.connections, 2)

    def test_socketmap_server_down_tempfails(self):
        port = self.sb.free_port()
        out = self.lookup('Kv socket inet:%d@127.0.0.1\n' % port, ['v key'])
        self.assertTrue(out.endswith('no match (75)\n'), out)


@unittest.skipUnless(shutil.which('dnsmasq') or os.path.exists('/usr/sbin/dnsmasq'), 'dnsmasq not installed')
class DnsMapTest(unittest.TestCase):
    """dnsmasq on a free loopback port is the name server."""

    def setUp(self):
        self.sb = Sandbox(self)
        self.port = self.sb.free_port()
        dnsmasq = shutil.which('dnsmasq') or '/usr/sbin/dnsmasq'
        self.sb.start([dnsmasq, '--keep-in-foreground', '--port=%d' % self.port, '--listen-address=127.0.0.1',
                       '--bind-interfaces', '--no-resolv', '--no-hosts', '--pid-file=', '--local=/example.org/',
                       '--host-record=a.example.org,192.0.2.1', '--host-record=six.example.org,2001:db8::6',
                       '--host-record=multi.example.org,192.0.2.10', '--host-record=multi.example.org,192.0.2.11',
                       '--host-record=target.example.org,192.0.2.5', '--cname=alias.example.org,target.example.org',
                       '--txt-record=txt.example.org,hello world', '--txt-record=two.example.org,one,two',
                       '--mx-host=mx.example.org,mail1.example.org,20', '--mx-host=mx.example.org,mail2.example.org,10',
                       '--host-record=mail1.example.org,192.0.2.21', '--host-record=mail2.example.org,192.0.2.22',
                       '--ptr-record=1.2.0.192.in-addr.arpa,a.example.org',
                       # null MX (RFC 7505): alone with an address, and among other exchangers
                       '--dns-rr=null.example.org,15,000000', '--host-record=null.example.org,192.0.2.9',
                       '--mx-host=mixed.example.org,mail1.example.org,10', '--dns-rr=mixed.example.org,15,001400'],
                      port=self.port)
        self.driver = self.sb.program('tests/integration/makemap/maplookup')

    def lookup(self, cf_text, queries, extra=()):
        cf = self.sb.write('m.cf', cf_text)
        hosts = self.sb.write('hosts', '127.0.0.1 localhost\n')
        r = self.sb.run([self.driver, '-n', '127.0.0.1:%d' % self.port, '-O', 'HostsFile=' + hosts,
                         '-M', 'm=example.com'] + list(extra) + [cf],
                        input=''.join('/map %s\n' % q for q in queries))
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stdout.decode().splitlines()

    def test_dns_record_types(self):
        out = self.lookup('Kda dns -RA\nKdm dns -RMX\nKdt dns -RTXT\nKdc dns -RCNAME\nKdz dns -RA -z,\n'
                          'Kdn dns -RA -Z1\nKdp dns -RPTR\nKdt2 dns -RTXT -z;\n',
                          ['da a.example.org', 'dm mx.example.org', 'dt txt.example.org', 'dc alias.example.org',
                           'dz multi.example.org', 'dn multi.example.org', 'dp 1.2.0.192.in-addr.arpa',
                           'da alias.example.org', 'dt2 two.example.org', 'da nx.example.org.'])
        self.assertEqual(out[0], 'map_lookup: da (a.example.org) returns 192.0.2.1 (0)')
        self.assertIn(out[1], ('map_lookup: dm (mx.example.org) returns mail2.example.org (0)',
                               'map_lookup: dm (mx.example.org) returns mail1.example.org (0)'))
        self.assertEqual(out[2], 'map_lookup: dt (txt.example.org) returns hello world (0)')
        self.assertEqual(out[3], 'map_lookup: dc (alias.example.org) returns target.example.org (0)')
        self.assertIn(out[4], ('map_lookup: dz (multi.example.org) returns 192.0.2.10,192.0.2.11 (0)',
                               'map_lookup: dz (multi.example.org) returns 192.0.2.11,192.0.2.10 (0)'))
        self.assertRegex(out[5], r'^map_lookup: dn \(multi.example.org\) returns 192\.0\.2\.1[01] \(0\)$')
        self.assertEqual(out[6], 'map_lookup: dp (1.2.0.192.in-addr.arpa) returns a.example.org (0)')
        self.assertEqual(out[7], 'map_lookup: da (alias.example.org) returns 192.0.2.5 (0)')
        self.assertEqual(out[8], 'map_lookup: dt2 (two.example.org) returns one (0)')
        self.assertEqual(out[9], 'map_lookup: da (nx.example.org.) no match (68)')

    def test_host_map(self):
        out = self.lookup('Kh host -a.\nKp host\n',
                          ['h a.example.org', 'h alias.example.org', 'h [192.0.2.1]', 'h [127.0.0.1]',
                           'h localhost', 'p a.example.org', 'h nx.example.org.', 'h six.example.org'])
        self.assertEqual(out, ['map_lookup: h (a.example.org) returns a.example.org. (0)',
                               'map_lookup: h (alias.example.org) returns target.example.org. (0)',
                               'map_lookup: h ([192.0.2.1]) returns a.example.org. (0)',
                               'map_lookup: h ([127.0.0.1]) returns localhost. (0)',
                               'map_lookup: h (localhost) returns localhost.example.com. (0)',
                               'map_lookup: p (a.example.org) returns a.example.org (0)',
                               'map_lookup: h (nx.example.org.) no match (68)',
                               'map_lookup: h (six.example.org) returns six.example.org. (0)'])

    def test_aaaa_is_printed_as_sendmail_does(self):
        out = self.lookup('Kd dns -RAAAA\n', ['d six.example.org'])
        self.assertEqual(out, ['map_lookup: d (six.example.org) returns IPv6:2001:db8:0:0:0:0:0:6 (0)'])

    def test_search_list_from_resolv_conf(self):
        conf = self.sb.write('resolv.conf', 'search example.org\noptions ndots:1\n')
        out = self.lookup('Kd dns -RA\n', ['d a'], extra=['-r', conf])
        self.assertEqual(out, ['map_lookup: d (a) returns 192.0.2.1 (0)'])

    def test_bestmx(self):
        out = self.lookup('Kb bestmx\nKbz bestmx -z:\n',
                          ['b mx.example.org', 'bz mx.example.org', 'b a.example.org', 'b nx.example.org',
                           'b txt.example.org'])
        # As sendmail 8.17 answers: a name without MX records but with an
        # address is its own exchanger; one without either is "no match" (0).
        self.assertEqual(out, ['map_lookup: b (mx.example.org) returns mail2.example.org. (0)',
                               'map_lookup: bz (mx.example.org) returns mail2.example.org.:mail1.example.org. (0)',
                               'map_lookup: b (a.example.org) returns a.example.org. (0)',
                               'map_lookup: b (nx.example.org) no match (68)',
                               'map_lookup: b (txt.example.org) no match (0)'])

    def test_bestmx_of_null_mx(self):
        out = self.lookup('Kb bestmx\nKbz bestmx -z:\n',
                          ['b null.example.org', 'bz null.example.org', 'bz mixed.example.org'])
        # sendmail 8.17: a lone null MX is no exchanger at all, not even the
        # domain's own address (status 69); among others it is listed as ".".
        self.assertEqual(out, ['map_lookup: b (null.example.org) no match (69)',
                               'map_lookup: bz (null.example.org) no match (69)',
                               'map_lookup: bz (mixed.example.org) returns mail1.example.org.:. (0)'])

    def test_host_map_accepts_a_name_with_only_mx(self):
        out = self.lookup('Kh host -a.\n', ['h mx.example.org', 'h txt.example.org'])
        self.assertEqual(out, ['map_lookup: h (mx.example.org) returns mx.example.org. (0)',
                               'map_lookup: h (txt.example.org) no match (68)'])


if __name__ == '__main__':
    unittest.main()
