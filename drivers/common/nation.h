#pragma once

#include <string_view>

namespace lobby {

// The ethnic group for a GB 3304 code (1 = 汉 ... 56 = 基诺, 97 其他, 98 外国血统); "" if unknown.
std::string_view nationName(int code);

}  // namespace lobby
