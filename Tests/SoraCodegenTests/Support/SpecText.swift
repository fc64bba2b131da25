import SoraCodegen

/// Small specs for fragment tests.
enum SpecText {
    /// A valid spec with one operation and one schema; `schemas` and `paths` text is appended in place.
    static func minimal(schemas: String = "", paths: String = "") -> String {
        """
        openapi: 3.1.0
        info:
          title: T
          version: "1"
        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - name: id
                  in: path
                  required: true
                  schema: {type: string}
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        \(paths)
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}
        \(schemas)
        """
    }

    /// Generates from text and returns the result.
    static func generate(_ text: String, file: String = "spec.yaml") -> GenerationResult {
        Generator.generate(spec: Array(text.utf8), specPath: file)
    }

    /// The text of one generated file, or "" when it is missing.
    static func file(_ result: GenerationResult, _ path: String) -> String {
        result.files.first { $0.path == path }?.contents ?? ""
    }

    /// The diagnostics as printed.
    static func messages(_ result: GenerationResult) -> [String] {
        result.diagnostics.map(\.description)
    }

    /// The diagnostics as printed, without the warnings about unused `x-` keys (tests keep shared schemas under
    /// made-up `x-` keys at the root).
    static func problems(_ result: GenerationResult) -> [String] {
        messages(result).filter { !$0.contains("warning: extension 'x-") }
    }
}
