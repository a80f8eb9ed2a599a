#pragma once
// What every HTTPS call of the platform client shares (https_platform_client.cpp,
// https_bill_calls.cpp): ids checked before they go into a path, and a reply decoded or its
// call's error. Internal to kiosk/platform.

#include <algorithm>
#include <cctype>
#include <string>

#include "common/error.h"

namespace lobby::platform {

// Every id that goes into a URL path is checked here first: letters, digits, '-' and '_' only
// (never "/", ".." or "?"), whether it came from the platform, the journal or a tap.
inline bool isPathSafe(const std::string& id) {
    return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
    });
}

inline Error badId(const char* what) {
    return makeError(ErrorKind::InvalidArgument, "platform.bad_id",
                     std::string("not a valid ") + what + " id");
}

// A call's reply body decoded by `decode`, or the call's error.
template <typename Reply, typename Decode>
auto decoded(Result<Reply> reply, Decode decode) -> decltype(decode(reply->body)) {
    if (!reply) return reply.error();
    return decode(reply->body);
}

}  // namespace lobby::platform
