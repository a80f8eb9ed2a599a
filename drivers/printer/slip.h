#pragma once
// A slip as the kiosk describes it (from a template in config) and its rendering to ESC/POS
// for a paper width: placeholders filled in, text wrapped in columns with CJK counted double,
// the patient's name always masked.

#include <map>
#include <string>
#include <vector>

#include "printer/escpos.h"

namespace lobby::printer {

struct SlipLine {
    enum class Kind { Text, Qr, Barcode, Rule, Feed, Cut, Logo };
    Kind kind = Kind::Text;
    std::string content;  // text with {placeholders}, or the QR / barcode data
    Align align = Align::Left;
    bool bold = false;
    int size = 1;       // 1..3, width and height factor
    int feedLines = 1;  // Feed only
};

struct SlipTemplate {
    std::string kind;  // "checkin", "booking_voucher", "refund_receipt", "test_page"
    std::vector<SlipLine> lines;
};

enum class PaperWidth { Mm58, Mm80 };

// A 1-bit image for GS v 0: rows of widthBytes bytes, most significant bit leftmost, 1 = black.
struct Raster {
    int widthBytes = 0;
    int height = 0;
    Bytes bits;
};
int columnsFor(PaperWidth paper);  // 32 or 48

using SlipFields = std::map<std::string, std::string>;

// The field every slip that names the patient uses; its value is masked (张*丰) when rendered,
// whatever the caller passed.
inline constexpr const char* kPatientNameField = "patient_name";

// Fails (typed) on a placeholder with no field, so a slip never prints "{queue_number}".
// Logo lines print `logo` (the hospital's, from its scene) and are skipped without one.
Result<Bytes> renderSlip(const SlipTemplate& slip, const SlipFields& fields, PaperWidth paper,
                         const Raster* logo = nullptr);

}  // namespace lobby::printer
