#pragma once
// 门诊缴费 on the sandbox for tests: a patient (李秀英) with the HIS's bills, locked, priced with
// their card and settled through the routes a kiosk uses.
#include <string>
#include <vector>

#include "platform_rig.h"

namespace lobby::sim::testing {

struct BillsRig : Rig {
    BillsRig() : li(patient("310115198506150022", "李秀英")) {}

    std::string bill(const std::string& kind) {
        auto made = store().seedBill(li, kind, Clock::now());
        EXPECT_TRUE(made) << made.error().message;
        return made ? made->id : std::string();
    }
    Reply post(const std::string& path, const nlohmann::json& body, const std::string& key = "",
               const std::string& who = {}) {
        return send("POST", path, body, key, "terminal", sessionOf(who.empty() ? li : who));
    }
    Reply lock(const std::vector<std::string>& ids, const std::string& key,
               const std::string& who = {}) {
        return post("/v1/bill-locks", {{"patient_id", who.empty() ? li : who}, {"bill_ids", ids}},
                    key, who);
    }
    // The HIS bills these orders and they are locked at once: the lock's id.
    std::string lockOf(const std::vector<std::string>& kinds, const std::string& key) {
        std::vector<std::string> ids;
        for (const auto& kind : kinds)
            ids.push_back(bill(kind));
        const Reply locked = lock(ids, key);
        EXPECT_EQ(locked.status, 201) << locked.body.dump();
        return locked.body.value("id", "");
    }
    // 李秀英's card, as insure() recorded it.
    static nlohmann::json card() {
        return {{"kind", "ssc_card"}, {"card_number", "SSC0001"}, {"card_serial", "SERIAL01"}};
    }
    void insure(int accountFen, const char* status = "active", const char* region = "local") {
        EXPECT_TRUE(store().insure(li, "SSC0001", "SERIAL01", status, region, accountFen));
    }
    Reply presettle(const std::string& lockId, const nlohmann::json& credential,
                    const std::string& key, const std::string& who = {}) {
        return post("/v1/insurance/presettlements",
                    {{"lock_id", lockId}, {"credential", credential}}, key, who);
    }
    Reply settle(const std::string& presettlementId, const std::string& messageId) {
        return post("/v1/insurance/settlements", {{"presettlement_id", presettlementId}},
                    messageId);
    }

    std::string li;
};

}  // namespace lobby::sim::testing
