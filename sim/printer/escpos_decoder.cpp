#include "sim/printer/escpos_decoder.h"

#include <cstdio>

#include "common/charset.h"

namespace lobby::sim {
namespace {

constexpr std::uint8_t ESC = 0x1B, GS = 0x1D, FS = 0x1C, DLE = 0x10, LF = 0x0A, CR = 0x0D,
                       HT = 0x09;

// Commands whose whole length is fixed and that change nothing the simulator draws (character
// fonts and spacing, code-table details, panel buttons, peripheral selection, status and ID
// requests). Lengths include the command bytes, as in the Epson ESC/POS reference.
struct Skipped {
    std::uint8_t prefix, command;
    std::size_t length;
};
constexpr Skipped kSkipped[] = {
    {ESC, ' ', 3},  {ESC, '$', 4}, {ESC, '%', 3}, {ESC, '2', 2},  {ESC, '3', 3},  {ESC, '<', 2},
    {ESC, '=', 3},  {ESC, 'J', 3}, {ESC, 'L', 2}, {ESC, 'M', 3},  {ESC, 'R', 3},  {ESC, 'S', 2},
    {ESC, 'T', 3},  {ESC, 'U', 3}, {ESC, 'V', 3}, {ESC, '\\', 4}, {ESC, 'c', 4},  {ESC, 'r', 3},
    {ESC, 't', 3},  {ESC, '{', 3}, {ESC, '4', 3}, {FS, '!', 3},   {FS, '-', 3},   {FS, 'C', 3},
    {FS, 'W', 3},   {FS, 'S', 4},  {FS, 'p', 4},  {FS, 'r', 3},   {GS, 'H', 3},   {GS, 'I', 3},
    {GS, 'L', 4},   {GS, 'P', 4},  {GS, 'W', 4},  {GS, 'a', 3},   {GS, 'b', 3},   {GS, 'f', 3},
    {GS, 'h', 3},   {GS, 'r', 3},  {GS, 'w', 3},  {GS, 'T', 3},   {DLE, 0x04, 3}, {DLE, 0x05, 3},
    {DLE, 0x14, 5},
};

class Decoder {
public:
    explicit Decoder(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    Result<DecodedSlip> run() {
        while (at_ < bytes_.size()) {
            const std::uint8_t b = bytes_[at_];
            Status status;
            if (b == ESC || b == GS || b == FS || b == DLE) {
                status = command(b);
            } else if (b == LF) {
                endLine();
                ++at_;
            } else if (b == CR) {
                ++at_;  // the print head returns; LF does the feed
            } else if (b < 0x20 && b != HT) {
                status = fail("unexpected control byte");
            } else {
                // A line shows the style its first character was printed in: encoders often
                // switch a style off just before the line feed.
                if (pending_.empty()) lineStyle_ = current();
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

    std::string decodeText(const std::string& bytes) const {
        if (chinese_) return convertCharset(bytes, "GB18030", "UTF-8");
        // ESC t n: 0 is PC437 (USA), 16 is Windows-1252; others read as PC437.
        return convertCharset(bytes, codeTable_ == 16 ? "WINDOWS-1252" : "CP437", "UTF-8");
    }

    SlipText current() const {
        return SlipText{{}, align_, bold_, underline_, inverted_, width_, height_};
    }

    void endLine() {
        SlipText line = pending_.empty() ? current() : lineStyle_;
        line.utf8 = decodeText(pending_);
        slip_.elements.push_back(line);
        pending_.clear();
    }

    void reset() {
        align_ = printer::Align::Left;
        bold_ = underline_ = inverted_ = false;
        width_ = height_ = 1;
        codeTable_ = 0;
        chinese_ = true;  // a Chinese-market printer starts in Chinese (GB18030) mode
    }

    Status command(std::uint8_t prefix) {
        if (auto s = need(2); !s) return s;
        const std::uint8_t c = byteAt(1);
        if (prefix == ESC) return escape(c);
        if (prefix == GS) return group(c);
        if (prefix == FS && (c == '&' || c == '.')) {
            chinese_ = c == '&';
            at_ += 2;
            return {};
        }
        return skip(prefix, c);
    }

    Status skip(std::uint8_t prefix, std::uint8_t c) {
        for (const auto& known : kSkipped) {
            if (known.prefix == prefix && known.command == c && known.length > 0) {
                if (auto s = need(known.length); !s) return s;
                if (prefix == ESC && c == 't') codeTable_ = byteAt(2);
                at_ += known.length;
                return {};
            }
        }
        return fail(prefix == ESC  ? "unknown ESC command"
                    : prefix == GS ? "unknown GS command"
                    : prefix == FS ? "unknown FS command"
                                   : "unknown DLE command");
    }

    // A setting of one parameter byte: ESC c n.
    Status setting(std::uint8_t& value) {
        if (auto s = need(3); !s) return s;
        value = byteAt(2);
        at_ += 3;
        return {};
    }

    Status escape(std::uint8_t c) {
        std::uint8_t n = 0;
        switch (c) {
            case '@':  // also clears what was not printed yet
                reset();
                pending_.clear();
                at_ += 2;
                return {};
            case '!': {  // print mode: bold, double height, double width, underline
                if (auto s = setting(n); !s) return s;
                bold_ = (n & 0x08) != 0;
                height_ = (n & 0x10) != 0 ? 2 : 1;
                width_ = (n & 0x20) != 0 ? 2 : 1;
                underline_ = (n & 0x80) != 0;
                return {};
            }
            case 'a': {
                if (auto s = setting(n); !s) return s;
                if (n >= '0') n = static_cast<std::uint8_t>(n - '0');
                if (n > 2) return fail("bad alignment");
                align_ = static_cast<printer::Align>(n);
                return {};
            }
            case 'E':
            case 'G': {  // emphasized; double-strike looks the same on a slip
                if (auto s = setting(n); !s) return s;
                bold_ = (n & 1) != 0;
                return {};
            }
            case '-': {
                if (auto s = setting(n); !s) return s;
                underline_ = (n % 48) != 0;
                return {};
            }
            case 'd': {
                if (auto s = setting(n); !s) return s;
                slip_.elements.push_back(SlipFeed{n});
                return {};
            }
            case 'p': {  // pulse m t1 t2
                if (auto s = need(5); !s) return s;
                slip_.elements.push_back(SlipPulse{});
                at_ += 5;
                return {};
            }
            case 'i':
            case 'm':
                slip_.elements.push_back(SlipCut{});
                at_ += 2;
                return {};
            default:
                return skip(ESC, c);
        }
    }

    Status group(std::uint8_t c) {
        std::uint8_t n = 0;
        switch (c) {
            case '!': {
                if (auto s = setting(n); !s) return s;
                width_ = ((n >> 4) & 0x07) + 1;
                height_ = (n & 0x07) + 1;
                return {};
            }
            case 'B': {
                if (auto s = setting(n); !s) return s;
                inverted_ = (n & 1) != 0;
                return {};
            }
            case 'V': {  // cut: m, or m n for the feed-and-cut forms
                if (auto s = need(3); !s) return s;
                const std::uint8_t m = byteAt(2);
                const bool withFeed =
                    m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
                if (auto s = need(withFeed ? 4 : 3); !s) return s;
                at_ += withFeed ? 4 : 3;
                slip_.elements.push_back(SlipCut{});
                return {};
            }
            case 'k':
                return barcode();
            case '(':
                return twoDimensional();
            case 'v':
                return raster();
            default:
                return skip(GS, c);
        }
    }

    // GS k: function A (m 0-6, data up to NUL) or B (m 65-73, a length byte, then data).
    Status barcode() {
        if (auto s = need(3); !s) return s;
        const std::uint8_t m = byteAt(2);
        std::string data;
        std::size_t length = 0;
        if (m <= 6) {
            std::size_t end = at_ + 3;
            while (end < bytes_.size() && bytes_[end] != 0)
                ++end;
            if (end >= bytes_.size()) return fail("barcode without its NUL");
            data.assign(bytes_.begin() + static_cast<long>(at_ + 3),
                        bytes_.begin() + static_cast<long>(end));
            length = end + 1 - at_;
        } else if (m >= 65 && m <= 73) {
            if (auto s = need(4); !s) return s;
            const std::size_t count = byteAt(3);
            if (auto s = need(4 + count); !s) return s;
            data.assign(bytes_.begin() + static_cast<long>(at_ + 4),
                        bytes_.begin() + static_cast<long>(at_ + 4 + count));
            length = 4 + count;
        } else {
            return fail("unknown barcode system");
        }
        if (m == 73) {
            auto text = code128(data);
            if (!text) return text.error();
            data = text.value();
        }
        slip_.elements.push_back(SlipBarcode{data});
        at_ += length;
        return {};
    }

    // CODE128 data as the printer reads it: "{A", "{B", "{C" pick a code set ("{{" is '{');
    // in set C each byte is two digits.
    Result<std::string> code128(const std::string& data) const {
        if (data.size() < 2 || data[0] != '{') return fail("CODE128 without a code set");
        std::string text;
        char set = 'B';
        for (std::size_t i = 0; i < data.size(); ++i) {
            if (data[i] == '{' && i + 1 < data.size()) {
                const char next = data[++i];
                if (next == 'A' || next == 'B' || next == 'C') {
                    set = next;
                } else if (next == '{') {
                    text += '{';
                } else {
                    continue;  // FNC1-4 and SHIFT: no character of their own
                }
                continue;
            }
            const auto value = static_cast<unsigned char>(data[i]);
            if (set == 'C') {
                if (value > 99) return fail("CODE128 set C value over 99");
                char pair[3];
                std::snprintf(pair, sizeof pair, "%02u", static_cast<unsigned>(value));
                text += pair;
            } else {
                text += static_cast<char>(value);
            }
        }
        return text;
    }

    // GS ( k pL pH cn fn ...: QR codes (cn 49); other symbols are read and skipped. GS ( with
    // any other function letter is a block of pL pH bytes.
    Status twoDimensional() {
        if (auto s = need(5); !s) return s;
        const std::size_t length = byteAt(3) | (std::size_t{byteAt(4)} << 8);
        if (auto s = need(5 + length); !s) return s;
        // Every GS ( k function has cn, fn and at least one parameter byte.
        if (byteAt(2) == 'k' && length < 3) return fail("bad GS ( k length");
        if (byteAt(2) == 'k' && byteAt(5) == 49) {
            const std::uint8_t fn = byteAt(6);
            if (fn == 67) qrModule_ = byteAt(7);
            if (fn == 80) {
                qrData_.assign(bytes_.begin() + static_cast<long>(at_ + 8),
                               bytes_.begin() + static_cast<long>(at_ + 5 + length));
            }
            if (fn == 81) slip_.elements.push_back(SlipQr{qrData_, qrModule_});
        }
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
    SlipText lineStyle_;
    printer::Align align_ = printer::Align::Left;
    bool bold_ = false;
    bool underline_ = false;
    bool inverted_ = false;
    int width_ = 1;
    int height_ = 1;
    int codeTable_ = 0;
    bool chinese_ = true;
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
