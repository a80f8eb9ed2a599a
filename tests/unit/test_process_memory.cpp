// What the kiosk frees goes back to the system: the soak's RSS target rests on these.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "core/process_memory.h"

namespace {

using lobby::core::residentSet_kb;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kGlibcMalloc = false;  // ASan brings its own allocator
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kGlibcMalloc = false;
#else
constexpr bool kGlibcMalloc = true;
#endif
#else
constexpr bool kGlibcMalloc = true;
#endif

constexpr std::size_t kBlock_bytes = 1000;
constexpr std::size_t kBlocks = 48 * 1024;  // about 47 MiB in all

// Fills the heap with small blocks, then frees all but one in 64: the survivors pin the heap's
// top, so the freed pages between them stay resident until handed back.
std::vector<std::unique_ptr<char[]>> fragmentedHeap() {
    std::vector<std::unique_ptr<char[]>> blocks;
    blocks.reserve(kBlocks);
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.emplace_back(new char[kBlock_bytes]);
        std::fill_n(blocks.back().get(), kBlock_bytes, static_cast<char>(i));
    }
    for (std::size_t i = 0; i < kBlocks; ++i) {
        if (i % 64 != 0) blocks[i].reset();
    }
    return blocks;
}

TEST(ProcessMemory, ResidentSetIsRead) {
    const long before_kb = residentSet_kb();
    ASSERT_GT(before_kb, 0);
    auto touched = std::make_unique<char[]>(32 * 1024 * 1024);
    std::fill_n(touched.get(), 32 * 1024 * 1024, 'x');
    EXPECT_GE(residentSet_kb() - before_kb, 30 * 1024);
}

TEST(ProcessMemory, FreedHeapPagesGoBackToTheSystem) {
    if (!kGlibcMalloc) GTEST_SKIP() << "glibc's allocator is replaced in this build";
    const long start_kb = residentSet_kb();
    auto survivors = fragmentedHeap();
    const long fragmented_kb = residentSet_kb();
    ASSERT_GT(fragmented_kb - start_kb, 30 * 1024) << "the blocks were not made resident";
    EXPECT_TRUE(lobby::core::returnFreedHeap());
    const long returned_kb = residentSet_kb();
    // 63 blocks in 64 were freed: most of their pages leave the resident set.
    EXPECT_GT(fragmented_kb - returned_kb, 25 * 1024)
        << "fragmented " << fragmented_kb << " KiB, after returning " << returned_kb << " KiB";
    for (std::size_t i = 0; i < survivors.size(); i += 64)
        EXPECT_EQ(survivors[i][kBlock_bytes - 1], static_cast<char>(i));
}

TEST(ProcessMemory, LargeBuffersAreUnmappedWhenFreed) {
    if (!kGlibcMalloc) GTEST_SKIP() << "glibc's allocator is replaced in this build";
    lobby::core::keepLargeBuffersOutOfHeap();
    // A freed large buffer would otherwise raise glibc's threshold and let the next ones into
    // the heap, behind a small block allocated after them.
    for (int round = 0; round < 3; ++round) {
        const long before_kb = residentSet_kb();
        auto image = std::make_unique<char[]>(8 * 1024 * 1024);
        std::fill_n(image.get(), 8 * 1024 * 1024, 'p');
        auto pin = std::make_unique<char[]>(64);
        image.reset();
        EXPECT_LT(residentSet_kb() - before_kb, 1024) << "round " << round;
    }
}

}  // namespace
