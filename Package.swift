// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sora-swift",
    platforms: [.macOS(.v15), .iOS(.v18)],
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
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
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
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "SoraClient", dependencies: ["SoraRuntime"], path: "Generated/SoraClient"),
        .plugin(
            name: "GenerateSoraClient",
            capability: .command(
                intent: .custom(
                    verb: "generate-sora-client",
                    description: "Regenerate Generated/SoraClient from spec/sora-2.yaml"
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "Writes the generated client into Generated/SoraClient")
                ]
            ),
            dependencies: ["sora-codegen"]
        ),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        // Generator output for the fixture specs, committed and compiled: the goldens must build.
        .target(name: "GoldenPetstoreEdge", dependencies: ["SoraRuntime"], path: "Tests/Goldens/petstore-edge"),
        .target(name: "GoldenHostile", dependencies: ["SoraRuntime"], path: "Tests/Goldens/hostile"),
        .testTarget(
            name: "SoraCodegenTests",
            dependencies: ["SoraCodegen", "GoldenPetstoreEdge", "GoldenHostile"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SoraRuntimeTests", dependencies: ["SoraRuntime"]),
        .testTarget(name: "SoraClientTests", dependencies: ["SoraClient"]),
    ],
    swiftLanguageModes: [.v6]
)
