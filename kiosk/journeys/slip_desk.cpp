#include "journeys/slip_desk.h"

#include <QElapsedTimer>

#include "config/slip_templates.h"
#include "devices/printer_service.h"
#include "logging/categories.h"

namespace lobby::journeys {

SlipDesk::SlipDesk(devices::PrinterService* printer, QString hospitalName, QString queueUrlBase,
                   QObject* parent)
    : QObject(parent),
      printer_(printer),
      hospitalName_(std::move(hospitalName)),
      queueUrlBase_(std::move(queueUrlBase)) {}

void SlipDesk::print(const QString& kind, printer::SlipFields fields, const std::string& reference,
                     std::function<void(bool printed)> done) {
    if (printer_ == nullptr) {
        qCWarning(lcJourney) << "no printer for the" << kind << "slip";
        done(false);
        return;
    }
    auto slipTemplate = config::loadSlipTemplate(kind);
    if (!slipTemplate) {
        qCCritical(lcJourney) << slipTemplate.error().message.c_str();
        done(false);
        return;
    }
    fields["hospital"] = hospitalName_.toStdString();
    fields["footer"] = footer_.toStdString();
    auto bytes = printer::renderSlip(slipTemplate.value(), fields, printer::PaperWidth::Mm80,
                                     logo_ ? &*logo_ : nullptr);
    if (!bytes) {
        qCCritical(lcJourney) << "slip" << kind << bytes.error().message.c_str();
        done(false);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    printer_->print(reference, std::move(bytes.value()),
                    [this, clock, done = std::move(done)](Result<printer::PrintOutcome> outcome) {
                        emit printTimed(clock.elapsed());
                        done(outcome.ok() && outcome.value() == printer::PrintOutcome::Printed);
                    });
}

}  // namespace lobby::journeys
