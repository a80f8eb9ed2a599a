#include "sim/platform/insurance_engine.h"

#include <algorithm>

namespace lobby::sim {

namespace {
// Rounded to the nearest fen, halves up (the insurance platform's 四舍五入).
int percentOf(int amountFen, int percent) {
    return static_cast<int>((static_cast<long long>(amountFen) * percent + 50) / 100);
}
}  // namespace

InsuranceSplit splitFor(const std::vector<BillItemRow>& items, const InsuredYear& year,
                        const InsurancePolicy& policy) {
    InsuranceSplit split;
    int eligibleFen = 0;
    for (const BillItemRow& item : items) {
        const int amount = item.amountFen();
        split.totalFen += amount;
        if (item.insuranceClass == "a") {
            eligibleFen += amount;
        } else if (item.insuranceClass == "b") {
            const int selfFirst = percentOf(amount, policy.classBSelfFirstPercent);
            eligibleFen += amount - selfFirst;
            if (selfFirst > 0)
                split.uncovered.push_back(
                    {item.name, selfFirst,
                     "乙类项目先行自付" + std::to_string(policy.classBSelfFirstPercent) + "%"});
        } else {
            split.uncovered.push_back({item.name, amount, "自费项目，医保不予支付"});
        }
    }
    split.deductibleAppliedFen = std::clamp(year.deductibleLeftFen, 0, eligibleFen);
    if (split.deductibleAppliedFen > 0)
        split.uncovered.push_back({"起付线", split.deductibleAppliedFen, "起付线以下由个人支付"});
    const int pastDeductible = eligibleFen - split.deductibleAppliedFen;
    const int ratioPart = percentOf(pastDeductible, policy.fundPercent);
    split.fundFen = std::clamp(ratioPart, 0, std::max(0, year.fundLeftFen));
    if (split.fundFen < ratioPart)
        split.uncovered.push_back({"统筹基金", ratioPart - split.fundFen, "已达年度统筹支付限额"});
    const int patientShare = split.totalFen - split.fundFen;
    split.accountFen = std::clamp(year.accountBalanceFen, 0, patientShare);
    split.cashFen = patientShare - split.accountFen;
    split.accountBalanceAfterFen = std::max(0, year.accountBalanceFen) - split.accountFen;
    return split;
}

}  // namespace lobby::sim
