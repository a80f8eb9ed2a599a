#include <gtest/gtest.h>

#include "printer/escpos.h"
#include "printer/printer_endpoint.h"
#include "printer/text_layout.h"

using namespace lobby;
using namespace lobby::printer;

TEST(TextLayout, CountsCjkAsTwoColumns) {
    EXPECT_EQ(columnsOf("ABC"), 3);
    EXPECT_EQ(columnsOf("内科"), 4);
    EXPECT_EQ(columnsOf("3诊室"), 5);
    EXPECT_EQ(columnsOf("（"), 2);  // fullwidth punctuation
}

TEST(TextLayout, WrapsLatinAtSpacesAndCjkAnywhereWithoutSplittingCharacters) {
    EXPECT_EQ(wrap("Please go to room 3 on floor 2", 12),
              (std::vector<std::string>{"Please go to", "room 3 on", "floor 2"}));
    const auto cjk = wrap("请到门诊楼二层内科三诊室候诊", 10);
    ASSERT_EQ(cjk.size(), 3u);
    EXPECT_EQ(cjk[0], "请到门诊楼");
    EXPECT_EQ(cjk[1], "二层内科三");
    EXPECT_EQ(cjk[2], "诊室候诊");
    for (const auto& line : cjk)
        EXPECT_LE(columnsOf(line), 10);
    // An odd column count: a CJK character never straddles the edge.
    for (const auto& line : wrap("门诊楼二层", 5))
        EXPECT_LE(columnsOf(line), 5);
}

TEST(TextLayout, MixedTextAndExplicitNewlines) {
    const auto lines = wrap("内科 Internal Medicine\n3诊室", 16);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0], "内科 Internal");
    EXPECT_EQ(lines[1], "Medicine");
    EXPECT_EQ(lines[2], "3诊室");
    EXPECT_EQ(wrap("", 32).size(), 0u);
}

TEST(TextLayout, EncodesGb18030) {
    EXPECT_EQ(toGb18030("张三A"), std::string("\xD5\xC5\xC8\xFD"
                                              "A"));
    EXPECT_EQ(toGb18030("ok"), "ok");
    EXPECT_EQ(toGb18030(std::string("a\xFF"
                                    "b")),
              "a?b");  // invalid UTF-8 is not fatal
}

TEST(EscPos, EncodesCommandsByteForByte) {
    EscPos slip;
    slip.init().chineseMode(true).align(Align::Center).bold(true).size(2, 2).line("A").cut();
    EXPECT_EQ(slip.bytes(), (Bytes{0x1B, '@', 0x1C, '&', 0x1B, 'a', 1, 0x1B, 'E', 1, 0x1D, '!',
                                   0x11, 'A', 0x0A, 0x1D, 'V', 66, 0}));
    EscPos qr;
    qr.qr("https://q/1", 6);
    const Bytes& q = qr.bytes();
    // store: GS ( k pL pH 49 80 48 + data, with pL = len + 3
    const Bytes store = {0x1D, '(', 'k', 14,  0,   49,  80,  48,  'h', 't',
                         't',  'p', 's', ':', '/', '/', 'q', '/', '1'};
    EXPECT_NE(std::search(q.begin(), q.end(), store.begin(), store.end()), q.end());
    EscPos barcode;
    barcode.code128("V123");
    const Bytes& b = barcode.bytes();
    const Bytes k = {0x1D, 'k', 73, 6, '{', 'B', 'V', '1', '2', '3'};
    EXPECT_NE(std::search(b.begin(), b.end(), k.begin(), k.end()), b.end());
}

TEST(PrinterStatus, DecodesDleEotAnswers) {
    constexpr std::uint8_t kIdle = 0x12;  // bits 1 and 4: nothing to report
    EXPECT_EQ(decodeStatus(kIdle, kIdle, kIdle).value(), PrinterState::Ready);
    EXPECT_EQ(decodeStatus(kIdle, kIdle, kIdle | 0x0C).value(), PrinterState::PaperLow);
    EXPECT_EQ(decodeStatus(kIdle | 0x08, kIdle | 0x20, kIdle | 0x60).value(),
              PrinterState::PaperOut);
    EXPECT_EQ(decodeStatus(kIdle | 0x08, kIdle | 0x04, kIdle).value(), PrinterState::CoverOpen);
    EXPECT_EQ(decodeStatus(kIdle | 0x08, kIdle, kIdle).value(), PrinterState::Offline);
    EXPECT_EQ(decodeStatus(kIdle, kIdle | 0x40, kIdle).value(), PrinterState::Error);
    EXPECT_EQ(decodeStatus(0x00, kIdle, kIdle).error().code, "printer.bad_status");
    EXPECT_EQ(decodeStatus(kIdle, 0xFF, kIdle).error().code, "printer.bad_status");
    EXPECT_EQ(statusRequest(4), (Bytes{0x10, 0x04, 4}));
    EXPECT_EQ(toString(PrinterState::PaperLow), "paper_low");
}

TEST(PrinterEndpoint, ParsesWhereTheStateIsReadOnceWithCheckedPorts) {
    PrinterEndpoint endpoint;
    ASSERT_TRUE(setDirect(endpoint, "10.0.0.5:9100").ok());
    ASSERT_TRUE(endpoint.tcp.has_value());
    EXPECT_EQ(endpoint.tcp->host, "10.0.0.5");
    EXPECT_EQ(endpoint.tcp->port, 9100);
    EXPECT_FALSE(endpoint.usb.has_value());
    ASSERT_TRUE(setDirect(endpoint, "usb:0483:5743").ok());
    EXPECT_FALSE(endpoint.tcp.has_value()) << "one source at a time";
    ASSERT_TRUE(endpoint.usb.has_value());
    EXPECT_EQ(endpoint.usb->vendor, 0x0483);
    ASSERT_TRUE(setDirect(endpoint, "").ok());
    EXPECT_FALSE(endpoint.tcp || endpoint.usb) << "empty: the state comes from CUPS";
    for (const char* bad : {"printer", ":9100", "printer:0", "printer:65536", "printer:91x",
                            "printer:", "usb:", "usb:zz:1"}) {
        auto refused = setDirect(endpoint, bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.error().kind, ErrorKind::InvalidConfig) << bad;
    }
}

TEST(PrinterEndpoint, PaperWidthsAndTheirDots) {
    EXPECT_EQ(parsePaperWidth("58").value(), PaperWidth::Mm58);
    EXPECT_EQ(parsePaperWidth("80").value(), PaperWidth::Mm80);
    EXPECT_FALSE(parsePaperWidth("76").ok());
    EXPECT_EQ(dotsAcross(PaperWidth::Mm58), 384);
    EXPECT_EQ(dotsAcross(PaperWidth::Mm80), 576);
    EXPECT_TRUE(canPrint(PrinterState::PaperLow));
    EXPECT_FALSE(canPrint(PrinterState::CoverOpen));
}
