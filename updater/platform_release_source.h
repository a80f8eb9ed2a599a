#pragma once
// Packages from the platform (GET /v1/terminals/self/packages/{file}) as the install machine
// fetches them, by name and version: the offered release's own files by the manifest's names; a
// last known good package that is not kept here by Debian's file naming (NAME_VERSION_ARCH.deb,
// the epoch left out), for the architectures this kiosk installs. Each download is written to a
// new file and held to the size the manifest signed (or the largest package there may be).

#include <cstdint>
#include <string>
#include <vector>

#include "platform/https_platform_client.h"
#include "update/release_manifest.h"
#include "update/update_ports.h"

namespace lobby::updater {

class PlatformReleaseSource final : public update::ReleaseSource {
public:
    explicit PlatformReleaseSource(platform::HttpsPlatformClient& client) : client_(client) {}

    // The packages of the release being installed (their file names and sizes).
    void knowPackages(std::vector<update::ReleasePackage> packages) {
        known_ = std::move(packages);
    }

    Status fetch(const std::string& name, const std::string& version,
                 const std::string& destination) override;

private:
    platform::HttpsPlatformClient& client_;
    std::vector<update::ReleasePackage> known_;
};

// Debian's file names for a package: NAME_VERSION_ARCH.deb with the epoch ("1:") left out.
std::vector<std::string> debianFileNames(const std::string& name, const std::string& version);

}  // namespace lobby::updater
