#pragma once
// The sandbox's reports (报告): lab results (化验单) and imaging reports, ready at a time the
// department sets, printed at a kiosk a set number of times (once, unless the hospital allows
// reprints). Rows of the platform store (reports.cpp); their PDFs come from report_pdfs.cpp.

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"
#include "sim/platform/e_invoices.h"
#include "sim/platform/his_bills.h"

namespace lobby::sim {

// One line of a lab report: the test, its value, unit and reference range, and the flag the
// analyser set ("H" above the range, "L" below, "" within).
struct ReportResultRow {
    std::string item, value, unit, range, flag;
};

struct ReportRow {
    std::string id, patientId;
    std::string kind;  // lab, imaging
    std::string title, department, doctor;
    std::int64_t orderedAt = 0, readyAt = 0;  // readyAt: when it is (or is expected to be) ready
    int printsLeft = 1, timesPrinted = 0;
    std::vector<ReportResultRow> results;  // a lab report's lines
    std::string findings, impression;      // an imaging report's 检查所见 and 诊断意见
    // pending before readyAt; printed once printed and no print is left; ready otherwise.
    std::string status(std::int64_t now) const {
        if (now < readyAt) return "pending";
        return timesPrinted > 0 && printsLeft == 0 ? "printed" : "ready";
    }
};

// An e-invoice with the bills it was issued for, for its PDF.
struct InvoiceDocumentRow {
    EInvoiceRow invoice;
    std::vector<BillRow> bills;
};

// The canned reports tests and the demo seed: "blood" (血常规, one page), "biochem" (生化全项,
// two pages), "ct" (胸部CT, imaging).
bool isReportKind(const std::string& kind);
// Whether the report may be printed now: refused "report_not_ready" while pending,
// "no_prints_left" once the prints the hospital allows are used.
Status reportPrintable(const ReportRow& report, std::int64_t now);

}  // namespace lobby::sim
