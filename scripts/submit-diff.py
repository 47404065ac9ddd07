#!/usr/bin/env python3
"""submit-diff.py: submits extra messages (beyond the oracle's 23) with our
sendmail and with sendmail 8.17 into private queues and compares the queue
files by the oracle's aspects (rc and output, files, sender, recipients, C/r
lines, headers, body, qf metadata). Run by hand, as root, with the real
sendmail installed: it is never part of `make check`.
usage: scripts/submit-diff.py [OUR_SENDMAIL] [REAL_SENDMAIL]
Two cases differ on purpose (see the end of the file)."""
import json
import os
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.environ.get('ORACLE_DIR') or next(
    (d for d in (os.path.join(TOP, '..', 'shared', 'oracle'), os.path.join(TOP, '..', '..', 'shared', 'oracle'))
     if os.path.isdir(d)), '/work/shared/oracle')
sys.path.insert(0, os.path.join(ORACLE, 'lib'))
sys.path.insert(0, os.path.join(ORACLE, 'submit'))
import smoracle as S  # noqa: E402
import submit as SUB  # noqa: E402

OURS = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(TOP, 'sendmail', 'sendmail')
REAL = sys.argv[2] if len(sys.argv) > 2 else '/usr/libexec/sendmail/sendmail'
CASES = [
 ('To: staff, webmaster, info\n', ['-t','-oi']),
 ('To: bob, postmaster@example.com, abuse\nCc: hostmaster@mx.example.com\n', ['-t','-oi','-f','x@remote.example.net']),
 ('To: "A, B" <a@example.org>, (comment) c@example.net, d@[198.51.100.20]\n', ['-t','-oi']),
 ('To: outside, catchall, tagged-user+foo\n', ['-t','-oi']),
 ('To: user@partner.example.net, user@example.org, USER@EXAMPLE.ORG\n', ['-t','-oi']),
 ('Subject: only\n', ['-oi','root','alice@example.com','a@remote.example.net,b@remote.example.net']),
 ('To: a@example.org\nResent-To: r@example.org\nResent-Cc: staff\n', ['-t','-oi']),
 ('To: a@example.org\nPrecedence: junk\nReply-To: x@y.z\n', ['-t','-oi','-N','never']),
 ('To: a@example.org\nFrom: Joe <joe@example.com>\nSender: s@example.com\n', ['-t','-oi','-f','joe@example.com','-F','Joe Full']),
 ('To: filter, archive\n', ['-t','-oi']),
 ('To: root, root@example.com, root@mx.example.com, ROOT\n', ['-t','-oi']),
 ('To: support-team, localuser, lostmail\n', ['-t','-oi','-R','full','-V','abc']),
 ('To: undisclosed-recipients:;\nCc: a@example.org\n', ['-t','-oi']),
 ('To: a@example.org\nTo: b@example.org\nCc: c@example.org, d@example.org\n', ['-t','-oi']),
 ('To: Group One: a@example.org, b@example.org; , c@example.org\n', ['-t','-oi']),
 ('To: <a@example.org>\n', ['-t','-oi','-f','<>']),
 ('To: a@example.org\nDate: bogus\nMessage-ID: <x@y>\n', ['-t','-oi']),
 ('To: a@example.org\nResent-From: r@example.org\n', ['-t','-oi']),
 ('To: a@example.org\nContent-Type: text/plain\nMIME-Version: 1.0\n', ['-t','-i','-B','7BIT']),
 ('To: a@example.org, a@example.org\n', ['-t','-oi', 'a@example.org']),
 ('To: a@example.org\n', ['-t','-oi', '-p', 'smtp:host.example.net']),
 ('To: @relay.example.net:user@example.org\n', ['-t','-oi']),
 ('To: user%other.example.net@example.com\n', ['-t','-oi']),
 ('To: bob@example.org\nX-Very-Long: ' + 'word '*40 + '\n', ['-t','-oi']),
 ('To: ' + ', '.join('user%d@example.org' % i for i in range(12)) + '\n', ['-t','-oi']),
 ('From: root\nTo: a@example.org\n', ['-t','-oi','-f','root']),
 ('To: a@example.org\n', ['-t','-oi','-f','daemon']),
 ('To: nobody-here@example.com\n', ['-t','-oi','-f','a@example.com']),
 ('To: a@example.org , b@example.org ,c@example.org\n', ['-t','-oi']),
 ('To: ROOT, Root@Example.COM\n', ['-t','-oi']),
 ('To: tagged-user+foo, MAIL\n', ['-t','-oi']),
 ('TO:a@example.org\nSubject:x\n', ['-t','-oi']),
 ('to : a@example.org\ncc:b@example.org,c@example.org\n', ['-t','-oi']),
 ('To: a@example.org\nX-Empty:\nX-Spaces:    \n', ['-t','-oi']),
 ('To: a@example.org\nfrom: lower@example.com\nDATE: Mon, 1 Jan 2024 10:00:00 +0000\n', ['-t','-oi']),
 ('To: a@example.org\nReturn-Receipt-To: x@y.z\nErrors-To: e@y.z\n', ['-t','-oi']),
 ('To: a@example.org\nApparently-To: b@example.org\n', ['-t','-oi']),
 ('To: "quoted, name" <q@example.org>, \\"esc\\" <e@example.org>\n', ['-t','-oi']),
 ('To: a@example.org\nMessage-Id: <abc@def>\nMessage-Id: <second@def>\n', ['-t','-oi']),
 ('To: a@example.org\nX-Folded: one\n  two\n\tthree\n', ['-t','-oi']),
 ('To: a@example.org\nFrom: a@b.c (Comment) \n', ['-t','-oi']),
 ('To: a@example.org\n', ['-t','-oi','-F','','-f','x@y.z']),
 ('To: a@example.org\n', ['-t','-oi','-f','root@mx.example.com']),
]
def run(sb, binp, msg, args, cf, opts):
    q = os.path.join(sb.dir, 'q'); 
    import shutil; shutil.rmtree(q, ignore_errors=True); os.makedirs(q, mode=0o700)
    rc, out, err, to = sb.run([binp, '-C', cf, '-O', 'QueueDirectory=' + q, '-odq'] + opts + args, msg, timeout=30)
    r = {'rc': rc, 'stdout': SUB.norm_bp(sb.normalize(out)), 'stderr': S.filter_stderr(SUB.norm_bp(sb.normalize(err))), 'timeout': to}
    r.update(SUB.collect(q))
    return SUB.aspects(r)
