import Testing
import YAML

@testable import SoraCodegen

/// The document around the paths and schemas: version, `info`, `servers`, components and the root's keys.
@Suite struct SpecLoaderTests {
    static let rest = "paths: {}\n"

    @Test(arguments: ["3.0.0", "3.0.3", "3.1.0", "3.1.1", "3.0", "3.1"])
    func supportedVersions(_ version: String) {
        let result = LoadingSpec.load("openapi: '\(version)'\ninfo: {title: T, version: '1'}\n" + Self.rest)
        #expect(result.messages == [])
        #expect(result.document != nil)
    }

    @Test(arguments: [
        (
            "openapi: 2.0.0",
            "1:10: error: OpenAPI version '2.0.0' is not supported; sora-codegen reads 3.0.x and 3.1.x "
                + "(convert a Swagger 2.0 document first)"
        ),
        (
            "openapi: 3.2.0",
            "1:10: error: OpenAPI version '3.2.0' is not supported; sora-codegen reads 3.0.x and 3.1.x "
                + "(convert a Swagger 2.0 document first)"
        ),
        (
            "openapi: 3.10.0",
            "1:10: error: OpenAPI version '3.10.0' is not supported; sora-codegen reads 3.0.x and "
                + "3.1.x (convert a Swagger 2.0 document first)"
        ),
        ("openapi: [3]", "1:10: error: 'openapi' must be a string, found a sequence"),
        ("openapi: ~", "1:10: error: 'openapi' must be a string, found null"),
        ("swagger: '2.0'", "1:1: error: missing 'openapi: 3.x.y' at the top of the document"),
    ])
    func unsupportedVersions(_ line: String, _ message: String) {
        let result = LoadingSpec.load(line + "\ninfo: {title: T, version: '1'}\n" + Self.rest)
        #expect(result.errors == [message])
    }

