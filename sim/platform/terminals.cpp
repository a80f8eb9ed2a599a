// Terminals in the sandbox store: enrollment tokens, groups and their scenes, heartbeats.
#include <algorithm>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

Status PlatformStore::recordHeartbeat(const std::string& terminalId, const std::string& body,
                                      Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Statement upsert = prepared(db_,
                                "INSERT INTO heartbeats VALUES (?, ?, ?) ON CONFLICT(terminal_id) "
                                "DO UPDATE SET received_at = excluded.received_at, body = "
                                "excluded.body",
                                {terminalId, epochSeconds(now), body});
    if (sqlite3_step(upsert.handle) != SQLITE_DONE) return dbError(db_, "recording a heartbeat");
    return {};
}

Result<HeartbeatRow> PlatformStore::lastHeartbeat(const std::string& terminalId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(
        db_, "SELECT received_at, body FROM heartbeats WHERE terminal_id = ?", {terminalId});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("not_found", "no heartbeat from this terminal");
    return HeartbeatRow{terminalId, query.text(1), sqlite3_column_int64(query.handle, 0)};
}

Result<std::vector<HeartbeatRow>> PlatformStore::fleet(const std::string& group) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_,
                 "SELECT t.terminal_id, COALESCE(h.received_at, 0), COALESCE(h.body, '') FROM "
                 "(SELECT terminal_id FROM enrollment_tokens WHERE used_at IS NOT NULL UNION "
                 "SELECT terminal_id FROM heartbeats) t "
                 "LEFT JOIN heartbeats h ON h.terminal_id = t.terminal_id "
                 "LEFT JOIN terminal_groups g ON g.terminal_id = t.terminal_id "
                 "WHERE COALESCE(g.group_name, 'default') = ? ORDER BY t.terminal_id LIMIT 10000",
                 {group});
    std::vector<HeartbeatRow> rows;
    while (sqlite3_step(query.handle) == SQLITE_ROW)
        rows.push_back({query.text(0), query.text(2), sqlite3_column_int64(query.handle, 1)});
    return rows;
}

Result<std::string> PlatformStore::issueEnrollmentToken(const std::string& terminalId) {
    auto token = randomId("", 16);
    if (!token) return token.error();
    std::lock_guard lock(mutex_);
    Statement insert = prepared(
        db_, "INSERT INTO enrollment_tokens (token, terminal_id, issued_at) VALUES (?, ?, ?)",
        {token.value(), terminalId, epochSeconds(Clock::now())});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "issuing a token");
    return token;
}

Status PlatformStore::redeemEnrollmentToken(const std::string& token, const std::string& terminalId,
                                            Clock::time_point now) {
    std::lock_guard lock(mutex_);
    // A token is good for one day: one left lying about cannot enroll an impostor later.
    constexpr std::int64_t kTokenLifetime_s = 24 * 60 * 60;
    Statement spend =
        prepared(db_,
                 "UPDATE enrollment_tokens SET used_at = ? WHERE token = ? AND "
                 "terminal_id = ? AND used_at IS NULL AND issued_at > ?",
                 {epochSeconds(now), token, terminalId,
                  std::max(epochSeconds(now), epochSeconds(Clock::now())) - kTokenLifetime_s});
    if (sqlite3_step(spend.handle) != SQLITE_DONE) return dbError(db_, "spending a token");
    if (sqlite3_changes(db_) != 1)
        return refusal("enrollment_refused", "unknown, used, or another terminal's token");
    return {};
}

Status PlatformStore::setTerminalGroup(const std::string& terminalId, const std::string& group) {
    std::lock_guard lock(mutex_);
    Statement upsert =
        prepared(db_,
                 "INSERT INTO terminal_groups VALUES (?, ?) ON CONFLICT(terminal_id) "
                 "DO UPDATE SET group_name = excluded.group_name",
                 {terminalId, group});
    if (sqlite3_step(upsert.handle) != SQLITE_DONE) return dbError(db_, "setting a group");
    return {};
}

Status PlatformStore::storeScene(const std::string& group, std::int64_t version,
                                 const std::string& body) {
    std::lock_guard lock(mutex_);
    // The version only moves up: an old scene uploaded late cannot roll a group back.
    Statement upsert = prepared(db_,
                                "INSERT INTO scenes VALUES (?1, ?2, ?3) ON CONFLICT(group_name) DO "
                                "UPDATE SET version = excluded.version, body = excluded.body WHERE "
                                "excluded.version > scenes.version",
                                {group, version, body});
    if (sqlite3_step(upsert.handle) != SQLITE_DONE) return dbError(db_, "storing a scene");
    if (sqlite3_changes(db_) != 1)
        return refusal("scene_not_newer", "the group has this scene version or a newer one");
    return {};
}

Result<SceneRow> PlatformStore::sceneFor(const std::string& terminalId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT scenes.group_name, version, body FROM scenes WHERE "
                               "group_name = COALESCE((SELECT group_name FROM terminal_groups "
                               "WHERE terminal_id = ?), 'default')",
                               {terminalId});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("not_found", "no scene for this terminal's group");
    return SceneRow{query.text(0), query.text(2), sqlite3_column_int64(query.handle, 1)};
}

}  // namespace lobby::sim
