#pragma once
// Builds every driver and service of the kiosk with explicit lifetimes, hands them to QML, and
// tears them down in reverse order (the engine, declared last, goes first). This and main()
// are the only places that know the concrete types.

#include <QObject>
#include <QQmlApplicationEngine>
#include <memory>

#include "app/app_options.h"
#include "config/settings.h"
#include "core/function_catalog.h"
#include "core/kiosk_info.h"
#include "core/maintenance_controller.h"
#include "core/memory_policy.h"
#include "core/session_controller.h"
#include "core/voice_guide.h"

class QQuickWindow;

namespace lobby::services {
class PlatformService;
class SceneService;
}  // namespace lobby::services
namespace lobby::scene {
class SceneStore;
struct Scene;
}  // namespace lobby::scene
namespace lobby::journeys {
class BillsFlow;
class ReportsFlow;
class InvoicesFlow;
class BookingFlow;
class BookingListFlow;
class IdentityResolver;
class PatientRegistration;
class FamilyChooser;
class NameEntry;
class MoveFlow;
class StopNoticeFlow;
class PickUpFlow;
class SceneApplier;
class SlipDesk;
class TransactionRecovery;
}  // namespace lobby::journeys

namespace lobby::app {

class DeviceHub;
class HealthReport;
class HealthFile;
class UpdateLeaseServer;
class JourneyTimings;
class LanguageService;
class ScreenshotRecorder;
class ServiceNotifier;

class CompositionRoot : public QObject {
    Q_OBJECT
public:
    CompositionRoot(const config::Settings& settings, AppOptions options);
    ~CompositionRoot() override;

    // Loads the UI and starts the devices; returns false if the UI failed to load.
    bool start();
    // --self-test: compiles every QML file and instantiates every screen; returns the exit code.
    int runSelfTest();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void exposeServices();
    void buildPlatform(const config::Settings& settings);
    void buildJourneys(const config::Settings& settings);
    void buildScenes(const config::Settings& settings);
    void buildMaintenance(const config::Settings& settings);
    void onFirstFrame();
    void buildTimings();

    AppOptions options_;
    core::FunctionCatalog catalog_;
    core::SessionController session_;
    core::KioskInfo kiosk_;
    std::unique_ptr<DeviceHub> devices_;
    std::unique_ptr<services::PlatformService> platform_;   // null: platform.backend = none
    std::unique_ptr<journal::TransactionJournal> journal_;  // null: none, or it failed to open
    std::unique_ptr<journeys::PatientRegistration> registration_;
    std::unique_ptr<journeys::NameEntry> names_;
    std::unique_ptr<journeys::FamilyChooser> family_;
    std::unique_ptr<journeys::IdentityResolver> identity_;
    std::unique_ptr<journeys::SlipDesk> slips_;
    std::unique_ptr<journeys::PickUpFlow> pickup_;
    std::unique_ptr<journeys::BookingFlow> booking_;
    std::unique_ptr<journeys::BillsFlow> bills_;
    std::unique_ptr<journeys::ReportsFlow> reports_;
    std::unique_ptr<journeys::InvoicesFlow> invoices_;
    std::unique_ptr<journeys::BookingListFlow> bookingList_;
    std::unique_ptr<journeys::MoveFlow> move_;
    std::unique_ptr<journeys::StopNoticeFlow> stopNotices_;
    std::unique_ptr<journeys::TransactionRecovery> recovery_;
    std::unique_ptr<scene::SceneStore> sceneStore_;
    std::unique_ptr<journeys::SceneApplier> sceneApplier_;
    std::unique_ptr<services::SceneService> scenes_;
    std::unique_ptr<HealthReport> health_;  // the heartbeat's and the maintenance screen's
    std::unique_ptr<UpdateLeaseServer> leaseServer_;  // null when update.lease_socket is empty
    std::unique_ptr<HealthFile> healthFile_;  // kioskctl's; null when health.report_path is empty
    std::unique_ptr<core::MaintenanceController> maintenance_;
    std::unique_ptr<core::VoiceGuide> voice_;
    std::unique_ptr<core::MemoryPolicy> memory_;
    std::unique_ptr<ScreenshotRecorder> screenshots_;
    std::unique_ptr<ServiceNotifier> notifier_;  // systemd: ready, watchdog, stopping
    std::unique_ptr<QObject> journey_;           // --journey (lobby-kiosk-demo)
    std::unique_ptr<JourneyTimings> timings_;    // --report-timings
    QQmlApplicationEngine engine_;
    std::unique_ptr<LanguageService> language_;
    QQuickWindow* window_ = nullptr;
};

}  // namespace lobby::app
