#include "journeys/name_entry.h"

#include "core/qml_exposure.h"
#include "input/pinyin_decoder.h"
#include "logging/categories.h"

namespace lobby::journeys {

NameEntry::NameEntry(core::SessionController& session, std::string dictionary, QObject* parent)
    : QObject(parent), dictionary_(std::move(dictionary)) {
    // Closing the decoder too: a name typed for one patient is never offered to the next.
    connect(&session, &core::SessionController::patientLeft, this, [this] {
        clear();
        decoder_.reset();
    });
}

NameEntry::~NameEntry() = default;

NameEntry* NameEntry::create(QQmlEngine* qmlEngine, QJSEngine*) {
    return core::exposedTo<NameEntry>(qmlEngine, kQmlName);
}

bool NameEntry::isChineseName(const QString& name) {
    const QList<uint> characters = name.toUcs4();
    if (characters.size() < kMinCharacters || characters.size() > kMaxCharacters) return false;
    for (const uint c : characters) {
        const bool unified = c >= 0x4E00 && c <= 0x9FFF;
        const bool extensionA = c >= 0x3400 && c <= 0x4DBF;
        if (!unified && !extensionA) return false;
    }
    return true;
}

bool NameEntry::available() const {
    return !unavailable_ || decoder_ != nullptr;
}

bool NameEntry::decoderReady() {
    if (decoder_) return true;
    if (unavailable_) return false;
    auto opened = input::PinyinDecoder::open(dictionary_);
    if (!opened) {
        qCWarning(lcJourney).noquote() << "cannot type Chinese:" << opened.error().message.c_str();
        unavailable_ = true;
        emit changed();
        return false;
    }
    decoder_ = std::move(opened.value());
    return true;
}

QStringList NameEntry::candidates() const {
    return all_.mid(page_ * kPageSize, kPageSize);
}

void NameEntry::showCandidates() {
    all_.clear();
    if (decoder_) {
        pending_ = QString::fromStdString(decoder_->pending());
        for (const std::string& candidate : decoder_->candidates()) {
            // A candidate is only ever added whole, so one that would overflow the name is
            // not offered.
            const QString text = QString::fromStdString(candidate);
            if ((chosen_ + pending_ + text).toUcs4().size() <= kMaxCharacters) all_ << text;
        }
    }
    page_ = 0;
    emit changed();
}

void NameEntry::search() {
    pending_.clear();
    if (letters_.isEmpty() || !decoderReady()) {
        if (decoder_) decoder_->reset();
        all_.clear();
        page_ = 0;
        emit changed();
        return;
    }
    if (!decoder_->search(letters_.toStdString())) {
        letters_.clear();
        decoder_->reset();
    }
    showCandidates();
}

void NameEntry::typeLetter(const QString& letter) {
    if (letter.size() != 1 || letter.at(0) < QLatin1Char('a') || letter.at(0) > QLatin1Char('z'))
        return;
    if (letters_.size() >= static_cast<int>(input::PinyinDecoder::kMaxLetters)) return;
    if (chosen_.toUcs4().size() >= kMaxCharacters) return;
    letters_ += letter;
    search();
}

void NameEntry::erase() {
    if (!letters_.isEmpty()) {
        letters_.chop(1);
        search();
        return;
    }
    QList<uint> characters = chosen_.toUcs4();
    if (characters.isEmpty()) return;
    characters.removeLast();
    chosen_ = QString::fromUcs4(reinterpret_cast<const char32_t*>(characters.constData()),
                                characters.size());
    emit changed();
}

void NameEntry::clear() {
    letters_.clear();
    chosen_.clear();
    pending_.clear();
    all_.clear();
    page_ = 0;
    if (decoder_) decoder_->reset();
    emit changed();
}

void NameEntry::choose(int indexOnPage) {
    const int index = page_ * kPageSize + indexOnPage;
    if (indexOnPage < 0 || indexOnPage >= kPageSize || index >= all_.size() || !decoder_) return;
    // The decoder's list may hold candidates not offered (too long): find this one in it.
    const auto& offered = decoder_->candidates();
    const auto at = std::find(offered.begin(), offered.end(), all_.at(index).toStdString());
    if (at == offered.end()) return;
    const auto decoderIndex = static_cast<std::size_t>(at - offered.begin());
    auto chosen = decoder_->choose(decoderIndex);
    if (!chosen) return;
    if (!chosen->empty()) {
        chosen_ += QString::fromStdString(*chosen);
        letters_.clear();
        pending_.clear();
        all_.clear();
        page_ = 0;
        emit changed();
        return;
    }
    showCandidates();
}

void NameEntry::pageBack() {
    if (!canPageBack()) return;
    --page_;
    emit changed();
}

void NameEntry::pageOn() {
    if (!canPageOn()) return;
    ++page_;
    emit changed();
}

}  // namespace lobby::journeys
