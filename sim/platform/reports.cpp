// The sandbox's reports and the patient's e-invoices, as the store keeps them.
#include "sim/platform/reports.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

namespace {

struct CannedReport {
    const char* kind;
    const char* reportKind;
    const char* title;
    const char* department;
    const char* doctor;
    std::vector<ReportResultRow> results;
    const char* findings;
    const char* impression;
};

std::vector<ReportResultRow> biochemistry() {
    // 生化全项: enough lines for a second page.
    const char* lines[][5] = {
        {"丙氨酸氨基转移酶 ALT", "52", "U/L", "9-50", "H"},
        {"天门冬氨酸氨基转移酶 AST", "38", "U/L", "15-40", ""},
        {"碱性磷酸酶 ALP", "88", "U/L", "45-125", ""},
        {"γ-谷氨酰转移酶 GGT", "41", "U/L", "10-60", ""},
        {"总蛋白 TP", "71.2", "g/L", "65-85", ""},
        {"白蛋白 ALB", "43.5", "g/L", "40-55", ""},
        {"球蛋白 GLB", "27.7", "g/L", "20-40", ""},
        {"总胆红素 TBIL", "14.2", "μmol/L", "0-23", ""},
        {"直接胆红素 DBIL", "4.1", "μmol/L", "0-8", ""},
        {"葡萄糖 GLU", "6.8", "mmol/L", "3.9-6.1", "H"},
        {"尿素 UREA", "5.4", "mmol/L", "3.1-8.0", ""},
        {"肌酐 CREA", "78", "μmol/L", "57-97", ""},
        {"尿酸 UA", "452", "μmol/L", "208-428", "H"},
        {"总胆固醇 TC", "5.92", "mmol/L", "0-5.2", "H"},
        {"甘油三酯 TG", "1.46", "mmol/L", "0-1.7", ""},
        {"高密度脂蛋白 HDL-C", "0.98", "mmol/L", "1.04-1.55", "L"},
        {"低密度脂蛋白 LDL-C", "3.86", "mmol/L", "0-3.37", "H"},
        {"钾 K", "4.12", "mmol/L", "3.5-5.3", ""},
        {"钠 Na", "140.3", "mmol/L", "137-147", ""},
        {"氯 Cl", "103.1", "mmol/L", "99-110", ""},
        {"钙 Ca", "2.31", "mmol/L", "2.11-2.52", ""},
        {"磷 P", "1.12", "mmol/L", "0.85-1.51", ""},
        {"镁 Mg", "0.91", "mmol/L", "0.75-1.02", ""},
        {"肌酸激酶 CK", "96", "U/L", "50-310", ""},
        {"乳酸脱氢酶 LDH", "182", "U/L", "120-250", ""},
        {"淀粉酶 AMY", "64", "U/L", "35-135", ""},
        {"同型半胱氨酸 HCY", "16.8", "μmol/L", "0-15", "H"},
        {"C反应蛋白 CRP", "3.2", "mg/L", "0-10", ""},
        {"总胆汁酸 TBA", "5.6", "μmol/L", "0-10", ""},
        {"前白蛋白 PA", "236", "mg/L", "200-400", ""},
        {"胱抑素C Cys-C", "0.92", "mg/L", "0.59-1.03", ""},
        {"二氧化碳结合力 CO2", "25.1", "mmol/L", "22-29", ""},
    };
    std::vector<ReportResultRow> rows;
    for (const auto& line : lines)
        rows.push_back({line[0], line[1], line[2], line[3], line[4]});
    return rows;
}

const std::vector<CannedReport>& cannedReports() {
    static const std::vector<CannedReport> kReports = {
        {"blood",
         "lab",
         "血常规（五分类）",
         "检验科",
         "王建国",
         {{"白细胞计数 WBC", "11.2", "10^9/L", "3.5-9.5", "H"},
          {"中性粒细胞百分比 NEUT%", "78.4", "%", "40-75", "H"},
          {"淋巴细胞百分比 LYMPH%", "15.2", "%", "20-50", "L"},
          {"红细胞计数 RBC", "4.52", "10^12/L", "4.3-5.8", ""},
          {"血红蛋白 HGB", "138", "g/L", "130-175", ""},
          {"红细胞压积 HCT", "41.6", "%", "40-50", ""},
          {"血小板计数 PLT", "226", "10^9/L", "125-350", ""}},
         "",
         ""},
        {"biochem", "lab", "生化全项", "检验科", "王建国", biochemistry(), "", ""},
        {"ct",
         "imaging",
         "胸部CT平扫",
         "放射科",
         "李华",
         {},
         "双肺纹理清晰，右肺下叶见一直径约4mm磨玻璃结节，边界清。纵隔内未见肿大淋巴结。",
         "右肺下叶微小磨玻璃结节，建议12个月后复查。"},
    };
    return kReports;
}

const char* kReportColumns =
    "id, patient_id, kind, title, department, doctor, ordered_at, ready_at, prints_left, "
    "times_printed, body";

ReportRow reportFrom(const Statement& row) {
    ReportRow report{row.text(0),
                     row.text(1),
                     row.text(2),
                     row.text(3),
                     row.text(4),
                     row.text(5),
                     sqlite3_column_int64(row.handle, 6),
                     sqlite3_column_int64(row.handle, 7),
                     sqlite3_column_int(row.handle, 8),
                     sqlite3_column_int(row.handle, 9),
                     {},
                     {},
                     {}};
    const auto body = nlohmann::json::parse(row.text(10), nullptr, false);
    if (!body.is_object()) return report;
    for (const auto& line : body.value("results", nlohmann::json::array()))
        report.results.push_back({line.value("item", ""), line.value("value", ""),
                                  line.value("unit", ""), line.value("range", ""),
                                  line.value("flag", "")});
    report.findings = body.value("findings", "");
    report.impression = body.value("impression", "");
    return report;
}

}  // namespace

