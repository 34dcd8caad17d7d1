extension StringProtocol {
    /// Whether the text's UTF-8 holds a byte (an ASCII character): one pass over contiguous bytes
    /// where the generic `utf8.contains` walks an index at a time.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}
