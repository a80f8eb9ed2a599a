#pragma once
// A PDF from outside (the platform's reports and e-invoices) checked before it goes anywhere
// near a printer: it must be a PDF, small enough, not encrypted, with at least one page and no
// more than a report can have. Parsed with qpdf (the library CUPS's own PDF filters use); qpdf's
// exceptions become our errors here, once.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/error.h"

namespace lobby::printer {

// The platform client reads no reply beyond 4 MiB either.
inline constexpr std::size_t kMaxPdfBytes = 4 * 1024 * 1024;
inline constexpr int kMaxPdfPages = 60;

struct PdfDocument {
    std::vector<std::uint8_t> bytes;
    int pages = 0;
};

// pdf.not_pdf, pdf.too_large, pdf.damaged, pdf.encrypted, pdf.no_pages, pdf.too_many_pages:
// each with a message a patient can be shown.
Result<PdfDocument> checkPdf(std::vector<std::uint8_t> bytes, std::size_t maxBytes = kMaxPdfBytes);

}  // namespace lobby::printer
