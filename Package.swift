// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sora-swift",
    platforms: [.macOS(.v15), .iOS(.v18)],
    // What a package that depends on this one can use. SwiftPM resolves only the packages these products need
    // (swift-openapi-runtime, swift-http-types, swift-log, swift-argument-parser), so an app that generates or
    // imports a client never fetches the mock's and the CLI's server stack (Hummingbird, NIO, AsyncHTTPClient…).
    // `sora` and `sora-mock` are executable targets without products: `swift run sora` and `swift run sora-mock`
    // work in this package, and nowhere else pulls their dependencies in.
    products: [
        .library(name: "SoraClient", targets: ["SoraClient"]),
        .library(name: "SoraRuntime", targets: ["SoraRuntime"]),
        .library(name: "SoraCodegen", targets: ["SoraCodegen"]),
        .library(name: "YAML", targets: ["YAML"]),
        .executable(name: "sora-codegen", targets: ["sora-codegen"]),
        .plugin(name: "GenerateSoraClient", targets: ["GenerateSoraClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        // Only the mock server's tests import NIO directly (to write raw HTTP); Hummingbird brings it anyway.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        // `swift package generate-documentation` for the DocC catalogs (scripts/docs-check.sh); no target uses it,
        // so a package that depends on this one does not resolve it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "SoraCodegen", dependencies: ["YAML"]),
        .executableTarget(
            name: "sora-codegen",
            dependencies: [
                "SoraCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "SoraRuntime",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "SoraClient", dependencies: ["SoraRuntime"], path: "Generated/SoraClient"),
        // The mock server validates on its own: it must not depend on SoraClient, SoraRuntime or SoraCodegen.
        .target(
            name: "SoraMockServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "sora-mock",
            dependencies: [
                "SoraMockServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "sora",
            dependencies: [
                "SoraClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `swift package generate-sora-client` in this package or any package that depends on it: runs sora-codegen
        // with that package's own sora-codegen.yaml (each one, when it has several).
        .plugin(
            name: "GenerateSoraClient",
            capability: .command(
                intent: .custom(
                    verb: "generate-sora-client",
                    description: "Generate the Swift clients that the package's sora-codegen.yaml files describe"
                ),
                permissions: [
                    .writeToPackageDirectory(
                        reason: "Writes the generated client into the output that sora-codegen.yaml names")
                ]
            ),
            dependencies: ["sora-codegen"]
        ),
        // Shared by the tests that run the built executables.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        // Generator output for the fixture specs, committed and compiled: the goldens must build.
        .target(name: "GoldenPetstoreEdge", dependencies: ["SoraRuntime"], path: "Tests/Goldens/petstore-edge"),
        .target(name: "GoldenHostile", dependencies: ["SoraRuntime"], path: "Tests/Goldens/hostile"),
        .target(name: "GoldenComposition", dependencies: ["SoraRuntime"], path: "Tests/Goldens/composition"),
        // The Videos tag of the unmodified upstream OpenAI document (Tests/Upstream/openai), run against sora-mock.
        .target(name: "GoldenOpenAIVideos", dependencies: ["SoraRuntime"], path: "Tests/Goldens/openai-videos"),
        .testTarget(
            name: "SoraCodegenTests",
            dependencies: [
                "TestSupport", "SoraCodegen", "YAML", "GoldenPetstoreEdge", "GoldenHostile", "GoldenComposition",
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SoraRuntimeTests",
            dependencies: [
                "SoraRuntime", "TestSupport", .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SoraClientTests",
            dependencies: [
                "SoraClient", "SoraRuntime", .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SoraIntegrationTests",
            dependencies: [
                "SoraClient", "SoraMockServer", "TestSupport", "GoldenOpenAIVideos",
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "SoraMockServerTests",
            dependencies: [
                "TestSupport",
                "SoraMockServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SoraCLITests",
            dependencies: ["TestSupport", "sora", "SoraClient", "SoraMockServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
