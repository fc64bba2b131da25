import Foundation
import HTTPTypes

/// Reads `retry-after-ms` and `Retry-After` (seconds or an HTTP date).
public enum RetryAfter {
    /// Seconds to wait, if the server said.
    public static func seconds(from headers: HTTPFields, now: Date = Date()) -> Double? {
        if let text = headers[HTTPField.Name("retry-after-ms")!], let milliseconds = Double(text),
            milliseconds.isFinite, milliseconds >= 0
        {
            return milliseconds / 1000
        }
        guard let text = headers[.retryAfter]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text), seconds.isFinite, seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
