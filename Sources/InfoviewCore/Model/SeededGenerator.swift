/// A small, fast random number generator whose sequence depends only on its seed (SplitMix64),
/// so that a conversation replayed with the same seed picks the same variants.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; the same seed always gives the same sequence.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// One of `choices`, picked with this generator (the same on every platform); `nil` when empty.
    mutating func pick<T>(_ choices: [T]) -> T? {
        guard !choices.isEmpty else { return nil }
        if choices.count == 1 { return choices[0] }
        return choices[Int(next() % UInt64(choices.count))]
    }
}
