#pragma once
// ESC/POS command encoding for 58 mm (32 columns) and 80 mm (48 columns) receipt printers, and
// the printer's real-time status (DLE EOT) decoded into one state.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/error.h"

namespace lobby::printer {

using Bytes = std::vector<std::uint8_t>;

enum class Align : std::uint8_t { Left = 0, Center = 1, Right = 2 };

class EscPos {
public:
    EscPos& init();                                         // ESC @
    EscPos& chineseMode(bool on);                           // FS & / FS .
    EscPos& align(Align alignment);                         // ESC a n
    EscPos& bold(bool on);                                  // ESC E n
    EscPos& size(int widthFactor, int heightFactor);        // GS ! n, factors 1..8
    EscPos& text(std::string_view utf8);                    // GB18030, no newline
    EscPos& line(std::string_view utf8 = {});               // text + LF
    EscPos& feed(int lines);                                // ESC d n
    EscPos& qr(std::string_view data, int moduleSize = 6);  // GS ( k: model 2, level M
    EscPos& code128(std::string_view data);                 // GS h, GS w, GS H, GS k m=73 {B
    EscPos& raster(int widthBytes, int height, std::span<const std::uint8_t> bits);  // GS v 0
    EscPos& cut();  // GS V 66 0: feed and partial cut
    const Bytes& bytes() const { return bytes_; }

private:
    EscPos& raw(std::initializer_list<std::uint8_t> bytes);
    Bytes bytes_;
};

// The printer's state, most serious first when several apply.
enum class PrinterState { Ready, PaperLow, PaperOut, CoverOpen, Offline, Error };
// Whether slips can be printed in this state (paper low still prints).
bool canPrint(PrinterState state);
std::string_view toString(PrinterState state);  // "ready", "paper_low", ...

// DLE EOT n requests (10 04 n).
inline constexpr std::uint8_t kStatusPrinter = 1;
inline constexpr std::uint8_t kStatusOfflineCause = 2;
inline constexpr std::uint8_t kStatusPaper = 4;
Bytes statusRequest(std::uint8_t n);

// Decodes the answers to DLE EOT 1, 2 and 4. Each answer byte has bit 1 and bit 4 set and
// bits 0 and 7 clear; anything else is not a status byte (a typed protocol error).
Result<PrinterState> decodeStatus(std::uint8_t printer, std::uint8_t offlineCause,
                                  std::uint8_t paper);
// The answer a printer in `state` gives to DLE EOT n (simulators; the inverse of decodeStatus).
std::uint8_t encodeStatus(PrinterState state, std::uint8_t n);

}  // namespace lobby::printer
