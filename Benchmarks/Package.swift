// swift-tools-version: 6.1
// A separate package so that the root package (and CI) never builds or runs the benchmarks.
import PackageDescription

let package = Package(
    name: "sora-swift-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sora-swift", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Baseline (a): libyaml's event loop in C, with nothing kept.
        .target(name: "RawLibYAML", linkerSettings: [.linkedLibrary("yaml")]),
        // The stages, the inputs and the synthetic spec, shared by both executables.
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
        // `swift run -c release generator-ratios`: the ratio table of the README, all stages in one run.
        .executableTarget(name: "generator-ratios", dependencies: ["GeneratorStages"]),
    ],
    swiftLanguageModes: [.v6]
)
