// The demo and test build: simulated devices and scripted journeys (see simulation.h).
#include "app/simulation.h"

#include <QCoreApplication>
#include <QDir>
#include <cstdio>

#include "app/journey_driver.h"
#include "core/process_memory.h"
#include "sim/idcard/sam_emulator.h"
#include "sim/idcard/sam_transport_sim.h"
#include "sim/scanner/queued_scan_source.h"
#include "sim/smartcard/vpcd_card.h"

namespace lobby::app {
namespace {

class Simulators final : public SimulatedDevices {
public:
    std::unique_ptr<idcard::Transport> idCardTransport(int baud,
                                                       std::chrono::milliseconds read) override {
        idCardEmulator_ = std::make_unique<sim::SamEmulator>();
        sim::SamLatencies latencies;
        latencies.read = read;
        idCardEmulator_->setLatencies(latencies);
        return std::make_unique<sim::LoopbackTransport>(*idCardEmulator_, baud);
    }

    void startVirtualSsc(unsigned short vpcdPort) override {
        virtualSsc_ = std::make_unique<sim::VpcdCard>(vpcdPort);
    }

    devices::ScannerService::SourceFactory scanSource() override {
        scanQueue_ = std::make_shared<sim::ScanQueue>();
        return [queue = scanQueue_]() -> Result<std::unique_ptr<scanner::ScanSource>> {
            return sim::makeQueuedScanSource(queue);
        };
    }

    Status control(const QString& action, const QString& argument) override;

private:
    Status idCardStep(const QString& action, const QString& argument);
    Status sscStep(const QString& action, const QString& argument);

    std::unique_ptr<sim::SamEmulator> idCardEmulator_;  // devices.idcard.backend = simulated
    std::unique_ptr<sim::VpcdCard> virtualSsc_;         // devices.ssc.backend = simulated
    std::shared_ptr<sim::ScanQueue> scanQueue_;         // devices.scanner.backend = simulated
};

Status noSimulator(const char* steps, const char* key) {
    return makeError(ErrorKind::InvalidArgument, "journey.no_simulator",
                     std::string(steps) + " steps need " + key + " = simulated");
}

Status Simulators::idCardStep(const QString& action, const QString& argument) {
    if (!idCardEmulator_) return noSimulator("card", "devices.idcard.backend");
    if (action == QLatin1String("remove_card")) {
        idCardEmulator_->removeCard();
        return {};
    }
    if (action == QLatin1String("idcard_fault")) {
        const auto fault = sim::parseFault(argument.toStdString());
        if (!fault) {
            return makeError(ErrorKind::InvalidArgument, "journey.idcard_fault",
                             "idcard_fault needs a fault name (none, bad_checksum, truncated, "
                             "silent, removed_before_read)");
        }
        idCardEmulator_->setFault(*fault);
        return {};
    }
    const sim::SimCard* card = sim::findCard(argument.toStdString());
    if (card == nullptr) {
        return makeError(ErrorKind::InvalidArgument, "journey.unknown_card",
                         "no simulated ID card '" + argument.toStdString() + "'");
    }
    idCardEmulator_->placeCard(*card);
    return {};
}

Status Simulators::sscStep(const QString& action, const QString& argument) {
    if (!virtualSsc_) return noSimulator("social-security card", "devices.ssc.backend");
    if (action == QLatin1String("remove_ssc")) {
        virtualSsc_->remove();
        return {};
    }
    const QStringList words = argument.split(' ', Qt::SkipEmptyParts);
    const sim::SscHolder* holder =
        words.isEmpty() ? nullptr : sim::findSscHolder(words.front().toStdString());
    const auto fault = sim::parseSscFault(words.size() > 1 ? words[1].toStdString() : "none");
    if (holder == nullptr || !fault) {
        return makeError(ErrorKind::InvalidArgument, "journey.unknown_card",
                         "no simulated social-security card '" + argument.toStdString() + "'");
    }
    return virtualSsc_->insert(*holder, *fault);
}

Status Simulators::control(const QString& action, const QString& argument) {
    if (action == QLatin1String("place_card") || action == QLatin1String("remove_card") ||
        action == QLatin1String("idcard_fault")) {
        return idCardStep(action, argument);
    }
    if (action == QLatin1String("insert_ssc") || action == QLatin1String("remove_ssc")) {
        return sscStep(action, argument);
    }
    if (action == QLatin1String("scan")) {
        if (!scanQueue_) return noSimulator("scan", "devices.scanner.backend");
        scanQueue_->push(argument.toStdString());
        return {};
    }
    return makeError(ErrorKind::InvalidArgument, "journey.unknown_step",
                     "unknown device step '" + action.toStdString() + "'");
}

// The process's resources after a pass of a repeated journey: the soak's figures.
void reportPass(int pass) {
    const long rss_kb = core::residentSet_kb();
    const auto threads =
        QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size();
    const auto fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot).size();
    std::printf(
        "{\"event\":\"journey_pass\",\"pass\":%d,\"rss_kb\":%ld,\"fds\":%lld,"
        "\"threads\":%lld}\n",
        pass, rss_kb, static_cast<long long>(fds), static_cast<long long>(threads));
    std::fflush(stdout);
}

}  // namespace

bool buildHasSimulators() {
    return true;
}

std::unique_ptr<SimulatedDevices> makeSimulatedDevices() {
    return std::make_unique<Simulators>();
}

Result<std::unique_ptr<QObject>> startScriptedJourney(const AppOptions& options,
                                                      QQuickWindow* window, JourneyHooks hooks) {
    auto steps = JourneyDriver::loadSteps(options.journeyPath);
    if (!steps) return steps.error();
    auto journey = std::make_unique<JourneyDriver>(
        steps.value(), hooks.session, std::move(hooks.ready), std::move(hooks.devices));
    QObject::connect(journey.get(), &JourneyDriver::finished, qApp, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    journey->setRepeat(options.journeyRepeat);
    if (options.reportTimings)
        QObject::connect(journey.get(), &JourneyDriver::passFinished, journey.get(), &reportPass);
    journey->start(window);
    return std::unique_ptr<QObject>(std::move(journey));
}

}  // namespace lobby::app