    @Test func swaggerIsAnUnknownRootKey() {
        let result = LoadingSpec.load("swagger: '2.0'\ninfo: {title: T, version: '1'}\n" + Self.rest)
        #expect(
            result.warnings == [
                "1:1: warning: keyword 'swagger' in the OpenAPI document is not supported; it is ignored"
            ])
    }

    @Test func infoIsRead() throws {
        let result = LoadingSpec.load(
            """
            openapi: 3.1.0
            info:
              title: Video API
              version: 2.1
              description: Videos.
              summary: short
              contact: {name: me}
              x-client-name: VideoClient
            paths: {}
            """)
        #expect(result.messages == [])
        let document = try #require(result.document)
        #expect(document.title == "Video API")
        #expect(document.version == "2.1")
        #expect(document.description == "Videos.")
        #expect(document.clientName == "VideoClient")
        #expect(document.infoMark == Mark(line: 3, column: 3))
        #expect(document.schemas.isEmpty && document.operations.isEmpty && document.servers.isEmpty)
        #expect(document.security.isEmpty && document.securitySchemes.isEmpty && document.uncheckedPatterns.isEmpty)
    }

    @Test(arguments: [
        (
            "{title: T, version: '1', x-client-name: my-client}",
            "2:47: error: 'x-client-name' must be a Swift type name, found 'my-client'"
        ),
        (
            "{title: T, version: '1', x-client-name: struct}",
            "2:47: error: 'x-client-name' must be a Swift type name, found 'struct'"
        ),
        ("{title: [T], version: '1'}", "2:15: error: 'info.title' must be a string, found a sequence"),
        ("{title: T, version: ~}", "2:27: error: 'info.version' must be a string, found null"),
        (
            "{title: T, version: '1', logo: x}",
            "2:32: warning: keyword 'logo' in 'info' is not supported; it is ignored"
        ),
        ("[T]", "2:7: error: 'info' must be a mapping, found a sequence"),
    ])
    func brokenInfo(_ info: String, _ message: String) {
        let result = LoadingSpec.load("openapi: 3.1.0\ninfo: \(info)\n" + Self.rest)
        #expect(result.messages == [message])
    }

    @Test func aDocumentWithoutInfoOrPaths() throws {
        let result = LoadingSpec.load("openapi: 3.1.0\ncomponents: {schemas: {A: {type: string}}}\n")
        #expect(
            result.messages == [
                "1:1: error: the document has no 'info'",
                "1:1: error: the document has no 'paths'",
            ])
        // What could be loaded still is, with the defaults.
        #expect(result.document?.title == "API")
        #expect(result.document?.version == "")
        #expect(result.document?.schemas.map(\.name) == ["A"])
    }

    @Test func rootKeys() {
        let result = LoadingSpec.load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base'
            tags: [{name: a}]
            externalDocs: {url: 'https://x'}
            webhooks: {}
            x-logo: {}
            paths: {}
            """)
        #expect(
            result.messages == [
                "6:1: warning: keyword 'webhooks' in the OpenAPI document is not supported; it is ignored",
                "7:1: warning: extension 'x-logo' is not used by the generator; it is ignored",
            ])
    }

    @Test func serversWithVariables() throws {
        let result = LoadingSpec.load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: 'https://{region}.example.com:{port}/v1'
                description: Regional
                variables:
                  region: {default: eu, enum: [eu, us], description: where}
                  port: {default: 8443}
              - url: /relative
            paths: {}
            """)
        #expect(result.messages == [])
        let servers = try #require(result.document?.servers)
        #expect(servers.map(\.url) == ["https://{region}.example.com:{port}/v1", "/relative"])
        #expect(servers.map(\.description) == ["Regional", nil])
        #expect(servers[0].variables.map(\.name) == ["region", "port"])
        #expect(servers[0].variables.map(\.defaultValue) == ["eu", "8443"])
        #expect(servers[0].variables.map(\.allowedValues) == [["eu", "us"], []])
        #expect(servers[0].variables.map(\.description) == ["where", nil])
        #expect(servers[0].defaultURL == "https://eu.example.com:8443/v1")
        #expect(servers[1].variables.isEmpty && servers[1].defaultURL == "/relative")
    }

    @Test(arguments: [
        ("[{description: d}]", "3:11: error: a server needs a 'url'"),
        ("[{url: [u]}]", "3:17: error: a server's 'url' must be a string, found a sequence"),
        (
            "[{url: 'https://{host}'}]",
            "3:17: warning: server URL 'https://{host}' has '{host}' but no variable 'host'; pass baseURL"
        ),
        ("[{url: u, variables: {host: {enum: [a]}}}]", "3:32: error: server variable 'host' needs a 'default'"),
        (
            "[{url: u, variables: {v: {default: a, x-note: b}}}]",
            "3:48: warning: extension 'x-note' is not used by the generator; it is ignored"
        ),
        ("[{url: u, name: n}]", "3:20: warning: keyword 'name' in a server is not supported; it is ignored"),
        ("{url: u}", "3:10: error: 'servers' must be a sequence, found a mapping"),
        ("[u]", "3:11: error: a server must be a mapping, found the string 'u'"),
    ])
    func brokenServers(_ servers: String, _ message: String) {
        let result = LoadingSpec.load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: \(servers)\n" + Self.rest)
        #expect(result.messages == [message])
    }

    @Test func componentsAreIndexedByKind() throws {
        let text = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas: {A: {type: string}, B: {type: integer}}
              parameters: {P: {name: p, in: query}}
              responses: {R: {description: r}}
              callbacks: {}

            """
        let root = try #require(try YAMLParser.parse(Array(text.utf8)))
        var loader = SpecLoader(root: root, file: "spec.yaml")
        loader.indexComponents(root["components"])
        #expect(loader.componentNodes["schemas"].map { Set($0.keys) } == ["A", "B"])
        #expect(loader.componentNodes["parameters"].map { Set($0.keys) } == ["P"])
        #expect(loader.componentNodes["responses"].map { Set($0.keys) } == ["R"])
        #expect(loader.componentNodes["headers"] == nil)
        #expect(
            loader.diagnostics.sorted.map(LoadingSpec.short) == [
                "8:3: warning: keyword 'callbacks' in 'components' is not supported; it is ignored"
            ])
    }

    @Test func componentsMustBeMappings() {
        let result = LoadingSpec.load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents: {schemas: [A]}\n")
        #expect(result.messages == ["4:23: error: 'components.schemas' must be a mapping, found a sequence"])
    }

    @Test func schemasKeepSpecOrderAndTheirKeysPlace() throws {
        let result = LoadingSpec.load(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                + "    Zebra: {type: string}\n    Apple: {type: integer}\n    Mango: {type: boolean}\n")
        let schemas = try #require(result.document?.schemas)
        #expect(schemas.map(\.name) == ["Zebra", "Apple", "Mango"])
        #expect(schemas.map(\.mark) == [Mark(line: 6, column: 5), Mark(line: 7, column: 5), Mark(line: 8, column: 5)])
        #expect(schemas.map { LoadingSpec.summary($0.schema) } == ["string", "integer", "boolean"])
    }
}
