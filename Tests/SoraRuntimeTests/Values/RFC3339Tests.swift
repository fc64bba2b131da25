import Foundation
import HTTPTypes
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Lenient RFC 3339 reading, exact writing, and the JSON coders that use them.
@Suite struct RFC3339Tests {
    @Test(arguments: [
        ("2024-05-06T07:08:09Z", 1_714_979_289.0),
        ("2024-05-06t07:08:09z", 1_714_979_289.0),
        ("2024-05-06 07:08:09Z", 1_714_979_289.0),
        ("2024-05-06T07:08:09.5Z", 1_714_979_289.5),
        ("2024-05-06T07:08:09.123456789123Z", 1_714_979_289.123456789),
        ("2024-05-06T09:08:09+02:00", 1_714_979_289.0),
        ("2024-05-06T02:38:09-0430", 1_714_979_289.0),
        ("2024-05-06", 1_714_953_600.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2016-12-31T23:59:60Z", 1_483_228_800.0),
        ("2000-02-29T00:00:00Z", 951_782_400.0),
        ("0001-01-01T00:00:00Z", -62_135_596_800.0),
    ])
    func readsEveryCommonForm(text: String, seconds: Double) throws {
        let date = try #require(RFC3339.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 1e-6)
    }

    @Test(arguments: [
        "", "2024", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-06T24:00:00Z", "2024-05-06T07:60:00Z",
        "2024-05-06T07:08:09", "2024-05-06T07:08:09.Z", "2024-05-06T07:08:09+2:00", "2024-05-06T07:08:09Z ",
        "2024-05-06T07:08:09+24:00", "２０２４-05-06", "2024-05-06T07:08", "-2024-05-06", "2024-5-6",
        String(repeating: "9", count: 10_000),
    ])
    func refusesGarbage(text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test(arguments: [
        (1_714_979_289.0, "2024-05-06T07:08:09Z"),
        (1_714_979_289.5, "2024-05-06T07:08:09.5Z"),
        (1_714_979_289.123, "2024-05-06T07:08:09.123Z"),
        (-0.25, "1969-12-31T23:59:59.75Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
    ])
    func writesUTCWithAFractionOnlyWhenNeeded(seconds: Double, text: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 253_402_300_800])
    func datesItCannotWriteAreNil(seconds: Double) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == nil)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() {
        for day in stride(from: -146_097, through: 146_097, by: 1) {
            let civil = RFC3339.civil(fromDays: day)
            #expect(RFC3339.daysFromEpoch(year: civil.year, month: civil.month, day: civil.day) == day)
        }
    }

    @Test func jsonCodersUseRFC3339() throws {
        let decoded = try JSONCoding.decoder().decode(
            [Stamp].self,
            from: Data(#"[{"at":"2024-05-06T07:08:09Z"},{"at":"2024-05-06T09:08:09.250+02:00"}]"#.utf8))
        #expect(decoded.map(\.at.timeIntervalSince1970) == [1_714_979_289, 1_714_979_289.25])
        let encoded = try JSONCoding.encoder().encode(decoded)
        #expect(
            String(decoding: encoded, as: UTF8.self)
                == #"[{"at":"2024-05-06T07:08:09Z"},{"at":"2024-05-06T07:08:09.25Z"}]"#)
    }

    @Test func aBadDateIsADecodingError() async throws {
        #expect(throws: DecodingError.self) {
            try JSONCoding.decoder().decode(Stamp.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
        #expect(throws: EncodingError.self) {
            try JSONCoding.encoder().encode(Stamp(at: Date(timeIntervalSince1970: .infinity)))
        }
        let response = OperationResponse(
            operationID: "op", response: HTTPResponse(status: .ok), body: HTTPBody(#"{"at":"2024-99-01"}"#),
            redact: { $0 })
        do {
            _ = try await response.decodeJSON(Stamp.self)
            Issue.record("a bad date decoded")
        } catch {
            guard case .decoding(let failure) = error else {
                Issue.record("expected .decoding, got \(error)")
                return
            }
            #expect(failure.message == "not an RFC 3339 date-time: 2024-99-01 at at")
        }
    }
}

private struct Stamp: Codable, Sendable {
    var at: Date
}
