// line_reader.hpp: reads lines from a file descriptor with a hard bound on
// line length, so hostile input (no newline, huge lines) never grows memory.
#pragma once

#include <cstddef>
#include <string>

namespace util {

class LineReader {
public:
    enum class Status { Line, TooLong, End, Error };

    // fd is not owned. max_line bounds a line's length without its terminator.
    LineReader(int fd, size_t max_line);

    // Reads the next line (terminator, LF or CRLF, removed) into `line`.
    // TooLong: the line exceeded max_line; `line` holds its first max_line
    // bytes and the rest of that line is skipped. End: no more input (a final
    // unterminated line is returned as Line first). `had_newline()` tells
    // whether the last Line ended with a terminator.
    Status next(std::string& line);
    bool had_newline() const { return had_newline_; }
    bool had_crlf() const { return had_crlf_; }

private:
    bool fill();

    int fd_;
    size_t max_line_;
    char buf_[8192];
    size_t pos_ = 0, len_ = 0;
    bool eof_ = false, error_ = false;
    bool had_newline_ = false, had_crlf_ = false;
};

}  // namespace util
