// Identity tokens in the sandbox store: which patient an e-voucher, a visit card or a phone
// number (for manual entry) names.
#include "sim/platform/platform_store.h"
#include "sim/platform/store_sql.h"

namespace lobby::sim {
using namespace sql;

Status PlatformStore::bindToken(const std::string& kind, const std::string& token,
                                const std::string& patientId) {
    std::lock_guard lock(mutex_);
    Statement upsert = prepared(db_,
                                "INSERT INTO patient_tokens VALUES (?, ?, ?) ON CONFLICT(kind, "
                                "token) DO UPDATE SET patient_id = excluded.patient_id",
                                {kind, token, patientId});
    if (sqlite3_step(upsert.handle) != SQLITE_DONE) return dbError(db_, "binding a token");
    return {};
}

Result<PatientRow> PlatformStore::patientByToken(const std::string& kind,
                                                 const std::string& token) {
    std::lock_guard lock(mutex_);
    Statement query = prepared(db_,
                               "SELECT patients.id, id_number, name FROM patient_tokens JOIN "
                               "patients ON patients.id = patient_id WHERE kind = ? AND token = ?",
                               {kind, token});
    if (sqlite3_step(query.handle) != SQLITE_ROW)
        return refusal("token_unknown", "no patient for this " + kind);
    return PatientRow{query.text(0), query.text(1), query.text(2)};
}

Result<PatientRow> PlatformStore::patientByIdAndPhone(const std::string& idNumber,
                                                      const std::string& phone) {
    auto patient = findPatient(idNumber);
    if (!patient) return patient.error();
    bool onRecord = false;
    {
        std::lock_guard lock(mutex_);
        Statement query =
            prepared(db_, "SELECT 1 FROM patient_phones WHERE patient_id = ? AND phone = ?",
                     {patient->id, phone});
        onRecord = sqlite3_step(query.handle) == SQLITE_ROW;
    }
    auto owner = patientByToken("phone", phone);
    if (!onRecord && (!owner || owner->id != patient->id))
        return refusal("identity_mismatch", "the phone number is not this patient's");
    return patient;
}

}  // namespace lobby::sim
