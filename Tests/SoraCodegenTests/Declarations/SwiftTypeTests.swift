import SoraCodegen
import Testing

/// Types as values: how each form is written, and the questions translation asks of them.
@Suite struct SwiftTypeTests {
    @Test(arguments: [
        (SwiftType.named("Pet.Kind"), "Pet.Kind"), (.string, "String"), (.int, "Int"), (.double, "Double"),
        (.bool, "Bool"), (.jsonValue, "JSONValue"), (.fileUpload, "FileUpload"), (.binaryContent, "BinaryContent"),
        (.url, "URL"), (.date, "Date"), (.optional(.string), "String?"), (.array(.int), "[Int]"),
        (.dictionary(.jsonValue), "[String: JSONValue]"), (.existential("Decoder"), "any Decoder"),
        (.inoutParameter(.named("MultipartForm")), "inout MultipartForm"),
        (.generic("PollingSequence", [.named("Video")]), "PollingSequence<Video>"),
        (
            .generic("ResponseWithHeaders", [.named("VideoList"), .named("Headers")]),
            "ResponseWithHeaders<VideoList, Headers>"
        ),
        (.generic("Never", []), "Never<>"),
        (.optional(.array(.optional(.fileUpload))), "[FileUpload?]?"),
        (.array(.array(.dictionary(.array(.string)))), "[[[String: [String]]]]"),
        (.optional(.optional(.int)), "Int??"),
        (
            .dictionary(.generic("Result", [.optional(.string), .existential("Error")])),
            "[String: Result<String?, any Error>]"
        ),
        (.inoutParameter(.optional(.dictionary(.int))), "inout [String: Int]?"),
    ])
    func description(_ type: SwiftType, _ expected: String) {
        #expect(type.description == expected)
        #expect("\(type)" == expected)
    }

    @Test func writeAppendsToTheTextAlreadyThere() {
        var text = "let x: "
        SwiftType.optional(.array(.url)).write(to: &text)
        SwiftType.named("!").write(to: &text)
        #expect(text == "let x: [URL]?!")
    }

    @Test func optionalAddsOneLevelAtMostAndUnwrappedRemovesOne() {
        #expect(SwiftType.string.optional == .optional(.string))
        #expect(SwiftType.optional(.string).optional == .optional(.string))
        #expect(SwiftType.array(.optional(.int)).optional == .optional(.array(.optional(.int))))
        #expect(SwiftType.optional(.string).unwrapped == .string)
        #expect(SwiftType.optional(.optional(.string)).unwrapped == .optional(.string))
        #expect(SwiftType.array(.optional(.int)).unwrapped == .array(.optional(.int)))
        #expect(SwiftType.string.unwrapped == .string)
        #expect(SwiftType.optional(.int).isOptional)
        #expect(!SwiftType.int.isOptional)
        #expect(!SwiftType.array(.optional(.int)).isOptional)
        #expect(!SwiftType.inoutParameter(.optional(.int)).isOptional)
        #expect(!SwiftType.named("Int?").isOptional, "a name is never taken apart as text")
    }

    @Test(arguments: [
        (SwiftType.fileUpload, true), (.optional(.fileUpload), true), (.array(.fileUpload), true),
        (.optional(.array(.optional(.fileUpload))), true), (.dictionary(.fileUpload), true),
        (.generic("Pair", [.string, .array(.fileUpload)]), true), (.inoutParameter(.fileUpload), true),
        (.named("FileUploads"), false), (.named("[FileUpload]"), false), (.existential("FileUpload"), false),
        (.generic("FileUpload", []), false), (.generic("Pair", [.string, .int]), false), (.string, false),
    ])
    func containsFindsATypeAtAnyDepth(_ type: SwiftType, _ expected: Bool) {
        #expect(type.contains(.fileUpload) == expected)
    }

    @Test func containsWhereAsksEveryLevelOnceOutsideIn() {
        var visited: [String] = []
        let type = SwiftType.optional(.generic("Pair", [.array(.string), .dictionary(.inoutParameter(.int))]))
        #expect(
            !type.contains {
                visited.append($0.description)
                return false
            })
        #expect(
            visited == [
                "Pair<[String], [String: inout Int]>?", "Pair<[String], [String: inout Int]>", "[String]", "String",
                "[String: inout Int]", "inout Int", "Int",
            ])
        visited = []
        #expect(
            type.contains {
                visited.append($0.description)
                return $0 == .array(.string)
            })
        #expect(visited.last == "[String]", "stops at the first match")
        #expect(SwiftType.optional(.url).contains { $0.isOptional })
        #expect(!SwiftType.array(.url).contains { $0.isOptional })
    }

    @Test func aStringLiteralIsANamedTypeAndEqualityIsStructural() {
        let literal: SwiftType = "Duration"
        #expect(literal == .named("Duration"))
        #expect(SwiftType.optional(.string) != .string)
        #expect(SwiftType.array(.string) != .dictionary(.string))
        #expect(SwiftType.named("any P") != .existential("P"))
        #expect(SwiftType.generic("A", [.int, .string]) != .generic("A", [.string, .int]))
        let set: Set<SwiftType> = [.optional(.string), .string.optional, .array(.string), "String", .string]
        #expect(set.count == 3)
    }
}
