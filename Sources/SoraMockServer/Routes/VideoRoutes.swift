import Foundation
import Hummingbird

/// The handlers of the video operations: create, list, retrieve, delete, content, remix.
struct VideoRoutes: Sendable {
    let state: ServerState

    private static let pollAfter = FieldName("openai-poll-after-ms")!
    private static let idempotencyKey = FieldName("Idempotency-Key")!
    private static let replayed = FieldName("idempotent-replayed")!

    /// `POST /v1/videos`: parses the multipart form as it streams (or a JSON body), validates it, creates or replays a job.
    func create(_ request: Request) async throws -> Response {
        let limit = state.configuration.maxUploadBytes
        switch request.headers[.contentLength].flatMap(CheckedNumber.digits) {
        case .tooLarge?: throw FormReader.tooLarge(limit)
        case .value(let length)? where length > limit: throw FormReader.tooLarge(limit)
        default: break
        }
        let key = try Self.idempotencyKey(request)
        let contentType = request.headers[.contentType]
        let form =
            HeaderParameters(contentType ?? "").token == "application/json"
            ? try await JSONCreateBody.read(request.body, limit: limit)
            : try await FormReader(maxBodyBytes: limit).read(contentType: contentType, body: request.body)
        let fields = try CreateRules.validate(form).get()
        let outcome = await state.jobs.create(fields, key: key, fingerprint: form.fingerprint())
        return try await answer(outcome, operation: "create", now: Date())
    }

    /// The answer to a create or remix: the new job, a replay (marked `idempotent-replayed`), or a 422.
    private func answer(_ outcome: JobStore.CreateOutcome, operation: String, now: Date) async throws -> Response {
        switch outcome {
        case .created(let job):
            await state.stats.jobCreated(operation)
            return job.json(at: job.createdAt).response(headers: [Self.pollAfter: String(pollAfter(job, now))])
        case .replayed(let job):
            await state.stats.replay()
            return job.json(at: now).response(headers: [
                Self.pollAfter: String(pollAfter(job, now)), Self.replayed: "true",
            ])
        case .full(let retryAfter):
            var error = MockAPIError(
                status: .tooManyRequests,
                message: "The mock holds its maximum of \(state.configuration.maxJobs) jobs and none has finished; "
                    + "retry when one finishes (or delete one), or start sora-mock with a larger --max-jobs.",
                type: "requests", param: nil, code: "job_capacity_reached")
            error.headers[.retryAfter] = String(retryAfter)
            throw error
        case .keyConflict:
            throw MockAPIError(
                status: .unprocessableContent,
                message: "This Idempotency-Key was already used with a different request body.",
                type: "invalid_request_error", param: "Idempotency-Key", code: "idempotency_key_reused")
        }
    }

    /// The `Idempotency-Key` header, if sent; 1…255 characters.
    private static func idempotencyKey(_ request: Request) throws -> String? {
        let key = request.headers[Self.idempotencyKey]
        if let key, key.isEmpty || key.utf8.count > 255 {
            throw MockAPIError.invalid("Idempotency-Key", "The Idempotency-Key header must be 1...255 characters.")
        }
        return key
    }

