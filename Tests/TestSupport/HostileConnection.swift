import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One accepted connection of a `HostileServer`, handed to the script on the connection's own thread.
///
/// Use it from that thread only: the read buffer is not locked. Every call is bounded by the server's read
/// timeout and ends soon after `stop()`; writes to a peer that hung up return false instead of raising SIGPIPE.
public final class HostileConnection: @unchecked Sendable {
    /// The connection's place (0-based) in accept order.
    public let index: Int
    private let core: HostileServerCore
    private let lock = NSLock()
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    init(fd: Int32, index: Int, core: HostileServerCore) {
        self.fd = fd
        self.index = index
        self.core = core
        Socket.setTimeouts(fd, seconds: core.readTimeout)
    }

    deinit {
        close()
    }

    /// Whether the server stopped; scripts that loop on their own should end when it did.
    public var isStopped: Bool { core.isStopped }

    private var descriptor: Int32 { lock.withLock { fd } }

    // MARK: Reading

    /// Reads the next request (head, then body); nil when the client closed, stalled past the read timeout,
    /// sent a malformed or oversized head, or cut the body short.
    ///
    /// Bodies come by Content-Length or chunked transfer encoding. The body is kept when `discardBody` is
    /// false and it is at most `maxStoredBodyBytes` long; otherwise only its length is counted, so a
    /// multi-GB upload can be consumed. With `sendContinue`, a request with `Expect: 100-continue` gets an
    /// interim `100 Continue` before its body is read. Bytes past the request stay buffered for the next call.
    /// `pausePerRead` seconds of sleep before each read of the body make a slow reader (a slow upload link).
    public func readRequest(
        discardBody: Bool = false,
        maxStoredBodyBytes: Int = 1 << 20,
        sendContinue: Bool = true,
        pausePerRead: Double = 0
    ) -> RecordedRequest? {
        guard let head = readHead() else { return nil }
        bodyPause = pausePerRead
        defer { bodyPause = 0 }
        if sendContinue, head.header("Expect")?.lowercased() == "100-continue" {
            write("HTTP/1.1 100 Continue\r\n\r\n")
        }
        var sink = BodySink(keep: !discardBody, limit: maxStoredBodyBytes)
        let complete: Bool
        if head.isChunked {
            complete = readChunkedBody(into: &sink)
        } else if let length = head.header("Content-Length").flatMap({ Int($0) }), length > 0 {
            complete = readExactly(length, into: &sink)
        } else {
            complete = true
        }
        let request = RecordedRequest(
            method: head.method, target: head.target, version: head.version, headers: head.headers,
            bodyByteCount: sink.count, body: sink.bytes, isChunked: head.isChunked, isComplete: complete,
            connectionIndex: index)
        core.record(request)
        return complete ? request : nil
    }

    private var buffered: Int { buffer.count - bufferStart }

    /// Seconds to sleep before each read while a body is read.
    private var bodyPause = 0.0

    /// Appends what one recv returns to the buffer; false on EOF, timeout, error or a closed connection.
    private func fill() -> Bool {
        let fd = descriptor
        guard fd >= 0 else { return false }
        if bufferStart > 0 && bufferStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            bufferStart = 0
        } else if bufferStart > 64 * 1024 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        if bodyPause > 0 { stall(seconds: bodyPause) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }

