import Foundation
import Synchronization
import Testing

@testable import SoraCodegen

/// The one scheduling policy: when work is cut, how, and that results keep their order and errors stop the rest.
@Suite struct ScheduleTests {
    @Test(arguments: [0, 1, 255])
    func belowTheThresholdThereIsOneSlice(_ count: Int) {
        #expect(!Schedule.isParallel(count))
        #expect(Schedule.slices(count) == [0..<count])
    }

    @Test func fromTheThresholdOnSlicesHaveTheSliceSize() {
        let count = Schedule.threshold + 1
        #expect(Schedule.isParallel(count))
        let slices = Schedule.slices(count)
        #expect(slices.allSatisfy { $0.count <= Schedule.sliceSize })
        #expect(slices.dropLast().allSatisfy { $0.count == Schedule.sliceSize })
        #expect(slices.flatMap { Array($0) } == Array(0..<count))
    }

    @Test(arguments: [(10, 3), (9, 3), (1, 5), (0, 4), (7, 1)])
    func aGivenSizeCutsAnyCount(_ count: Int, _ size: Int) {
        let slices = Schedule.slices(count, size: size).filter { !$0.isEmpty }
        #expect(slices.flatMap { Array($0) } == Array(0..<count))
        #expect(slices.allSatisfy { $0.count <= size && !$0.isEmpty })
    }

    @Test(arguments: [false, true])
    func mapKeepsTheUnitOrder(_ parallel: Bool) throws {
        let results = try Schedule.map(500, parallel: parallel) { unit in unit * unit }
        #expect(results == (0..<500).map { $0 * $0 })
    }

    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1))
    func mapUsesMoreThanOneThreadWhenAsked() throws {
        // Each unit waits for another to be running at the same time; on one thread this would never end, so it is
        // bounded: a unit gives up after a while and reports that it ran alone.
        let running = Atomic<Int>(0)
        let overlapped = try Schedule.map(2, parallel: true) { _ -> Bool in
            running.wrappingAdd(1, ordering: .relaxed)
            defer { running.wrappingSubtract(1, ordering: .relaxed) }
            for _ in 0..<2000 {
                if running.load(ordering: .relaxed) == 2 { return true }
                usleepMilliseconds(1)
            }
            return false
        }
        #expect(overlapped.contains(true))
    }

    @Test(arguments: [false, true])
    func theFirstErrorIsThrownAndLaterUnitsDoNotStart(_ parallel: Bool) {
        let started = Atomic<Int>(0)
        #expect(throws: UnitFailure.self) {
            _ = try Schedule.map(10_000, parallel: parallel) { unit in
                started.wrappingAdd(1, ordering: .relaxed)
                if unit == 5 { throw UnitFailure() }
                return unit
            }
        }
        #expect(started.load(ordering: .relaxed) < 10_000)
    }

    @Test func forEachVisitsEveryIndexOnce() throws {
        for count in [3, Schedule.threshold * 2] {
            let seen = Mutex<[Int]>([])
            try Schedule.forEach(count) { index in seen.withLock { $0.append(index) } }
            #expect(seen.withLock { $0.sorted() } == Array(0..<count))
        }
    }

    @Test(arguments: [false, true])
    func bothReturnsBothResults(_ parallel: Bool) {
        let (first, second) = Schedule.both(parallel: parallel) {
            "first"
        } _: {
            2
        }
        #expect(first == "first")
        #expect(second == 2)
    }

    private struct UnitFailure: Error {}
}

/// Sleeps the calling thread (not a task): the schedule runs on threads.
private func usleepMilliseconds(_ milliseconds: UInt32) {
    var request = timespec(tv_sec: 0, tv_nsec: Int(milliseconds) * 1_000_000)
    _ = nanosleep(&request, nil)
}
