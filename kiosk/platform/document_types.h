#pragma once
// Reports (报告打印) and e-invoices (发票打印) as the platform lists them
// (docs/platform-api.yaml, tag reports). Their PDFs travel as bytes and are checked by the
// printer's side (printer/pdf_document.h) before anything prints.

#include <string>

#include "platform/bill_types.h"

namespace lobby::platform {

enum class ReportKind { Lab, Imaging };
enum class ReportStatus { Ready, Pending, Printed };

struct Report {
    std::string id;
    ReportKind kind = ReportKind::Lab;
    std::string title, department;
    std::string orderedAt;  // ISO 8601
    ReportStatus status = ReportStatus::Pending;
    int printsLeft = 0;      // 0..9
    std::string expectedAt;  // a pending report's expected time; may be empty
};

struct EInvoiceEntry {
    std::string id;
    EInvoice invoice;
    std::string issuedAt;  // ISO 8601; may be empty
};

}  // namespace lobby::platform
