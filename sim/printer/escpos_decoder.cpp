#include "sim/printer/escpos_decoder.h"

#include "common/charset.h"

namespace lobby::sim {
namespace {

constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10, LF = 0x0A;

std::string fromGb18030(const std::string& bytes) {
    return convertCharset(bytes, "GB18030", "UTF-8");
}

class Decoder {
public:
    explicit Decoder(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    Result<DecodedSlip> run() {
        while (at_ < bytes_.size()) {
            const std::uint8_t b = bytes_[at_];
            Status status;
            if (b == ESC) {
                status = escape();
            } else if (b == GS) {
                status = group();
            } else if (b == FS) {
                status = need(2);
                at_ += 2;  // FS & / FS .: Chinese mode on or off; text is GB18030 either way
            } else if (b == DLE) {
                status = need(3);
                at_ += 3;  // DLE EOT n: a status request inside the job
            } else if (b == LF) {
                endLine();
                ++at_;
            } else if (b < 0x20 && b != '\t') {
                status = fail("unexpected control byte");
            } else {
                pending_.push_back(static_cast<char>(b));
                ++at_;
            }
            if (!status) return status.error();
        }
        if (!pending_.empty()) endLine();
        return std::move(slip_);
    }

private:
    Error fail(const std::string& what) const {
        return makeError(ErrorKind::Protocol, "printer.bad_escpos",
                         what + " at byte " + std::to_string(at_));
    }
    Status need(std::size_t count) const {
        if (at_ + count > bytes_.size()) return fail("command cut short");
        return {};
    }
    std::uint8_t byteAt(std::size_t offset) const { return bytes_[at_ + offset]; }

    void endLine() {
        slip_.elements.push_back(SlipText{fromGb18030(pending_), align_, bold_, width_, height_});
        pending_.clear();
    }

    Status escape() {
        if (auto s = need(2); !s) return s;
        switch (byteAt(1)) {
            case '@':
                align_ = printer::Align::Left;
                bold_ = false;
                width_ = height_ = 1;
                at_ += 2;
                return {};
            case 'a':
                if (auto s = need(3); !s) return s;
                if (byteAt(2) > 2) return fail("bad alignment");
                align_ = static_cast<printer::Align>(byteAt(2));
                at_ += 3;
                return {};
            case 'E':
                if (auto s = need(3); !s) return s;
                bold_ = (byteAt(2) & 1) != 0;
                at_ += 3;
                return {};
            case 'd':
                if (auto s = need(3); !s) return s;
                slip_.elements.push_back(SlipFeed{byteAt(2)});
                at_ += 3;
                return {};
            default:
                return fail("unknown ESC command");
        }
    }

    Status group() {
        if (auto s = need(2); !s) return s;
        switch (byteAt(1)) {
            case '!':
                if (auto s = need(3); !s) return s;
                width_ = ((byteAt(2) >> 4) & 0x07) + 1;
                height_ = (byteAt(2) & 0x07) + 1;
                at_ += 3;
                return {};
            case 'h':
            case 'w':
            case 'H':
                if (auto s = need(3); !s) return s;
                at_ += 3;
                return {};
            case 'V':
                if (auto s = need(3); !s) return s;
                at_ += byteAt(2) >= 65 ? 4 : 3;
                if (at_ > bytes_.size()) return fail("cut cut short");
                slip_.elements.push_back(SlipCut{});
                return {};
            case 'k':
                return barcode();
            case '(':
                return twoDimensional();
            case 'v':
                return raster();
            default:
                return fail("unknown GS command");
        }
    }

    Status barcode() {
        if (auto s = need(4); !s) return s;
        if (byteAt(2) != 73) return fail("only CODE128 barcodes are supported");
        const std::size_t length = byteAt(3);
        if (auto s = need(4 + length); !s) return s;
        std::string data(bytes_.begin() + static_cast<long>(at_ + 4),
                         bytes_.begin() + static_cast<long>(at_ + 4 + length));
        if (data.size() < 2 || data[0] != '{') return fail("CODE128 without a code set");
        slip_.elements.push_back(SlipBarcode{data.substr(2)});
        at_ += 4 + length;
        return {};
    }

    Status twoDimensional() {
        if (auto s = need(8); !s) return s;
        if (byteAt(2) != 'k') return fail("unknown GS ( command");
        const std::size_t length = byteAt(3) | (std::size_t{byteAt(4)} << 8);
        if (length < 3) return fail("bad GS ( k length");  // cn, fn and at least one parameter
        if (auto s = need(5 + length); !s) return s;
        const std::uint8_t cn = byteAt(5), fn = byteAt(6);
        if (cn != 49) return fail("only QR codes are supported");
        if (fn == 67) qrModule_ = byteAt(7);
        if (fn == 80) {
            qrData_.assign(bytes_.begin() + static_cast<long>(at_ + 8),
                           bytes_.begin() + static_cast<long>(at_ + 5 + length));
        }
        if (fn == 81) slip_.elements.push_back(SlipQr{qrData_, qrModule_});
        at_ += 5 + length;
        return {};
    }

    Status raster() {
        if (auto s = need(8); !s) return s;
        if (byteAt(2) != '0') return fail("unknown GS v command");
        const int widthBytes = byteAt(4) | (byteAt(5) << 8);
        const int height = byteAt(6) | (byteAt(7) << 8);
        const std::size_t size =
            static_cast<std::size_t>(widthBytes) * static_cast<std::size_t>(height);
        if (auto s = need(8 + size); !s) return s;
        slip_.elements.push_back(SlipRaster{
            widthBytes, height,
            std::vector<std::uint8_t>(bytes_.begin() + static_cast<long>(at_ + 8),
                                      bytes_.begin() + static_cast<long>(at_ + 8 + size))});
        at_ += 8 + size;
        return {};
    }

    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
    DecodedSlip slip_;
    std::string pending_;
    printer::Align align_ = printer::Align::Left;
    bool bold_ = false;
    int width_ = 1;
    int height_ = 1;
    std::string qrData_;
    int qrModule_ = 3;
};

}  // namespace

std::string DecodedSlip::text() const {
    std::string out;
    for (const auto& element : elements) {
        if (const auto* line = std::get_if<SlipText>(&element)) out += line->utf8 + "\n";
    }
    return out;
}

int DecodedSlip::lines() const {
    int count = 0;
    for (const auto& element : elements) {
        if (std::holds_alternative<SlipText>(element)) ++count;
        if (const auto* feed = std::get_if<SlipFeed>(&element)) count += feed->lines;
    }
    return count;
}

Result<DecodedSlip> decodeEscPos(std::span<const std::uint8_t> bytes) {
    return Decoder(bytes).run();
}

}  // namespace lobby::sim
