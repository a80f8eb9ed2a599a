#include "printer/pdf_document.h"

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include <algorithm>
#include <exception>
#include <string_view>

namespace lobby::printer {
namespace {

// The header may follow some bytes of junk (the PDF reference allows up to 1024), never more.
bool startsLikePdf(const std::vector<std::uint8_t>& bytes) {
    constexpr std::string_view kMagic = "%PDF-";
    const auto end =
        bytes.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(bytes.size(), 1024));
    return std::search(bytes.begin(), end, kMagic.begin(), kMagic.end()) != end;
}

}  // namespace

Result<PdfDocument> checkPdf(std::vector<std::uint8_t> bytes, std::size_t maxBytes) {
    if (bytes.size() > maxBytes) {
        return makeError(ErrorKind::Protocol, "pdf.too_large",
                         "the document is too large to print (" +
                             std::to_string(bytes.size() / 1024) + " KiB, at most " +
                             std::to_string(maxBytes / 1024) + " KiB)");
    }
    if (!startsLikePdf(bytes)) {
        return makeError(ErrorKind::Protocol, "pdf.not_pdf", "the document is not a PDF");
    }
    int pages = 0;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("document", reinterpret_cast<const char*>(bytes.data()),
                              bytes.size());
        if (pdf.isEncrypted()) {
            return makeError(ErrorKind::Protocol, "pdf.encrypted",
                             "the document is encrypted and cannot be printed");
        }
        const auto all = QPDFPageDocumentHelper(pdf).getAllPages();
        if (all.size() > static_cast<std::size_t>(kMaxPdfPages)) {
            return makeError(ErrorKind::Protocol, "pdf.too_many_pages",
                             "the document has " + std::to_string(all.size()) +
                                 " pages, more than a report can have");
        }
        pages = static_cast<int>(all.size());
    } catch (const std::exception&) {
        // qpdf's message may quote the document's own bytes, which are a patient's: not kept.
        return makeError(ErrorKind::Protocol, "pdf.damaged", "the document is damaged");
    }
    if (pages == 0) {
        return makeError(ErrorKind::Protocol, "pdf.no_pages", "the document has no pages");
    }
    return PdfDocument{std::move(bytes), pages};
}

}  // namespace lobby::printer
