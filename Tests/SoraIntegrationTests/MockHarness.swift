import AsyncHTTPClient
import Foundation
import OpenAPIAsyncHTTPClient
import SoraClient
import SoraMockServer

/// The generated client, with the AsyncHTTPClient transport, talking to an in-process `SoraMockServer`
/// over real loopback HTTP.
struct MockHarness: Sendable {
    static let token = "sk-integration-0123"

    let sora: Sora
    let server: MockServer

    /// Starts a server on a free port, runs `body`, and shuts everything down whatever happens.
    static func run<T: Sendable>(
        jobSeconds: Double = 0.4, faults: FaultPlan = FaultPlan(), timeout: Duration = .seconds(10),
        checksImageSize: Bool = true, _ body: (MockHarness) async throws -> T
    ) async throws -> T {
        let server = MockServer(
            configuration: MockConfiguration(
                host: "127.0.0.1", port: 0, token: token, jobSeconds: jobSeconds, faults: faults))
        let port = try await server.start()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var configuration = ClientConfiguration()
        configuration.idleTimeout = timeout
        configuration.connectTimeout = .seconds(20)  // a body's first read waits for a free thread of the shared pool
        configuration.retry.baseDelay = .milliseconds(10)
        configuration.retry.maxServerDelay = .seconds(2)
        configuration.checksImageSize = checksImageSize
        do {
            let sora = try Sora(
                baseURL: URL(string: "http://127.0.0.1:\(port)/v1"), token: token,
                transport: AsyncHTTPClientTransport(configuration: .init(client: http)), configuration: configuration)
            let result = try await body(MockHarness(sora: sora, server: server))
            try await http.shutdown()
            await server.stop()
            return result
        } catch {
            try? await http.shutdown()
            await server.stop()
            throw error
        }
    }

    /// A temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "sora-integration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A PNG file header of the given size, enough for both sides' size checks.
    static func png(_ width: UInt32, _ height: UInt32) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        for value in [width, height] {
            bytes += (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
        }
        bytes += [8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE]
        return Data(bytes)
    }
}
