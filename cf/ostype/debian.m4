divert(-1)
# ostype/debian.m4 -- Debian GNU/Linux layout: programs in /usr/lib/sm.bin,
# local delivery through sensible-mda, run-time files under
# /var/run/sendmail and /var/lib/sendmail, files readable by group smmsp.
# Every value can be overridden by defining it before OSTYPE(`debian').
define(`_OSTYPE_FILE_', `debian')
define(`_DEB_DEF_', `ifdef(`$1', `', `define(`$1', `$2')')')
_DEB_DEF_(`confEBINDIR', `/usr/lib/sm.bin')
_DEB_DEF_(`LOCAL_MAILER_PATH', `/usr/sbin/sensible-mda')
_DEB_DEF_(`LOCAL_MAILER_FLAGS', `SPn9')
_DEB_DEF_(`LOCAL_MAILER_ARGS', `sensible-mda $g $u $h ${client_addr}')
_DEB_DEF_(`LOCAL_SHELL_PATH', `/bin/sh')
_DEB_DEF_(`PROCMAIL_MAILER_PATH', `/usr/bin/procmail')
_DEB_DEF_(`STATUS_FILE', `/var/lib/sendmail/sendmail.st')
_DEB_DEF_(`confHOST_STATUS_DIRECTORY', `/var/lib/sendmail/host_status')
_DEB_DEF_(`confDEAD_LETTER_DROP', `/var/lib/sendmail/dead.letter')
_DEB_DEF_(`confPID_FILE', `/var/run/sendmail/mta/sendmail.pid')
_DEB_DEF_(`confMSP_PID_FILE', `/var/run/sendmail/msp/sendmail.pid')
_DEB_DEF_(`confCONTROL_SOCKET_NAME', `/var/run/sendmail/mta/smcontrol')
_DEB_DEF_(`MSP_QUEUE_DIR', `/var/spool/mqueue-client')
_DEB_DEF_(`QUEUE_DIR', `/var/spool/mqueue')
_DEB_DEF_(`confQUEUE_FILE_MODE', `0640')
_DEB_DEF_(`confTEMP_FILE_MODE', `0640')
_DEB_DEF_(`confDEF_USER_ID', `mail:mail')
_DEB_DEF_(`confTRUSTED_USER', `smmta')
_DEB_DEF_(`confPROCESS_TITLE_PREFIX', `MTA')
_DEB_DEF_(`confDONT_BLAME_SENDMAIL', `,AssumeSafeChown,ForwardFileInGroupWritableDirPath,GroupWritableForwardFileSafe,GroupWritableIncludeFileSafe,IncludeFileInGroupWritableDirPath,DontWarnForwardFileInUnsafeDirPath,TrustStickyBit,NonRootSafeAddr,GroupWritableIncludeFile,GroupReadableDefaultAuthInfoFile')
# class files may carry comments: read each line up to a #
define(`_CF_CLASSFILE_FMT_', ` %[^\#]')
# the cf version ($Z) names the Debian package revision
ifdef(`sm_revision', `_DEB_DEF_(`confCF_VERSION', `Debian'defn(`sm_revision'))')
undefine(`_DEB_DEF_')
# Debian's build enables m4 FFRs through sm_m4_ffr (e.g. _FFR_MAIL_MACRO:
# delayed sender checks see ${mail_from})
ifdef(`sm_m4_ffr', `sm_m4_ffr')
divert(0)dnl
