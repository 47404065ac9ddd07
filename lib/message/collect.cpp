// collect.cpp: the line discipline of message input. Headers are kept in
// memory (bounded by MaxHeadersLength); the body streams to the caller.
#include "message/collect.hpp"

namespace message {

bool Collector::feed(std::string_view data) {
    while (!data.empty() && !done_) {
        size_t nl = data.find('\n');
        if (nl == std::string_view::npos) {
            partial_.append(data);
            if (partial_.size() >= opts_.max_line) {
                std::string l = std::move(partial_);
                partial_.clear();
                if (!line(l, false)) return false;
            }
            return sink_ok_;
        }
        std::string_view piece = data.substr(0, nl);
        data.remove_prefix(nl + 1);
        if (!partial_.empty()) {
            partial_.append(piece);
            std::string l = std::move(partial_);
            partial_.clear();
            if (!line(l, true)) return false;
        } else if (!line(piece, true)) {
            return false;
        }
    }
    return sink_ok_;
}

bool Collector::finish() {
    if (!done_ && !partial_.empty()) {
        std::string l = std::move(partial_);
        partial_.clear();
        return line(l, false);
    }
    return sink_ok_;
}

bool Collector::line(std::string_view l, bool terminated) {
    if (terminated && !l.empty() && l.back() == '\r') l.remove_suffix(1);
    std::string stripped;
    if (opts_.strip_8bit) {
        stripped.assign(l);
        for (char& c : stripped) c = static_cast<char>(c & 0x7f);
        l = stripped;
    }
    if (!opts_.ignore_dots && terminated && l == ".") {
        done_ = true;
        return sink_ok_;
    }
    msg_.size += l.size() + (terminated ? 1 : 0);
    for (unsigned char c : l)
        if (c >= 0x80) {
            msg_.has_8bit = true;
            break;
        }
    if (in_headers_) return header_line(l, terminated);
    return body_line(l, terminated);
}

bool Collector::header_line(std::string_view l, bool terminated) {
    bool first = first_line_;
    first_line_ = false;
    if (first && l.substr(0, 5) == "From ") {
        msg_.unix_from = std::string(l.substr(5));
        return true;
    }
    if (l.empty() && terminated) {
        in_headers_ = false;
        return true;
    }
    header_bytes_ += l.size() + 1;
    bool too_long = opts_.max_header_bytes > 0 && header_bytes_ > opts_.max_header_bytes;
    if (too_long) msg_.headers_too_long = true;
    if (is_continuation(l) && !msg_.headers.empty() && !too_long) {
        msg_.headers.back().value += "\n" + std::string(l);
        return true;
    }
    size_t n = header_name_length(l);
    if (n == 0 || too_long) {
        // Not a header: the header block ends and this line is the body's first.
        in_headers_ = false;
        return body_line(l, terminated);
    }
    Header h;
    h.name = std::string(l.substr(0, n));
    size_t colon = l.find(':', n);
    h.value = std::string(l.substr(colon + 1));
    msg_.headers.push_back(std::move(h));
    return true;
}

bool Collector::body_line(std::string_view l, bool terminated) {
    if (!sink_ok_) return false;
    std::string buf(l);
    if (terminated) buf += '\n';
    sink_ok_ = sink_(buf);
    return sink_ok_;
}

}  // namespace message
