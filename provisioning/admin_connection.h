#pragma once
// What kioskctl's platform commands (scene push, fleet status, fleet release) share: their
// arguments read once ("--name value" pairs, some repeatable, bare flags, positionals) and the
// admin's connection to the platform (--platform https://… --cert --key --ca), refused before
// anything is sent when it is not https or a part is missing.

#include <QMultiMap>
#include <QSet>
#include <QStringList>
#include <optional>
#include <string>

#include "platform/https_platform_client.h"

namespace lobby::ctl {

struct CommandLine {
    QMultiMap<QString, QString> values;  // in the order given for a repeated name
    QSet<QString> flags;
    QStringList positional;
    QString value(const QString& name) const { return values.value(name); }
    QStringList all(const QString& name) const;  // in the order given
};

// nullopt for a name not listed, or a valued name without its value.
std::optional<CommandLine> parseCommandLine(const QStringList& args, const QStringList& valued,
                                            const QStringList& flags = {});

inline const QStringList kConnectionOptions = {"platform", "cert", "key", "ca"};

// The connection the command line names; `why` says what is wrong when nullopt (a part
// missing: usage; not https: invalid).
struct AdminConnection {
    platform::ClientConfig config;
};
std::optional<AdminConnection> adminConnection(const CommandLine& line, std::string& why,
                                               bool& usageError);

// A refused call as one line: the platform's words and code, or the call's error.
std::string refusalLine(const platform::HttpsPlatformClient& client, const Error& error);

}  // namespace lobby::ctl
