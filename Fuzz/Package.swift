// swift-tools-version: 6.1
// libFuzzer targets for the package one folder up. Build with the fuzzer and address sanitizers:
//   swift build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// then run e.g. `Fuzz/.build/debug/fuzz-multipart Fuzz/Corpus/fuzz-multipart -max_total_time=600`.
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (`main`, `wt-mock`, a CI checkout…), so read it here.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootIdentity = root.lastPathComponent.lowercased()

let package = Package(
    name: "sora-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "fuzz-multipart",
            dependencies: ["CFuzzerDriver", .product(name: "SoraMockServer", package: rootIdentity)]
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
