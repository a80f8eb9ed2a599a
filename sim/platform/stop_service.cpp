// Stop-service (停诊) in the sandbox store: a doctor's session is stopped, its bookings flagged.
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

Result<NoticeRow> PlatformStore::stopSession(const std::string& sessionId) {
    std::lock_guard lock(mutex_);
    Statement stop = prepared(db_, "UPDATE sessions SET stopped = 1 WHERE id = ?", {sessionId});
    if (sqlite3_step(stop.handle) != SQLITE_DONE) return dbError(db_, "stopping a session");
    if (sqlite3_changes(db_) != 1) return refusal("not_found", "no such session");
    return noticeFor(sessionId);
}

Result<std::vector<NoticeRow>> PlatformStore::notices() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> stopped;
    {
        Statement query(db_, "SELECT id FROM sessions WHERE stopped = 1 ORDER BY date, id");
        while (sqlite3_step(query.handle) == SQLITE_ROW)
            stopped.push_back(query.text(0));
    }
    std::vector<NoticeRow> rows;
    for (const auto& session : stopped) {
        auto notice = noticeFor(session);
        if (!notice) return notice.error();
        rows.push_back(std::move(*notice));
    }
    return rows;
}

Result<NoticeRow> PlatformStore::noticeFor(const std::string& sessionId) {
    Statement session =
        prepared(db_,
                 "SELECT sessions.date, sessions.period, doctors.name FROM sessions JOIN "
                 "doctors ON doctors.id = sessions.doctor_id WHERE sessions.id = ?",
                 {sessionId});
    if (sqlite3_step(session.handle) != SQLITE_ROW) return refusal("not_found", "no such session");
    NoticeRow row{sessionId, session.text(0), session.text(1), session.text(2), {}};
    Statement affected =
        prepared(db_,
                 "SELECT bookings.id FROM bookings JOIN slices ON slices.id = "
                 "bookings.slice_id WHERE slices.session_id = ? AND bookings.status IN "
                 "('held', 'paid') ORDER BY bookings.id",
                 {sessionId});
    while (sqlite3_step(affected.handle) == SQLITE_ROW)
        row.affectedBookingIds.push_back(affected.text(0));
    return row;
}

}  // namespace lobby::sim
