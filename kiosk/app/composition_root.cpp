#include "app/composition_root.h"

#include "app/update_lease_server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>

#include "app/device_hub.h"
#include "app/doctor_photo_provider.h"
#include "app/health_report.h"
#include "app/journey_timings.h"
#include "app/language_service.h"
#include "app/qr_image_provider.h"
#include "app/qt_speaker.h"
#include "app/screen_files.h"
#include "app/screenshot_recorder.h"
#include "app/service_notifier.h"
#include "app/simulation.h"
#include "app/update_lease_server.h"
#include "core/memory_policy.h"
#include "core/qml_exposure.h"
#include "input/pinyin_decoder.h"
#include "journeys/bills_flow.h"
#include "journeys/booking_flow.h"
#include "journeys/booking_list_flow.h"
#include "journeys/identity_resolver.h"
#include "journeys/invoices_flow.h"
#include "journeys/move_flow.h"
#include "journeys/name_entry.h"
#include "journeys/pickup_flow.h"
#include "journeys/reports_flow.h"
#include "journeys/scene_applier.h"
#include "journeys/slip_desk.h"
#include "journeys/stop_notice_flow.h"
#include "journeys/transaction_recovery.h"
#include "logging/categories.h"
#include "logging/log_setup.h"
#include "platform/https_platform_client.h"
#include "scene/scene_store.h"
#include "services/platform_service.h"
#include "services/scene_service.h"
#include "setup/from_settings.h"

namespace lobby::app {
namespace {

const QUrl kMainQml(QStringLiteral("qrc:/qt/qml/Lobby/App/Main.qml"));
const QString kQmlResourceRoot = QStringLiteral(":/qt/qml/Lobby");

core::SessionTiming timingFrom(const config::Settings& settings) {
    using namespace config::keys;
    return {settings.intValue(kIdleTimeout_s) * 1000, settings.intValue(kIdleCountdown_s) * 1000,
            settings.intValue(kFarewell_s) * 1000};
}

core::KioskDisplay displayFrom(const config::Settings& settings) {
    using namespace config::keys;
    return {settings.intValue(kDisplayWidth), settings.intValue(kDisplayHeight),
            settings.boolValue(kDisplayFullscreen)};
}

// How often the health report file is rewritten: `kioskctl` calls one older than three of these
// stale (the kiosk is not running, or hung).
constexpr std::chrono::seconds kHealthFileEvery{10};

bool isSingletonFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains("pragma Singleton");
}

}  // namespace

CompositionRoot::CompositionRoot(const config::Settings& settings, AppOptions options)
    : options_(std::move(options)),
      session_(timingFrom(settings), &catalog_),
      kiosk_(settings.stringValue(config::keys::kHospitalName),
             settings.stringValue(config::keys::kUiLanguage), displayFrom(settings)) {
    engine_.addImportPath(QStringLiteral("qrc:/qt/qml"));
    session_.setScreenFiles(&ScreenFiles::forScreen);
    devices_ = std::make_unique<DeviceHub>(settings, session_, catalog_);
    buildPlatform(settings);
    buildJourneys(settings);
    buildScenes(settings);
    health_ = std::make_unique<HealthReport>(HealthReport::Sources{
        devices_.get(), platform_.get(), scenes_.get(), journal_.get(),
        settings.stringValue(config::keys::kTerminalId).toStdString(),
        static_cast<long>(QDateTime::currentSecsSinceEpoch()), installedProductPackages()});
    if (const QString path = settings.stringValue(config::keys::kHealthReportPath);
        !path.isEmpty()) {
        healthFile_ = std::make_unique<HealthFile>(*health_, path.toStdString(), kHealthFileEvery);
        connect(devices_.get(), &DeviceHub::healthChanged, healthFile_.get(), &HealthFile::write);
    }
    if (const QString path = settings.stringValue(config::keys::kUpdateLeaseSocket);
        !path.isEmpty()) {
        leaseServer_ = std::make_unique<UpdateLeaseServer>(session_);
        if (auto listening = leaseServer_->listen(path.toStdString()); !listening) {
            qCWarning(lcKiosk) << "no update lease:" << listening.error().message.c_str();
            leaseServer_.reset();
        }
    }
    buildMaintenance(settings);
    voice_ = std::make_unique<core::VoiceGuide>(session_, kiosk_, std::make_unique<QtSpeaker>());
    exposeServices();
    language_ = std::make_unique<LanguageService>(&kiosk_, &session_, &engine_);
    if (!options_.screenshotDir.isEmpty()) {
        screenshots_ =
            std::make_unique<ScreenshotRecorder>(options_.screenshotDir, &session_, &kiosk_);
    }
    if (options_.reportTimings) buildTimings();
    memory_ = std::make_unique<core::MemoryPolicy>(session_, [this] { engine_.collectGarbage(); });
    qApp->installEventFilter(this);
}

