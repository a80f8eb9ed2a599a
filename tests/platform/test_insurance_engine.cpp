// The sandbox's insurance arithmetic: coverage by catalogue class, the deductible first, the
// fund's ratio up to the annual ceiling, then the personal account, cash the rest; the parts
// always add up to the total, checked over many generated bills.
#include <gtest/gtest.h>

#include <random>

#include "sim/platform/insurance_engine.h"

using namespace lobby::sim;

namespace {
BillItemRow item(const char* name, int count, int unitFen, const char* insuranceClass) {
    return {name, "", count, unitFen, insuranceClass};
}
}  // namespace

TEST(InsuranceEngine, ClassesDeductibleFundAccountAndCash) {
    const InsurancePolicy policy;
    // ¥100 甲类, ¥200 乙类 (¥20 first paid by the patient), ¥50 自费.
    const std::vector<BillItemRow> items = {item("血常规", 1, 10'000, "a"),
                                            item("胸部CT", 1, 20'000, "b"),
                                            item("复方甘草", 1, 5'000, "c")};
    const InsuranceSplit split = splitFor(items, {30'000, 5'000, 2'000'000}, policy);
    EXPECT_EQ(split.totalFen, 35'000);
    EXPECT_EQ(split.deductibleAppliedFen, 5'000);
    // Eligible ¥280, less the ¥50 deductible left: 70% of ¥230 = ¥161.
    EXPECT_EQ(split.fundFen, 16'100);
    EXPECT_EQ(split.accountFen, 18'900) << "the account pays the patient's whole share";
    EXPECT_EQ(split.cashFen, 0);
    EXPECT_EQ(split.accountBalanceAfterFen, 30'000 - 18'900);
    ASSERT_EQ(split.uncovered.size(), 3u);
    EXPECT_EQ(split.uncovered[0].amountFen, 2'000);
    EXPECT_EQ(split.uncovered[1].amountFen, 5'000);
    EXPECT_EQ(split.uncovered[1].reason, "自费项目，医保不予支付");
    EXPECT_EQ(split.uncovered[2].name, "起付线");
}

TEST(InsuranceEngine, AnEmptyAccountLeavesCashAndTheCeilingCapsTheFund) {
    const InsurancePolicy policy;
    const std::vector<BillItemRow> items = {item("阿莫西林胶囊", 2, 1'850, "a")};
    const InsuranceSplit noAccount = splitFor(items, {0, 0, 2'000'000}, policy);
    EXPECT_EQ(noAccount.fundFen, 2'590);
    EXPECT_EQ(noAccount.accountFen, 0);
    EXPECT_EQ(noAccount.cashFen, 3'700 - 2'590);

    const InsuranceSplit capped = splitFor(items, {0, 0, 1'000}, policy);
    EXPECT_EQ(capped.fundFen, 1'000);
    EXPECT_EQ(capped.cashFen, 2'700);
    EXPECT_EQ(capped.uncovered.back().reason, "已达年度统筹支付限额");

    const InsuranceSplit selfPaid =
        splitFor({item("自费药", 1, 999, "c")}, {500, 0, 1'000}, policy);
    EXPECT_EQ(selfPaid.fundFen, 0);
    EXPECT_EQ(selfPaid.accountFen, 500);
    EXPECT_EQ(selfPaid.cashFen, 499);
}

TEST(InsuranceEngine, ThePartsAlwaysAddUpToTheTotal) {
    std::mt19937 random(20261202);
    const char* const classes[] = {"a", "b", "c"};
    for (int round = 0; round < 2'000; ++round) {
        std::vector<BillItemRow> items;
        const int lines = 1 + static_cast<int>(random() % 8);
        for (int i = 0; i < lines; ++i)
            items.push_back(item("x", 1 + static_cast<int>(random() % 5),
                                 static_cast<int>(random() % 50'000), classes[random() % 3]));
        const InsuredYear year{static_cast<int>(random() % 40'000),
                               static_cast<int>(random() % 20'000),
                               static_cast<int>(random() % 60'000)};
        const InsuranceSplit split = splitFor(items, year, InsurancePolicy{});
        ASSERT_EQ(split.fundFen + split.accountFen + split.cashFen, split.totalFen);
        ASSERT_GE(split.fundFen, 0);
        ASSERT_GE(split.accountFen, 0);
        ASSERT_GE(split.cashFen, 0);
        ASSERT_LE(split.fundFen, year.fundLeftFen);
        ASSERT_LE(split.accountFen, year.accountBalanceFen);
    }
}
