#!/usr/bin/env bash
# demo.sh: runs the mail system from the build tree with a self-contained
# configuration under ./run/demo (config, spool, mailboxes, maps), loopback
# only, high ports. Ctrl-C stops everything it started. Parts that are not
# built yet are named, never faked.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
demo="$top/run/demo"
SMTP_PORT=${SMTP_PORT:-2525}; POP3_PORT=${POP3_PORT:-2110}; IMAP_PORT=${IMAP_PORT:-2143}
mkdir -p "$demo"/{etc,mqueue,clientmqueue,mail}
chmod 700 "$demo/mqueue"

echo "demo directory: $demo"
if [ -f "$top/cf/m4/cf.m4" ]; then
    sed -e "s|@DEMO@|$demo|g" -e "s|@SMTP_PORT@|$SMTP_PORT|g" "$top/scripts/demo.mc.in" > "$demo/etc/sendmail.mc"
    m4 -DCFDIR="$top/cf" "$demo/etc/sendmail.mc" > "$demo/etc/sendmail.cf"
    echo "sendmail.cf compiled from $demo/etc/sendmail.mc with our cf/ package"
else
    echo "not built yet: the cf/ macro package (sendmail.mc cannot be compiled)"
fi
if [ -x "$top/makemap/makemap" ]; then
    printf 'Connect:127.0.0.1\tRELAY\nConnect:localhost\tRELAY\n' > "$demo/etc/access"
    "$top/makemap/makemap" hash "$demo/etc/access" < "$demo/etc/access"
    echo "access.db built with our makemap"
else
    echo "not built yet: makemap"
fi

pids=()
stop_all() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait; echo "demo stopped"; }
trap stop_all INT TERM EXIT

started=0
if "$top/sendmail/sendmail" -bD -C "$demo/etc/sendmail.cf" </dev/null >/dev/null 2>&1 & then
    pid=$!; sleep 0.5
    if kill -0 "$pid" 2>/dev/null; then
        pids+=("$pid"); started=1
        echo "SMTP  listening on 127.0.0.1:$SMTP_PORT"
        echo "try:  swaks --server 127.0.0.1:$SMTP_PORT --to $USER@localhost --from you@example.com"
    else
        echo "not built yet: the SMTP daemon (sendmail -bd)"
    fi
fi
for d in pop3d imapd; do
    if [ -x "$top/$d/$d" ]; then
        port=$POP3_PORT; [ "$d" = imapd ] && port=$IMAP_PORT
        "$top/$d/$d" -p "$port" -d "$demo/mail" & pids+=("$!"); started=1
        echo "$d listening on 127.0.0.1:$port"
    else
        echo "not built yet: $d"
    fi
done
echo "sendmail -bt works on the demo config: $top/sendmail/sendmail -bt -C $demo/etc/sendmail.cf"
if [ "$started" = 0 ]; then
    echo "no server part is built yet; nothing to keep running"
    exit 0
fi
echo "Ctrl-C stops everything"
wait
