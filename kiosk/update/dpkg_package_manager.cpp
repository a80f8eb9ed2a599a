#include "update/dpkg_package_manager.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sstream>

extern char** environ;

namespace lobby::update {
namespace {

// The last few lines of dpkg's complaint: what a technician needs, not a screenful.
std::string tail(const std::string& text, std::size_t lines = 4) {
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '\n')
        --end;
    std::size_t start = end;
    for (std::size_t seen = 0; start > 0 && seen < lines; --start) {
        if (text[start - 1] == '\n' && ++seen == lines) break;
    }
    return text.substr(start, end - start);
}

Error dpkgError(const std::string& what, const ProgramRun& run) {
    if (run.status < 0)
        return makeError(ErrorKind::Device, "dpkg.killed",
                         what + ": dpkg was killed by signal " + std::to_string(-run.status));
    return makeError(
        ErrorKind::Device, "dpkg.failed",
        what + ": dpkg exited with status " + std::to_string(run.status) + ": " + tail(run.err));
}

bool isPackageName(const std::string& name) {
    if (name.empty() || name.size() > 64 || name[0] == '-') return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            return false;
    }
    return true;
}

}  // namespace

Result<ProgramRun> runProgram(const std::vector<std::string>& argv,
                              const std::vector<std::string>& extraEnvironment) {
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) != 0) return makeError(ErrorKind::Io, "update.spawn", "pipe");
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(out[0]);
        ::close(out[1]);
        return makeError(ErrorKind::Io, "update.spawn", "pipe");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> environment;
    for (char** entry = environ; *entry; ++entry)
        environment.emplace_back(*entry);
    environment.insert(environment.end(), extraEnvironment.begin(), extraEnvironment.end());
    std::vector<char*> envp;
    for (auto& entry : environment)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(err[1]);
    if (spawned != 0) {
        ::close(out[0]);
        ::close(err[0]);
        return makeError(ErrorKind::NotFound, "update.spawn",
                         argv[0] + ": " + std::strerror(spawned));
    }
    ProgramRun run;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open = 2;
    char buffer[4096];
    int status = 0;
    bool exited = false;
    // Reads until both pipes close, or until the program has exited and its pipes stay quiet: a
    // process it left behind (a maintainer script's child) may hold them open for ever.
    while (open > 0) {
        const int ready = ::poll(fds, 2, 200);
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) {
            if (exited) break;
            if (::waitpid(pid, &status, WNOHANG) == pid) exited = true;
            continue;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got > 0) {
                auto& into = i == 0 ? run.out : run.err;
                if (into.size() < 1024 * 1024) into.append(buffer, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto& fd : fds) {
        if (fd.fd >= 0) ::close(fd.fd);
    }
    while (!exited && ::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    return run;
}

DpkgPackageManager::DpkgPackageManager(DpkgOptions options) : options_(std::move(options)) {}

std::vector<std::string> DpkgPackageManager::dpkg(std::vector<std::string> arguments) const {
    std::vector<std::string> argv;
    if (options_.holdOffShutdown) {
        argv = {"systemd-inhibit", "--what=shutdown:sleep", "--who=lobby-kiosk-updater",
                "--why=Installing a kiosk update", "--mode=block"};
    }
    argv.push_back("dpkg");
    if (!options_.root.empty()) argv.push_back("--root=" + options_.root);
    if (options_.scriptsChrootless) argv.push_back("--force-script-chrootless");
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return argv;
}

Result<std::string> DpkgPackageManager::installedVersion(const std::string& name) {
    if (!isPackageName(name))
        return makeError(ErrorKind::InvalidArgument, "dpkg.bad_name", "not a package name");
    std::vector<std::string> argv{"dpkg-query"};
    if (!options_.root.empty()) argv.push_back("--root=" + options_.root);
    argv.insert(argv.end(), {"-W", "-f=${db:Status-Status} ${Version}", "--", name});
    auto run = runProgram(argv);
    if (!run) return run.error();
    if (run->status == 1) return std::string();  // dpkg-query knows no such package
    if (run->status != 0) return dpkgError("dpkg-query " + name, *run);
    std::istringstream words(run->out);
    std::string status, version;
    words >> status >> version;
    // Removed but with its conffiles left ("config-files") or never unpacked: not installed.
    if (status == "not-installed" || status == "config-files") return std::string();
    return version;
}

Status DpkgPackageManager::heal() {
    auto run = runProgram(dpkg({"--force-confold", "--force-confdef", "--configure", "-a"}),
                          {"DEBIAN_FRONTEND=noninteractive"});
    if (!run) return run.error();
    if (run->status != 0) return dpkgError("dpkg --configure -a", *run);
    return {};
}

Status DpkgPackageManager::install(const std::vector<std::string>& debPaths) {
    std::vector<std::string> arguments{"--force-confold", "--force-confdef", "--install", "--"};
    arguments.insert(arguments.end(), debPaths.begin(), debPaths.end());
    auto run = runProgram(dpkg(arguments), {"DEBIAN_FRONTEND=noninteractive"});
    if (!run) return run.error();
    if (run->status != 0) return dpkgError("dpkg --install", *run);
    return {};
}

Status DpkgPackageManager::remove(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        if (!isPackageName(name))
            return makeError(ErrorKind::InvalidArgument, "dpkg.bad_name", "not a package name");
    }
    std::vector<std::string> arguments{"--remove", "--"};
    arguments.insert(arguments.end(), names.begin(), names.end());
    auto run = runProgram(dpkg(arguments), {"DEBIAN_FRONTEND=noninteractive"});
    if (!run) return run.error();
    if (run->status != 0) return dpkgError("dpkg --remove", *run);
    return {};
}

Result<PackageManager::Identity> DpkgPackageManager::inspect(const std::string& debPath) {
    auto run = runProgram({"dpkg-deb", "--field", "--", debPath, "Package", "Version"});
    if (!run) return run.error();
    if (run->status != 0)
        return makeError(ErrorKind::Protocol, "dpkg.not_a_deb",
                         debPath + " is not a .deb: " + tail(run->err, 1));
    Identity identity;
    std::istringstream lines(run->out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("Package: ", 0) == 0) identity.name = line.substr(9);
        if (line.rfind("Version: ", 0) == 0) identity.version = line.substr(9);
    }
    if (identity.name.empty() || identity.version.empty())
        return makeError(ErrorKind::Protocol, "dpkg.not_a_deb", debPath + " names no package");
    return identity;
}

}  // namespace lobby::update
