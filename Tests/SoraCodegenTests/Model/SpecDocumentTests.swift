import Testing

@testable import SoraCodegen

/// `Server.defaultURL`: every variable replaced by its default.
@Suite struct SpecDocumentTests {
    static func server(_ url: String, _ variables: [(String, String)]) -> Server {
        Server(
            url: url, description: nil,
            variables: variables.map {
                ServerVariable(name: $0.0, defaultValue: $0.1, allowedValues: [], description: nil)
            })
    }

    @Test func defaultURLs() {
        #expect(Self.server("https://api.example.com", []).defaultURL == "https://api.example.com")
        #expect(
            Self.server("https://{env}.example.com/{v}", [("env", "prod"), ("v", "v2")]).defaultURL
                == "https://prod.example.com/v2")
        #expect(Self.server("https://{a}.{a}.com", [("a", "x")]).defaultURL == "https://x.x.com")
        // A placeholder without a variable stays, for the caller to replace.
        #expect(Self.server("https://{host}/{v}", [("v", "1")]).defaultURL == "https://{host}/1")
        // A default is not itself expanded.
        #expect(Self.server("{a}{b}", [("a", "{b}"), ("b", "B")]).defaultURL == "BB")
    }
}
