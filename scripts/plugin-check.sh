#!/usr/bin/env bash
# Proves that the command plugin works in a package that is not this one, as a user would use it:
#   1. a throwaway app package outside this repository depends on it by path (and on swift-openapi-urlsession);
#   2. it writes api/sora-codegen.yaml next to the unmodified upstream OpenAI document, for its Videos tag,
#      generated as internal declarations into its own target;
#   3. `swift package --allow-writing-to-package-directory generate-sora-client` generates the client;
#   4. `swift build` compiles the app, which then creates a video on sora-mock, waits for it, downloads it and
#      deletes it through the generated client;
#   5. a second generate-sora-client run changes nothing, and a misspelt tag fails with exit status 1 and the tags;
#   6. a second client, this package's own spec generated `public` into a library target of the app package, compiles
#      there and is used by the app: generated code reaches the runtime's `@_spi(Generated)` API from any package;
#   7. the app resolves only what the products it uses need: none of the mock's or the CLI's server packages.
# Usage: scripts/plugin-check.sh   (from anywhere; set SORA_MOCK=path/to/sora-mock to reuse a built server)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/start-mock.sh
. "$root/scripts/lib/start-mock.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/sora-plugin-check-XXXXXX")
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
app="$work/VideoApp"
mkdir -p "$app/Sources/VideoApp" "$app/api" "$app/sora" "$app/Sources/SoraKit"
cp "$root/Tests/Upstream/openai/openapi.yaml" "$app/api/openai.yaml"
cp "$root/spec/sora-2.yaml" "$app/sora/sora-2.yaml"

cat > "$app/Package.swift" <<SWIFT
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "VideoApp",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sora-swift", path: "$root"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.0.0"),
    ],
    targets: [
        .target(name: "SoraKit", dependencies: [.product(name: "SoraRuntime", package: "sora-swift")]),
        .executableTarget(
            name: "VideoApp",
            dependencies: [
                "SoraKit",
                .product(name: "SoraRuntime", package: "sora-swift"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ]
        ),
    ]
)
SWIFT

cat > "$app/api/sora-codegen.yaml" <<'YAML'
spec: openai.yaml
output: ../Sources/VideoApp/Generated
clientName: OpenAIVideos
accessModifier: internal
filter:
  tags: [Videos]
YAML

cat > "$app/sora/sora-codegen.yaml" <<'YAML'
spec: sora-2.yaml
output: ../Sources/SoraKit
accessModifier: public
YAML

cat > "$app/Sources/VideoApp/main.swift" <<'SWIFT'
import Foundation
import OpenAPIURLSession
import SoraKit
import SoraRuntime

// The public client of the other target: its models, validation and multipart encoding come from another module.
var sora = SoraKit.CreateVideoRequest(model: .sora2, prompt: "a lighthouse at dusk")
sora.seconds = "4"
try sora.validate()
precondition(SoraKit.Sora.servers.first == "https://n.lconai.com/v1")

/// The upstream document marks the video operations `deprecated: true`, so the generated methods are too; the
/// app calls them through this protocol, whose requirements are not, to build without warnings.
protocol Videos: Sendable {
    func createVideo(_ body: CreateVideoJsonBody?) async throws(SoraError) -> VideoResource
    func getVideo(_ videoId: String) async throws(SoraError) -> VideoResource
    func retrieveVideoContent(_ videoId: String, variant: VideoContentVariant?, to destination: URL)
        async throws(SoraError) -> DownloadedFile
    func deleteVideo(_ videoId: String) async throws(SoraError) -> DeletedVideoResource
}

extension OpenAIVideos: Videos {}

let environment = ProcessInfo.processInfo.environment
let client: any Videos = try OpenAIVideos(
    baseURL: URL(string: environment["VIDEO_BASE_URL"]!)!, token: environment["VIDEO_TOKEN"]!,
    transport: URLSessionTransport())
let video = try await client.createVideo(
    CreateVideoJsonBody(model: .sora2, prompt: "a lighthouse at dusk", seconds: .seconds4, size: .size1280x720))
var current = video
while current.status != .completed {
    guard current.status != .failed else { fatalError("the video failed: \(current)") }
    try await Task.sleep(for: .milliseconds(100))
    current = try await client.getVideo(video.id)
}
let file = FileManager.default.temporaryDirectory.appending(path: "\(video.id).mp4")
let downloaded = try await client.retrieveVideoContent(video.id, variant: .video, to: file)
let deleted = try await client.deleteVideo(video.id)
try? FileManager.default.removeItem(at: downloaded.url)
print("created \(video.id), \(current.status.rawValue), downloaded \(downloaded.byteCount) bytes, deleted \(deleted.deleted)")
SWIFT

echo "==> generate-sora-client in a throwaway package ($app)"
(cd "$app" && swift package --allow-writing-to-package-directory generate-sora-client)
test -f "$app/Sources/VideoApp/Generated/OpenAIVideos.swift"
test -f "$app/Sources/SoraKit/Sora.swift"
if grep -rq "^public " "$app/Sources/VideoApp/Generated"; then
  echo "plugin-check: accessModifier internal left public declarations" >&2
  exit 1
fi

echo "==> a second run changes nothing"
second=$(cd "$app" && swift package --allow-writing-to-package-directory generate-sora-client 2>&1)
echo "$second"
test "$(echo "$second" | grep -c "0 written, .* unchanged, 0 deleted")" -eq 2

echo "==> a misspelt tag fails and names the tags"
sed -i.bak 's/tags: \[Videos\]/tags: [Vidoes]/' "$app/api/sora-codegen.yaml"
if out=$(cd "$app" && swift package --allow-writing-to-package-directory generate-sora-client 2>&1); then
  echo "plugin-check: a misspelt tag did not fail" >&2
  exit 1
fi
echo "$out" | grep -q "^api/sora-codegen.yaml:6:10: error: tag 'Vidoes' is on no operation; the document's tags: Assistants"
mv "$app/api/sora-codegen.yaml.bak" "$app/api/sora-codegen.yaml"

echo "==> the app resolved only what the products it uses need"
for package in hummingbird async-http-client swift-nio multipart-kit; do
  if grep -q "\"identity\" : \"$package\"" "$app/Package.resolved"; then
    echo "plugin-check: the app resolved $package, which only this package's mock and CLI need" >&2
    exit 1
  fi
done
echo "resolved: $(grep -o '"identity" : "[^"]*"' "$app/Package.resolved" | cut -d'"' -f4 | tr '\n' ' ')"

echo "==> swift build (no warnings in the app)"
(cd "$app" && swift build 2>&1 | tee "$work/build.log")
if grep -qE "(VideoApp|SoraKit)/.*warning:" "$work/build.log"; then
  echo "plugin-check: the app built with warnings" >&2
  exit 1
fi

echo "==> the app against sora-mock"
start_mock "$root" sk-plugin-check 0.3 "$work/mock.log"
output=$(VIDEO_BASE_URL="$address/v1" VIDEO_TOKEN=sk-plugin-check "$app/.build/debug/VideoApp")
echo "$output"
echo "$output" | grep -q "^created video_.*, completed, downloaded [1-9][0-9]* bytes, deleted true$"
echo "plugin-check: passed"
