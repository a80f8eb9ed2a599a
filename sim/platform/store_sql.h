#pragma once
// Small SQLite helpers shared by the platform store's source files (internal to sim/platform).

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "common/error.h"

namespace lobby::sim::sql {

inline Error dbError(sqlite3* db, const std::string& what) {
    return makeError(ErrorKind::Io, "platform.db", what + ": " + sqlite3_errmsg(db));
}

// A prepared statement finalised when it goes out of scope.
struct Statement {
    sqlite3_stmt* statement = nullptr;
    Statement() = default;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(statement); }
};

// A refusal under the platform's rules: the contract's code and an English reason.
inline Error refusal(const char* code, const std::string& message) {
    return makeError(ErrorKind::InvalidArgument, code, message);
}

// Times are stored as whole seconds since the epoch.
template <typename TimePoint>
std::int64_t epochSeconds(TimePoint when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

inline std::string text(sqlite3_stmt* statement, int column) {
    const auto* value = sqlite3_column_text(statement, column);
    return value != nullptr ? reinterpret_cast<const char*>(value) : "";
}

}  // namespace lobby::sim::sql
