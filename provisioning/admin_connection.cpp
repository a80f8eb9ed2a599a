#include "admin_connection.h"

#include <algorithm>

namespace lobby::ctl {

QStringList CommandLine::all(const QString& name) const {
    QStringList given = values.values(name);
    std::reverse(given.begin(), given.end());  // QMultiMap keeps the latest first
    return given;
}

std::optional<CommandLine> parseCommandLine(const QStringList& args, const QStringList& valued,
                                            const QStringList& flags) {
    CommandLine line;
    for (int i = 0; i < args.size(); ++i) {
        if (!args[i].startsWith("--")) {
            line.positional << args[i];
            continue;
        }
        const QString name = args[i].mid(2);
        if (flags.contains(name)) {
            line.flags.insert(name);
        } else if (valued.contains(name) && i + 1 < args.size()) {
            line.values.insert(name, args[++i]);
        } else {
            return std::nullopt;
        }
    }
    return line;
}

std::optional<AdminConnection> adminConnection(const CommandLine& line, std::string& why,
                                               bool& usageError) {
    usageError = false;
    for (const auto& name : kConnectionOptions) {
        if (line.values.count(name) != 1) {
            why = "--" + name.toStdString() + " is needed once";
            usageError = true;
            return std::nullopt;
        }
    }
    if (!line.value("platform").startsWith("https://")) {
        why = "the platform URL must be https://";
        return std::nullopt;
    }
    AdminConnection connection;
    connection.config.baseUrl = line.value("platform").toStdString();
    connection.config.caBundle = line.value("ca").toStdString();
    connection.config.clientCertificate = line.value("cert").toStdString();
    connection.config.clientKey = line.value("key").toStdString();
    return connection;
}

std::string refusalLine(const platform::HttpsPlatformClient& client, const Error& error) {
    const auto refusal = client.lastRefusal();
    return refusal ? refusal->en + " (" + refusal->code + ")" : error.message;
}

}  // namespace lobby::ctl