bool isReportKind(const std::string& kind) {
    return std::any_of(cannedReports().begin(), cannedReports().end(),
                       [&](const CannedReport& canned) { return kind == canned.kind; });
}

Status reportPrintable(const ReportRow& report, std::int64_t now) {
    if (report.status(now) == "pending")
        return refusal("report_not_ready", "the report is not ready yet");
    if (report.printsLeft <= 0) return refusal("no_prints_left", "the report was printed already");
    return {};
}

Result<ReportRow> PlatformStore::seedReport(const std::string& patientId, const std::string& kind,
                                            Clock::time_point now, int pendingMinutes, int prints) {
    const auto canned =
        std::find_if(cannedReports().begin(), cannedReports().end(),
                     [&](const CannedReport& report) { return kind == report.kind; });
    if (canned == cannedReports().end()) return refusal("invalid_request", "blood, biochem or ct");
    if (pendingMinutes < 0 || pendingMinutes > 7 * 24 * 60 || prints < 1 || prints > 9)
        return refusal("invalid_request", "pending 0..10080 minutes, 1..9 prints");
    auto id = randomId("RP", 8);
    if (!id) return id.error();
    const std::int64_t at = epochSeconds(now);
    ReportRow report{id.value(),
                     patientId,
                     canned->reportKind,
                     canned->title,
                     canned->department,
                     canned->doctor,
                     at - 3600,
                     at + std::int64_t{pendingMinutes} * 60,
                     prints,
                     0,
                     canned->results,
                     canned->findings,
                     canned->impression};
    nlohmann::json results = nlohmann::json::array();
    for (const auto& line : report.results)
        results.push_back({{"item", line.item},
                           {"value", line.value},
                           {"unit", line.unit},
                           {"range", line.range},
                           {"flag", line.flag}});
    const nlohmann::json body = {
        {"results", results}, {"findings", report.findings}, {"impression", report.impression}};
    std::lock_guard lock(mutex_);
    Statement insert =
        prepared(db_, "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
                 {report.id, patientId, report.kind, report.title, report.department, report.doctor,
                  report.orderedAt, report.readyAt, std::int64_t{prints}, body.dump()});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "creating a report");
    return report;
}

