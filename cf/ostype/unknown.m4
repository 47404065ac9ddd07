divert(-1)
# ostype/unknown.m4 -- no OS specifics; the package defaults apply.
divert(0)dnl
