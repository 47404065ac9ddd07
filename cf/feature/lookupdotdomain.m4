divert(-1)
# feature/lookupdotdomain.m4 -- also look up .domain in the access map
# (an entry .example.net covers every host below example.net, not
# example.net itself).  Needs FEATURE(access_db); with relay_hosts_only
# (given before it) it says that the two do not go well together.
ifdef(`_ACCESS_TABLE_', `define(`_LOOKUPDOTDOMAIN_', 1)',
	`errprint(`*** ERROR: FEATURE(`lookupdotdomain') requires FEATURE(`access_db')
')')
ifdef(`_RELAY_HOSTS_ONLY_', `errprint(`*** WARNING: FEATURE(`lookupdotdomain') does not work well with FEATURE(`relay_hosts_only')
')')
divert(0)dnl
