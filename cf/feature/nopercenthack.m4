divert(-1)
# feature/nopercenthack.m4 -- `%' in a local part is no route (user%host):
# it is no operator (class O) and canonify leaves it alone.  Argument
# reject (or any word starting with r): check_rcpt also refuses to relay
# user%host@thishost; nospecial (n...): nothing more.  A missing or other
# argument is reported in the words of sendmail's package (missing: as
# nospecial).
ifelse(defn(`_ARG_'), `', `errprint(`*** ERROR: missing argument for FEATURE(nopercenthack):
		use `reject' or `nospecial'. See cf/README.
')define(`_NO_PERCENTHACK_', `nospecial')',
	substr(defn(`_ARG_'), 0, 1), `r', `define(`_NO_PERCENTHACK_', `reject')',
	substr(defn(`_ARG_'), 0, 1), `n', `define(`_NO_PERCENTHACK_', `nospecial')',
	`errprint(`*** ERROR: illegal argument _ARG_ for FEATURE(nopercenthack)
')')
divert(0)dnl
