#pragma once
// A prepared SQLite statement that finalises itself, for the two SQLite files we keep (the
// kiosk's transaction journal and the sandbox platform's ledger). Header-only: its users link
// sqlite3 themselves, so lobby_common does not.

#include <sqlite3.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace lobby::sqlite {

// A statement's parameter: text or an integer.
using Param = std::variant<std::string_view, std::int64_t>;

// The current row's column as text ("" for NULL).
inline std::string columnText(sqlite3_stmt* statement, int column) {
    const auto* value = sqlite3_column_text(statement, column);
    return value != nullptr ? reinterpret_cast<const char*>(value) : "";
}

// Owns `handle` (prepared here or by the caller through &handle) and finalises it.
struct Statement {
    sqlite3_stmt* handle = nullptr;

    Statement() = default;
    // A statement that fails to prepare has a null handle: stepping it returns SQLITE_MISUSE,
    // which every caller treats as the failure it is.
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &handle, nullptr); }
    Statement(Statement&& other) noexcept : handle(std::exchange(other.handle, nullptr)) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement() { sqlite3_finalize(handle); }

    // Binds ?index (from 1); text is copied.
    Statement& bind(int index, const Param& param) {
        if (const auto* text = std::get_if<std::string_view>(&param)) {
            sqlite3_bind_text(handle, index, text->data(), static_cast<int>(text->size()),
                              SQLITE_TRANSIENT);
        } else {
            sqlite3_bind_int64(handle, index, std::get<std::int64_t>(param));
        }
        return *this;
    }
    std::string text(int column) const { return columnText(handle, column); }
};

// Prepares `sql` with `params` bound in order (?1, ?2, ...).
inline Statement prepared(sqlite3* db, const char* sql, std::initializer_list<Param> params = {}) {
    Statement statement(db, sql);
    int index = 0;
    for (const Param& param : params)
        statement.bind(++index, param);
    return statement;
}

}  // namespace lobby::sqlite
