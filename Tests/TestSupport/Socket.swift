#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX socket calls, the same on Glibc and Darwin.
enum Socket {
    #if canImport(Glibc)
        private static let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
        private static let streamType = SOCK_STREAM
        static let sendFlags: Int32 = 0
    #endif

    private static func failure(_ call: String) -> HostileServerError {
        HostileServerError(description: "\(call): \(String(cString: strerror(errno)))")
    }

    /// A non-blocking listener on 127.0.0.1 with a kernel-picked port.
    static func listenOnLoopback(receiveBuffer: Int32? = nil) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw failure("socket") }
        if let receiveBuffer { setOption(fd, SO_RCVBUF, receiveBuffer) }
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound, listen(fd, 128) == 0 else {
            let error = failure("bind/listen")
            close(fd)
            throw error
        }
        setCloseOnExec(fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Accepts one pending connection as a blocking, close-on-exec socket; nil when none is pending.
    static func accept(_ listener: Int32) -> Int32? {
        #if canImport(Glibc)
            let fd = Glibc.accept(listener, nil, nil)
        #else
            let fd = Darwin.accept(listener, nil, nil)
        #endif
        guard fd >= 0 else { return nil }
        setCloseOnExec(fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        #if canImport(Darwin)
            setOption(fd, SO_NOSIGPIPE, Int32(1))
        #endif
        return fd
    }

    /// Keeps child processes (e.g. a `curl` the test spawns) from inheriting the descriptor.
    private static func setCloseOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }

    static func setOption<T: BitwiseCopyable>(_ fd: Int32, _ name: Int32, _ value: T) {
        withUnsafeBytes(of: value) { _ = setsockopt(fd, SOL_SOCKET, name, $0.baseAddress, socklen_t($0.count)) }
    }

    /// Sets SO_RCVTIMEO and SO_SNDTIMEO to `seconds`.
    static func setTimeouts(_ fd: Int32, seconds: Double) {
        let whole = Int(seconds)
        let time = timeval(tv_sec: .init(whole), tv_usec: .init((seconds - Double(whole)) * 1_000_000))
        setOption(fd, SO_RCVTIMEO, time)
        setOption(fd, SO_SNDTIMEO, time)
    }

    /// Waits up to `milliseconds` for `fd` to become readable; true when it did.
    static func waitReadable(_ fd: Int32, milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// One send(2) with SIGPIPE suppressed; the count sent, or -1 with errno set.
    static func send(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
        #if canImport(Glibc)
            Glibc.send(fd, bytes, count, flags)
        #else
            Darwin.send(fd, bytes, count, flags)
        #endif
    }

    static func close(_ fd: Int32) {
        #if canImport(Glibc)
            _ = Glibc.close(fd)
        #else
            _ = Darwin.close(fd)
        #endif
    }
}
