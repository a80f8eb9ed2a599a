#pragma once
// The updater's loop, one turn at a time: events spooled so far go out first; an install under way
// takes its next step; otherwise the platform is asked for this terminal's release, which is
// checked (update/release_offer.h) before anything is downloaded. An offer that does not check is
// reported abandoned (so the platform gives the hospital's slot back) and never taken. main.cpp
// runs turns until stopped; tests run them against the sandbox.

#include <cstdint>
#include <functional>
#include <string>

#include "common/error.h"
#include "platform/https_platform_client.h"
#include "update/install_machine.h"
#include "updater/platform_release_source.h"
#include "updater/spooled_reporter.h"

namespace lobby::updater {

struct UpdaterSetup {
    std::string terminalId;
    std::string trustDirectory;               // release/ and platform/ keys
    std::function<std::string()> sceneType;   // the applied scene's, read at each offer
    std::int64_t pollEvery_ms = 10 * 60'000;  // between asks when nothing is under way
};

class Updater {
public:
    Updater(platform::HttpsPlatformClient& client, update::InstallMachine& machine,
            PlatformReleaseSource& source, SpooledReporter& reporter,
            update::PackageManager& packages, update::UpdateHost& host, UpdaterSetup setup);

    // Opens the machine; an install found under way resumes with its packages known again.
    Status open();

    struct Turn {
        bool asked = false;        // the platform was asked for an offer this turn
        bool accepted = false;     // and one was taken
        std::int64_t wait_ms = 0;  // before the next turn
        std::string refusal;       // why an offer was not taken (its error code)
    };
    Turn turn();

private:
    Turn ask();
    void abandonOffer(const std::string& assignmentJson, const Error& why);

    platform::HttpsPlatformClient& client_;
    update::InstallMachine& machine_;
    PlatformReleaseSource& source_;
    SpooledReporter& reporter_;
    update::PackageManager& packages_;
    update::UpdateHost& host_;
    UpdaterSetup setup_;
};

}  // namespace lobby::updater
