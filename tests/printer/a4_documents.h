#pragma once
// Documents for the A4 printer's tests: real PDFs drawn by the sandbox's renderer (a lab report
// long enough for two pages), and the same PDF encrypted or emptied with qpdf.

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::test {

std::vector<std::uint8_t> labReportPdf(int resultRows);
std::vector<std::uint8_t> encryptedPdf();
std::vector<std::uint8_t> pagelessPdf();

}  // namespace lobby::test
