// 就诊人 in the sandbox store: the family members a patient books for (seed 000; seed 001 §4.1.2
// separates who books from who is seen). Real-name rules: a member is registered from their own
// card's identity, is never the patient themself, at most five per patient, and the relation
// must fit the two birth dates (a child born after the patient, a parent before).
#include "common/id_number.h"
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"
#include "sim/platform/store_time.h"

namespace lobby::sim {
using namespace sql;

namespace {
constexpr int kMaxDependants = 5;
// From 16 a resident has an ID card of their own (居民身份证法 §5).
constexpr int kIdCardAge = 16;

}  // namespace

bool isRelation(const std::string& relation) {
    return relation == "child" || relation == "parent" || relation == "spouse" ||
           relation == "other";
}

Result<std::vector<DependantRow>> PlatformStore::dependantsOf(const std::string& guardianId) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT patients.id, id_number, name, relation FROM dependants "
                               "JOIN patients ON patients.id = patient_id WHERE guardian_id = ? "
                               "ORDER BY dependants.rowid",
                               {guardianId});
    std::vector<DependantRow> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(query.handle)) == SQLITE_ROW) {
        rows.push_back({{query.text(0), query.text(1), query.text(2)}, query.text(3)});
    }
    if (step != SQLITE_DONE) return dbError(db_, "listing family members");
    return rows;
}

bool PlatformStore::isDependant(const std::string& guardianId, const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement query =
        prepared(db_, "SELECT 1 FROM dependants WHERE guardian_id = ? AND patient_id = ?",
                 {guardianId, patientId});
    return sqlite3_step(query.handle) == SQLITE_ROW;
}

Result<DependantRow> PlatformStore::addDependant(
    const std::string& guardianId, const std::string& idNumber, const std::string& name,
    const std::string& relation, bool fromHouseholdRegister, Clock::time_point now) {
    auto guardian = patientById(guardianId);
    if (!guardian) return guardian.error();
    if (fromHouseholdRegister) {
        const std::string today = store_time::isoDate(Clock::to_time_t(now));
        const auto age = ageOn(idNumber, std::stoi(today.substr(0, 4)),
                               std::stoi(today.substr(5, 2)), std::stoi(today.substr(8, 2)));
        if (!age) return refusal("identity_invalid", "no birth date in the number");
        if (*age >= kIdCardAge) return refusal("id_card_required", std::to_string(kIdCardAge));
    }
    if (guardian->idNumber == idNumber)
        return refusal("dependant_self", "a patient is not their own family member");
    const auto theirs = birthDateOf(idNumber), ours = birthDateOf(guardian->idNumber);
    if ((relation == "child" && !(theirs > ours)) || (relation == "parent" && !(theirs < ours)))
        return refusal("relation_mismatch", relation);
    if (auto known = findPatient(idNumber); known && known->name != name)
        return refusal("identity_mismatch", "registered already under another name");
    auto member = registerPatient(idNumber, name);
    if (!member) return member.error();
    std::lock_guard lock(mutex_);
    Statement bound =
        prepared(db_, "SELECT relation FROM dependants WHERE guardian_id = ? AND patient_id = ?",
                 {guardianId, member->id});
    if (sqlite3_step(bound.handle) == SQLITE_ROW) return DependantRow{*member, bound.text(0)};
    Statement count =
        prepared(db_, "SELECT COUNT(*) FROM dependants WHERE guardian_id = ?", {guardianId});
    if (sqlite3_step(count.handle) != SQLITE_ROW) return dbError(db_, "counting family members");
    if (sqlite3_column_int(count.handle, 0) >= kMaxDependants)
        return refusal("too_many_dependants", std::to_string(kMaxDependants));
    Statement insert = prepared(db_, "INSERT INTO dependants VALUES (?, ?, ?, ?)",
                                {guardianId, member->id, relation, epochSeconds(now)});
    if (sqlite3_step(insert.handle) != SQLITE_DONE) return dbError(db_, "adding a family member");
    return DependantRow{*member, relation};
}

}  // namespace lobby::sim
