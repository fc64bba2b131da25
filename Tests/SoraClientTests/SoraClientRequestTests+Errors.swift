import Foundation
import HTTPTypes
import SoraClient
import Testing

/// Error answers become typed errors with everything a person needs.
extension SoraClientRequestTests {
    // MARK: Error answers

    @Test func errorEnvelopeBecomesAPIError() async throws {
        var fields = HTTPFields()
        fields[HTTPField.Name("x-request-id")!] = "req_1"
        let transport = RecordingTransport(
            status: .badRequest, headers: fields,
            body: #"{"error":{"message":"bad","type":"invalid_request_error","param":"size","code":"invalid_size"}}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.operationID == "retrieveVideo")
        #expect(api.status == 400)
        #expect(api.message == "bad")
        #expect(api.type == "invalid_request_error")
        #expect(api.param == "size")
        #expect(api.code == "invalid_size")
        #expect(api.requestID == "req_1")
        #expect(api.retryAfter == nil)
        #expect(
            error?.description
                == "retrieveVideo: HTTP 400 invalid_request_error (invalid_size) [field size]: bad (request id req_1)")
    }

    @Test func numericErrorCodeIsReadAsText() async throws {
        let transport = RecordingTransport(
            status: .forbidden, body: #"{"error":{"message":"no","type":"permission","param":null,"code":7}}"#)
        let error = await soraError { _ = try await client(transport).deleteVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 403)
        #expect(api.code == "7")
        #expect(api.param == nil)
    }

    @Test func nonJSONErrorBodyBecomesTheMessage() async throws {
        let transport = RecordingTransport(status: .badGateway, body: "  upstream gateway exploded\n")
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 502)
        #expect(api.message == "upstream gateway exploded")
        #expect(api.type == nil)
        #expect(api.code == nil)
        #expect(error?.description == "retrieveVideo: HTTP 502: upstream gateway exploded")
    }

    @Test func emptyErrorBodyUsesTheReasonPhrase() async throws {
        let transport = RecordingTransport(status: .internalServerError, bytes: nil)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 500)
        #expect(api.message == "Internal Server Error")
    }

    @Test func rateLimitCarriesRetryAfter() async throws {
        var fields = HTTPFields()
        fields[.retryAfter] = "7"
        let transport = RecordingTransport(
            status: .tooManyRequests, headers: fields, body: #"{"error":{"message":"slow down","type":"rate_limit"}}"#)
        let error = await soraError {
            _ = try await client(transport).createVideo(CreateVideoRequest(model: .sora2, prompt: "p"))
        }
        guard case .api(let api) = error else {
            Issue.record("expected .api, got \(String(describing: error))")
            return
        }
        #expect(api.status == 429)
        #expect(api.retryAfter == 7)
        #expect(api.message == "slow down")
    }

    @Test func undecodableSuccessBecomesDecodingError() async throws {
        let transport = RecordingTransport(body: #"{"object":"video"}"#)
        let error = await soraError { _ = try await client(transport).retrieveVideo("video_1") }
        guard case .decoding(let failure) = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(failure.operationID == "retrieveVideo")
        #expect(failure.message == "missing field id")
        #expect(failure.bodyExcerpt == #"{"object":"video"}"#)
        #expect(failure.resourceID == nil)
    }

    @Test func slowTransportTimesOut() async throws {
        var configuration = ClientConfiguration()
        configuration.idleTimeout = .milliseconds(50)
        configuration.retry = .none
        let sora = try Sora(
            baseURL: Self.baseURL, token: Self.token, transport: SleepingTransport(), configuration: configuration)
        let error = await soraError { _ = try await sora.retrieveVideo("video_1") }
        guard case .timeout(let operation, let seconds, .idle) = error else {
            Issue.record("expected .timeout, got \(String(describing: error))")
            return
        }
        #expect(operation == "retrieveVideo")
        #expect(seconds == 0.05)
    }

}
