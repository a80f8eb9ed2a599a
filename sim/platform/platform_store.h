#pragma once
// The sandbox platform's data in SQLite (WAL): a demo hospital's departments and doctors,
// seeded on first use. Bookings, payments and the rules arrive with the rest of issue 6.

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"

namespace lobby::sim {

struct DepartmentRow {
    std::string id, nameZh, nameEn, pinyinInitials;
};
struct DoctorRow {
    std::string id, departmentId, name, title, specialty;
    int feeFen = 0;
};

class PlatformStore {
public:
    static Result<std::unique_ptr<PlatformStore>> open(const std::filesystem::path& path);
    ~PlatformStore();

    Result<std::vector<DepartmentRow>> departments();
    Result<std::vector<DoctorRow>> doctors(const std::string& departmentId);

private:
    explicit PlatformStore(sqlite3* db) : db_(db) {}
    Status execute(const char* sql);
    Status seedIfEmpty();
    sqlite3* db_;
};

}  // namespace lobby::sim
