divert(-1)
# domain/generic.m4 -- settings shared by the hosts of a site: the
# .forward search path, the .forward+detail forms and EXPOSED_USER root.
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
FEATURE(`redirect')
FEATURE(`use_cw_file')
EXPOSED_USER(`root')
divert(0)dnl
