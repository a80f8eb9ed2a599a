#include "core/process_memory.h"

#include <malloc.h>

#include <fstream>
#include <string>

namespace lobby::core {

void keepLargeBuffersOutOfHeap() {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(kOwnMappingFrom_bytes));
#endif
}

bool returnFreedHeap() {
#ifdef __GLIBC__
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

long residentSet_kb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long value_kb = 0;
            status >> value_kb;
            return value_kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

}  // namespace lobby::core
