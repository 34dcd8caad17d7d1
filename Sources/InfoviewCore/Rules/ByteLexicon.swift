/// Words as UTF-8 bytes, each with a small index: looking a word up reads its bytes where they
/// lie (in the text being checked) and makes no `String` of it.
///
/// Open addressing over a power-of-two table, with FNV-1a hashes; the words' bytes are kept end
/// to end in one array.
struct ByteLexicon: Sendable {
    private var bytes: [UInt8] = []
    /// Where word N's bytes begin in `bytes`; one more entry for the end of the last.
    private var starts: [Int32] = [0]
    /// Word indices by hash; -1 for an empty slot.
    private var slots: [Int32] = Array(repeating: -1, count: 64)

    /// How many words it holds.
    var count: Int { starts.count - 1 }

    /// The index of a word, or nil when it is not here.
    func index(of word: UnsafeBufferPointer<UInt8>) -> Int32? {
        slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { stored in
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
                while true {
                    let index = slots[slot]
                    if index < 0 { return nil }
                    let start = Int(starts[Int(index)])
                    let end = Int(starts[Int(index) + 1])
                    if end - start == word.count, Self.same(stored, from: start, word) { return index }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The index of a word, or nil when it is not here.
    func index(of word: String) -> Int32? {
        var word = word
        return word.withUTF8 { index(of: $0) }
    }

    /// The index of a word, adding it if new.
    mutating func insert(_ word: String) -> Int32 {
        if let index = index(of: word) { return index }
        let index = Int32(count)
        bytes.append(contentsOf: word.utf8)
        starts.append(Int32(bytes.count))
        if count * 2 > slots.count {
            rehash(size: slots.count * 2)
        } else {
            place(index)
        }
        return index
    }

    /// The word with an index.
    func word(_ index: Int32) -> String {
        String(decoding: bytes[Int(starts[Int(index)])..<Int(starts[Int(index) + 1])], as: UTF8.self)
    }

    private mutating func rehash(size: Int) {
        slots = Array(repeating: -1, count: size)
        for index in 0..<count { place(Int32(index)) }
    }

    private mutating func place(_ index: Int32) {
        let hash = bytes.withUnsafeBufferPointer { stored in
            Self.hash(UnsafeBufferPointer(rebasing: stored[Int(starts[Int(index)])..<Int(starts[Int(index) + 1])]))
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = index
    }

    @inline(__always) private static func same(
        _ stored: UnsafeBufferPointer<UInt8>, from start: Int, _ word: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for offset in 0..<word.count where stored[start + offset] != word[offset] { return false }
        return true
    }

    @inline(__always) private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ hash >> 29
    }
}
