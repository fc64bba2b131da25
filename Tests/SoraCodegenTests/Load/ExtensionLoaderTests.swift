import Testing
import YAML

@testable import SoraCodegen

/// The operation extensions `x-polling` and `x-pagination` (the schema extensions `x-enum-varnames`,
/// `x-pixel-size-equals` and `x-range-length` and `info.x-client-name` are tested with their loaders).
@Suite struct ExtensionLoaderTests {
    /// One operation with `extensions` (one line, e.g. `x-polling: {…}`) on spec line 7, column 7.
    static func operation(_ extensions: String) -> LoadingSpec.Result {
        LoadingSpec.paths(
            "/tasks/{id}:\n  get:\n    operationId: op\n    \(extensions)\n"
                + "    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
                + "    responses: {\"200\": {description: ok}}\n")
    }

    @Test func polling() throws {
        let result = Self.operation(
            "x-polling: {method: waitForCompletion, status: state, terminal: [done, failed], intervalHeader: Retry-After}"
        )
        #expect(result.messages == [])
        let polling = try #require(result.operation("op")?.polling)
        #expect(polling.method == "waitForCompletion")
        #expect(polling.status == "state")
        #expect(polling.terminal == ["done", "failed"])
        #expect(polling.intervalHeader == "Retry-After")
        #expect(polling.mark == Mark(line: 7, column: 18))
        #expect(result.operation("op")?.pagination == nil)
    }

    @Test func pollingWithoutAnIntervalHeader() throws {
        let result = Self.operation("x-polling: {method: wait, status: s, terminal: [ok]}")
        #expect(try #require(result.operation("op")?.polling).intervalHeader == nil)
        #expect(result.messages == [])
    }

    @Test(arguments: [
        ("x-polling: {status: s, terminal: [ok]}", "7:18: error: 'x-polling' needs 'method'"),
        ("x-polling: {method: wait, terminal: [ok]}", "7:18: error: 'x-polling' needs 'status'"),
        ("x-polling: {method: wait, status: s}", "7:18: error: 'x-polling' needs 'terminal' states"),
        ("x-polling: {method: wait, status: s, terminal: []}", "7:18: error: 'x-polling' needs 'terminal' states"),
        (
            "x-polling: {method: wait-for, status: s, terminal: [ok]}",
            "7:27: error: 'x-polling'.method must be a Swift identifier, found 'wait-for'"
        ),
        (
            "x-polling: {method: class, status: s, terminal: [ok]}",
            "7:27: error: 'x-polling'.method must be a Swift identifier, found 'class'"
        ),
        (
            "x-polling: {method: wait, status: [s], terminal: [ok]}",
            "7:41: error: 'status' must be a string, found a sequence"
        ),
        (
            "x-polling: {method: wait, status: s, terminal: [ok], every: 5}",
            "7:60: warning: keyword 'every' in 'x-polling' is not supported; it is ignored"
        ),
        ("x-polling: true", "7:18: error: 'x-polling' must be a mapping, found the boolean true"),
    ])
    func brokenPolling(_ extensions: String, _ message: String) {
        #expect(Self.operation(extensions).messages == [message])
    }

    @Test func aTerminalListOfTheWrongTypeIsTwoErrors() {
        #expect(
            Self.operation("x-polling: {method: wait, status: s, terminal: ok}").messages == [
                "7:18: error: 'x-polling' needs 'terminal' states",
                "7:54: error: 'x-polling.terminal' must be a sequence, found the string 'ok'",
            ])
    }

    @Test func pagination() throws {
        let result = Self.operation(
            "x-pagination: {method: allTasks, items: data, cursorParameter: after, nextCursor: last_id, hasMore: has_more}"
        )
        #expect(result.messages == [])
        let pagination = try #require(result.operation("op")?.pagination)
        #expect(pagination.method == "allTasks")
        #expect(pagination.items == "data")
        #expect(pagination.cursorParameter == "after")
        #expect(pagination.nextCursor == "last_id")
        #expect(pagination.hasMore == "has_more")
        #expect(pagination.mark == Mark(line: 7, column: 21))
    }

    @Test(arguments: ["method", "items", "cursorParameter", "nextCursor", "hasMore"])
    func everyPaginationFieldIsRequired(_ missing: String) throws {
        let fields = ["method: all", "items: data", "cursorParameter: after", "nextCursor: last", "hasMore: more"]
            .filter { !$0.hasPrefix(missing + ":") }
        let result = Self.operation("x-pagination: {\(fields.joined(separator: ", "))}")
        #expect(result.messages == ["7:21: error: 'x-pagination' needs '\(missing)'"])
        #expect(result.operation("op")?.pagination == nil)
    }

    @Test func aPaginationMethodMustBeAnIdentifier() {
        let result = Self.operation(
            "x-pagination: {method: 2all, items: d, cursorParameter: c, nextCursor: n, hasMore: h, limit: 5}")
        #expect(
            result.messages == [
                "7:30: error: 'x-pagination'.method must be a Swift identifier, found '2all'",
                "7:93: warning: keyword 'limit' in 'x-pagination' is not supported; it is ignored",
            ])
    }

    @Test func anUnknownOperationExtensionIsAWarning() {
        let result = Self.operation("x-speakeasy-retries: {}")
        #expect(
            result.messages == [
                "7:7: warning: extension 'x-speakeasy-retries' is not used by the generator; it is ignored"
            ])
    }
}