    /// `GET /v1/videos`: a page of jobs with `limit`, `after` and `order`.
    func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        var limit = 20
        if let text = query["limit"] {
            guard let parsed = CheckedNumber.integer(text, in: 1...100) else {
                throw MockAPIError.invalid(
                    "limit", "'limit' must be an integer within 1...100, got '\(CheckedNumber.excerpt(String(text)))'.")
            }
            limit = parsed
        }
        let order = query["order"].map(String.init) ?? "desc"
        guard order == "asc" || order == "desc" else {
            throw MockAPIError.invalid(
                "order", "'order' must be 'asc' or 'desc', got '\(CheckedNumber.excerpt(order))'.")
        }
        let after = query["after"].map(String.init)
        guard let page = await state.jobs.page(limit: limit, after: after, ascending: order == "asc") else {
            throw MockAPIError.invalid(
                "after", "No video found with id '\(CheckedNumber.excerpt(after ?? ""))' to page after.")
        }
        let now = Date()
        let list = MockJSONValue.object([
            "object": .string("list"),
            "data": .array(page.jobs.map { $0.json(at: now) }),
            "first_id": page.jobs.first.map { .string($0.id) } ?? .null,
            "last_id": page.jobs.last.map { .string($0.id) } ?? .null,
            "has_more": .bool(page.hasMore),
        ])
        let pending = page.jobs.map { $0.pollAfterMilliseconds(at: now) }.filter { $0 > 0 }.min()
        return list.response(headers: pending.map { [Self.pollAfter: String($0)] } ?? [:])
    }

    /// `GET /v1/videos/{id}`: the job as it is now, with a poll hint.
    func retrieve(_ id: String) async throws -> Response {
        guard let job = await state.jobs.job(id) else { throw MockAPIError.videoNotFound(id) }
        let now = Date()
        return job.json(at: now).response(headers: [Self.pollAfter: String(pollAfter(job, now))])
    }

    /// `DELETE /v1/videos/{id}`: removes the job; later calls get 404.
    func delete(_ id: String) async throws -> Response {
        guard await state.jobs.delete(id) else { throw MockAPIError.videoNotFound(id) }
        return MockJSONValue.object(["id": .string(id), "object": .string("video.deleted"), "deleted": .bool(true)])
            .response()
    }

    /// `POST /v1/videos/{id}/remix`: JSON `{"prompt": …}` makes a new job from a completed, public one.
    func remix(_ id: String, _ request: Request) async throws -> Response {
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: 1 << 20)
        } catch {
            throw FormReader.tooLarge(1 << 20)
        }
        let object = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        guard let object else {
            throw MockAPIError.invalid(nil, "The request body must be a JSON object.", code: "invalid_json")
        }
        guard let prompt = object["prompt"] as? String, !prompt.isEmpty else {
            throw MockAPIError.invalid(
                "prompt", "Missing required parameter: 'prompt'.", code: "missing_required_parameter")
        }
        if let error = CreateRules.promptError(prompt) { throw error }
        let key = try Self.idempotencyKey(request)
        let now = Date()
        let outcome = try await state.jobs.remix(id, prompt: prompt, key: key, now: now).get()
        return try await answer(outcome, operation: "remix", now: now)
    }

    /// `GET /v1/videos/{id}/content`: the asset of a completed job, whole or one byte range.
    func content(_ id: String, _ request: Request) async throws -> Response {
        guard let job = await state.jobs.job(id) else { throw MockAPIError.videoNotFound(id) }
        let variant = request.uri.queryParameters["variant"].map(String.init) ?? "video"
        guard let asset = FakeMedia.asset(variant, for: job) else {
            throw MockAPIError.invalid(
                "variant",
                "'variant' must be one of video, thumbnail, spritesheet, got '\(CheckedNumber.excerpt(variant))'.")
        }
        switch job.phase(at: Date()) {
        case .completed: break
        case .failed:
            throw MockAPIError(
                status: .conflict, message: "Video '\(id)' failed; it has no content.", type: "invalid_request_error",
                param: "video_id", code: "video_failed")
        default:
            throw MockAPIError(
                status: .conflict, message: "Video '\(id)' is not ready yet; poll until it is completed.",
                type: "invalid_request_error", param: "video_id", code: "video_not_ready")
        }
        return Self.rangeResponse(asset, range: request.headers[.range])
    }

    private static func rangeResponse(_ asset: FakeMedia.Asset, range: String?) -> Response {
        let length = asset.bytes.count
        var headers: HTTPFields = [.contentType: asset.contentType, .acceptRanges: "bytes"]
        switch ByteRange.resolve(range, length: length) {
        case .whole:
            headers[.contentLength] = String(length)
            return Response(
                status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        case .partial(let part):
            let slice = asset.bytes[part.lower...part.upper]
            headers[.contentLength] = String(slice.count)
            headers[.contentRange] = "bytes \(part.lower)-\(part.upper)/\(length)"
            return Response(
                status: .partialContent, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: slice)))
        case .unsatisfiable:
            var error = MockAPIError(
                status: .rangeNotSatisfiable,
                message: "Range '\(CheckedNumber.excerpt(range ?? ""))' is outside the \(length)-byte content.",
                type: "invalid_request_error", param: "Range", code: "range_not_satisfiable")
            error.headers[.contentRange] = "bytes */\(length)"
            return error.response()
        }
    }

    private func pollAfter(_ job: Job, _ now: Date) -> Int {
        job.pollAfterMilliseconds(at: now)
    }
}
