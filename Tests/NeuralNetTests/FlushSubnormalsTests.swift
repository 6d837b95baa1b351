import Testing
@testable import NeuralNet

@Suite struct FlushSubnormalsTests {
    /// Halving the smallest normal Float gives a subnormal, except while training flushes them
    /// (on x86-64); the mode is restored afterwards.
    @Test func subnormalsAreFlushedOnlyInside() {
        let values = [Float.leastNormalMagnitude, 0.5]
        func halved() -> Float { values[0] * values[1] }
        let inside = withSubnormalsFlushed { halved() }
        #if arch(x86_64)
        #expect(inside == 0)
        #else
        #expect(inside == Float.leastNormalMagnitude / 2)
        #endif
        #expect(halved() == Float.leastNormalMagnitude / 2 && halved().isSubnormal)
    }
}
