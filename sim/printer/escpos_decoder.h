#pragma once
// Reads back the ESC/POS a printer receives: text lines with their style, QR codes, barcodes,
// raster images and cuts. The printer simulator renders this; tests assert on it. Strict: a
// command it does not know, or one cut short, is a typed error naming the offset.

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

using SlipElement = std::variant<SlipText, SlipQr, SlipBarcode, SlipRaster, SlipFeed, SlipCut>;

struct DecodedSlip {
    std::vector<SlipElement> elements;
    std::string text() const;  // every text line, newline-separated
    int lines() const;         // text lines, feeds counted, as the paper would advance
};

Result<DecodedSlip> decodeEscPos(std::span<const std::uint8_t> bytes);

}  // namespace lobby::sim
