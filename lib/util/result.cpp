// result.cpp: formatting of errors the way sendmail names config problems.
#include "util/result.hpp"

namespace util {

std::string Error::describe() const {
    if (file.empty()) return message;
    if (line <= 0) return file + ": " + message;
    return file + ": line " + std::to_string(line) + ": " + message;
}

}  // namespace util
