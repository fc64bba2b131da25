import Testing

@testable import SoraCodegen

/// `JSONPointer`: local references split into RFC 6901 segments, with URI-fragment percent escapes.
@Suite struct JSONPointerTests {
    @Test(arguments: [
        ("#", []),
        ("#/", [""]),
        ("#/components/schemas/Pet", ["components", "schemas", "Pet"]),
        ("#/a~1b/c~0d", ["a/b", "c~d"]),
        ("#/~01", ["~1"]),
        ("#/~10", ["/0"]),
        ("#/a~2b", ["a~2b"]),
        ("#/trailing~", ["trailing~"]),
        ("#/a//b/", ["a", "", "b", ""]),
        ("#/paths/~1pets~1{id}/get", ["paths", "/pets/{id}", "get"]),
        ("#/N%61me", ["Name"]),
        ("#/a%2Fb", ["a", "b"]),
        ("#/caf%C3%A9", ["café"]),
        ("#/%7e1", ["/"]),
        ("#/100%25", ["100%"]),
        ("#/items/0", ["items", "0"]),
    ])
    func segments(_ reference: String, _ segments: [String]) throws {
        #expect(try #require(JSONPointer(reference: reference)).segments == segments)
    }

    @Test(arguments: [
        "", "Pet", "other.yaml#/Pet", "#components", "#a/b", "#/bad%", "#/bad%4", "#/bad%zz", "#/%FF", "#/%C3",
    ])
    func referencesThatAreNotLocalPointers(_ reference: String) {
        #expect(JSONPointer(reference: reference) == nil)
    }

    @Test func equalPointersAreEqualHowEverTheyAreEscaped() {
        #expect(JSONPointer(reference: "#/a/N%61me") == JSONPointer(reference: "#/a/Name"))
        #expect(JSONPointer(reference: "#/a~1b") != JSONPointer(reference: "#/a/b"))
        #expect(Set([JSONPointer(reference: "#/x"), JSONPointer(reference: "#/%78")]).count == 1)
    }

    @Test(
        arguments: [
            ("#/components/schemas/Pet", "schemas", "Pet"),
            ("#/components/parameters/Limit", "parameters", "Limit"),
            ("#/components/responses/Error", "responses", "Error"),
            ("#/components/headers/X-Rate", "headers", "X-Rate"),
            ("#/components/schemas/Pet", "responses", nil),
            ("#/components/schemas/", "schemas", nil),
            ("#/components/schemas/A~1B", "schemas", nil),
            ("#/components/schemas/A/properties", "schemas", nil),
            ("#/components/schemas/N%61me", "schemas", nil),
            ("#/components/schemasPet", "schemas", nil),
            ("components/schemas/Pet", "schemas", nil),
            ("#/components/schemas/Ünïcødé", "schemas", "Ünïcødé"),
        ] as [(String, String, String?)])
    func plainComponentNames(_ reference: String, _ kind: String, _ name: String?) {
        #expect(JSONPointer.plainComponentName(reference, kind: kind) == name)
    }

    @Test(
        arguments: [
            ("#/components/schemas/A~1B", "schemas", "A/B"),
            ("#/components/schemas/N%61me", "schemas", "Name"),
            ("#/components/schemas/", "schemas", ""),
            ("#/components/schemas/A/properties", "schemas", nil),
            ("#/components/schemas", "schemas", nil),
            ("#/components/parameters/P", "schemas", nil),
            ("#/definitions/schemas/P", "schemas", nil),
        ] as [(String, String, String?)])
    func componentNames(_ reference: String, _ kind: String, _ name: String?) throws {
        #expect(try #require(JSONPointer(reference: reference)).componentName(kind) == name)
    }
}
