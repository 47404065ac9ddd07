divert(-1)
dnl # headers.m4 -- the H lines: which headers sendmail adds and their format.
divert(0)dnl
H?P?Return-Path: <$g>
HReceived: ifdef(`confRECEIVED_HEADER', `confRECEIVED_HEADER', `$?sfrom $s $.$?_($?s$|from $.$_)
	$.$?{auth_type}(authenticated$?{auth_ssf} bits=${auth_ssf}$.)
	$.by $j ($v/$Z)$?r with $r$. id $i$?{tls_version}
	(version=${tls_version} cipher=${cipher} bits=${cipher_bits} verify=${verify})$.$?u
	for $u; $|;
	$.$b$?g
	(envelope-from $g)$.')
H?D?Resent-Date: $a
H?D?Date: $a
H?F?Resent-From: ifdef(`confFROM_HEADER', `confFROM_HEADER', `$?x$x <$g>$|$g$.')
H?F?From: ifdef(`confFROM_HEADER', `confFROM_HEADER', `$?x$x <$g>$|$g$.')
H?x?Full-Name: $x
H?M?Resent-Message-Id: <$t.$i@$j>
H?M?Message-Id: ifdef(`confMESSAGEID_HEADER', `confMESSAGEID_HEADER', `<$t.$i@$j>')
