divert(-1)
# feature/queuegroup.m4 -- select queue groups through the access map (qgrp:).
define(`_QUEUE_GROUP_', `_ARG_')
divert(0)dnl
