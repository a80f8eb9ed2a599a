// The product build: no simulators, no journey driver (see simulation.h).
#include "app/simulation.h"

namespace lobby::app {

bool buildHasSimulators() {
    return false;
}

std::unique_ptr<SimulatedDevices> makeSimulatedDevices() {
    return nullptr;
}

Result<std::unique_ptr<QObject>> startScriptedJourney(const AppOptions&, QQuickWindow*,
                                                      JourneyHooks) {
    return makeError(ErrorKind::Unavailable, "journey.not_in_product",
                     "this build of lobby-kiosk walks no scripted journeys: use "
                     "lobby-kiosk-demo (built with LOBBY_WITH_SIMULATORS)");
}

}  // namespace lobby::app
