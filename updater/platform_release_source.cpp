#include "updater/platform_release_source.h"

namespace lobby::updater {

std::vector<std::string> debianFileNames(const std::string& name, const std::string& version) {
    const auto colon = version.find(':');
    const std::string bare = colon == std::string::npos ? version : version.substr(colon + 1);
    return {name + "_" + bare + "_all.deb", name + "_" + bare + "_amd64.deb"};
}

Status PlatformReleaseSource::fetch(const std::string& name, const std::string& version,
                                    const std::string& destination) {
    for (const auto& package : known_) {
        if (package.name == name && package.version == version) {
            return client_.downloadPackage(package.file, destination, package.size);
        }
    }
    Error last = makeError(ErrorKind::NotFound, "update.package_unknown",
                           "no file of " + name + " " + version + " on the platform");
    for (const auto& file : debianFileNames(name, version)) {
        auto fetched = client_.downloadPackage(file, destination, update::kMaxPackageBytes);
        if (fetched) return fetched;
        last = fetched.error();
        if (last.code != "not_found") break;  // only a missing name is worth another
    }
    return last;
}

}  // namespace lobby::updater
