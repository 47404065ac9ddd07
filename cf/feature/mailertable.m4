divert(-1)
# feature/mailertable.m4 -- route domains through the mailertable map.
define(`_MAILER_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`mailertable', `_ARG_'))
divert(0)dnl
