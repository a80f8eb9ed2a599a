#pragma once
// Everything a scene config decides, applied to the kiosk (between patients: SceneService sees
// to that): functions and their order, opening hours, the hospital's name and colour, voice
// guidance, timeouts, payment methods, the slips' footer and logo.

#include "scene/scene.h"

namespace lobby::core {
class FunctionCatalog;
class KioskInfo;
class SessionController;
}  // namespace lobby::core

namespace lobby::journeys {

class BookingFlow;
class PickUpFlow;
class SlipDesk;

class SceneApplier {
public:
    SceneApplier(core::KioskInfo& kiosk, core::FunctionCatalog& catalog,
                 core::SessionController& session, BookingFlow& booking, PickUpFlow& pickup,
                 SlipDesk& slips);
    void apply(const scene::Scene& scene);

private:
    core::KioskInfo& kiosk_;
    core::FunctionCatalog& catalog_;
    core::SessionController& session_;
    BookingFlow& booking_;
    PickUpFlow& pickup_;
    SlipDesk& slips_;
};

}  // namespace lobby::journeys
