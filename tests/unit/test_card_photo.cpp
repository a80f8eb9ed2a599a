#include <gtest/gtest.h>

#include "devices/card_photo.h"

using lobby::devices::CardPhoto;

TEST(CardPhoto, WithoutADecoderShowsThePlaceholderAtCardPhotoSize) {
    const CardPhoto photos;
    EXPECT_FALSE(photos.canDecode());
    const QImage image = photos.render(std::string(1024, '\x42'));
    EXPECT_EQ(image.size(), QSize(102, 126));
    EXPECT_EQ(image, CardPhoto::placeholder());
}

TEST(CardPhoto, DecodesThroughTheVendorPlugin) {
    auto decoder = lobby::idcard::WltDecoder::load(LOBBY_TEST_WLT_PLUGIN);
    ASSERT_TRUE(decoder.ok()) << decoder.error().message;
    const CardPhoto photos(std::move(decoder.value()));
    ASSERT_TRUE(photos.canDecode());
    std::string wlt(1024, '\0');
    wlt[0] = '\x10';  // blue (BMP pixels are BGR)
    wlt[1] = '\x20';  // green
    wlt[2] = '\x30';  // red
    const QImage image = photos.render(wlt);
    ASSERT_EQ(image.size(), QSize(1, 1));
    EXPECT_EQ(image.pixelColor(0, 0), QColor(0x30, 0x20, 0x10));
    // A blob the decoder refuses falls back to the placeholder.
    EXPECT_EQ(photos.render(std::string(10, '\0')), CardPhoto::placeholder());
}
