import SoraCodegen
import Testing

/// `--tag`, `--operation` and `--path`: the operations they select and the schemas those reach.
@Suite struct SelectionTests {
    private func generate(_ filter: OperationFilter) -> GenerationResult {
        Generator.generate(
            spec: Array(TaggedSpec.text.utf8), specPath: "zoo.yaml", options: GenerationOptions(filter: filter))
    }

    private func models(_ result: GenerationResult) -> [String] {
        result.files.map(\.path).filter { $0.hasPrefix("Models/") }.map { String($0.dropFirst(7).dropLast(6)) }
    }

    @Test func aTagKeepsItsOperationsAndEverySchemaTheyReachThroughRefsMappingsAndRecursion() {
        let result = generate(OperationFilter(tags: ["animals"]))
        #expect(!result.hasErrors, "\(result.selectionProblems) \(result.diagnostics)")
        #expect(models(result) == ["Animal", "Cat", "Dog", "Toy"])
        let operations = result.files.filter { $0.path.hasPrefix("Operations/") }.map(\.contents).joined()
        #expect(operations.contains("func listAnimals("))
        #expect(operations.contains("func getAnimal("))
        #expect(!operations.contains("hireKeeper"))
        #expect(!operations.contains("func health("))
    }

    @Test func theListsCombineAsAUnion() {
        let result = generate(OperationFilter(tags: ["Staff"], operations: ["health"], paths: ["/animals/{id}"]))
        #expect(!result.hasErrors)
        #expect(models(result) == ["Animal", "Badge", "Cat", "Dog", "Keeper", "Toy"])
        let text = result.files.map(\.contents).joined()
        #expect(text.contains("func hireKeeper(") && text.contains("func health(") && text.contains("func getAnimal("))
        #expect(!text.contains("func listAnimals("))
    }

    @Test func aTrailingStarMatchesAPathPrefix() {
        let result = generate(OperationFilter(paths: ["/animals*"]))
        let text = result.files.map(\.contents).joined()
        #expect(text.contains("func listAnimals(") && text.contains("func getAnimal("))
        #expect(!text.contains("func health("))
    }

    @Test func anEmptyFilterGeneratesEverything() {
        let result = generate(OperationFilter())
        #expect(models(result) == ["Animal", "Badge", "Cat", "Dog", "Keeper", "Toy", "Unused"])
    }

    @Test func everyEntryThatSelectsNothingIsAnErrorNamingWhatExists() {
        let result = generate(
            OperationFilter(tags: ["Animals", "Birds"], operations: ["getanimal"], paths: ["/keeper"]))
        #expect(result.hasErrors)
        #expect(result.files.isEmpty)
        let messages = result.selectionProblems.map(\.message)
        #expect(messages.count == 3)
        #expect(
            messages[0]
                == "tag 'Birds' is on no operation; the document's tags: Animals (2), Staff (1); 1 operation has no tag"
        )
        #expect(messages[1].hasPrefix("operationId 'getanimal' is not in the document; the closest: 'getAnimal'"))
        #expect(messages[2].hasPrefix("path '/keeper' matches no operation; the closest: '/keepers'"))
        #expect(result.selectionProblems.map(\.list) == [.tag, .operation, .path])
    }

    @Test func theSameSelectionGivesTheSameBytesAsTheWholeDocumentForItsFiles() {
        let whole = Dictionary(uniqueKeysWithValues: generate(OperationFilter()).files.map { ($0.path, $0.contents) })
        for file in generate(OperationFilter(tags: ["Staff"])).files where file.path.hasPrefix("Models/") {
            #expect(whole[file.path] == file.contents, "\(file.path)")
        }
    }

    @Test func internalAccessLeavesNoPublicDeclaration() {
        let result = Generator.generate(
            spec: Array(TaggedSpec.text.utf8), specPath: "zoo.yaml",
            options: GenerationOptions(clientName: "ZooClient", publicAccess: false))
        #expect(!result.hasErrors)
        #expect(result.clientName == "ZooClient")
        #expect(result.files.contains { $0.path == "ZooClient.swift" })
        for file in result.files {
            #expect(!file.contents.contains("public "), "\(file.path)")
            #expect(!file.contents.contains("@_exported"), "\(file.path)")
        }
    }
}

/// A filtered run reports the warnings of what it generates, not of the whole document.
@Suite struct SelectedWarningTests {
    private let spec = TaggedSpec.text
        .replacingOccurrences(
            of: "    Unused:\n      type: object\n", with: "    Unused:\n      type: object\n      x-internal: true\n"
        )
        .replacingOccurrences(
            of: "    Toy:\n      type: object\n", with: "    Toy:\n      type: object\n      x-internal: true\n"
        )
        .replacingOccurrences(
            of: "      operationId: health\n", with: "      operationId: health\n      x-internal: true\n")

    private func warnings(_ filter: OperationFilter) -> [String] {
        Generator.generate(spec: Array(spec.utf8), specPath: "zoo.yaml", options: GenerationOptions(filter: filter))
            .diagnostics.map(\.description)
    }

    @Test func theWholeDocumentCountsEveryPlace() {
        #expect(warnings(OperationFilter()).count == 1)
        #expect(
            warnings(OperationFilter())[0].contains(
                "extension 'x-internal' is not used by the generator; it is ignored (here and in 2 more places)"))
    }

    @Test func aSelectionCountsOnlyItsOwnPlaces() {
        let animals = warnings(OperationFilter(tags: ["Animals"]))
        #expect(animals.count == 1)
        #expect(animals.first?.hasSuffix("it is ignored") == true, "only Toy's: \(animals)")
        #expect(warnings(OperationFilter(tags: ["Staff"])).isEmpty)
        let health = warnings(OperationFilter(operations: ["health"]))
        #expect(
            health.count == 1 && health[0].hasSuffix("'x-internal' is not used by the generator; it is ignored"),
            "\(health)")
    }
}