sb = S.Sandbox()
bad_total = 0
try:
    sb.install_etc('centos7')
    cf = sb.install_cf('centos7', os.path.join(S.ORACLE, 'cf', 'centos7.cf'))
    opts = sb.sendmail_opts('centos7')
    for hdr, args in CASES:
        msg = (hdr + 'Subject: t\n\nbody\n').encode() if 'Subject' not in hdr else (hdr + '\nbody\n').encode()
        a = run(sb, REAL, msg, args, cf, opts); b = run(sb, OURS, msg, args, cf, opts)
        bad = [k for k in a if a[k] != b[k]]
        bad_total += bool(bad)
        print('OK ' if not bad else 'BAD', repr(hdr[:60]), args, bad)
        for k in bad:
            print('   real:', json.dumps(a[k])[:500]); print('   ours:', json.dumps(b[k])[:500])
    print('submit-diff: %d/%d cases agree' % (len(CASES) - bad_total, len(CASES)))
finally:
    sb.cleanup()

# Known, deliberate differences:
# - "To: undisclosed-recipients:;" with -t: sendmail's own notice has a
#   nondeterministic transcript ("putbody: write error"), and its qf extra lines.
# - a failing local sender (-f a@example.com, no such user) with an unknown
#   recipient: sendmail double-bounces to the postmaster at once; we queue the
#   notice to the sender, and the queue run sends the double bounce later.
