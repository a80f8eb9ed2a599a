#include "journeys/slip_desk.h"

#include <QElapsedTimer>

#include "config/slip_templates.h"
#include "devices/printer_service.h"
#include "devices/slip_logo.h"
#include "logging/categories.h"
#include "printer/printer_endpoint.h"

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
    auto bytes =
        printer::renderSlip(slipTemplate.value(), fields, paper_, logo_ ? &*logo_ : nullptr);
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
                        const bool printed =
                            outcome.ok() && outcome.value() == printer::PrintOutcome::Printed;
                        if (printed) emit this->printed();
                        done(printed);
                    });
}

void SlipDesk::setLogoPng(const QByteArray& png) {
    logo_.reset();
    if (png.isEmpty()) return;
    auto raster = devices::slipLogoFromPng(png, printer::dotsAcross(paper_));
    if (raster)
        logo_ = std::move(raster.value());
    else
        qCWarning(lcJourney) << "slip logo:" << raster.error().message.c_str();
}

}  // namespace lobby::journeys
