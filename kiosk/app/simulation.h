#pragma once
// What a build with simulators adds to the kiosk: simulated device transports behind
// devices.*.backend = simulated, and scripted journeys (--journey) walked through the real UI.
// The product (lobby-kiosk, the .deb) is linked with simulation_absent.cpp instead: it has no
// simulator, no journey driver and no Qt Test in it, and refuses both with a clear message.
// The demo and the end-to-end tests use lobby-kiosk-demo, linked with simulation.cpp.

#include <QObject>
#include <chrono>
#include <functional>
#include <memory>

#include "app/app_options.h"
#include "common/error.h"
#include "devices/scanner_service.h"
#include "idcard/transport.h"

class QQuickWindow;

namespace lobby::core {
class SessionController;
}

namespace lobby::app {

// Journey steps acting on devices: place_card KEY | remove_card | idcard_fault NAME |
// insert_ssc KEY [FAULT] | remove_ssc | scan TEXT.
using DeviceControl = std::function<Status(const QString& action, const QString& argument)>;

class SimulatedDevices {
public:
    virtual ~SimulatedDevices() = default;
    virtual std::unique_ptr<idcard::Transport> idCardTransport(int baud,
                                                               std::chrono::milliseconds read) = 0;
    // A virtual social-security card that pcscd's vpcd reader connects to.
    virtual void startVirtualSsc(unsigned short vpcdPort) = 0;
    virtual devices::ScannerService::SourceFactory scanSource() = 0;
    virtual Status control(const QString& action, const QString& argument) = 0;
};

// False in the product build.
bool buildHasSimulators();
// Null in the product build.
std::unique_ptr<SimulatedDevices> makeSimulatedDevices();

struct JourneyHooks {
    core::SessionController* session = nullptr;
    std::function<bool()> ready;  // when the next step may run (no screenshot pending)
    DeviceControl devices;
};
// Starts walking options.journeyPath (repeated options.journeyRepeat times, each pass's
// resources printed with --report-timings); the app exits when it ends. An error in the
// product build, or when the script cannot be read.
Result<std::unique_ptr<QObject>> startScriptedJourney(const AppOptions& options,
                                                      QQuickWindow* window, JourneyHooks hooks);

}  // namespace lobby::app
