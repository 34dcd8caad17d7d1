/// The word sets of compiled patterns (concepts and alternatives), packed into one array of
/// bits so that testing a word against set N reads two integers and one bit, and nothing is
/// counted or copied while a pattern runs.
struct WordSetTable: Sendable {
    private let bits: [UInt64]
    /// Where each set's words begin in `bits`, and one more entry for the end of the last.
    private let bounds: [Int32]

    init(_ sets: [WordSet]) {
        var bits: [UInt64] = []
        var bounds: [Int32] = [0]
        for set in sets {
            bits.append(contentsOf: set.storage)
            bounds.append(Int32(bits.count))
        }
        self.bits = bits
        self.bounds = bounds
    }

    /// Runs `body` with a view of the table that reads it through pointers.
    func withView<Result>(_ body: (View) -> Result) -> Result {
        bits.withUnsafeBufferPointer { bits in
            bounds.withUnsafeBufferPointer { bounds in body(View(bits: bits, bounds: bounds)) }
        }
    }

    /// The table, read through pointers valid inside `withView`.
    struct View {
        let bits: UnsafeBufferPointer<UInt64>
        let bounds: UnsafeBufferPointer<Int32>

        @inline(__always) func contains(_ id: Int32, inSet index: Int) -> Bool {
            guard id >= 0 else { return false }
            let word = Int(bounds[index]) + Int(id) >> 6
            return word < Int(bounds[index + 1]) && bits[word] & (1 << UInt64(id & 63)) != 0
        }
    }
}
