import Foundation
import SoraCodegen
import Testing

/// Request bodies: one overload per media type, validation, multipart parts and their pixel-size rule.
extension OperationTranslatorTests {
    // MARK: Bodies

    @Test func eachMediaTypeIsAnOverloadWithJSONFirstAndALabelForTheOthers() {
        let (file, messages) = operations(
            """
            /items:
              post:
                operationId: addItem
                requestBody:
                  description: The item.
                  content:
                    text/plain: {schema: {type: string}}
                    application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Item'}}
                    application/merge-patch+json: {schema: {$ref: '#/components/schemas/Item'}}
                    application/octet-stream: {schema: {type: string, format: binary}}
                responses: {"204": {description: ok}}
            """)
        #expect(messages.isEmpty)
        #expect(file.contains("public func addItem(_ body: Item? = nil) async throws(SoraError) {"))
        #expect(file.contains("try httpRequest.setJSONBody(body, contentType: \"application/merge-patch+json\")"))
        #expect(file.contains("public func addItem(text body: String? = nil) async throws(SoraError) {"))
        #expect(file.contains("httpRequest.setTextBody(body, contentType: \"text/plain\")"))
        #expect(file.contains("public func addItem(form body: Item? = nil) async throws(SoraError) {"))
        #expect(file.contains("try httpRequest.setFormBody(body, fields: body.encodeFields(into:))"))
        #expect(file.contains("public func addItem(file body: FileUpload? = nil) async throws(SoraError) {"))
        #expect(
            file.contains(
                "        if let body {\n            httpRequest.setBinaryBody(body, contentType: \"application/octet-stream\")\n"
            ))
        #expect(file.contains("    ///   - body: The item.\n"))
    }

    @Test func aBodyThatIsNotValidatableIsSentUnvalidated() {
        let (file, _) = operations(
            """
            /x:
              post:
                operationId: sendX
                requestBody:
                  required: true
                  content:
                    application/json: {schema: {type: string, enum: [a]}}
                responses: {"204": {description: ok}}
            """)
        #expect(file.contains("try httpRequest.setJSONBody(unvalidated: body)\n"))
    }

    @Test func aMultipartBodyWritesEveryPartAndChecksThePixelSizeOfItsImage() {
        let result = generate(
            """
            /images:
              post:
                operationId: upload_image
                requestBody:
                  required: true
                  content:
                    multipart/form-data:
                      schema:
                        type: object
                        required: [image, size]
                        properties:
                          size: {type: string, enum: [1024x1024, 512x512]}
                          image: {type: string, format: binary, x-pixel-size-equals: size}
                          mask: {type: string, format: binary, x-pixel-size-equals: dims}
                          dims: {type: string}
                          meta: {type: object, properties: {k: {type: string}}}
                          count: {type: integer}
                          files: {type: array, items: {type: string, format: binary}}
                responses: {"204": {description: ok}}
            """)
        #expect(Spec.messages(result).isEmpty)
        let file = Spec.file(result, "Models/UploadImageRequest.swift")
        #expect(
            file.contains("public struct UploadImageRequest: Hashable, Sendable, Validatable {"), "files: no Codable")
        #expect(
            file.contains(
                """
                    @_spi(Generated) public func encodeParts(into form: inout MultipartForm) {
                        form.append("size", size)
                        form.append("image", image, pixelSizeEquals: size.rawValue, sizeField: "size")
                        form.append("mask", mask, pixelSizeEquals: dims, sizeField: "dims")
                        form.append("dims", dims)
                        form.appendJSON("meta", meta)
                        form.append("count", count)
                        form.append("files", files)
                    }

                """))
        #expect(file.contains("public var image: FileUpload\n"))
        #expect(file.contains("public var files: [FileUpload]?\n"))
        #expect(!file.contains("\n    enum CodingKeys"), "a struct with files has no Codable conformance")
        let operations = Spec.file(result, "Operations/Default.swift")
        #expect(operations.contains("public func uploadImage(_ body: UploadImageRequest) async throws(SoraError) {"))
        #expect(operations.contains("try httpRequest.setMultipartBody(body, parts: body.encodeParts(into:))\n"))
    }

    @Test func aNamedMultipartModelWithFilesIsNotOfferedAsJSON() {
        let result = Spec.generate(
            Spec.text(
                schemas:
                    "    Upload:\n      type: object\n      properties:\n        file: {type: string, format: binary}",
                paths: Spec.indent(
                    """
                    /up:
                      post:
                        operationId: up
                        requestBody:
                          content:
                            application/json: {schema: {$ref: '#/components/schemas/Upload'}}
                            multipart/form-data: {schema: {$ref: '#/components/schemas/Upload'}}
                        responses: {"204": {description: ok}}
                    """, by: 2)))
        #expect(
            Spec.messages(result) == [
                "spec.yaml:16:11: warning: 'Upload' holds files, so it is generated for multipart bodies; its JSON "
                    + "media type is not generated"
            ])
        let operations = Spec.file(result, "Operations/Default.swift")
        #expect(operations.contains("public func up(_ body: Upload? = nil) async throws(SoraError) {"))
        #expect(!operations.contains("setJSONBody"))
        #expect(
            Spec.file(result, "Models/Upload.swift").contains("public func encodeParts(into form: inout MultipartForm)")
        )
    }

    @Test func aMultipartPartNamedFormStillSendsItsValue() {
        // `encodeParts(into form:)` names its parameter `form`, which shadows a property `form`:
        // `form.append("form", form)` passes the MultipartForm itself and does not compile.
        let result = generate(
            """
            /up:
              post:
                operationId: up
                requestBody:
                  content:
                    multipart/form-data:
                      schema: {type: object, properties: {form: {type: string}}}
                responses: {"204": {description: ok}}
            """)
        let file = Spec.file(result, "Models/UpRequest.swift")
        #expect(file.contains("public var form: String?\n"))
        #expect(!file.contains("form.append(\"form\", form)\n"))
        #expect(file.contains("form.append(\"form\", self.form)\n"))
    }

    @Test func aNonObjectMultipartBodyIsNotGenerated() {
        let (file, messages) = operations(
            """
            /up:
              post:
                operationId: up
                requestBody:
                  content:
                    multipart/form-data: {schema: {type: string}}
                responses: {"204": {description: ok}}
            """)
        #expect(
            messages == [
                "spec.yaml:18:11: warning: a 'multipart/form-data' body must be an object; this media type is not "
                    + "generated"
            ])
        #expect(file.contains("public func up() async throws(SoraError) {"))
    }
}
