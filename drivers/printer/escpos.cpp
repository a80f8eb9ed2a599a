#include "printer/escpos.h"

#include <algorithm>

#include "printer/text_layout.h"

namespace lobby::printer {
namespace {
constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10, EOT = 0x04, LF = 0x0A;

bool isStatusByte(std::uint8_t b) {
    return (b & 0x93) == 0x12;
}
}  // namespace

EscPos& EscPos::raw(std::initializer_list<std::uint8_t> bytes) {
    bytes_.insert(bytes_.end(), bytes);
    return *this;
}

EscPos& EscPos::init() {
    return raw({ESC, '@'});
}
EscPos& EscPos::chineseMode(bool on) {
    return on ? raw({FS, '&'}) : raw({FS, '.'});
}
EscPos& EscPos::align(Align alignment) {
    return raw({ESC, 'a', static_cast<std::uint8_t>(alignment)});
}
EscPos& EscPos::bold(bool on) {
    return raw({ESC, 'E', static_cast<std::uint8_t>(on ? 1 : 0)});
}

EscPos& EscPos::size(int widthFactor, int heightFactor) {
    const int w = std::clamp(widthFactor, 1, 8) - 1;
    const int h = std::clamp(heightFactor, 1, 8) - 1;
    return raw({GS, '!', static_cast<std::uint8_t>((w << 4) | h)});
}

EscPos& EscPos::text(std::string_view utf8) {
    const std::string encoded = toGb18030(utf8);
    bytes_.insert(bytes_.end(), encoded.begin(), encoded.end());
    return *this;
}

EscPos& EscPos::line(std::string_view utf8) {
    text(utf8);
    return raw({LF});
}

EscPos& EscPos::feed(int lines) {
    return raw({ESC, 'd', static_cast<std::uint8_t>(std::clamp(lines, 0, 255))});
}

EscPos& EscPos::qr(std::string_view data, int moduleSize) {
    const std::size_t storeLength = data.size() + 3;
    raw({GS, '(', 'k', 4, 0, 49, 65, 50, 0});  // model 2
    raw({GS, '(', 'k', 3, 0, 49, 67, static_cast<std::uint8_t>(std::clamp(moduleSize, 1, 16))});
    raw({GS, '(', 'k', 3, 0, 49, 69, 49});  // error correction M
    raw({GS, '(', 'k', static_cast<std::uint8_t>(storeLength & 0xFF),
         static_cast<std::uint8_t>(storeLength >> 8), 49, 80, 48});
    bytes_.insert(bytes_.end(), data.begin(), data.end());
    return raw({GS, '(', 'k', 3, 0, 49, 81, 48});  // print
}

EscPos& EscPos::code128(std::string_view data) {
    raw({GS, 'h', 80});  // height in dots
    raw({GS, 'w', 2});   // module width
    raw({GS, 'H', 2});   // human-readable text below
    const std::size_t length = std::min<std::size_t>(data.size() + 2, 255);
    raw({GS, 'k', 73, static_cast<std::uint8_t>(length), '{', 'B'});
    bytes_.insert(bytes_.end(), data.begin(), data.begin() + static_cast<long>(length - 2));
    return *this;
}

EscPos& EscPos::raster(int widthBytes, int height, std::span<const std::uint8_t> bits) {
    raw({GS, 'v', '0', 0, static_cast<std::uint8_t>(widthBytes & 0xFF),
         static_cast<std::uint8_t>(widthBytes >> 8), static_cast<std::uint8_t>(height & 0xFF),
         static_cast<std::uint8_t>(height >> 8)});
    bytes_.insert(bytes_.end(), bits.begin(), bits.end());
    return *this;
}

EscPos& EscPos::cut() {
    return raw({GS, 'V', 66, 0});
}

bool canPrint(PrinterState state) {
    return state == PrinterState::Ready || state == PrinterState::PaperLow;
}

std::string_view toString(PrinterState state) {
    switch (state) {
        case PrinterState::Ready:
            return "ready";
        case PrinterState::PaperLow:
            return "paper_low";
        case PrinterState::PaperOut:
            return "paper_out";
        case PrinterState::CoverOpen:
            return "cover_open";
        case PrinterState::Offline:
            return "offline";
        case PrinterState::Error:
            return "error";
    }
    return "error";
}

Bytes statusRequest(std::uint8_t n) {
    return {DLE, EOT, n};
}

std::uint8_t encodeStatus(PrinterState state, std::uint8_t n) {
    constexpr std::uint8_t kIdle = 0x12;  // fixed bits, nothing to report
    const bool offline = state != PrinterState::Ready && state != PrinterState::PaperLow;
    switch (n) {
        case kStatusPrinter:
            return static_cast<std::uint8_t>(kIdle | (offline ? 0x08 : 0));
        case kStatusOfflineCause:
            return static_cast<std::uint8_t>(kIdle | (state == PrinterState::CoverOpen ? 0x04 : 0) |
                                             (state == PrinterState::PaperOut ? 0x20 : 0) |
                                             (state == PrinterState::Error ? 0x40 : 0));
        case kStatusPaper:
            return static_cast<std::uint8_t>(kIdle | (state == PrinterState::PaperLow ? 0x0C : 0) |
                                             (state == PrinterState::PaperOut ? 0x60 : 0));
        default:
            return kIdle;
    }
}

Result<PrinterState> decodeStatus(std::uint8_t printer, std::uint8_t offlineCause,
                                  std::uint8_t paper) {
    if (!isStatusByte(printer) || !isStatusByte(offlineCause) || !isStatusByte(paper)) {
        return makeError(ErrorKind::Protocol, "printer.bad_status",
                         "the printer's status answer is not a status byte");
    }
    if ((offlineCause & 0x40) != 0) return PrinterState::Error;
    if ((offlineCause & 0x04) != 0) return PrinterState::CoverOpen;
    if ((paper & 0x60) != 0 || (offlineCause & 0x20) != 0) return PrinterState::PaperOut;
    if ((printer & 0x08) != 0) return PrinterState::Offline;
    if ((paper & 0x0C) != 0) return PrinterState::PaperLow;
    return PrinterState::Ready;
}

}  // namespace lobby::printer
