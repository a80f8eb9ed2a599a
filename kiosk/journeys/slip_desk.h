#pragma once
// Prints the slips journeys hand out (check-in slip, booking voucher, refund receipt) from the
// hospital's templates, on the kiosk's printer, and says whether each came out whole.

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include "printer/slip.h"

namespace lobby::devices {
class PrinterService;
}

namespace lobby::journeys {

class SlipDesk : public QObject {
    Q_OBJECT
public:
    // `printer` may be null (no printer configured): every slip then fails at once.
    SlipDesk(devices::PrinterService* printer, QString hospitalName, QString queueUrlBase,
             QObject* parent = nullptr);

    void setHospitalName(const QString& name) { hospitalName_ = name; }
    // The slips' paper (devices.printer.paper_mm): their columns and the logo's width.
    void setPaper(printer::PaperWidth paper) { paper_ = paper; }
    // The hospital's logo (a PNG, e.g. the scene's) at the head of the slips whose template has
    // a logo line, fitted to the paper; empty: none. A PNG that cannot be used is logged and
    // printed as none.
    void setLogoPng(const QByteArray& png);
    // The scene's line at the foot of every patient slip (empty: none).
    void setFooter(const QString& footer) { footer_ = footer; }

    // Where a check-in slip's QR code sends the patient to follow their queue.
    std::string queueUrlFor(const std::string& bookingId) const {
        return queueUrlBase_.toStdString() + bookingId;
    }

    // kind: a template name ("checkin"); the hospital's name is added to `fields`. `reference`
    // names the slip in logs (a booking id, never personal data). `done(printed)` runs on this
    // thread.
    void print(const QString& kind, printer::SlipFields fields, const std::string& reference,
               std::function<void(bool printed)> done);

signals:
    void printTimed(qint64 elapsed_ms);  // each slip, from handing it over to its end
    void printed();                      // a slip came out: the patient has one to take

private:
    devices::PrinterService* printer_;
    QString hospitalName_;
    QString footer_;
    std::optional<printer::Raster> logo_;
    printer::PaperWidth paper_ = printer::PaperWidth::Mm80;
    QString queueUrlBase_;
};

}  // namespace lobby::journeys
