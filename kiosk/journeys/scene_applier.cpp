#include "journeys/scene_applier.h"

#include "core/function_catalog.h"
#include "core/kiosk_info.h"
#include "core/session_controller.h"
#include "journeys/booking_flow.h"
#include "journeys/pickup_flow.h"
#include "journeys/slip_desk.h"

namespace lobby::journeys {

namespace {
QStringList toList(const std::vector<std::string>& ids) {
    QStringList list;
    for (const auto& id : ids)
        list << QString::fromStdString(id);
    return list;
}
}  // namespace

SceneApplier::SceneApplier(core::KioskInfo& kiosk, core::FunctionCatalog& catalog,
                           core::SessionController& session, BookingFlow& booking,
                           PickUpFlow& pickup, SlipDesk& slips)
    : kiosk_(kiosk),
      catalog_(catalog),
      session_(session),
      booking_(booking),
      pickup_(pickup),
      slips_(slips) {}

void SceneApplier::apply(const scene::Scene& scene) {
    const QString name = QString::fromStdString(scene.hospitalName);
    kiosk_.setBranding(name, QString::fromStdString(scene.hospitalNameEn),
                       QString::fromStdString(scene.primaryColor), scene.voiceGuidance);
    catalog_.setOffered(toList(scene.functions));
    catalog_.setOpeningHours(scene.opensAt_min, scene.closesAt_min);
    session_.setTiming({scene.timeouts.idle_s * 1000, scene.timeouts.countdown_s * 1000,
                        scene.timeouts.farewell_s * 1000});
    booking_.setPaymentMethods(toList(scene.paymentMethods));
    pickup_.setPaymentMethods(toList(scene.paymentMethods));
    kiosk_.setGuidance(QString::fromStdString(scene.whereElse),
                       QString::fromStdString(scene.whereElseEn), scene.elderModeFromAge);
    slips_.setHospitalName(name);
    slips_.setFooter(QString::fromStdString(scene.slipFooter));
    slips_.setLogoPng(QByteArray::fromBase64(QByteArray::fromStdString(scene.logoPngBase64)));
}

}  // namespace lobby::journeys
