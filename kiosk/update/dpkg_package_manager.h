#pragma once
// The updater's PackageManager: dpkg itself, run without a shell, non-interactively, keeping the
// kiosk's changed conffiles (--force-confold). dpkg's exit statuses and its last words on stderr
// are mapped here, once, into our errors ("dpkg.failed", "dpkg.not_found", "dpkg.killed"). A root
// other than / (`dpkg --root`) is for scratch roots in tests and benchmarks. Qt-free.

#include <string>
#include <vector>

#include "update/update_ports.h"

namespace lobby::update {

struct DpkgOptions {
    std::string root;  // empty: the real root
    // Run maintainer scripts outside the root (dpkg --force-script-chrootless): for a scratch
    // root that holds no shell to chroot into. Never set for the real root.
    bool scriptsChrootless = false;
    // Run dpkg under systemd-inhibit (shutdown and sleep blocked while it works): a kiosk is not
    // switched off by its schedule halfway through an install. The real root under systemd only.
    bool holdOffShutdown = false;
};

class DpkgPackageManager : public PackageManager {
public:
    explicit DpkgPackageManager(DpkgOptions options = {});

    Result<std::string> installedVersion(const std::string& name) override;
    Status heal() override;
    Status install(const std::vector<std::string>& debPaths) override;
    Status remove(const std::vector<std::string>& names) override;
    Result<Identity> inspect(const std::string& debPath) override;

private:
    std::vector<std::string> dpkg(std::vector<std::string> arguments) const;
    DpkgOptions options_;
};

// The outcome of a program run to its end: its exit status (or -signal) and its output.
struct ProgramRun {
    int status = -1;
    std::string out, err;
};
// Runs `argv` (argv[0] found on PATH) without a shell, with `extraEnvironment` added.
Result<ProgramRun> runProgram(const std::vector<std::string>& argv,
                              const std::vector<std::string>& extraEnvironment = {});

}  // namespace lobby::update
