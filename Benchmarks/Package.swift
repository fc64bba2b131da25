// swift-tools-version: 6.1
// A separate package so that the root package (and CI) never builds or runs the benchmarks.
import PackageDescription

let package = Package(
    name: "sora-swift-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sora-swift", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // client-benchmarks: the transport the client is measured with, the sink server, and the reference runtime.
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Baseline (a): libyaml's event loop in C, with nothing kept.
        .target(name: "RawLibYAML", linkerSettings: [.linkedLibrary("yaml")]),
        // Peak memory and progress notes, for the executables.
        .target(name: "BenchmarkSupport"),
        // The stages, the inputs and the synthetic spec, shared by the executables.
        .target(
            name: "GeneratorStages",
            dependencies: [
                "RawLibYAML",
                .product(name: "YAML", package: "sora-swift"),
                .product(name: "SoraCodegen", package: "sora-swift"),
            ]
        ),
        // `swift package benchmark`: per stage and input, wall clock, CPU, peak RSS and malloc counts.
        .executableTarget(
            name: "GeneratorBenchmarks",
            dependencies: [
                "GeneratorStages",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/GeneratorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The baseline process of `end-to-end`: read a file and run libyaml's parser over it.
        .executableTarget(name: "raw-libyaml", dependencies: ["RawLibYAML"]),
        // Starts one measured process and reports its wall time and peak memory (see its header comment).
        .executableTarget(name: "measure-child"),
        // `end-to-end`: the sora-codegen command as users run it, whole processes, against raw-libyaml.
        .executableTarget(name: "end-to-end", dependencies: ["GeneratorStages", "BenchmarkSupport"]),
        // `swift run -c release generator-ratios`: the ratio table of the README, all stages in one run.
        .executableTarget(name: "generator-ratios", dependencies: ["GeneratorStages", "BenchmarkSupport"]),
        // `swift run -c release client-benchmarks`: 1 GiB upload/download against a loopback sink server (peak
        // memory, throughput against a plain file copy) and per-call encode/decode times against swift-openapi-runtime.
        .executableTarget(
            name: "client-benchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "SoraClient", package: "sora-swift"),
                .product(name: "SoraRuntime", package: "sora-swift"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
