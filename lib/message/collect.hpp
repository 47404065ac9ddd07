// collect.hpp: reading a message from a stream as sendmail's collect does:
// header block, body, a lone "." ending input unless -i, CRLF stored as LF.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "message/message.hpp"

namespace message {

struct CollectOptions {
    bool ignore_dots = false;       // -i / IgnoreDots: a lone "." is data
    size_t max_header_bytes = 0;    // MaxHeadersLength (0: no limit)
    size_t max_line = 1u << 20;     // a longer line is split (bounded memory)
    bool strip_8bit = false;        // SevenBitInput (unless the body is 8BITMIME)
};

struct CollectedMessage {
    std::vector<Header> headers;
    std::string unix_from;          // a leading "From " line (mbox), without "From "
    size_t size = 0;                // bytes read, as sendmail counts for priority
    bool has_8bit = false;          // any byte >= 0x80 in headers or body
    bool headers_too_long = false;  // MaxHeadersLength exceeded (the rest became body)
};

// Feeds input in chunks; the body is handed to `body_sink` as it arrives, so
// memory stays bounded by the header block. Returns false if the sink failed.
class Collector {
public:
    using BodySink = std::function<bool(std::string_view)>;
    Collector(CollectOptions opts, BodySink sink) : opts_(opts), sink_(std::move(sink)) {}

    bool feed(std::string_view data);
    bool finish();  // end of input: flushes a final unterminated line
    bool ended_by_dot() const { return done_; }
    CollectedMessage& message() { return msg_; }

private:
    bool line(std::string_view l, bool terminated);
    bool header_line(std::string_view l, bool terminated);
    bool body_line(std::string_view l, bool terminated);

    CollectOptions opts_;
    BodySink sink_;
    CollectedMessage msg_;
    std::string partial_;
    bool in_headers_ = true, first_line_ = true, done_ = false, sink_ok_ = true;
    size_t header_bytes_ = 0;
};

}  // namespace message
