import Testing

@_spi(Generated) @testable import SoraRuntime

/// Which hosts count as loopback, where a plain `http://` base URL may carry the token.
@Suite struct APIClientCoreTests {
    @Test(arguments: ["localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "127.255.255.255", "::1", "[::1]"])
    func loopbackHosts(host: String) {
        #expect(APIClientCore.isLoopback(host))
    }

    @Test(arguments: [
        "example.com", "10.0.0.1", "128.0.0.1", "0.0.0.0", "localhost.example.com", "127.example.com",
        "127.0.0.1.nip.io", "127.0.0.256", "127.0.0", "127.0.0.1.", "127.+1.0.1", "::2",
    ])
    func otherHostsAreNotLoopback(host: String) {
        #expect(!APIClientCore.isLoopback(host))
    }
}
