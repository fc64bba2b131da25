/// A deterministic OpenAPI 3.1 document in the project's dialect, as large as asked.
///
/// Each "group" adds five operations (list, create, retrieve, update, delete; every tenth group also a binary
/// download) and four schemas (an object, a string enum, a request body, a list page), with `$ref`s between them,
/// path/query/header parameters, multipart and JSON bodies, nullable and array properties, constraints and
/// multi-line descriptions. `SpecReader.read` must report no error on it: the benchmark checks that before timing.
public enum SyntheticSpec {
    /// The document with exactly `groups` groups.
    public static func make(groups: Int) -> [UInt8] {
        var out = Writer()
        header(&out)
        out.line("paths:")
        for group in 0..<groups { paths(&out, group) }
        out.line("components:")
        sharedComponents(&out)
        out.line("  schemas:")
        sharedSchemas(&out)
        for group in 0..<groups { schemas(&out, group) }
        return Array(out.text.utf8)
    }

    /// The number of groups whose document is at least `bytes` long (measured, not guessed).
    public static func groups(forAtLeast bytes: Int) -> Int {
        let probe = 50
        let perGroup = Double(make(groups: probe).count) / Double(probe)
        var groups = max(1, Int((Double(bytes) / perGroup).rounded(.up)))
        while make(groups: groups).count < bytes { groups += max(1, groups / 100) }
        return groups
    }

    /// Operations per group on average (for the README's counts).
    public static func operationCount(groups: Int) -> Int { groups * 5 + (groups + 9) / 10 }

    /// Named schemas in a document of `groups` groups.
    public static func schemaCount(groups: Int) -> Int { groups * 4 + 2 }

    // MARK: - Pieces

    private struct Writer {
        var text = ""
        init() { text.reserveCapacity(12 << 20) }
        mutating func line(_ string: String) {
            text += string
            text += "\n"
        }
    }

    private static let words = [
        "account", "archive", "batch", "bucket", "channel", "cluster", "dataset", "deployment", "document", "endpoint",
        "event", "export", "folder", "gateway", "invoice", "job", "ledger", "message", "model", "notebook", "order",
        "pipeline", "project", "queue", "record", "report", "schedule", "session", "snapshot", "template", "ticket",
        "upload", "volume", "webhook", "workflow", "workspace",
    ]

