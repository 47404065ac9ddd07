// test_statistics.cpp: the statistics file's version 4 binary layout, the
// errors for foreign files, the locked update, and sendmail's kbyte rounding.
#include <cppunit/extensions/HelperMacros.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "queue/statistics.hpp"

class StatisticsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StatisticsTest);
    CPPUNIT_TEST(test_layout_offsets);
    CPPUNIT_TEST(test_round_trip);
    CPPUNIT_TEST(test_empty_file_starts_now);
    CPPUNIT_TEST(test_foreign_files_are_refused);
    CPPUNIT_TEST(test_count_received_updates_existing_file_only);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_layout_offsets() {
        queue::Statistics s;
        s.started = 0x1122334455667788;
        s.conn_from = 7;
        s.msgs_from[9] = 2;
        s.quarantined[24] = 5;
        std::string d = queue::encode_statistics(s);
        CPPUNIT_ASSERT_EQUAL(size_t(1448), d.size());
        int32_t magic;
        std::memcpy(&magic, d.data(), 4);
        CPPUNIT_ASSERT_EQUAL(int32_t(0x1B1DE), magic);
        int16_t size;
        std::memcpy(&size, d.data() + 16, 2);
        CPPUNIT_ASSERT_EQUAL(int16_t(1448), size);
        int64_t v;
        std::memcpy(&v, d.data() + 0x78, 8);  // msgs_from[9]
        CPPUNIT_ASSERT_EQUAL(int64_t(2), v);
        std::memcpy(&v, d.data() + 1440, 8);  // the last quarantine counter
        CPPUNIT_ASSERT_EQUAL(int64_t(5), v);
    }
    void test_round_trip() {
        queue::Statistics s;
        s.started = 1700000000;
        s.kbytes_to[3] = 12345;
        auto back = queue::decode_statistics(queue::encode_statistics(s), "f", 0);
        CPPUNIT_ASSERT(back.ok());
        CPPUNIT_ASSERT_EQUAL(int64_t(12345), back->kbytes_to[3]);
        CPPUNIT_ASSERT_EQUAL(int64_t(1700000000), back->started);
    }
    void test_empty_file_starts_now() {
        auto s = queue::decode_statistics("", "f", 42);
        CPPUNIT_ASSERT(s.ok());
        CPPUNIT_ASSERT_EQUAL(int64_t(42), s->started);
    }
    void test_foreign_files_are_refused() {
        CPPUNIT_ASSERT_EQUAL(std::string("incorrect magic number in f"),
                             queue::decode_statistics("garbage!", "f", 0).error().message);
        std::string d = queue::encode_statistics({});
        d[4] = 3;
        CPPUNIT_ASSERT_EQUAL(std::string("version (4) incompatible with f version (3)"),
                             queue::decode_statistics(d, "f", 0).error().message);
    }
    void test_count_received_updates_existing_file_only() {
        char tmpl[] = "/tmp/stattestXXXXXX";
        std::string dir = mkdtemp(tmpl);
        std::string path = dir + "/statistics";
        CPPUNIT_ASSERT(queue::count_received(path, 3, 100).ok());
        CPPUNIT_ASSERT(!std::filesystem::exists(path));
        std::ofstream(path).close();
        CPPUNIT_ASSERT(queue::count_received(path, 3, 3013).ok());
        CPPUNIT_ASSERT(queue::count_received(path, 3, 24).ok());
        std::ifstream in(path, std::ios::binary);
        std::string data((std::istreambuf_iterator<char>(in)), {});
        auto s = queue::decode_statistics(data, path, 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), s->msgs_from[3]);
        CPPUNIT_ASSERT_EQUAL(int64_t(5), s->kbytes_from[3]);  // 4 + 1: each rounded up to 1000 bytes
        std::filesystem::remove_all(dir);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(StatisticsTest);
