import Testing

@testable import sora

extension CLITests {
    /// What a server says reaches the terminal as text, never as a control sequence.
    @Suite struct PlainTextTests {
        @Test(arguments: [
            ("video_1", "video_1"),
            ("画面动起来", "画面动起来"),
            ("\u{1B}]0;pwned\u{07}", "\\u{1B}]0;pwned\\u{7}"),
            ("line\nbreak\rback", "line\\u{A}break\\u{D}back"),
            ("c1\u{9B}2J", "c1\\u{9B}2J"),
        ])
        func controlCharactersAreShownEscaped(text: String, expected: String) {
            #expect(PlainText.escaped(text) == expected)
        }
    }
}
