#pragma once
// The ID card photo for screens that show it (registration confirmation): decoded by the
// hospital's vendor WLT library when one is configured (devices.idcard.wlt_decoder), otherwise
// a neutral placeholder, so a kiosk without the licensed library still works.

#include <QImage>
#include <memory>
#include <string>

#include "idcard/wlt_decoder.h"

namespace lobby::devices {

class CardPhoto {
public:
    explicit CardPhoto(std::unique_ptr<idcard::WltDecoder> decoder = nullptr);

    bool canDecode() const { return decoder_ != nullptr; }
    // The decoded photo, or the placeholder if there is no decoder or decoding fails.
    QImage render(const std::string& wlt) const;
    static QImage placeholder();

private:
    std::unique_ptr<idcard::WltDecoder> decoder_;
};

}  // namespace lobby::devices
