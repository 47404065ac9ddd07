// netstring.cpp: encoding and bounded decoding of netstrings.
#include "maps/netstring.hpp"

namespace maps {

std::string encode_netstring(std::string_view payload) {
    return std::to_string(payload.size()) + ":" + std::string(payload) + ",";
}

NetstringReader::State NetstringReader::take(std::string& payload) {
    size_t i = 0, len = 0;
    while (i < buf_.size() && buf_[i] >= '0' && buf_[i] <= '9') {
        len = len * 10 + static_cast<size_t>(buf_[i] - '0');
        if (len > kMaxNetstring) return error_ = "length over " + std::to_string(kMaxNetstring), State::Bad;
        ++i;
    }
    if (i == buf_.size()) return i > 10 ? (error_ = "length too long", State::Bad) : State::More;
    if (i == 0) return error_ = "no length", State::Bad;
    if (buf_[i] != ':') return error_ = "no colon after length", State::Bad;
    if (buf_.size() < i + 1 + len + 1) return State::More;
    if (buf_[i + 1 + len] != ',') return error_ = "no comma after data", State::Bad;
    payload = buf_.substr(i + 1, len);
    buf_.erase(0, i + 2 + len);
    return State::Done;
}

}  // namespace maps
