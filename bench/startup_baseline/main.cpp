// A minimal Qt Quick window with the kiosk's attract screen's content, timed like lobby-kiosk:
// prints {"event":"first_frame","since_main_ms":N} when its first frame is swapped.
#include <QDateTime>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <cstdio>

int main(int argc, char* argv[]) {
    const qint64 entered_ms = QDateTime::currentMSecsSinceEpoch();
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen" &&
        qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
        qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Bench/Baseline/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (window == nullptr) return 1;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [entered_ms] {
            std::printf("{\"event\":\"first_frame\",\"since_main_ms\":%lld}\n",
                        static_cast<long long>(QDateTime::currentMSecsSinceEpoch() - entered_ms));
            std::fflush(stdout);
        },
        Qt::SingleShotConnection);
    return QGuiApplication::exec();
}
