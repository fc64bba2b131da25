// Time and memory of the generator's stages on each input; see ../../README.md.
//
//   swift package benchmark                                  (all)
//   swift package benchmark --filter "synthetic"             (one input)

import Benchmark
import GeneratorStages

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResidentDelta, .mallocCountTotal, .mallocBytesCount],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 25
    )

    var inputs: [BenchInput] = []
    if let sora = Inputs.sora() {
        inputs.append(sora)
    } else {
        print("GeneratorBenchmarks: cannot read \(Inputs.soraPath); skipping sora-2")
    }
    if let upstream = Inputs.upstream() {
        inputs.append(upstream)
    } else {
        print("GeneratorBenchmarks: \(Inputs.upstreamPath) is absent; skipping the upstream document")
    }
    inputs.append(Inputs.synthetic(scale: 1))
    inputs.append(Inputs.synthetic(scale: 2))

    for input in inputs {
        for stage in input.stages {
            Benchmark("\(input.name) \(stage.title)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(stage.run(input))
                }
            }
        }
    }
}
