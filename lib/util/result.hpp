// result.hpp: expected failures as values (Result<T>) and the error type that
// carries where a configuration problem is (file:line) so messages can name it.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace util {

// An expected failure: what went wrong, and where in which file if it came
// from a file an administrator wrote. `code` is a sysexits value when set.
struct Error {
    std::string message;
    std::string file;  // empty when not tied to a file
    int line = 0;      // 0 when not tied to a line
    int code = 0;      // sysexits.h code (EX_*), 0 if none applies

    Error() = default;
    explicit Error(std::string msg, int exit_code = 0) : message(std::move(msg)), code(exit_code) {}
    Error(std::string f, int l, std::string msg, int exit_code = 0)
        : message(std::move(msg)), file(std::move(f)), line(l), code(exit_code) {}

    // "file: line N: message" as sendmail prints config errors, or the bare message.
    std::string describe() const;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error err) : v_(std::move(err)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

// Result of an operation with no value.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Status(Ok{}); }

}  // namespace util
