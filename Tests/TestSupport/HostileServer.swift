import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scripted, deliberately unfriendly HTTP/1.1 server on 127.0.0.1 for tests of HTTP clients.
///
/// Each accepted connection runs `script` on its own `Thread` (not the Swift concurrency pool, which a test may
/// saturate). The script reads requests and answers them well, badly, slowly or not at all. Every request read is
/// recorded. `stop()` (also run by `deinit`) closes the listener and shuts every open connection down without
/// waiting for any thread, so a wedged script can never hang a test.
public final class HostileServer: Sendable {
    /// The port the kernel picked on 127.0.0.1.
    public let port: Int
    /// `http://127.0.0.1:PORT/v1`, the base URL clients under test should use.
    public let baseURL: URL
    let core: HostileServerCore

    /// Listens on an ephemeral loopback port and runs `script` for each connection.
    ///
    /// `readTimeout` bounds each blocking read and write of a connection (SO_RCVTIMEO / SO_SNDTIMEO), and
    /// `maxHeadBytes` bounds a request head; beyond either, `readRequest()` gives up and returns nil.
    /// `receiveBuffer` caps the kernel's receive buffer of every connection (SO_RCVBUF, set before `listen`
    /// so the window is small from the first byte): a slow reader then slows the sender at once.
    public init(
        readTimeout: Double = 5,
        maxHeadBytes: Int = 64 * 1024,
        receiveBuffer: Int32? = nil,
        _ script: @escaping @Sendable (HostileConnection) -> Void
    ) throws {
        let listener = try Socket.listenOnLoopback(receiveBuffer: receiveBuffer)
        core = HostileServerCore(
            listener: listener.fd, readTimeout: readTimeout, maxHeadBytes: maxHeadBytes, script: script)
        port = listener.port
        baseURL = URL(string: "http://127.0.0.1:\(listener.port)/v1")!
        let core = core
        let thread = Thread { core.acceptLoop() }
        thread.name = "HostileServer.accept:\(listener.port)"
        thread.start()
    }

    deinit {
        core.stop()
    }

    /// Every request read so far, in the order reads finished.
    public var requests: [RecordedRequest] { core.recordedRequests }

    /// How many connections were accepted so far.
    public var connectionCount: Int { core.acceptedCount }

    /// How many connection scripts are still running.
    public var activeConnectionCount: Int { core.activeCount }

    /// Whether `stop()` ran.
    public var isStopped: Bool { core.isStopped }

    /// Closes the listener and every open connection; returns at once and may be called again.
    public func stop() {
        core.stop()
    }

    /// Waits until no connection script runs (or `timeout` seconds pass); true when none runs.
    @discardableResult
    public func waitForIdle(timeout: Double) -> Bool {
        core.waitForIdle(timeout: timeout)
    }
}

/// The errors `HostileServer.init` throws.
public struct HostileServerError: Error, CustomStringConvertible {
    /// The failed call and its errno text.
    public let description: String
}

/// The state the accept thread, the connection threads and the server share, behind one lock.
final class HostileServerCore: @unchecked Sendable {
    let readTimeout: Double
    let maxHeadBytes: Int
    private let script: @Sendable (HostileConnection) -> Void
    private let condition = NSCondition()
    private var listener: Int32
    private var stopped = false
    private var connections: [ObjectIdentifier: HostileConnection] = [:]
    private var requests: [RecordedRequest] = []
    private var accepted = 0
    private var active = 0

    init(
        listener: Int32, readTimeout: Double, maxHeadBytes: Int, script: @escaping @Sendable (HostileConnection) -> Void
    ) {
        self.listener = listener
        self.readTimeout = readTimeout
        self.maxHeadBytes = maxHeadBytes
        self.script = script
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    var recordedRequests: [RecordedRequest] { locked { requests } }
    var acceptedCount: Int { locked { accepted } }
    var activeCount: Int { locked { active } }
    var isStopped: Bool { locked { stopped } }

    func record(_ request: RecordedRequest) {
        locked { requests.append(request) }
    }

    /// Polls the (non-blocking) listener in short slices so the loop ends soon after `stop()`.
    func acceptLoop() {
        while true {
            let fd = locked { stopped ? -1 : listener }
            if fd < 0 { return }
            // poll outside the lock; if stop() closed the descriptor meanwhile, accept below is skipped.
            _ = Socket.waitReadable(fd, milliseconds: 100)
            let connection: HostileConnection? = locked {
                guard !stopped, let client = Socket.accept(listener) else { return nil }
                let connection = HostileConnection(fd: client, index: accepted, core: self)
                accepted += 1
                active += 1
                connections[ObjectIdentifier(connection)] = connection
                return connection
            }
            guard let connection else { continue }
            let script = script
            let thread = Thread { [self] in
                script(connection)
                connection.close()
                locked {
                    connections[ObjectIdentifier(connection)] = nil
                    active -= 1
                    condition.broadcast()
                }
            }
            thread.name = "HostileServer.connection#\(connection.index)"
            thread.start()
        }
    }

    func stop() {
        let open: [HostileConnection] = locked {
            guard !stopped else { return [] }
            stopped = true
            // shutdown first: it stops the listening at once (and wakes the poll) even while poll still holds the file.
            _ = shutdown(listener, Int32(SHUT_RDWR))
            Socket.close(listener)
            listener = -1
            condition.broadcast()
            return Array(connections.values)
        }
        for connection in open { connection.shutdownForStop() }
    }

    /// Sleeps until `deadline` or `stop()`; true when the whole time passed.
    func sleep(until deadline: Date) -> Bool {
        locked {
            while !stopped && Date() < deadline { _ = condition.wait(until: deadline) }
            return !stopped
        }
    }

    func waitForIdle(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        return locked {
            while active > 0 && Date() < deadline { _ = condition.wait(until: deadline) }
            return active == 0
        }
    }
}