Result<std::vector<ReportRow>> PlatformStore::reports(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    const std::string sql = std::string("SELECT ") + kReportColumns +
                            " FROM reports WHERE patient_id = ? ORDER BY ordered_at, rowid";
    Statement query = prepared(db_, sql.c_str(), {patientId});
    std::vector<ReportRow> rows;
    while (sqlite3_step(query.handle) == SQLITE_ROW)
        rows.push_back(reportFrom(query));
    return rows;
}

Result<ReportRow> PlatformStore::report(const std::string& reportId, const std::string& patientId) {
    std::lock_guard lock(mutex_);
    const std::string sql =
        std::string("SELECT ") + kReportColumns + " FROM reports WHERE id = ? AND patient_id = ?";
    Statement query = prepared(db_, sql.c_str(), {reportId, patientId});
    if (sqlite3_step(query.handle) != SQLITE_ROW) return refusal("not_found", "no such report");
    return reportFrom(query);
}

Result<ReportRow> PlatformStore::markReportPrinted(const std::string& idempotencyKey,
                                                   const std::string& patientId,
                                                   const std::string& reportId,
                                                   Clock::time_point now) {
    auto found = report(reportId, patientId);
    if (!found) return found.error();
    std::lock_guard lock(mutex_);
    Statement earlier = prepared(
        db_, "SELECT report_id FROM report_prints WHERE idempotency_key = ?", {idempotencyKey});
    if (sqlite3_step(earlier.handle) == SQLITE_ROW) {
        // The same print told twice (a lost reply): counted once.
        if (earlier.text(0) != reportId)
            return refusal("idempotency_conflict", "that key marked another report");
        return found;
    }
    ReportRow row = found.value();
    if (auto printable = reportPrintable(row, epochSeconds(now)); !printable)
        return printable.error();
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun) return begun.error();
    Statement mark = prepared(db_,
                              "UPDATE reports SET prints_left = prints_left - 1, times_printed = "
                              "times_printed + 1 WHERE id = ? AND prints_left > 0",
                              {reportId});
    Statement keep = prepared(db_, "INSERT INTO report_prints VALUES (?, ?, ?)",
                              {idempotencyKey, reportId, epochSeconds(now)});
    const bool done = sqlite3_step(mark.handle) == SQLITE_DONE && sqlite3_changes(db_) == 1 &&
                      sqlite3_step(keep.handle) == SQLITE_DONE;
    if (!execute(done ? "COMMIT" : "ROLLBACK") || !done) return dbError(db_, "marking printed");
    --row.printsLeft;
    ++row.timesPrinted;
    return row;
}

std::string PlatformStore::reportOwner(const std::string& reportId) {
    std::lock_guard lock(mutex_);
    Statement owner = prepared(db_, "SELECT patient_id FROM reports WHERE id = ?", {reportId});
    return sqlite3_step(owner.handle) == SQLITE_ROW ? owner.text(0) : std::string();
}

Result<std::vector<EInvoiceRow>> PlatformStore::eInvoices(const std::string& patientId) {
    std::lock_guard lock(mutex_);
    return eInvoicesOf(db_, patientId);
}

Result<InvoiceDocumentRow> PlatformStore::eInvoiceDocument(const std::string& invoiceId,
                                                           const std::string& patientId) {
    std::lock_guard lock(mutex_);
    auto invoice = eInvoiceById(db_, invoiceId);
    if (!invoice || invoice->patientId != patientId)
        return refusal("not_found", "no such e-invoice");
    InvoiceDocumentRow document{*invoice, {}};
    const std::string sql =
        std::string("SELECT ") + kBillColumnList +
        " FROM bills WHERE id IN (SELECT value FROM bill_locks, "
        "json_each(bill_locks.bill_ids) WHERE bill_locks.id = ?) ORDER BY rowid";
    Statement bills = prepared(db_, sql.c_str(), {invoice->lockId});
    while (sqlite3_step(bills.handle) == SQLITE_ROW)
        document.bills.push_back(billRowFrom(bills));
    return document;
}

}  // namespace lobby::sim
