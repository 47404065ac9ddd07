divert(-1)
# feature/virtusertable.m4 -- virtual users and domains through the virtuser map.
define(`_VIRTUSER_TABLE_', ifelse(_ARG_, `', `hash '_CF_SETTINGS_`virtusertable', `_ARG_'))
divert(0)dnl
