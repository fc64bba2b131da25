internal import CYAML

/// The one Swift owner of a libyaml `yaml_parser_t` and the event it last produced.
///
/// The parser reads the caller's bytes in place: it lives only inside `YAMLParser.parse`, which keeps them alive.
/// The accessors describe the current event and are valid until the next call of `next()`.
final class EventParser {
    /// What the current event is.
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd, alias, scalar
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let input: UnsafeBufferPointer<UInt8>

    /// Sets up a libyaml parser over `input`, which must stay valid for the parser's life.
    init(input: UnsafeBufferPointer<UInt8>) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLError("out of memory", at: Mark(line: 1, column: 1))
        }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        self.parser = parser
        self.event = event
        self.input = input
    }

    deinit {
        yaml_event_delete(event)
        event.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event and returns its kind.
    private func next() throws(YAMLError) -> Kind {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else {
            throw currentError()
        }
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_STREAM_START_EVENT: return .streamStart
        default: return .streamEnd
        }
    }

    /// Parses the next event and returns it as plain values, with its scalar text (empty unless a scalar; valid
    /// until the next call) and the name of its `&anchor` or `*alias`.
    func nextEvent() throws(YAMLError) -> (event: ParsedEvent, scalar: UnsafeBufferPointer<UInt8>, anchor: String?) {
        let kind = try next()
        let position = position
        var event = ParsedEvent(kind: kind, line: position.line, column: position.column)
        guard kind == .scalar else {
            return (event, UnsafeBufferPointer(start: nil, count: 0), anchor)
        }
        event.style = scalarStyle
        event.isExplicitString = scalarIsExplicitString
        return (event, scalarBytes, anchor)
    }

    /// The 1-based line and column where the current event starts, saturated to 32 bits.
    private var position: (line: UInt32, column: UInt32) {
        let mark = event.pointee.start_mark
        return (UInt32(clamping: mark.line &+ 1), UInt32(clamping: mark.column &+ 1))
    }

    /// The current scalar's text, in libyaml's buffer.
    private var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: event.pointee.data.scalar.length)
    }

    /// The current scalar's style.
    private var scalarStyle: ScalarStyle {
        switch event.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// True when the current scalar has the non-specific tag `!` or `!!str` (`tag:yaml.org,2002:str`).
    private var scalarIsExplicitString: Bool {
        guard let tag = event.pointee.data.scalar.tag else { return false }
        let text = String(cString: tag)
        return text == "!" || text == "tag:yaml.org,2002:str"
    }

    /// The current event's `&name` or `*name`, if it has one.
    private var anchor: String? {
        let pointer: UnsafeMutablePointer<yaml_char_t>?
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: pointer = event.pointee.data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: pointer = event.pointee.data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: pointer = event.pointee.data.mapping_start.anchor
        case YAML_ALIAS_EVENT: pointer = event.pointee.data.alias.anchor
        default: pointer = nil
        }
        return pointer.map { String(cString: $0) }
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
            return YAMLError(message, at: ReaderMark.mark(atOffset: Int(state.problem_offset), in: input))
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