void CompositionRoot::buildTimings() {
    timings_ = std::make_unique<JourneyTimings>();
    auto* timings = timings_.get();
    connect(devices_.get(), &DeviceHub::cardPresented, timings, &JourneyTimings::cardPlaced);
    connect(devices_.get(), &DeviceHub::identityRead, timings, &JourneyTimings::cardRead);
    if (platform_) {
        connect(platform_.get(), &services::PlatformService::callTimed, timings,
                &JourneyTimings::platformCall);
    }
    connect(slips_.get(), &journeys::SlipDesk::printTimed, timings, &JourneyTimings::slipPrinted);
    connect(pickup_.get(), &journeys::PickUpFlow::changed, timings, &JourneyTimings::screenChanged);
    connect(booking_.get(), &journeys::BookingFlow::changed, timings,
            &JourneyTimings::screenChanged);
    connect(bills_.get(), &journeys::BillsFlow::changed, timings, &JourneyTimings::screenChanged);
    connect(reports_.get(), &journeys::ReportsFlow::changed, timings,
            &JourneyTimings::screenChanged);
    connect(invoices_.get(), &journeys::InvoicesFlow::changed, timings,
            &JourneyTimings::screenChanged);
    connect(bookingList_.get(), &journeys::BookingListFlow::changed, timings,
            &JourneyTimings::screenChanged);
    connect(&session_, &core::SessionController::screenChanged, timings,
            &JourneyTimings::screenChanged);
    connect(&session_, &core::SessionController::stateChanged, timings, [this] {
        if (session_.currentState() == core::SessionState::Done) timings_->doneShown();
    });
}

void CompositionRoot::buildPlatform(const config::Settings& settings) {
    using namespace config::keys;
    if (settings.stringValue(kPlatformBackend) == QLatin1String("none")) {
        qCInfo(lcPlatform) << "no appointment platform configured";
        return;
    }
    platform_ = std::make_unique<services::PlatformService>(
        std::make_unique<platform::HttpsPlatformClient>(setup::platformClient(settings)),
        std::chrono::seconds(settings.intValue(kPlatformHeartbeat_s)));
    connect(platform_.get(), &services::PlatformService::reachabilityChanged, &catalog_,
            &core::FunctionCatalog::setPlatformConnected);
    // Whatever the patient was waiting for is cancelled the moment they leave.
    connect(&session_, &core::SessionController::patientLeft, platform_.get(),
            &services::PlatformService::endSession);
    connect(devices_.get(), &DeviceHub::healthChanged, platform_.get(),
            &services::PlatformService::sendHeartbeat);
    platform_->setHealthSource([this] { return health_->heartbeat(); });
}

