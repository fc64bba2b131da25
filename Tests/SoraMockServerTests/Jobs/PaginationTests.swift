import Foundation
import Testing

/// `GET /v1/videos` pages with `limit`, `after` and `order`, like upstream.
@Suite struct PaginationTests {
    @Test func pagesNewestFirstAndInAscendingOrder() async throws {
        try await withServer { harness in
            var ids: [String] = []
            for index in 0..<5 { ids.append(try await harness.createJob(prompt: "job \(index)")) }
            let first = try await harness.send(.GET, "/v1/videos?limit=2")
            #expect(first.status == 200)
            #expect(first.json["object"] as? String == "list")
            #expect(pageIDs(first) == [ids[4], ids[3]])
            #expect(first.json["first_id"] as? String == ids[4])
            #expect(first.json["last_id"] as? String == ids[3])
            #expect(first.json["has_more"] as? Bool == true)
            let second = try await harness.send(.GET, "/v1/videos?limit=2&after=\(ids[3])")
            #expect(pageIDs(second) == [ids[2], ids[1]])
            #expect(second.json["has_more"] as? Bool == true)
            let last = try await harness.send(.GET, "/v1/videos?limit=2&after=\(ids[1])")
            #expect(pageIDs(last) == [ids[0]])
            #expect(last.json["has_more"] as? Bool == false)
            let ascending = try await harness.send(.GET, "/v1/videos?order=asc&limit=3&after=\(ids[0])")
            #expect(pageIDs(ascending) == [ids[1], ids[2], ids[3]])
            #expect(ascending.json["has_more"] as? Bool == true)
            let all = try await harness.send(.GET, "/v1/videos")
            #expect(pageIDs(all) == ids.reversed())
            #expect(all.json["has_more"] as? Bool == false)
        }
    }

    @Test func emptyListHasNullCursors() async throws {
        try await withServer { harness in
            let reply = try await harness.send(.GET, "/v1/videos")
            #expect(reply.status == 200)
            #expect(pageIDs(reply) == [])
            #expect(reply.json["first_id"] is NSNull)
            #expect(reply.json["last_id"] is NSNull)
            #expect(reply.json["has_more"] as? Bool == false)
        }
    }

    @Test(arguments: [
        ("limit=0", "limit", "'limit' must be an integer within 1...100, got '0'."),
        ("limit=101", "limit", "'limit' must be an integer within 1...100, got '101'."),
        ("limit=ten", "limit", "'limit' must be an integer within 1...100, got 'ten'."),
        ("order=newest", "order", "'order' must be 'asc' or 'desc', got 'newest'."),
        ("after=video_unknown", "after", "No video found with id 'video_unknown' to page after."),
    ])
    func badQueriesGet400(_ query: String, _ param: String, _ message: String) async throws {
        try await withServer { harness in
            let reply = try await harness.send(.GET, "/v1/videos?\(query)")
            #expect(reply.status == 400)
            #expect(reply.error("param") == param)
            #expect(reply.error("message") == message)
        }
    }

    private func pageIDs(_ reply: Harness.Reply) -> [String] {
        (reply.json["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
}
