import Testing

@testable import SoraCodegen

/// `PathTemplate.placeholders`: the `{name}`s of a path in order.
@Suite struct PathTemplateTests {
    @Test(arguments: [
        ("/videos", []),
        ("/videos/{video_id}", ["video_id"]),
        ("/a/{x}/b/{y}/{x}", ["x", "y", "x"]),
        ("/files/{name}.{ext}", ["name", "ext"]),
        ("/{a}{b}", ["a", "b"]),
        ("/{}", [""]),
        ("/{unclosed", []),
        ("/closed}/{a}", ["a"]),
        ("/{a{b}", ["b"]),
        ("/{ü-名}", ["ü-名"]),
        ("/{with space}", ["with space"]),
        ("", []),
    ])
    func placeholders(_ path: String, _ names: [String]) {
        #expect(PathTemplate.placeholders(in: path) == names)
    }
}
