#pragma once
// The A4 printer's test page for technicians (kioskctl device a4 test): a one-page PDF written
// here, with a frame at the printable margins and the terminal and time, so a kiosk needs no PDF
// library to make one. ASCII only (the PDF's standard Helvetica).

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::printer {

std::vector<std::uint8_t> a4TestPage(const std::string& terminalId, const std::string& printedAt);

}  // namespace lobby::printer
