#include <gtest/gtest.h>

#include "idcard/wlt_decoder.h"

using namespace lobby;
using namespace lobby::idcard;

TEST(WltDecoder, LoadsAPluginAndDecodes) {
    auto decoder = WltDecoder::load(LOBBY_TEST_WLT_PLUGIN);
    ASSERT_TRUE(decoder.ok()) << decoder.error().message;
    const Bytes wlt(1024, 0x42);
    auto bmp = decoder.value()->decode(wlt);
    ASSERT_TRUE(bmp.ok()) << bmp.error().message;
    ASSERT_GE(bmp->size(), 2u);
    EXPECT_EQ((*bmp)[0], 'B');
    EXPECT_EQ((*bmp)[1], 'M');
    // The test plug-in refuses a blob of the wrong size, like a real decoder would.
    auto refused = decoder.value()->decode(Bytes(10));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, "idcard.wlt_decode_failed");
}

TEST(WltDecoder, MissingOrWrongLibraryIsATypedError) {
    auto missing = WltDecoder::load("/nonexistent/libwlt.so");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    auto wrong = WltDecoder::load(LOBBY_TEST_NOT_A_WLT_PLUGIN);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, "idcard.wlt_plugin_invalid");
}
