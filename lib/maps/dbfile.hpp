// dbfile.hpp: a Berkeley DB 5.3 file (DB_HASH or DB_BTREE) owned as one RAII
// handle, shared by the hash/btree map classes, makemap and praliases. The
// on-disk layout is whatever libdb writes, which is what sendmail reads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

struct __db;  // libdb's DB handle

namespace maps {

enum class DbType { Hash, Btree };

struct DbOpenOptions {
    DbType type = DbType::Hash;
    bool write = false;       // open read-write (else read-only)
    bool create = false;      // create when missing
    bool truncate = false;    // start empty
    bool duplicates = false;  // allow several records under one key (DB_DUP)
    size_t cache_size = 0;    // bytes; 0 leaves libdb's default
    int mode = 0640;          // for a created file (umask applies)
};

enum class PutResult { Stored, Exists, Failed };

class DbFile {
public:
    // Opens `path` exactly (no ".db" is added here). Errors carry errno's text.
    static util::Result<DbFile> open(const std::string& path, const DbOpenOptions& opts);

    DbFile(DbFile&&) noexcept = default;
    DbFile& operator=(DbFile&&) noexcept = default;
    ~DbFile();

    // The first record under `key`; nullopt when there is none.
    util::Result<std::optional<std::string>> get(std::string_view key) const;
    // Every record under `key` (in insertion order for duplicates).
    util::Result<std::vector<std::string>> get_all(std::string_view key) const;
    // replace: overwrite an existing key; otherwise Exists is returned (unless
    // the file allows duplicates, when the record is added).
    PutResult put(std::string_view key, std::string_view value, bool replace);
    // Walks every record in the file's order; stop by returning false.
    util::Status for_each(const std::function<bool(std::string_view, std::string_view)>& fn) const;
    // Flushes and closes; reports a failed write-back.
    util::Status close();
    int fd() const;
    std::string last_error() const { return last_error_; }

private:
    struct Closer {
        void operator()(__db* db) const;
    };
    explicit DbFile(__db* db) : db_(db) {}
    std::unique_ptr<__db, Closer> db_;
    std::string last_error_;
};

// "name" -> "name.db" unless it already ends in ".db" (sendmail's convention).
std::string db_file_name(std::string_view name);

}  // namespace maps
