#pragma once
// Errors are values. Each layer maps foreign codes (SCARD_*, libusb, CURLcode, ...) once, at
// its boundary, into an Error with a stable code and a plain human message; callers above add
// context as the error travels up.

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace lobby {

// Stable, machine-readable kinds shared by every layer. Device- or protocol-specific detail
// lives in Error::detail; the kind is what callers branch on.
enum class ErrorKind {
    InvalidArgument,  // the caller asked for something malformed
    InvalidConfig,    // a setting or config file is wrong
    NotFound,         // a file, device or record that should exist does not
    Io,               // an OS-level read/write failure
    Timeout,          // a deadline passed
    Protocol,         // the peer sent bytes that do not follow the protocol
    Device,           // the device answered with an error status
    NoCard,           // no card on / in the reader
    CardInvalid,      // the card was read but its data is invalid or expired
    Unavailable,      // the device or service is absent or unreachable
    Cancelled,        // the operation was cancelled on purpose
    Internal,         // a bug of ours
};

std::string_view toString(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string code;     // stable identifier, e.g. "idcard.bad_checksum"
    std::string message;  // plain words for a technician's log or a CLI; never personal data

    // Prefixes the message with what the caller was doing: "reading ID card: bad checksum".
    Error withContext(std::string_view context) const&;
    Error withContext(std::string_view context) &&;
};

Error makeError(ErrorKind kind, std::string code, std::string message);

// A minimal std::expected stand-in (C++20 has none): either a value or an Error.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : data_(std::move(value)) {}
    Result(Error error) : data_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(data_); }

    Result<T> withContext(std::string_view context) && {
        if (ok()) return std::move(*this);
        return std::get<Error>(std::move(data_)).withContext(context);
    }

private:
    std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }

    Result<void> withContext(std::string_view context) && {
        if (ok()) return {};
        return std::move(error_).withContext(context);
    }

private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

}  // namespace lobby
