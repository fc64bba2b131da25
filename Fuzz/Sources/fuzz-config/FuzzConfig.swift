import SoraCodegen

/// A small document with tags, shared schemas and a discriminator mapping, for the filter to select from.
let document = Array(
    """
    openapi: 3.1.0
    info: {title: Zoo, version: "1"}
    paths:
      /animals/{id}:
        get:
          operationId: getAnimal
          tags: [Animals]
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Animal'}
      /keepers:
        post:
          operationId: hireKeeper
          tags: [Staff]
          requestBody:
            content:
              application/json:
                schema: {$ref: '#/components/schemas/Keeper'}
          responses:
            "204": {description: hired}
    components:
      schemas:
        Animal:
          oneOf: [{$ref: '#/components/schemas/Cat'}]
          discriminator: {propertyName: kind, mapping: {cat: '#/components/schemas/Cat'}}
        Cat:
          type: object
          properties:
            kind: {type: string}
            friend: {$ref: '#/components/schemas/Animal'}
        Keeper:
          type: object
          properties:
            name: {type: string, x-unused: true}
    """.utf8)

/// libFuzzer's entry point: one input as `sora-codegen.yaml`, then its settings applied to a small document.
///
/// Findings: a crash or hang; an error without a line and column; settings that parse but break generation (a
/// client name that does not compile, files generated despite a filter entry that selects nothing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let (configuration, errors) = CodegenConfiguration.parse(bytes, file: "sora-codegen.yaml")
    for error in errors {
        precondition(error.mark.line >= 1 && error.mark.column >= 1, "no place: \(error)")
        precondition(error.description.hasPrefix("sora-codegen.yaml:"), "unnamed file: \(error)")
    }
    guard errors.isEmpty else { return 0 }
    let options = GenerationOptions(
        filter: configuration.filter, clientName: configuration.clientName,
        publicAccess: configuration.publicAccess ?? true)
    let result = Generator.generate(spec: document, specPath: "zoo.yaml", options: options)
    precondition(
        result.selectionProblems.isEmpty || result.files.isEmpty, "files despite a filter that selects nothing")
    precondition(!result.hasErrors || result.files.isEmpty, "files generated despite errors")
    if !result.hasErrors {
        precondition(result.files.contains { $0.path == "\(result.clientName).swift" }, "no client file")
        precondition(result.files.contains { $0.path.hasPrefix("Operations/") }, "a selection without operations")
        if configuration.publicAccess == false {
            precondition(!result.files.contains { $0.contents.contains("public ") }, "public despite internal")
        }
    }
    return 0
}
