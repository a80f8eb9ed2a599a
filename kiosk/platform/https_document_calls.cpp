// 报告打印 and 发票打印 over HTTPS: each call one route of docs/platform-api.yaml (tag reports).
// The documents come back as bytes; whether they are a printable PDF is the printer's side's to
// say (printer/pdf_document.h), before anything prints.
#include <nlohmann/json.hpp>

#include "platform/call_helpers.h"
#include "platform/document_replies.h"
#include "platform/https_platform_client.h"

namespace lobby::platform {

Result<std::vector<Report>> HttpsPlatformClient::reports(const std::string& patientId) {
    if (!isPathSafe(patientId)) return badId("patient");
    return decoded(call("GET", "/v1/patients/" + patientId + "/reports", "", "", true),
                   replies::reports);
}

Result<std::string> HttpsPlatformClient::document(const std::string& path) {
    auto reply = call("GET", path, "", "", true);
    if (!reply) return reply.error();
    return std::move(reply->body);
}

Result<std::string> HttpsPlatformClient::reportDocument(const std::string& reportId) {
    if (!isPathSafe(reportId)) return badId("report");
    return document("/v1/reports/" + reportId + "/document");
}

Result<Report> HttpsPlatformClient::markReportPrinted(const std::string& reportId,
                                                      const std::string& idempotencyKey) {
    if (!isPathSafe(reportId)) return badId("report");
    // Keyed: the same key again is answered without counting a second print.
    return decoded(call("POST", "/v1/reports/" + reportId + "/printed", "{}", idempotencyKey, true),
                   replies::report);
}

Result<std::vector<EInvoiceEntry>> HttpsPlatformClient::eInvoices(const std::string& patientId) {
    if (!isPathSafe(patientId)) return badId("patient");
    return decoded(call("GET", "/v1/patients/" + patientId + "/e-invoices", "", "", true),
                   replies::eInvoices);
}

Result<std::string> HttpsPlatformClient::eInvoiceDocument(const std::string& invoiceId) {
    if (!isPathSafe(invoiceId)) return badId("e-invoice");
    return document("/v1/e-invoices/" + invoiceId + "/document");
}

}  // namespace lobby::platform
