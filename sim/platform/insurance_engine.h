#pragma once
// The sandbox's medical-insurance engine (医保结算), as a designated hospital sees it: what the
// fund (统筹), the personal account (个人账户) and the patient's cash pay of a set of bills. The
// catalogue class decides coverage: 甲类 (a) fully eligible, 乙类 (b) after the patient first
// pays a share (先行自付), 自费 (c) never; the year's deductible (起付线) comes off the eligible
// sum first; the fund pays its ratio of the rest up to what is left of the annual ceiling; the
// personal account then pays what it can of the patient's share, cash the remainder. Pure
// arithmetic in fen (integers): fund + account + cash is the total, always.

#include <string>
#include <vector>

#include "sim/platform/his_bills.h"

namespace lobby::sim {

struct InsurancePolicy {
    int deductibleFen = 10'000;            // 起付线 a year: ¥100
    int annualFundCeilingFen = 2'000'000;  // 年度统筹最高支付: ¥20,000
    int fundPercent = 70;  // 统筹支付比例, of the eligible amount past the deductible
    int classBSelfFirstPercent = 10;  // 乙类先行自付
};

// What the insured person has left this year.
struct InsuredYear {
    int accountBalanceFen = 0;
    int deductibleLeftFen = 0;
    int fundLeftFen = 0;
};

struct UncoveredPart {
    std::string name;
    int amountFen = 0;
    std::string reason;  // plain words for the screen and the slip
};

struct InsuranceSplit {
    int totalFen = 0, fundFen = 0, accountFen = 0, cashFen = 0;
    int deductibleAppliedFen = 0;
    int accountBalanceAfterFen = 0;
    std::vector<UncoveredPart> uncovered;
};

InsuranceSplit splitFor(const std::vector<BillItemRow>& items, const InsuredYear& year,
                        const InsurancePolicy& policy);

}  // namespace lobby::sim
