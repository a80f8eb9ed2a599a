#pragma once
// Small SQLite helpers shared by the platform store's source files (internal to sim/platform);
// the statement itself is common/sqlite_statement.h, shared with the kiosk's journal.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "common/error.h"
#include "common/sqlite_statement.h"

namespace lobby::sim::sql {

inline Error dbError(sqlite3* db, const std::string& what) {
    return makeError(ErrorKind::Io, "platform.db", what + ": " + sqlite3_errmsg(db));
}

using sqlite::columnText;
using sqlite::Param;
using sqlite::prepared;
using sqlite::Statement;

// A refusal under the platform's rules: the contract's code and an English reason.
inline Error refusal(const char* code, const std::string& message) {
    return makeError(ErrorKind::InvalidArgument, code, message);
}

// Times are stored as whole seconds since the epoch.
template <typename TimePoint>
std::int64_t epochSeconds(TimePoint when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace lobby::sim::sql
