#include <gtest/gtest.h>

#include "idcard/sam_protocol.h"

using namespace lobby;
using namespace lobby::idcard;

TEST(SamProtocol, EncodesFindCardLikeEveryReaderManual) {
    EXPECT_EQ(encodeCommand(commands::kFindCard),
              (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22}));
    EXPECT_EQ(encodeCommand(commands::kReadTextPhoto),
              (Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32}));
}

TEST(SamProtocol, ResponseRoundTripsThroughTheDecoder) {
    const Bytes frame = encodeResponse({0x00, 0x00, 0x90, {1, 2, 3}});
    FrameDecoder decoder;
    decoder.feed(frame);
    auto payload = decoder.next();
    ASSERT_TRUE(payload && payload->ok());
    auto response = toResponse(payload->value());
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->sw3, 0x90);
    EXPECT_EQ(response->data, (Bytes{1, 2, 3}));
}

TEST(SamProtocol, DecoderWaitsForSplitFramesAndSkipsGarbage) {
    const Bytes frame = encodeResponse({0, 0, 0x9F, {}});
    FrameDecoder decoder;
    decoder.feed(Bytes{0x00, 0x13, 0xAA, 0x55});  // line noise, including a lone AA
    EXPECT_FALSE(decoder.next());
    decoder.feed(std::span(frame).first(4));
    EXPECT_FALSE(decoder.next());
    decoder.feed(std::span(frame).subspan(4));
    auto payload = decoder.next();
    ASSERT_TRUE(payload && payload->ok());
    EXPECT_EQ(payload->value(), (Bytes{0, 0, 0x9F}));
    EXPECT_EQ(decoder.buffered(), 0u);
}

TEST(SamProtocol, BadChecksumIsReportedOnceThenTheNextFrameDecodes) {
    Bytes corrupt = encodeResponse({0, 0, 0x90, {7, 7}});
    corrupt.back() ^= 0x01;
    const Bytes good = encodeResponse({0, 0, 0x80, {}});
    FrameDecoder decoder;
    decoder.feed(corrupt);
    decoder.feed(good);
    auto first = decoder.next();
    ASSERT_TRUE(first);
    ASSERT_FALSE(first->ok());
    EXPECT_EQ(first->error().code, "idcard.sam.bad_checksum");
    EXPECT_EQ(first->error().kind, ErrorKind::Protocol);
    auto second = decoder.next();
    ASSERT_TRUE(second && second->ok());
    EXPECT_EQ(second->value(), (Bytes{0, 0, 0x80}));
}

TEST(SamProtocol, ImpossibleLengthIsRejectedWithoutWaitingForIt) {
    FrameDecoder decoder;
    decoder.feed(Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0xFF, 0xFF});
    auto result = decoder.next();
    ASSERT_TRUE(result);
    ASSERT_FALSE(result->ok());
    EXPECT_EQ(result->error().code, "idcard.sam.bad_length");
}

TEST(SamProtocol, EveryStatusByteMapsToATypedError) {
    struct Case {
        std::uint8_t sw3;
        ErrorKind kind;
        const char* message;
    };
    const Case cases[] = {
        {0x10, ErrorKind::Protocol, "the reader received a bad checksum"},
        {0x11, ErrorKind::Protocol, "the reader received a bad length"},
        {0x21, ErrorKind::Protocol, "the reader does not know the command"},
        {0x23, ErrorKind::Device, "the reader reported an unknown error"},
        {0x24, ErrorKind::Device, "the reader reported an unknown error"},
        {0x31, ErrorKind::CardInvalid, "card authentication failed"},
        {0x32, ErrorKind::Device, "reader authentication failed"},
        {0x33, ErrorKind::CardInvalid, "card verification failed"},
        {0x40, ErrorKind::CardInvalid, "this is not a resident ID card"},
        {0x41, ErrorKind::Device, "reading the card failed"},
        {0x47, ErrorKind::Device, "the card's random challenge failed"},
        {0x60, ErrorKind::Device, "the SAM module failed its self-test"},
        {0x66, ErrorKind::Device, "the SAM module is not authorised"},
        {0x80, ErrorKind::NoCard, "no card on the reader"},
        {0x81, ErrorKind::NoCard, "selecting the card failed"},
        {0x55, ErrorKind::Device, "unknown status 0x55"},
    };
    for (const auto& c : cases) {
        const auto error = statusError(c.sw3);
        ASSERT_TRUE(error.has_value()) << int(c.sw3);
        EXPECT_EQ(error->kind, c.kind) << int(c.sw3);
        EXPECT_EQ(error->message, c.message);
    }
    EXPECT_FALSE(statusError(0x90).has_value());
    EXPECT_FALSE(statusError(0x9F).has_value());
}

TEST(SamProtocol, DecodesCommandsForTheSimulator) {
    auto decoded = decodeCommand(encodeCommand(commands::setBaudRate(4)));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->first.cmd, 0x60);
    EXPECT_EQ(decoded->first.para, 0x04);
    EXPECT_FALSE(decodeCommand(Bytes{0xAA, 0xAA}).ok());
}
