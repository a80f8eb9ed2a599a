#include "journeys/checkin_outcome.h"

#include "journeys/booking_view.h"
#include "journeys/slip_fields.h"

namespace lobby::journeys {
namespace {
// The pick-up's words since the pick-up came first; the translations keep their context.
const char* const kCtx = "PickUpFlow";
const char* const kCheckedIn = QT_TRANSLATE_NOOP("PickUpFlow", "You are checked in");
const char* const kRegistered =
    QT_TRANSLATE_NOOP("PickUpFlow", "Registered for today and checked in");
const char* const kFeePaid = QT_TRANSLATE_NOOP("PickUpFlow", "Fee paid");
const char* const kQueueNumber = QT_TRANSLATE_NOOP("PickUpFlow", "Your queue number");
const char* const kClinicRoom = QT_TRANSLATE_NOOP("PickUpFlow", "Clinic room");
const char* const kTime = QT_TRANSLATE_NOOP("PickUpFlow", "Time");
const char* const kDoctor = QT_TRANSLATE_NOOP("PickUpFlow", "Doctor");
const char* const kSlip = QT_TRANSLATE_NOOP("PickUpFlow", "Slip");
const char* const kSlipPrinted = QT_TRANSLATE_NOOP("PickUpFlow", "Printed: please take it");
const char* const kSlipFailed =
    QT_TRANSLATE_NOOP("PickUpFlow", "Not printed: show this screen or your ID card at the clinic");
}  // namespace

core::JourneyOutcome checkedInOutcome(const platform::Booking& booking,
                                      const platform::CheckIn& checkIn, bool slipPrinted,
                                      bool registered) {
    const Wayfinding way = wayfindingFor(checkIn);
    core::JourneyOutcome outcome;
    outcome.title = {kCtx, registered ? kRegistered : kCheckedIn};
    outcome.headlineLabel = {kCtx, kQueueNumber};
    outcome.headline = QString::fromStdString(checkIn.queueNumber);
    outcome.rows = {
        {{kCtx, kClinicRoom},
         core::TranslatableText::bilingual(QString::fromStdString(checkIn.clinicRoomZh),
                                           QString::fromStdString(checkIn.clinicRoomEn))},
        {{kCtx, kTime},
         core::TranslatableText::verbatim(QString::fromStdString(checkIn.timeWindow))},
        {{kCtx, kDoctor},
         core::TranslatableText::verbatim(
             QString::fromStdString(booking.visit.doctorName + " " + booking.visit.doctorTitle))},
        {{kCtx, kSlip}, {kCtx, slipPrinted ? kSlipPrinted : kSlipFailed}},
    };
    if (registered) {
        outcome.rows.insert(
            outcome.rows.end() - 1,
            {{kCtx, kFeePaid}, core::TranslatableText::verbatim(feeText(booking.feeFen))});
    }
    // Where to go now, stressed above the rows and said aloud.
    outcome.next = core::TranslatableText::bilingual(QString::fromStdString(way.zh),
                                                     QString::fromStdString(way.en));
    return outcome;
}

}  // namespace lobby::journeys
