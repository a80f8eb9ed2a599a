#pragma once
// The PDFs the sandbox serves, drawn with Cairo on A4: a lab report (the results in a table
// with reference ranges and flags, continued on further pages), an imaging report (findings and
// impression), and a medical e-invoice in the finance bureau's layout.

#include <string>

#include "common/error.h"
#include "sim/platform/reports.h"

namespace lobby::sim {

Result<std::string> reportPdf(const ReportRow& report, const std::string& patientName,
                              const std::string& hospital);
Result<std::string> invoicePdf(const InvoiceDocumentRow& document, const std::string& patientName,
                               const std::string& hospital);

}  // namespace lobby::sim
