import SoraCodegen
import Testing

/// `x-pagination`: a helper that walks every page of a list operation (polling has `PollingHelperTests`).
@Suite struct SequenceTranslatorTests {
    private typealias Spec = TranslationSpec

    private static let schemas = """
            Task: {type: object, properties: {id: {type: string}}}
            Page:
              type: object
              required: [data, has_more]
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Task'}}
                last_id: {type: [string, 'null']}
                has_more: {type: boolean}
            LoosePage:
              type: object
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Task'}}
                last_id: {type: string}
                has_more: {type: boolean}
        """

    private func generate(page: String, cursor: String = "after", pathParameter: Bool = false) -> GenerationResult {
        let path = pathParameter ? "/lists/{list}/tasks" : "/tasks"
        let listParameter =
            pathParameter ? "\n        - {name: list, in: path, required: true, schema: {type: string}}" : ""
        return Spec.generate(
            Spec.text(
                schemas: Self.schemas,
                paths: """
                      \(path):
                        get:
                          operationId: listTasks
                          x-pagination: {method: allTasks, items: data, cursorParameter: \(cursor), nextCursor: last_id, hasMore: has_more}
                          parameters:\(listParameter)
                            - {name: after, in: query, schema: {type: string}}
                            - {name: limit, in: query, schema: {type: integer}}
                          responses:
                            "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/\(page)'}}}}
                    """))
    }

    @Test func theHelperFollowsTheCursorAndDropsItFromItsArguments() {
        let result = generate(page: "Page")
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "Operations/Default.swift")
        #expect(
            file.contains(
                """
                    /// Every item of `listTasks`, page after page, fetched as you iterate.
                    ///
                    /// Follows `last_id` into `after` while `has_more` is true; a cursor that repeats ends the walk.
                    public func allTasks(limit: Int? = nil) -> PageSequence<Page, Task> {
                        return PageSequence(items: { $0.data }, hasMore: { $0.hasMore }, nextCursor: { $0.lastId }) {
                            [self] (cursor: String?) async throws(SoraError) -> Page in
                            try await listTasks(after: cursor, limit: limit)
                        }
                    }

                """))
    }

    @Test func optionalItemsAndFlagsFallBackToEmptyAndFalse() {
        let file = Spec.file(generate(page: "LoosePage"), "Operations/Default.swift")
        #expect(
            file.contains(
                "return PageSequence(items: { $0.data ?? [] }, hasMore: { $0.hasMore ?? false }, "
                    + "nextCursor: { $0.lastId }) {\n"))
        #expect(file.contains("-> PageSequence<LoosePage, Task> {"))
    }

    @Test func anUnlabelledPathArgumentIsPassedOnWithoutALabel() {
        let file = Spec.file(generate(page: "Page", pathParameter: true), "Operations/Default.swift")
        #expect(file.contains("public func allTasks(_ list: String, limit: Int? = nil) -> PageSequence<Page, Task> {"))
        #expect(file.contains("try await listTasks(list, after: cursor, limit: limit)\n"))
    }

    @Test func aCursorParameterTheOperationLacksIsAnError() {
        let result = generate(page: "Page", cursor: "cursor")
        #expect(result.files.isEmpty)
        #expect(
            Spec.messages(result) == [
                "spec.yaml:24:21: error: 'x-pagination' needs a JSON object answer with 'data' (an array of a named "
                    + "schema), 'last_id', 'has_more' and a parameter 'cursor'"
            ])
    }
}
