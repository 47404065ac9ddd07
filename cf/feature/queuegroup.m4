divert(-1)
# feature/queuegroup.m4 -- the queue group of a recipient from the access
# map: qgrp:user@domain or qgrp:domain (and its parent domains) names it;
# the argument is the group for recipients with no entry (else sendmail
# chooses as without the feature).  Needs FEATURE(access_db).
ifdef(`_ACCESS_TABLE_', `define(`_QUEUE_GROUP_', _ARG_)',
	`errprint(`*** ERROR: FEATURE(`queuegroup') requires FEATURE(`access_db')
')')
divert(0)dnl
