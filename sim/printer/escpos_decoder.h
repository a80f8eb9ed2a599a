#pragma once
// Reads back the ESC/POS a printer receives, as a real printer would: text lines with their style
// (in GB18030 while Chinese mode is on, else in the selected code table), QR codes, CODE128
// barcodes (code sets A, B and C), raster images, feeds, cuts and cash-drawer pulses. It knows the
// commands of the Epson ESC/POS reference that receipt encoders emit (ours, python-escpos,
// esc-pos-encoder), each with its exact length; settings it does not draw (fonts, spacing,
// code tables, panel buttons) are read and skipped. Strict: a command it does not know, or one
// cut short, is a typed error naming the offset. The printer simulator renders this; tests
// assert on it.

#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "common/error.h"
#include "printer/escpos.h"

namespace lobby::sim {

struct SlipText {
    std::string utf8;
    printer::Align align = printer::Align::Left;
    bool bold = false;
    bool underline = false;
    bool inverted = false;
    int width = 1;  // size factor
    int height = 1;
};
struct SlipQr {
    std::string data;
    int moduleSize = 3;
};
struct SlipBarcode {
    std::string data;
};
struct SlipRaster {
    int widthBytes = 0;
    int height = 0;
    std::vector<std::uint8_t> bits;
};
struct SlipFeed {
    int lines = 1;
};
struct SlipCut {};
// ESC p: the printer pulses its cash-drawer port (what a slip must never make it do).
struct SlipPulse {};

using SlipElement =
    std::variant<SlipText, SlipQr, SlipBarcode, SlipRaster, SlipFeed, SlipCut, SlipPulse>;

struct DecodedSlip {
    std::vector<SlipElement> elements;
    std::string text() const;  // every text line, newline-separated
    int lines() const;         // text lines, feeds counted, as the paper would advance
};

Result<DecodedSlip> decodeEscPos(std::span<const std::uint8_t> bytes);

}  // namespace lobby::sim
