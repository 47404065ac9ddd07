// test_times.cpp: sendmail intervals (units, defaults, bounds, garbage) and
// RFC 5322 dates in any time zone and locale.
#include <cppunit/extensions/HelperMacros.h>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <string>

#include "util/times.hpp"

using std::chrono::seconds;

namespace {
long long secs(std::string_view text, char unit = 's') {
    auto r = util::parse_interval(text, unit);
    return r.ok() ? r->count() : -1;
}

// Sets TZ for one test and puts it back.
struct WithTz {
    std::string old;
    bool had;
    explicit WithTz(const char* tz) {
        const char* o = std::getenv("TZ");
        had = o != nullptr;
        if (had) old = o;
        ::setenv("TZ", tz, 1);
        ::tzset();
    }
    ~WithTz() {
        if (had)
            ::setenv("TZ", old.c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
};
}  // namespace

class TimesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TimesTest);
    CPPUNIT_TEST(test_units_and_sums);
    CPPUNIT_TEST(test_bare_number_takes_default_unit);
    CPPUNIT_TEST(test_empty_is_zero);
    CPPUNIT_TEST(test_unknown_unit_is_refused);
    CPPUNIT_TEST(test_unit_without_number_is_refused);
    CPPUNIT_TEST(test_overflow_is_refused_not_wrapped);
    CPPUNIT_TEST(test_bad_default_unit_is_refused);
    CPPUNIT_TEST(test_format_round_trips);
    CPPUNIT_TEST(test_date_in_utc);
    CPPUNIT_TEST(test_date_with_negative_and_half_hour_offsets);
    CPPUNIT_TEST(test_date_is_english_in_any_locale);
    CPPUNIT_TEST_SUITE_END();

public:
    void test_units_and_sums() {
        CPPUNIT_ASSERT_EQUAL(900LL, secs("15m"));
        CPPUNIT_ASSERT_EQUAL(5400LL, secs("1h30m"));
        CPPUNIT_ASSERT_EQUAL(5LL * 86400, secs("5d"));
        CPPUNIT_ASSERT_EQUAL(604800LL + 1, secs("1w1s"));
        CPPUNIT_ASSERT_EQUAL(3600LL, secs("1H"));
    }
    void test_bare_number_takes_default_unit() {
        CPPUNIT_ASSERT_EQUAL(15LL * 60, secs("15", 'm'));
        CPPUNIT_ASSERT_EQUAL(15LL, secs("15", 's'));
        CPPUNIT_ASSERT_EQUAL(3600LL + 2 * 86400, secs("1h2", 'd'));
    }
    void test_empty_is_zero() { CPPUNIT_ASSERT_EQUAL(0LL, secs("")); }
    void test_unknown_unit_is_refused() {
        auto r = util::parse_interval("5y", 's');
        CPPUNIT_ASSERT(!r.ok());
        CPPUNIT_ASSERT_EQUAL(std::string("invalid time unit `y' in `5y'"), r.error().message);
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("5m "));
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("-5m"));
    }
    void test_unit_without_number_is_refused() {
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("m"));
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("1hm"));
    }
    void test_overflow_is_refused_not_wrapped() {
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("99999999999999999999999999s"));
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("4000w"));
        CPPUNIT_ASSERT_EQUAL(-1LL, secs("2147483647s1s"));
        CPPUNIT_ASSERT_EQUAL(2147483647LL, secs("2147483647s"));
        CPPUNIT_ASSERT_EQUAL(-1LL, secs(std::string(100000, '9')));
    }
    void test_bad_default_unit_is_refused() { CPPUNIT_ASSERT(!util::parse_interval("5", 'x').ok()); }
    void test_format_round_trips() {
        CPPUNIT_ASSERT_EQUAL(std::string("0s"), util::format_interval(seconds(0)));
        CPPUNIT_ASSERT_EQUAL(std::string("1h30m"), util::format_interval(seconds(5400)));
        CPPUNIT_ASSERT_EQUAL(std::string("1w2d3h4m5s"),
                             util::format_interval(seconds(604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5)));
        for (long long s : {1LL, 59LL, 61LL, 86399LL, 1234567LL})
            CPPUNIT_ASSERT_EQUAL(s, secs(util::format_interval(seconds(s))));
    }
    void test_date_in_utc() {
        WithTz tz("UTC");
        CPPUNIT_ASSERT_EQUAL(std::string("Wed, 2 Dec 2026 03:46:44 +0000"), util::rfc5322_date(1796183204));
        CPPUNIT_ASSERT_EQUAL(std::string("Thu, 1 Jan 1970 00:00:00 +0000"), util::rfc5322_date(0));
    }
    void test_date_with_negative_and_half_hour_offsets() {
        {
            WithTz tz("EST5");
            CPPUNIT_ASSERT_EQUAL(std::string("Tue, 1 Dec 2026 22:46:44 -0500"), util::rfc5322_date(1796183204));
        }
        WithTz tz("IST-5:30");
        CPPUNIT_ASSERT_EQUAL(std::string("Wed, 2 Dec 2026 09:16:44 +0530"), util::rfc5322_date(1796183204));
    }
    void test_date_is_english_in_any_locale() {
        WithTz tz("UTC");
        const char* old = std::setlocale(LC_TIME, nullptr);
        std::string saved = old ? old : "C";
        std::setlocale(LC_TIME, "de_DE.UTF-8");  // may not exist; then C stays, and the check still holds
        std::string d = util::rfc5322_date(1796183204);
        std::setlocale(LC_TIME, saved.c_str());
        CPPUNIT_ASSERT_EQUAL(std::string("Wed, 2 Dec 2026 03:46:44 +0000"), d);
    }
};
CPPUNIT_TEST_SUITE_REGISTRATION(TimesTest);
