import Hummingbird
import Logging

/// A local server that behaves like the Sora-2 (OpenAI Videos) API, under `/v1`, plus `/__mock/stats`.
public actor MockServer {
    /// The configuration the server was made with.
    public let configuration: MockConfiguration
    private let state: ServerState
    private var task: Task<Void, Never>?
    /// The bound port once `start()` returned.
    public private(set) var port: Int?

    /// A server that is not listening yet.
    public init(configuration: MockConfiguration = MockConfiguration()) {
        self.configuration = configuration
        self.state = ServerState(configuration: configuration)
    }

    /// The base URL clients use: `http://HOST:PORT/v1`.
    public var baseURL: String? { port.map { "http://\(configuration.host):\($0)/v1" } }

    /// Binds and serves in the background; returns the bound port (useful with port 0).
    public func start() async throws -> Int {
        if let port { return port }
        let (stream, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let application = makeApplication { port in continuation.yield(.success(port)) }
        task = Task {
            do {
                try await application.run()
                continuation.yield(.failure(CancellationError()))
            } catch {
                continuation.yield(.failure(error))
            }
        }
        var iterator = stream.makeAsyncIterator()
        let bound = try await iterator.next()!.get()
        port = bound
        return bound
    }

    /// Stops serving and waits for the server to shut down.
    public func stop() async {
        task?.cancel()
        await task?.value
        task = nil
        port = nil
    }

    /// Serves in the foreground until SIGINT or SIGTERM, calling `onListening` with `http://HOST:PORT` first.
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let host = configuration.host
        let application = makeApplication { port in onListening("http://\(host):\(port)") }
        try await application.runService()
    }

    /// Replaces the fault plan (counters start again).
    public func setFaults(_ plan: FaultPlan) async {
        await state.faults.set(plan)
    }

    /// What the server has seen so far.
    public func stats() async -> MockStats {
        await state.stats.snapshot
    }

    private func makeApplication(onPort: @escaping @Sendable (Int) -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "sora-mock")
        logger.logLevel = .critical
        let dispatcher = Dispatcher(state: state)
        return Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                await dispatcher.respond(to: request)
            },
            server: .http1(
                configuration: .init(idleTimeout: .milliseconds(Self.readTimeoutMilliseconds(configuration)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in onPort(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }
}

extension MockServer {
    /// The connection read/idle timeout in milliseconds: `readTimeout` clamped to 0.01...86_400 s (NaN gives
    /// the 30 s default).
    ///
    /// Hummingbird's idle timer restarts on every request part it decodes, so a head that is not complete
    /// within this time (however slowly it trickles), a body with no byte for this time, and an idle
    /// keep-alive connection all get the connection closed, while a response being written is never cut.
    static func readTimeoutMilliseconds(_ configuration: MockConfiguration) -> Int64 {
        let seconds = configuration.readTimeout
        return Int64(seconds.isNaN ? 30_000 : CheckedNumber.clamped(seconds * 1_000, to: 10...86_400_000))
    }
}

/// Everything the request handlers share.
final class ServerState: Sendable {
    let configuration: MockConfiguration
    let jobs: JobStore
    let faults: FaultInjector
    let stats = StatsRecorder()

    init(configuration: MockConfiguration) {
        self.configuration = configuration
        self.jobs = JobStore(duration: configuration.jobSeconds, capacity: configuration.maxJobs)
        self.faults = FaultInjector(configuration.faults)
    }
}