void CompositionRoot::buildJourneys(const config::Settings& settings) {
    using namespace config::keys;
    registration_ = std::make_unique<journeys::PatientRegistration>(session_, platform_.get());
    names_ =
        std::make_unique<journeys::NameEntry>(session_, input::PinyinDecoder::systemDictionary());
    family_ = std::make_unique<journeys::FamilyChooser>(session_, platform_.get(), names_.get());
    identity_ = std::make_unique<journeys::IdentityResolver>(session_, platform_.get(),
                                                             *registration_, family_.get());
    connect(devices_.get(), &DeviceHub::identityRead, identity_.get(),
            &journeys::IdentityResolver::resolve);
    connect(devices_.get(), &DeviceHub::tokenScanned, identity_.get(),
            &journeys::IdentityResolver::resolveToken);
    connect(identity_.get(), &journeys::IdentityResolver::holderAge, &kiosk_,
            &core::KioskInfo::patientAge);
    connect(devices_.get(), &DeviceHub::cardPresented, &session_,
            &core::SessionController::noteCardUsed);
    if (platform_) {
        // Without its journal the kiosk takes no money step (the flows refuse them).
        auto opened =
            journal::TransactionJournal::open(settings.stringValue(kJournalPath).toStdString());
        if (opened) {
            journal_ = std::move(opened.value());
            journal_->setCrashPoint(options_.crashAt);
        } else {
            qCCritical(lcJourney) << "journal:" << opened.error().message.c_str()
                                  << "- bookings, payments and refunds are refused";
        }
    }
    slips_ = std::make_unique<journeys::SlipDesk>(devices_->printer(),
                                                  settings.stringValue(kHospitalName),
                                                  settings.stringValue(kHospitalQueueUrl));
    // A printer endpoint that does not parse has been logged by the hub, which built no printer.
    if (const auto endpoint = setup::printerEndpoint(settings)) slips_->setPaper(endpoint->paper);
    journeys::BookingPolicy policy;
    policy.paymentWindow_s = settings.intValue(kPaymentWindow_s);
    pickup_ = std::make_unique<journeys::PickUpFlow>(session_, platform_.get(), *slips_,
                                                     journal_.get(), policy);
    booking_ = std::make_unique<journeys::BookingFlow>(session_, platform_.get(), *slips_,
                                                       journal_.get(), policy);
    bookingList_ = std::make_unique<journeys::BookingListFlow>(session_, platform_.get(), *slips_,
                                                               journal_.get());
    move_ =
        std::make_unique<journeys::MoveFlow>(session_, platform_.get(), *slips_, journal_.get());
    bills_ = std::make_unique<journeys::BillsFlow>(session_, platform_.get(), *slips_,
                                                   journal_.get(), journeys::BillsPolicy{});
    reports_ = std::make_unique<journeys::ReportsFlow>(session_, platform_.get(), *slips_,
                                                       journal_.get(), devices_->a4Printer());
    invoices_ = std::make_unique<journeys::InvoicesFlow>(session_, platform_.get(), *slips_,
                                                         journal_.get(), devices_->a4Printer());
    connect(devices_.get(), &DeviceHub::insuranceCardRead, bills_.get(),
            &journeys::BillsFlow::noteCard);
    devices_->setScanTaker([bills = bills_.get()](const QString& kind, const QString& token) {
        return bills->takeScan(kind, token);
    });
    stopNotices_ = std::make_unique<journeys::StopNoticeFlow>(session_, platform_.get(), *slips_,
                                                              journal_.get());
    connect(slips_.get(), &journeys::SlipDesk::printed, &session_,
            &core::SessionController::noteSlipPrinted);
    if (platform_ && journal_) {
        recovery_ = std::make_unique<journeys::TransactionRecovery>(
            session_, *platform_, *journal_, *slips_,
            std::chrono::seconds(settings.intValue(kJournalReconcile_s)));
    }
}

void CompositionRoot::buildScenes(const config::Settings& settings) {
    using namespace config::keys;
    sceneStore_ = setup::sceneStore(settings);
    sceneApplier_ = std::make_unique<journeys::SceneApplier>(kiosk_, catalog_, session_, *booking_,
                                                             *pickup_, *slips_);
    scenes_ = std::make_unique<services::SceneService>(
        *sceneStore_, platform_.get(), session_,
        std::chrono::seconds(settings.intValue(kScenePoll_s)),
        [this](const scene::Scene& scene) { sceneApplier_->apply(scene); });
}

void CompositionRoot::buildMaintenance(const config::Settings& settings) {
    using namespace config::keys;
    core::MaintenanceActions actions;
    actions.statusLines = [this] { return health_->maintenanceLines(); };
    actions.printTestSlip =
        [this, terminal = settings.stringValue(kTerminalId)](std::function<void(bool)> done) {
            const printer::SlipFields fields = {
                {"terminal_id", terminal.toStdString()},
                {"printed_at",
                 QDateTime::currentDateTime().toString("yyyy-MM-dd HH:mm").toStdString()}};
            slips_->print(QStringLiteral("test_page"), fields, "test-page", std::move(done));
        };
    actions.leaveApp = [] { QCoreApplication::exit(core::kExitTechnicianLeft); };
    maintenance_ = std::make_unique<core::MaintenanceController>(
        session_, settings.stringValue(kMaintenancePinHash), std::move(actions),
        &core::PinAttemptStore::bootClock_ms,
        core::PinAttemptStore(settings.stringValue(kMaintenanceAttemptsPath),
                              core::PinAttemptStore::currentBootId()));
}

CompositionRoot::~CompositionRoot() {
    qApp->removeEventFilter(this);
}

