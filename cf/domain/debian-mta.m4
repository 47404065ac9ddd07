divert(-1)
# domain/debian-mta.m4 -- site defaults of Debian's sendmail MTA: a
# conservative privacy/timeout setup, .forward+detail search, class w from
# local-host-names, the "redirect" feature.
define(`confFORWARD_PATH', `$z/.forward.$w+$h:$z/.forward+$h:$z/.forward.$w:$z/.forward')
define(`confMAX_HEADERS_LENGTH', `32768')
define(`confMAX_MIME_HEADER_LENGTH', `256/128')
define(`confNO_RCPT_ACTION', `add-to-undisclosed')
define(`confTO_IDENT', `0')
define(`confLOG_LEVEL', `9')
FEATURE(`redirect')
FEATURE(`use_cw_file')
divert(0)dnl
