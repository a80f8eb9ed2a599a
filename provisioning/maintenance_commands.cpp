// kioskctl maintenance pin-hash
// Reads the technician PIN (4 to 12 digits) from stdin and prints its hash for
// maintenance.pin_hash in kiosk.json. The PIN never appears on the command line (where `ps` and
// the shell's history would keep it).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "commands.h"
#include "config/technician_pin.h"

namespace lobby::ctl {
namespace {

std::string readPin() {
    termios saved{};
    const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        std::fputs("technician PIN: ", stderr);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string pin;
    std::getline(std::cin, pin);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return pin;
}

}  // namespace

int maintenanceCommand(const QStringList& args) {
    if (args != QStringList{"pin-hash"}) {
        std::fputs("usage: kioskctl maintenance pin-hash   (the PIN on stdin)\n", stderr);
        return kExitUsage;
    }
    auto hash = config::hashPin(QString::fromStdString(readPin()));
    if (!hash) {
        std::fprintf(stderr, "kioskctl: %s\n", hash.error().message.c_str());
        return kExitInvalid;
    }
    std::printf("%s\n", qPrintable(hash.value()));
    return kExitOk;
}

}  // namespace lobby::ctl
