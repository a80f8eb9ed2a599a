#include "logging/log_setup.h"

#include <sys/stat.h>
#include <systemd/sd-journal.h>

#include <QDateTime>
#include <QLoggingCategory>
#include <cstdio>
#include <mutex>

namespace lobby::logging {
namespace {

bool g_journal = false;  // written once in install(), before any other thread logs

// The newest warning or worse, for the heartbeat; any thread may log.
std::mutex g_lastProblemMutex;
QString g_lastProblem;

// systemd documents $JOURNAL_STREAM as "device:inode" of the stream stderr is connected to.
bool stderrIsJournal() {
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    if (stream.isEmpty()) return false;
    struct stat info {};
    if (fstat(fileno(stderr), &info) != 0) return false;
    const QByteArray expected = QByteArray::number(static_cast<qulonglong>(info.st_dev)) + ":" +
                                QByteArray::number(static_cast<qulonglong>(info.st_ino));
    return stream == expected;
}

int journalPriority(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return 7;
        case QtInfoMsg:
            return 6;
        case QtWarningMsg:
            return 4;
        case QtCriticalMsg:
            return 3;
        case QtFatalMsg:
            return 2;
    }
    return 6;
}

const char* levelName(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
            return "debug";
        case QtInfoMsg:
            return "info";
        case QtWarningMsg:
            return "warning";
        case QtCriticalMsg:
            return "critical";
        case QtFatalMsg:
            return "fatal";
    }
    return "info";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QByteArray text = message.toUtf8();
    const char* category = context.category ? context.category : "default";
    if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) {
        const std::lock_guard lock(g_lastProblemMutex);
        g_lastProblem = QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + ' ' +
                        QString::fromLatin1(category) + ": " + message;
    }
    if (g_journal) {
        sd_journal_send("MESSAGE=%s", text.constData(), "PRIORITY=%d", journalPriority(type),
                        "LOBBY_CATEGORY=%s", category, "SYSLOG_IDENTIFIER=lobby-kiosk", nullptr);
    } else {
        const QByteArray time = QDateTime::currentDateTime().toString(Qt::ISODateWithMs).toUtf8();
        std::fprintf(stderr, "%s %s %s: %s\n", time.constData(), levelName(type), category,
                     text.constData());
        std::fflush(stderr);
    }
}

}  // namespace

void install(const QString& level) {
    g_journal = stderrIsJournal();
    QString rules = QStringLiteral("lobby.*.debug=%1\n").arg(level == "debug" ? "true" : "false");
    if (level == "warning") rules += "lobby.*.info=false\n";
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handleMessage);
}

QString lastProblem() {
    const std::lock_guard lock(g_lastProblemMutex);
    return g_lastProblem;
}

bool usingJournal() {
    return g_journal;
}

}  // namespace lobby::logging
