// The printer simulator reads ESC/POS as a printer does, not only the dialect our encoder
// writes: jobs made by a third-party encoder (tests/printer/fixtures, made by
// make_fixtures.mjs with ReceiptPrinterEncoder) decode command by command, with their text,
// styles, codes, cuts and the cash-drawer pulse.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "sim/printer/escpos_decoder.h"

using namespace lobby;

namespace {

std::vector<std::uint8_t> fixture(const char* name) {
    std::ifstream file(std::string(LOBBY_PRINTER_FIXTURES) + "/" + name, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

const sim::SlipText* lineWith(const sim::DecodedSlip& slip, const std::string& text) {
    for (const auto& element : slip.elements) {
        const auto* line = std::get_if<sim::SlipText>(&element);
        if (line != nullptr && line->utf8.find(text) != std::string::npos) return line;
    }
    return nullptr;
}

template <typename T>
std::vector<T> all(const sim::DecodedSlip& slip) {
    std::vector<T> found;
    for (const auto& element : slip.elements)
        if (const auto* item = std::get_if<T>(&element)) found.push_back(*item);
    return found;
}

}  // namespace

TEST(ThirdPartyEscPos, AReceiptFromAnotherEncoderDecodesWithItsStyles) {
    const auto bytes = fixture("receipt-esc-pos-encoder.bin");
    ASSERT_EQ(bytes.size(), 405u);
    auto slip = sim::decodeEscPos(bytes);
    ASSERT_TRUE(slip.ok()) << slip.error().message;
    const auto* title = lineWith(*slip, "LOBBY PHARMACY");
    ASSERT_NE(title, nullptr) << slip->text();
    EXPECT_TRUE(title->bold);
    EXPECT_EQ(title->width, 2);
    EXPECT_EQ(title->height, 2);
    ASSERT_NE(lineWith(*slip, "Aspirin 100mg x2"), nullptr);
    EXPECT_FALSE(lineWith(*slip, "Aspirin")->bold);
    ASSERT_NE(lineWith(*slip, "Total"), nullptr);
    EXPECT_TRUE(lineWith(*slip, "Total")->underline);
    ASSERT_NE(lineWith(*slip, "PAID"), nullptr);
    EXPECT_TRUE(lineWith(*slip, "PAID")->inverted);
    EXPECT_NE(lineWith(*slip, "small print"), nullptr) << "after ESC M (font B)";
    EXPECT_NE(lineWith(*slip, "────"), nullptr) << "the rule in code table PC437";
    const auto codes = all<sim::SlipQr>(*slip);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0].data, "https://queue.example/q/A023");
    EXPECT_EQ(codes[0].moduleSize, 6);
    const auto barcodes = all<sim::SlipBarcode>(*slip);
    ASSERT_EQ(barcodes.size(), 1u);
    EXPECT_EQ(barcodes[0].data, "V20261123-0042") << "code set B, the {B escape not printed";
    EXPECT_EQ(all<sim::SlipCut>(*slip).size(), 1u);
    EXPECT_EQ(all<sim::SlipPulse>(*slip).size(), 1u) << "a till opens its drawer";
}

TEST(ThirdPartyEscPos, ChineseModeAndCode128SetC) {
    auto slip = sim::decodeEscPos(fixture("receipt-chinese-raw-gb18030.bin"));
    ASSERT_TRUE(slip.ok()) << slip.error().message;
    EXPECT_NE(lineWith(*slip, "示例市第一人民医院"), nullptr) << slip->text();
    EXPECT_TRUE(lineWith(*slip, "示例市第一人民医院")->bold);
    EXPECT_NE(lineWith(*slip, "排队号 A023"), nullptr);
    EXPECT_NE(lineWith(*slip, "内科 3诊室"), nullptr);
    const auto barcodes = all<sim::SlipBarcode>(*slip);
    ASSERT_EQ(barcodes.size(), 1u);
    EXPECT_EQ(barcodes[0].data, "12345678") << "set C: each byte two digits";
}

TEST(ThirdPartyEscPos, CommandsHaveTheirExactLengths) {
    // FS C n is three bytes: the 'A' after it is text, not part of the command.
    auto fsC = sim::decodeEscPos(std::vector<std::uint8_t>{0x1C, 'C', 0x01, 'A', '\n'});
    ASSERT_TRUE(fsC.ok()) << fsC.error().message;
    EXPECT_EQ(fsC->text(), "A\n");
    // GS k function A: NUL-terminated data.
    auto upcA = sim::decodeEscPos(std::vector<std::uint8_t>{0x1D, 'k', 0x00, '0', '1', '2', 0x00});
    ASSERT_TRUE(upcA.ok()) << upcA.error().message;
    EXPECT_EQ(all<sim::SlipBarcode>(*upcA).at(0).data, "012");
    // A command cut short, or unknown, is a typed error naming the byte.
    auto cut = sim::decodeEscPos(std::vector<std::uint8_t>{'x', 0x1B, 'p', 0x00});
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().code, "printer.bad_escpos");
    EXPECT_NE(cut.error().message.find("at byte 1"), std::string::npos);
    EXPECT_FALSE(sim::decodeEscPos(std::vector<std::uint8_t>{0x1B, 0x7F, 0x00}).ok());
}
