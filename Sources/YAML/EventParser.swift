internal import CYAML

/// The one Swift owner of a libyaml `yaml_parser_t`, the input bytes it reads and the event it last produced.
///
/// libyaml reads its input lazily, so the parser keeps its own copy of the bytes; everything is freed in `deinit`.
final class EventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let inputCount: Int

    /// Sets up a libyaml parser over a private copy of `bytes`.
    init(bytes: [UInt8]) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLError("out of memory", at: Mark(line: 1, column: 1))
        }
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        yaml_parser_set_input_string(parser, storage.baseAddress, bytes.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        self.parser = parser
        self.event = event
        self.storage = storage
        self.inputCount = bytes.count
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
        storage.deallocate()
    }

    /// Parses the next event and returns it with the 1-based mark where it starts.
    func next() throws(YAMLError) -> (Event, Mark) {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else {
            throw currentError()
        }
        let mark = Mark(line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            return (.scalar(currentScalar(), anchor: string(event.pointee.data.scalar.anchor)), mark)
        case YAML_SEQUENCE_START_EVENT:
            return (.sequenceStart(anchor: string(event.pointee.data.sequence_start.anchor)), mark)
        case YAML_SEQUENCE_END_EVENT:
            return (.sequenceEnd, mark)
        case YAML_MAPPING_START_EVENT:
            return (.mappingStart(anchor: string(event.pointee.data.mapping_start.anchor)), mark)
        case YAML_MAPPING_END_EVENT:
            return (.mappingEnd, mark)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: string(event.pointee.data.alias.anchor) ?? ""), mark)
        case YAML_DOCUMENT_START_EVENT:
            return (.documentStart, mark)
        case YAML_DOCUMENT_END_EVENT:
            return (.documentEnd, mark)
        case YAML_STREAM_START_EVENT:
            return (.streamStart, mark)
        default:
            return (.streamEnd, mark)
        }
    }

    /// The scalar of the current event, its text read straight from libyaml's buffer.
    private func currentScalar() -> Scalar {
        let data = event.pointee.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
        let style: ScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        return Scalar(text: text, style: style, isExplicitString: Self.isStringTag(data.tag))
    }

    /// True for the non-specific tag `!` and for `!!str` (`tag:yaml.org,2002:str`).
    private static func isStringTag(_ tag: UnsafeMutablePointer<yaml_char_t>?) -> Bool {
        guard let tag else { return false }
        let text = String(cString: tag)
        return text == "!" || text == "tag:yaml.org,2002:str"
    }

    /// A NUL-terminated libyaml string as a Swift string; nil for a null pointer.
    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The error libyaml recorded when `yaml_parser_parse` failed, with a 1-based mark.
    private func currentError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory", at: Mark(line: 1, column: 1))
        case YAML_READER_ERROR:
            var message = problem
            if state.problem_value != -1 {
                message += " " + Self.hexCode(Int(state.problem_value))
            }
            if !problem.hasPrefix("control characters") {
                let encoding = state.encoding == YAML_UTF8_ENCODING ? "UTF-8" : "UTF-16"
                message = "invalid \(encoding): \(message)"
            }
            let input = UnsafeBufferPointer(rebasing: storage[..<inputCount])
            let mark = ReaderMark.mark(atOffset: Int(state.problem_offset), in: input)
            return YAMLError(message, at: mark)
        default:
            let mark = Mark(line: Int(state.problem_mark.line) + 1, column: Int(state.problem_mark.column) + 1)
            if character(at: mark) == "\t" {
                return YAMLError("a tab character cannot indent or start a YAML token; use spaces", at: mark)
            }
            guard let context = state.context.map({ String(cString: $0) }) else { return YAMLError(problem, at: mark) }
            let contextMark = Mark(
                line: Int(state.context_mark.line) + 1, column: Int(state.context_mark.column) + 1)
            let started = contextMark == mark ? "" : " that started at \(contextMark)"
            return YAMLError("\(context)\(started): \(problem)", at: mark)
        }
    }

    /// The Unicode scalar at a 1-based line and column of the input, if there is one.
    private func character(at mark: Mark) -> Unicode.Scalar? {
        let input = UnsafeBufferPointer(rebasing: storage[..<inputCount])
        var line = 1
        var start = 0
        while line < mark.line, let newline = input[start...].firstIndex(of: UInt8(ascii: "\n")) {
            start = newline + 1
            line += 1
        }
        guard line == mark.line else { return nil }
        let end = input[start...].firstIndex(of: UInt8(ascii: "\n")) ?? input.count
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        return mark.column - 1 < scalars.count ? scalars[mark.column - 1] : nil
    }

    /// `#xFF`, `#x0001`: a byte or code point in YAML's hex notation, upper case, at least two digits.
    private static func hexCode(_ value: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        let width = value > 0xFF ? 4 : 2
        return "#x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
