#include "sim/platform/e_invoices.h"

#include <cstdio>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {

using namespace sql;

namespace {

// The demo hospital's region and kind of invoice (医疗门诊), and the year: a real HIS gets its
// 票据代码 from the finance bureau.
constexpr const char* kInvoiceCode = "33010126";
constexpr const char* kVerifyHost = "https://einvoice.sandbox.invalid/verify";
constexpr const char* kColumns =
    "id, patient_id, lock_id, code, number, check_code, amount_fen, issued_at";

EInvoiceRow invoiceFrom(const Statement& row) {
    return EInvoiceRow{row.text(0),
                       row.text(1),
                       row.text(2),
                       row.text(3),
                       row.text(4),
                       row.text(5),
                       sqlite3_column_int(row.handle, 6),
                       sqlite3_column_int64(row.handle, 7)};
}

}  // namespace

std::string EInvoiceRow::verifyUrl() const {
    return std::string(kVerifyHost) + "?code=" + code + "&number=" + number + "&check=" + checkCode;
}

Result<EInvoiceRow> issueEInvoice(sqlite3* db, const std::string& patientId,
                                  const std::string& lockId, int amountFen, std::int64_t issuedAt) {
    if (auto issued = eInvoiceOfLock(db, lockId)) return *issued;
    auto id = randomId("E", 8);
    auto check = randomId("", 3);
    if (!id) return id.error();
    if (!check) return check.error();
    Statement count = prepared(db, "SELECT COUNT(*) FROM e_invoices WHERE code = ?",
                               {std::string_view(kInvoiceCode)});
    if (sqlite3_step(count.handle) != SQLITE_ROW) return dbError(db, "numbering an invoice");
    char number[24];
    std::snprintf(number, sizeof number, "%010lld",
                  static_cast<long long>(sqlite3_column_int64(count.handle, 0) + 1));
    EInvoiceRow row{id.value(), patientId,     lockId,    kInvoiceCode,
                    number,     check.value(), amountFen, issuedAt};
    for (auto& c : row.checkCode)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
    Statement insert = prepared(db, "INSERT INTO e_invoices VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                {row.id, row.patientId, row.lockId, row.code, row.number,
                                 row.checkCode, std::int64_t{row.amountFen}, row.issuedAt});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db, "issuing an invoice");
    return row;
}

std::optional<EInvoiceRow> eInvoiceOfLock(sqlite3* db, const std::string& lockId) {
    const std::string sql =
        std::string("SELECT ") + kColumns + " FROM e_invoices WHERE lock_id = ?";
    Statement found = prepared(db, sql.c_str(), {lockId});
    if (sqlite3_step(found.handle) != SQLITE_ROW) return std::nullopt;
    return invoiceFrom(found);
}

std::optional<EInvoiceRow> eInvoiceById(sqlite3* db, const std::string& invoiceId) {
    const std::string sql = std::string("SELECT ") + kColumns + " FROM e_invoices WHERE id = ?";
    Statement found = prepared(db, sql.c_str(), {invoiceId});
    if (sqlite3_step(found.handle) != SQLITE_ROW) return std::nullopt;
    return invoiceFrom(found);
}

Result<std::vector<EInvoiceRow>> eInvoicesOf(sqlite3* db, const std::string& patientId) {
    const std::string sql = std::string("SELECT ") + kColumns +
                            " FROM e_invoices WHERE patient_id = ? ORDER BY issued_at DESC, "
                            "number DESC";
    Statement query = prepared(db, sql.c_str(), {patientId});
    std::vector<EInvoiceRow> rows;
    int step;
    while ((step = sqlite3_step(query.handle)) == SQLITE_ROW)
        rows.push_back(invoiceFrom(query));
    if (step != SQLITE_DONE) return dbError(db, "listing invoices");
    return rows;
}

}  // namespace lobby::sim
