#include "devices/id_card_service.h"

#include <QCoreApplication>

#include "common/privacy.h"
#include "logging/categories.h"

namespace lobby::devices {
namespace {

QString maskedNameOf(const idcard::IdCard& card) {
    const std::string& name = card.name.empty() ? card.nameEn : card.name;
    return QString::fromStdString(privacy::maskName(name));
}

}  // namespace

IdCardService::IdCardService(std::unique_ptr<idcard::SamReader> reader,
                             idcard::WatchOptions options, QObject* parent)
    : QObject(parent), reader_(std::move(reader)) {
    // Callbacks run on the watcher's thread; each hops to this object's thread.
    idcard::WatchEvents events;
    events.cardDetected = [this] {
        QMetaObject::invokeMethod(this, [this] { emit cardPlaced(); });
    };
    events.cardRead = [this](const idcard::IdCard& card) {
        CardHolder holder{maskedNameOf(card), QString::fromStdString(card.idNumber),
                          QString::fromStdString(card.name.empty() ? card.nameEn : card.name)};
        qCInfo(lcIdCard).noquote()
            << "card read:" << idcard::toString(card.type).data() << holder.maskedName
            << QString::fromStdString(privacy::maskIdNumber(card.idNumber));
        QMetaObject::invokeMethod(this, [this, holder] { emit cardRead(holder); });
    };
    events.cardUnreadable = [this](const Error& error) {
        qCWarning(lcIdCard).noquote()
            << "card refused:" << error.code.c_str() << "-" << error.message.c_str();
        QMetaObject::invokeMethod(this,
                                  [this, error] { emit cardRejected(patientMessage(error)); });
    };
    events.cardRemoved = [this] {
        qCInfo(lcIdCard) << "card removed";
        QMetaObject::invokeMethod(this, [this] { emit cardRemoved(); });
    };
    events.readerHealth = [this](bool present, const Error* error) {
        if (present) {
            qCInfo(lcIdCard) << "reader answering again";
        } else {
            qCWarning(lcIdCard) << "reader lost:" << (error ? error->message.c_str() : "");
        }
        QMetaObject::invokeMethod(this, [this, present] {
            present_ = present;
            emit presenceChanged(present);
        });
    };
    watcher_ = std::make_unique<idcard::IdCardWatcher>(*reader_, std::move(options), events);
}

IdCardService::~IdCardService() {
    watcher_->stop();
}

void IdCardService::start() {
    watcher_->start();
}

core::TranslatableText IdCardService::patientMessage(const Error& error) {
    if (error.code == "idcard.expired") {
        return {"IdCardService", QT_TRANSLATE_NOOP("IdCardService",
                                                   "This ID card has expired. Please use a valid "
                                                   "card, or ask the staff at the service desk.")};
    }
    if (error.kind == ErrorKind::CardInvalid) {
        return {"IdCardService",
                QT_TRANSLATE_NOOP("IdCardService",
                                  "This card cannot be used here. Please use another card, or "
                                  "ask the staff at the service desk.")};
    }
    return {"IdCardService", QT_TRANSLATE_NOOP("IdCardService",
                                               "The card could not be read. Please lift it, place "
                                               "it flat on the reader and hold it still.")};
}

}  // namespace lobby::devices
