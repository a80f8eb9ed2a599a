#pragma once
// The kiosk's side of the resident ID card reader: runs the driver's watcher, brings its events
// onto the Qt event loop, turns driver errors into plain patient-facing messages, and logs
// every card masked. Holds no personal data itself.

#include <QObject>
#include <QString>
#include <memory>

#include "core/translatable_text.h"
#include "devices/card_holder.h"
#include "idcard/id_card_watcher.h"
#include "idcard/sam_reader.h"

namespace lobby::devices {

class IdCardService : public QObject {
    Q_OBJECT
public:
    IdCardService(std::unique_ptr<idcard::SamReader> reader, idcard::WatchOptions options,
                  QObject* parent = nullptr);
    ~IdCardService() override;

    void start();
    // Whether the reader answers (it is assumed to until the first poll says otherwise).
    bool present() const { return present_; }

    // The sentence a patient sees when their card could not be used.
    static core::TranslatableText patientMessage(const Error& error);

signals:
    void cardPlaced();  // a card is on the reader and being read: the UI shows progress
    void cardRead(const lobby::devices::CardHolder& holder);
    void cardRejected(lobby::core::TranslatableText patientMessage);
    void cardRemoved();
    void presenceChanged(bool present);

private:
    std::unique_ptr<idcard::SamReader> reader_;
    std::unique_ptr<idcard::IdCardWatcher> watcher_;
    bool present_ = true;
};

}  // namespace lobby::devices
