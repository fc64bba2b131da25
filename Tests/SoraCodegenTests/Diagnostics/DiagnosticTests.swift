import Testing
import YAML

@testable import SoraCodegen

/// Diagnostics: how one prints, and how a bag sorts, merges, drops duplicates and counts repeated warnings.
@Suite struct DiagnosticTests {
    static func mark(_ line: Int, _ column: Int) -> Mark { Mark(line: line, column: column) }

    @Test func aDiagnosticPrintsAsFileLineColumnSeverityMessage() {
        #expect(
            Diagnostic(.error, "bad thing", at: Self.mark(12, 7), file: "specs/api.yaml").description
                == "specs/api.yaml:12:7: error: bad thing")
        #expect(
            Diagnostic(.warning, "odd thing", at: Self.mark(1, 1), file: "a.yaml").description
                == "a.yaml:1:1: warning: odd thing")
    }

    @Test func diagnosticsAreValues() {
        let one = Diagnostic(.error, "m", at: Self.mark(1, 2), file: "f")
        #expect(one == Diagnostic(.error, "m", at: Self.mark(1, 2), file: "f"))
        #expect(one != Diagnostic(.warning, "m", at: Self.mark(1, 2), file: "f"))
        #expect(one != Diagnostic(.error, "m", at: Self.mark(1, 3), file: "f"))
        #expect(one != Diagnostic(.error, "m", at: Self.mark(1, 2), file: "g"))
    }

    @Test func aBagSortsByPlaceThenMessageAndDropsExactDuplicates() {
        var bag = DiagnosticBag(file: "s.yaml")
        bag.warning("zeta", at: Self.mark(3, 1))
        bag.error("beta", at: Self.mark(2, 10))
        bag.error("alpha", at: Self.mark(2, 10))
        bag.error("late column", at: Self.mark(2, 9))
        bag.warning("zeta", at: Self.mark(3, 1))
        bag.error("first", at: Self.mark(1, 100))
        #expect(bag.items.count == 6)
        #expect(
            bag.sorted.map(\.description) == [
                "s.yaml:1:100: error: first",
                "s.yaml:2:9: error: late column",
                "s.yaml:2:10: error: alpha",
                "s.yaml:2:10: error: beta",
                "s.yaml:3:1: warning: zeta",
            ])
    }

    @Test func theSameMessageAsErrorAndWarningIsKeptTwice() {
        var bag = DiagnosticBag(file: "s.yaml")
        bag.warning("m", at: Self.mark(1, 1))
        bag.error("m", at: Self.mark(1, 1))
        #expect(bag.sorted.count == 2)
    }

    @Test func hasErrorsOnlyForErrors() {
        var bag = DiagnosticBag(file: "s.yaml")
        #expect(!bag.hasErrors)
        bag.warning("w", at: Self.mark(1, 1))
        bag.repeatedWarning("r", at: Self.mark(1, 1))
        #expect(!bag.hasErrors)
        bag.error("e", at: Self.mark(1, 1))
        #expect(bag.hasErrors)
    }

    @Test func aRepeatedWarningIsPrintedOnceAtItsFirstPlaceWithTheCount() {
        var bag = DiagnosticBag(file: "s.yaml")
        bag.repeatedWarning("unused", at: Self.mark(9, 1))
        bag.repeatedWarning("unused", at: Self.mark(4, 3))
        bag.repeatedWarning("unused", at: Self.mark(6, 2))
        bag.repeatedWarning("twice", at: Self.mark(5, 5))
        bag.repeatedWarning("twice", at: Self.mark(7, 7))
        bag.repeatedWarning("once", at: Self.mark(8, 8))
        #expect(bag.items.isEmpty)
        #expect(
            bag.sorted.map(\.description) == [
                "s.yaml:4:3: warning: unused (here and in 2 more places)",
                "s.yaml:5:5: warning: twice (here and in 1 more place)",
                "s.yaml:8:8: warning: once",
            ])
    }

    @Test func aRepeatedWarningCountsPlacesNotReports() {
        var bag = DiagnosticBag(file: "s.yaml")
        for _ in 0..<3 { bag.repeatedWarning("unused", at: Self.mark(4, 3)) }
        bag.repeatedWarning("unused", at: Self.mark(6, 2))
        var copy = DiagnosticBag(file: "s.yaml")
        copy.repeatedWarning("unused", at: Self.mark(6, 2))
        bag.merge(copy)
        #expect(bag.sorted.map(\.description) == ["s.yaml:4:3: warning: unused (here and in 1 more place)"])
    }

    @Test func aSelectionCountsOnlyItsOwnPlaces() {
        var bag = DiagnosticBag(file: "s.yaml")
        for line in [2, 10, 11, 12] { bag.repeatedWarning("unused", at: Self.mark(line, 1)) }
        bag.error("outside", at: Self.mark(3, 1))
        bag.error("inside", at: Self.mark(11, 5))
        let keep: (Mark) -> Bool = { $0.line >= 10 }
        #expect(
            bag.sorted(keeping: keep).map(\.description) == [
                "s.yaml:10:1: warning: unused (here and in 2 more places)",
                "s.yaml:11:5: error: inside",
            ])
        #expect(bag.sorted(keeping: { $0.line == 2 }).map(\.description) == ["s.yaml:2:1: warning: unused"])
        #expect(bag.sorted(keeping: { _ in false }).isEmpty)
    }

    @Test func mergingJoinsItemsAndRepeatedPlaces() {
        var first = DiagnosticBag(file: "s.yaml")
        first.error("a", at: Self.mark(5, 1))
        first.repeatedWarning("unused", at: Self.mark(7, 1))
        var second = DiagnosticBag(file: "s.yaml")
        second.error("a", at: Self.mark(5, 1))
        second.warning("b", at: Self.mark(1, 1))
        second.repeatedWarning("unused", at: Self.mark(3, 1))
        second.repeatedWarning("other", at: Self.mark(9, 1))
        first.merge(second)
        #expect(first.items.count == 3)
        #expect(first.repeated["unused"] == [Self.mark(7, 1), Self.mark(3, 1)])
        #expect(
            first.sorted.map(\.description) == [
                "s.yaml:1:1: warning: b",
                "s.yaml:3:1: warning: unused (here and in 1 more place)",
                "s.yaml:5:1: error: a",
                "s.yaml:9:1: warning: other",
            ])
        #expect(first.hasErrors)
    }

    @Test func marksSaturateAndOrderByLineThenColumn() {
        #expect(Mark(line: -5, column: 1).line == 0)
        #expect(Mark(line: 1, column: Int.max).column == Int(UInt32.max))
        #expect(Self.mark(1, 99) < Self.mark(2, 1))
        #expect(Self.mark(2, 1) < Self.mark(2, 2))
        #expect(Self.mark(4, 2).description == "4:2")
    }

    @Test func aBagFromLoadingRendersLikeTheCommandLine() {
        let (_, diagnostics) = SpecReader.read(
            Array("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\nx-a: 1\nx-b: {x-a: 1}\n".utf8),
            file: "dir/spec.yaml")
        #expect(
            diagnostics.map(\.description) == [
                "dir/spec.yaml:4:1: warning: extension 'x-a' is not used by the generator; it is ignored",
                "dir/spec.yaml:5:1: warning: extension 'x-b' is not used by the generator; it is ignored",
            ])
    }
}
