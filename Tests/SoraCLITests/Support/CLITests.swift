import Testing

/// Every `sora` subprocess test, one at a time: each starts a server and a process, and running them all at
/// once would load a shared machine enough to upset the timing of other targets' tests.
@Suite(.serialized) enum CLITests {}
