/// One libyaml event, already translated into Swift values.
///
/// Only `EventParser` builds these; the tree builder never sees a C type.
enum Event {
    /// The start of the byte stream.
    case streamStart
    /// The end of the byte stream.
    case streamEnd
    /// The start of a document (explicit `---` or implicit).
    case documentStart
    /// The end of a document.
    case documentEnd
    /// `*name`.
    case alias(anchor: String)
    /// A scalar with its optional `&name`.
    case scalar(Scalar, anchor: String?)
    /// The start of a sequence with its optional `&name`.
    case sequenceStart(anchor: String?)
    /// The end of the innermost open sequence.
    case sequenceEnd
    /// The start of a mapping with its optional `&name`.
    case mappingStart(anchor: String?)
    /// The end of the innermost open mapping.
    case mappingEnd
}
