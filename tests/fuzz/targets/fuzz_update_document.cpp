// Any bytes as one of the updater's documents (the first byte picks which): a release manifest or
// an assignment from the platform, the install record and updater state read back from disk, or a
// line on the kiosk's lease socket (a request, an answer), or dpkg-query's paragraphs as the kiosk
// reads its installed versions from them.
// Each must answer with a document or a typed "update." error, never crash; what is accepted keeps
// the format's promises, and a record or state written back reads the same.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "update/debian_version.h"
#include "update/dpkg_status.h"
#include "update/install_record.h"
#include "update/lease_protocol.h"
#include "update/release_offer.h"

namespace {

template <typename T>
bool refusedProperly(const lobby::Result<T>& result) {
    return !result.error().message.empty() && result.error().code.rfind("update.", 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace lobby::update;
    if (size == 0) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 6) {
        case 0: {
            auto manifest = parseReleaseManifest(bytes);
            if (!manifest) {
                if (!refusedProperly(manifest)) __builtin_trap();
                return 0;
            }
            if (manifest->counter < 1 || manifest->counter > kMaxCounter ||
                manifest->packages.empty() || manifest->sceneTypes.empty() ||
                compareDebianVersions(manifest->minVersion, manifest->mainPackage().version) >= 0)
                __builtin_trap();
            for (const auto& package : manifest->packages) {
                if (package.file.find('/') != std::string::npos || package.size < 1 ||
                    package.size > kMaxPackageBytes || !isDebianVersion(package.version))
                    __builtin_trap();
            }
            return 0;
        }
        case 1: {
            auto assignment = parseAssignment(bytes);
            if (!assignment) {
                if (!refusedProperly(assignment)) __builtin_trap();
                return 0;
            }
            if (assignment->expiresAt_s <= assignment->issuedAt_s ||
                assignment->window.from_min < 0 || assignment->window.from_min >= 1440 ||
                assignment->window.to_min < 0 || assignment->window.to_min >= 1440)
                __builtin_trap();
            return 0;
        }
        case 2: {
            auto record = decodeRecord(bytes);
            if (!record) {
                if (!refusedProperly(record)) __builtin_trap();
                return 0;
            }
            auto again = decodeRecord(encodeRecord(*record));
            if (!again || encodeRecord(*again) != encodeRecord(*record)) __builtin_trap();
            return 0;
        }
        case 4: {
            if (auto request = parseLeaseRequest(bytes)) {
                std::string line = formatLeaseRequest(*request);
                line.pop_back();  // the newline the socket ends it with
                auto again = parseLeaseRequest(line);
                if (!again || again->kind != request->kind ||
                    again->duration_ms != request->duration_ms)
                    __builtin_trap();
            }
            if (auto answer = parseLeaseAnswer(bytes)) {
                if (parseLeaseAnswer(leaseAnswerLine(*answer)) != answer) __builtin_trap();
            }
            return 0;
        }
        case 5: {
            const auto packages = installedPackages(bytes, "lobby-kiosk");
            if (packages.size() > kMaxReportedPackages) __builtin_trap();
            for (const auto& [name, version] : packages) {
                if (name.rfind("lobby-kiosk", 0) != 0 || !isDebianVersion(version))
                    __builtin_trap();
            }
            return 0;
        }
        default: {
            auto state = decodeState(bytes);
            if (!state) {
                if (!refusedProperly(state)) __builtin_trap();
                return 0;
            }
            auto again = decodeState(encodeState(*state));
            if (!again || again->failedManifests != state->failedManifests ||
                again->counterFloor != state->counterFloor)
                __builtin_trap();
            return 0;
        }
    }
}
