// Terminals in the sandbox store: their latest heartbeat.
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

Status PlatformStore::recordHeartbeat(const std::string& terminalId, const std::string& body,
                                      Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Statement upsert;
    sqlite3_prepare_v2(db_,
                       "INSERT INTO heartbeats VALUES (?, ?, ?) ON CONFLICT(terminal_id) DO "
                       "UPDATE SET received_at = excluded.received_at, body = excluded.body",
                       -1, &upsert.statement, nullptr);
    sqlite3_bind_text(upsert.statement, 1, terminalId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(upsert.statement, 2, epochSeconds(now));
    sqlite3_bind_text(upsert.statement, 3, body.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(upsert.statement) != SQLITE_DONE) return dbError(db_, "recording a heartbeat");
    return {};
}

Result<HeartbeatRow> PlatformStore::lastHeartbeat(const std::string& terminalId) {
    std::lock_guard lock(mutex_);
    Statement query;
    sqlite3_prepare_v2(db_, "SELECT received_at, body FROM heartbeats WHERE terminal_id = ?", -1,
                       &query.statement, nullptr);
    sqlite3_bind_text(query.statement, 1, terminalId.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(query.statement) != SQLITE_ROW)
        return refusal("not_found", "no heartbeat from this terminal");
    return HeartbeatRow{terminalId, text(query.statement, 1),
                        sqlite3_column_int64(query.statement, 0)};
}

}  // namespace lobby::sim
