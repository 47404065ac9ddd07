divert(-1)
# siteconfig/example.m4 -- example neighbour list for SITECONFIG(`example', ...)
divert(0)dnl
SITE(`uuneighbour1')dnl
SITE(`uuneighbour2')dnl
