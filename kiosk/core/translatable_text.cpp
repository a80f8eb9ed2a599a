#include "core/translatable_text.h"

namespace lobby::core {

bool showingChinese() {
    // The Chinese translation maps this marker to "zh"; with no translator it stays as it is.
    return QCoreApplication::translate("TranslatableText", "en") == QLatin1String("zh");
}

}  // namespace lobby::core
