import Hummingbird

/// An entry point for fuzzing the create request's parsing and validation without a server.
@_spi(Fuzzing)
public enum CreateRequestFuzzing {
    /// Parses `body` as a create form sent with `contentType`, fed in chunks of `chunkSize` bytes, then
    /// validates it; returns whether the request would create a job. Must never trap, whatever the input.
    public static func parse(contentType: String, body: [UInt8], chunkSize: Int) -> Bool {
        do {
            let parser = try FormParser(contentType: contentType, maxBodyBytes: 1 << 20)
            var offset = 0
            let step = max(1, chunkSize)
            while offset < body.count {
                let end = body.count - offset > step ? offset + step : body.count
                try parser.feed(ByteBuffer(bytes: body[offset..<end]))
                offset = end
            }
            let form = try parser.finish()
            _ = form.fingerprint()
            return (try? CreateRules.validate(form).get()) != nil
        } catch {
            return false
        }
    }
}
