divert(-1)
# hack/local_users.m4 -- example hack: HACK(`local_users', `file') reads
# users that must always be delivered locally (class L) from a file,
# default MAIL_SETTINGS_DIR/local-users.
LOCAL_USER_FILE(ifelse(_ARG_, `', _CF_SETTINGS_`local-users', `_ARG_'))
divert(0)dnl
