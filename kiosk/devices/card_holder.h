#pragma once

#include <QMetaType>
#include <QString>

namespace lobby::devices {

// What the session may keep about whoever presented a card.
struct CardHolder {
    QString maskedName;  // 张*丰
    QString idNumber;    // full: for the platform lookup only; never logged or shown
    QString fullName;  // full: to register (建档) an unknown patient only; never logged or shown
};

}  // namespace lobby::devices

Q_DECLARE_METATYPE(lobby::devices::CardHolder)

namespace lobby::devices {

// A social-security card's number and serial (卡识别码): the credential for 医保结算. Never logged
// or shown.
struct InsuranceCard {
    QString number, serial;
};

}  // namespace lobby::devices
