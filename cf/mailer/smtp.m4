divert(-1)
# mailer/smtp.m4 -- the SMTP family: smtp, esmtp, smtp8, dsmtp and relay.
# SMTP_MAILER_*, ESMTP_MAILER_*, SMTP8_MAILER_*, DSMTP_MAILER_* and
# RELAY_MAILER_* override flags, arguments, limits and queue groups
# (SMTP_MAILER_FLAGS apply to all; relay takes RELAY_MAILER_FLAGS instead when set).
# relay has no M= and takes RELAY_MAILER_MAXMSGS and RELAY_MAILER_CHARSET
# rather than the SMTP_ ones; ESMTP_, SMTP8_ and DSMTP_MAILER_FLAGS do not
# exist in sendmail's package (MODIFY_MAILER_FLAGS changes those mailers).
ifdef(`SMTP_MAILER_FLAGS', `', `define(`SMTP_MAILER_FLAGS', `')')
ifdef(`SMTP_MAILER_ARGS', `', `define(`SMTP_MAILER_ARGS', `TCP $h')')
ifdef(`SMTP_MAILER_LL', `', `define(`SMTP_MAILER_LL', `990')')
ifdef(`RELAY_MAILER_LL', `', `define(`RELAY_MAILER_LL', `2040')')
define(`_SMTP_M_', `
M$1,		P=[IPC], F=`'_MF_(`$6', `mDFMuX$2'ifelse(`$1', `relay', `', `SMTP_MAILER_FLAGS')`$3'), S=EnvFromSMTP/HdrFromSMTP, R=$4`'ifdef(`_ALL_MASQUERADE_', ifelse(`$4', `MasqSMTP', `/MasqRelay', `/HdrFromSMTP')), E=\r\n, L=$5,ifelse(`$1', `relay', `_MOPT_(`RELAY_MAILER_MAXMSGS', `m')_MOPT_(`SMTP_MAILER_MAXRCPTS', `r')_MOPT_(`RELAY_MAILER_CHARSET', `C')', `_MOPT_(`SMTP_MAILER_MAX', `M')_MOPT_(`SMTP_MAILER_MAXMSGS', `m')_MOPT_(`SMTP_MAILER_MAXRCPTS', `r')_MOPT_(`SMTP_MAILER_CHARSET', `C')')_MOPT_(`$6_MAILER_QGRP', `Q')
		T=DNS/RFC822/SMTP,
		A=$7
')
define(`_MDEF_smtp_', `_SMTP_M_(`smtp', `', `', `EnvToSMTP', SMTP_MAILER_LL, `SMTP', ifdef(`SMTP_MAILER_ARGS', `SMTP_MAILER_ARGS', `TCP $h'))dnl
_SMTP_M_(`esmtp', `a', `', `EnvToSMTP', SMTP_MAILER_LL, `ESMTP', ifdef(`ESMTP_MAILER_ARGS', `ESMTP_MAILER_ARGS', `TCP $h'))dnl
_SMTP_M_(`smtp8', `8', `', `EnvToSMTP', SMTP_MAILER_LL, `SMTP8', ifdef(`SMTP8_MAILER_ARGS', `SMTP8_MAILER_ARGS', `TCP $h'))dnl
_SMTP_M_(`dsmtp', `a%', `', `EnvToSMTP', SMTP_MAILER_LL, `DSMTP', ifdef(`DSMTP_MAILER_ARGS', `DSMTP_MAILER_ARGS', `TCP $h'))dnl
_SMTP_M_(`relay', `a8', ifdef(`RELAY_MAILER_FLAGS', `RELAY_MAILER_FLAGS', `SMTP_MAILER_FLAGS'), `MasqSMTP', RELAY_MAILER_LL, `RELAY', ifdef(`RELAY_MAILER_ARGS', `RELAY_MAILER_ARGS', `TCP $h'))')
define(`_LOADED_smtp_', 1)
divert(0)dnl
