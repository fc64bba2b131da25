// swift-tools-version: 6.1
// A separate package so that the root package (and CI) never builds the fuzzers: they need
// `-sanitize=fuzzer,address`, which `run.sh` passes. One executable target per fuzzer, each with
// its corpus in Corpus/<target>/ and an optional dictionary in Dictionaries/<target>.dict.
import PackageDescription

let package = Package(
    name: "sora-swift-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sora-swift", path: "..")
    ],
    targets: [
        // Bytes → YAML parser → spec loader → translator → printer: what `sora-codegen` does with a spec.
        .executableTarget(
            name: "fuzz-spec",
            dependencies: [
                .product(name: "YAML", package: "sora-swift"),
                .product(name: "SoraCodegen", package: "sora-swift"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
