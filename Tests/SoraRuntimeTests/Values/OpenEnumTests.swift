import Foundation
import Testing

@_spi(Generated) @testable import SoraRuntime

/// Integer, number and boolean enums that keep unknown values, as generated code declares them.
@Suite struct OpenEnumTests {
    @Test func knownAndUnknownIntegersRoundTrip() throws {
        let decoded = try JSONDecoder().decode([Priority].self, from: Data("[1,2,99]".utf8))
        #expect(decoded == [.low, .high, .unknown(99)])
        #expect(decoded.map(\.isKnown) == [true, true, false])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == "[1,2,99]")
    }

    @Test func valuesAreEqualWhenTheySendTheSameValue() {
        #expect(Priority.unknown(1) == .low)
        #expect(Set([Priority.unknown(2), .high]).count == 1)
        #expect(Priority(integerLiteral: 2) == .high)
        let literal: Priority = 1
        #expect(literal == .low)
    }

    @Test func aNonIntegerIsADecodingErrorNotATrap() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Priority.self, from: Data("1.5".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Priority.self, from: Data(#""1""#.utf8)) }
    }

    @Test func theyArePathQueryAndHeaderValues() throws {
        var request = OperationRequest(operationID: "op", method: .get, path: "/p/{level}")
        request.setPathParameter("level", Priority.high)
        request.addQuery("scale", Scale.half)
        request.addQuery("on", Toggle.on)
        request.addQuery("all", [Priority.low, .unknown(7)], style: .form, explode: false)
        #expect(try request.renderedPath() == "/p/2")
        #expect(request.encodedQuery == "scale=0.5&on=true&all=1,7")
        #expect(Priority.unknown(7).description == "7")
    }

    @Test func numberAndBooleanEnums() throws {
        let scales = try JSONDecoder().decode([Scale].self, from: Data("[0.5,1,3.25]".utf8))
        #expect(scales == [.half, .whole, .unknown(3.25)])
        let literal: Scale = 1
        #expect(literal == .whole)
        let toggles = try JSONDecoder().decode([Toggle].self, from: Data("[true,false]".utf8))
        #expect(toggles == [.on, .unknown(false)])
        #expect(Toggle.knownCases == [true])
    }
}

/// What a generator writes for `type: integer, enum: [1, 2]`.
private enum Priority: OpenIntEnum {
    case low
    case high
    case unknown(Int)

    static let knownCases: [Priority] = [.low, .high]

    init(rawValue: Int) {
        switch rawValue {
        case 1: self = .low
        case 2: self = .high
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: Int {
        switch self {
        case .low: 1
        case .high: 2
        case .unknown(let value): value
        }
    }
}

private enum Scale: OpenNumberEnum {
    case half
    case whole
    case unknown(Double)

    static let knownCases: [Scale] = [.half, .whole]

    init(rawValue: Double) {
        switch rawValue {
        case 0.5: self = .half
        case 1: self = .whole
        default: self = .unknown(rawValue)
        }
    }

    var rawValue: Double {
        switch self {
        case .half: 0.5
        case .whole: 1
        case .unknown(let value): value
        }
    }
}

private enum Toggle: OpenBoolEnum {
    case on
    case unknown(Bool)

    static let knownCases: [Toggle] = [.on]

    init(rawValue: Bool) {
        self = rawValue ? .on : .unknown(rawValue)
    }

    var rawValue: Bool {
        switch self {
        case .on: true
        case .unknown(let value): value
        }
    }
}
