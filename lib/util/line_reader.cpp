// line_reader.cpp: bounded line reading over read(2).
#include "util/line_reader.hpp"

#include <cerrno>
#include <unistd.h>

namespace util {

LineReader::LineReader(int fd, size_t max_line) : fd_(fd), max_line_(max_line) {}

bool LineReader::fill() {
    if (eof_ || error_) return false;
    for (;;) {
        ssize_t n = ::read(fd_, buf_, sizeof buf_);
        if (n > 0) {
            pos_ = 0;
            len_ = static_cast<size_t>(n);
            return true;
        }
        if (n == 0) {
            eof_ = true;
            return false;
        }
        if (errno == EINTR) continue;
        error_ = true;
        return false;
    }
}

LineReader::Status LineReader::next(std::string& line) {
    line.clear();
    bool too_long = false, any = false;
    had_newline_ = had_crlf_ = false;
    for (;;) {
        if (pos_ == len_ && !fill()) break;
        any = true;
        char c = buf_[pos_++];
        if (c == '\n') {
            had_newline_ = true;
            if (!too_long && !line.empty() && line.back() == '\r') {
                line.pop_back();
                had_crlf_ = true;
            }
            if (line.size() > max_line_) {
                line.resize(max_line_);
                too_long = true;
            }
            return too_long ? Status::TooLong : Status::Line;
        }
        // Keep one byte beyond the bound so a CR right before LF still fits.
        if (line.size() < max_line_ + 1)
            line.push_back(c);
        else
            too_long = true;
    }
    if (error_) return Status::Error;
    if (!any) return Status::End;
    if (line.size() > max_line_) {
        line.resize(max_line_);
        too_long = true;
    }
    return too_long ? Status::TooLong : Status::Line;
}

}  // namespace util
