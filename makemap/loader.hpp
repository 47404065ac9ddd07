// loader.hpp: turns makemap's standard input into key/value records the way
// sendmail's makemap does: 1023-byte lines, comment and blank lines skipped,
// the key up to the first blank (or -t delimiter), case folded unless -f.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace makemap {

struct LoadOptions {
    char comment = '#';
    char delimiter = '\0';  // '\0': runs of white space
    bool fold_case = true;
    bool allow_empty = false;
    bool include_nul = false;
};

// One accepted record; line is the input line number for messages.
using RecordSink = std::function<void(std::string_view key, std::string_view value, int line)>;
// A rejected line: the message without the "makemap: name: line N: " prefix.
using ErrorSink = std::function<void(int line, const std::string& message)>;

// Reads `in` to its end. Returns false when it could not be read.
bool load_records(std::FILE* in, const LoadOptions& opts, const RecordSink& record, const ErrorSink& error);

// sendmail's input limit: fgets() into a 1024-byte buffer.
constexpr size_t kLineBuffer = 1024;

}  // namespace makemap
