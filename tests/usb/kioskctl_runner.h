#pragma once
// Runs kioskctl as a child process inside the test's umockdev testbed (it inherits
// $UMOCKDEV_DIR and the preload library) and returns its exit status and output.

#include <cstdio>
#include <string>

namespace lobby::test {

struct CommandResult {
    int status = -1;
    std::string output;  // stdout and stderr
};

inline CommandResult runKioskctl(const std::string& arguments) {
    CommandResult result;
    FILE* pipe = ::popen((std::string(LOBBY_KIOSKCTL) + " " + arguments + " 2>&1").c_str(), "r");
    if (pipe == nullptr) return result;
    char chunk[4096];
    while (std::size_t n = std::fread(chunk, 1, sizeof chunk, pipe))
        result.output.append(chunk, n);
    result.status = ::pclose(pipe);
    return result;
}

}  // namespace lobby::test
