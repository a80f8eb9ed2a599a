#pragma once
// Which patient functions this kiosk can serve right now, and if not, why. Computed from the
// health of what each function needs, so a patient sees "unavailable: out of paper" on the menu
// before starting rather than halfway through.

#include <QObject>
#include <QString>
#include <QVariantList>

namespace lobby::core {

// What the slip printer can do, as far as a patient is concerned.
enum class PrinterReadiness { Ready, PaperOut, CoverOpen, NotReady };

struct ServiceHealth {
    bool platformConnected = false;  // the appointment platform client is configured and answering
    PrinterReadiness printer = PrinterReadiness::NotReady;
};

class FunctionCatalog : public QObject {
    Q_OBJECT
public:
    explicit FunctionCatalog(QObject* parent = nullptr);

    void setHealth(const ServiceHealth& health);
    void setPlatformConnected(bool connected);
    void setPrinter(PrinterReadiness readiness);
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
