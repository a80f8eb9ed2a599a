#pragma once
// Where a journey's time goes (--report-timings, for bench/pickup_journey.sh): from the card
// placed to the Done screen drawn, split into the card reader's time, the platform's, the
// printer's, the patient's (from a screen settling to their tap) and the kiosk's own (the rest).
// Prints one JSON line per journey on stdout.

#include <QElapsedTimer>
#include <QObject>

class QQuickWindow;

namespace lobby::app {

class JourneyTimings : public QObject {
    Q_OBJECT
public:
    explicit JourneyTimings(QObject* parent = nullptr);
    void attach(QQuickWindow* window);

    void cardPlaced();
    void cardRead();
    void platformCall(qint64 elapsed_ms);
    void slipPrinted(qint64 elapsed_ms);
    void screenChanged();  // anything the patient sees changed
    void tapped();
    void doneShown();  // the journey's result is on screen (reported at its first frame)

private:
    void onFrame();
    qint64 now() const { return clock_.elapsed(); }

    QElapsedTimer clock_;
    bool running_ = false;
    bool changePending_ = false;
    bool donePending_ = false;
    qint64 placed_ = 0, lastSettled_ = 0;
    qint64 device_ = 0, platform_ = 0, printing_ = 0, patient_ = 0;
};

}  // namespace lobby::app
