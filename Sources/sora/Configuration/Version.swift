/// The version `sora --version` prints, with the spec the client was generated from.
enum Version {
    /// This tool's version; raised with each release.
    static let tool = "0.13.0"
    /// The spec's `info.version`, and its file.
    static let spec = "spec/sora-2.yaml 1.0.0"
    /// `0.13.0 (client from spec/sora-2.yaml 1.0.0)`.
    static let description = "\(tool) (client from \(spec))"
}
