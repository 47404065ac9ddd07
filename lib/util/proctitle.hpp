// proctitle.hpp: the process title that ps shows, as sendmail sets it
// ("sendmail: ./6B26tmHJ028657 from queue"): the text is written over the
// program's own argv strings, the rest of that space cleared, so the title
// never reaches past the memory the kernel gave the arguments.
#pragma once

#include <cstddef>
#include <string_view>

namespace util {

// Remembers the argv space (argv[0] up to the end of the last string that
// follows it without a gap) and the prefix every title starts with. Call it
// once argv has been copied into the program's own strings.
void proctitle_init(int argc, char** argv, std::string_view prefix);

// prefix + text, cut to the space there is; a no-op before proctitle_init.
void set_proctitle(std::string_view text);

// How many bytes a title can have (the argv space less the final NUL).
std::size_t proctitle_room();

}  // namespace util
