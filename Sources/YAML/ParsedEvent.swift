/// One libyaml event as plain values, detached from libyaml's buffers.
///
/// Plain data only (an anchor is an index into its batch's `anchors`), so that batches of them cost no reference
/// counting per event.
struct ParsedEvent: Sendable {
    var kind: EventParser.Kind
    var style: ScalarStyle = .plain
    var isExplicitString = false
    var line: UInt32
    var column: UInt32
    /// The event's `&name` or `*name` in `anchors`, or -1.
    var anchor: Int32 = -1
    /// Where a scalar's text sits in `text`.
    var textStart: UInt32 = 0
    var textCount: UInt32 = 0
}

/// A run of events with their scalar texts and anchor names.
struct EventBatch: Sendable {
    var events: [ParsedEvent] = []
    var text: [UInt8] = []
    var anchors: [String] = []
    /// libyaml's error, on the last batch when parsing failed after `events`.
    var error: YAMLError?

    init() {}

    /// An empty batch with room for `capacity` events and typical texts.
    init(capacity: Int) {
        events.reserveCapacity(capacity)
        text.reserveCapacity(capacity * 16)
    }

    /// Stores an anchor name and returns its index for `ParsedEvent.anchor`; -1 for none.
    mutating func add(anchor: String?) -> Int32 {
        guard let anchor else { return -1 }
        anchors.append(anchor)
        return Int32(anchors.count - 1)
    }

    /// The name of an event's anchor or alias, if it has one.
    func anchor(of event: ParsedEvent) -> String? {
        event.anchor >= 0 ? anchors[Int(event.anchor)] : nil
    }
}
