#include <cstdio>

#include "commands.h"
#include "config/settings.h"

namespace lobby::ctl {

int configCommand(const QStringList& args) {
    if (args == QStringList{"schema"}) {
        std::fputs(config::jsonSchema().constData(), stdout);
        return kExitOk;
    }
    if (args.size() == 2 && args[0] == "validate") {
        auto settings = config::Settings::load(args[1]);
        if (!settings) {
            std::fprintf(stderr, "kioskctl: %s\n", settings.error().message.c_str());
            return kExitInvalid;
        }
        std::printf("%s: valid\n", qPrintable(args[1]));
        return kExitOk;
    }
    std::fputs("usage: kioskctl config validate FILE | kioskctl config schema\n", stderr);
    return kExitUsage;
}

}  // namespace lobby::ctl
