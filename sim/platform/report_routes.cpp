// 报告打印 and 发票打印: a patient's reports and e-invoices, each a PDF, and marking a report
// printed once the kiosk's printer finished it. Reports are the patient's own: only their
// session reaches them (a terminal recovering without a session only for a patient it served).
#include <httplib.h>

#include "sim/platform/http_replies.h"
#include "sim/platform/platform_server.h"
#include "sim/platform/report_pdfs.h"
#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace http;

namespace {

// The demo hospital, as the sandbox's documents name it.
constexpr const char* kHospital = "示例市第一人民医院";

using store_time::isoDateTime;

json reportJson(const ReportRow& report, std::int64_t now) {
    const std::string status = report.status(now);
    json body = {{"id", report.id},
                 {"kind", report.kind},
                 {"title", report.title},
                 {"department", report.department},
                 {"ordered_at", isoDateTime(report.orderedAt)},
                 {"status", status},
                 {"prints_left", report.printsLeft}};
    if (status == "pending")
        body["expected_at"] = isoDateTime(report.readyAt);
    else
        body["reported_at"] = isoDateTime(report.readyAt);
    return body;
}

json invoiceJson(const EInvoiceRow& invoice) {
    return {{"id", invoice.id},
            {"code", invoice.code},
            {"number", invoice.number},
            {"check_code", invoice.checkCode},
            {"amount_fen", invoice.amountFen},
            {"issued_at", isoDateTime(invoice.issuedAt)},
            {"verify_url", invoice.verifyUrl()}};
}

void sendPdf(httplib::Response& response, const Result<std::string>& pdf) {
    if (!pdf) return sendRefusal(response, pdf.error());
    response.status = 200;
    response.set_content(pdf.value(), "application/pdf");
}

}  // namespace

void PlatformServer::reportRoutes() {
    const auto nameOf = [this](const std::string& patientId) {
        auto patient = store_.patientById(patientId);
        return patient ? patient->name : std::string();
    };
    server_->Get(R"(/v1/patients/([A-Za-z0-9]+)/reports)", [this](const httplib::Request& request,
                                                                  httplib::Response& response) {
        const auto patient = sessionPatientNamed(request, response, request.matches[1]);
        if (!patient) return;
        auto reports = store_.reports(*patient);
        if (!reports) return sendRefusal(response, reports.error());
        const auto at = sql::epochSeconds(now());
        json list = json::array();
        for (const auto& report : reports.value())
            list.push_back(reportJson(report, at));
        sendJson(response, list);
    });
    server_->Get(R"(/v1/reports/([A-Za-z0-9]+)/document)",
                 [this, nameOf](const httplib::Request& request, httplib::Response& response) {
                     const auto patient =
                         recordPatient(request, response, store_.reportOwner(request.matches[1]));
                     if (!patient) return;
                     auto report = store_.report(request.matches[1], *patient);
                     if (!report) return sendRefusal(response, report.error());
                     if (auto printable = reportPrintable(*report, sql::epochSeconds(now()));
                         !printable)
                         return sendRefusal(response, printable.error());
                     sendPdf(response, reportPdf(report.value(), nameOf(*patient), kHospital));
                 });
    post(R"(/v1/reports/([A-Za-z0-9]+)/printed)",
         [this](const httplib::Request& request, httplib::Response& response) {
             const auto key = idempotencyKey(request, response);
             if (!key) return;
             const auto patient =
                 recordPatient(request, response, store_.reportOwner(request.matches[1]));
             if (!patient) return;
             if (!ownsKey(request, response, *key)) return;
             auto marked = store_.markReportPrinted(*key, *patient, request.matches[1], now());
             if (!marked) return sendRefusal(response, marked.error());
             sendJson(response, reportJson(marked.value(), sql::epochSeconds(now())));
         });
    server_->Get(R"(/v1/patients/([A-Za-z0-9]+)/e-invoices)",
                 [this](const httplib::Request& request, httplib::Response& response) {
                     const auto patient =
                         sessionPatientNamed(request, response, request.matches[1]);
                     if (!patient) return;
                     auto invoices = store_.eInvoices(*patient);
                     if (!invoices) return sendRefusal(response, invoices.error());
                     json list = json::array();
                     for (const auto& invoice : invoices.value())
                         list.push_back(invoiceJson(invoice));
                     sendJson(response, list);
                 });
    server_->Get(R"(/v1/e-invoices/([A-Za-z0-9]+)/document)",
                 [this, nameOf](const httplib::Request& request, httplib::Response& response) {
                     const auto patient = sessionPatient(request, response);
                     if (!patient) return;
                     auto document = store_.eInvoiceDocument(request.matches[1], *patient);
                     if (!document) return sendRefusal(response, document.error());
                     sendPdf(response, invoicePdf(document.value(), nameOf(*patient), kHospital));
                 });
}

}  // namespace lobby::sim
