#pragma once
// Which patient functions this kiosk can serve right now, and if not, why. Computed from the
// health of what each function needs, so a patient sees "unavailable: out of paper" on the menu
// before starting rather than halfway through.

#include <QObject>
#include <QString>
#include <QVariantList>

namespace lobby::core {

struct ServiceHealth {
    bool platformConnected = false;  // the appointment platform client is configured and answering
    bool printerReady = false;       // the slip printer has paper and is online
};

class FunctionCatalog : public QObject {
    Q_OBJECT
public:
    explicit FunctionCatalog(QObject* parent = nullptr);

    void setHealth(const ServiceHealth& health);
    // [{id, available, reason}], reason in the current UI language; empty when available.
    QVariantList functions() const;
    bool isAvailable(const QString& id) const;

signals:
    void changed();

private:
    QString unavailableReason(const QString& id) const;
    ServiceHealth health_;
};

}  // namespace lobby::core
