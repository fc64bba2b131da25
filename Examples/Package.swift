// swift-tools-version: 6.1
// A small app that uses the Sora client as a package of yours would: it depends on this repository by path (use
// `.package(url: "…/sora-swift", from: "…")` in your own) and on the AsyncHTTPClient transport.
import PackageDescription

let package = Package(
    name: "sora-examples",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sora-swift", path: ".."),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "make-video",
            dependencies: [
                .product(name: "SoraClient", package: "sora-swift"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
