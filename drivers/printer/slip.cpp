#include "printer/slip.h"

#include "common/privacy.h"
#include "printer/text_layout.h"

namespace lobby::printer {
namespace {

// A QR code on a slip carries a short link or number; a longer one is not ours to print.
constexpr std::size_t kMaxQrPayload_bytes = 512;
constexpr std::size_t kMaxBarcode_bytes = 64;

// A field's value as printable text: C0 controls, DEL and C1 controls (U+0080..U+009F) are
// dropped, so a name or a department from the platform can neither pulse the cash drawer, cut
// the paper nor switch the printer's modes. Line breaks and tabs become spaces.
std::string printable(const std::string& value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte == '\n' || byte == '\r' || byte == '\t') {
            out.push_back(' ');
        } else if (byte < 0x20 || byte == 0x7F) {
            continue;
        } else if (byte == 0xC2 && i + 1 < value.size() &&
                   static_cast<unsigned char>(value[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(value[i + 1]) <= 0x9F) {
            ++i;  // a C1 control in UTF-8
        } else {
            out.push_back(value[i]);
        }
    }
    return out;
}

Result<std::string> fill(const std::string& content, const SlipFields& fields) {
    std::string out;
    for (std::size_t i = 0; i < content.size();) {
        if (content[i] != '{') {
            out.push_back(content[i++]);
            continue;
        }
        const auto end = content.find('}', i);
        if (end == std::string::npos) {
            return makeError(ErrorKind::InvalidConfig, "printer.bad_template",
                             "unclosed placeholder in '" + content + "'");
        }
        const std::string name = content.substr(i + 1, end - i - 1);
        const auto field = fields.find(name);
        if (field == fields.end()) {
            return makeError(ErrorKind::InvalidArgument, "printer.missing_field",
                             "no value for {" + name + "}");
        }
        const std::string value = printable(field->second);
        out += name == kPatientNameField ? privacy::maskName(value) : value;
        i = end + 1;
    }
    return out;
}

}  // namespace

int columnsFor(PaperWidth paper) {
    return paper == PaperWidth::Mm58 ? 32 : 48;
}

Result<Bytes> renderSlip(const SlipTemplate& slip, const SlipFields& fields, PaperWidth paper,
                         const Raster* logo) {
    EscPos out;
    out.init().chineseMode(true);
    const int columns = columnsFor(paper);
    for (const auto& line : slip.lines) {
        auto content = fill(line.content, fields);
        if (!content) return content.error().withContext(slip.kind);
        out.align(line.align);
        switch (line.kind) {
            case SlipLine::Kind::Text: {
                // A line whose fields are all empty (no footer in this scene) takes no paper.
                if (content.value().empty()) break;
                out.bold(line.bold).size(line.size, line.size);
                for (const auto& wrapped : wrap(content.value(), columns / line.size)) {
                    out.line(wrapped);
                }
                out.bold(false).size(1, 1);
                break;
            }
            case SlipLine::Kind::Qr:
                if (content.value().empty()) break;  // nothing to point at (no e-invoice yet)
                if (content.value().size() > kMaxQrPayload_bytes) {
                    return makeError(ErrorKind::InvalidArgument, "printer.bad_field",
                                     slip.kind + ": the QR code's data is longer than 512 bytes");
                }
                out.qr(content.value(), paper == PaperWidth::Mm58 ? 4 : 6);
                break;
            case SlipLine::Kind::Barcode:
                if (content.value().empty()) break;
                if (content.value().size() > kMaxBarcode_bytes) {
                    return makeError(ErrorKind::InvalidArgument, "printer.bad_field",
                                     slip.kind + ": the barcode's data is longer than 64 bytes");
                }
                out.code128(content.value());
                break;
            case SlipLine::Kind::Rule:
                out.line(std::string(static_cast<std::size_t>(columns), '-'));
                break;
            case SlipLine::Kind::Feed:
                out.feed(line.feedLines);
                break;
            case SlipLine::Kind::Cut:
                out.cut();
                break;
            case SlipLine::Kind::Logo:
                if (logo != nullptr) out.raster(logo->widthBytes, logo->height, logo->bits);
                break;
        }
    }
    return out.bytes();
}

}  // namespace lobby::printer
