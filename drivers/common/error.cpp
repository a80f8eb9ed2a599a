#include "common/error.h"

namespace lobby {

std::string_view toString(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::InvalidArgument:
            return "invalid_argument";
        case ErrorKind::InvalidConfig:
            return "invalid_config";
        case ErrorKind::NotFound:
            return "not_found";
        case ErrorKind::Io:
            return "io";
        case ErrorKind::Timeout:
            return "timeout";
        case ErrorKind::Protocol:
            return "protocol";
        case ErrorKind::Device:
            return "device";
        case ErrorKind::NoCard:
            return "no_card";
        case ErrorKind::CardInvalid:
            return "card_invalid";
        case ErrorKind::Unavailable:
            return "unavailable";
        case ErrorKind::Cancelled:
            return "cancelled";
        case ErrorKind::Internal:
            return "internal";
    }
    return "internal";
}

Error Error::withContext(std::string_view context) const& {
    Error copy = *this;
    return std::move(copy).withContext(context);
}

Error Error::withContext(std::string_view context) && {
    message = std::string(context) + ": " + message;
    return std::move(*this);
}

Error makeError(ErrorKind kind, std::string code, std::string message) {
    return Error{kind, std::move(code), std::move(message)};
}

}  // namespace lobby
