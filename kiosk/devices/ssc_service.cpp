#include "devices/ssc_service.h"

#include "common/privacy.h"
#include "logging/categories.h"

namespace lobby::devices {

SscService::SscService(smartcard::SscWatchOptions options, QObject* parent) : QObject(parent) {
    // Callbacks run on the watcher's thread; each hops to this object's thread.
    smartcard::SscEvents events;
    events.cardInserted = [this](const std::string&) {
        QMetaObject::invokeMethod(this, [this] { emit cardInserted(); });
    };
    events.cardRead = [this](const smartcard::SscCard& card) {
        CardHolder holder{QString::fromStdString(privacy::maskName(card.name)),
                          QString::fromStdString(card.idNumber), QString::fromStdString(card.name)};
        const InsuranceCard insurance{QString::fromStdString(card.cardNumber),
                                      QString::fromStdString(card.cardIdCode)};
        qCInfo(lcSmartCard).noquote()
            << "card read:" << holder.maskedName
            << QString::fromStdString(privacy::maskIdNumber(card.idNumber));
        QMetaObject::invokeMethod(this, [this, holder, insurance] {
            emit insuranceCardRead(insurance);
            emit cardRead(holder);
        });
    };
    events.cardUnreadable = [this](const Error& error) {
        qCWarning(lcSmartCard).noquote()
            << "card refused:" << error.code.c_str() << "-" << error.message.c_str();
        QMetaObject::invokeMethod(this,
                                  [this, error] { emit cardRejected(patientMessage(error)); });
    };
    events.cardRemoved = [this](const std::string&) {
        qCInfo(lcSmartCard) << "card removed";
        QMetaObject::invokeMethod(this, [this] { emit cardRemoved(); });
    };
    events.serviceHealth = [this](bool available, const Error* error) {
        if (available) {
            qCInfo(lcSmartCard) << "smart-card service available";
        } else {
            qCWarning(lcSmartCard) << (error != nullptr ? error->message.c_str() : "unavailable");
        }
        QMetaObject::invokeMethod(this, [this, available] { emit presenceChanged(available); });
    };
    watcher_ = std::make_unique<smartcard::SscWatcher>(std::move(options), std::move(events));
}

SscService::~SscService() {
    watcher_->stop();
}

void SscService::start() {
    watcher_->start();
}

core::TranslatableText SscService::patientMessage(const Error& error) {
    if (error.code == "smartcard.expired") {
        return {"SscService",
                QT_TRANSLATE_NOOP("SscService",
                                  "This social-security card has expired. Please use your ID "
                                  "card, or ask the staff at the service desk.")};
    }
    if (error.code == "smartcard.blocked") {
        return {"SscService", QT_TRANSLATE_NOOP("SscService",
                                                "This social-security card is blocked. Please "
                                                "contact your social-security office.")};
    }
    if (error.kind == ErrorKind::CardInvalid || error.kind == ErrorKind::NotFound) {
        return {"SscService", QT_TRANSLATE_NOOP("SscService",
                                                "This card cannot be used here. Please use your "
                                                "ID card, or ask the staff at the service desk.")};
    }
    return {"SscService", QT_TRANSLATE_NOOP("SscService",
                                            "The card could not be read. Please take it out and "
                                            "insert it again, chip first.")};
}

}  // namespace lobby::devices
