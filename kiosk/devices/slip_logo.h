#pragma once
// The hospital's logo for slips: any image Qt reads, scaled to fit the paper, turned into the
// 1-bit raster a thermal printer prints (GS v 0).

#include <QByteArray>
#include <QString>

#include "common/error.h"
#include "printer/slip.h"

namespace lobby::devices {

// maxWidth_dots: 576 for 80 mm paper, 384 for 58 mm; the logo is never scaled up.
Result<printer::Raster> loadSlipLogo(const QString& path, int maxWidth_dots,
                                     int maxHeight_dots = 160);
// The same from a PNG's bytes (a scene's logo).
Result<printer::Raster> slipLogoFromPng(const QByteArray& png, int maxWidth_dots,
                                        int maxHeight_dots = 160);

}  // namespace lobby::devices
