// netstring.hpp: netstrings (https://cr.yp.to/proto/netstrings.txt) as the
// socketmap protocol uses them, with a bound on the announced length.
#pragma once

#include <string>
#include <string_view>

namespace maps {

std::string encode_netstring(std::string_view payload);

// Accumulates bytes and yields one netstring; hostile input (no digits, a
// length over kMaxNetstring, a missing comma) ends in Bad.
class NetstringReader {
public:
    static constexpr size_t kMaxNetstring = 100000;
    enum class State { More, Done, Bad };
    void feed(std::string_view bytes) { buf_.append(bytes); }
    State take(std::string& payload);
    const std::string& error() const { return error_; }

private:
    std::string buf_, error_;
};

}  // namespace maps
