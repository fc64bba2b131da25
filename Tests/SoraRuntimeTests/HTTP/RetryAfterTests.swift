import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

/// `retry-after-ms` first, then `Retry-After` as seconds or as an HTTP date relative to `now`.
@Suite struct RetryAfterTests {
    /// 2015-10-21 07:27:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_445_412_450)

    @Test(arguments: [
        ("1500", 1.5),
        ("0", 0),
        ("250.5", 0.2505),
    ])
    func milliseconds(text: String, seconds: Double) {
        #expect(RetryAfter.seconds(from: headers(ms: text), now: Self.now) == seconds)
    }

    @Test func millisecondsWinOverRetryAfter() {
        #expect(RetryAfter.seconds(from: headers(ms: "200", retryAfter: "30"), now: Self.now) == 0.2)
    }

    @Test(arguments: ["soon", "-1", "", "inf", "nan"])
    func unusableMillisecondsFallBackToRetryAfter(text: String) {
        #expect(RetryAfter.seconds(from: headers(ms: text, retryAfter: "3"), now: Self.now) == 3)
    }

    @Test(arguments: [
        ("120", 120.0),
        ("0", 0),
        (" 3 ", 3),
    ])
    func seconds(text: String, seconds: Double) {
        #expect(RetryAfter.seconds(from: headers(retryAfter: text), now: Self.now) == seconds)
    }

    @Test(arguments: [
        ("Wed, 21 Oct 2015 07:28:00 GMT", 30.0),
        ("Wed, 21 Oct 2015 08:27:30 GMT", 3600),
        ("Wed, 21 Oct 2015 07:27:30 GMT", 0),
        ("Wed, 21 Oct 2015 07:00:00 GMT", 0),
        ("Tue, 20 Oct 2015 07:27:30 GMT", 0),
    ])
    func httpDateIsRelativeToNowAndNeverNegative(text: String, seconds: Double) {
        #expect(RetryAfter.seconds(from: headers(retryAfter: text), now: Self.now) == seconds)
    }

    @Test(arguments: [
        "soon", "-5", "", "inf", "Infinity", "nan", "21 Oct 2015", "Wed, 32 Oct 2015 07:28:00 GMT",
        "Wed, 29 Feb 2015 07:28:00 GMT", "Wed, 21 Oct 2015 24:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 UTC",
        "Wed, 21 Okt 2015 07:28:00 GMT", "Wed, 2x Oct 2015 07:28:00 GMT", "Xyz, 21 Oct 2015 07:28:00 GMT",
    ])
    func garbageIsNil(text: String) {
        #expect(RetryAfter.seconds(from: headers(retryAfter: text), now: Self.now) == nil)
    }

    @Test(arguments: ["inf", "Infinity"])
    func infiniteMillisecondsAloneAreNil(text: String) {
        #expect(RetryAfter.seconds(from: headers(ms: text), now: Self.now) == nil)
    }

    @Test(arguments: [
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0.0),
        ("Tue, 29 Feb 2000 12:00:00 GMT", 951_825_600),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 253_402_300_799),
    ])
    func httpDatesAreReadWithoutAFormatter(text: String, epoch: Double) {
        #expect(RetryAfter.httpDate(text)?.timeIntervalSince1970 == epoch)
    }

    @Test func noHeadersIsNil() {
        #expect(RetryAfter.seconds(from: HTTPFields(), now: Self.now) == nil)
    }

    private func headers(ms: String? = nil, retryAfter: String? = nil) -> HTTPFields {
        var fields = HTTPFields()
        if let ms { fields[HTTPField.Name("retry-after-ms")!] = ms }
        if let retryAfter { fields[.retryAfter] = retryAfter }
        return fields
    }
}
