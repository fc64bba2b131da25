// swift-tools-version: 6.1
// libFuzzer targets for the package one folder up, in a package of their own so that the root package
// (and CI's `swift test`) never builds them: they need the fuzzer and address sanitizers, which `run.sh`
// passes. One executable target per fuzzer, each with its corpus in Corpus/<target>/, seeds in
// Seeds/<target>/ and an optional dictionary in Dictionaries/<target>.dict. See README.md.
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (`main`, a CI checkout, a worktree…), so read it here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "sora-swift-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        // The mock server is not a product of the root package (so apps that depend on it never resolve its server
        // stack); fuzz-multipart compiles its sources here, through the Sources/FuzzedMockServer symlink.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // libFuzzer's driver, for entry points that hand over to it when SwiftPM links its own `main`.
        .target(name: "CFuzzerDriver"),
        // Bytes → YAML parser → spec loader → translator → printer: what `sora-codegen` does with a spec.
        .executableTarget(
            name: "fuzz-spec",
            dependencies: [
                .product(name: "YAML", package: rootIdentity),
                .product(name: "SoraCodegen", package: rootIdentity),
            ]
        ),
        // sora-codegen.yaml through the YAML module and the configuration reader, then its filter and names applied.
        .executableTarget(
            name: "fuzz-config",
            dependencies: [.product(name: "SoraCodegen", package: rootIdentity)]
        ),
        // Sources/SoraMockServer of the root package, compiled under another module name (a symlink).
        .target(
            name: "FuzzedMockServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A create request's body as sora-mock parses it: multipart, header parameters, image sniffing, rules.
        .executableTarget(
            name: "fuzz-multipart",
            dependencies: ["CFuzzerDriver", "FuzzedMockServer"]
        ),
        // What the client reads from a server: JSON answers, retry hints, ranges, image headers.
        .executableTarget(
            name: "fuzz-client",
            dependencies: [
                "CFuzzerDriver", .product(name: "SoraClient", package: rootIdentity),
                .product(name: "SoraRuntime", package: rootIdentity),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
