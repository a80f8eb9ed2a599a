#pragma once
// The kiosk runs for months: what it frees must go back to the system, not only to malloc.
// glibc keeps freed heap pages for reuse and, after the first large buffer is freed, raises its
// mmap threshold so that later large buffers (decoded photos, QR images) land in the heap too,
// between small long-lived blocks. The 10,000-session soak showed RSS climbing about 10 KiB a
// session that way while the live heap stayed flat (heaptrack), so the kiosk keeps large
// buffers out of the heap and hands freed pages back whenever a patient leaves.

#include <cstddef>

namespace lobby::core {

// Above this, an allocation gets its own mapping, returned whole when freed. Fixed, so glibc
// does not raise it on its own.
constexpr std::size_t kOwnMappingFrom_bytes = 128 * 1024;

// Call once at start, before the UI allocates.
void keepLargeBuffersOutOfHeap();

// Gives the heap's free pages back to the system; true if any were. Takes a few milliseconds
// at most, so it runs between patients.
bool returnFreedHeap();

// The process's resident set, from /proc/self/status; 0 if it cannot be read.
long residentSet_kb();

}  // namespace lobby::core
