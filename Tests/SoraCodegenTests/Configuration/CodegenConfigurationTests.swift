import SoraCodegen
import Testing

/// `sora-codegen.yaml`, read through the YAML module: every key, and every mistake at its line and column.
@Suite struct CodegenConfigurationTests {
    private func parse(_ text: String) -> (CodegenConfiguration, errors: [String]) {
        let (configuration, errors) = CodegenConfiguration.parse(Array(text.utf8), file: "sora-codegen.yaml")
        return (configuration, errors.map(\.description))
    }

    @Test func everyKeyIsRead() {
        let (configuration, errors) = parse(
            """
            spec: api/openapi.yaml
            output: Sources/App/Generated
            clientName: ZooClient
            accessModifier: internal
            filter:
              tags: [Animals]
              operations: [health, hireKeeper]
              paths: "/animals*"
            """)
        #expect(errors.isEmpty)
        #expect(configuration.spec == "api/openapi.yaml")
        #expect(configuration.output == "Sources/App/Generated")
        #expect(configuration.clientName == "ZooClient")
        #expect(configuration.publicAccess == false)
        #expect(
            configuration.filter
                == OperationFilter(tags: ["Animals"], operations: ["health", "hireKeeper"], paths: ["/animals*"]))
        #expect(configuration.filterMarks[.operation]?["hireKeeper"]?.description == "7:24")
    }

    @Test func anEmptyFileIsAllDefaults() {
        let (configuration, errors) = parse("# nothing yet\n")
        #expect(errors.isEmpty)
        #expect(configuration == CodegenConfiguration())
    }

    @Test func unknownKeysAndWrongValuesAreErrorsAtTheirLineAndColumn() {
        let (_, errors) = parse(
            """
            spec: openapi.yaml
            ouput: Generated
            accessModifier: private
            clientName: 2fast
            filter:
              tag: [Animals]
              paths: [{a: 1}]
            """)
        #expect(
            errors == [
                "sora-codegen.yaml:2:1: error: unknown key 'ouput' in sora-codegen.yaml; the keys are spec, output, clientName, accessModifier, filter (did you mean 'output'?)",
                "sora-codegen.yaml:4:13: error: 'clientName' must be a Swift type name, found '2fast'",
                "sora-codegen.yaml:3:17: error: 'accessModifier' must be public or internal, found 'private'",
                "sora-codegen.yaml:6:3: error: unknown key 'tag' in 'filter'; the keys are tags, operations, paths (did you mean 'tags'?)",
                "sora-codegen.yaml:7:11: error: an entry of 'filter.paths' must be a string, found a mapping",
            ])
    }

    @Test func brokenYAMLIsAnErrorWithItsPlace() {
        let (_, errors) = parse("spec: [unclosed\n")
        #expect(errors.count == 1)
        #expect(errors[0].hasPrefix("sora-codegen.yaml:2:1: error: "))
        let (_, notMapping) = parse("- spec\n")
        #expect(
            notMapping == [
                "sora-codegen.yaml:1:1: error: expected a mapping of settings (spec, output, clientName, accessModifier, filter)"
            ])
    }
}
