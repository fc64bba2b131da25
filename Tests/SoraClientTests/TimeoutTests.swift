import Dispatch
import Foundation
import HTTPTypes
import OpenAPIRuntime
import SoraClient
import Testing

/// Idle, connect and deadline limits end every stalled wait, even in a transport that ignores cancellation,
/// and never cut a transfer that keeps moving. Bounds on elapsed time are wide (a stall lasts 120 s, the bound
/// is 60 s): time the process cannot run does not count as idle, and a loaded CI machine starves it for seconds.
@Suite struct TimeoutTests {
    static let video = Array(
        #"{"id":"video_1","object":"video","model":"sora-2","status":"queued","created_at":1}"#.utf8)

    /// A client with the given limits and no retries.
    func client(
        _ transport: any ClientTransport, idle: Duration = .seconds(5), connect: Duration = .seconds(5),
        deadline: Duration? = nil
    ) throws -> Sora {
        var configuration = ClientConfiguration()
        configuration.idleTimeout = idle
        configuration.connectTimeout = connect
        configuration.deadline = deadline
        configuration.retry = .none
        return try Sora(
            baseURL: URL(string: "https://relay.example/v1"), token: "sk-T", transport: transport,
            configuration: configuration)
    }

    /// The timeout an operation ends with, and how long it took.
    func timeout(_ operation: () async throws -> Void) async -> (TimeoutKind?, Duration) {
        let start = ContinuousClock.now
        do {
            try await operation()
            return (nil, .now - start)
        } catch SoraError.timeout(_, _, let kind) {
            return (kind, .now - start)
        } catch {
            Issue.record("expected a timeout, got \(error)")
            return (nil, .now - start)
        }
    }

    @Test func aTransportThatIgnoresCancellationCannotHangTheHead() async throws {
        let sora = try client(Deaf(headAfter: .seconds(120)), idle: .milliseconds(200))
        let (kind, elapsed) = await timeout { _ = try await sora.retrieveVideo("video_1") }
        #expect(kind == .idle)
        #expect(elapsed < .seconds(60), "abandoned, not awaited (the transport answers after 120 s)")
    }

    @Test func aBodyThatStallsMidwayEndsWithinTheIdleLimit() async throws {
        let body = Trickle(chunks: [Array(Self.video.prefix(10))], gap: .zero, stallAfter: true)
        let sora = try client(Scripted(body: body), idle: .milliseconds(200))
        let (kind, elapsed) = await timeout { _ = try await sora.retrieveVideo("video_1") }
        #expect(kind == .idle)
        #expect(elapsed < .seconds(60), "ended, not awaited (the stall lasts 120 s)")
    }

    @Test func aBodyThatKeepsMovingIsNeverCut() async throws {
        // 2 bytes every 100 ms: about 5.5 s in all, longer than the idle limit of 4 s. Each gap keeps a wide
        // margin, because a process whose cooperative pool is busy with other tests wakes sleepers late.
        let chunks = stride(from: 0, to: Self.video.count, by: 2).map {
            Array(Self.video[$0..<min($0 + 2, Self.video.count)])
        }
        let sora = try client(Scripted(body: Trickle(chunks: chunks, gap: .milliseconds(100))), idle: .seconds(4))
        let video = try await sora.retrieveVideo("video_1")
        #expect(video.id == "video_1")
    }

    @Test func aStreamedBodyEndsOnceAndStaysEnded() async throws {
        let sora = try client(Scripted(body: Trickle(chunks: [[1, 2], [3]], gap: .zero)), idle: .milliseconds(200))
        let content = try await sora.downloadVideoContent("video_1")
        var iterator = content.body.makeAsyncIterator()
        var bytes: [UInt8] = []
        while let chunk = try await iterator.next() { bytes += chunk }
        #expect(bytes == [1, 2, 3])
        let start = ContinuousClock.now
        #expect(try await iterator.next() == nil, "after the end, nil at once: not a wait that times out")
        #expect(ContinuousClock.now - start < .milliseconds(150))
    }

    @Test func theDeadlineEndsAMovingTransfer() async throws {
        let chunks = Self.video.map { [$0] }
        let sora = try client(
            Scripted(body: Trickle(chunks: chunks, gap: .milliseconds(10))), idle: .seconds(5),
            deadline: .milliseconds(300))
        let (kind, _) = await timeout { _ = try await sora.retrieveVideo("video_1") }
        #expect(kind == .deadline)
    }

    @Test func aRequestBodyNobodyReadsEndsWithTheConnectLimit() async throws {
        let sora = try client(Deaf(headAfter: .seconds(120)), idle: .seconds(20), connect: .milliseconds(200))
        let (kind, elapsed) = await timeout {
            _ = try await sora.createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        }
        #expect(kind == .connect)
        #expect(elapsed < .seconds(60), "ended, not awaited (the stall lasts 120 s)")
    }

    @Test func anUploadThatKeepsMovingIsNeverCut() async throws {
        // The transport reads the 64 KiB chunks of a 4 MiB body one per 80 ms: about 5 s in all, longer than the
        // idle limit of 4 s, with a wide margin per gap for a process whose cooperative pool is busy.
        var request = CreateVideoRequest(model: .sora2, prompt: String(repeating: "p", count: 4 << 20))
        request.seconds = "4"
        let sora = try client(SlowReader(gap: .milliseconds(80), answer: Self.video), idle: .seconds(4))
        let video = try await sora.createVideo(request)
        #expect(video.id == "video_1")
    }
}

/// Returns a head only after `headAfter`, on a timer that cancellation cannot stop, and never reads the body.
struct Deaf: ClientTransport {
    var headAfter: Duration

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        let seconds = Double(headAfter.components.seconds)
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { continuation.resume() }
        }
        return (HTTPResponse(status: .ok), HTTPBody(TimeoutTests.video))
    }
}

/// Answers 200 at once with `body`.
struct Scripted: ClientTransport {
    var body: Trickle

    func send(_ request: HTTPRequest, body _: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        (HTTPResponse(status: .ok), HTTPBody(body, length: .unknown, iterationBehavior: .single))
    }
}

/// Chunks with a gap before each; optionally a stall afterwards that cancellation cannot end.
struct Trickle: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>

    var chunks: [[UInt8]]
    var gap: Duration
    var stallAfter = false

    func makeAsyncIterator() -> Iterator { Iterator(source: self) }

    struct Iterator: AsyncIteratorProtocol {
        let source: Trickle
        var index = 0

        mutating func next() async throws -> ArraySlice<UInt8>? {
            if index == source.chunks.count {
                guard source.stallAfter else { return nil }
                await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                    DispatchQueue.global().asyncAfter(deadline: .now() + 120) { continuation.resume() }
                }
                return nil
            }
            if source.gap > .zero { try await Task.sleep(for: source.gap) }
            index += 1
            return ArraySlice(source.chunks[index - 1])
        }
    }
}

/// Reads the request body slowly, a chunk per `gap`, then answers 200 with `answer`.
struct SlowReader: ClientTransport {
    var gap: Duration
    var answer: [UInt8]

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        var received = 0
        for try await chunk in body ?? HTTPBody() {
            received += chunk.count
            try await Task.sleep(for: gap)
        }
        #expect(received > 4 << 20)
        return (HTTPResponse(status: .ok), HTTPBody(answer))
    }
}
