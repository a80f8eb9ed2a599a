#pragma once
// What the benchmarks report of their samples: the median (the middle of the sorted samples, the
// upper one of an even count), 0 when there are none. Header-only, shared by bench/*.cpp.

#include <algorithm>
#include <vector>

namespace lobby::bench {

inline double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace lobby::bench
