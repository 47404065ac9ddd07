divert(-1)
# domain/debian-mta.m4 -- site defaults of Debian's sendmail MTA (used with
# OSTYPE(`debian')): the .forward+detail search path, header limits and
# the host status directory (a .mc may undefine it again).  Features such
# as use_cw_file or access_db are left to the .mc itself.
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
define(`confMAX_MIME_HEADER_LENGTH', `256/128')
define(`confNO_RCPT_ACTION', `add-to-undisclosed')
define(`confTO_IDENT', `0')
define(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
divert(0)dnl
