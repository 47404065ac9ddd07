"""A socketmap server for the outcome cases: answers sendmail's netstring
queries ("MAPNAME KEY") from a table file of lines "MAPNAME KEY<TAB>REPLY"
(REPLY as sent: "OK value", "TEMP why", "NOTFOUND ", ...; an unknown query
gets "NOTFOUND ").  The key is compared exactly, so a difference in the case
or form of what two sendmails ask shows.

  socketmapd.py TABLE PORT PIDFILE

It returns once it listens on 127.0.0.1:PORT (the server goes on in a
child whose PID is in PIDFILE), so the caller needs no wait."""
import os
import socket
import sys

MAX_QUERY = 4096


def load(path):
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line:
                query, _, reply = line.partition('\t')
                table[query] = reply
    return table


def netstring(text):
    b = text.encode()
    return b'%d:%s,' % (len(b), b)


def queries(conn):
    """The netstring queries of one connection; stops at a malformed or
    oversized one."""
    buf = b''
    while True:
        data = conn.recv(4096)
        if not data:
            return
        buf += data
        while b':' in buf:
            n, rest = buf.split(b':', 1)
            if not n.isdigit() or int(n) > MAX_QUERY:
                return
            if len(rest) < int(n) + 1:
                break
            yield rest[:int(n)].decode('latin-1')
            buf = rest[int(n) + 1:]
        if len(buf) > MAX_QUERY + 8:
            return


def serve(sock, table):
    while True:
        conn, _ = sock.accept()
        with conn:
            for q in queries(conn):
                conn.sendall(netstring(table.get(q, 'NOTFOUND ')))


def main(table_path, port, pidfile):
    table = load(table_path)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', int(port)))
    sock.listen(8)
    pid = os.fork()
    if pid:
        with open(pidfile, 'w') as f:
            f.write(f'{pid}\n')
        return 0
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    serve(sock, table)
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:4]))
