#include "sim/platform/platform_store.h"

#include <array>

namespace lobby::sim {
namespace {

Error dbError(sqlite3* db, const std::string& what) {
    return makeError(ErrorKind::Io, "platform.db", what + ": " + sqlite3_errmsg(db));
}

struct Statement {
    sqlite3_stmt* statement = nullptr;
    ~Statement() { sqlite3_finalize(statement); }
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS departments (
  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, pinyin TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS doctors (
  id TEXT PRIMARY KEY, department_id TEXT NOT NULL REFERENCES departments(id),
  name TEXT NOT NULL, title TEXT NOT NULL, specialty TEXT NOT NULL, fee_fen INTEGER NOT NULL);
)sql";

}  // namespace

Result<std::unique_ptr<PlatformStore>> PlatformStore::open(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        Error error = dbError(db, "opening " + path.string());
        sqlite3_close(db);
        return error;
    }
    std::unique_ptr<PlatformStore> store(new PlatformStore(db));
    sqlite3_busy_timeout(db, 5000);
    if (auto s = store->execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;"); !s)
        return s.error();
    if (auto s = store->execute(kSchema); !s) return s.error();
    if (auto s = store->seedIfEmpty(); !s) return s.error();
    return store;
}

PlatformStore::~PlatformStore() {
    sqlite3_close(db_);
}

Status PlatformStore::execute(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        Error error =
            makeError(ErrorKind::Io, "platform.db", message != nullptr ? message : "sqlite");
        sqlite3_free(message);
        return error;
    }
    return {};
}

Status PlatformStore::seedIfEmpty() {
    Statement count;
    sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM departments", -1, &count.statement, nullptr);
    if (sqlite3_step(count.statement) != SQLITE_ROW) return dbError(db_, "counting departments");
    if (sqlite3_column_int(count.statement, 0) > 0) return {};
    struct Department {
        const char *id, *zh, *en, *pinyin;
    };
    static constexpr std::array kDepartments = {
        Department{"NK", "内科", "Internal Medicine", "NK"},
        Department{"WK", "外科", "Surgery", "WK"},
        Department{"EK", "儿科", "Paediatrics", "EK"},
        Department{"FCK", "妇产科", "Obstetrics and Gynaecology", "FCK"},
        Department{"YK", "眼科", "Ophthalmology", "YK"},
    };
    static constexpr std::array kTitles = {"主任医师", "副主任医师", "主治医师", "住院医师"};
    static constexpr std::array kFees_fen = {5000, 3000, 2000, 1000};
    static constexpr std::array kSurnames = {"李", "王", "张", "刘"};
    if (auto s = execute("BEGIN"); !s) return s;
    int doctor = 0;
    for (const auto& department : kDepartments) {
        Statement insert;
        sqlite3_prepare_v2(db_, "INSERT INTO departments VALUES (?, ?, ?, ?)", -1,
                           &insert.statement, nullptr);
        sqlite3_bind_text(insert.statement, 1, department.id, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert.statement, 2, department.zh, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert.statement, 3, department.en, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert.statement, 4, department.pinyin, -1, SQLITE_STATIC);
        if (sqlite3_step(insert.statement) != SQLITE_DONE)
            return dbError(db_, "seeding departments");
        for (std::size_t rank = 0; rank < kTitles.size(); ++rank, ++doctor) {
            Statement insertDoctor;
            sqlite3_prepare_v2(db_, "INSERT INTO doctors VALUES (?, ?, ?, ?, ?, ?)", -1,
                               &insertDoctor.statement, nullptr);
            const std::string id = "D" + std::to_string(100 + doctor);
            const std::string name =
                std::string(kSurnames[rank]) + "医生" + std::to_string(doctor + 1);
            const std::string specialty = std::string(department.zh) + "常见病";
            sqlite3_bind_text(insertDoctor.statement, 1, id.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insertDoctor.statement, 2, department.id, -1, SQLITE_STATIC);
            sqlite3_bind_text(insertDoctor.statement, 3, name.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(insertDoctor.statement, 4, kTitles[rank], -1, SQLITE_STATIC);
            sqlite3_bind_text(insertDoctor.statement, 5, specialty.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(insertDoctor.statement, 6, kFees_fen[rank]);
            if (sqlite3_step(insertDoctor.statement) != SQLITE_DONE)
                return dbError(db_, "seeding doctors");
        }
    }
    return execute("COMMIT");
}

Result<std::vector<DepartmentRow>> PlatformStore::departments() {
    Statement query;
    sqlite3_prepare_v2(db_, "SELECT id, name_zh, name_en, pinyin FROM departments ORDER BY id", -1,
                       &query.statement, nullptr);
    std::vector<DepartmentRow> rows;
    auto text = [&](int column) {
        return std::string(
            reinterpret_cast<const char*>(sqlite3_column_text(query.statement, column)));
    };
    while (sqlite3_step(query.statement) == SQLITE_ROW)
        rows.push_back({text(0), text(1), text(2), text(3)});
    return rows;
}

Result<std::vector<DoctorRow>> PlatformStore::doctors(const std::string& departmentId) {
    Statement query;
    sqlite3_prepare_v2(db_,
                       "SELECT id, department_id, name, title, specialty, fee_fen FROM doctors "
                       "WHERE department_id = ? ORDER BY fee_fen DESC, id",
                       -1, &query.statement, nullptr);
    sqlite3_bind_text(query.statement, 1, departmentId.c_str(), -1, SQLITE_TRANSIENT);
    std::vector<DoctorRow> rows;
    auto text = [&](int column) {
        return std::string(
            reinterpret_cast<const char*>(sqlite3_column_text(query.statement, column)));
    };
    while (sqlite3_step(query.statement) == SQLITE_ROW) {
        rows.push_back(
            {text(0), text(1), text(2), text(3), text(4), sqlite3_column_int(query.statement, 5)});
    }
    return rows;
}

}  // namespace lobby::sim
