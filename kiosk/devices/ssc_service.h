#pragma once
// The kiosk's side of the social-security card reader (PC/SC): runs the driver's watcher,
// brings its events onto the Qt event loop, words failures for the patient, logs masked.
// Unlike an ID card, this card stays in its slot for the whole session: pulling it out ends
// the session.

#include <QObject>
#include <memory>

#include "core/translatable_text.h"
#include "devices/card_holder.h"
#include "smartcard/ssc_watcher.h"

namespace lobby::devices {

class SscService : public QObject {
    Q_OBJECT
public:
    explicit SscService(smartcard::SscWatchOptions options, QObject* parent = nullptr);
    ~SscService() override;

    void start();
    static core::TranslatableText patientMessage(const Error& error);

signals:
    void cardInserted();
    void cardRead(const lobby::devices::CardHolder& holder);
    // Just before cardRead: the card as the insurance's credential.
    void insuranceCardRead(const lobby::devices::InsuranceCard& card);
    void cardRejected(lobby::core::TranslatableText patientMessage);
    void cardRemoved();
    // pcscd and a reader answer, or not (pcscd stopped, the reader unplugged).
    void presenceChanged(bool present);

private:
    std::unique_ptr<smartcard::SscWatcher> watcher_;
};

}  // namespace lobby::devices
