divert(-1)
# feature/masquerade_envelope.m4 -- masquerade envelope senders too, not only headers.
define(`_MASQUERADE_ENVELOPE_', 1)
divert(0)dnl
