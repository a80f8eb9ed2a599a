#include "printer/a4_test_page.h"

#include <cstdio>

namespace lobby::printer {
namespace {

// Text inside a PDF string: printable ASCII, with \ ( ) escaped; anything else becomes '?'.
std::string pdfText(const std::string& text) {
    std::string out;
    for (const char c : text.substr(0, 64)) {
        if (c == '\\' || c == '(' || c == ')') out += '\\';
        out += (c >= ' ' && c <= '~') ? c : '?';
    }
    return out;
}

}  // namespace

std::vector<std::uint8_t> a4TestPage(const std::string& terminalId, const std::string& printedAt) {
    // A4 is 595 x 842 points; the frame sits 10 mm (28 pt) inside the edge.
    const std::string content =
        "2 w 28 28 539 786 re S\n"
        "BT /F1 28 Tf 72 740 Td (Lobby Kiosk A4 test page) Tj ET\n"
        "BT /F1 16 Tf 72 700 Td (Terminal: " +
        pdfText(terminalId) +
        ") Tj ET\n"
        "BT /F1 16 Tf 72 676 Td (Printed: " +
        pdfText(printedAt) +
        ") Tj ET\n"
        "BT /F1 12 Tf 72 640 Td (The frame should be whole, 10 mm from each edge.) Tj ET\n";
    const std::string objects[] = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    int number = 1;
    for (const auto& object : objects) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(number++) + " 0 obj\n" + object + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const std::size_t offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\n" +
           "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return {pdf.begin(), pdf.end()};
}

}  // namespace lobby::printer
