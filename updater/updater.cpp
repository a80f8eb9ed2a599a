#include "updater/updater.h"

namespace lobby::updater {
namespace {

std::vector<update::ReleasePackage> packagesOf(const update::InstallRecord& record) {
    std::vector<update::ReleasePackage> packages;
    for (const auto& staged : record.to)
        packages.push_back({staged.name, staged.version, staged.file, staged.sha256, staged.size});
    return packages;
}

}  // namespace

Updater::Updater(platform::HttpsPlatformClient& client, update::InstallMachine& machine,
                 PlatformReleaseSource& source, SpooledReporter& reporter,
                 update::PackageManager& packages, update::UpdateHost& host, UpdaterSetup setup)
    : client_(client),
      machine_(machine),
      source_(source),
      reporter_(reporter),
      packages_(packages),
      host_(host),
      setup_(std::move(setup)) {}

Status Updater::open() {
    if (auto opened = machine_.open(); !opened) return opened;
    if (machine_.record()) source_.knowPackages(packagesOf(*machine_.record()));
    return {};
}

Updater::Turn Updater::turn() {
    reporter_.flush();
    if (machine_.busy()) {
        const auto next = machine_.step();
        Turn turn;
        turn.wait_ms = next.idle ? 0 : next.wait_ms;
        return turn;
    }
    return ask();
}

Updater::Turn Updater::ask() {
    Turn turn;
    turn.asked = true;
    turn.wait_ms = setup_.pollEvery_ms;
    auto offer = client_.releaseOffer();
    if (!offer) {
        turn.refusal = offer.error().code;
        return turn;
    }
    if (!offer.value()) return turn;
    const auto& given = *offer.value();
    // The installed version of the package the release names first, read before judging it.
    std::string installed;
    if (auto manifest = update::parseReleaseManifest(given.manifestJson)) {
        auto version = packages_.installedVersion(manifest->mainPackage().name);
        if (!version) {
            turn.refusal = version.error().code;
            return turn;
        }
        installed = *version;
    }
    const update::KioskFacts facts{setup_.terminalId,        setup_.sceneType(),
                                   installed,                machine_.state().counterFloor,
                                   machine_.state().failedManifests, host_.now_ms() / 1000};
    auto verified = update::checkOffer({given.manifestJson, given.manifestSignature,
                                        given.assignmentJson, given.assignmentSignature},
                                       facts, setup_.trustDirectory);
    if (!verified) {
        turn.refusal = verified.error().code;
        abandonOffer(given.assignmentJson, verified.error());
        return turn;
    }
    source_.knowPackages(verified->manifest.packages);
    if (auto accepted = machine_.accept(verified.value()); !accepted) {
        turn.refusal = accepted.error().code;
        return turn;
    }
    turn.accepted = true;
    turn.wait_ms = 0;
    return turn;
}

void Updater::abandonOffer(const std::string& assignmentJson, const Error& why) {
    // Only a rollout the platform named (its assignment readable) can be told; a forged or
    // garbled one is left to expire.
    auto assignment = update::parseAssignment(assignmentJson);
    if (!assignment || assignment->terminalId != setup_.terminalId) return;
    update::UpdateEvent event;
    event.rolloutId = assignment->rolloutId;
    event.phase = update::UpdatePhase::Abandoned;
    event.ok = false;
    event.errorCode = why.code;
    event.logTail = why.message.substr(0, 400);
    reporter_.report(event);
}

}  // namespace lobby::updater
