"""The map lines some FEATUREs write, where -bt outcomes cannot show them:
the `LDAP' argument of domaintable, bitdomain and authinfo (maps from the
sendmailMTAMap schema, as sendmail's package writes them), the default LDAP
maps of ldap_routing with sendmail's package's warning when
confLDAP_DEFAULT_SPEC is not set, and local_lmtp's mail.local in the
OSTYPE's confEBINDIR."""
import subprocess
import unittest

import harness

LDAP_SCHEMA = ('ldap -1 -v sendmailMTAMapValue,sendmailMTAMapSearch:FILTER:sendmailMTAMapObject,'
               'sendmailMTAMapURL:URL:sendmailMTAMapObject -k (&(objectClass=sendmailMTAMapObject)'
               '(|(sendmailMTACluster=${sendmailMTACluster})(sendmailMTAHost=$j))'
               '(sendmailMTAMapName=%s)(sendmailMTAKey=%%0))')
LDAP_WARNING = ('\nWARNING: Using default FEATURE(ldap_routing) map definition(s)\n'
                'without setting confLDAP_DEFAULT_SPEC option.\n')


class FeatureMaps(unittest.TestCase):
    def setUp(self):
        self.sb = harness.Sandbox(self)

    def m4(self, body, ostype='linux'):
        mc = self.sb.write('test.mc', "include(CFDIR`/m4/cf.m4')dnl\nOSTYPE(`%s')dnl\n%s"
                           "MAILER(`local')dnl\n" % (ostype, body))
        r = subprocess.run(['m4', '-DCFDIR=' + harness.source('cf'), mc], capture_output=True,
                           text=True, timeout=60, cwd=self.sb.dir)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r.stderr, r.stdout.split('\n')

    def line(self, lines, start):
        found = [l for l in lines if l.startswith(start)]
        self.assertEqual(len(found), 1, start)
        return found[0]

    def test_table_features_take_ldap(self):
        for feature, key, mapname in (('domaintable', 'Kdomaintable ', 'domain'),
                                      ('bitdomain', 'Kbitdomain ', 'bitdomain'),
                                      ('authinfo', 'Kauthinfo ', 'authinfo')):
            with self.subTest(feature=feature):
                err, lines = self.m4("FEATURE(`%s', `LDAP')dnl\n" % feature)
                self.assertEqual(err, '')
                self.assertEqual(self.line(lines, key), key + LDAP_SCHEMA % mapname)

    def test_ldap_routing_default_maps_warn(self):
        err, lines = self.m4("FEATURE(`ldap_routing')dnl\n")
        self.assertEqual(err, LDAP_WARNING)
        self.assertEqual(self.line(lines, 'Kldapmh '),
                         'Kldapmh ldap -1 -T<TMPF> -v mailHost -k '
                         '(&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))')
        self.assertEqual(self.line(lines, 'Kldapmra '),
                         'Kldapmra ldap -1 -T<TMPF> -v mailRoutingAddress -k '
                         '(&(objectClass=inetLocalMailRecipient)(mailLocalAddress=%0))')

    def test_ldap_routing_quiet_with_spec_or_maps(self):
        err, _ = self.m4("define(`confLDAP_DEFAULT_SPEC', `-h ldap.example.com')dnl\n"
                         "FEATURE(`ldap_routing')dnl\n")
        self.assertEqual(err, '')
        err, lines = self.m4("FEATURE(`ldap_routing', `hash /etc/mail/mh', `hash /etc/mail/mra')dnl\n")
        self.assertEqual(err, '')
        self.assertEqual(self.line(lines, 'Kldapmh '), 'Kldapmh hash /etc/mail/mh')

    def test_local_lmtp_follows_ostype(self):
        for ostype, path in (('linux', '/usr/sbin/mail.local'), ('solaris8', '/usr/lib/mail.local')):
            with self.subTest(ostype=ostype):
                _, lines = self.m4("FEATURE(`local_lmtp')dnl\n", ostype)
                self.assertTrue(self.line(lines, 'Mlocal,').startswith('Mlocal,\t\tP=' + path + ','))


if __name__ == '__main__':
    unittest.main()