void CompositionRoot::exposeServices() {
    core::exposeToQml(&engine_, core::SessionController::kQmlName, &session_);
    core::exposeToQml(&engine_, core::KioskInfo::kQmlName, &kiosk_);
    core::exposeToQml(&engine_, core::MaintenanceController::kQmlName, maintenance_.get());
    core::exposeToQml(&engine_, core::VoiceGuide::kQmlName, voice_.get());
    core::exposeToQml(&engine_, journeys::IdentityResolver::kQmlName, identity_.get());
    core::exposeToQml(&engine_, journeys::PatientRegistration::kQmlName, registration_.get());
    core::exposeToQml(&engine_, journeys::FamilyChooser::kQmlName, family_.get());
    core::exposeToQml(&engine_, journeys::NameEntry::kQmlName, names_.get());
    core::exposeToQml(&engine_, journeys::PickUpFlow::kQmlName, pickup_.get());
    core::exposeToQml(&engine_, journeys::BookingFlow::kQmlName, booking_.get());
    core::exposeToQml(&engine_, journeys::BookingListFlow::kQmlName, bookingList_.get());
    core::exposeToQml(&engine_, journeys::MoveFlow::kQmlName, move_.get());
    core::exposeToQml(&engine_, journeys::BillsFlow::kQmlName, bills_.get());
    core::exposeToQml(&engine_, journeys::ReportsFlow::kQmlName, reports_.get());
    core::exposeToQml(&engine_, journeys::InvoicesFlow::kQmlName, invoices_.get());
    core::exposeToQml(&engine_, journeys::StopNoticeFlow::kQmlName, stopNotices_.get());
    engine_.addImageProvider(QString::fromLatin1(QrImageProvider::kName), new QrImageProvider);
    engine_.addImageProvider(QString::fromLatin1(DoctorPhotoProvider::kName),
                             new DoctorPhotoProvider(platform_.get()));
}

bool CompositionRoot::start() {
    engine_.load(kMainQml);
    if (engine_.rootObjects().isEmpty()) {
        qCCritical(lcKiosk) << "the user interface failed to load";
        return false;
    }
    window_ = qobject_cast<QQuickWindow*>(engine_.rootObjects().constFirst());
    if (window_ == nullptr) {
        qCCritical(lcKiosk) << "Main.qml's root is not a window";
        return false;
    }
    connect(window_, &QQuickWindow::frameSwapped, this, &CompositionRoot::onFirstFrame,
            Qt::SingleShotConnection);
    devices_->start();
    scenes_->start();  // before the heartbeat, which reports the scene's version
    if (platform_) platform_->start();
    if (recovery_) recovery_->start();
    if (healthFile_) healthFile_->start();
    notifier_ = std::make_unique<ServiceNotifier>();
    notifier_->attach(window_);
    if (screenshots_) screenshots_->attach(window_);
    if (timings_) timings_->attach(window_);
    if (!options_.journeyPath.isEmpty()) {
        JourneyHooks hooks;
        hooks.session = &session_;
        hooks.ready = [this] { return !screenshots_ || screenshots_->isIdle(); };
        hooks.devices = [this](const QString& action, const QString& argument) {
            return devices_->control(action, argument);
        };
        auto journey = startScriptedJourney(options_, window_, std::move(hooks));
        if (!journey) {
            qCCritical(lcUi) << journey.error().message.c_str();
            return false;
        }
        journey_ = std::move(journey.value());
    }
    return true;
}

void CompositionRoot::onFirstFrame() {
    const qint64 sinceMain_ms = QDateTime::currentMSecsSinceEpoch() - options_.mainEntered_ms;
    if (options_.reportStartup) {
        std::printf("{\"event\":\"first_frame\",\"since_main_ms\":%lld}\n",
                    static_cast<long long>(sinceMain_ms));
        std::fflush(stdout);
    }
    qCInfo(lcKiosk) << "first frame shown" << sinceMain_ms << "ms after start";
}

bool CompositionRoot::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
            if (watched == window_) {
                session_.noteActivity();
                if (timings_ && event->type() == QEvent::MouseButtonPress) timings_->tapped();
            }
            break;
        default:
            break;
    }
    return QObject::eventFilter(watched, event);
}

int CompositionRoot::runSelfTest() {
    int files = 0;
    int failures = 0;
    QDirIterator it(kQmlResourceRoot, {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (isSingletonFile(path)) continue;  // loaded through their importers instead
        QQmlComponent component(&engine_, QUrl(QStringLiteral("qrc") + path));
        ++files;
        if (component.isError()) {
            ++failures;
            std::fprintf(stderr, "self-test: %s\n", qPrintable(component.errorString()));
        }
    }
    int screens = 0;
    for (const QString& url : ScreenFiles::allUrls()) {
        QQmlComponent component(&engine_, QUrl(url));
        std::unique_ptr<QObject> screen(component.create());
        ++screens;
        if (!screen) {
            ++failures;
            std::fprintf(stderr, "self-test: cannot create %s: %s\n", qPrintable(url),
                         qPrintable(component.errorString()));
        }
    }
    std::printf("self-test: %d QML files compiled, %d screens created, %d failures\n", files,
                screens, failures);
    return (failures == 0 && files > 0) ? 0 : 1;
}

}  // namespace lobby::app