    /// Reads up to the blank line that ends a head and parses it, skipping stray CRLFs before it.
    private func readHead() -> RequestHead? {
        var scanned = 0
        while true {
            while buffered >= 2 && buffer[bufferStart] == 13 && buffer[bufferStart + 1] == 10 {
                bufferStart += 2
            }
            if let end = find([13, 10, 13, 10], from: bufferStart + max(0, scanned - 3)) {
                let head = RequestHead(buffer[bufferStart..<end])
                bufferStart = end + 4
                return head
            }
            scanned = buffered
            guard buffered <= core.maxHeadBytes, fill() else { return nil }
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard buffer.count >= needle.count, start <= buffer.count - needle.count else { return nil }
        for index in start...(buffer.count - needle.count) where buffer[index] == needle[0] {
            if buffer[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// Moves `count` bytes into `sink`, from the buffer first, then from the socket.
    private func readExactly(_ count: Int, into sink: inout BodySink) -> Bool {
        var remaining = count
        while remaining > 0 {
            if buffered == 0 {
                guard fill() else { return false }
            }
            let take = min(remaining, buffered)
            sink.take(buffer[bufferStart..<(bufferStart + take)])
            bufferStart += take
            remaining -= take
        }
        return true
    }

    /// Reads one line ending in CRLF, at most 8 KiB long.
    private func readLine() -> String? {
        while true {
            if let end = find([13, 10], from: bufferStart) {
                let line = String(decoding: buffer[bufferStart..<end], as: UTF8.self)
                bufferStart = end + 2
                return line
            }
            guard buffered <= 8 * 1024, fill() else { return nil }
        }
    }

    private func readChunkedBody(into sink: inout BodySink) -> Bool {
        while true {
            guard let line = readLine() else { return false }
            let sizeText = line.prefix { $0 != ";" }.trimmingSpacesAndTabs()
            guard let size = Int(sizeText, radix: 16), size >= 0 else { return false }
            if size == 0 {
                while let trailer = readLine() {
                    if trailer.isEmpty { return true }
                }
                return false
            }
            guard readExactly(size, into: &sink), readLine() == "" else { return false }
        }
    }

    // MARK: Writing

    /// Writes `bytes`; false when the peer is gone, the send timed out or the connection is closed.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        send(bytes) == bytes.count
    }

    /// Writes `text` as UTF-8; false when the peer is gone, the send timed out or the connection is closed.
    @discardableResult
    public func write(_ text: String) -> Bool {
        write(Array(text.utf8))
    }

    /// Sends what it can of `bytes` and returns how many went out.
    private func send(_ bytes: [UInt8]) -> Int {
        let fd = descriptor
        guard fd >= 0 else { return 0 }
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes {
                Socket.send(fd, $0.baseAddress! + sent, bytes.count - sent, Socket.sendFlags)
            }
            if count > 0 {
                sent += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return sent
    }

    /// Writes a status line and header fields, and the blank line after them; nothing else.
    @discardableResult
    public func sendHead(status: Int, headers: [(String, String)] = []) -> Bool {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return write(head + "\r\n")
    }

    /// Writes a whole response; adds `Content-Length` unless `headers` has one.
    @discardableResult
    public func respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) -> Bool {
        var fields = headers
        if !fields.contains(where: { $0.0.lowercased() == "content-length" }) {
            fields.append(("Content-Length", String(body.count)))
        }
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in fields { head += "\(name): \(value)\r\n" }
        return write(Array((head + "\r\n").utf8) + body)
    }

    /// Writes a whole response with a UTF-8 `body`; adds `Content-Length` unless `headers` has one.
    @discardableResult
    public func respond(status: Int, headers: [(String, String)] = [], body: String) -> Bool {
        respond(status: status, headers: headers, body: Array(body.utf8))
    }

    /// Writes `totalBytes` copies of `byte` in `chunk`-sized sends; stops quietly when the peer hangs up
    /// (or stops reading past the send timeout) and returns how many bytes went out.
    @discardableResult
    public func streamBody(totalBytes: Int, chunk: Int = 64 * 1024, byte: UInt8 = UInt8(ascii: "x")) -> Int {
        let block = [UInt8](repeating: byte, count: max(1, min(chunk, totalBytes)))
        var written = 0
        while written < totalBytes {
            let piece = written + block.count <= totalBytes ? block : Array(block[..<(totalBytes - written)])
            let sent = send(piece)
            written += sent
            if sent < piece.count { break }
        }
        return written
    }

    // MARK: Misbehaving

    /// Sleeps `seconds`, returning early when the server stops; true when the whole time passed.
    @discardableResult
    public func stall(seconds: Double) -> Bool {
        core.sleep(until: Date(timeIntervalSinceNow: seconds))
    }

    /// Aborts the connection: SO_LINGER {1, 0} then close, so the peer sees ECONNRESET.
    public func reset() {
        let fd = lock.withLock {
            let fd = self.fd
            self.fd = -1
            return fd
        }
        guard fd >= 0 else { return }
        Socket.setOption(fd, SO_LINGER, linger(l_onoff: 1, l_linger: 0))
        Socket.close(fd)
    }

    /// Closes the connection after a FIN (a no-op when already closed).
    ///
    /// Unread request bytes left in the kernel make the close an RST anyway; read the request first.
    public func close() {
        let fd = lock.withLock {
            let fd = self.fd
            self.fd = -1
            return fd
        }
        guard fd >= 0 else { return }
        _ = shutdown(fd, Int32(SHUT_WR))
        Socket.close(fd)
    }

    /// Wakes any blocked recv or send with EOF/EPIPE; the connection's thread closes the descriptor.
    func shutdownForStop() {
        lock.withLock {
            if fd >= 0 { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 413: "Content Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// Counts body bytes and keeps them while they fit in `limit`.
private struct BodySink {
    let keep: Bool
    let limit: Int
    var count = 0
    var kept: [UInt8] = []
    var overflowed = false

    init(keep: Bool, limit: Int) {
        self.keep = keep
        self.limit = limit
    }

    var bytes: [UInt8]? { keep && !overflowed ? kept : nil }

    mutating func take(_ slice: ArraySlice<UInt8>) {
        count += slice.count
        guard keep && !overflowed else { return }
        if count > limit {
            overflowed = true
            kept = []
        } else {
            kept.append(contentsOf: slice)
        }
    }
}
