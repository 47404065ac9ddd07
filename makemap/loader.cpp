// loader.cpp: makemap's input parser. The line counting follows sendmail's
// fgets() loop exactly (an over-long line counts once per 1023-byte piece),
// so line numbers in messages are the ones the real makemap prints.
#include "makemap/loader.hpp"

#include <cstring>

namespace makemap {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_separator(char c, char delimiter) { return delimiter == '\0' ? is_space(c) : c == delimiter; }

// Parses one complete line (terminator removed).
void parse_line(std::string& line, int lineno, const LoadOptions& opts, const RecordSink& record,
                const ErrorSink& error) {
    if (line.empty() || line[0] == opts.comment) return;
    if (opts.delimiter == '\0' && is_space(line[0])) {
        error(lineno, "syntax error (leading space)");
        return;
    }
    size_t p = 0;
    while (p < line.size() && line[p] != '\0' && !is_separator(line[p], opts.delimiter)) {
        if (opts.fold_case && line[p] >= 'A' && line[p] <= 'Z') line[p] = static_cast<char>(line[p] - 'A' + 'a');
        ++p;
    }
    std::string key = line.substr(0, p);
    // A NUL inside the line ends it, as C string handling in sendmail does.
    size_t end = line.find('\0');
    if (end == std::string::npos) end = line.size();
    while (p < end && is_separator(line[p], opts.delimiter)) ++p;
    if (p >= end && !opts.allow_empty) {
        error(lineno, "no RHS for LHS " + key);
        return;
    }
    std::string value = p < end ? line.substr(p, end - p) : std::string();
    if (opts.include_nul) {
        key.push_back('\0');
        value.push_back('\0');
    }
    record(key, value, lineno);
}

}  // namespace

bool load_records(std::FILE* in, const LoadOptions& opts, const RecordSink& record, const ErrorSink& error) {
    char buf[kLineBuffer];
    int lineno = 0;
    std::string line;
    while (std::fgets(buf, sizeof buf, in) != nullptr) {
        ++lineno;
        // fgets() stops at a newline or a full buffer; the length found by
        // strlen is what sendmail sees (an embedded NUL shortens the line).
        size_t n = std::strlen(buf);
        bool newline = n > 0 && buf[n - 1] == '\n';
        if (!newline && !std::feof(in)) {
            error(lineno, "line too long (" + std::to_string(kLineBuffer) + " bytes max)");
            continue;
        }
        line.assign(buf, newline ? n - 1 : n);
        parse_line(line, lineno, opts, record, error);
    }
    return !std::ferror(in);
}

}  // namespace makemap
