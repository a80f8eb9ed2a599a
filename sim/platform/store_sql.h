#pragma once
// Small SQLite helpers shared by the platform store's source files (internal to sim/platform).

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "common/error.h"

namespace lobby::sim::sql {

inline Error dbError(sqlite3* db, const std::string& what) {
    return makeError(ErrorKind::Io, "platform.db", what + ": " + sqlite3_errmsg(db));
}

// A prepared statement finalised when it goes out of scope.
struct Statement {
    sqlite3_stmt* statement = nullptr;
    Statement() = default;
    Statement(Statement&& other) noexcept : statement(std::exchange(other.statement, nullptr)) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(statement); }
};

// A statement's parameter: text or an integer.
using Param = std::variant<std::string_view, std::int64_t>;

// Prepares `sql` with `params` bound in order (?1, ?2, ...).
inline Statement prepared(sqlite3* db, const char* sql, std::initializer_list<Param> params) {
    Statement query;
    sqlite3_prepare_v2(db, sql, -1, &query.statement, nullptr);
    int index = 0;
    for (const Param& param : params) {
        ++index;
        if (const auto* text = std::get_if<std::string_view>(&param)) {
            sqlite3_bind_text(query.statement, index, text->data(), static_cast<int>(text->size()),
                              SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(query.statement, index, std::get<std::int64_t>(param));
        }
    }
    return query;
}

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