    private static func id(_ group: Int) -> String {
        let digits = String(group)
        return String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// Schema-name prefix, e.g. `Dataset00042`.
    private static func typeName(_ group: Int) -> String {
        let word = words[group % words.count]
        return word.prefix(1).uppercased() + word.dropFirst() + id(group)
    }

    /// Path segment, e.g. `datasets-00042`.
    private static func segment(_ group: Int) -> String { "\(words[group % words.count])s-\(id(group))" }

    /// A multi-line description that varies with the group, so no two are the same string.
    private static func description(_ out: inout Writer, indent: String, _ group: Int, _ topic: String) {
        let word = words[group % words.count]
        let other = words[(group * 7 + 3) % words.count]
        out.line("\(indent)description: |")
        out.line("\(indent)  \(topic) for the \(word) #\(group). Each \(word) belongs to exactly one \(other),")
        out.line("\(indent)  and is returned in creation order unless `order` says otherwise; unknown fields are")
        out.line("\(indent)  ignored by clients. Values are validated on the server as well (group \(group)).")
    }

    private static func header(_ out: inout Writer) {
        out.line("openapi: 3.1.0")
        out.line("info:")
        out.line("  title: Synthetic benchmark API")
        out.line("  version: 1.0.0")
        out.line("  description: A generated document for the generator benchmark; large, repetitive, in the dialect.")
        out.line("  x-client-name: SyntheticClient")
        out.line("servers:")
        out.line("  - url: https://api.example.com/v1")
        out.line("    description: Example host.")
        out.line("security:")
        out.line("  - bearerAuth: []")
    }

    private static func paths(_ out: inout Writer, _ group: Int) {
        let name = typeName(group)
        let seg = segment(group)
        let ref = "'#/components/schemas/\(name)'"
        // Collection: list + create.
        out.line("  /\(seg):")
        out.line("    get:")
        out.line("      operationId: list\(name)")
        out.line("      summary: List \(name) objects")
        description(&out, indent: "      ", group, "Lists the objects")
        out.line("      parameters:")
        out.line("        - $ref: '#/components/parameters/Limit'")
        out.line("        - name: after")
        out.line("          in: query")
        out.line("          required: false")
        out.line("          description: Cursor for pagination; the id of the last object of the previous page.")
        out.line("          schema:")
        out.line("            type: string")
        out.line("        - name: order")
        out.line("          in: query")
        out.line("          description: Sort order by creation time.")
        out.line("          schema:")
        out.line("            $ref: '#/components/schemas/ListOrder'")
        out.line("        - name: status")
        out.line("          in: query")
        out.line("          description: Only objects in this state.")
        out.line("          schema:")
        out.line("            $ref: '#/components/schemas/\(name)Status'")
        responses(&out, group, schema: "'#/components/schemas/\(name)List'", notFound: false)
        out.line("    post:")
        out.line("      operationId: create\(name)")
        out.line("      summary: Create a \(name)")
        description(&out, indent: "      ", group, "Creates an object")
        out.line("      parameters:")
        out.line("        - $ref: '#/components/parameters/IdempotencyKey'")
        out.line("      requestBody:")
        out.line("        required: true")
        out.line("        content:")
        out.line(group.isMultiple(of: 2) ? "          multipart/form-data:" : "          application/json:")
        out.line("            schema:")
        out.line("              $ref: '#/components/schemas/\(name)Create'")
        responses(&out, group, schema: ref, notFound: false)
        // Item: retrieve + update + delete, with a path-level parameter.
        out.line("  /\(seg)/{item_id}:")
        out.line("    parameters:")
        out.line("      - $ref: '#/components/parameters/ItemId'")
        out.line("    get:")
        out.line("      operationId: retrieve\(name)")
        out.line("      summary: Retrieve a \(name)")
        description(&out, indent: "      ", group, "Fetches the latest state of an object")
        responses(&out, group, schema: ref, notFound: true)
        out.line("    post:")
        out.line("      operationId: update\(name)")
        out.line("      summary: Update a \(name)")
        out.line("      requestBody:")
        out.line("        required: true")
        out.line("        content:")
        out.line("          application/json:")
        out.line("            schema:")
        out.line("              type: object")
        out.line("              description: The fields to change; absent fields stay as they are.")
        out.line("              properties:")
        out.line("                name:")
        out.line("                  type: string")
        out.line("                  minLength: 1")
        out.line("                  maxLength: 200")
        out.line("                status:")
        out.line("                  $ref: '#/components/schemas/\(name)Status'")
        out.line("                notes:")
        out.line("                  type: [string, 'null']")
        out.line("                  description: Free text; null clears it.")
        responses(&out, group, schema: ref, notFound: true)
        out.line("    delete:")
        out.line("      operationId: delete\(name)")
        out.line("      summary: Delete a \(name)")
        out.line("      description: Permanently deletes the object.")
        responses(&out, group, schema: "'#/components/schemas/DeletedObject'", notFound: true)
        guard group.isMultiple(of: 10) else { return }
        out.line("  /\(seg)/{item_id}/content:")
        out.line("    get:")
        out.line("      operationId: download\(name)Content")
        out.line("      summary: Download the bytes of a \(name)")
        out.line("      parameters:")
        out.line("        - $ref: '#/components/parameters/ItemId'")
        out.line("      responses:")
        out.line("        '200':")
        out.line("          description: The stored bytes.")
        out.line("          content:")
        out.line("            application/octet-stream:")
        out.line("              schema:")
        out.line("                type: string")
        out.line("                format: binary")
        out.line("        '404':")
        out.line("          $ref: '#/components/responses/Error'")
        out.line("        default:")
        out.line("          $ref: '#/components/responses/Error'")
    }

    private static func responses(_ out: inout Writer, _ group: Int, schema: String, notFound: Bool) {
        out.line("      responses:")
        out.line("        '200':")
        out.line("          description: The \(words[group % words.count]) object.")
        out.line("          content:")
        out.line("            application/json:")
        out.line("              schema:")
        out.line("                $ref: \(schema)")
        out.line("        '400':")
        out.line("          $ref: '#/components/responses/Error'")
        if notFound {
            out.line("        '404':")
            out.line("          $ref: '#/components/responses/Error'")
        }
        out.line("        default:")
        out.line("          $ref: '#/components/responses/Error'")
    }

    private static func sharedComponents(_ out: inout Writer) {
        out.line("  securitySchemes:")
        out.line("    bearerAuth:")
        out.line("      type: http")
        out.line("      scheme: bearer")
        out.line("  parameters:")
        out.line("    ItemId:")
        out.line("      name: item_id")
        out.line("      in: path")
        out.line("      required: true")
        out.line("      description: The identifier of the object.")
        out.line("      schema:")
        out.line("        type: string")
        out.line("    Limit:")
        out.line("      name: limit")
        out.line("      in: query")
        out.line("      required: false")
        out.line("      description: Number of objects to return (1…100).")
        out.line("      schema:")
        out.line("        type: integer")
        out.line("        minimum: 1")
        out.line("        maximum: 100")
        out.line("        default: 20")
        out.line("    IdempotencyKey:")
        out.line("      name: Idempotency-Key")
        out.line("      in: header")
        out.line("      required: false")
        out.line("      description: A retry with the same key does not create a second object.")
        out.line("      schema:")
        out.line("        type: string")
        out.line("        maxLength: 255")
        out.line("  responses:")
        out.line("    Error:")
        out.line("      description: 'Error: `{\"error\": {\"message\", \"type\"}}` with the HTTP status.'")
        out.line("      content:")
        out.line("        application/json:")
        out.line("          schema:")
        out.line("            $ref: '#/components/schemas/ErrorResponse'")
    }

    private static func sharedSchemas(_ out: inout Writer) {
        out.line("    ListOrder:")
        out.line("      type: string")
        out.line("      description: Sort order by creation time.")
        out.line("      enum: [asc, desc]")
        out.line("      default: desc")
        out.line("    DeletedObject:")
        out.line("      type: object")
        out.line("      description: Confirmation returned after a delete.")
        out.line("      properties:")
        out.line("        id:")
        out.line("          type: string")
        out.line("        deleted:")
        out.line("          type: boolean")
        out.line("      required: [id, deleted]")
        out.line("    ErrorResponse:")
        out.line("      type: object")
        out.line("      description: Error envelope returned with a non-2xx status.")
        out.line("      properties:")
        out.line("        message:")
        out.line("          type: string")
        out.line("          description: Human-readable error message.")
        out.line("        type:")
        out.line("          type: [string, 'null']")
        out.line("          description: Error category, if any.")
        out.line("      required: [message]")
    }

    private static func schemas(_ out: inout Writer, _ group: Int) {
        let name = typeName(group)
        let word = words[group % words.count]
        // The enum.
        out.line("    \(name)Status:")
        out.line("      type: string")
        out.line("      description: Lifecycle state of a \(word); other values may come and must pass through.")
        out.line("      enum:")
        for state in ["queued", "in_progress", "completed", "failed", "archived"].prefix(3 + group % 3) {
            out.line("        - \(state)")
        }
        // The object.
        out.line("    \(name):")
        out.line("      type: object")
        out.line("      title: \(name)")
        description(&out, indent: "      ", group, "One object")
        out.line("      properties:")
        out.line("        id:")
        out.line("          type: string")
        out.line("          description: Unique identifier.")
        out.line("        object:")
        out.line("          type: string")
        out.line("          description: The object type, always `\(word)`.")
        out.line("          const: \(word)")
        out.line("        name:")
        out.line("          type: string")
        out.line("          description: Display name.")
        out.line("          minLength: 1")
        out.line("          maxLength: 200")
        out.line("        status:")
        out.line("          $ref: '#/components/schemas/\(name)Status'")
        out.line("          description: Current state.")
        out.line("        priority:")
        out.line("          type: integer")
        out.line("          description: Scheduling priority, 0 (lowest) to 10.")
        out.line("          minimum: 0")
        out.line("          maximum: 10")
        out.line("        score:")
        out.line("          type: number")
        out.line("          description: A relevance score.")
        out.line("        enabled:")
        out.line("          type: boolean")
        out.line("          default: true")
        out.line("        labels:")
        out.line("          type: array")
        out.line("          description: Free-form labels.")
        out.line("          items:")
        out.line("            type: string")
        out.line("        notes:")
        out.line("          type: [string, 'null']")
        out.line("          description: Free text, if any.")
        out.line("        created_at:")
        out.line("          type: integer")
        out.line("          description: Unix timestamp (seconds) of creation.")
        out.line("        finished_at:")
        out.line("          type: [integer, 'null']")
        out.line("          description: Unix timestamp (seconds) of completion, if finished.")
        if !group.isMultiple(of: 10) {  // short chains (at most 9 links), so no stage meets a deep $ref chain
            out.line("        previous:")
            out.line("          description: The object of the previous group, if linked.")
            out.line("          oneOf:")
            out.line("            - $ref: '#/components/schemas/\(typeName(group - 1))'")
            out.line("            - type: 'null'")
        }
        out.line("      required: [id, object, name, status, created_at]")
        // The create body.
        out.line("    \(name)Create:")
        out.line("      type: object")
        out.line("      description: Parameters for creating a \(word).")
        out.line("      properties:")
        out.line("        name:")
        out.line("          type: string")
        out.line("          description: Display name.")
        out.line("          minLength: 1")
        out.line("          maxLength: 200")
        out.line("        code:")
        out.line("          type: string")
        out.line("          description: Short code, digits only.")
        out.line("          pattern: '^[0-9]+$'")
        out.line("        status:")
        out.line("          $ref: '#/components/schemas/\(name)Status'")
        out.line("        priority:")
        out.line("          type: integer")
        out.line("          minimum: 0")
        out.line("          maximum: 10")
        out.line("          default: 5")
        out.line("        enabled:")
        out.line("          type: boolean")
        out.line("          default: false")
        out.line("        source_url:")
        out.line("          type: string")
        out.line("          format: uri")
        out.line("          description: Where to copy from; needs `source_range`.")
        out.line("        source_range:")
        out.line("          type: string")
        out.line("          description: Byte range to copy, as `{start},{end}`.")
        if group.isMultiple(of: 2) {
            out.line("        file:")
            out.line("          type: string")
            out.line("          format: binary")
            out.line("          description: The file to store.")
        } else {
            out.line("        labels:")
            out.line("          type: array")
            out.line("          items:")
            out.line("            type: string")
        }
        out.line("      required: [name]")
        out.line("      dependentRequired:")
        out.line("        source_url: [source_range]")
        out.line("        source_range: [source_url]")
        // The list page.
        out.line("    \(name)List:")
        out.line("      type: object")
        out.line("      description: A page of \(word) objects.")
        out.line("      properties:")
        out.line("        object:")
        out.line("          type: string")
        out.line("          const: list")
        out.line("        data:")
        out.line("          type: array")
        out.line("          items:")
        out.line("            $ref: '#/components/schemas/\(name)'")
        out.line("        first_id:")
        out.line("          type: [string, 'null']")
        out.line("        last_id:")
        out.line("          type: [string, 'null']")
        out.line("        has_more:")
        out.line("          type: boolean")
        out.line("      required: [object, data, has_more]")
    }
}
