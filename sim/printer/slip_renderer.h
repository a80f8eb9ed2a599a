#pragma once
// Draws a decoded slip as it would come out of an 80 mm (576 dots) or 58 mm (384 dots)
// thermal printer at 203 dpi: text in its sizes and weight, QR codes and CODE128 barcodes drawn
// from their data (so a test can scan them back), raster logos, and a dashed line at each cut.

#include <QImage>

#include "sim/printer/escpos_decoder.h"

namespace lobby::sim {

inline constexpr int kPaper80mm_dots = 576;
inline constexpr int kPaper58mm_dots = 384;

QImage renderSlip(const DecodedSlip& slip, int paperWidth_dots = kPaper80mm_dots);

}  // namespace lobby::sim
